"""Deadlines of a proceeding: when the side that is sued or opposed must answer.

A defended matter runs from the day its papers reached the organisation (``served_on``);
the period depends on the kind of proceeding and the forum's law. A period set by the
office case by case (the EUIPO sets the applicant's time to reply in each opposition) has
no rule here, and no date is invented for it. An opposition case also shows the opposed
right's own opposition window (``rules.opposition_window``), when it was open to the
opposer. Dates move off the forum's closed days as the rules for offices do.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ipsentry.domain.cases import Case, CaseKind, CaseSide
from ipsentry.domain.deadlines.model import Deadline, DeadlineKind
from ipsentry.domain.deadlines.rules import _deadline, opposition_window
from ipsentry.domain.rights import Right

# (kind of proceeding, office or country) -> (period from service, what the law says)
RESPONSE_PERIODS: dict[tuple[CaseKind, str], tuple[relativedelta, str]] = {
    (CaseKind.OPPOSITION, "US"): (
        relativedelta(days=40),
        "37 CFR 2.106(a): answer 40 days from the Board's institution of the opposition",
    ),
    (CaseKind.OPPOSITION, "CN"): (
        relativedelta(days=30),
        "CN TM Law Implementing Regulations art. 27: reply within 30 days of receiving the copy",
    ),
    (CaseKind.ITC_337, "US"): (
        relativedelta(days=20),
        "19 CFR 210.13(a): respond to the complaint and notice within 20 days after service",
    ),
    (CaseKind.DISTRICT_COURT, "US"): (
        relativedelta(days=21),
        "FRCP 12(a)(1)(A)(i): answer within 21 days after being served",
    ),
    (CaseKind.MARKETPLACE_SUIT, "US"): (
        relativedelta(days=21),
        "FRCP 12(a)(1)(A)(i): answer within 21 days after being served",
    ),
}


def response_deadline(case: Case) -> Deadline | None:
    """The defending side's last day to answer, or None when no rule or no service date."""
    office = case.jurisdiction or ("US" if case.kind is CaseKind.ITC_337 else "")
    period = RESPONSE_PERIODS.get((case.kind, office))
    if case.side is not CaseSide.DEFENDED or case.served_on is None or period is None:
        return None
    length, source = period
    return _deadline(
        None,
        office,
        DeadlineKind.RESPONSE,
        f"Response due in {case.number or case.title}",
        case.served_on + length,
        f"{office}.{case.kind.value}.response",
        f"{source}: served {case.served_on.isoformat()} + {length.days} days",
    )


def case_deadlines(case: Case, rights: list[Right], today: date) -> list[Deadline]:
    """Every deadline of a case, with its state on ``today``: the response window of a
    defended case, and for an opposition each opposed right's opposition window."""
    found = []
    if case.kind is CaseKind.OPPOSITION:
        for right in rights:
            window = opposition_window(right)
            if window is not None:
                found.append(window)
    response = response_deadline(case)
    if response is not None:
        found.append(response)
    return sorted((d.as_of(today) for d in found), key=lambda d: d.due)
