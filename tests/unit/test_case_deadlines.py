"""Response windows of defended cases and the opposed right's opposition window.

One row per rule, the law named on the row; dates chosen so that some fall on closed days.
"""

from __future__ import annotations

from datetime import date

import pytest

from ipsentry.domain.cases import Case, CaseKind, CaseSide
from ipsentry.domain.deadlines.model import DeadlineKind, DeadlineState
from ipsentry.domain.deadlines.proceedings import case_deadlines, response_deadline
from ipsentry.domain.rights import LegalStatus, MarkType, Trademark


def defended(kind: CaseKind, office: str, served: date) -> Case:
    return Case(organisation_id=1, kind=kind, title="t", number="N", side=CaseSide.DEFENDED,
                jurisdiction=office, served_on=served)  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "office", "served", "due", "law"),
    [
        # 37 CFR 2.106(a): 40 days; 2026-01-05 + 40 = 2026-02-14, a Saturday; Presidents' Day
        # Monday 2026-02-16 is a federal holiday -> Tuesday 2026-02-17
        (CaseKind.OPPOSITION, "US", date(2026, 1, 5), date(2026, 2, 17), "37 CFR 2.106(a)"),
        # CN Implementing Regulations art. 27: 30 days; 2025-09-01 + 30 = 2025-10-01, National
        # Day holiday (1-8 October 2025) -> Thursday 2025-10-09
        (CaseKind.OPPOSITION, "CN", date(2025, 9, 1), date(2025, 10, 9), "art. 27"),
        # 19 CFR 210.13(a): 20 days after service; 2026-03-02 + 20 = Sunday 2026-03-22 -> 23rd
        (CaseKind.ITC_337, "US", date(2026, 3, 2), date(2026, 3, 23), "19 CFR 210.13(a)"),
        # FRCP 12(a)(1)(A)(i): 21 days; 2026-06-10 + 21 = Wednesday 2026-07-01
        (CaseKind.DISTRICT_COURT, "US", date(2026, 6, 10), date(2026, 7, 1), "FRCP 12(a)"),
    ],
)
def test_response_windows(kind: CaseKind, office: str, served: date, due: date, law: str) -> None:
    found = response_deadline(defended(kind, office, served))
    assert found is not None and found.kind is DeadlineKind.RESPONSE
    assert found.due == due and law in found.derivation


def test_no_date_is_invented() -> None:
    # the EUIPO sets the applicant's time to reply case by case: no rule, no date
    assert response_deadline(defended(CaseKind.OPPOSITION, "EM", date(2026, 1, 5))) is None
    brought = defended(CaseKind.OPPOSITION, "US", date(2026, 1, 5))
    brought.side = CaseSide.BROUGHT
    assert response_deadline(brought) is None
    unserved = defended(CaseKind.OPPOSITION, "US", date(2026, 1, 5))
    unserved.served_on = None
    assert response_deadline(unserved) is None


def test_an_opposition_shows_the_opposed_rights_window_and_the_answer() -> None:
    mark = Trademark(organisation_id=1, jurisdiction="CN", title="ROBOTA", id=7,
                     status=LegalStatus.OPPOSED, mark_type=MarkType.WORD,
                     application_number="70000001", publication_date=date(2025, 5, 6))  # fmt: skip
    case = defended(CaseKind.OPPOSITION, "CN", date(2025, 9, 1))
    found = case_deadlines(case, [mark], today=date(2025, 9, 20))
    assert [d.kind for d in found] == [DeadlineKind.OPPOSITION_WINDOW, DeadlineKind.RESPONSE]
    window, answer = found
    assert (
        window.due == date(2025, 8, 6) and window.state is DeadlineState.LOST
    )  # closed to opposers
    assert answer.state is DeadlineState.DUE_SOON
