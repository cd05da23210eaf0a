"""``ipsentry db``: schema migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.context import console, context
from ipsentry.cli.params import BinaryFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.services import backup as backups
from ipsentry.services import database

BACKUP_SUFFIXES = (".backup", ".sqlite3", ".dump")

app = typer.Typer(
    help="Database schema: upgrade to the latest migration, or show where it is; "
    "back the database up and restore a backup."
)


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


@app.command()
def backup(
    file: Annotated[
        Path,
        typer.Argument(
            help="Backup file to write (replaced whole): .backup, .sqlite3 or .dump.",
            parser=OutputFile(*BACKUP_SUFFIXES),
        ),
    ],
) -> None:
    """Back up the configured database into FILE while it stays in use.

    SQLite: a consistent copy through SQLite's online backup API. PostgreSQL: pg_dump's
    custom format (the PostgreSQL client tools must be installed).
    """
    with progress_bar("backing up") as bar:
        made = backups.backup(context().settings.database_url, file, bar.update)
    console.print(
        f"{made.file}: {made.kind} backup, {made.bytes:,} bytes, revision {made.revision}"
    )


@app.command()
def restore(
    file: Annotated[
        Path,
        typer.Argument(help="A backup made by 'ipsentry db backup'.", parser=BinaryFile()),
    ],
) -> None:
    """Restore FILE into the configured database, which must be new and empty.

    A backup of an older revision is migrated by the next command that opens the database.
    """
    with progress_bar("restoring") as bar:
        done = backups.restore(context().settings.database_url, file, bar.update)
    url = database.status(context().settings.database_url).url
    console.print(f"{url}: restored from {done.file} (revision {done.revision})")
