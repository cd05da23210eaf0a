"""The evidence locker: capture an item with its hashes, list items, verify them.

A saved web page is archived as a WARC file (ISO 28500) with ``warcio``: a ``warcinfo``
record saying who captured it, in which locale and for which ship-to country, then a
``resource`` record holding the page under its address. Other files (screenshots,
photos, reports) are kept as they are. The SHA-256 is taken over the bytes stored, and
the item's custody chain opens with its capture; ``verify`` re-hashes every item's bytes
and re-checks every chain, so a change to either is found.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from ipsentry.domain.common import Confidentiality, Money, country_codes
from ipsentry.domain.evidence import EvidenceItem, EvidenceKind, sha256_hex, utc_text, verify_chain
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.files import check_input, invalid
from ipsentry.services.access import Actor
from ipsentry.services.disputes import cases_out_of_sight
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
WARC = "application/warc"


@dataclass(frozen=True)
class Capture:
    """What the person capturing an item says about it (the CLI's options)."""

    path: Path
    kind: EvidenceKind
    title: str
    captured_by: str = ""  # default: the acting user
    captured_at: datetime | None = None  # default: now
    source_url: str = ""
    locale: str = ""
    ship_to: str = ""
    price: str = ""
    currency: str = ""
    seller_id: str = ""
    case_number: str = ""
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL


def _checked(capture: Capture) -> tuple[list[Problem], Money | None]:
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem("command line", None, field, message))

    if capture.kind is EvidenceKind.PAGE and capture.path.suffix.lower() not in PAGE_SUFFIXES:
        problems.append(
            Problem(str(capture.path), None, "--kind", "a page is captured from a saved .html file")
        )
    if capture.kind is EvidenceKind.PAGE and not capture.source_url:
        problem("--url", "a page needs the address it was captured from")
    if (late := future_problem(capture.captured_at, "--captured-at")) is not None:
        problems.append(late)
    if capture.locale:
        try:
            Locale.parse(capture.locale.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            problem("--locale", f"{capture.locale!r} is not a locale (e.g. en-US, zh-CN)")
    ship_to = capture.ship_to.upper()
    if ship_to and ship_to not in country_codes():
        problem("--ship-to", f"{capture.ship_to!r} is not an ISO 3166 country code")
    price = None
    if capture.price or capture.currency:
        if not (capture.price and capture.currency):
            problem("--price", "give the price and its --currency together")
        else:
            try:
                price = Money.parse(capture.price, capture.currency)
            except ValueError as error:
                problem("--price", str(error))
            if price is not None and price.amount < 0:
                problem("--price", "cannot be negative")
    return problems, price


def warc_of_page(page: bytes, url: str, captured_at: datetime, info: dict[str, str]) -> bytes:
    """A gzipped WARC file: a warcinfo record, then the page as a resource record."""
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    date = captured_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = {"software": "ipsentry", **{k: v for k, v in info.items() if v}}
    writer.write_record(writer.create_warcinfo_record("ipsentry-capture.warc.gz", fields))
    writer.write_record(
        writer.create_warc_record(
            url,
            "resource",
            payload=io.BytesIO(page),
            warc_content_type="text/html",
            warc_headers_dict={"WARC-Date": date},
        )
    )
    return buffer.getvalue()


def add_evidence(uow: UnitOfWork, actor: Actor, capture: Capture) -> dict[str, Any]:
    """Store one item with its content; all is checked before anything is written."""
    actor.require_write(N_("evidence"))
    check_input(capture.path)
    problems, price = _checked(capture)
    if problems:
        raise InvalidInput(problems)
    raw = capture.path.read_bytes()
    moment = (capture.captured_at or datetime.now(UTC)).astimezone(UTC)
    captor = capture.captured_by or actor.email
    if capture.kind is EvidenceKind.PAGE:
        info = {"operator": captor, "locale": capture.locale, "ship-to": capture.ship_to}
        content, media_type = warc_of_page(raw, capture.source_url, moment, info), WARC
    else:
        content = raw
        media_type = mimetypes.guess_type(capture.path.name)[0] or "application/octet-stream"
    with uow:
        case_id = None
        if capture.case_number:
            case = uow.records.case_by_number(actor.organisation_id, capture.case_number)
            if case is None:
                raise invalid("command line", f"no case {capture.case_number!r}", field="--case")
            case_id = case.id
        item = EvidenceItem(
            organisation_id=actor.organisation_id,
            kind=capture.kind,
            title=capture.title,
            sha256=sha256_hex(content),
            captured_at=moment,
            captured_by=captor,
            media_type=media_type,
            source_url=capture.source_url,
            locale=capture.locale,
            ship_to=capture.ship_to.upper(),
            price=price,
            seller_id=capture.seller_id,
            case_id=case_id,
            confidentiality=capture.confidentiality,
        )
        item.hand_over(captor, moment, f"captured ({capture.path.name})")
        uow.evidence.add(item, content)
        uow.commit()
        return evidence_row(item)


def evidence_row(item: EvidenceItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind.value,
        "title": item.title,
        "sha256": item.sha256,
        "captured_at": utc_text(item.captured_at),
        "captured_by": item.captured_by,
        "media_type": item.media_type,
        "source_url": item.source_url,
        "locale": item.locale,
        "ship_to": item.ship_to,
        "price": {"amount": str(item.price.amount), "currency": item.price.currency}
        if item.price
        else None,
        "seller_id": item.seller_id,
        "case_id": item.case_id,
        "source": item.source,
        "hit_id": item.hit_id,
        "observation_id": item.observation_id,
        "detention_id": item.detention_id,
        "custody_entries": len(item.custody),
        "confidentiality": item.confidentiality.value,
    }


def readable_items(
    uow: UnitOfWork, actor: Actor, items: Iterable[EvidenceItem]
) -> list[EvidenceItem]:
    """The items the actor may read (inside an open unit of work): by marking, and none
    filed under a case referred from a dispute the actor does not see, since that case's
    evidence holds the dispute's disclosed session records."""
    hidden = cases_out_of_sight(uow, actor)
    return [i for i in actor.readable(items) if i.case_id is None or i.case_id not in hidden]


def readable_item(uow: UnitOfWork, actor: Actor, evidence_id: int) -> EvidenceItem:
    """One item the actor may read, or NotFound (as for an item that does not exist)."""
    found = uow.evidence.get(actor.organisation_id, evidence_id)
    if found is None or not readable_items(uow, actor, [found]):
        raise NotFound(f"no evidence item {evidence_id}")
    return found


def list_evidence(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    with uow:
        items = readable_items(uow, actor, uow.evidence.list(actor.organisation_id))
        return [evidence_row(i) for i in items]


def verify_evidence(
    uow: UnitOfWork, actor: Actor, evidence_id: int | None = None
) -> list[dict[str, Any]]:
    """Re-hash each item's stored bytes and re-check its custody chain."""
    with uow:
        if evidence_id is not None:
            items = [readable_item(uow, actor, evidence_id)]
        else:
            items = readable_items(uow, actor, uow.evidence.list(actor.organisation_id))
        results = []
        for item in items:
            assert item.id is not None
            content = uow.evidence.content(item.id)
            chain = verify_chain(item.custody)
            intact = content is not None and item.matches(content)
            results.append(
                {
                    "id": item.id,
                    "title": item.title,
                    "content_intact": intact,
                    "custody_intact": chain.ok,
                    "custody_entries": chain.entries,
                    "broken_at": chain.broken_at,
                    "problem": "; ".join(
                        p
                        for p in (
                            "" if intact else "stored bytes no longer match the SHA-256",
                            chain.reason,
                        )
                        if p
                    ),
                }
            )
        return results


@dataclass(frozen=True)
class Handover:
    """One custody step as the person recording it gives it."""

    holder: str
    action: str
    at: datetime | None = None  # default: now
    note: str = ""
    claim_elements: tuple[str, ...] = ()
    document: Path | None = None  # a report made at this step (its SHA-256 is recorded)


def record_custody(
    uow: UnitOfWork, actor: Actor, evidence_id: int, step: Handover
) -> dict[str, Any]:
    """Add the next link of an item's custody chain; a broken chain takes no new link."""
    actor.require_write(N_("evidence"))
    if (late := future_problem(step.at, "--at")) is not None:
        raise InvalidInput([late])
    digest = ""
    if step.document is not None:
        check_input(step.document)
        digest = sha256_hex(step.document.read_bytes())
    with uow:
        item = readable_item(uow, actor, evidence_id)
        chain = verify_chain(item.custody)
        if not chain.ok:
            raise InvalidInput(
                [Problem(f"evidence {evidence_id}", chain.broken_at, "custody", chain.reason)]
            )
        entry = item.hand_over(
            step.holder,
            step.at or datetime.now(UTC),
            step.action,
            note=step.note,
            claim_elements=step.claim_elements,
            document_sha256=digest,
        )
        uow.commit()
        return {
            "evidence_id": evidence_id,
            "sequence": entry.sequence,
            "holder": entry.holder,
            "at": utc_text(entry.at),
            "action": entry.action,
            "claim_elements": list(entry.claim_elements),
            "document_sha256": entry.document_sha256,
            "entry_hash": entry.entry_hash,
        }
