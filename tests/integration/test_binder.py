"""The exhibit binder: an index, then every page of every exhibit Bates-stamped in order."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from ipsentry.domain.accounts import Role
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.evidence import EvidenceKind
from ipsentry.domain.exhibits import Bates
from ipsentry.errors import InvalidInput, NotFound
from ipsentry.services.access import Actor
from ipsentry.services.binders import make_binder
from ipsentry.services.evidence import Capture, Handover, add_evidence, record_custody
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

AT = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture
def items(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> list[int]:
    page = tmp_path / "listing.html"
    page.write_text("<html><body><h1>Look-alike cartridge</h1><p>Only USD 9.99</p></body></html>")
    photo = tmp_path / "parcel.png"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    first = add_evidence(
        uow,
        actor,
        Capture(
            page,
            EvidenceKind.PAGE,
            "Listing",
            captured_at=AT,
            source_url="https://shop.example/1",
            seller_id="seller-77",
        ),
    )
    second = add_evidence(
        uow,
        actor,
        Capture(
            photo,
            EvidenceKind.TEST_PURCHASE,
            "Parcel as received",
            captured_at=AT,
            seller_id="seller-77",
        ),
    )
    for n in range(45):  # a long custody log, so this exhibit takes more than one page
        record_custody(
            uow,
            actor,
            second["id"],
            Handover(f"clerk {n}", "moved between shelves", AT + timedelta(hours=n + 1)),
        )
    note = tmp_path / "teardown.txt"
    note.write_text("Teardown: porous ceramic core, cotton wick.")
    third = add_evidence(
        uow,
        actor,
        Capture(
            note,
            EvidenceKind.DOCUMENT,
            "Teardown report",
            captured_at=AT,
            confidentiality=Confidentiality.ATTORNEYS_EYES_ONLY,
        ),
    )
    return [first["id"], second["id"], third["id"]]


def test_the_binder_numbers_every_page_in_order(
    uow: UnitOfWork, actor: Actor, items: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "binder.pdf"
    index = make_binder(
        uow, actor, out, title="Exhibits to the complaint", bates=Bates("ACME", start=41)
    )
    spans = [e["bates"] for e in index["exhibits"]]
    assert (
        spans[0] == "ACME-000041"
        and spans[1].startswith("ACME-000042 – ")
        and index["marking"] == "attorneys_eyes_only"
    )
    last = int(spans[1].rsplit("-", 1)[1])
    assert last > 42 and spans[2] == f"ACME-{last + 1:06d}"
    pages = pdf_pages(out)
    assert "Index of exhibits" in pages[0] and "Schedule of exhibits by seller" in pages[0]
    assert "seller-77" in pages[0] and all(s.split(" – ")[0] in pages[0] for s in spans)
    stamped = pages[1:]
    assert [f"ACME-{41 + i:06d}" in p for i, p in enumerate(stamped)] == [True] * len(stamped)
    assert len(stamped) == last + 2 - 41
    assert (
        "Look-alike cartridge" in stamped[0]
        and "Exhibit 2" in stamped[1]
        and "Teardown" in stamped[-1]
    )
    assert "ATTORNEYS EYES ONLY" in pages[0]


def test_what_a_binder_may_hold(
    uow: UnitOfWork, actor: Actor, items: list[int], tmp_path: Path
) -> None:
    analyst = make_actor(uow, Role.ANALYST)
    with pytest.raises(NotFound):  # the teardown report is above an analyst's clearance
        make_binder(uow, analyst, tmp_path / "b.pdf", title="x", bates=Bates(), item_ids=[items[2]])
    index = make_binder(uow, analyst, tmp_path / "b.pdf", title="x", bates=Bates())
    assert [e["id"] for e in index["exhibits"]] == items[:2]
    stranger = make_actor(uow, Role.COUNSEL, slug="rival")
    with pytest.raises(InvalidInput, match="no evidence to bind"):
        make_binder(uow, stranger, tmp_path / "c.pdf", title="x", bates=Bates())
    assert not (tmp_path / "c.pdf").exists()
