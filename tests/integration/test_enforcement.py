"""Hits and seizures into evidence, cases kept by hand, takedown notices, on both databases."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ipsentry.domain.accounts import Role
from ipsentry.domain.cases import AmountKind, CaseKind, CaseSide, DispositionKind, MoveRefused
from ipsentry.domain.customs import CustomsAuthority, Detention, DetentionStatus
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.screening import ReviewStatus
from ipsentry.domain.takedowns import TakedownRefused, TakedownStatus
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ipsentry.services import (
    audit,
    case_intake,
    case_records,
    case_views,
    evidence,
    network,
    portfolio,
    review,
    takedowns,
)
from ipsentry.services.access import Actor
from ipsentry.services.screening import run_screening
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

RIGHTS = "kind,jurisdiction,mark,registration_number,nice_classes,status\n" \
    "trademark,US,ZEPHYRA,7000001,34,registered\n"  # fmt: skip
SEEN = datetime(2026, 10, 1, tzinfo=UTC)


def listing(
    actor: Actor,
    ref: str,
    seller: str,
    *,
    seen: datetime = SEEN,
    shop: str = "shop A",
    seller_id: str = "",
) -> Observation:
    return Observation(organisation_id=actor.organisation_id, kind=ObservationKind.LISTING,
                       text="ZEPHYRA cartridge 1ml", source=shop, external_id=ref, seller=seller,
                       url=f"https://{shop.replace(' ', '')}.example/{ref}", observed_at=seen,
                       attributes={"seller_id": seller_id or f"id-{seller}"})  # fmt: skip


@pytest.fixture
def world(uow: UnitOfWork, tmp_path: Path) -> Actor:
    actor = make_actor(uow)
    rights = tmp_path / "rights.csv"
    rights.write_text(RIGHTS, "utf-8")
    portfolio.import_rights(uow, actor, rights)
    with uow:
        for ref, seller in (("L1", "Fake Mall"), ("L2", "Fake Mall"), ("L3", "Other Shop")):
            uow.records.add(listing(actor, ref, seller))
        uow.commit()
    run_screening(uow, actor, now=SEEN)
    case_records.open_case(uow, actor, case_records.NewCase(
        CaseKind.MARKETPLACE_SUIT, "Acme v. Schedule A", number="1:26-cv-1", rights=("US 7000001",)))  # fmt: skip
    return actor


def hits(uow: UnitOfWork, actor: Actor) -> dict[str, int]:
    """Hit id by listing reference."""
    found = review.queue(uow, actor).items
    return {item.observation.external_id: item.hit.id for item in found if item.hit.id}


def confirm(uow: UnitOfWork, actor: Actor, hit_id: int) -> None:
    item = review.item(uow, actor, hit_id)
    review.decide(uow, actor, hit_id, ReviewStatus.CONFIRMED, "counterfeit", item.hit.version)


def test_a_confirmed_hit_becomes_evidence_in_one_step(uow: UnitOfWork, world: Actor) -> None:
    found = hits(uow, world)
    with pytest.raises(Conflict, match="only a confirmed hit"):
        case_intake.capture_hit(uow, world, found["L1"], case_reference="1:26-cv-1")
    confirm(uow, world, found["L1"])
    row = case_intake.capture_hit(uow, world, found["L1"], case_reference="1:26-cv-1")
    assert row["created"] and row["party_added"] and row["hit_id"] == found["L1"]
    assert row["source"].startswith(f"screening hit {found['L1']}")
    assert row["source_url"] == "https://shopA.example/L1" and row["custody_entries"] == 2
    (check,) = evidence.verify_evidence(uow, world, row["id"])
    assert check["content_intact"] and check["custody_intact"]
    again = case_intake.capture_hit(uow, world, found["L1"], case_reference="1:26-cv-1")
    assert again["id"] == row["id"] and not again["created"] and not again["party_added"]
    case = case_views.show_case(uow, world, "1:26-cv-1")
    (seller,) = [p for p in case["parties"] if p["role"] == "defendant"]
    assert seller["name"] == "Fake Mall"
    assert seller["identifiers"] == [{"kind": "seller_id", "value": "id-Fake Mall"}]
    actions = [
        e.action for e in audit.browse(uow, make_actor(uow, Role.ADMIN), AuditFilter()).entries
    ]
    assert "evidence.capture_hit" in actions and "evidence.file" in actions
    with pytest.raises(NotFound):
        case_intake.capture_hit(uow, world, 9999)
    with pytest.raises(PermissionDenied):
        case_intake.capture_hit(uow, make_actor(uow, Role.REVIEWER), found["L1"])


def test_a_seizure_becomes_a_sample_with_custody_from_the_border(
    uow: UnitOfWork, world: Actor
) -> None:
    with uow:
        declaration = Observation(organisation_id=world.organisation_id, kind=ObservationKind.DECLARATION,
                                  text="cartridges", declared_brand="ZEPHYRA", seller="Export Co")  # fmt: skip
        uow.records.add(declaration)
        uow.flush()
        detention = Detention(organisation_id=world.organisation_id, authority=CustomsAuthority.CN_GACC,
                              detained_on=date(2026, 10, 20), goods="cartridges", quantity=6000,
                              declaration_id=declaration.id, status=DetentionStatus.SEIZED,
                              confirmed_on=date(2026, 10, 23))  # fmt: skip
        uow.records.add(detention)
        uow.commit()
        detention_id = detention.id
    assert detention_id is not None
    row = case_intake.capture_detention(uow, world, detention_id, case_reference="1:26-cv-1")
    assert row["kind"] == "sample" and row["detention_id"] == detention_id
    assert row["custody_entries"] == 3 and row["seller_id"] == "Export Co"
    (check,) = evidence.verify_evidence(uow, world, row["id"])
    assert check["custody_intact"] and check["content_intact"]
    assert case_intake.capture_detention(uow, world, detention_id)["id"] == row["id"]
    with pytest.raises(NotFound):
        case_intake.capture_detention(uow, world, 9999)


def test_notices_per_platform_and_seller_tracked_to_relisting(
    uow: UnitOfWork, world: Actor, tmp_path: Path
) -> None:
    found = hits(uow, world)
    with pytest.raises(InvalidInput, match="no confirmed hit"):
        takedowns.generate(uow, world, date(2026, 10, 2))
    for ref in ("L1", "L2", "L3"):
        confirm(uow, world, found[ref])
    drafted = takedowns.generate(uow, world, date(2026, 10, 2), case_reference="1:26-cv-1")
    by_seller = {n["seller"]: n for n in drafted}
    assert set(by_seller) == {"Fake Mall", "Other Shop"}
    mall = by_seller["Fake Mall"]
    assert [x["listing_ref"] for x in mall["listings"]] == ["L1", "L2"]
    assert all(x["evidence_id"] and "ZEPHYRA" in x["right"] for x in mall["listings"])
    with pytest.raises(InvalidInput):  # nothing left to draft: each listing is named once
        takedowns.generate(uow, world, date(2026, 10, 2))

    with pytest.raises(TakedownRefused, match="a draft takedown notice cannot become removed"):
        takedowns.move(uow, world, mall["id"], TakedownStatus.REMOVED, date(2026, 10, 3))
    assert takedowns.show_takedown(uow, world, mall["id"])["status"] == "draft"  # unchanged
    with pytest.raises(InvalidInput, match="in the future"):  # nothing moved, nothing stuck
        takedowns.move(uow, world, mall["id"], TakedownStatus.SENT, date.today() + timedelta(9))
    takedowns.move(uow, world, mall["id"], TakedownStatus.SENT, date(2026, 10, 3))
    takedowns.move(uow, world, mall["id"], TakedownStatus.REMOVED, date(2026, 10, 5), "gone")
    other = by_seller["Other Shop"]["id"]
    takedowns.move(uow, world, other, TakedownStatus.SENT, date(2026, 10, 3))
    takedowns.move(uow, world, other, TakedownStatus.REFUSED, date(2026, 10, 6))

    text = tmp_path / "notice.txt"
    takedowns.write_notice(uow, world, mall["id"], text, date(2026, 10, 3))
    said = text.read_text("utf-8")
    assert "Seller: Fake Mall" in said and "Listing L2" in said and "SHA-256" in said
    pdf = tmp_path / "notice.pdf"
    takedowns.write_notice(uow, world, mall["id"], pdf, date(2026, 10, 3))
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Fake Mall" in pages.stdout and "L1" in pages.stdout

    # the next run sees the removed listing as it was: nothing relisted
    assert run_screening(uow, world, now=datetime(2026, 10, 7, tzinfo=UTC)).relisted == []
    with uow:
        uow.records.add(listing(world, "L9", "Fake Mall", seen=datetime(2026, 10, 8, tzinfo=UTC)))
        uow.commit()
    report = run_screening(uow, world, now=datetime(2026, 10, 8, tzinfo=UTC))
    assert report.relisted == [mall["id"]]
    now = takedowns.show_takedown(uow, world, mall["id"])
    assert now["status"] == "relisted" and "L9" in now["steps"][-1]["note"]
    assert takedowns.show_takedown(uow, world, other)["status"] == "refused"
    assert [n["id"] for n in takedowns.list_takedowns(uow, world, TakedownStatus.REFUSED)] == [
        other
    ]


def test_a_seller_back_under_a_new_name_is_a_relisting_when_the_network_links_them(
    uow: UnitOfWork, world: Actor
) -> None:
    found = hits(uow, world)
    for ref in ("L1", "L2", "L3"):
        confirm(uow, world, found[ref])
    notices = {n["seller"]: n["id"] for n in takedowns.generate(uow, world, date(2026, 10, 2))}
    for notice in notices.values():
        takedowns.move(uow, world, notice, TakedownStatus.SENT, date(2026, 10, 3))
        takedowns.move(uow, world, notice, TakedownStatus.REMOVED, date(2026, 10, 5))
    later = datetime(2026, 10, 9, tzinfo=UTC)
    with uow:  # Fake Mall's seller id under a new shop name; a stranger on the same right
        uow.records.add(
            listing(world, "L20", "Zephyr Outlet", seen=later, seller_id="ID-Fake Mall")
        )
        uow.records.add(listing(world, "L21", "Stranger Shop", seen=later))
        uow.commit()
    report = run_screening(uow, world, now=later)
    assert report.relisted == [notices["Fake Mall"]]
    note = takedowns.show_takedown(uow, world, notices["Fake Mall"])["steps"][-1]["note"]
    assert (
        "L20" in note
        and "'Zephyr Outlet'" in note
        and "shares seller id id-fake mall on shop a" in note
    )
    assert takedowns.show_takedown(uow, world, notices["Other Shop"])["status"] == "removed"


def test_a_seller_id_links_only_on_its_own_platform(uow: UnitOfWork, world: Actor) -> None:
    for name, seller_id in (("Amazon Seller", "amazon:A123"), ("Ebay Seller", "ebay:A123")):
        case_records.add_party(uow, world, "1:26-cv-1",
                               case_records.NewParty(name, seller_ids=(seller_id,)))  # fmt: skip
    with uow:  # a listing on amazon by a seller with that id, under another name
        uow.records.add(listing(world, "L30", "Bright Deals", shop="amazon", seller_id="a123"))
        uow.commit()
    found, _ = network.network_of(uow, world)
    clusters = [{found.actors[k].label for k in c.members} for c in found.clusters]
    assert {"Amazon Seller", "Bright Deals"} in clusters
    assert not any("Ebay Seller" in c for c in clusters)  # the same id string on another platform


def test_cases_kept_by_hand_refuse_bad_input_and_forbidden_moves(
    uow: UnitOfWork, world: Actor
) -> None:
    with pytest.raises(InvalidInput) as bad:
        case_records.open_case(uow, world, case_records.NewCase(
            CaseKind.OPPOSITION, " ", jurisdiction="XX", rights=("US 1",),
            served_on=date(2026, 1, 1)))  # fmt: skip
    fields = {p.field for p in bad.value.problems}
    assert fields == {"--title", "--jurisdiction", "--right", "--served-on"}
    future = date.today() + timedelta(days=30)  # a mistyped year, say
    with pytest.raises(InvalidInput) as late:
        case_records.open_case(uow, world, case_records.NewCase(
            CaseKind.OPPOSITION, "x", side=CaseSide.DEFENDED, filed_on=future,
            served_on=date(2026, 1, 1)))  # fmt: skip
    said = {p.field: p.message for p in late.value.problems}
    assert "is in the future" in said["--filed-on"] and "before the filing" in said["--served-on"]
    with pytest.raises(Conflict, match="already recorded"):
        case_records.open_case(
            uow, world, case_records.NewCase(CaseKind.MARKETPLACE_SUIT, "x", number="1:26-cv-1")
        )
    opposed = case_records.open_case(uow, world, case_records.NewCase(
        CaseKind.OPPOSITION, "Copier v. ZEPHYRA", number="OPP-1", side=CaseSide.DEFENDED,
        jurisdiction="US", served_on=date(2026, 1, 5), rights=("US 7000001",)))  # fmt: skip
    shown = case_views.show_case(uow, world, "OPP-1", today=date(2026, 2, 1))
    assert shown["side"] == "defended" and shown["deadlines"][-1]["due"] == "2026-02-17"
    assert opposed["kind"] == "opposition"

    spec = case_records.NewParty("Fake Mall LLC", seller_ids=("shop A:FM-1",),
                                 payment_accounts=("PayCo:acct-9",), aliases=("Fake Mall",))  # fmt: skip
    case_records.add_party(uow, world, "1:26-cv-1", spec)
    with pytest.raises(Conflict, match="already a defendant"):
        case_records.add_party(uow, world, "1:26-cv-1", case_records.NewParty("Fake Mall"))
    with pytest.raises(InvalidInput):
        case_records.add_party(
            uow, world, "1:26-cv-1", case_records.NewParty("Y", country="Narnia")
        )
    with pytest.raises(InvalidInput, match="in the future"):
        case_records.record_disposition(uow, world, "1:26-cv-1", "Fake Mall", DispositionKind.SERVED,
                                        future, "docket 12")  # fmt: skip
    with pytest.raises(MoveRefused, match="cannot move to default"):
        case_records.record_disposition(uow, world, "1:26-cv-1", "Fake Mall", DispositionKind.DEFAULT,
                                        date(2026, 3, 1), "docket 12")  # fmt: skip
    for kind, on in (
        (DispositionKind.SERVED, date(2026, 2, 1)),
        (DispositionKind.DEFAULT, date(2026, 3, 1)),
    ):
        case_records.record_disposition(
            uow, world, "1:26-cv-1", "fake mall llc", kind, on, "docket"
        )
    with pytest.raises(InvalidInput, match=r"no right .9."):
        case_records.record_disposition(uow, world, "1:26-cv-1", "Fake Mall", DispositionKind.VIOLATION,
                                        date(2026, 4, 1), "judgment", right="9")  # fmt: skip
    for kind, amount in ((AmountKind.FROZEN, "12,500.40"), (AmountKind.STATUTORY_DAMAGES, "100000"),
                         (AmountKind.COLLECTED, "12500.40")):  # fmt: skip
        case_records.record_amount(
            uow, world, "1:26-cv-1", kind, amount, "usd", party_name="Fake Mall"
        )
    for bad_amount, currency in (("ten", "USD"), ("10", "XYZ"), ("-5", "USD"), ("12.5", "JPY"),
                                 ("1234567890123456.78", "USD")):  # fmt: skip
        with pytest.raises(InvalidInput):
            case_records.record_amount(
                uow, world, "1:26-cv-1", AmountKind.COSTS, bad_amount, currency
            )
    case = case_views.show_case(uow, world, "1:26-cv-1")
    (mall,) = [p for p in case["parties"] if p["name"] == "Fake Mall LLC"]
    assert mall["state"]["every asserted right"] == "default"
    assert mall["amounts"] == {"frozen": {"USD": "12500.40"}, "statutory_damages": {"USD": "100000.00"},
                               "collected": {"USD": "12500.40"}}  # fmt: skip
    assert {i["kind"] for i in mall["identifiers"]} == {"seller_id", "payment_account"}
    assert case["resolved"] == 1 and case["respondents"] == 1
