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
