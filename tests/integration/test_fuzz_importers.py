"""Fuzzed files into the portfolio importer: CSV, XLSX, JSON, JSON Lines, USPTO XML.

Each case starts from a valid file of its format and mangles it (bytes cut, doubled,
replaced by separators, quotes, NULs, bad encodings, impossible dates and numbers), or
is random data of the right shape. Whatever the file, the import either succeeds or
fails with ``InvalidInput`` whose every problem names the file, a row (or none, for the
file as a whole) and a field; no other exception escapes, and a refused file leaves every
table exactly as it was. The database is SQLite (PostgreSQL shares the same transaction
code, which the SIGKILL tests exercise on both). ``--hypothesis-show-statistics`` counts
the cases.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipsentry.errors import InvalidInput
from ipsentry.services import portfolio
from ipsentry.services.access import Actor
from ipsentry.store.tables import metadata
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor
from tests.unit.uspto_samples import GRANT

FIELDS = ["kind", "jurisdiction", "mark", "registration_number", "registration_date",
          "filing_date", "nice_classes", "goods", "status", "title", "claims",
          "technology_family"]  # fmt: skip
ROWS = [
    ["trademark", "US", "VAPORWAVE", "6100001", "2020-01-07", "2019-03-01", "34",
     "34: electronic cigarettes", "registered", "", "", ""],
    ["patent", "US", "", "10357623", "2019-07-23", "2016-05-01", "", "", "granted",
     "Electronic vaporizer", "1. A vaporizer comprising a heater.", "heating element"],
    ["trademark", "CN", "思摩尔", "12345678", "2018-02-14", "", "34;9", "", "registered",
     "", "", ""],
]  # fmt: skip
TRICKY = [b",", b";", b"\t", b'"', b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xe9", b"{", b"}",
          b"[", b"]", b"<", b"&", b"&amp;", b"]]>", b"9999-99-99", b"2020-02-30", b"-1", b"0",
          b"1e309", b"NaN", b"null", b"99", b"US", b"XX", b"trademark", b"patent", b" " * 50,
          "ŝ\u202e\u200b".encode(), b"=cmd|' /C calc'!A0"]  # fmt: skip
CASES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _csv() -> bytes:
    lines = [",".join(FIELDS), *(",".join(f'"{c}"' if "," in c else c for c in r) for r in ROWS)]
    return ("\n".join(lines) + "\n").encode()


def _records() -> list[dict[str, str]]:
    return [dict(zip(FIELDS, row, strict=True)) for row in ROWS]


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


VALID: dict[str, bytes] = {
    ".csv": _csv(),
    ".json": json.dumps(_records(), ensure_ascii=False).encode(),
    ".jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()).encode(),
    ".xml": GRANT.encode(),
    ".xlsx": _xlsx([FIELDS, *ROWS]),
}


@st.composite
def mangled(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few edits: a stretch cut, doubled or replaced by something tricky."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 12))
        how = draw(st.sampled_from(["replace", "cut", "double"]))
        if how == "cut":
            del data[at : at + cut]
        elif how == "double":
            data[at:at] = data[at : at + cut]
        else:
            data[at : at + cut] = draw(st.sampled_from(TRICKY) | st.binary(max_size=6))
    return bytes(data)


cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from([c.decode("utf-8", "replace") for c in TRICKY]),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1)),
    st.none(),
    st.booleans(),
)
records = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), cells, max_size=8)
json_values = st.recursive(
    cells.filter(lambda v: not isinstance(v, date)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


def _snapshot(uow: UnitOfWork) -> dict[str, int]:
    with uow:
        return {
            table.name: int(uow.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
            for table in metadata.sorted_tables
        }


@pytest.fixture
def importer(uow: UnitOfWork, tmp_path: Path) -> Callable[[str, bytes], None]:
    """Imports bytes as a file of a format, checking the promise on every outcome."""
    actor: Actor = make_actor(uow)
    portfolio.import_rights(uow, actor, _write(tmp_path / "seed.csv", VALID[".csv"]))
    counter = [0]

    def check(suffix: str, data: bytes) -> None:
        counter[0] += 1
        path = _write(tmp_path / f"case-{counter[0]}{suffix}", data)
        before = _snapshot(uow)
        try:
            portfolio.import_rights(uow, actor, path)
        except InvalidInput as error:
            assert error.problems, "a refusal says why"
            for problem in error.problems:
                assert problem.source == str(path), problem
                assert problem.row is None or problem.row >= 1, problem
                assert problem.field.strip() and problem.message.strip(), problem
            assert _snapshot(uow) == before, "a refused file changed the database"

    return check


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", list(VALID))
@CASES
@given(data=st.data())
def test_a_mangled_file_is_imported_or_refused_with_file_row_and_field(
    importer: Callable[[str, bytes], None], suffix: str, data: st.DataObject, database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("fuzzed on SQLite; PostgreSQL runs the same transaction code")
    importer(suffix, data.draw(mangled(VALID[suffix])))


@CASES
@given(rows=st.lists(records, max_size=6))
def test_random_records_as_json_and_json_lines(
    importer: Callable[[str, bytes], None], rows: list[dict[str, Any]], database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("fuzzed on SQLite")
    text = [{k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in rows]
    importer(".json", json.dumps(text, ensure_ascii=False).encode())
    importer(".jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in text).encode())


@CASES
@given(value=json_values)
def test_any_json_document(
    importer: Callable[[str, bytes], None], value: Any, database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("fuzzed on SQLite")
    importer(".json", json.dumps(value).encode())


@CASES
@given(
    header=st.lists(st.sampled_from(FIELDS) | st.text(max_size=6), min_size=1, max_size=8),
    rows=st.lists(st.lists(cells, max_size=9), max_size=5),
)
def test_random_workbooks_and_csv_tables(
    importer: Callable[[str, bytes], None],
    header: list[str],
    rows: list[list[Any]],
    database_url: str,
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("fuzzed on SQLite")
    sheet = [header, *rows]
    cleaned = [["".join(ch for ch in str(c) if ch.isprintable()) if isinstance(c, str) else c
                for c in row] for row in sheet]  # fmt: skip
    importer(".xlsx", _xlsx(cleaned))
    lines = [",".join("" if c is None else str(c).replace("\n", " ") for c in row) for row in sheet]
    importer(".csv", "\n".join(lines).encode("utf-8", "replace"))


def test_a_reimport_with_a_changed_claim_replaces_the_claims(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    """Found by the fuzzing above: the new claim 1 was inserted before the old one went."""
    actor = make_actor(uow)
    portfolio.import_rights(uow, actor, _write(tmp_path / "a.csv", VALID[".csv"]))
    changed = VALID[".csv"].replace(b"comprising a heater", b"comprising a ceramic heater")
    report = portfolio.import_rights(uow, actor, _write(tmp_path / "b.csv", changed))
    assert report.updated == 1
    (patent,) = [r for r in portfolio.list_rights(uow, actor) if r.kind.value == "patent"]
    assert [c.text for c in patent.claims] == ["A vaporizer comprising a ceramic heater."]
