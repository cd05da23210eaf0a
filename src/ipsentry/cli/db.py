"""``ipsentry db``: schema migrations."""

from __future__ import annotations

import typer

from ipsentry.cli.context import console, context
from ipsentry.store import migrate
from ipsentry.store.database import create_engine

app = typer.Typer(help="Database schema: upgrade to the latest migration, or show where it is.")


@app.command()
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply migrations up to REVISION (every command does this itself on a new database)."""
    engine = create_engine(context().settings.database_url)
    migrate.upgrade(engine, revision)
    console.print(f"database at revision {migrate.current(engine)}")


@app.command()
def current() -> None:
    """Show the database URL and its migration revision."""
    settings = context().settings
    engine = create_engine(settings.database_url)
    console.print(f"{engine.url.render_as_string(hide_password=True)}")
    console.print(f"revision {migrate.current(engine)} (latest {migrate.head(engine)})")
