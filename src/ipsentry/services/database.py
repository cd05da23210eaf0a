"""The configured database as the interfaces see it: open it, set it up, migrate it.

Only commands that set a database up (``demo load``, ``db upgrade``) may create a SQLite
file; every other command opens an existing one, so a mistyped path is reported instead
of a new empty database appearing somewhere unexpected.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipsentry.errors import InvalidInput, Problem
from ipsentry.store import migrate
from ipsentry.store.database import create_engine, unreachable_as_input
from ipsentry.store.unit_of_work import UnitOfWork

__all__ = ["Status", "UnitOfWork", "status", "unit_of_work", "upgrade"]


def unit_of_work(url: str, *, create: bool = False) -> UnitOfWork:
    return UnitOfWork.for_url(url, create=create)


@dataclass(frozen=True)
class Status:
    url: str  # password hidden
    revision: str | None
    latest: str | None


def status(url: str) -> Status:
    engine = create_engine(url, create=False)
    with unreachable_as_input(engine):
        return Status(
            engine.url.render_as_string(hide_password=True),
            migrate.current(engine),
            migrate.head(engine),
        )


def upgrade(url: str, revision: str = "head") -> Status:
    """Migrate to ``revision`` (creating the database if needed); an unknown one is refused."""
    from alembic.util.exc import CommandError

    engine = create_engine(url, create=True)
    with unreachable_as_input(engine):
        try:
            migrate.upgrade(engine, revision)
        except CommandError as error:
            raise InvalidInput(
                [Problem("command line", None, "REVISION", f"{revision!r}: {error}")]
            ) from None
    return status(url)
