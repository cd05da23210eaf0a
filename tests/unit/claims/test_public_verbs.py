"""`ipsentry.chart_claim` and `ipsentry.search_patents`: the library's claim verbs, loaded
on first use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import ipsentry
from ipsentry.errors import InvalidInput
from ipsentry.formats.patent_index import write_index
from ipsentry.matching.claims.search import build

PATENT = {
    "number": "US10000001",
    "title": "Sprayer",
    "claims": [{"num": 1, "text": "A sprayer comprising:\na nozzle;\na pump; and\na tank."}],
}


def test_chart_claim_charts_a_patent_file_against_a_text(tmp_path: Path) -> None:
    patent = tmp_path / "patent.json"
    patent.write_text(json.dumps(PATENT), "utf-8")
    chart = ipsentry.chart_claim(
        patent, "The sprayer has a nozzle, a pump and a tank.", words_only=True
    )
    (claim,) = chart["claims"]
    assert chart["patent"]["number"] == "US10000001"
    assert claim["verdict"] == "reads_on" and claim["share_found"] == 1.0
    toaster = ipsentry.chart_claim(patent, "A toaster with a crumb tray.", words_only=True)
    assert toaster["claims"][0]["share_found"] == 0.0


def test_search_patents_finds_the_patent_a_claim_is_about(tmp_path: Path) -> None:
    records = [
        {"number": "US1", "title": "Garden sprayer", "abstract": "A hand pump drives liquid from a tank to a nozzle."},
        {"number": "US2", "title": "Toaster", "abstract": "Quartz lamps brown bread; a crumb tray slides out."},
    ]  # fmt: skip
    write_index(build(records, dense=False), tmp_path / "index")
    ((query, hits),) = ipsentry.search_patents(tmp_path / "index", ["a pump, a tank and a nozzle"])
    assert query == "a pump, a tank and a nozzle" and hits[0].number == "US1"
    with pytest.raises(InvalidInput):
        ipsentry.search_patents(tmp_path / "index", ["  "])


def test_importing_ipsentry_loads_no_engine() -> None:
    code = "import sys, ipsentry; print(sorted(m for m in sys.modules if m.startswith(('numpy', 'ipsentry.matching'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert {"chart_claim", "search_patents"} <= set(dir(ipsentry))
