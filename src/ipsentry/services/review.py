"""The review queue: each hit beside the matched right, why it was flagged, and decisions.

A decision names the hit's version as the reviewer saw it; if another reviewer decided in
between, the decision is refused with what the hit is now (``VersionConflict``), so
nobody overwrites anybody silently. Every decision is kept on the hit and in the audit log.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.observations import Observation
from ipsentry.domain.rights import Right
from ipsentry.domain.screening import Hit, HitKind, ReviewRefused, ReviewStatus
from ipsentry.errors import InvalidInput, NotFound, Problem, VersionConflict
from ipsentry.matching.claims.chart import Verdict
from ipsentry.matching.marks.reasons import Reason
from ipsentry.services import audit
from ipsentry.services.access import Actor
from ipsentry.store.job_repository import HitFilter
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_, message_of

__all__ = [
    "BulkResult",
    "HitFilter",
    "QueuePage",
    "ReviewItem",
    "StatusChoice",
    "decide",
    "decide_many",
    "item",
    "queue",
    "statuses_of",
]


@dataclass(frozen=True)
class Stretch:
    """A text cut around the matched stretch, so pages can highlight it."""

    before: str
    match: str
    after: str


def stretch(text: str, found: str) -> Stretch:
    at = text.casefold().find(found.casefold()) if found else -1
    if at < 0:
        return Stretch(text, "", "")
    return Stretch(text[:at], text[at : at + len(found)], text[at + len(found) :])


@dataclass(frozen=True)
class ReviewItem:
    hit: Hit
    observation: Observation
    right: Right
    observed: Stretch  # the observation's text with the matched stretch
    explanation: str  # in words
    marking: Confidentiality  # the stricter of the hit's and the right's
    reasons: tuple[Reason, ...] = ()  # the same as clauses, when the screening kept them

    @property
    def sign(self) -> str:
        return str(self.hit.explanation.get("sign", ""))


def _readable(actor: Actor, hit: Hit, right: Right | None) -> bool:
    return (
        right is not None
        and actor.may_read(hit.confidentiality)
        and actor.may_read(right.confidentiality)
    )


def _item(
    actor: Actor, hit: Hit, observation: Observation | None, right: Right | None
) -> ReviewItem | None:
    if observation is None or right is None or not _readable(actor, hit, right):
        return None
    record = hit.explanation
    located = str(record.get("located") or record.get("sign") or "")
    words = hit_words(hit)
    marking = max(hit.confidentiality, right.confidentiality, key=lambda m: m.rank)
    observed = stretch(observation.text, located)
    return ReviewItem(hit, observation, right, observed, words, marking, stored_reasons(record))


CLAIM_WORDS = {
    Verdict.READS_ON.value: N_(
        "claim %(claim)s of %(patent)s reads on the text: all %(total)s elements found"
    ),
    Verdict.PARTIAL.value: N_(
        "claim %(claim)s of %(patent)s: %(found)s of %(total)s elements found in the text"
    ),
    Verdict.NO.value: N_(
        "claim %(claim)s of %(patent)s: %(found)s of %(total)s elements found; "
        "it does not read on the text"
    ),
}


def hit_words(hit: Hit) -> str:
    """The hit's explanation in words: a mark's as its screening said it, a patent's
    from its chart (a screening keeps only the chart)."""
    record = hit.explanation
    if hit.kind is HitKind.CLAIM and isinstance(record.get("chart"), dict):
        return claim_words(record)
    return str(record.get("explanation") or record.get("verdict") or hit.verdict)


def claim_words(record: dict[str, Any]) -> str:
    """A patent hit in words: the claim, how many of its elements the text has, the verdict."""
    chart = record["chart"]
    phrase = CLAIM_WORDS.get(str(chart.get("verdict")), CLAIM_WORDS[Verdict.PARTIAL.value])
    return N_(
        phrase.phrase,
        claim=chart.get("num", record.get("claim")),
        patent=record.get("patent", ""),
        found=chart.get("elements_present", 0),
        total=chart.get("elements_total", 0),
    )


def stored_reasons(record: dict[str, Any]) -> tuple[Reason, ...]:
    """The clauses a screening kept with its hit; none for a hit screened before they
    were kept (or not a mark's), which then shows its English words."""
    try:
        return tuple(Reason.from_record(r) for r in record.get("reasons") or ())
    except ValueError:
        return ()


class StatusChoice(enum.StrEnum):
    """A queue's status filter: one review status, or every one."""

    OPEN = ReviewStatus.OPEN.value
    CONFIRMED = ReviewStatus.CONFIRMED.value
    DISMISSED = ReviewStatus.DISMISSED.value
    ESCALATED = ReviewStatus.ESCALATED.value
    ALL = "all"


def statuses_of(status: StatusChoice | None) -> tuple[ReviewStatus, ...]:
    """What a queue asked for by status shows: one status, every one (``all``), or by
    default the hits still waiting for someone (open and escalated)."""
    if status is None:
        return HitFilter().statuses
    return tuple(ReviewStatus) if status is StatusChoice.ALL else (ReviewStatus(status.value),)


@dataclass(frozen=True)
class QueuePage:
    items: list[ReviewItem]
    total: int  # in the whole queue that this actor may read


def queue(
    uow: UnitOfWork,
    actor: Actor,
    where: HitFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> QueuePage:
    """The queue best first; only the hits from ``offset`` (``limit`` of them) are read in
    full, so a page of a long queue costs a page, not the queue."""
    actor.require(Permission.READ, N_("see the review queue"))
    with uow:
        found = uow.hits.latest(actor.organisation_id, where or HitFilter())
        # Held here: the session keeps loaded records only while something refers to them.
        rights = {i: uow.rights.get(actor.organisation_id, i) for i in {h.right_id for h in found}}
        readable = [h for h in found if _readable(actor, h, rights[h.right_id])]
        chosen = readable[offset : None if limit is None else offset + limit]
        observed = uow.hits.observations(h.observation_id for h in chosen)
        uow.hits.read_decisions(chosen)
        items = [
            i
            for h in chosen
            if (i := _item(actor, h, observed.get(h.observation_id), rights[h.right_id]))
        ]
        return QueuePage(items, len(readable))


def _found(uow: UnitOfWork, actor: Actor, hit_id: int) -> ReviewItem:
    hit = uow.hits.get(actor.organisation_id, hit_id)
    found = None
    if hit is not None:
        observation = uow.hits.observation(hit.observation_id)
        found = _item(actor, hit, observation, uow.rights.get(actor.organisation_id, hit.right_id))
    if found is None:
        raise NotFound(N_("no hit %(hit)s", hit=hit_id))
    return found


def item(uow: UnitOfWork, actor: Actor, hit_id: int) -> ReviewItem:
    actor.require(Permission.READ, N_("see hits"))
    with uow:
        return _found(uow, actor, hit_id)


def _state(hit: Hit) -> dict[str, Any]:
    return {
        "status": hit.status.value,
        "version": hit.version,
        "decisions": [
            {
                "decision": d.decision.value,
                "reason": d.reason,
                "user_id": d.user_id,
                "decided_at": d.decided_at.isoformat(),
            }
            for d in hit.decisions
        ],
    }


def decide(
    uow: UnitOfWork,
    actor: Actor,
    hit_id: int,
    decision: ReviewStatus,
    reason: str,
    version: int,
) -> ReviewItem:
    """Record a decision on the hit as it was at ``version``."""
    actor.require(Permission.REVIEW, N_("review hits"))
    with uow:
        found = _found(uow, actor, hit_id)
        hit = found.hit
        before = _state(hit)
        if hit.version != version or not uow.hits.bump_version(hit_id, version):
            raise VersionConflict(
                N_("hit %(hit)s was changed by someone else (now %(status)s, version "
                   "%(version)s); reload it and decide again", hit=hit_id, status=hit.status,
                   version=hit.version),
                before,
            )  # fmt: skip
        try:
            hit.review(decision, reason, actor.user_id, datetime.now(UTC))
        except ReviewRefused as error:
            raise InvalidInput([Problem("input", None, error.field, message_of(error))]) from None
        hit.version = version + 1
        audit.record(
            uow,
            actor,
            "hit.review",
            entity="hit",
            entity_id=hit.id,
            before=before,
            after=_state(hit),
        )
        uow.commit()
        return found  # its hit is the one just decided


@dataclass(frozen=True)
class BulkResult:
    decided: list[int]
    conflicts: list[VersionConflict]
    refused: list[str]  # hits whose current state does not allow the decision, in words


def decide_many(
    uow: UnitOfWork,
    actor: Actor,
    chosen: list[tuple[int, int]],
    decision: ReviewStatus,
    reason: str,
) -> BulkResult:
    """The same decision on several hits (each as (hit id, version)); each is decided or
    reported on its own, so one stale hit does not hold back the rest."""
    actor.require(Permission.REVIEW, N_("review hits"))
    decided, conflicts, refused = [], [], list[str]()
    for hit_id, version in chosen:
        try:
            decide(uow, actor, hit_id, decision, reason, version)
            decided.append(hit_id)
        except VersionConflict as conflict:
            conflicts.append(conflict)
        except InvalidInput as error:
            refused.append(N_("hit %(hit)s: %(why)s", hit=hit_id, why=error.problems[0].message))
    return BulkResult(decided, conflicts, refused)
