"""Small real indexes for the search pages: the demo register and the demo's patents."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from ipsentry.formats.register_list import read_register
from ipsentry.services.patent_search import build_index
from ipsentry.services.register_watch import build_register

DEMO = resources.files("ipsentry.data.demo")
DATED = "CCELLA"  # a line of the demo register with its publication date and office


def build_indexes(folder: Path) -> tuple[Path, Path]:
    """(register index, patent index) folders under ``folder``, built lexically (fast)."""
    register = folder / "register"
    build_register(read_register(Path(str(DEMO.joinpath("register.txt")))), register, workers=1)
    demo = DEMO.joinpath("rights.json").read_text("utf-8")
    patents = [
        {
            "number": r["jurisdiction"] + r["registration_number"],
            "title": r["title"],
            "abstract": r.get("abstract", ""),
            "claims": r.get("claims", ""),
        }
        for r in json.loads(demo)
        if r["kind"] == "patent"
    ]
    patent_index = folder / "patents"
    build_index(patents, patent_index, dense=False)
    return register, patent_index
