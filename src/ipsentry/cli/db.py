"""``ipsentry db``: schema migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from ipsentry.cli.context import console, context
from ipsentry.services import database

app = typer.Typer(help="Database schema: upgrade to the latest migration, or show where it is.")


@app.command()
def upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations up to REVISION, creating the database if there is none yet.

    Every other command migrates an existing database itself; this one also sets up a new one.
    """
    status = database.upgrade(context().settings.database_url, revision)
    console.print(f"{status.url}: at revision {status.revision}")


@app.command()
def current() -> None:
    """Show the database URL and its migration revision."""
    status = database.status(context().settings.database_url)
    console.print(status.url)
    console.print(f"revision {status.revision} (latest {status.latest})")
