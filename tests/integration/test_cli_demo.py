"""The command line as a user runs it: demo load (twice), list, show, export, deadlines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def run(database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def invoke(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        env = {"IPSENTRY_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin", "COLUMNS": "200"}
        done = subprocess.run(
            [sys.executable, "-m", "ipsentry", *args], capture_output=True, text=True, env=env
        )
        assert (done.returncode == 0) is ok, done.stderr
        return done

    return invoke


def test_demo_loads_once_and_every_listing_works(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("demo", "load").stdout
    assert first == run("demo", "load").stdout  # loading twice adds nothing
    rights = json.loads(run("portfolio", "list", "--json").stdout)
    assert len(rights) == 12
    assert {"US 10357623", "US 10791763", "US 10791762", "US 5633060"} <= {
        r["number"] for r in rights
    }
    marks = json.loads(
        run("portfolio", "list", "--kind", "trademark", "--jurisdiction", "cn", "--json").stdout
    )
    assert sorted(m["title"] for m in marks) == ["CCELL", "思摩尔"]

    shown = json.loads(run("portfolio", "show", "US 10,357,623", "--json").stdout)
    assert shown["illustrative"] == "yes"
    claim1 = shown["claims"][0]
    assert [e["role"] for e in claim1["elements"]][:2] == ["preamble", "transition"]
    assert any("free of a wick" in e["text"] for e in claim1["elements"])

    ics = tmp_path / "due.ics"
    due = json.loads(
        run(
            "deadlines", "--within", "1y", "--today", "2026-11-23", "--ics", str(ics), "--json"
        ).stdout
    )
    assert due and all(d["rule"].endswith("@2026.2") and d["derivation"] for d in due)
    fields = {"right_label", "kind", "due", "grace_until", "opens", "rule", "derivation", "state"}
    assert all(fields <= set(d) for d in due)
    assert {d["state"] for d in due} <= {"upcoming", "due_soon", "overdue", "in_grace", "lost"}
    assert ics.read_text().count("BEGIN:VEVENT") == len(due)
    assert ics.read_text().count("X-IPSENTRY-STATE:") == len(due)
    cancelled = json.loads(
        run("deadlines", "--within", "20y", "--today", "2018-01-01", "--cancelled", "--json").stdout
    )
    assert any(d["cancelled"] and d["right_label"] == "US 9999991" for d in cancelled)

    # a defended opposition: the parties in their roles, the opposed application's window
    opposition = run("cases", "show", "OPP-B-018000001").stdout
    assert "side: defended, served 2026-11-27" in opposition
    assert "applicant: Shenzhen Smoore" in opposition and "opposer: Hangzhou" in opposition
    assert "respondents resolved" not in opposition  # no one's disposition is tracked
    shown = json.loads(run("cases", "show", "OPP-B-018000001", "--json").stdout)
    assert [d["due"] for d in shown["deadlines"]] == ["2027-01-04"]  # EUTMR art. 46, off a weekend

    exported = tmp_path / "portfolio.xlsx"
    run("portfolio", "export", str(exported))
    assert "0 created, 0 updated, 12 unchanged" in run("portfolio", "import", str(exported)).stdout


def test_bad_input_is_reported_by_file_row_and_field(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "load")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind,jurisdiction,mark,registration_number,filing_date\ntrademark,US,X,1,2020-02-30\n"
    )
    done = run("portfolio", "import", str(bad), ok=False)
    assert f"{bad}:2: filing_date: '2020-02-30' is not a date" in done.stderr
    assert done.returncode == 2
    assert run("deadlines", "--within", "soon", ok=False).returncode == 2
    assert "no right" in run("portfolio", "show", "US 1", ok=False).stderr
