"""The evidence locker on SQLite and PostgreSQL: capture, custody, verification, bad input."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from warcio.archiveiterator import ArchiveIterator

from ipsentry.domain.accounts import Role
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.evidence import EvidenceKind, sha256_hex
from ipsentry.errors import InvalidInput, NotFound, PermissionDenied
from ipsentry.services.access import Actor
from ipsentry.services.evidence import (
    Capture,
    Handover,
    add_evidence,
    list_evidence,
    record_custody,
    verify_evidence,
)
from ipsentry.store import tables as t
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

PAGE = b"<!doctype html><html><body><h1>CCELL-style cartridge 1ml</h1><p>$12.99</p></body></html>"
AT = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "listing.html"
    path.write_bytes(PAGE)
    return path


def capture(path: Path, **changes: object) -> Capture:
    fields: dict[str, object] = {
        "path": path,
        "kind": EvidenceKind.PAGE,
        "title": "Listing of a look-alike cartridge",
        "captured_at": AT,
        "source_url": "https://shop.example/item/1",
        "locale": "en-US",
        "ship_to": "US",
        "price": "12.99",
        "currency": "USD",
        "seller_id": "seller-77",
    }
    fields.update(changes)
    return Capture(**fields)  # type: ignore[arg-type]


def stored_content(uow: UnitOfWork, evidence_id: int) -> bytes:
    with uow:
        content = uow.evidence.content(evidence_id)
    assert content is not None
    return content


def test_a_page_is_archived_as_warc_with_its_hash(
    uow: UnitOfWork, actor: Actor, page: Path
) -> None:
    row = add_evidence(uow, actor, capture(page))
    content = stored_content(uow, row["id"])
    assert row["sha256"] == sha256_hex(content) and row["media_type"] == "application/warc"
    assert row["price"] == {"amount": "12.99", "currency": "USD"} and row["ship_to"] == "US"
    records = list(ArchiveIterator(io.BytesIO(content)))
    assert [r.rec_type for r in records] == ["warcinfo", "resource"]
    assert records[1].rec_headers.get_header("WARC-Target-URI") == "https://shop.example/item/1"
    assert records[1].rec_headers.get_header("WARC-Date") == "2025-03-04T09:30:00Z"
    assert PAGE in gzip.decompress(content)
    assert [r["id"] for r in list_evidence(uow, actor)] == [row["id"]]
    assert verify_evidence(uow, actor) == [
        {"id": row["id"], "title": row["title"], "content_intact": True, "custody_intact": True,
         "custody_entries": 1, "broken_at": None, "problem": ""}
    ]  # fmt: skip


def test_custody_round_trips_and_tampering_is_found(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    photo = tmp_path / "parcel.png"
    photo.write_bytes(b"\x89PNG fake photo bytes")
    report = tmp_path / "teardown.txt"
    report.write_text("Element [b]: porous ceramic core present.", "utf-8")
    row = add_evidence(uow, actor, capture(photo, kind=EvidenceKind.TEST_PURCHASE, source_url=""))
    assert row["media_type"] == "image/png"
    entry = record_custody(
        uow, actor, row["id"],
        Handover("lab@acme.example", "teardown", AT + timedelta(days=2),
                 claim_elements=("US 10,000,001 claim 1 [b]",), document=report),
    )  # fmt: skip
    assert entry["sequence"] == 2 and entry["document_sha256"] == sha256_hex(report.read_bytes())
    assert verify_evidence(uow, actor, row["id"])[0]["problem"] == ""  # UTC survives the store
    with pytest.raises(InvalidInput, match=r"--at: .* is in the future"):
        record_custody(
            uow, actor, row["id"], Handover("x", "moved", datetime.now(UTC) + timedelta(days=9))
        )

    with uow:
        uow.session.execute(
            sa.update(t.custody_table)
            .where(t.custody_table.c.evidence_id == row["id"], t.custody_table.c.sequence == 2)
            .values(holder="someone else")
        )
        uow.commit()
    result = verify_evidence(uow, actor, row["id"])[0]
    assert not result["custody_intact"] and result["broken_at"] == 2
    with pytest.raises(InvalidInput, match="custody: entry 2 was changed"):
        record_custody(uow, actor, row["id"], Handover("x", "moved", AT + timedelta(days=3)))

    with uow:
        uow.session.execute(
            sa.update(t.evidence_content_table)
            .where(t.evidence_content_table.c.evidence_id == row["id"])
            .values(content=b"swapped")
        )
        uow.commit()
    assert "no longer match" in verify_evidence(uow, actor, row["id"])[0]["problem"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"source_url": ""}, "--url"),
        ({"locale": "xx-nowhere"}, "--locale"),
        ({"ship_to": "EP"}, "--ship-to"),
        ({"currency": ""}, "--price"),
        ({"currency": "DOLLARS"}, "--price"),
        ({"price": "cheap"}, "--price"),
        ({"case_number": "337-TA-0000"}, "--case"),
        ({"price": "-5"}, "--price"),
        ({"captured_at": datetime.now(UTC) + timedelta(days=400)}, "--captured-at"),
    ],
)
def test_bad_capture_facts_are_refused_and_nothing_is_stored(
    uow: UnitOfWork, actor: Actor, page: Path, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_evidence(uow, actor, capture(page, **changes))
    assert field in {p.field for p in refused.value.problems}
    assert list_evidence(uow, actor) == []


def test_a_page_must_be_a_saved_html_file(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"png")
    with pytest.raises(InvalidInput, match=r"--kind: a page is captured from a saved \.html"):
        add_evidence(uow, actor, capture(shot))


def test_who_may_add_and_see(uow: UnitOfWork, actor: Actor, page: Path) -> None:
    viewer = make_actor(uow, Role.VIEWER)
    with pytest.raises(PermissionDenied):
        add_evidence(uow, viewer, capture(page))
    secret = add_evidence(
        uow, actor, capture(page, confidentiality=Confidentiality.PROTECTIVE_ORDER)
    )
    analyst = make_actor(uow, Role.ANALYST)
    assert list_evidence(uow, analyst) == []  # above an analyst's clearance
    with pytest.raises(NotFound):
        verify_evidence(uow, analyst, secret["id"])
    other = make_actor(uow, Role.COUNSEL, slug="rival")
    with pytest.raises(NotFound):
        record_custody(uow, other, secret["id"], Handover("x", "moved"))
