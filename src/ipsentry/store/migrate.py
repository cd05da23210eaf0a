"""Alembic driven from code, so migrations ship inside the package and need no ini file."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


def alembic_config(engine: sa.Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", "ipsentry.store:migrations")
    config.attributes["engine"] = engine
    return config


def head(engine: sa.Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: sa.Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def ensure_latest(engine: sa.Engine) -> None:
    if current(engine) != head(engine):
        upgrade(engine)
