"""Starting the web server: the database is checked (and migrated) before it listens."""

from __future__ import annotations

from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import database
from ipsentry.store.database import parse_url


def check(url: str, workers: int) -> None:
    """The database opens and is at the latest schema; several workers need PostgreSQL."""
    if workers > 1 and parse_url(url).get_backend_name() == "sqlite":
        raise InvalidInput(
            [
                Problem(
                    "command line",
                    None,
                    "--workers",
                    "SQLite serves with one worker; "
                    "use PostgreSQL (IPSENTRY_DATABASE_URL) for more",
                )
            ]
        )
    with database.unit_of_work(url) as uow:
        uow.accounts.count_users()


def run(url: str, host: str, port: int, workers: int) -> None:
    """Serve until stopped; jobs a previous server left unfinished are marked interrupted
    first (here, once, not in each worker, which would interrupt its siblings' jobs)."""
    import uvicorn

    from ipsentry.services.jobs import interrupt_unfinished

    interrupt_unfinished(url)
    uvicorn.run(
        "ipsentry.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=False,
    )
