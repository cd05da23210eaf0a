"""Organisations, users and grants through the services (SQLite and PostgreSQL) and the CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipsentry.cli.app import run
from ipsentry.domain.accounts import GrantScope, OrganisationKind, Permission, Role
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ipsentry.services import accounts, audit
from ipsentry.services.access import Actor, readable_organisations, resolve_user
from ipsentry.services.passwords import verify_password
from ipsentry.settings import get_settings
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork

PASSWORD = "correct horse battery"


def first_admin(uow: UnitOfWork, password: str | None = PASSWORD) -> Actor:
    accounts.initialise(
        uow,
        organisation_name="Acme Robotics",
        slug="acme",
        kind=OrganisationKind.RIGHTS_HOLDER,
        country="cn",
        admin_email="Boss@Acme.example",
        admin_name="Boss",
        password=password,
    )
    with uow:
        return resolve_user(uow, "boss@acme.example")


def test_initialise_makes_the_first_admin_once(uow: UnitOfWork) -> None:
    admin = first_admin(uow)
    assert admin.role is Role.ADMIN and admin.installation_admin
    assert admin.may(Permission.MANAGE_ORGANISATIONS)
    with uow:
        user = uow.organisations.user_by_email("boss@acme.example")
        assert user is not None and verify_password(user.password_hash, PASSWORD)
        assert not verify_password(user.password_hash, PASSWORD + "x")
        assert PASSWORD not in user.password_hash
    with pytest.raises(Conflict, match="already has users"):
        first_admin(uow)


def test_a_generated_password_is_returned_once_and_works(uow: UnitOfWork) -> None:
    new = accounts.initialise(
        uow, organisation_name="Acme", slug="acme", kind=OrganisationKind.OPERATOR, country="",
        admin_email="a@acme.example", admin_name="A",
    )  # fmt: skip
    assert new.generated_password and len(new.generated_password) >= 16
    with uow:
        user = uow.organisations.user_by_email("a@acme.example")
        assert user is not None and verify_password(user.password_hash, new.generated_password)


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("slug", {"slug": "Acme Corp"}),
        ("email", {"admin_email": "not-an-email"}),
        ("password", {"password": "short"}),
        ("country", {"country": "XX"}),
        ("organisation", {"organisation_name": "   "}),
    ],
)
def test_initialise_refuses_bad_input_and_stores_nothing(
    uow: UnitOfWork, field: str, change: dict[str, str]
) -> None:
    values = {
        "organisation_name": "Acme", "slug": "acme", "kind": OrganisationKind.RIGHTS_HOLDER,
        "country": "US", "admin_email": "a@acme.example", "admin_name": "A", "password": PASSWORD,
    } | change  # fmt: skip
    with pytest.raises(InvalidInput) as raised:
        accounts.initialise(uow, **values)  # type: ignore[arg-type]
    assert raised.value.problems[0].field == field
    with uow:
        assert uow.accounts.count_users() == 0 and not uow.accounts.organisations()


def test_admins_add_list_and_deactivate_users_of_their_own_organisation(uow: UnitOfWork) -> None:
    admin = first_admin(uow)
    other = accounts.create_organisation(
        uow, admin, slug="customs", name="Customs", kind=OrganisationKind.CUSTOMS
    )
    added = accounts.add_user(
        uow, admin, email="ann@acme.example", name="Ann", role=Role.ANALYST, password=PASSWORD
    )
    assert added.generated_password is None
    officer = accounts.add_user(
        uow,
        admin,
        email="o@customs.example",
        name="O",
        role=Role.ADMIN,
        organisation_slug="customs",
    )
    assert officer.organisation.id == other.id
    with uow:
        customs_admin = resolve_user(uow, "o@customs.example")
    assert not customs_admin.installation_admin
    # an ordinary organisation's admin manages only its own users, and creates no organisation
    with pytest.raises(PermissionDenied):
        accounts.add_user(
            uow, customs_admin, email="x@x.example", name="X", role=Role.VIEWER,
            organisation_slug="acme",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        accounts.create_organisation(
            uow, customs_admin, slug="mine", name="Mine", kind=OrganisationKind.CUSTOMS
        )
    assert [u.email for u, _ in accounts.list_users(uow, customs_admin)] == ["o@customs.example"]
    assert len(accounts.list_users(uow, admin)) == 3
    with uow:
        analyst = resolve_user(uow, "ann@acme.example")
    with pytest.raises(PermissionDenied):
        accounts.list_users(uow, analyst)
    with pytest.raises(Conflict, match="already exists"):
        accounts.add_user(uow, admin, email="ANN@acme.example", name="Ann", role=Role.VIEWER)

    gone = accounts.deactivate_user(uow, admin, "ann@acme.example")
    assert not gone.active
    with uow, pytest.raises(NotFound):
        resolve_user(uow, "ann@acme.example")
    with pytest.raises(Conflict, match="last active admin"):
        accounts.deactivate_user(uow, admin, "boss@acme.example")


def test_every_change_is_in_the_audit_log_with_before_and_after(uow: UnitOfWork) -> None:
    admin = first_admin(uow)
    accounts.add_user(uow, admin, email="v@acme.example", name="V", role=Role.VIEWER)
    accounts.deactivate_user(uow, admin, "v@acme.example")
    page = audit.browse(uow, admin, AuditFilter())
    actions = [e.action for e in page.entries]
    assert actions == ["user.deactivate", "user.create", "user.create", "organisation.create"]
    latest = page.entries[0]
    assert latest.before is not None and latest.before["active"] is True
    assert latest.after is not None and latest.after["active"] is False
    assert all("password_hash" not in (e.after or {}) for e in page.entries)
    only = audit.browse(uow, admin, AuditFilter(action="user.create"), limit=1)
    assert only.total == 2 and len(only.entries) == 1
    accounts.add_user(uow, admin, email="w@acme.example", name="W", role=Role.ANALYST)
    with pytest.raises(PermissionDenied):
        audit.browse(uow, _as(uow, "w@acme.example"), AuditFilter())


def _as(uow: UnitOfWork, email: str) -> Actor:
    with uow:
        return resolve_user(uow, email)


def test_grants_are_recorded_checked_and_revocable(uow: UnitOfWork) -> None:
    admin = first_admin(uow)
    customs = accounts.create_organisation(
        uow, admin, slug="customs", name="Customs", kind=OrganisationKind.CUSTOMS
    )
    accounts.create_organisation(
        uow, admin, slug="lawyers", name="Lawyers", kind=OrganisationKind.LEGAL_SERVICE
    )
    accounts.add_user(uow, admin, email="o@customs.example", name="O", role=Role.CUSTOMS_OFFICER,
                      organisation_slug="customs")  # fmt: skip
    officer = _as(uow, "o@customs.example")
    with uow:
        assert readable_organisations(uow, officer, GrantScope.CUSTOMS_RECORDATIONS) == {customs.id}
    with pytest.raises(InvalidInput, match="granted to customs"):
        accounts.grant(uow, admin, grantee_slug="lawyers", scope=GrantScope.CUSTOMS_RECORDATIONS)
    given = accounts.grant(
        uow, admin, grantee_slug="customs", scope=GrantScope.CUSTOMS_RECORDATIONS
    )
    with pytest.raises(Conflict):
        accounts.grant(uow, admin, grantee_slug="customs", scope=GrantScope.CUSTOMS_RECORDATIONS)
    with uow:
        assert readable_organisations(uow, officer, GrantScope.CUSTOMS_RECORDATIONS) == {
            customs.id,
            admin.organisation_id,
        }
        assert readable_organisations(uow, officer, GrantScope.ENGAGEMENT) == {customs.id}
    with pytest.raises(PermissionDenied):  # the grantee cannot give itself more
        accounts.grant(uow, officer, grantee_slug="acme", scope=GrantScope.ENGAGEMENT)
    with pytest.raises(PermissionDenied):  # nor revoke what it was given
        accounts.revoke_grant(uow, officer, given.id or 0)
    accounts.revoke_grant(uow, admin, given.id or 0)
    with uow:
        assert readable_organisations(uow, officer, GrantScope.CUSTOMS_RECORDATIONS) == {customs.id}
    views = accounts.list_grants(uow, officer)
    assert [(v.grantor, v.grantee, v.grant.active) for v in views] == [("acme", "customs", False)]


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_database(database_url: str) -> Iterator[str]:
    saved = os.environ.get("IPSENTRY_DATABASE_URL")
    os.environ["IPSENTRY_DATABASE_URL"] = database_url
    get_settings.cache_clear()
    yield database_url
    if saved is None:
        os.environ.pop("IPSENTRY_DATABASE_URL", None)
    else:
        os.environ["IPSENTRY_DATABASE_URL"] = saved
    get_settings.cache_clear()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_team_starts_without_the_demo(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", "utf-8")
    code, out, err = cli(
        capsys, "init", "--organisation", "Zhōngshān Robotics", "--admin-email", "me@zs.example",
        "--password-file", str(secret), "--country", "CN",
    )  # fmt: skip
    assert code == 0, err
    assert "organisation zhongshan-robotics (rights_holder) with admin me@zs.example" in out
    assert "password:" not in out  # it was given, so none is shown
    assert "IPSENTRY_USER_EMAIL=me@zs.example" in out
    code, _, err = cli(capsys, "init", "--organisation", "Again", "--admin-email", "b@zs.example")
    assert code == Conflict.exit_code and "already has users" in err
    me = ("--as", "me@zs.example")
    code, out, _ = cli(capsys, "user", "add", "ann@zs.example", "--role", "analyst", *me)
    assert code == 0 and "user ann@zs.example (analyst) added to zhongshan-robotics" in out
    assert "password: " in out and "Shown once" in out
    code, out, _ = cli(capsys, "org", "create", "zs-customs", "--name", "Customs", "--kind",
                       "customs", *me)  # fmt: skip
    assert code == 0 and "zs-customs (customs) created" in out
    code, out, _ = cli(capsys, "user", "list", "--json", *me)
    listed = json.loads(out)
    assert {(u["email"], u["role"], u["active"]) for u in listed} == {
        ("me@zs.example", "admin", True),
        ("ann@zs.example", "analyst", True),
    }
    code, out, _ = cli(capsys, "user", "deactivate", "ann@zs.example", *me)
    assert code == 0 and "deactivated" in out
    code, out, _ = cli(capsys, "user", "list", "--json", *me)
    assert {u["email"]: u["active"] for u in json.loads(out)}["ann@zs.example"] is False
    code, _, err = cli(capsys, "user", "list", "--as", "ann@zs.example")
    assert code == NotFound.exit_code and "no active user" in err
    code, _, err = cli(capsys, "user", "add", "bad", "--role", "viewer", *me)
    assert code == 2 and "input: email: 'bad' is not an email address" in err
    code, _, err = cli(capsys, "user", "add", "x@zs.example", "--role", "boss", *me)
    assert code == 2 and "--role" in err


def test_org_grant_on_the_command_line(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "demo", "load")[0] == 0
    code, out, _ = cli(capsys, "org", "grants", "--json")
    demo_grants = json.loads(out)  # the demo shares its recordations with two customs offices
    assert {(g["grantee"], g["scope"]) for g in demo_grants} == {
        ("shenzhen-customs-demo", "customs_recordations"),
        ("rotterdam-customs-demo", "customs_recordations"),
    }
    demo_grant = demo_grants[0]
    code, out, err = cli(capsys, "org", "grant", "ip-service-centre-demo", "--scope", "engagement")
    assert code == 0, err
    code, _, err = cli(capsys, "org", "grant", "ip-service-centre-demo", "--scope",
                       "engagement", "--as", "viewer@smoore-demo.example")  # fmt: skip
    assert code == PermissionDenied.exit_code and "may not share" in err
    code, out, _ = cli(capsys, "org", "revoke", str(demo_grant["id"]))
    assert code == 0
    code, out, _ = cli(capsys, "org", "grants", "--json")
    assert [g["revoked_at"] is None for g in json.loads(out)] == [False, True, True]


def test_a_refused_init_leaves_no_database_and_a_new_one_is_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.sqlite3"
    monkeypatch.setenv("IPSENTRY_DATABASE_URL", f"sqlite:///{path}")
    get_settings.cache_clear()
    try:
        code, _, err = cli(capsys, "init", "--organisation", "", "--admin-email", "me@zs.example")
        assert code == 2 and "organisation" in err
        assert not path.exists()  # nothing written on bad input
        code, _, err = cli(
            capsys, "init", "--organisation", "Team", "--admin-email", "me@zs.example"
        )
        assert code == 0, err
        assert path.stat().st_mode & 0o777 == 0o600  # it holds password hashes
    finally:
        get_settings.cache_clear()
        dispose_all()
