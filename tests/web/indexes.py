"""Small real indexes for the search pages: a register of names and the demo's patents."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from ipsentry.formats.register_list import RegisterEntry
from ipsentry.services.patent_search import build_index
from ipsentry.services.register_watch import build_register

# Made-up register lines in the shapes real registers hold: a near copy of the demo's word
# mark, look-alikes, unrelated names, and a dated one (it carries an opposition window).
REGISTER = ["CCELL", "C-CELL", "CCELLO PODS", "SEECELL", "RIVERSTONE", "AURORA BAKERY"]
DATED = "CCELLA"


def build_indexes(folder: Path) -> tuple[Path, Path]:
    """(register index, patent index) folders under ``folder``, built lexically (fast)."""
    register = folder / "register"
    entries = [RegisterEntry(name=n) for n in REGISTER]
    entries.append(RegisterEntry(name=DATED, published=date.today(), office="US"))
    build_register(entries, register, workers=1)
    demo = resources.files("ipsentry.data.demo").joinpath("rights.json").read_text("utf-8")
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
