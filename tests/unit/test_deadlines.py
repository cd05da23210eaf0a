"""Deadline rules against dates worked out by hand from the statutes and office calendars.

Two tables: ``AUDIT`` has one row per row of the statute-by-statute audit (issue 16), each
naming its source; ``HAND_WORKED`` holds dates for other rights, each worked out from the
statute with the reasoning beside it. Weekdays are written out so a reader can check them.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ipsentry.domain.customs import CustomsAuthority, Recordation
from ipsentry.domain.deadlines import (
    RULESET_VERSION,
    Deadline,
    DeadlineKind,
    DeadlineState,
    deadlines_for_recordation,
    deadlines_for_right,
)
from ipsentry.domain.deadlines.rules import opposition_window
from ipsentry.domain.rights import FilingBasis, LegalStatus, Patent, PatentType, Right, Trademark

D = date.fromisoformat


def _patent(
    office: str,
    kind: PatentType = PatentType.UTILITY,
    status: LegalStatus = LegalStatus.GRANTED,
    pct: bool = False,
    **dates: str,
) -> Patent:
    return Patent(
        jurisdiction=office,
        title="t",
        status=status,
        patent_type=kind,
        pct_national_phase=pct,
        registration_number="1",
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


def _of(right: Right, rule: str, today: date | None = None) -> list[Deadline]:
    return [d for d in deadlines_for_right(right, today) if d.rule == f"{rule}@{RULESET_VERSION}"]


Row = tuple[Right, str, int, str, str | None]

AUDIT: list[Row] = [
    # CN Trademark Law arts. 39-40: the ten-year term ends the day before the anniversary
    # (register: 2017-08-14 至 2027-08-13, a Friday); grace six months after, 2028-02-13, a
    # Sunday in a year whose State Council schedule is not held, so it is not moved later.
    (_mark("CN", registration_date="2017-08-14"), "CN.mark.renewal", 0, "2027-08-13", "2028-02-13"),
    # 37 CFR 1.362(e), 35 USC 21(b): the surcharge period runs through the 4th anniversary,
    # 2025-08-31 (Sunday); Monday 2025-09-01 is Labor Day -> Tuesday 2025-09-02. The 3.5-year
    # due date 2025-02-28 is a Friday.
    (
        _patent("US", registration_date="2021-08-31"),
        "US.patent.maintenance_fee",
        0,
        "2025-02-28",
        "2025-09-02",
    ),
    # Same grant, 8-year period: 7.5 years = 2029-02-28 (Wed); 8th anniversary 2029-08-31 (Fri).
    (
        _patent("US", registration_date="2021-08-31"),
        "US.patent.maintenance_fee",
        1,
        "2029-02-28",
        "2029-08-31",
    ),
    # 12-year period: 11.5 years = 2033-02-28 (Mon); 12th anniversary 2033-08-31 (Wed).
    (
        _patent("US", registration_date="2021-08-31"),
        "US.patent.maintenance_fee",
        2,
        "2033-02-28",
        "2033-08-31",
    ),
    # 35 USC 21(b), 5 USC 6103(c): 11.5 years from 2021-07-20 is Thursday 2033-01-20,
    # Inauguration Day in Washington, DC -> Friday 2033-01-21; grace to the 12th anniversary,
    # 2033-07-20 (Wednesday).
    (
        _patent("US", registration_date="2021-07-20"),
        "US.patent.maintenance_fee",
        2,
        "2033-01-21",
        "2033-07-20",
    ),
    # EPO Guidelines A-X 5.2.4, r. 51(2): due 2023-02-28 (Tue, filing 2021-02-10 + 2 years, end
    # of month); the grace ends on the last day of the sixth month, Thursday 2023-08-31.
    (
        _patent("EP", status=LegalStatus.FILED, filing_date="2021-02-10"),
        "EP.application.renewal_fee",
        0,
        "2023-02-28",
        "2023-08-31",
    ),
    # The same on the 30th: filing 2020-04-05 -> due Saturday 2022-04-30 -> Monday 2022-05-02
    # (Rule 134(1)); grace to the last day of October, Monday 2022-10-31.
    (
        _patent("EP", status=LegalStatus.FILED, filing_date="2020-04-05"),
        "EP.application.renewal_fee",
        0,
        "2022-05-02",
        "2022-10-31",
    ),
    # Rule 134(1) EPC and the EPO's closure of 24 Dec 2025 - 1 Jan 2026: filing 2023-12-10 ->
    # due 2025-12-31 -> Friday 2026-01-02; grace to the end of June 2026, Tuesday 2026-06-30.
    (
        _patent("EP", status=LegalStatus.FILED, filing_date="2023-12-10"),
        "EP.application.renewal_fee",
        0,
        "2026-01-02",
        "2026-06-30",
    ),
    # Art. 99(1) EPC: a granted patent is opposable for 9 months from the mention of the grant:
    # 2024-03-06 + 9 months = Friday 2024-12-06.
    (
        _patent("EP", filing_date="2019-01-01", registration_date="2024-03-06"),
        "EP.patent.opposition",
        0,
        "2024-12-06",
        None,
    ),
    # Madrid Protocol art. 7: a CN designation renews only with the international registration
    # at WIPO: 2019-03-01 + 10 years = Thursday 2029-03-01; six months' grace to 2029-09-01, a
    # Saturday in a year whose WIPO closing days are not held: weekends only -> Monday 09-03.
    (
        _mark("CN", FilingBasis.MADRID_DESIGNATION, registration_date="2019-03-01"),
        "WO.mark.renewal",
        0,
        "2029-03-01",
        "2029-09-03",
    ),
    # The same for an EU designation.
    (
        _mark("EM", FilingBasis.MADRID_DESIGNATION, registration_date="2019-03-01"),
        "WO.mark.renewal",
        0,
        "2029-03-01",
        "2029-09-03",
    ),
    # 15 USC 1141k(a)(2): a Madrid-based US registration of 2018-12-18 files a Section 71
    # declaration at 10 years, Monday 2028-12-18, grace to Monday 2029-06-18 (the first row
    # of the rule is the 5-6 year declaration).
    (
        _mark("US", FilingBasis.MADRID_DESIGNATION, registration_date="2018-12-18"),
        "US.mark.section71_declaration",
        1,
        "2028-12-18",
        "2029-06-18",
    ),
    # 35 USC 154(a)(2): a continuation filed 2015-06-01 whose parent was filed 2010-03-01
    # expires 20 years from the parent, 2030-03-01 (not moved: a term is not a time limit).
    (
        _patent(
            "US",
            filing_date="2015-06-01",
            earliest_nonprovisional_date="2010-03-01",
            registration_date="2017-01-10",
        ),
        "US.patent.term",
        0,
        "2030-03-01",
        None,
    ),
    # The audit's two customs rows take a recordation, not a right: GACC (never after the
    # expiry, never beyond the right) and the EU application for action (member state's
    # working days, art. 12(2), one year at most) are the test_gacc_* and test_eu_* below.
]

HAND_WORKED: list[Row] = [
    # 37 CFR 1.362: grant 2019-07-23; 3.5 years = Monday 2023-01-23; the 4th anniversary
    # 2023-07-23 is a Sunday -> Monday 2023-07-24 (35 USC 21(b)).
    (
        _patent("US", registration_date="2019-07-23"),
        "US.patent.maintenance_fee",
        0,
        "2023-01-23",
        "2023-07-24",
    ),
    # 7.5 years = Saturday 2027-01-23 -> Monday 2027-01-25; 8th anniversary Friday 2027-07-23.
    (
        _patent("US", registration_date="2019-07-23"),
        "US.patent.maintenance_fee",
        1,
        "2027-01-25",
        "2027-07-23",
    ),
    # 35 USC 154(c)(1): filed 1994-01-10 (before 8 June 1995), granted 1999-05-04: the longer of
    # 20 years from filing (2014-01-10) and 17 years from grant (2016-05-04).
    (
        _patent("US", filing_date="1994-01-10", registration_date="1999-05-04"),
        "US.patent.term",
        0,
        "2016-05-04",
        None,
    ),
    # 15 USC 1058: Section 8 between years 5 and 6: registered 2018-12-18 -> Wednesday
    # 2024-12-18; grace six months, Wednesday 2025-06-18.
    (
        _mark("US", FilingBasis.USE, registration_date="2018-12-18"),
        "US.mark.section8_declaration",
        0,
        "2024-12-18",
        "2025-06-18",
    ),
    # The 6th anniversary 2021-07-04 is a Sunday and Monday 07-05 the observed Independence Day
    # (5 USC 6103(b)) -> Tuesday 2021-07-06; grace to Tuesday 2022-01-04.
    (
        _mark("US", FilingBasis.USE, registration_date="2015-07-04"),
        "US.mark.section8_declaration",
        0,
        "2021-07-06",
        "2022-01-04",
    ),
    # 15 USC 1059: renewal at 10 years, Monday 2028-12-18; grace to Monday 2029-06-18.
    (
        _mark("US", FilingBasis.USE, registration_date="2018-12-18"),
        "US.mark.section8_9_renewal",
        0,
        "2028-12-18",
        "2029-06-18",
    ),
    # CN r. 115-116: filed 2016-02-01; 2017-02-01 and 02-02 fall in the Spring Festival holiday
    # (27 Jan - 2 Feb 2017) -> Friday 2017-02-03; grace ends 2017-08-01 (Tuesday).
    (
        _patent(
            "CN", PatentType.UTILITY_MODEL, filing_date="2016-02-01", registration_date="2016-09-01"
        ),
        "CN.patent.annual_fee",
        0,
        "2017-02-03",
        "2017-08-01",
    ),
    # The last annual fee of that 10-year utility model: 2025-02-01 is inside the 2025 Spring
    # Festival holiday (28 Jan - 4 Feb) -> Wednesday 2025-02-05; grace to Friday 2025-08-01.
    (
        _patent(
            "CN", PatentType.UTILITY_MODEL, filing_date="2016-02-01", registration_date="2016-09-01"
        ),
        "CN.patent.annual_fee",
        -1,
        "2025-02-05",
        "2025-08-01",
    ),
    # CN TM Law art. 39-40: registered 2016-02-18 -> term ends 2026-02-17, inside the 2026
    # Spring Festival holiday (15-23 Feb) -> Tuesday 2026-02-24; grace to Monday 2026-08-17.
    (_mark("CN", registration_date="2016-02-18"), "CN.mark.renewal", 0, "2026-02-24", "2026-08-17"),
    # Registered 2016-02-15 -> term ends Saturday 2026-02-14, a make-up working day of the 2026
    # schedule, so it stays; grace to Friday 2026-08-14.
    (_mark("CN", registration_date="2016-02-15"), "CN.mark.renewal", 0, "2026-02-14", "2026-08-14"),
    # EPC r. 51: filed 2020-03-15 -> year-3 fee at the end of March 2022 (Thursday 03-31);
    # grace to the last day of September, Friday 2022-09-30.
    (
        _patent("EP", status=LegalStatus.FILED, filing_date="2020-03-15"),
        "EP.application.renewal_fee",
        0,
        "2022-03-31",
        "2022-09-30",
    ),
    # Art. 99(1) EPC, Rule 134(1): mention of grant 2022-09-08 + 9 months = Thursday 2023-06-08,
    # Corpus Christi, a closing day at Munich (EPO 2023 list) -> Friday 2023-06-09.
    (
        _patent("EP", filing_date="2018-01-01", registration_date="2022-09-08"),
        "EP.patent.opposition",
        0,
        "2023-06-09",
        None,
    ),
    # Rule 159(1)(g) EPC: Euro-PCT filed 2023-03-15 without priority; the year-3 fee would fall
    # due 2025-03-31, before the 31-month period ends (2025-10-15, Wednesday), so it is due
    # then; r. 51(2) grace six months from that date, Wednesday 2026-04-15.
    (
        _patent("EP", status=LegalStatus.FILED, pct=True, filing_date="2023-03-15"),
        "EP.pct.renewal_fee_year3",
        0,
        "2025-10-15",
        "2026-04-15",
    ),
    # With a priority of 2022-03-20 the 31 months end 2024-10-20, before 2025-03-31: the fee
    # keeps its own due date (Monday 2025-03-31) and grace (Tuesday 2025-09-30).
    (
        _patent(
            "EP",
            status=LegalStatus.FILED,
            pct=True,
            filing_date="2023-03-15",
            priority_date="2022-03-20",
        ),
        "EP.application.renewal_fee",
        0,
        "2025-03-31",
        "2025-09-30",
    ),
    # EUTMR art. 52-53: 10 years from filing 2016-05-10 -> Sunday 2026-05-10 -> Monday 05-11;
    # grace to Tuesday 2026-11-10.
    (_mark("EM", filing_date="2016-05-10"), "EM.mark.renewal", 0, "2026-05-11", "2026-11-10"),
    # Madrid art. 7, Common Regulations r. 4(4): IR of 2014-12-25 renews 2024-12-25, Christmas
    # Day at WIPO -> Thursday 2024-12-26; grace to Wednesday 2025-06-25.
    (_mark("WO", registration_date="2014-12-25"), "WO.mark.renewal", 0, "2024-12-26", "2025-06-25"),
]


@pytest.mark.parametrize(("right", "rule", "index", "due", "grace"), AUDIT + HAND_WORKED)
def test_deadline_table(right: Right, rule: str, index: int, due: str, grace: str | None) -> None:
    found = _of(right, rule)[index]
    assert (found.due, found.grace_until) == (D(due), D(grace) if grace else None)


def test_a_madrid_designation_has_no_national_renewal() -> None:
    for office in ("CN", "EM"):
        mark = _mark(office, FilingBasis.MADRID_DESIGNATION, registration_date="2019-03-01")
        rules = {d.rule.split("@")[0] for d in deadlines_for_right(mark)}
        assert rules == {"WO.mark.renewal"}


def test_us_madrid_registration_files_section_71_and_renews_only_at_wipo() -> None:
    mark = _mark("US", FilingBasis.MADRID_DESIGNATION, registration_date="2018-12-18")
    found = deadlines_for_right(mark)
    assert {d.rule.split("@")[0] for d in found} == {"US.mark.section71_declaration"}
    # 5-6 years, then every 10 years: 2024, 2028, 2038, ...
    assert [d.due.year for d in found][:3] == [2024, 2028, 2038]


def test_cn_annual_fee_first_month_of_grace_has_no_surcharge() -> None:
    model = _patent(
        "CN", PatentType.UTILITY_MODEL, filing_date="2016-02-01", registration_date="2016-09-01"
    )
    fee = _of(model, "CN.patent.annual_fee")[0]
    # Nominal due 2017-02-01, one month later Wednesday 2017-03-01.
    assert fee.surcharge_free_until == D("2017-03-01")
    assert "no surcharge through 2017-03-01" in fee.derivation


def test_unpublished_cn_schedule_is_said_in_the_derivation() -> None:
    [renewal] = _of(_mark("CN", registration_date="2017-08-14"), "CN.mark.renewal")[:1]
    assert "CN holiday schedule for 2027 not held" in renewal.derivation
    assert "CN holiday schedule for 2028 not held" in renewal.derivation


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


def test_no_fee_falls_after_the_term_from_the_parent_filing() -> None:
    # Parent 2010-03-01 -> term ends 2030-03-01; granted 2019-05-07, the 11.5-year fee
    # (2030-11-07) is after the end of term and is not asked for.
    continuation = _patent(
        "US",
        filing_date="2015-06-01",
        earliest_nonprovisional_date="2010-03-01",
        registration_date="2019-05-07",
    )
    fees = _of(continuation, "US.patent.maintenance_fee")
    assert [f.due for f in fees] == [D("2022-11-07"), D("2026-11-09")]


def test_grace_never_runs_past_the_end_of_term() -> None:
    # Parent 2010-03-01 -> the term ends 2030-03-01. Granted 2026-07-01, the 3.5-year fee is
    # due 2030-01-01, New Year's Day -> Wednesday 2030-01-02; its grace (to the 4th
    # anniversary, 2030-07-01) and any petition after it are cut to the end of term.
    late = _patent(
        "US",
        filing_date="2015-06-01",
        earliest_nonprovisional_date="2010-03-01",
        registration_date="2026-07-01",
    )
    [fee] = _of(late, "US.patent.maintenance_fee")
    assert (fee.due, fee.grace_until) == (D("2030-01-02"), D("2030-03-01"))
    assert fee.restorable_until == D("2030-03-01")
    assert "cut to the end of term 2030-03-01" in fee.derivation


def test_deadlines_of_a_dead_right_are_cancelled_with_the_reason() -> None:
    right = _patent("US", registration_date="2019-07-23", status=LegalStatus.EXPIRED)
    found = deadlines_for_right(right, D("2024-01-15"))
    assert found and all(d.cancelled and "expired" in d.cancelled_reason for d in found)
    assert not any(d.kind is DeadlineKind.RESTORATION for d in found)


@pytest.mark.parametrize(
    ("right", "today", "opens", "last_chance", "rule"),
    [
        # 35 USC 41(c)(1), 37 CFR 1.378: the 3.5-year fee of a 2019-07-23 grant was payable
        # with surcharge to Monday 2023-07-24; the petition for unintentional delay has no
        # fixed limit, two years (Thursday 2025-07-24) being when a fuller explanation is due.
        (
            _patent("US", registration_date="2019-07-23", status=LegalStatus.LAPSED),
            "2024-01-15",
            "2023-07-25",
            "2025-07-24",
            "US.patent.unintentional_delay_petition",
        ),
        # Art. 122, r. 136(1) EPC: the year-3 fee of a 2020-03-15 filing had grace to Friday
        # 2022-09-30; re-establishment within one year, Saturday 2023-09-30 -> Monday 10-02.
        (
            _patent("EP", filing_date="2020-03-15", status=LegalStatus.LAPSED),
            "2023-01-10",
            "2022-10-01",
            "2023-10-02",
            "EP.application.re_establishment",
        ),
        # CN r. 6: the year-2 fee of a 2016-02-01 utility model had grace to 2017-08-01;
        # restoration at the latest two years after, Thursday 2019-08-01.
        (
            _patent(
                "CN",
                PatentType.UTILITY_MODEL,
                filing_date="2016-02-01",
                registration_date="2016-09-01",
                status=LegalStatus.LAPSED,
            ),
            "2017-09-01",
            "2017-08-02",
            "2019-08-01",
            "CN.patent.restoration",
        ),
    ],
)
def test_restoration_after_a_lapse_is_the_last_chance_not_the_deadline(
    right: Right, today: str, opens: str, last_chance: str, rule: str
) -> None:
    found = deadlines_for_right(right, D(today))
    [window] = [d for d in found if d.kind is DeadlineKind.RESTORATION]
    assert window.last_chance and not window.cancelled
    assert (window.opens, window.due, window.rule) == (
        D(opens),
        D(last_chance),
        f"{rule}@{RULESET_VERSION}",
    )
    assert window.title.startswith("Last chance")
    # The normal deadlines stay cancelled: the restoration window does not replace them.
    assert all(d.cancelled for d in found if d is not window)


def test_restoration_windows_are_not_offered_for_live_rights() -> None:
    found = deadlines_for_right(_patent("US", registration_date="2019-07-23"), D("2024-01-15"))
    assert not any(d.kind is DeadlineKind.RESTORATION for d in found)


@pytest.mark.parametrize(
    ("today", "state", "passed_if_in_force"),
    [
        # Grant 2021-08-31: 3.5-year fee due 2025-02-28, grace to 2025-09-02, a petition for
        # unintentional delay after that (the restorable window ends 2027-09-02).
        ("2025-01-01", DeadlineState.UPCOMING, False),
        ("2025-01-29", DeadlineState.DUE_SOON, False),  # 30 days before
        ("2025-02-28", DeadlineState.DUE_SOON, False),
        ("2025-03-01", DeadlineState.IN_GRACE, False),
        ("2025-09-02", DeadlineState.IN_GRACE, False),
        ("2025-09-03", DeadlineState.OVERDUE, True),
        ("2027-09-03", DeadlineState.LOST, True),
    ],
)
def test_state_of_a_deadline_on_a_day(
    today: str, state: DeadlineState, passed_if_in_force: bool
) -> None:
    """Once the last day has gone by, a right still recorded as granted must have had its
    fee paid (the office would have recorded the lapse); only a right not known to be in
    force is overdue or lost."""
    fee = _of(_patent("US", registration_date="2021-08-31"), "US.patent.maintenance_fee")[0]
    assert fee.right_in_force
    expected = DeadlineState.PASSED if passed_if_in_force else state
    assert fee.state_on(D(today)) is expected
    assert fee.as_of(D(today)).state is expected
    unknown = dataclasses.replace(fee, right_in_force=False)
    assert unknown.state_on(D(today)) is state


def test_state_without_grace_or_remedy_is_lost_once_past() -> None:
    window = opposition_window(_mark("US", publication_date="2026-10-06"))
    assert window is not None and window.due == D("2026-11-05")  # 30 days, a Thursday
    assert window.state_on(D("2026-11-06")) is DeadlineState.LOST
    cancelled = window.cancel("the right is refused")
    assert cancelled.state_on(D("2026-10-10")) is DeadlineState.CANCELLED


def test_every_deadline_says_how_it_was_derived_and_which_rule_version() -> None:
    found = deadlines_for_right(_patent("US", registration_date="2019-07-23"))
    first = found[0]
    assert first.rule == f"US.patent.maintenance_fee@{RULESET_VERSION}"
    assert "grant 2019-07-23 + 3.5 years = 2023-01-23" in first.derivation
    assert "1.362(e)" in first.derivation


# --- customs recordations ---------------------------------------------------------------
def _record(authority: CustomsAuthority, number: str, **dates: str) -> Recordation:
    return Recordation(
        organisation_id=1,
        right_id=1,
        authority=authority,
        number=number,
        **{k: D(v) for k, v in dates.items()},
    )


def test_gacc_recordation_is_never_due_after_it_expires() -> None:
    # GACC Regulations art. 10: valid until Saturday 2027-02-13; the 2027 schedule is not held,
    # so the weekend may be closed -> the last working day before, Friday 2027-02-12.
    record = _record(CustomsAuthority.CN_GACC, "T2017-1", valid_until="2027-02-13")
    [deadline] = deadlines_for_recordation(record, None)
    assert deadline.due == D("2027-02-12") and deadline.grace_until is None
    assert deadline.opens == D("2026-08-13")
    assert "last CN working day before" in deadline.derivation


def test_a_recordation_never_outlives_its_patent() -> None:
    # A CN utility model filed 2016-02-01 ends 2026-02-01 (a Sunday); a recordation said to
    # run to 2027 ends with it, on the last working day before: Friday 2026-01-30.
    model = _patent(
        "CN", PatentType.UTILITY_MODEL, filing_date="2016-02-01", registration_date="2016-09-01"
    )
    record = _record(
        CustomsAuthority.CN_GACC, "P2017-1", valid_from="2017-03-01", valid_until="2027-02-28"
    )
    [deadline] = deadlines_for_recordation(record, model)
    assert deadline.due == D("2026-01-30")
    assert "capped at the end of the patent's term 2026-02-01" in deadline.derivation


def test_cbp_recordation_follows_the_registration_term() -> None:
    # 19 CFR 133.4(b): in force with the registration (2018-12-18 + 10 years = Monday
    # 2028-12-18), whatever the recorded date; 133.7(a): renew within 3 months after, by
    # Sunday 2029-03-18 -> the last working day before, Friday 2029-03-16.
    mark = _mark("US", FilingBasis.USE, registration_date="2018-12-18")
    record = _record(CustomsAuthority.US_CBP, "TMK 19-001", valid_until="2029-01-31")
    [deadline] = deadlines_for_recordation(record, mark)
    assert (deadline.due, deadline.grace_until) == (D("2028-12-18"), D("2029-03-16"))
    assert "follows the registration's term ending 2028-12-18" in deadline.derivation


def test_eu_extension_counts_the_member_states_working_days_and_one_year_at_most() -> None:
    # Reg. 608/2013 art. 11(1): adopted 2026-03-01, so at most to 2027-03-01 (the recorded
    # 2027-06-01 is cut); art. 12(2): 30 Belgian working days before Monday 2027-03-01, with
    # no Belgian holiday in between = six full weeks earlier, Monday 2027-01-18.
    record = _record(
        CustomsAuthority.EU, "BE-2026-0001", valid_from="2026-03-01", valid_until="2027-06-01"
    )
    [deadline] = deadlines_for_recordation(record, None)
    assert deadline.due == D("2027-01-18") and deadline.office == "EU-BE"
    assert "art. 11(1)" in deadline.derivation and "art. 12(2)" in deadline.derivation


def test_eu_extension_counts_a_member_states_holidays() -> None:
    # 30 working days before Monday 2027-05-31 in Germany: Whit Monday 05-17, Ascension 05-06
    # and Labour Day (a Saturday) fall inside; regional holidays (Corpus Christi 05-27 in
    # Bavaria and others) count too, since the customs office's region is not recorded.
    # Working back: May 2027 starts on a Saturday, so it has 20 weekdays before the 31st;
    # less 05-06, 05-17 and 05-27 that is 17, and 13 more from April (30, 29, 28, 27, 26, 23,
    # 22, 21, 20, 19, 16, 15, 14) -> Wednesday 2027-04-14.
    record = _record(
        CustomsAuthority.EU, "DE-2026-0002", valid_from="2026-06-01", valid_until="2027-05-31"
    )
    [deadline] = deadlines_for_recordation(record, None)
    assert deadline.due == D("2027-04-14")
