"""Patent search: index a corpus of patent records, and search it by text or by a patent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.tabular import read_rows
from ipsentry.matching.claims.search import Hit, PatentIndex
from ipsentry.matching.claims.search import build as build


def read_corpus(path: Path) -> list[dict[str, Any]]:
    """Records in the patent corpus format; every field may be missing but the number."""
    if not path.exists():
        raise NotFound(f"{path}: no such file")
    records, problems, seen = [], [], set()
    for number, record in read_rows(path):
        key = str(record.get("number") or "").strip()
        if not key:
            problems.append(
                Problem(str(path), number, "number", "missing; a patent needs its number")
            )
        elif key in seen:
            problems.append(Problem(str(path), number, "number", f"{key} appears twice"))
        else:
            seen.add(key)
            records.append(record)
    if problems:
        raise InvalidInput(problems)
    return records


def build_index(
    corpus: Path, out: Path, dense: bool = True, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    return build(read_corpus(corpus), out, dense=dense, progress=progress)


def open_index(folder: Path) -> PatentIndex:
    if not (folder / "meta.json").exists():
        raise NotFound(f"{folder}: not a patent index; make one with 'ipsentry patents index'")
    return PatentIndex(folder)


def like(index: PatentIndex, number: str, top: int) -> list[Hit]:
    try:
        return index.like(number, top)
    except KeyError:
        raise NotFound(f"{number} is not in the index") from None
