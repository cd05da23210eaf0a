"""Layers (DESIGN.md §3): the command line reaches the store and the engines only through
services (issue 11.2, issue 8.8); the mark engine does no file I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "ipsentry"
CLI = PACKAGE / "cli"
INTERFACES = sorted(p for layer in ("cli", "api", "web") for p in (PACKAGE / layer).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", INTERFACES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_interfaces_never_open_the_store(module: Path) -> None:
    assert not [m for m in imported(module) if m.startswith("ipsentry.store")]


@pytest.mark.parametrize("module", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_the_command_line_calls_services_not_engines(module: Path) -> None:
    assert not [m for m in imported(module) if m.startswith("ipsentry.matching")]


MARK_ENGINE = CLI.parent / "matching" / "marks"


@pytest.mark.parametrize("module", sorted(MARK_ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_the_mark_engine_reads_and_writes_no_files(module: Path) -> None:
    """Index folders are stored by formats.register_index; the engine keeps to memory.
    (Its reference data comes from the package through lexicon's resource reader.)"""
    source = module.read_text("utf-8")
    assert "pathlib" not in imported(module)
    assert not [call for call in ("np.save(", "np.load(", "open(") if call in source]


CLAIM_ENGINE = CLI.parent / "matching" / "claims"


@pytest.mark.parametrize("module", sorted(CLAIM_ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_the_claim_engine_reads_and_writes_no_files(module: Path) -> None:
    """Patent index folders are stored by formats.patent_index; the engine keeps to memory."""
    source = module.read_text("utf-8")
    assert "pathlib" not in imported(module)
    assert not [c for c in ("np.save(", "np.load(", "open(", ".save(", ".load(") if c in source]
