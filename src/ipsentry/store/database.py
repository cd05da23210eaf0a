"""Engines and sessions, with the schema brought up to date on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipsentry.store import migrate
from ipsentry.store.mapping import start_mappers


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


_factories: dict[str, sessionmaker[Session]] = {}


def session_factory(url: str) -> sessionmaker[Session]:
    """One session factory per database and process, its schema at the latest migration."""
    factory = _factories.get(url)
    if factory is None:
        start_mappers()
        engine = create_engine(url)
        migrate.ensure_latest(engine)
        factory = _factories[url] = sessionmaker(bind=engine, expire_on_commit=False)
    return factory


def dispose_all() -> None:
    """Close every pooled connection and forget the factories (tests recreate databases)."""
    for factory in _factories.values():
        engine = factory.kw["bind"]
        engine.dispose()
    _factories.clear()
