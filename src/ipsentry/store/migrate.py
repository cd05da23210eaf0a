"""Alembic driven from code, so migrations ship inside the package and need no ini file.

Alembic is imported only when a migration runs: every command checks the database's
revision against ``LATEST`` with one plain query, which keeps start-up fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

LATEST = "0015"  # the head of migrations/versions; a test keeps the two in step


def alembic_config(engine: sa.Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "ipsentry.store:migrations")
    config.attributes["engine"] = engine
    return config


def head(engine: sa.Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: sa.Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def ensure_latest(engine: sa.Engine) -> None:
    if current(engine) != LATEST:
        upgrade(engine)
