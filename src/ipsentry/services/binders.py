"""An exhibit binder from the evidence locker: the chosen items, numbered, as one PDF.

Each exhibit shows what makes it trustworthy (SHA-256, capture facts, the custody chain
and whether both still verify) and what it shows: a photo or screenshot as an image, an
archived page as the text it held. The binder carries the strictest marking of its
exhibits, and an actor sees only the items their clearance allows.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.evidence import EvidenceItem, utc_text, verify_chain
from ipsentry.domain.exhibits import Bates
from ipsentry.errors import InvalidInput, Problem
from ipsentry.matching.claims.passages import html_text
from ipsentry.reports.exhibit_binder import write_binder
from ipsentry.services.access import Actor
from ipsentry.services.evidence import WARC, evidence_row, readable_item, readable_items
from ipsentry.store.unit_of_work import UnitOfWork

EXCERPT = 4000  # characters of a page or document shown in its exhibit


def _page_text(warc: bytes) -> str:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(io.BytesIO(warc)):
        if record.rec_type in ("resource", "response"):
            payload = record.content_stream().read()
            return html_text(payload.decode("utf-8", errors="replace"))
    return ""


def _exhibit(number: int, item: EvidenceItem, content: bytes | None) -> dict[str, Any]:
    image, text = "", ""
    if (
        content is not None
        and item.media_type.startswith("image/")
        and "svg" not in item.media_type
    ):
        image = f"data:{item.media_type};base64,{base64.b64encode(content).decode('ascii')}"
    elif content is not None and item.media_type == WARC:
        text = _page_text(content)[:EXCERPT]
    elif content is not None and item.media_type.startswith("text/"):
        text = content.decode("utf-8", errors="replace")[:EXCERPT]
    custody = [
        {
            "sequence": c.sequence,
            "at": utc_text(c.at),
            "holder": c.holder,
            "action": c.action,
            "note": c.note,
            "claim_elements": list(c.claim_elements),
            "entry_hash": c.entry_hash,
        }
        for c in item.custody
    ]
    return {
        **evidence_row(item),
        "number": number,
        "image": image,
        "text": text,
        "custody": custody,
        "content_intact": content is not None and item.matches(content),
        "custody_intact": verify_chain(item.custody).ok,
    }


def make_binder(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    *,
    title: str,
    bates: Bates,
    item_ids: list[int] | None = None,
) -> dict[str, Any]:
    """Write the binder of the given items (default: every item the actor may see)."""
    with uow:
        if item_ids:
            items = []
            items = [readable_item(uow, actor, evidence_id) for evidence_id in item_ids]
        else:
            items = readable_items(uow, actor, uow.evidence.list(actor.organisation_id))
        if not items:
            raise InvalidInput([Problem("command line", None, "--item", "no evidence to bind")])
        exhibits = [
            _exhibit(n, item, uow.evidence.content(item.id or 0))
            for n, item in enumerate(items, start=1)
        ]
    marking = max(
        (i.confidentiality for i in items),
        key=lambda c: c.rank,
        default=Confidentiality.CONFIDENTIAL,
    )
    spans = write_binder(
        {"title": title, "marking": marking.value, "exhibits": exhibits}, bates, out
    )
    return {
        "binder": str(out),
        "marking": marking.value,
        "exhibits": [
            {"number": e["number"], "id": e["id"], "title": e["title"], "bates": span}
            for e, span in zip(exhibits, spans, strict=True)
        ],
    }
