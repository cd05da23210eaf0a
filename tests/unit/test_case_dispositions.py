"""The disposition state machine of a 337 respondent, right by right (19 CFR part 210).

Every pair of states is tried: a move is accepted exactly when the table allows it, and
a refused move changes nothing. Property tests walk random paths of moves.
"""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipsentry.domain.cases import (
    MOVES,
    Case,
    CaseKind,
    CaseParty,
    DispositionKind,
    MoveRefused,
    PartyRole,
    Remedy,
    RemedyKind,
)

D = DispositionKind
DAY = date(2024, 1, 2)


def path_to(kind: DispositionKind) -> list[DispositionKind]:
    """The shortest chain of allowed moves from 'named' to ``kind`` (breadth first)."""
    seen = {D.NAMED: [D.NAMED]}
    queue = deque([D.NAMED])
    while queue:
        here = queue.popleft()
        for step in sorted(MOVES[here]):
            if step not in seen:
                seen[step] = [*seen[here], step]
                queue.append(step)
    return seen[kind][1:]


def respondent_at(kind: DispositionKind, right_id: int | None = None) -> CaseParty:
    party = CaseParty(party_id=1, role=PartyRole.RESPONDENT)
    for number, step in enumerate(path_to(kind)):
        party.move(step, DAY + timedelta(days=number), "test", right_id)
    return party


def test_every_state_is_reachable_from_named() -> None:
    assert all(path_to(kind) or kind is D.NAMED for kind in D)


@pytest.mark.parametrize("start", list(D))
@pytest.mark.parametrize("target", list(D))
def test_each_move_is_accepted_exactly_when_the_table_allows_it(
    start: DispositionKind, target: DispositionKind
) -> None:
    party = respondent_at(start)
    before = list(party.dispositions)
    if target in MOVES[start]:
        party.move(target, DAY + timedelta(days=30), "order")
        assert party.state() is target
    else:
        with pytest.raises(MoveRefused, match=f"cannot move to {target.value.replace('_', ' ')}"):
            party.move(target, DAY + timedelta(days=30), "order")
        assert party.dispositions == before and party.state() is start


def test_the_rules_the_table_encodes() -> None:
    """210.16: default needs service and is not an end; 210.21: terminations end it."""
    assert D.DEFAULT not in MOVES[D.NAMED] and D.DEFAULT in MOVES[D.SERVED]
    assert not D.DEFAULT.is_final and D.VIOLATION in MOVES[D.DEFAULT]
    for final in (D.CONSENT_ORDER, D.SETTLEMENT, D.WITHDRAWAL, D.NO_VIOLATION, D.VIOLATION):
        assert final.is_final and final.resolved
    assert not D.SERVED.resolved and D.DEFAULT.resolved


def test_a_move_dated_before_the_last_is_refused() -> None:
    party = respondent_at(D.SERVED)
    with pytest.raises(MoveRefused, match="earlier than"):
        party.move(D.SETTLEMENT, DAY - timedelta(days=1), "order")


def test_rights_move_separately_and_a_move_on_all_rights_checks_each() -> None:
    party = CaseParty(party_id=1, role=PartyRole.RESPONDENT)
    party.move(D.SERVED, DAY, "service")
    party.move(D.NO_VIOLATION, DAY + timedelta(days=9), "final determination", right_id=7)
    party.move(D.DEFAULT, DAY + timedelta(days=9), "order no. 12", right_id=8)
    assert party.state(7) is D.NO_VIOLATION and party.state(8) is D.DEFAULT
    with pytest.raises(MoveRefused, match="on right 7"):
        party.move(D.SETTLEMENT, DAY + timedelta(days=20), "settlement")
    party.move(D.VIOLATION, DAY + timedelta(days=20), "final determination", right_id=8)
    assert party.state(8) is D.VIOLATION


def test_a_complainant_has_no_disposition() -> None:
    with pytest.raises(MoveRefused, match="only respondents"):
        CaseParty(party_id=2, role=PartyRole.COMPLAINANT).move(D.SERVED, DAY, "x")


@given(st.lists(st.sampled_from(list(D)), max_size=12))
def test_random_walks_keep_to_the_table(steps: list[DispositionKind]) -> None:
    party = CaseParty(party_id=1, role=PartyRole.RESPONDENT)
    here = D.NAMED
    for number, step in enumerate(steps):
        try:
            party.move(step, DAY + timedelta(days=number), "walk")
        except MoveRefused:
            assert step not in MOVES[here]
        else:
            assert step in MOVES[here]
            here = step
        assert party.state() is here
    if here.is_final:  # an end state refuses every further move
        for step in D:
            with pytest.raises(MoveRefused):
                party.move(step, DAY + timedelta(days=99), "after the end")


@given(st.sampled_from(list(D)), st.sampled_from([RemedyKind.LEO, RemedyKind.CDO]))
def test_relief_only_against_a_respondent_in_default_or_violation(
    state: DispositionKind, kind: RemedyKind
) -> None:
    case = Case(organisation_id=1, kind=CaseKind.ITC_337, title="Certain lamps")
    case.parties.append(respondent_at(state, right_id=5))
    remedy = Remedy(kind=kind, against_party_id=1, right_id=5, source="notice")
    if state in (D.DEFAULT, D.VIOLATION):
        assert case.order(remedy) is remedy and case.remedies == [remedy]
    else:
        with pytest.raises(MoveRefused, match="relief follows a default"):
            case.order(remedy)
        assert case.remedies == []


def test_a_general_exclusion_order_needs_some_respondent_in_violation_or_default() -> None:
    case = Case(organisation_id=1, kind=CaseKind.ITC_337, title="Certain lamps")
    case.parties.append(respondent_at(D.SETTLEMENT))
    with pytest.raises(MoveRefused, match="no GEO"):
        case.order(Remedy(kind=RemedyKind.GEO))
    other = respondent_at(D.DEFAULT)
    other.party_id = 2
    case.parties.append(other)
    case.order(Remedy(kind=RemedyKind.GEO))
    assert [r.kind for r in case.remedies] == [RemedyKind.GEO]
