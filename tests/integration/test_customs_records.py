"""Recordations and protection plans written by the rights holder: created, edited field by
field, every bad field named at once with nothing stored, others' records refused, and each
change in the audit log with what it was."""

from __future__ import annotations

from datetime import date

import pytest

from ipsentry.domain.accounts import Organisation, OrganisationKind, Role
from ipsentry.domain.customs import Coverage, CustomsAuthority
from ipsentry.domain.rights import LegalStatus, NiceClassEntry, Patent, Trademark
from ipsentry.errors import InvalidInput, NotFound, PermissionDenied
from ipsentry.services import customs, customs_records
from ipsentry.services.access import Actor
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

RECORDATION = {"right": "CN 1", "authority": "CN-GACC", "number": "T1", "goods": "cartridges",
               "coverage": "imports_and_exports", "valid_from": "2020-01-01",
               "valid_until": "2029-12-31"}  # fmt: skip


@pytest.fixture
def counsel(uow: UnitOfWork) -> Actor:
    actor = make_actor(uow, Role.COUNSEL, "maker")
    with uow:
        uow.organisations.add(Organisation(name="CN customs", slug="cn-customs",
                                           kind=OrganisationKind.CUSTOMS, country="CN"))  # fmt: skip
        uow.rights.add(Trademark(
            organisation_id=actor.organisation_id, jurisdiction="CN", title="CCELL",
            status=LegalStatus.REGISTERED, registration_number="1",
            classes=[NiceClassEntry(number=34, goods="cartridges")],
        ))  # fmt: skip
        uow.commit()
    return actor


def _audit(uow: UnitOfWork, action: str) -> list[dict[str, object]]:
    with uow:
        entries, _ = uow.accounts.audit_entries(AuditFilter(action=action))
        return [{"before": e.before, "after": e.after} for e in reversed(entries)]


def test_a_recordation_is_created_then_edited_field_by_field(
    uow: UnitOfWork, counsel: Actor
) -> None:
    view = customs_records.save_recordation(uow, counsel, RECORDATION)
    r = view.recordation
    assert (r.authority, r.number, r.coverage) == (CustomsAuthority.CN_GACC, "T1", Coverage.BOTH)
    assert view.right_title == "CCELL" and view.deadlines  # renewal joined to the deadlines
    assert r.id is not None
    edited = customs_records.save_recordation(
        uow, counsel, {"valid_until": "2030-10-09", "contact_point": "IP desk"},
        recordation_id=r.id,
    )  # fmt: skip
    e = edited.recordation
    assert (e.valid_until, e.contact_point, e.goods) == (date(2030, 10, 9), "IP desk", "cartridges")
    assert [v.recordation.id for v in customs.recordations(uow, counsel)] == [r.id]
    entries = _audit(uow, "customs.recordation")
    assert entries[0]["before"] is None and entries[-1]["before"]["valid_until"] == "2029-12-31"  # type: ignore[index]
    assert entries[-1]["after"]["valid_until"] == "2030-10-09"  # type: ignore[index]


def test_bad_recordation_fields_are_all_named_and_nothing_is_stored(
    uow: UnitOfWork, counsel: Actor
) -> None:
    bad = {**RECORDATION, "right": "CN 999", "authority": "WTO", "coverage": "both",
           "valid_from": "2020-13-01", "valid_until": "2019-01-01", "colour": "red"}  # fmt: skip
    with pytest.raises(InvalidInput) as raised:
        customs_records.save_recordation(uow, counsel, bad, source="form")
    named = {p.field for p in raised.value.problems}
    assert named == {"right", "authority", "coverage", "valid_from", "colour"}
    assert all(p.source == "form" for p in raised.value.problems)
    with pytest.raises(InvalidInput, match="number"):
        customs_records.save_recordation(uow, counsel, {"right": "CN 1", "authority": "EU"})
    with uow:
        uow.rights.add(Patent(organisation_id=counsel.organisation_id, jurisdiction="US",
                              title="Cartridge", status=LegalStatus.GRANTED,
                              registration_number="10357623"))  # fmt: skip
        uow.commit()
    patent = {**RECORDATION, "right": "US 10357623", "authority": "US-CBP"}
    with pytest.raises(InvalidInput, match="US \\(CBP\\) does not record a patent"):
        customs_records.save_recordation(uow, counsel, patent)  # exclusion orders reach it
    assert customs.recordations(uow, counsel) == []
    kept = customs_records.save_recordation(uow, counsel, RECORDATION).recordation
    with pytest.raises(InvalidInput, match="before valid_from"):
        customs_records.save_recordation(uow, counsel, {"valid_until": "2019-01-01"},
                                         recordation_id=kept.id)  # fmt: skip
    [view] = customs.recordations(uow, counsel)
    assert view.recordation.valid_until == date(2029, 12, 31)  # the old value kept


def test_only_the_holders_writers_record_and_only_their_own(
    uow: UnitOfWork, counsel: Actor
) -> None:
    record = customs_records.save_recordation(uow, counsel, RECORDATION).recordation
    viewer = make_actor(uow, Role.VIEWER, "maker")
    with pytest.raises(PermissionDenied):
        customs_records.save_recordation(uow, viewer, RECORDATION)
    officer = make_actor(uow, Role.CUSTOMS_OFFICER, "cn-customs")
    with pytest.raises(PermissionDenied):
        customs_records.save_recordation(uow, officer, {"goods": "x"}, recordation_id=record.id)
    stranger = make_actor(uow, Role.COUNSEL, "other-maker")
    with pytest.raises(NotFound):
        customs_records.save_recordation(uow, stranger, {"goods": "x"}, recordation_id=record.id)
    with pytest.raises(InvalidInput, match="right"):  # another holder's right is not found
        customs_records.save_recordation(uow, stranger, RECORDATION)


def test_a_protection_plan_is_agreed_then_edited(uow: UnitOfWork, counsel: Actor) -> None:
    record = customs_records.save_recordation(uow, counsel, RECORDATION).recordation
    fields = {"title": "Shenzhen exports", "customs": "cn-customs", "ports": "Shekou; Yantian",
              "routes": ["CN -> US"], "starts_on": "2026-09-01", "ends_on": "2027-08-31",
              "recordations": ["t1"]}  # fmt: skip
    view = customs_records.save_plan(uow, counsel, fields)
    assert view.plan.ports == ["Shekou", "Yantian"] and view.recordations == ["CN-GACC T1"]
    assert view.customs_office == "CN customs"
    plan_id = view.plan.id
    changed = customs_records.save_plan(uow, counsel, {"ports": ["Shekou"], "training": "logo"},
                                        plan_id=plan_id)  # fmt: skip
    assert (changed.plan.ports, changed.plan.training) == (["Shekou"], "logo")
    assert changed.plan.routes == ["CN -> US"] and changed.plan.recordation_ids == [record.id]
    bad = {"customs": "maker", "recordations": ["T9"], "starts_on": "soon", "ends_on": ""}
    with pytest.raises(InvalidInput) as raised:
        customs_records.save_plan(uow, counsel, bad, plan_id=plan_id)
    assert {p.field for p in raised.value.problems} == {"customs", "recordations", "starts_on"}
    [kept] = customs.plans(uow, counsel)
    assert kept.plan.ends_on == date(2027, 8, 31)  # nothing of the bad edit stored
    with pytest.raises(InvalidInput, match="title"):
        customs_records.save_plan(uow, counsel, {"customs": "cn-customs"})
    officer = make_actor(uow, Role.CUSTOMS_OFFICER, "cn-customs")
    with pytest.raises(PermissionDenied):
        customs_records.save_plan(uow, officer, {"title": "x"}, plan_id=plan_id)
    assert len(_audit(uow, "customs.plan")) == 2
