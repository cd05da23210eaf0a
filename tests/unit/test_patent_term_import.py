"""The earliest non-provisional filing date and PCT entry come in and go out with a patent,
and a date that cannot be right is named, not stored."""

from datetime import date

from ipsentry.domain.deadlines.rules import patent_expiry
from ipsentry.domain.rights import Patent
from ipsentry.services.right_records import record_from_right, right_from_record

BASE = {
    "kind": "patent",
    "jurisdiction": "US",
    "title": "Vaporizer",
    "status": "granted",
    "registration_number": "10357623",
    "filing_date": "2015-06-01",
}


def test_the_parent_filing_date_sets_the_term_and_survives_export() -> None:
    record = {**BASE, "earliest_nonprovisional_date": "2010-03-01", "pct_national_phase": "no"}
    patent, problems = right_from_record("p.csv", 2, record)
    assert problems == [] and isinstance(patent, Patent)
    assert patent.earliest_nonprovisional_date == date(2010, 3, 1)
    assert patent_expiry(patent) == (
        date(2030, 3, 1),
        "20 years from earliest non-provisional filing (2010-03-01)",
    )
    again, _ = right_from_record("p.json", 1, record_from_right(patent))
    assert isinstance(again, Patent)
    assert (again.earliest_nonprovisional_date, again.pct_national_phase) == (
        date(2010, 3, 1),
        False,
    )


def test_a_parent_filed_after_the_patent_or_a_bad_flag_is_named() -> None:
    record = {**BASE, "earliest_nonprovisional_date": "2016-01-01", "pct_national_phase": "maybe"}
    patent, problems = right_from_record("p.csv", 9, record)
    assert patent is None
    assert [(p.row, p.field) for p in problems] == [
        (9, "earliest_nonprovisional_date"),
        (9, "pct_national_phase"),
    ]
    assert "after the filing date 2015-06-01" in problems[0].message
    _, problems = right_from_record("p.csv", 3, {**BASE, "earliest_nonprovisional_date": "2010"})
    assert [p.field for p in problems] == ["earliest_nonprovisional_date"]
