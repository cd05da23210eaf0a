"""``ipsentry cases parse-notice`` on every real development notice, through the command line.

The readings themselves are scored against ../shared/data/itc/truth.jsonl by
``bench/itc_notices.py`` (and ../shared/tools/evaluate itc); here each real notice must be
read without error into the contract's shape and vocabulary, as JSON and as a summary.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipsentry.cli.app import run
from tests.conftest import DATA

NOTICES = sorted((DATA / "itc" / "notices").glob("*.txt"))
KINDS = {"institution", "termination", "default", "exclusion_order", "final_determination", "other"}
DISPOSITIONS = {
    "consent_order",
    "settlement",
    "withdrawal",
    "default",
    "violation",
    "no_violation",
    "terminated_other",
}
KEYS = {
    "investigation",
    "title",
    "notice_kind",
    "complainants",
    "respondents",
    "asserted_patents",
    "asserted_marks",
    "dispositions",
    "remedies",
    "fr_citation",
    "bond",
}


def test_there_are_development_notices() -> None:
    assert len(NOTICES) >= 7


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name)
def test_every_development_notice_reads_into_the_contract(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["cases", "parse-notice", str(path), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert set(got) >= KEYS
    assert got["investigation"].startswith("337-TA-") and got["notice_kind"] in KINDS
    for party in got["complainants"] + got["respondents"]:
        assert set(party) == {"name", "location"} and party["name"]
    assert {d["disposition"] for d in got["dispositions"]} <= DISPOSITIONS
    assert set(got["remedies"]) <= {"GEO", "LEO", "CDO"}
    assert run(["cases", "parse-notice", str(path)]) == 0
    shown = capsys.readouterr().out
    assert got["investigation"] in shown and "Traceback" not in shown
