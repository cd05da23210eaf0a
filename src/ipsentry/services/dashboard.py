"""What the dashboard shows, counted for the actor (their organisation, their clearance)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.deadlines import Deadline
from ipsentry.services import portfolio, review
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork

ACTIVITY_DAYS = 90


@dataclass(frozen=True)
class Figures:
    rights: int
    counts: dict[str, dict[str, int]]  # chart name -> label -> count
    due_30: list[Deadline]
    due_90: list[Deadline]
    activity: dict[date, int] = field(default_factory=dict)
    # the strictest marking among what is counted: the rights, and hits and observations
    # (confidential records of the organisation)
    marking: Confidentiality = Confidentiality.CONFIDENTIAL


def _count(values: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def figures(uow: UnitOfWork, actor: Actor, today: date | None = None) -> Figures:
    actor.require(Permission.READ, "see the dashboard")
    day = today or date.today()
    rights = portfolio.list_rights(uow, actor)
    due = portfolio.upcoming_deadlines(uow, actor, day, day + timedelta(days=90))
    with uow:
        since = datetime.now(UTC) - timedelta(days=ACTIVITY_DAYS)
        activity = uow.activity.observations_screened_by_day(actor.organisation_id, since)
    open_hits = _count([i.observation.kind.value for i in review.queue(uow, actor).items])
    counts = {
        "kind": _count([r.kind.value for r in rights]),
        "office": _count([r.jurisdiction for r in rights]),
        "family": _count([r.technology_family or "-" for r in rights]),
        "open_hits": open_hits,
    }
    return Figures(
        rights=len(rights),
        counts=counts,
        due_30=[d for d in due if d.due <= day + timedelta(days=30)],
        due_90=due,
        activity=activity,
        marking=max(
            (Confidentiality.CONFIDENTIAL, *(r.confidentiality for r in rights)),
            key=lambda m: m.rank,
        ),
    )
