"""Fixtures: a database URL for SQLite and for a throwaway PostgreSQL server, and an actor.

The PostgreSQL server is started from the Debian binaries as the ``postgres`` user (it
refuses to run as root). If the binaries are missing the PostgreSQL tests fail rather than
skip: CI installs them (``.ci/run``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_postgresql import factories

from ipsentry.domain.accounts import Organisation, OrganisationKind, Role, User
from ipsentry.services.access import Actor, resolve_actor
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


PG_PORT = _free_port()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[None]:
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not binaries:
        pytest.fail("PostgreSQL binaries not found; run .ci/run or apt-get install postgresql")
    pg_bin = binaries[-1]
    root = os.geteuid() == 0

    def as_pg(*args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if root else list(args)

    base = tempfile.mkdtemp(prefix="pgtest-")
    if root:
        shutil.chown(base, "postgres", "postgres")
    data = f"{base}/data"
    subprocess.run(
        as_pg(
            f"{pg_bin}/initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories={base} -c fsync=off"
    )
    subprocess.run(
        as_pg(
            f"{pg_bin}/pg_ctl", "-D", data, "-l", f"{base}/server.log", "-w", "-o", options, "start"
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield
    finally:
        subprocess.run(
            as_pg(f"{pg_bin}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"), capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


_pg_noproc = factories.postgresql_noproc(host="127.0.0.1", port=PG_PORT, user="postgres")


@pytest.fixture(scope="session")
def pg_proc(pg_server: None, _pg_noproc: object) -> object:
    return _pg_noproc


postgresql = factories.postgresql("pg_proc")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind; the schema is created by the code under test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'ipsentry.sqlite3'}"
    else:
        info = request.getfixturevalue("postgresql").info
        url = f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"
    yield url
    dispose_all()  # pytest-postgresql reuses the database name for the next test


@pytest.fixture
def uow(database_url: str) -> UnitOfWork:
    return UnitOfWork.for_url(database_url)


def make_actor(uow: UnitOfWork, role: Role = Role.COUNSEL, slug: str = "acme") -> Actor:
    with uow:
        org = uow.organisations.by_slug(slug)
        if org is None:
            org = Organisation(name=slug.title(), slug=slug, kind=OrganisationKind.RIGHTS_HOLDER)
            uow.organisations.add(org)
            uow.flush()
        assert org.id is not None
        email = f"{role.value}@{slug}.example"
        if uow.organisations.user_by_email(email) is None:
            uow.organisations.add_user(
                User(organisation_id=org.id, email=email, name=email, role=role)
            )
        uow.commit()
        return resolve_actor(uow, slug, email)


@pytest.fixture
def actor(uow: UnitOfWork) -> Actor:
    return make_actor(uow)
