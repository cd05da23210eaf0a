"""Backups of the configured database, and restoring one into an empty database.

SQLite is copied with its online backup API (a consistent copy while the web app keeps
writing); PostgreSQL with ``pg_dump --format=custom`` and ``pg_restore``. A backup file
says what it is in its first bytes, so a SQLite backup offered to PostgreSQL (or any other
file) is refused before anything is touched, and a restore never writes over data: the
target must be empty.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

from ipsentry.errors import Conflict, InvalidInput, Problem
from ipsentry.formats.files import atomic_path
from ipsentry.store import migrate
from ipsentry.store.database import create_engine, parse_url, sqlite_file, unreachable_as_input

Progress = Callable[[int, int], None]
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class Backup:
    file: Path
    kind: str  # "sqlite" or "postgresql"
    revision: str | None
    bytes: int


def _setting(message: str) -> InvalidInput:
    return InvalidInput([Problem("IPSENTRY_DATABASE_URL", None, "database", message)])


def _tool(name: str) -> str:
    """pg_dump or pg_restore: on PATH, else the newest Debian server's binaries."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts)
    if not versions:
        raise InvalidInput(
            [Problem("PostgreSQL", None, name, "not found; install the PostgreSQL client tools")]
        )
    return str(versions[-1])


def _pg_command(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection options for the PostgreSQL tools (the password through the environment)."""
    options = ["--dbname", str(url.database or "")]
    if url.host:
        options += ["--host", url.host]
    if url.port:
        options += ["--port", str(url.port)]
    if url.username:
        options += ["--username", url.username]
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return options, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise InvalidInput([Problem("PostgreSQL", None, what, reason)])


def backup(url: str, file: Path, progress: Progress | None = None) -> Backup:
    """A consistent copy of the database at ``url`` in ``file`` (written whole or not at all)."""
    parsed = parse_url(url)
    engine = create_engine(url, create=False)
    with unreachable_as_input(engine):
        revision = migrate.current(engine)
    engine.dispose()
    path = sqlite_file(parsed)
    with atomic_path(file) as partial:
        if parsed.get_backend_name() == "sqlite":
            if path is None:
                raise _setting("an in-memory database cannot be backed up")
            source, target = sqlite3.connect(path), sqlite3.connect(partial)
            try:
                source.backup(
                    target,
                    pages=256,
                    progress=(lambda _s, left, total: progress(total - left, total))
                    if progress
                    else None,
                )
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                target.close()
                source.close()
        else:
            options, env = _pg_command(parsed)
            command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial)]
            _run([*command, *options], env, "pg_dump")
    kind = "sqlite" if path is not None else "postgresql"
    return Backup(file, kind, revision, file.stat().st_size)


def _kind_of(file: Path) -> str:
    with file.open("rb") as handle:
        start = handle.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:
        return "sqlite"
    if start.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise InvalidInput(
        [Problem(str(file), None, "(file)", "not an ipsentry backup (neither SQLite nor pg_dump)")]
    )


def _require_empty(engine: sa.Engine) -> None:
    shown = engine.url.render_as_string(hide_password=True)
    with engine.connect() as connection:
        tables = sa.inspect(connection).get_table_names()
    if tables:
        raise Conflict(
            f"{shown} is not empty ({len(tables)} tables); restore into a new, empty "
            "database (set IPSENTRY_DATABASE_URL to it)"
        )


def restore(url: str, file: Path, progress: Progress | None = None) -> Backup:
    """Restore ``file`` into the empty database at ``url`` (a SQLite file is created)."""
    if not file.is_file():
        raise InvalidInput([Problem(str(file), None, "(file)", "no such file")])
    kind = _kind_of(file)
    parsed = parse_url(url)
    wanted = parsed.get_backend_name()
    if kind != wanted:
        message = f"a {kind} backup cannot be restored into {wanted}"
        raise InvalidInput([Problem(str(file), None, "(file)", message)])
    path = sqlite_file(parsed)
    if kind == "sqlite":
        if path is None:
            raise _setting("restore into a SQLite file, not memory")
        if path.exists() and path.stat().st_size:
            engine = create_engine(url, create=False)
            _require_empty(engine)
            engine.dispose()
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # of the empty database
            leftover.unlink(missing_ok=True)
        source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise InvalidInput([Problem(str(file), None, "(file)", "the backup is damaged")])
            with atomic_path(path) as partial:
                target = sqlite3.connect(partial)
                try:
                    source.backup(
                        target,
                        pages=256,
                        progress=(lambda _s, left, total: progress(total - left, total))
                        if progress
                        else None,
                    )
                finally:
                    target.close()
        except sqlite3.DatabaseError as error:
            raise InvalidInput([Problem(str(file), None, "(file)", str(error))]) from None
        finally:
            source.close()
        path.chmod(0o600)  # it holds password hashes
    else:
        engine = create_engine(url, create=False)
        with unreachable_as_input(engine):
            _require_empty(engine)
        engine.dispose()
        options, env = _pg_command(parsed)
        command = [_tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction"]
        _run([*command, *options, str(file)], env, "pg_restore")
    engine = create_engine(url, create=False)
    with unreachable_as_input(engine):
        revision = migrate.current(engine)
    engine.dispose()
    return Backup(file, kind, revision, file.stat().st_size)
