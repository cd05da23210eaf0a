"""Hits and seizures become evidence in one step, filed under a case if one is named.

A confirmed screening hit is captured with what the screening saw (the observation, the
right, the score and the explanation the reviewer confirmed) or with the saved page, and
its custody chain opens with the run that found it and the decision that confirmed it.
A customs detention becomes a sample whose chain starts with the authority that detained
the goods. Either keeps its source (hit, observation, detention) on the item, and the
seller or declarant named joins the case as a party on the other side when it is new.
``evidence_from_detention`` works inside the caller's unit of work, so the customs
workflow can capture a seizure in the same transaction that records it.
"""

from __future__ import annotations

import mimetypes
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ipsentry.domain import cases, parties
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.customs import Detention, DetentionStatus
from ipsentry.domain.evidence import (
    JSON,
    EvidenceItem,
    EvidenceKind,
    record_content,
    sha256_hex,
    start_of,
)
from ipsentry.domain.observations import Observation
from ipsentry.domain.screening import ReviewStatus
from ipsentry.errors import Conflict, NotFound
from ipsentry.formats.files import check_input
from ipsentry.matching.notices.names import same_party
from ipsentry.services import audit
from ipsentry.services.access import Actor
from ipsentry.services.case_views import find_case
from ipsentry.services.evidence import WARC, evidence_row, readable_item, warc_of_page
from ipsentry.store.unit_of_work import UnitOfWork


def _strictest(*markings: Confidentiality) -> Confidentiality:
    return max(markings, key=lambda m: m.rank)


def join_case(
    uow: UnitOfWork, case: cases.Case, name: str, identifiers: list[parties.PartyIdentifier]
) -> bool:
    """Add ``name`` to the case on the other side unless a party of it already goes by that
    name; the seller's ids are kept on the party. True when a party was added."""
    if not name.strip():
        return False
    known = uow.records.parties_by_ids(case.organisation_id, [m.party_id for m in case.parties])
    for member in case.opponents():
        party = known.get(member.party_id)
        if party is not None and same_party(name, party.names()):
            return False
    party = parties.Party(
        organisation_id=case.organisation_id,
        name=name.strip(),
        identifiers=identifiers,
        confidentiality=case.confidentiality,
    )
    uow.records.add(party)
    uow.flush()
    assert party.id is not None
    case.parties.append(cases.CaseParty(party_id=party.id, role=cases.opponent_role(case.kind)))
    return True


def seller_ids(observation: Observation) -> list[parties.PartyIdentifier]:
    """The seller's id on the platform, when the observation carries one."""
    value = observation.attributes.get("seller_id", "")
    kind = parties.IdentifierKind.SELLER_ID
    return (
        [parties.PartyIdentifier(kind=kind, value=value, issuer=observation.source)]
        if value
        else []
    )


def _record_of(observation: Observation) -> dict[str, Any]:
    return {
        "kind": observation.kind.value,
        "source": observation.source,
        "external_id": observation.external_id,
        "url": observation.url,
        "text": observation.text,
        "description": observation.description,
        "seller": observation.seller,
        "observed_at": observation.observed_at.isoformat() if observation.observed_at else None,
        "attributes": dict(observation.attributes),
    }


def capture_hit(
    uow: UnitOfWork,
    actor: Actor,
    hit_id: int,
    *,
    case_reference: str = "",
    page: Path | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A confirmed hit as an evidence item (the saved page as WARC, else the screening's
    record as JSON), filed under a case when one is named. Capturing twice files the same
    item again rather than making a second one."""
    actor.require_write("evidence")
    if page is not None:
        check_input(page)
    with uow:
        case = find_case(uow, actor, case_reference) if case_reference else None
        item, created, added = hit_evidence(uow, actor, hit_id, case=case, page=page, now=now)
        uow.commit()
        return {**evidence_row(item), "created": created, "party_added": added}


def hit_evidence(
    uow: UnitOfWork,
    actor: Actor,
    hit_id: int,
    *,
    case: cases.Case | None = None,
    page: Path | None = None,
    now: datetime | None = None,
) -> tuple[EvidenceItem, bool, bool]:
    """Inside an open unit of work: the hit's evidence item (made if there is none yet),
    filed under ``case``; whether it was made and whether the seller joined the case."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    hit = uow.hits.get(actor.organisation_id, hit_id)
    observation = uow.hits.observation(hit.observation_id) if hit else None
    right = uow.rights.get(actor.organisation_id, hit.right_id) if hit else None
    if (
        hit is None
        or observation is None
        or right is None
        or not actor.may_read(_strictest(hit.confidentiality, right.confidentiality))
    ):
        raise NotFound(f"no hit {hit_id}")
    if hit.status is not ReviewStatus.CONFIRMED:
        raise Conflict(
            f"hit {hit_id} is {hit.status.value}: only a confirmed hit becomes evidence "
            "(confirm it in the review queue first)"
        )
    item = uow.enforcement.evidence_of_hit(actor.organisation_id, hit_id)
    created = item is None
    if item is None:
        item = _hit_item(actor, hit_id, observation, right.display_number, page, moment, hit)
        content = (
            warc_of_page(page.read_bytes(), observation.url, moment, {"operator": actor.email})
            if page is not None
            else record_content(
                {
                    "observation": _record_of(observation),
                    "hit": {
                        "id": hit_id,
                        "run_id": hit.run_id,
                        "kind": hit.kind.value,
                        "right": right.display_number,
                        "score": hit.score,
                        "verdict": hit.verdict,
                        "explanation": hit.explanation,
                    },
                }
            )
        )
        item.sha256 = sha256_hex(content)
        _open_chain(item, hit, observation, moment, actor)
        uow.evidence.add(item, content)
    added = False
    if case is not None:
        item.case_id = case.id
        added = join_case(uow, case, observation.seller, seller_ids(observation))
    audit.record(
        uow,
        actor,
        "evidence.capture_hit" if created else "evidence.file",
        entity="evidence",
        entity_id=item.id,
        after=evidence_row(item),
        details={"hit_id": hit_id, "case": case.number if case else None},
    )
    return item, created, added


def _hit_item(
    actor: Actor,
    hit_id: int,
    observation: Observation,
    right: str,
    page: Path | None,
    moment: datetime,
    hit: Any,
) -> EvidenceItem:
    title = f"{observation.source or observation.kind.value}: {observation.text}"[:300]
    return EvidenceItem(
        organisation_id=actor.organisation_id,
        kind=EvidenceKind.PAGE if page is not None else EvidenceKind.DOCUMENT,
        title=title,
        sha256="0" * 64,  # set from the content before it is stored
        captured_at=moment,
        captured_by=actor.email,
        media_type=WARC if page is not None else JSON,
        source_url=observation.url,
        seller_id=observation.attributes.get("seller_id", "") or observation.seller,
        source=f"screening hit {hit_id} (run {hit.run_id}) on {right}",
        hit_id=hit_id,
        observation_id=observation.id,
        confidentiality=hit.confidentiality,
    )


def _open_chain(
    item: EvidenceItem, hit: Any, observation: Observation, moment: datetime, actor: Actor
) -> None:
    confirmed = next(
        (d for d in reversed(hit.decisions) if d.decision is ReviewStatus.CONFIRMED), None
    )
    seen = observation.observed_at
    if seen is not None and seen.tzinfo is None:
        seen = seen.replace(tzinfo=UTC)  # stored in UTC; SQLite hands it back without a zone
    if seen is not None and seen <= moment:
        item.hand_over(observation.source or "screening", seen, "observed by screening")
    note = f"confirmed: {confirmed.reason}" if confirmed else ""
    item.hand_over(actor.email, moment, f"captured from screening hit {hit.id}", note=note)


def observation_evidence(
    uow: UnitOfWork,
    actor: Actor,
    observation: Observation,
    *,
    case: cases.Case | None = None,
    captured_by: str = "",
    now: datetime | None = None,
) -> EvidenceItem:
    """Inside an open unit of work: an observation as it was recorded, as a JSON document
    in the locker (for listings taken down without a screening hit, as in the demo)."""
    actor.require_write("evidence")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    content = record_content({"observation": _record_of(observation)})
    captor = captured_by or actor.email
    item = EvidenceItem(
        organisation_id=actor.organisation_id,
        kind=EvidenceKind.DOCUMENT,
        title=f"{observation.source}: {observation.text}"[:300],
        sha256=sha256_hex(content),
        captured_at=moment,
        captured_by=captor,
        media_type=JSON,
        source_url=observation.url,
        seller_id=observation.attributes.get("seller_id", "") or observation.seller,
        source=f"observation {observation.external_id or observation.id} as recorded",
        observation_id=observation.id,
        case_id=case.id if case else None,
        confidentiality=observation.confidentiality,
    )
    item.hand_over(captor, moment, "captured from the recorded observation")
    uow.evidence.add(item, content)
    return item


def evidence_from_detention(
    uow: UnitOfWork,
    actor: Actor,
    detention: Detention,
    *,
    case: cases.Case | None = None,
    photo: bytes | None = None,
    photo_type: str = "image/jpeg",
    now: datetime | None = None,
) -> EvidenceItem:
    """A detention (or seizure) as a sample in the locker, inside the caller's unit of work
    (nothing is committed here). The chain opens with the authority's detention and its
    seizure; the photo, when given, is the item's content, else the detention record."""
    actor.require_write("evidence")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    declaration = (
        uow.hits.observation(detention.declaration_id) if detention.declaration_id else None
    )
    record = {
        "authority": detention.authority.value,
        "detained_on": detention.detained_on.isoformat(),
        "goods": detention.goods,
        "quantity": detention.quantity,
        "status": detention.status.value,
        "declaration": _record_of(declaration) if declaration else None,
    }
    content = photo if photo is not None else record_content(record)
    authority = detention.authority.value
    item = EvidenceItem(
        organisation_id=actor.organisation_id,
        kind=EvidenceKind.SAMPLE,
        title=f"{authority} detention of {detention.quantity:,} {detention.goods}"[:300],
        sha256=sha256_hex(content),
        captured_at=moment,
        captured_by=actor.email,
        media_type=photo_type if photo is not None else JSON,
        seller_id=declaration.seller if declaration else "",
        source=f"customs detention {detention.id} ({authority})",
        detention_id=detention.id,
        observation_id=detention.declaration_id,
        case_id=case.id if case else None,
        confidentiality=detention.confidentiality,
    )
    item.hand_over(authority, start_of(detention.detained_on), "detained at the border")
    seized_on = detention.seized_on or (
        detention.confirmed_on if detention.status is DetentionStatus.SEIZED else None
    )
    if seized_on is not None:
        item.hand_over(authority, start_of(seized_on), "seized; held by customs")
    item.hand_over(actor.email, moment, "recorded in the evidence locker")
    uow.evidence.add(item, content)
    if case is not None and declaration is not None:
        join_case(uow, case, declaration.seller, seller_ids(declaration))
    audit.record(
        uow,
        actor,
        "evidence.capture_detention",
        entity="evidence",
        entity_id=item.id,
        after=evidence_row(item),
        details={"detention_id": detention.id, "case": case.number if case else None},
    )
    return item


def capture_detention(
    uow: UnitOfWork,
    actor: Actor,
    detention_id: int,
    *,
    case_reference: str = "",
    photo: Path | None = None,
) -> dict[str, Any]:
    """A stored detention captured as evidence (once; again only files it under a case)."""
    actor.require_write("evidence")
    if photo is not None:
        check_input(photo)
    with uow:
        detention = uow.enforcement.detention(actor.organisation_id, detention_id)
        if detention is None or not actor.may_read(detention.confidentiality):
            raise NotFound(f"no detention {detention_id}")
        case = find_case(uow, actor, case_reference) if case_reference else None
        item = uow.enforcement.evidence_of_detention(actor.organisation_id, detention_id)
        created = item is None
        if item is None:
            kind = mimetypes.guess_type(photo.name)[0] if photo else None
            item = evidence_from_detention(
                uow,
                actor,
                detention,
                case=case,
                photo=photo.read_bytes() if photo else None,
                photo_type=kind or "application/octet-stream",
            )
        elif case is not None:
            item.case_id = case.id
            audit.record(uow, actor, "evidence.file", entity="evidence", entity_id=item.id,
                         details={"case": case.number})  # fmt: skip
        uow.commit()
        return {**evidence_row(item), "created": created}


def file_evidence(
    uow: UnitOfWork, actor: Actor, evidence_id: int, case_reference: str
) -> dict[str, Any]:
    """File an item already in the locker under a case."""
    actor.require_write("evidence")
    with uow:
        item = readable_item(uow, actor, evidence_id)
        case = find_case(uow, actor, case_reference)
        before = evidence_row(item)
        item.case_id = case.id
        audit.record(uow, actor, "evidence.file", entity="evidence", entity_id=item.id,
                     before=before, after=evidence_row(item))  # fmt: skip
        uow.commit()
        return evidence_row(item)
