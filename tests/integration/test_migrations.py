"""Migrations: an empty database upgrades to head, and down to nothing and up again."""

from __future__ import annotations

import sqlalchemy as sa

from ipsentry.store import migrate
from ipsentry.store.database import create_engine
from ipsentry.store.tables import metadata


def test_upgrade_from_empty_and_round_trip(database_url: str) -> None:
    engine = create_engine(database_url)
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.head(engine) == migrate.LATEST
    assert set(metadata.tables) <= set(sa.inspect(engine).get_table_names())
    migrate.downgrade(engine, "base")
    assert migrate.current(engine) is None
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert set(metadata.tables) <= set(sa.inspect(engine).get_table_names())
    engine.dispose()


def test_tables_match_the_migrations(database_url: str) -> None:
    """Autogenerate finds nothing to add: the models and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert diff == []


def test_a_database_with_data_migrates_down_and_up(database_url: str) -> None:
    """SQLite rebuilds tables in batch migrations: other rows point at them (users, rights)."""
    from ipsentry.services.demo import load_demo
    from ipsentry.store.unit_of_work import UnitOfWork

    load_demo(UnitOfWork.for_url(database_url))
    engine = create_engine(database_url)
    migrate.downgrade(engine, "0004")
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.LATEST
    with engine.connect() as connection:
        users = connection.execute(sa.text("SELECT count(*) FROM users")).scalar()
    engine.dispose()
    assert users and users > 5
