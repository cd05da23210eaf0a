"""Engines and sessions, with the schema brought up to date on first use."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from ipsentry.errors import InvalidInput, Problem
from ipsentry.store import migrate
from ipsentry.store.mapping import start_mappers

SETTING = "IPSENTRY_DATABASE_URL"
_EXAMPLES = "sqlite:///PATH/ipsentry.sqlite3 or postgresql+psycopg://USER@HOST/DATABASE"


BUSY_TIMEOUT_MS = 30_000  # how long a SQLite writer waits for another one before giving up


def _set_up_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on; write-ahead log, so the web app and the command line share one file
    (readers never block the writer) and a killed process leaves the last commit intact;
    a busy timeout, so two writers queue instead of failing at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _refuse(field: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(SETTING, None, field, message)])


def parse_url(url: str) -> URL:
    """A URL ipsentry can use (SQLite or PostgreSQL through psycopg 3), or why not."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError:
        raise _refuse("url", f"{url!r} is not a database URL; use {_EXAMPLES}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise _refuse("scheme", f"{backend!r} is not supported; use {_EXAMPLES}")
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "postgresql" and parsed.drivername != "postgresql+psycopg":
        raise _refuse("scheme", f"{parsed.drivername!r}: use postgresql+psycopg:// (psycopg 3)")
    return parsed


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database)
    return None


def create_engine(url: str, *, create: bool = True) -> sa.Engine:
    """An engine for ``url``; a SQLite file is made only when ``create`` (a command that
    sets a database up), so a mistyped path is reported rather than silently created."""
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None and not path.exists():
        if not create:
            raise _refuse(
                "database",
                f"no database file {path}; check the path, or create one with "
                "'ipsentry init', 'ipsentry demo load' or 'ipsentry db upgrade'",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)  # it will hold password hashes: readable by its owner only
    if path is not None and path.is_dir():
        raise _refuse("database", f"{path} is a folder, not a database file")
    connect_args = {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}
    engine = sa.create_engine(parsed, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_up_sqlite)
    return engine


_factories: dict[str, sessionmaker[Session]] = {}


def session_factory(url: str, *, create: bool = True) -> sessionmaker[Session]:
    """One session factory per database and process, its schema at the latest migration."""
    factory = _factories.get(url)
    if factory is None:
        start_mappers()
        engine = create_engine(url, create=create)
        with unreachable_as_input(engine):
            migrate.ensure_latest(engine)
        factory = _factories[url] = sessionmaker(bind=engine, expire_on_commit=False)
    return factory


@contextlib.contextmanager
def unreachable_as_input(engine: sa.Engine) -> Iterator[None]:
    """A database that cannot be reached or read is a problem with the setting, not a bug."""
    try:
        yield
    except sa.exc.DBAPIError as error:
        shown = engine.url.render_as_string(hide_password=True)
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        engine.dispose()
        raise _refuse("database", f"cannot use {shown}: {reason}") from None


def dispose_all() -> None:
    """Close every pooled connection and forget the factories (tests recreate databases)."""
    for factory in _factories.values():
        engine = factory.kw["bind"]
        engine.dispose()
    _factories.clear()
