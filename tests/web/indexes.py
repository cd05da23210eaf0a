"""Small real indexes for the search pages: the demo register and the demo's patents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ipsentry.formats.register_list import read_register
from ipsentry.services.demo import build_demo_patent_index
from ipsentry.services.register_watch import build_register

DEMO = resources.files("ipsentry.data.demo")
DATED = "CCELLA"  # a line of the demo register with its publication date and office


def build_indexes(folder: Path) -> tuple[Path, Path]:
    """(register index, patent index) folders under ``folder``, built lexically (fast)."""
    register = folder / "register"
    build_register(read_register(Path(str(DEMO.joinpath("register.txt")))), register, workers=1)
    patent_index = folder / "patents"
    build_demo_patent_index(patent_index)
    return register, patent_index
