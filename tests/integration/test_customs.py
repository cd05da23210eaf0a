"""Customs border protection end to end on SQLite and PostgreSQL: who sees which
recordation, a declarations file scored (bad rows all named, nothing stored), and a
detention taken from the queue to seizure with the rights holder's answer in time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ipsentry.domain.accounts import GrantScope, Organisation, OrganisationKind, Role
from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Coverage,
    CustomsAuthority,
    DetentionStatus,
    GenuinePrice,
    GuideParty,
    IdentificationGuide,
    QueueStatus,
    Recordation,
    Route,
)
from ipsentry.domain.rights import LegalStatus, NiceClassEntry, Trademark
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ipsentry.services import accounts, customs, customs_risk, detentions
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

S = DetentionStatus
HEADER = (
    "direction,declarant,consignor,consignee,origin,destination,port,hs_code,hs_edition,"
    "brand,description,quantity,unit_value,currency\n"
)
WEEK = HEADER + (
    "export,Broker,Harbour Trading Co.,Gulf Buyer,CN,AE,Shekou,8543.40,2022,CCELL,"
    "electronic cigarette cartridges,60000,0.35,USD\n"
    "export,Broker,Genuine Export Co.,Any Buyer,CN,US,Shekou,8543.40,2022,CCELL,"
    "electronic cigarette cartridges,20000,2.30,USD\n"
    "export,Broker,Toy Factory,Toy Shop,CN,DE,Yantian,9503.00,2022,HAPPY,plastic toys,500,3.00,USD\n"
)


@dataclass
class World:
    counsel: Actor
    officer: Actor
    eu_officer: Actor
    stranger: Actor
    cn: int  # the GACC recordation
    eu: int  # the application for action


def _organisation(uow: UnitOfWork, slug: str, kind: OrganisationKind, country: str) -> None:
    with uow:
        uow.organisations.add(Organisation(name=slug, slug=slug, kind=kind, country=country))
        uow.commit()


@pytest.fixture
def world(uow: UnitOfWork) -> World:
    counsel = make_actor(uow, Role.COUNSEL, "maker")
    stranger = make_actor(uow, Role.COUNSEL, "other-maker")
    _organisation(uow, "cn-customs", OrganisationKind.CUSTOMS, "CN")
    _organisation(uow, "nl-customs", OrganisationKind.CUSTOMS, "NL")
    officer = make_actor(uow, Role.CUSTOMS_OFFICER, "cn-customs")
    eu_officer = make_actor(uow, Role.CUSTOMS_OFFICER, "nl-customs")
    for slug in ("cn-customs", "nl-customs"):
        accounts.grant(uow, counsel, grantee_slug=slug, scope=GrantScope.CUSTOMS_RECORDATIONS)
    guide = IdentificationGuide(
        features=("laser-etched logo",),
        hs_codes=("854340",),
        authorised=(GuideParty("Genuine Export Co.", "exporter"),),
        routes=(Route("CN", "US"),),
        prices=(GenuinePrice("cartridge", Money(Decimal("2.20"), "USD")),),
    )
    with uow:
        mark = Trademark(
            organisation_id=counsel.organisation_id, jurisdiction="CN", title="CCELL",
            status=LegalStatus.REGISTERED, registration_number="1",
            classes=[NiceClassEntry(number=34, goods="electronic cigarettes; cartridges")],
        )  # fmt: skip
        uow.rights.add(mark)
        uow.flush()
        assert mark.id is not None
        ids = []
        for authority, number, coverage in (
            (CustomsAuthority.CN_GACC, "T1", Coverage.BOTH),
            (CustomsAuthority.EU, "AFA1", Coverage.IMPORTS),
        ):
            record = Recordation(
                organisation_id=counsel.organisation_id, right_id=mark.id, authority=authority,
                number=number, guide=guide, coverage=coverage, valid_from=date(2020, 1, 1),
                valid_until=date(2029, 12, 31),
            )  # fmt: skip
            uow.customs.add(record)
            uow.flush()
            assert record.id is not None
            ids.append(record.id)
        uow.commit()
    return World(counsel, officer, eu_officer, stranger, ids[0], ids[1])


def test_officers_see_only_what_is_recorded_with_them(uow: UnitOfWork, world: World) -> None:
    def numbers(actor: Actor) -> list[str]:
        return [v.recordation.number for v in customs.recordations(uow, actor)]

    assert sorted(numbers(world.counsel)) == ["AFA1", "T1"]
    assert numbers(world.officer) == ["T1"]  # China's GACC, not the EU application
    assert numbers(world.eu_officer) == ["AFA1"]
    assert numbers(world.stranger) == []
    with pytest.raises(NotFound):
        customs.recordation(uow, world.officer, world.eu)
    with pytest.raises(NotFound):
        customs.recordation(uow, world.stranger, world.cn)
    view = customs.recordation(uow, world.officer, world.cn).to_json()
    assert view["guide"]["authorised"][0]["name"] == "Genuine Export Co."
    assert view["renewal"]  # joined to the deadline engine


def test_bad_declaration_rows_are_all_named_and_nothing_is_stored(
    uow: UnitOfWork, world: World, tmp_path: Path
) -> None:
    bad = tmp_path / "week.csv"
    bad.write_text(
        HEADER
        + "sideways,B,C,D,CN,AE,Shekou,8543.40,2022,CCELL,cartridges,10,0.3,USD\n"
        + "export,B,C,D,China,AE,Shekou,85x,2019,CCELL,cartridges,-4,cheap,ZZZ\n"
        + "export,B,C,D,CN,AE,Shekou,8543.40,2022,,,10,0.3,USD\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as raised:
        customs_risk.score_file(uow, world.officer, bad)
    found = {(p.row, p.field) for p in raised.value.problems}
    assert found == {
        (2, "direction"),
        (3, "origin"),
        (3, "hs_code"),
        (3, "hs_edition"),
        (3, "quantity"),
        (3, "unit_value"),
        (4, "description"),
    }
    assert all(p.source == "week.csv" for p in raised.value.problems)
    assert customs_risk.queue(uow, world.officer) == []
    money = tmp_path / "money.csv"
    money.write_text(HEADER + "export,B,C,D,CN,AE,P,8543.40,2022,X,y,1,2,ZZZ\n", "utf-8")
    with pytest.raises(InvalidInput, match=r"money\.csv:2: currency"):
        customs_risk.score_file(uow, world.officer, money)


def test_from_the_queue_to_seizure(uow: UnitOfWork, world: World, tmp_path: Path) -> None:
    week = tmp_path / "week.csv"
    week.write_text(WEEK, encoding="utf-8")
    out = tmp_path / "risk.csv"
    result = customs_risk.score_file(uow, world.officer, week, out=out)
    assert (result.rows, result.stored) == (3, 3)
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].endswith(",risk,level,reasons") and len(lines) == 4
    queue = customs_risk.queue(uow, world.officer)
    assert queue[0].row == 2 and queue[0].level == "high"
    genuine = next(d for d in queue if d.row == 3)
    assert genuine.level == "low"  # the authorised exporter at a genuine price
    assert {r["key"] for r in genuine.reasons} >= {"genuine_goods", "authorised_trader"}
    with pytest.raises(PermissionDenied):
        customs_risk.queue(uow, world.counsel)  # the queue is the customs office's

    request = detentions.DetainRequest(
        queue[0].id or 0, world.cn, date(2026, 11, 10), value=Money(Decimal(264000), "CNY")
    )
    with pytest.raises(PermissionDenied):
        detentions.detain(uow, world.counsel, request)
    held = detentions.detain(uow, world.officer, request).detention
    assert held.id is not None and held.quantity == 60000
    assert customs_risk.queue(uow, world.officer, status=QueueStatus.DETAINED)[0].row == 2
    with pytest.raises(Conflict):
        detentions.detain(uow, world.officer, request)  # already detained

    outbox = tmp_path / "outbox"
    notice = detentions.Step(S.NOTIFIED, date(2026, 11, 10), outbox=outbox)
    view = detentions.take_step(uow, world.officer, held.id, notice)
    [mail] = outbox.iterdir()
    assert "2026-11-13" in mail.read_text("utf-8")  # 3 working days: Wed, Thu, Fri
    assert view.deadlines[0].due == date(2026, 11, 13)

    with pytest.raises(PermissionDenied):  # customs does not confirm for the holder
        detentions.take_step(uow, world.officer, held.id,
                             detentions.Step(S.CONFIRMED, date(2026, 11, 12)))  # fmt: skip
    with pytest.raises(InvalidInput, match="at least 100000"):
        low = Money(Decimal(50000), "CNY")
        detentions.take_step(uow, world.counsel, held.id,
                             detentions.Step(S.CONFIRMED, date(2026, 11, 12), low))  # fmt: skip
    with pytest.raises(Conflict, match="ended on 2026-11-13"):
        late = detentions.Step(S.CONFIRMED, date(2026, 11, 16), Money(Decimal(100000), "CNY"))
        detentions.take_step(uow, world.counsel, held.id, late)
    posted = detentions.Step(S.CONFIRMED, date(2026, 11, 12), Money(Decimal(100000), "CNY"))
    assert detentions.take_step(uow, world.counsel, held.id, posted).detention.confirmed_on

    before = customs.seizure_statistics(uow, world.counsel).total
    with pytest.raises(PermissionDenied):
        detentions.take_step(uow, world.counsel, held.id,
                             detentions.Step(S.SEIZED, date(2026, 11, 20)))  # fmt: skip
    with pytest.raises(Conflict, match="cannot become destroyed"):
        detentions.take_step(uow, world.officer, held.id,
                             detentions.Step(S.DESTROYED, date(2026, 11, 20)))  # fmt: skip
    detentions.take_step(uow, world.officer, held.id, detentions.Step(S.SEIZED, date(2026, 11, 20)))
    stats = customs.seizure_statistics(uow, world.counsel)
    assert stats.total == before + 60000 and stats.by_month == {"2026-11": 60000}
    assert customs.seizure_statistics(uow, world.eu_officer).total == 0  # not the EU's
    assert [v.detention.id for v in customs.detentions(uow, world.officer)] == [held.id]
    assert customs.detentions(uow, world.eu_officer) == []
    assert customs.detentions(uow, world.stranger) == []


def test_a_bad_guide_is_refused_and_the_old_one_kept(uow: UnitOfWork, world: World) -> None:
    with pytest.raises(InvalidInput, match=r"guide\.json: role"):
        customs.set_guide(uow, world.counsel, world.cn,
                          {"authorised": [{"name": "X", "role": "smuggler"}]}, "guide.json")  # fmt: skip
    with pytest.raises(InvalidInput, match="features"):
        customs.set_guide(uow, world.counsel, world.cn, {"features": "one"}, "guide.json")
    with pytest.raises(PermissionDenied):
        customs.set_guide(uow, world.officer, world.cn, {"features": ["x"]}, "guide.json")
    kept = customs.recordation(uow, world.counsel, world.cn).recordation.guide
    assert kept.features == ("laser-etched logo",)
    changed = customs.set_guide(uow, world.counsel, world.cn, {"features": ["new"]}, "g.json")
    assert changed.recordation.guide.features == ("new",)


def test_scoring_a_file_again_updates_its_queue_entries(
    uow: UnitOfWork, world: World, tmp_path: Path
) -> None:
    week = tmp_path / "week.csv"
    week.write_text(WEEK, encoding="utf-8")
    first = customs_risk.score_file(uow, world.officer, week)
    assert (first.stored, first.rescored) == (3, 0)
    entries = customs_risk.queue(uow, world.officer, status=None)
    request = detentions.DetainRequest(entries[0].id or 0, world.cn, date(2026, 11, 10))
    detentions.detain(uow, world.officer, request)
    # the same file again, its rows in another order and one consignment added twice
    rows = WEEK.splitlines()
    week.write_text("\n".join([rows[0], rows[3], rows[2], rows[1], rows[1]]) + "\n", "utf-8")
    again = customs_risk.score_file(uow, world.officer, week)
    assert (again.rows, again.stored, again.rescored) == (4, 1, 3)
    after = customs_risk.queue(uow, world.officer, status=None)
    assert len(after) == 4
    assert {d.id for d in entries} < {d.id for d in after}
    kept = next(d for d in after if d.id == entries[0].id)
    assert kept.status is QueueStatus.DETAINED and kept.row in (4, 5)  # the officer's step stays
    other = tmp_path / "next-week.csv"  # the same consignment in another file is another one
    other.write_text(WEEK, encoding="utf-8")
    assert customs_risk.score_file(uow, world.officer, other).stored == 3


def test_the_demo_holders_authorised_traders_lower_the_risk(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    from importlib import resources

    from ipsentry.services.access import resolve_actor
    from ipsentry.services.demo import load_demo

    load_demo(uow)
    with uow:
        counsel = resolve_actor(uow, "smoore-demo", "counsel@smoore-demo.example")
    demo = resources.files("ipsentry.data").joinpath("demo")
    with resources.as_file(demo.joinpath("declarations-week.csv")) as week:
        scored = customs_risk.score_file(uow, counsel, week)
    by_row = {int(d.key): r for d, r in scored.risks}
    # rows 2-5: CCELL cartridges from the authorised exporter at the genuine price, to the
    # authorised importer, the authorised distributor and two buyers not on the list
    for row in (2, 3, 4, 5):
        risk = by_row[row]
        assert risk.level == "low", risk.reasons_text()
        counted = {r.key for r in risk.reasons if r.weight}
        assert counted == {"recorded_goods"}, risk.reasons_text()
        genuine = [r for r in risk.reasons if r.key == "genuine_goods"]
        assert {r.right for r in genuine} >= {"CCELL (CN-GACC T2017-00001)"}
        assert any("US-CBP" in r.right for r in genuine)  # the CBP recordation too
        assert all("Shenzhen Example Export Services" in r.evidence for r in genuine)
    assert by_row[6].level == "high"  # the cheap cartridges of an earlier detention's trader
    keys = [r.key for r in by_row[6].reasons]
    assert keys.count("earlier_detention") == 1


def test_the_demo_patent_recordation_reads_on_a_declared_atomizer(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    """The demo customs office scores its week: the GACC recordation of the demo patent gives
    a reason on the one declaration whose goods description states the claimed atomizer,
    kept in the targeting queue with the claim and the elements found; the cartridges said
    to be compatible with the holder's batteries, and the other goods, get none."""
    from importlib import resources

    from ipsentry.services.access import resolve_actor
    from ipsentry.services.demo import load_demo

    load_demo(uow)  # the demo scores the week into the office's queue
    with uow:
        officer = resolve_actor(uow, "shenzhen-customs-demo", "officer@customs-demo.example")
    queued = customs_risk.queue(uow, officer, status=None, limit=1000)
    patent = {d.row: r for d in queued for r in d.reasons if r["key"] == "recorded_patent"}
    assert list(patent) == [32]
    reason = patent[32]
    assert "CN-GACC P2020-00002" in reason["right"]
    assert reason["evidence"].startswith("claim 1 of CN ")
    assert "'a liquid storage cavity within the housing" in reason["evidence"]
    assert "no cotton wick, porous ceramic core with heating coil'" in reason["evidence"]
    assert 0 < reason["strength"] <= 1 and reason["weight"] > 0
    row32 = next(d for d in queued if d.row == 32)
    assert row32.level in ("medium", "high") and row32.right_ids  # the patent's right
    out = tmp_path / "risk.csv"
    demo = resources.files("ipsentry.data").joinpath("demo")
    with resources.as_file(demo.joinpath("declarations-week.csv")) as week:
        customs_risk.score_file(uow, officer, week, out=out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "recorded patent" in lines[-1] and "P2020-00002" in lines[-1]  # the RISK row
    assert sum("recorded patent" in line for line in lines) == 1
