"""What a new user reads when a command is given wrongly: one line naming the option or
argument, usage lines as POSIX writes them, choices without the validator's prefix,
columns an import cannot read named, amounts with thousands separated.

The commands come from the command tree itself, so a command added later is checked too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer._click import Command, Context
from typer.core import TyperArgument, TyperGroup

from ipsentry.cli.app import COMMANDS, load_command, run
from ipsentry.cli.output import money
from ipsentry.domain.common import Confidentiality
from ipsentry.services.audit import AuditFilter
from ipsentry.services.database import unit_of_work
from ipsentry.settings import get_settings
from ipsentry.store.database import dispose_all


def commands(
    command: Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Command]]:
    if isinstance(command, TyperGroup):
        for name in command.list_commands(Context(command)):
            sub = command.get_command(Context(command), name)
            if sub is not None:
                yield from commands(sub, (*path, name))
    else:
        yield path, command


def leaves() -> list[tuple[tuple[str, ...], Command]]:
    return [
        ((name, *sub_path), sub)
        for name in COMMANDS
        for sub_path, sub in commands(load_command(name))
    ]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    saved = dict(os.environ)
    os.environ["IPSENTRY_DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    get_settings.cache_clear()
    assert run(["demo", "load"]) == 0
    yield tmp_path
    os.environ.clear()
    os.environ.update(saved)
    get_settings.cache_clear()
    dispose_all()


def test_usage_lines_name_arguments_in_capitals_without_braces() -> None:
    wrong = []
    for path, command in leaves():
        usage = " ".join(command.collect_usage_pieces(Context(command)))
        arguments = [p for p in command.params if isinstance(p, TyperArgument)]
        if "{" in usage or any(str(p.name).upper() not in usage for p in arguments):
            wrong.append((" ".join(path), usage))
    assert len(leaves()) > 30 and not wrong, wrong


def test_a_missing_option_or_argument_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    checked = 0
    for path, command in leaves():
        if not any(p.required for p in command.params):
            continue
        assert run(list(path)) == 2, path
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 2 and lines[1].startswith("Try '"), (path, lines)
        assert re.fullmatch(
            r"command line: (--[a-z-]+|[A-Z_]+): is required(; one of .+)?", lines[0]
        ), lines
        checked += 1
    assert checked > 10
    assert run(["user", "add", "new@acme.example"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first == ("command line: --role: is required; one of admin, counsel, analyst, "
                     "reviewer, customs_officer, legal_service, mediator, viewer")  # fmt: skip


def test_a_bad_choice_is_said_without_the_validators_prefix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["portfolio", "list", "--kind", "bogus"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first == "command line: --kind: 'bogus' is not one of 'patent', 'trademark'."


def test_an_import_names_the_columns_it_cannot_read(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rights = database / "rights.csv"
    rights.write_text(
        "kind,jurisdiction,mark,registration_number,titel,colour\n"
        "trademark,US,ZEPHYRA,7000001,Zephyra,red\n",
        "utf-8",
    )
    assert run(["portfolio", "import", str(rights)]) == 0
    err = capsys.readouterr().err
    assert f"{rights}: columns not read" in err
    assert "colour, titel (did you mean title?)" in " ".join(err.split())


def test_amounts_are_printed_with_thousands_separated(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert money("9250000.00", "USD") == "USD 9,250,000.00"
    assert money("-1234.5", "CNY") == "CNY -1,234.5"
    assert money("12", "EUR") == "EUR 12"
    assert run(["cases", "show", "1:20-cv-00001"]) == 0
    out = capsys.readouterr().out
    assert "awarded: USD 9,250,000.00" in out


def test_a_portfolio_export_of_privileged_rights_needs_a_yes_and_is_recorded(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = os.environ["IPSENTRY_DATABASE_URL"]
    with unit_of_work(url) as uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        uow.rights.list(org.id)[0].confidentiality = Confidentiality.PRIVILEGED
        uow.commit()
    out = database / "rights.json"
    assert run(["portfolio", "export", str(out)]) == 6
    assert "give --confirm-privileged" in capsys.readouterr().err and not out.exists()
    assert run(["portfolio", "export", str(out), "--confirm-privileged"]) == 0
    with unit_of_work(url) as uow:
        entries, _ = uow.accounts.audit_entries(AuditFilter(action="export"))
    assert entries[0].details["marking"] == "privileged"
    assert entries[0].details["confirmed_privileged"] is True and out.exists()


def test_a_screen_input_that_is_no_file_is_named_in_a_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input is read in the command (it may be a glob), not by click: its refusal names
    the file and the option, never click's 'usage: Invalid value'."""
    marks = tmp_path / "marks.csv"
    marks.write_text("id,mark\n1,CCELL\n", "utf-8")
    out = tmp_path / "hits.jsonl"
    screen = ["screen", "--marks", str(marks), "--out", str(out), "--input"]
    missing = tmp_path / "listings.csv"
    assert run([*screen, str(missing)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{missing}: --input: no such file"]

    pattern = f"{tmp_path}/crawl/*.jsonl"
    assert run([*screen, pattern]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said == [f"command line: --input: no file matches {pattern!r}"]

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.jsonl").write_text('{"kind": "listing", "text": "CCELL pods"}\n', "utf-8")
    (crawl / "b.jsonl").write_bytes(b"")
    (crawl / "c.txt").write_text("CCELL\n", "utf-8")
    assert run([*screen, f"{crawl}/*"]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert f"{crawl / 'b.jsonl'}: --input: is empty" in said
    assert f"{crawl / 'c.txt'}: --input: unknown format '.txt'" in said
    assert "a.jsonl" not in said and "usage" not in said and "Invalid value" not in said
    assert not out.exists()


def test_an_unknown_language_is_named_in_a_plain_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["health", "list", "--lang", "fr"]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said == ["command line: --lang: 'fr' is not one of en, zh_Hans"]


def test_a_negative_number_is_a_value_and_an_unknown_option_still_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["marks", "compare", "-2", "-2.5", "--json"]) == 0
    assert "'-2.5' contains the mark whole" in capsys.readouterr().out
    assert run(["marks", "compare", "CCELL", "C-CELL", "--jsn"]) == 2
    assert "No such option: --jsn" in capsys.readouterr().err
    assert run(["marks", "compare", "CCELL", "-x"]) == 2  # a word, not a number: an option
    assert "No such option: -x" in capsys.readouterr().err


def test_square_brackets_in_an_error_are_printed_as_written(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case study's roles ("[claimant]") or a user's reference in brackets are text, not
    console markup to be swallowed."""
    assert run(["cases", "show", "[claimant] v [bold]x[/bold]"]) == 4
    assert capsys.readouterr().err.strip() == "error: no case '[claimant] v [bold]x[/bold]'"
