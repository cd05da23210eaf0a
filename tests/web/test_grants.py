"""Grants in read paths: a record shared by a recorded grant is visible to the grantee
organisation, and nothing else is; revoking the grant takes it away again."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from ipsentry.domain.accounts import GrantScope
from ipsentry.services import accounts
from ipsentry.services.access import resolve_user
from ipsentry.services.database import unit_of_work

SignedIn = Callable[[str], tuple[TestClient, str]]


def _ids(url: str, slug: str, *, recorded_only: bool = False) -> set[int]:
    """Ids of an organisation's rights (only those recorded with customs, if asked)."""
    with unit_of_work(url) as uow:
        org = uow.organisations.by_slug(slug)
        assert org is not None and org.id is not None
        rights = uow.rights.list(org.id)
        recorded = {r.right_id for r in uow.records.recordations(org.id)}
        return {r.id or 0 for r in rights if not recorded_only or r.id in recorded}


def _listed(client: TestClient) -> set[int]:
    return {r["id"] for r in client.get("/api/v1/rights", params={"limit": 200}).json()["items"]}


def test_customs_sees_the_rights_recorded_with_it_and_nothing_else(
    signed_in: SignedIn, demo_url: str
) -> None:
    officer, _ = signed_in("customs_officer")
    recorded = _ids(demo_url, "smoore-demo", recorded_only=True)
    everything = _ids(demo_url, "smoore-demo")
    assert recorded and recorded != everything  # the demo records some rights, not all
    seen = _listed(officer)
    assert seen and seen <= recorded
    unrecorded = min(everything - recorded)
    assert officer.get(f"/api/v1/rights/{unrecorded}").status_code == 404
    shown = officer.get(f"/api/v1/rights/{min(seen)}")
    assert shown.status_code == 200
    assert officer.get(f"/portfolio/{min(seen)}").status_code == 200
    assert not seen & _ids(demo_url, "robotics-demo")


def test_an_engaged_provider_sees_the_enterprise_portfolio_only(
    signed_in: SignedIn, demo_url: str
) -> None:
    advisor, _ = signed_in("legal_service")
    seen = _listed(advisor)
    assert seen and seen <= _ids(demo_url, "robotics-demo")
    assert not seen & _ids(demo_url, "smoore-demo")
    counsel, _ = signed_in("counsel")  # the rights holder sees its own, not the robotics'
    assert not _listed(counsel) & _ids(demo_url, "robotics-demo")


def test_a_revoked_grant_shares_nothing(signed_in: SignedIn, demo_url: str) -> None:
    officer, _ = signed_in("customs_officer")
    shared = min(_listed(officer))
    with unit_of_work(demo_url) as uow:
        admin = resolve_user(uow, "admin@smoore-demo.example")
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        given = next(
            g for g in uow.accounts.grants(org.id) if g.scope is GrantScope.CUSTOMS_RECORDATIONS
        )
    accounts.revoke_grant(unit_of_work(demo_url), admin, given.id or 0)
    assert _listed(officer) == set()
    assert officer.get(f"/api/v1/rights/{shared}").status_code == 404
