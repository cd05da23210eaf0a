"""The health-check command line on the demo: a report read back from its PDF, in both
languages, and the questionnaire's branching seen through 'health questions'."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from ipsentry.cli.app import run
from ipsentry.errors import PermissionDenied
from ipsentry.settings import get_settings
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork

ADVISOR = ["--as", "advisor@ipservice-demo.example"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("health")
    saved = dict(os.environ)
    os.environ["IPSENTRY_DATABASE_URL"] = f"sqlite:///{root / 'demo.sqlite3'}"
    get_settings.cache_clear()
    assert run(["demo", "load"]) == 0
    yield root
    os.environ.clear()
    os.environ.update(saved)
    get_settings.cache_clear()
    dispose_all()


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert run([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_report_of_a_recheck_reads_back_from_its_pdf(demo: Path) -> None:
    out = demo / "report.pdf"
    assert run(["health", "report", "2", "--out", str(out), *ADVISOR]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "IP health check" in text and "Beijing Example Robotics" in text
    assert "CONFIDENTIAL" in text
    assert "improved" in text  # the re-check column
    # the like-for-like bars and change are told apart from the score column
    assert "over the checks made both times" in " ".join(text.split())
    assert "Remediation plan" in text


def test_a_recheck_shown_says_what_its_change_is_measured_over(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["health", "show", "2", *ADVISOR]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "since last check" in out and "improved" in out
    assert "its change since the last check are over the checks made both times" in out


def test_a_draft_has_no_report_and_a_report_is_an_audited_export(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = demo / "draft.pdf"
    counsel = ["--as", "counsel@smoore-demo.example"]  # the demo's self-check 3 is a draft
    capsys.readouterr()
    assert run(["health", "report", "3", "--out", str(out), *counsel]) == 6
    assert "is not diagnosed yet" in capsys.readouterr().err and not out.exists()
    assert run(["health", "report", "1", "--out", str(demo / "one.html"), *ADVISOR]) == 0
    with UnitOfWork.for_url(os.environ["IPSENTRY_DATABASE_URL"]) as uow:
        (newest, *_), _ = uow.accounts.audit_entries(AuditFilter(action="export"))
    assert newest.details["what"] == "the report of health check 1"
    assert newest.details["format"] == "html"


def test_the_report_in_chinese_carries_the_chinese_texts(demo: Path) -> None:
    out = demo / "report-zh.pdf"
    assert run(["health", "report", "1", "--out", str(out), "--lang", "zh_Hans", *ADVISOR]) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "知识产权体检报告" in text
    assert "权属与转让" in text  # a section title from the questionnaire's own translation


def test_questions_show_follow_ups_once_their_trigger_is_answered(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["health", "start", "--as", "counsel@robotics-demo.example"]) == 0
    capsys.readouterr()
    listed = _json(capsys, "health", "list", "--as", "counsel@robotics-demo.example")
    assert isinstance(listed, list)
    new = max(row["id"] for row in listed)
    asked = _json(capsys, "health", "questions", str(new), "--as", "counsel@robotics-demo.example")
    assert isinstance(asked, list)
    ids = [q["id"] for q in asked]
    assert "contractor_assignment" not in ids
    answers = demo / "answers.yaml"
    answers.write_text("uses_contractors: 'yes'\n", "utf-8")
    assert (
        run(["health", "answer", str(new), str(answers), "--as", "counsel@robotics-demo.example"])
        == 0
    )
    asked = _json(capsys, "health", "questions", str(new), "--as", "counsel@robotics-demo.example")
    assert isinstance(asked, list)
    assert "contractor_assignment" in [q["id"] for q in asked]


def test_questions_carry_their_help_and_a_number_its_unit(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counsel = ["--as", "counsel@smoore-demo.example"]  # the demo's self-check 3 is a draft
    asked = _json(capsys, "health", "questions", "3", "--all", *counsel)
    assert isinstance(asked, list) and asked
    assert [q["id"] for q in asked if not q["help"]] == []
    budget = next(q for q in asked if q["id"] == "enforcement_budget")
    assert (budget["type"], budget["unit"]) == ("number", "hours a year")
    assert {q["unit"] for q in asked if q["id"] != "enforcement_budget"} == {""}
    in_chinese = _json(capsys, "health", "questions", "3", "--all", "--lang", "zh_Hans", *counsel)
    assert isinstance(in_chinese, list)
    assert next(q["unit"] for q in in_chinese if q["id"] == "enforcement_budget") == "小时/年"
    capsys.readouterr()
    assert run(["health", "questions", "3", "--all", *counsel]) == 0
    table = capsys.readouterr().out
    assert "number (hours a year)" in table  # the answer column says what to count
    assert "Count the hours you can actually call on" in " ".join(table.split())


def test_a_bad_answer_file_names_the_file_and_the_question(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = demo / "bad.yaml"
    bad.write_text("exports: perhaps\nno_such: 1\n", "utf-8")
    capsys.readouterr()
    assert run(["health", "answer", "3", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: exports: answer yes or no" in err
    assert f"{bad}: no_such: no such question" in err
    pasted = "Clause 1. The Supplier shall keep confidential... " * 100
    bad.write_text(json.dumps({"enforcement_budget": pasted}), "utf-8")
    assert run(["health", "answer", "3", str(bad)]) == 2
    err = capsys.readouterr().err
    assert pasted not in err and "'Clause 1. The Supplier shall keep" in err
    assert len(err) < 300, err  # the paste quoted back cut, not whole


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("nan.yaml", "enforcement_budget: .nan\n", "not nan"),
        ("inf.yaml", "enforcement_budget: -.inf\n", "not -inf"),
        ("nan.json", '{"enforcement_budget": NaN}', "not nan"),
        ("inf.json", '{"enforcement_budget": Infinity}', "not inf"),
        ("big.json", '{"enforcement_budget": 1e400}', "not inf"),  # read as infinity
        ("huge.json", '{"enforcement_budget": 1e99}', "not 1e+99"),
        ("words.yaml", "enforcement_budget: forty\n", "not 'forty'"),
    ],
)
def test_a_number_that_is_no_amount_is_refused_naming_the_question_and_its_range(
    demo: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str
) -> None:
    bad = demo / name
    bad.write_text(text, "utf-8")
    capsys.readouterr()
    assert run(["health", "answer", "3", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"{bad}: enforcement_budget: give a finite number from 0 to 10,000, {said}"


def test_a_number_too_long_to_read_is_refused_not_a_crash(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (("long.json", '{"enforcement_budget": %s}'), ("long.yaml", "x: %s")):
        bad = demo / name
        bad.write_text(text % ("1" * 5000), "utf-8")
        capsys.readouterr()
        assert run(["health", "answer", "3", str(bad)]) == 2
        assert "more than 4,300 digits" in capsys.readouterr().err


@pytest.mark.parametrize("hours", ["nan", "inf", "-inf", "1e400", "1e99"])
def test_package_and_used_hours_that_are_no_amount_are_refused(
    demo: Path, capsys: pytest.CaptureFixture[str], hours: str
) -> None:
    before = _json(capsys, "health", "programme", *ADVISOR)
    assert run(["health", "diagnose", "3", "--package-hours", hours]) == 2
    said = capsys.readouterr().err
    assert said.startswith("command line: --package-hours: give a finite number above 0, at most "
                           "10,000 hours, not "), said  # fmt: skip
    assert run(["health", "hours", "1", hours, *ADVISOR]) == 2
    assert "command line: hours: give hours above zero, at most" in capsys.readouterr().err
    assert _json(capsys, "health", "programme", *ADVISOR) == before


def test_an_answer_to_a_follow_up_not_asked_is_refused_naming_its_condition(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = demo / "follow-up.yaml"
    for text, state in [
        ("co_development_ownership: agreed_in_writing\n", "co_development is not answered yet"),
        ("co_development: 'no'\nco_development_ownership: agreed_in_writing\n",
         "co_development is answered 'no'"),
    ]:  # fmt: skip
        bad.write_text(text, "utf-8")
        capsys.readouterr()
        assert run(["health", "answer", "3", str(bad)]) == 2
        assert capsys.readouterr().err.strip() == (
            f"{bad}: co_development_ownership: a follow-up asked only when co_development is "
            f"'yes', and {state}"
        )
    asked = _json(capsys, "health", "questions", "3", "--all")
    assert isinstance(asked, list)
    (co_development,) = [q for q in asked if q["id"] == "co_development"]
    assert co_development["answer"] is None  # the refused file saved nothing


def test_the_programme_view_counts_the_providers_work(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "health", "programme", *ADVISOR)
    assert isinstance(data, dict)
    assert data["enterprises"] == ["Beijing Example Robotics Co., Ltd. (demo)"]
    assert data["diagnosed"] == 2
    assert data["service_hours"] == {"given": 10.0, "used": 7.0, "left": 3.0}
    latest = data["findings_by_section"]  # the re-check's findings, not the first check's
    assert sum(sum(c.values()) for c in latest.values()) == 10
    assert data["disputes"]["by_state"] == {  # the advisor is in charge of all four
        "intake": 1,
        "in_mediation": 1,
        "resolved": 1,
        "referred": 1,
    }
    capsys.readouterr()
    assert run(["health", "programme", "--as", "counsel@smoore-demo.example"]) == 5


def test_a_provider_lists_the_slugs_it_may_check(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served = _json(capsys, "health", "enterprises", *ADVISOR)
    assert served == [
        {"slug": "robotics-demo", "name": "Beijing Example Robotics Co., Ltd. (demo)"}
    ]
    assert run(["health", "enterprises", *ADVISOR]) == 0
    assert "robotics-demo" in capsys.readouterr().out
    assert run(["health", "enterprises", "--as", "counsel@robotics-demo.example"]) == 0
    assert "No enterprise has engaged your organisation" in capsys.readouterr().out


def test_a_provider_opens_the_case_its_dispute_became_as_itself(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _json(capsys, "cases", "list", *ADVISOR)
    assert isinstance(listed, list)
    (case,) = listed
    assert run(["cases", "show", str(case["id"]), *ADVISOR]) == 0
    assert "edge-brush" in capsys.readouterr().out
    assert run(["cases", "list", *ADVISOR]) == 0
    assert f"│ {case['id']} " in capsys.readouterr().out  # the id 'cases show' takes
    # a user named in the environment alone acts for their own organisation
    monkeypatch.setenv("IPSENTRY_USER_EMAIL", "advisor@ipservice-demo.example")
    get_settings.cache_clear()
    try:
        assert _json(capsys, "cases", "list") == listed
    finally:
        monkeypatch.delenv("IPSENTRY_USER_EMAIL")
        get_settings.cache_clear()


def test_a_register_watch_finds_others_marks_like_the_enterprises(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = demo / "names.txt"
    names.write_text(
        "examplebot\nexamp1ebot\nflask\n", "utf-8"
    )  # its own mark, a homoglyph, a stranger
    assert run(["register", "build", str(names), "--out", str(demo / "register")]) == 0
    counsel = ["--as", "counsel@robotics-demo.example"]
    listed = _json(capsys, "health", "list", *counsel)
    assert isinstance(listed, list)
    answers = demo / "watch.yaml"
    answers.write_text('trademark_watch: "yes"\n', "utf-8")
    for left_open in (r for r in listed if r["status"] == "draft" and not r["provider"]):
        assert run(["health", "answer", str(left_open["id"]), str(answers), *counsel]) == 0
        assert run(["health", "diagnose", str(left_open["id"]), *counsel]) == 0
    assert run(["health", "start", *counsel]) == 0
    listed = _json(capsys, "health", "list", *counsel)
    assert isinstance(listed, list)
    new = str(max(row["id"] for row in listed))
    assert run(["health", "start", *counsel]) == 6  # its self-check is still open
    assert f"health check {new} of this enterprise is still open" in capsys.readouterr().err
    assert run(["health", "answer", new, str(answers), *counsel]) == 0
    assert run(["health", "diagnose", new, "--register", str(demo / "register"), *counsel]) == 0
    shown = _json(capsys, "health", "show", new, *counsel)
    assert isinstance(shown, dict)
    (watch,) = [f for f in shown["findings"] if f["code"] == "WATCH-SIMILAR-MARKS"]
    (item,) = watch["evidence_items"]
    assert item["value"][0].startswith("examp1ebot (like EXAMPLEBOT")


def test_service_hours_are_counted_and_never_beyond_the_package(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["health", "hours", "1", "2", *ADVISOR]) == 0
    assert "9 of 10 package hours used, 1 left" in capsys.readouterr().out
    assert run(["health", "hours", "1", "5", *ADVISOR]) == 2
    assert "at most 1 h left" in capsys.readouterr().err
    enterprise = ["--as", "counsel@robotics-demo.example"]
    assert run(["health", "hours", "1", "1", *enterprise]) == PermissionDenied.exit_code
    assert "only the provider of health check 1 counts its service hours" in " ".join(
        capsys.readouterr().err.split()
    )


def test_negative_hours_and_task_numbers_reach_the_checks_that_refuse_them(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'-2' is a value, not an unknown option (click said 'No such option: -2')."""
    before = _json(capsys, "health", "programme", *ADVISOR)
    assert isinstance(before, dict)
    for used in ("-2", "-0.5"):
        assert run(["health", "hours", "1", used, *ADVISOR]) == 2
        said = capsys.readouterr().err
        assert said.startswith("command line: hours: give hours above zero"), said
    assert run(["health", "task", "1", "-1", "done", *ADVISOR]) == 4
    assert "health check 1 has no task -1" in capsys.readouterr().err
    after = _json(capsys, "health", "programme", *ADVISOR)
    assert isinstance(after, dict) and after["service_hours"] == before["service_hours"]


def test_a_section_not_comparable_at_a_recheck_says_so_without_none(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counsel = ["--as", "counsel@smoore-demo.example"]  # its self-check 3, a draft till now
    first, then = demo / "first.yaml", demo / "then.yaml"
    first.write_text("trademark_watch: 'no'\n", "utf-8")
    then.write_text("customs_recorded: 'no'\n", "utf-8")
    assert run(["health", "answer", "3", str(first), *counsel]) == 0
    earlier = (date.today() - timedelta(days=10)).isoformat()
    assert run(["health", "diagnose", "3", "--today", earlier, *counsel]) == 0
    assert run(["health", "start", "--recheck", *counsel]) == 0
    listed = _json(capsys, "health", "list", *counsel)
    assert isinstance(listed, list)
    again = str(max(row["id"] for row in listed))
    assert run(["health", "answer", again, str(then), *counsel]) == 0
    assert run(["health", "diagnose", again, *counsel]) == 0
    capsys.readouterr()
    assert run(["health", "show", again, *counsel]) == 0
    shown = capsys.readouterr().out
    assert "not comparable" in shown and "None" not in shown
    assert "not comparable (" not in shown  # no scores to set side by side, no "None → None"
    assert "worse (" in shown  # customs: recorded then, not now


def test_outreach_on_the_command_line_announced_counted_and_read_by_members(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["health", "event", "seminar", "Next spring's seminar", "--on", "2999-03-01",
                *ADVISOR]) == 0  # fmt: skip
    capsys.readouterr()
    assert run(["health", "outreach", *ADVISOR]) == 0
    listed = capsys.readouterr().out
    assert "not held yet" in listed and "case study" in listed and "n/a" in listed
    events = _json(capsys, "health", "outreach", *ADVISOR)
    assert isinstance(events, list)
    announced = next(e for e in events if e["title"] == "Next spring's seminar")
    assert run(["health", "attendance", str(announced["id"]), "30", *ADVISOR]) == 2
    assert "not held yet: record its attendance once it is" in capsys.readouterr().err
    shared = _json(capsys, "health", "case-studies", "--as", "counsel@robotics-demo.example")
    assert isinstance(shared, list)
    assert [s["title"] for s in shared] == ["When mass copying goes to court rather than mediation"]
    capsys.readouterr()
    assert run(["health", "case-studies", "--as", "counsel@smoore-demo.example"]) == 0
    assert "No case study has been shared with your organisation." in capsys.readouterr().out
