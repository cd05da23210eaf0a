"""Takedown notices drafted from confirmed hits, one per platform and seller, and tracked.

Each listing of a notice carries the right it infringes, the evidence captured from its
hit (captured here if it was not yet) and the explanation the reviewer confirmed. A notice
moves draft → sent → removed | refused; a removed one whose listing comes back is marked
relisted by the next screening run (``check_relisting``): the same platform and seller
found again on a right of the notice, in a listing the notice does not name, or in one it
names seen again after the removal; a seller under a new name counts as the same when the
infringer network links the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.evidence import utc_text
from ipsentry.domain.observations import Observation
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus, ScreeningRun
from ipsentry.domain.takedowns import (
    TakedownListing,
    TakedownNotice,
    TakedownStatus,
)
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.matching.network import Network
from ipsentry.services import audit, review
from ipsentry.services.access import Actor
from ipsentry.services.case_intake import hit_evidence
from ipsentry.services.case_views import find_case
from ipsentry.services.network import linking_network, same_seller
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.job_repository import HitFilter
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_


def notice_row(notice: TakedownNotice) -> dict[str, Any]:
    return {
        "id": notice.id,
        "platform": notice.platform,
        "seller": notice.seller,
        "status": notice.status.value,
        "case_id": notice.case_id,
        "created_on": notice.created_on.isoformat() if notice.created_on else None,
        "listings": [
            {
                "observation_id": listing.observation_id,
                "listing_ref": listing.listing_ref,
                "listing_url": listing.listing_url,
                "title": listing.title,
                "right": listing.right_label,
                "hit_id": listing.hit_id,
                "evidence_id": listing.evidence_id,
                "explanation": listing.explanation,
            }
            for listing in notice.listings
        ],
        "steps": [
            {
                "status": step.status.value,
                "on": step.on.isoformat(),
                "note": step.note,
                "observation_id": step.observation_id,
            }
            for step in notice.steps
        ],
        "confidentiality": notice.confidentiality.value,
        "illustrative": notice.illustrative,
    }


def _chosen_hits(uow: UnitOfWork, actor: Actor, hit_ids: Sequence[int]) -> list[Hit]:
    if hit_ids:
        found = []
        for hit_id in hit_ids:
            hit = uow.hits.get(actor.organisation_id, hit_id)
            if hit is None or not actor.may_read(hit.confidentiality):
                raise NotFound(N_("no hit %(hit)s", hit=hit_id))
            found.append(hit)
        return found
    where = HitFilter(statuses=(ReviewStatus.CONFIRMED,), kind=HitKind.MARK)
    return [
        h
        for h in uow.hits.latest(actor.organisation_id, where)
        if actor.may_read(h.confidentiality)
    ]


def generate(
    uow: UnitOfWork,
    actor: Actor,
    today: date,
    *,
    hit_ids: Sequence[int] = (),
    case_reference: str = "",
) -> list[dict[str, Any]]:
    """Draft notices from confirmed hits (the ones named, or every confirmed mark hit not
    yet in a notice), one per platform and seller; a listing already in a notice of that
    seller is not named twice. Returns the notices drafted or added to."""
    actor.require_write(N_("takedown notices"))
    with uow:
        case = find_case(uow, actor, case_reference) if case_reference else None
        existing = uow.enforcement.takedowns(actor.organisation_id)
        named = {(x.observation_id, x.right_id) for n in existing for x in n.listings}
        touched: dict[int, TakedownNotice] = {}
        for hit in _chosen_hits(uow, actor, hit_ids):
            observation = uow.hits.observation(hit.observation_id)
            right = uow.rights.get(actor.organisation_id, hit.right_id)
            if observation is None or right is None:
                raise NotFound(f"no hit {hit.id}")
            if (hit.observation_id, hit.right_id) in named:
                continue
            assert hit.id is not None
            item, _, _ = hit_evidence(uow, actor, hit.id, case=case)
            notice = _notice_for(uow, actor, existing, observation, case, today)
            notice.listings.append(
                TakedownListing(
                    observation_id=hit.observation_id,
                    right_id=hit.right_id,
                    listing_url=observation.url,
                    listing_ref=observation.external_id,
                    title=observation.text,
                    right_label=f"{right.display_number} ({right.title})",
                    hit_id=hit.id,
                    evidence_id=item.id,
                    explanation=review.hit_words(hit),
                )
            )
            named.add((hit.observation_id, hit.right_id))
            if notice.confidentiality.rank < hit.confidentiality.rank:
                notice.confidentiality = hit.confidentiality
            uow.flush()
            assert notice.id is not None
            touched[notice.id] = notice
        if not touched:
            raise InvalidInput(
                [
                    Problem(
                        "takedowns",
                        None,
                        "hits",
                        N_("no confirmed hit that is not already in a notice"),
                    )
                ]
            )
        for notice in touched.values():
            audit.record(uow, actor, "takedown.draft", entity="takedown", entity_id=notice.id,
                         after=notice_row(notice))  # fmt: skip
        uow.commit()
        return [notice_row(n) for n in touched.values()]


def _notice_for(
    uow: UnitOfWork,
    actor: Actor,
    existing: list[TakedownNotice] | Sequence[TakedownNotice],
    observation: Observation,
    case: Any,
    today: date,
) -> TakedownNotice:
    """The draft notice to this platform about this seller, made if there is none."""
    platform, seller = (
        observation.source or "(unknown platform)",
        observation.seller or "(unknown seller)",
    )
    for notice in existing:
        if (
            notice.status is TakedownStatus.DRAFT
            and notice.platform == platform
            and notice.seller == seller
        ):
            return notice
    notice = TakedownNotice(
        organisation_id=actor.organisation_id,
        platform=platform,
        seller=seller,
        seller_party_id=observation.seller_party_id,
        case_id=case.id if case else None,
        created_on=today,
        confidentiality=observation.confidentiality,
    )
    uow.enforcement.add(notice)
    if isinstance(existing, list):
        existing.append(notice)
    return notice


def _readable(uow: UnitOfWork, actor: Actor, notice_id: int) -> TakedownNotice:
    notice = uow.enforcement.takedown(actor.organisation_id, notice_id)
    if notice is None or not actor.may_read(notice.confidentiality):
        raise NotFound(f"no takedown notice {notice_id}")
    return notice


def list_takedowns(
    uow: UnitOfWork, actor: Actor, status: TakedownStatus | None = None
) -> list[dict[str, Any]]:
    actor.require(Permission.READ, N_("see takedown notices"))
    with uow:
        found = uow.enforcement.takedowns(
            actor.organisation_id, statuses=(status,) if status else ()
        )
        return [notice_row(n) for n in actor.readable(found)]


def show_takedown(uow: UnitOfWork, actor: Actor, notice_id: int) -> dict[str, Any]:
    actor.require(Permission.READ, N_("see takedown notices"))
    with uow:
        return notice_row(_readable(uow, actor, notice_id))


def move(
    uow: UnitOfWork,
    actor: Actor,
    notice_id: int,
    status: TakedownStatus,
    on: date,
    note: str = "",
) -> dict[str, Any]:
    """Record the notice's next status (sent, removed, refused, relisted), or refuse."""
    actor.require_write(N_("takedown notices"))
    if (late := future_problem(on, "on")) is not None:
        raise InvalidInput([late])
    with uow:
        notice = _readable(uow, actor, notice_id)
        before = notice_row(notice)
        notice.move(status, on, note)
        audit.record(uow, actor, f"takedown.{status.value}", entity="takedown",
                     entity_id=notice.id, before=before, after=notice_row(notice))  # fmt: skip
        uow.commit()
        return notice_row(notice)


def check_relisting(uow: UnitOfWork, actor: Actor, run: ScreeningRun, today: date) -> list[int]:
    """Inside the screening run's unit of work: mark relisted the removed notices whose
    seller shows up again on the same platform and right — under its own name, or under a
    new one that the infringer network links to it (a shared seller id, payment account,
    e-mail, address or product image), the usual answer to a takedown. Returns the notices
    marked."""
    removed = uow.enforcement.takedowns(actor.organisation_id, statuses=(TakedownStatus.REMOVED,))
    marked = []
    network: Network | None = None  # gathered on first need: most relistings keep the name
    for notice in removed:
        gone_on = notice.since(TakedownStatus.REMOVED)
        rights = {x.right_id for x in notice.listings}
        named = {x.observation_id for x in notice.listings}
        for hit in run.hits:
            if hit.right_id not in rights:
                continue
            observation = uow.hits.observation(hit.observation_id)
            if observation is None or observation.source != notice.platform:
                continue
            renamed = ""
            if observation.seller != notice.seller and observation.id not in named:
                if network is None:
                    network = linking_network(uow, actor)
                why = same_seller(network, notice.platform, notice.seller, observation.seller)
                if why is None:
                    continue
                renamed = f" under the name {observation.seller!r} ({'; '.join(why)})"
            seen = observation.observed_at.date() if observation.observed_at else None
            if observation.id in named and (seen is None or gone_on is None or seen <= gone_on):
                continue  # the removed listing itself, as it was before removal
            notice.move(
                TakedownStatus.RELISTED,
                max(today, gone_on or today),
                f"seen again in screening run: {observation.external_id or observation.url}"
                + renamed,
                observation.id,
            )
            audit.record(uow, actor, "takedown.relisted", entity="takedown",
                         entity_id=notice.id, after=notice_row(notice))  # fmt: skip
            assert notice.id is not None
            marked.append(notice.id)
            break
    return marked


def notice_facts(uow: UnitOfWork, actor: Actor, notice_id: int, today: date) -> dict[str, Any]:
    """What a notice says, for its text and its PDF."""
    actor.require(Permission.READ, N_("see takedown notices"))
    with uow:
        notice = _readable(uow, actor, notice_id)
        holder = uow.accounts.organisation(actor.organisation_id)
        party = (
            uow.records.parties_by_ids(actor.organisation_id, [notice.seller_party_id]).get(
                notice.seller_party_id
            )
            if notice.seller_party_id
            else None
        )
        case = next(
            (c for c in uow.records.cases(actor.organisation_id) if c.id == notice.case_id), None
        )
        row = notice_row(notice)
        listings = []
        for listing, shown in zip(notice.listings, row["listings"], strict=True):
            item = (
                uow.evidence.get(actor.organisation_id, listing.evidence_id)
                if listing.evidence_id
                else None
            )
            evidence = (
                N_("locker item %(item)s, captured %(captured)s, SHA-256 %(sha256)s",
                   item=item.id, captured=utc_text(item.captured_at), sha256=item.sha256)
                if item is not None
                else N_("(none captured)")
            )  # fmt: skip
            listings.append(
                {**shown, **_said(uow, actor, listing), "evidence": evidence,
                 "right_label": listing.right_label}
            )  # fmt: skip
        return {
            "notice": row,
            "holder": holder.name if holder else "",
            "seller_ids": [i.value for i in party.identifiers] if party else [],
            "case": f"{case.number} ({case.title})" if case else "",
            "dated": (notice.since(TakedownStatus.SENT) or today).isoformat(),
            "marking": notice.confidentiality.value.replace("_", " "),
            "listings": listings,
        }


def _said(uow: UnitOfWork, actor: Actor, listing: TakedownListing) -> dict[str, Any]:
    """Why the listing is named, as its hit says it (the words the notice stored, kept
    with their phrase and clauses so a page tells them in its language); the stored words
    alone when the hit is gone."""
    hit = uow.hits.get(actor.organisation_id, listing.hit_id) if listing.hit_id else None
    if hit is None:
        return {"reasons": ()}
    return {"explanation": review.hit_words(hit), "reasons": review.stored_reasons(hit.explanation)}


def write_notice(
    uow: UnitOfWork, actor: Actor, notice_id: int, out: Path, today: date
) -> dict[str, Any]:
    """The notice as text (``.txt``) or PDF (``.pdf``) at ``out``."""
    from ipsentry.formats.files import atomic_text
    from ipsentry.reports.takedown_notice import notice_text, write_notice_pdf

    facts = notice_facts(uow, actor, notice_id, today)
    if out.suffix.lower() == ".pdf":
        write_notice_pdf(facts, out)
    else:
        with atomic_text(out) as handle:
            handle.write(notice_text(facts))
    return {"notice": notice_id, "out": str(out), "listings": len(facts["listings"])}
