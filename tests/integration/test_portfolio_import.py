"""Portfolio import on SQLite and PostgreSQL: atomic, idempotent, every bad row named."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ipsentry.domain.accounts import Role
from ipsentry.domain.rights import Patent, Trademark
from ipsentry.errors import InvalidInput, PermissionDenied
from ipsentry.services import portfolio
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

FIELDS = [
    "kind",
    "jurisdiction",
    "mark",
    "registration_number",
    "registration_date",
    "nice_classes",
    "goods",
]


def _marks_csv(path: Path, rows: int, bad: dict[int, tuple[str, str]]) -> Path:
    """``rows`` trademarks; ``bad`` maps a data row index to (field, bad value)."""
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for i in range(rows):
            row = {
                "kind": "trademark",
                "jurisdiction": "US",
                "mark": f"MARK{i}",
                "registration_number": str(6_000_000 + i),
                "registration_date": "2020-01-07",
                "nice_classes": "34",
                "goods": "34: electronic cigarettes",
            }
            if i in bad:
                field, value = bad[i]
                row[field] = value
            writer.writerow(row)
    return path


def test_three_bad_rows_of_a_thousand_are_all_named_and_nothing_is_stored(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    bad = {
        10: ("registration_date", "2020-13-45"),
        500: ("nice_classes", "99"),
        998: ("jurisdiction", "USA"),
    }
    path = _marks_csv(tmp_path / "marks.csv", 1000, bad)
    with pytest.raises(InvalidInput) as caught:
        portfolio.import_rights(uow, actor, path)
    messages = [str(p) for p in caught.value.problems]
    # Spreadsheet numbering: the header is row 1, data row i is row i + 2.
    assert any(m.startswith(f"{path}:12: registration_date:") for m in messages)
    assert any(m.startswith(f"{path}:502: nice_classes:") for m in messages)
    assert any(m.startswith(f"{path}:1000: jurisdiction:") for m in messages)
    assert len(caught.value.problems) == 3
    assert portfolio.list_rights(uow, actor) == []

    fixed = _marks_csv(tmp_path / "fixed.csv", 1000, {})
    assert portfolio.import_rights(uow, actor, fixed).created == 1000
    again = portfolio.import_rights(uow, actor, fixed)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1000)
    assert len(portfolio.list_rights(uow, actor)) == 1000


def test_reimport_updates_the_same_right_and_keeps_what_the_file_leaves_empty(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    first = tmp_path / "a.json"
    first.write_text(
        json.dumps(
            [
                {
                    "kind": "patent",
                    "jurisdiction": "US",
                    "registration_number": "10,357,623",
                    "title": "Vaporizer",
                    "technology_family": "liquid storage",
                    "claims": "1. A vaporizer comprising a housing and a tank. 2. The vaporizer of claim 1, wherein the tank is glass.",
                }
            ]
        )
    )
    portfolio.import_rights(uow, actor, first)
    second = tmp_path / "b.json"
    second.write_text(
        json.dumps(
            [
                {
                    "kind": "patent",
                    "jurisdiction": "US",
                    "registration_number": "US10357623",
                    "title": "Vaporizer with a glass tank",
                    "status": "expired",
                }
            ]
        )
    )
    report = portfolio.import_rights(uow, actor, second)
    assert (report.created, report.updated) == (0, 1)
    [right] = portfolio.list_rights(uow, actor)
    assert isinstance(right, Patent)
    assert right.title == "Vaporizer with a glass tank"
    assert right.technology_family == "liquid storage"
    assert [c.depends_on for c in right.claims] == [None, 1]


@pytest.mark.parametrize(
    ("cell", "famous"),
    [
        ("", True),  # an empty yes/no cell leaves the stored "yes" alone
        ("no", False),  # an explicit "no" switches it off
    ],
)
def test_an_empty_yes_no_cell_never_switches_off_a_stored_flag(
    uow: UnitOfWork, actor: Actor, tmp_path: Path, cell: str, famous: bool
) -> None:
    header = "kind,jurisdiction,mark,registration_number,famous,illustrative\n"
    first = tmp_path / "a.csv"
    first.write_text(header + "trademark,US,CCELL,5633060,yes,yes\n")
    portfolio.import_rights(uow, actor, first)
    second = tmp_path / "b.csv"
    second.write_text(header + f"trademark,US,CCELL,5633060,{cell},\n")
    portfolio.import_rights(uow, actor, second)
    [mark] = portfolio.list_rights(uow, actor)
    assert isinstance(mark, Trademark)
    assert (mark.famous, mark.illustrative) == (famous, True)


def test_same_digits_in_another_series_is_another_right(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps(
            [
                {
                    "kind": "patent",
                    "jurisdiction": "US",
                    "registration_number": "10357623",
                    "title": "Patent",
                },
                {
                    "kind": "patent",
                    "jurisdiction": "US",
                    "application_number": "10357623",
                    "title": "Application",
                },
                {
                    "kind": "trademark",
                    "jurisdiction": "US",
                    "registration_number": "10357623",
                    "mark": "X",
                },
            ]
        )
    )
    assert portfolio.import_rights(uow, actor, path).created == 3


def test_duplicate_numbers_within_a_file_are_reported(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    path = _marks_csv(tmp_path / "dup.csv", 3, {2: ("registration_number", "6000000")})
    with pytest.raises(
        InvalidInput, match=r"dup.csv:4: registration_number: 6000000 already given in row 2"
    ):
        portfolio.import_rights(uow, actor, path)
    assert portfolio.list_rights(uow, actor) == []


def test_import_of_the_real_patent_corpus_keeps_every_claim(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    from tests.conftest import DATA

    source = DATA / "patents" / "corpus.jsonl"
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(source.open().readlines()[:15]))
    assert portfolio.import_rights(uow, actor, sample).created == 15
    stored = portfolio.list_rights(uow, actor)
    for line in sample.open():
        record = json.loads(line)
        digits = "".join(ch for ch in record["number"] if ch.isdigit())
        right = next(r for r in stored if digits in {n.number for n in r.numbers()})
        assert isinstance(right, Patent)
        assert [c.text for c in right.claims] == [c["text"] for c in record["claims"]]


def test_viewers_may_not_import_and_only_see_public_records(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    counsel = make_actor(uow, Role.COUNSEL)
    viewer = make_actor(uow, Role.VIEWER)
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            [
                {
                    "kind": "trademark",
                    "jurisdiction": "CN",
                    "registration_number": "1",
                    "mark": "A",
                    "confidentiality": "public",
                },
                {
                    "kind": "trademark",
                    "jurisdiction": "CN",
                    "registration_number": "2",
                    "mark": "B",
                },
            ]
        )
    )
    with pytest.raises(PermissionDenied):
        portfolio.import_rights(uow, viewer, path)
    portfolio.import_rights(uow, counsel, path)
    assert [r.title for r in portfolio.list_rights(uow, viewer)] == ["A"]
    assert len(portfolio.list_rights(uow, counsel)) == 2


def test_xlsx_import_reads_goods_by_class(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["kind", "jurisdiction", "mark", "registration_number", "goods"])
    sheet.append(
        ["trademark", "US", "CCELL", "5633060", "34: vaporizers; cartridges | 9: batteries"]
    )
    path = tmp_path / "marks.xlsx"
    book.save(path)
    portfolio.import_rights(uow, actor, path)
    [mark] = portfolio.list_rights(uow, actor)
    assert isinstance(mark, Trademark)
    assert [(c.number, c.goods) for c in mark.classes] == [
        (9, "batteries"),
        (34, "vaporizers; cartridges"),
    ]


def test_a_large_import_reports_progress_from_the_first_rows_and_writes_in_batches(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    path = _marks_csv(tmp_path / "many.csv", 1200, {})  # more than two batches
    seen: list[tuple[int, int]] = []
    report = portfolio.import_rights(
        uow, actor, path, lambda done, total: seen.append((done, total))
    )
    assert report.created == 1200 and len(portfolio.list_rights(uow, actor)) == 1200
    size = path.stat().st_size
    assert seen[0][0] < size // 100  # heard about after the first rows, not at the end
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (size, size)


def test_problems_beyond_the_first_thousand_are_counted_not_kept(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    bad = dict.fromkeys(range(1500), ("registration_date", "someday"))
    path = _marks_csv(tmp_path / "bad.csv", 1500, bad)
    with pytest.raises(InvalidInput) as caught:
        portfolio.import_rights(uow, actor, path)
    assert len(caught.value.problems) == 1000 and caught.value.more == 500
    assert portfolio.list_rights(uow, actor) == []


def test_semicolon_separated_csv_from_a_spreadsheet_imports(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_text(
        "\ufeffkind;jurisdiction;mark;registration_number;goods\n"
        'trademark;DE;KÜHL;30000001;"34: Zigaretten; Tabak"\n',
        "utf-8",
    )
    assert portfolio.import_rights(uow, actor, path).created == 1
    (mark,) = portfolio.list_rights(uow, actor)
    assert mark.title == "KÜHL" and mark.jurisdiction == "DE"
