"""Deadline rules against dates worked out by hand from the statutes and office calendars."""

from __future__ import annotations

from datetime import date

import pytest

from ipsentry.domain.customs import CustomsAuthority, Recordation
from ipsentry.domain.deadlines import DeadlineKind, deadlines_for_recordation, deadlines_for_right
from ipsentry.domain.deadlines.rules import opposition_window
from ipsentry.domain.rights import FilingBasis, LegalStatus, Patent, PatentType, Right, Trademark

D = date.fromisoformat


def _patent(office: str, kind: PatentType = PatentType.UTILITY, **dates: str) -> Patent:
    return Patent(
        jurisdiction=office,
        title="t",
        status=LegalStatus.GRANTED,
        patent_type=kind,
        **{k: D(v) for k, v in dates.items()},
    )


def _mark(office: str, basis: FilingBasis = FilingBasis.NATIONAL, **dates: str) -> Trademark:
    return Trademark(
        jurisdiction=office,
        title="MARK",
        status=LegalStatus.REGISTERED,
        filing_basis=basis,
        **{k: D(v) for k, v in dates.items()},
    )


def _find(right: Right, kind: DeadlineKind, index: int = 0) -> tuple[date, date | None]:
    found = [d for d in deadlines_for_right(right) if d.kind is kind]
    return found[index].due, found[index].grace_until


@pytest.mark.parametrize(
    ("right", "kind", "index", "due", "grace"),
    [
        # US maintenance fee at 3.5 years: grant 2019-07-23 -> 2023-01-23 (Mon); the 6-month
        # surcharge period ends 2023-07-23, a Sunday -> Monday 2023-07-24 (35 USC 21(b)).
        (
            _patent("US", registration_date="2019-07-23"),
            DeadlineKind.MAINTENANCE_FEE,
            0,
            "2023-01-23",
            "2023-07-24",
        ),
        # 7.5 years -> 2027-01-23 is a Saturday -> Monday 2027-01-25.
        (
            _patent("US", registration_date="2019-07-23"),
            DeadlineKind.MAINTENANCE_FEE,
            1,
            "2027-01-25",
            "2027-07-23",
        ),
        # US Section 8 between years 5 and 6: registered 2018-12-18 -> 2024-12-18 (Wed).
        (
            _mark("US", FilingBasis.USE, registration_date="2018-12-18"),
            DeadlineKind.DECLARATION_OF_USE,
            0,
            "2024-12-18",
            "2025-06-18",
        ),
        # 6th anniversary 2021-07-04 is a Sunday and Monday 07-05 the observed Independence Day.
        (
            _mark("US", FilingBasis.USE, registration_date="2015-07-04"),
            DeadlineKind.DECLARATION_OF_USE,
            0,
            "2021-07-06",
            "2022-01-04",
        ),
        # US renewal at 10 years: 2028-12-18 (Mon); grace to 2029-06-18 (Mon).
        (
            _mark("US", FilingBasis.USE, registration_date="2018-12-18"),
            DeadlineKind.RENEWAL,
            0,
            "2028-12-18",
            "2029-06-18",
        ),
        # CN annual fee: filed 2016-02-01; 2017-02-01 and 02-02 fall in the Spring Festival
        # holiday (27 Jan - 2 Feb 2017) -> Friday 2017-02-03; grace ends 2017-08-01 (Tue).
        (
            _patent(
                "CN",
                PatentType.UTILITY_MODEL,
                filing_date="2016-02-01",
                registration_date="2016-09-01",
            ),
            DeadlineKind.ANNUAL_FEE,
            0,
            "2017-02-03",
            "2017-08-01",
        ),
        # The last annual fee of that 10-year utility model: 2025-02-01 is inside the 2025
        # Spring Festival holiday (28 Jan - 4 Feb) -> Wednesday 2025-02-05.
        (
            _patent(
                "CN",
                PatentType.UTILITY_MODEL,
                filing_date="2016-02-01",
                registration_date="2016-09-01",
            ),
            DeadlineKind.ANNUAL_FEE,
            -1,
            "2025-02-05",
            "2025-08-01",
        ),
        # CN renewal on a make-up working Saturday (2026-02-14) stays on that Saturday.
        (
            _mark("CN", registration_date="2016-02-14"),
            DeadlineKind.RENEWAL,
            0,
            "2026-02-14",
            "2026-08-14",
        ),
        # EP renewal fee for year 3: filed 2020-03-15 -> end of March 2022 (Thu 03-31);
        # grace 6 months -> 2022-09-30 (Fri).
        (
            _patent("EP", filing_date="2020-03-15"),
            DeadlineKind.ANNUAL_FEE,
            0,
            "2022-03-31",
            "2022-09-30",
        ),
        # EU mark: 10 years from filing 2016-05-10 -> Sunday 2026-05-10 -> Monday 05-11.
        (
            _mark("EM", filing_date="2016-05-10"),
            DeadlineKind.RENEWAL,
            0,
            "2026-05-11",
            "2026-11-10",
        ),
        # Madrid: IR of 2014-12-25 renews 2024-12-25, Christmas at WIPO -> Thursday 12-26.
        (
            _mark("WO", registration_date="2014-12-25"),
            DeadlineKind.RENEWAL,
            0,
            "2024-12-26",
            "2025-06-25",
        ),
    ],
)
def test_deadline_table(
    right: Right, kind: DeadlineKind, index: int, due: str, grace: str | None
) -> None:
    assert _find(right, kind, index) == (D(due), D(grace) if grace else None)


def test_term_limits_fees_and_design_term_counts_from_grant() -> None:
    model = _patent(
        "CN", PatentType.UTILITY_MODEL, filing_date="2016-02-01", registration_date="2016-09-01"
    )
    fees = [d for d in deadlines_for_right(model) if d.kind is DeadlineKind.ANNUAL_FEE]
    assert len(fees) == 9  # years 2..10; the term ends 2026-02-01
    design = _patent(
        "US", PatentType.DESIGN, filing_date="2016-01-01", registration_date="2017-03-07"
    )
    kinds = {d.kind: d.due for d in deadlines_for_right(design)}
    assert kinds == {DeadlineKind.EXPIRY: D("2032-03-07")}  # 15 years from grant, no fees


def test_madrid_designation_in_the_us_files_section_71_and_renews_at_wipo() -> None:
    mark = _mark("US", FilingBasis.MADRID_DESIGNATION, registration_date="2018-12-18")
    found = deadlines_for_right(mark)
    assert [d.rule.split("@")[0] for d in found] == ["US.mark.section71_declaration"]


def test_deadlines_of_a_dead_right_are_cancelled_with_the_reason() -> None:
    right = _patent("US", registration_date="2019-07-23")
    right.status = LegalStatus.EXPIRED
    found = deadlines_for_right(right)
    assert found and all(d.cancelled and "expired" in d.cancelled_reason for d in found)


def test_every_deadline_says_how_it_was_derived_and_which_rule_version() -> None:
    found = deadlines_for_right(_patent("US", registration_date="2019-07-23"))
    first = found[0]
    assert first.rule == "US.patent.maintenance_fee@2026.1"
    assert "grant 2019-07-23 + 3.5 years = 2023-01-23" in first.derivation


def test_opposition_window_from_publication() -> None:
    mark = _mark("US", publication_date="2026-10-06")
    window = opposition_window(mark)
    assert window is not None and window.due == D("2026-11-05")  # 30 days, a Thursday


def test_eu_customs_extension_is_thirty_working_days_before_expiry() -> None:
    record = Recordation(
        organisation_id=1,
        right_id=1,
        authority=CustomsAuthority.EU,
        number="AFA-1",
        valid_until=D("2027-03-01"),
    )
    [deadline] = deadlines_for_recordation(record, None)
    assert deadline.due == D("2027-01-18")  # six full Belgian working weeks earlier
