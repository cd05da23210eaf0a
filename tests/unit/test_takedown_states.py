"""The takedown notice's state machine: every move it allows, and every other one refused."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from ipsentry.domain.takedowns import (
    TAKEDOWN_MOVES,
    TakedownNotice,
    TakedownRefused,
    TakedownStatus,
)

S = TakedownStatus
# Each status and how a notice gets there from a draft.
PATHS = {
    S.DRAFT: [],
    S.SENT: [S.SENT],
    S.REMOVED: [S.SENT, S.REMOVED],
    S.REFUSED: [S.SENT, S.REFUSED],
    S.RELISTED: [S.SENT, S.REMOVED, S.RELISTED],
}
ALLOWED = {
    (S.DRAFT, S.SENT),
    (S.SENT, S.REMOVED),
    (S.SENT, S.REFUSED),
    (S.REMOVED, S.RELISTED),
    (S.REFUSED, S.SENT),  # sent again with more evidence
    (S.RELISTED, S.SENT),  # a new notice for the listing that came back
}


def notice_in(status: TakedownStatus) -> TakedownNotice:
    notice = TakedownNotice(
        organisation_id=1, platform="shop", seller="s", created_on=date(2026, 1, 1)
    )
    for step in PATHS[status]:
        notice.move(step, date(2026, 1, 2))
    return notice


def test_the_table_is_the_one_written_here() -> None:
    assert {(a, b) for a, targets in TAKEDOWN_MOVES.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("here", "to"), list(product(S, S)))
def test_every_move_is_allowed_or_refused_without_change(here: S, to: S) -> None:
    notice = notice_in(here)
    steps = len(notice.steps)
    if (here, to) in ALLOWED:
        notice.move(to, date(2026, 2, 1), "platform replied")
        assert notice.status is to and notice.steps[-1].note == "platform replied"
    else:
        with pytest.raises(TakedownRefused, match=f"a {here.value} takedown notice cannot"):
            notice.move(to, date(2026, 2, 1))
        assert notice.status is here and len(notice.steps) == steps


def test_a_step_dated_before_the_last_is_refused() -> None:
    notice = notice_in(S.SENT)
    with pytest.raises(TakedownRefused, match="earlier than the last step"):
        notice.move(S.REMOVED, date(2025, 12, 31))
    assert notice.status is S.SENT
    assert notice.since(S.SENT) == date(2026, 1, 2) and notice.since(S.REMOVED) is None
