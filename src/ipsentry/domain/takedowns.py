"""Takedown notices to a platform: one per platform and seller, tracked until it holds.

A notice names, for each listing, the right it infringes, the evidence captured and why
(the screening explanation a reviewer confirmed). It is drafted, sent, and then the
platform removes the listings or refuses; a removed listing that comes back is relisted,
and a new notice goes out (the relisted one is sent again). Every move is dated and kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality
from ipsentry.errors import Conflict


class TakedownStatus(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    REMOVED = "removed"
    REFUSED = "refused"
    RELISTED = "relisted"


_T = TakedownStatus
# Where a notice may go next: a refused notice can be sent again with more evidence, a
# relisted one is sent again; a removed one stays removed unless the listing comes back.
TAKEDOWN_MOVES: dict[TakedownStatus, frozenset[TakedownStatus]] = {
    _T.DRAFT: frozenset({_T.SENT}),
    _T.SENT: frozenset({_T.REMOVED, _T.REFUSED}),
    _T.REMOVED: frozenset({_T.RELISTED}),
    _T.REFUSED: frozenset({_T.SENT}),
    _T.RELISTED: frozenset({_T.SENT}),
}


class TakedownRefused(Conflict):
    """A move the notice's status does not allow, said in words."""


@dataclass(kw_only=True, eq=False)
class TakedownListing:
    """One listing named in a notice: the right, the evidence and the reason."""

    observation_id: int
    right_id: int
    listing_url: str = ""
    listing_ref: str = ""  # the platform's listing id
    title: str = ""
    right_label: str = ""  # office and number, as the notice prints it
    hit_id: int | None = None
    evidence_id: int | None = None
    explanation: str = ""
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class TakedownStep:
    status: TakedownStatus
    on: date
    note: str = ""
    observation_id: int | None = None  # for a relisting: the listing seen again
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class TakedownNotice:
    organisation_id: int
    platform: str
    seller: str
    status: TakedownStatus = TakedownStatus.DRAFT
    case_id: int | None = None
    seller_party_id: int | None = None
    created_on: date | None = None
    listings: list[TakedownListing] = field(default_factory=list)
    steps: list[TakedownStep] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def move(
        self, to: TakedownStatus, on: date, note: str = "", observation_id: int | None = None
    ) -> TakedownStep:
        """Record the next status, or refuse (TakedownRefused) and change nothing."""
        if to not in TAKEDOWN_MOVES[self.status]:
            allowed = ", ".join(sorted(s.value for s in TAKEDOWN_MOVES[self.status]))
            raise TakedownRefused(
                f"a {self.status.value} takedown notice cannot become {to.value} "
                f"(from {self.status.value} it can become: {allowed})"
            )
        last = self.steps[-1].on if self.steps else self.created_on
        if last is not None and on < last:
            raise TakedownRefused(f"{to.value} on {on} is earlier than the last step ({last})")
        step = TakedownStep(status=to, on=on, note=note, observation_id=observation_id)
        self.steps.append(step)
        self.status = to
        return step

    def since(self, status: TakedownStatus) -> date | None:
        """The day of the latest move into ``status``."""
        return next((s.on for s in reversed(self.steps) if s.status is status), None)
