"""Backup and restore on SQLite and PostgreSQL: every table the same after a round trip,
into an empty database only, and a wrong or damaged file refused before anything changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from ipsentry.errors import Conflict, InvalidInput
from ipsentry.services import backup
from ipsentry.services.demo import load_demo
from ipsentry.store import migrate
from ipsentry.store.database import create_engine, dispose_all
from ipsentry.store.tables import metadata
from ipsentry.store.unit_of_work import UnitOfWork


@pytest.fixture
def empty_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database of the same kind, to restore into."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    url = sa.make_url(database_url)
    admin = f"host={url.host} port={url.port} user={url.username} dbname={url.database}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS restored")
        connection.execute("CREATE DATABASE restored")
    yield url.set(database="restored").render_as_string(hide_password=False)
    dispose_all()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS restored WITH (FORCE)")


def _contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (and the migration revision), in primary-key order."""
    engine = create_engine(url, create=False)
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            found[table.name] = [
                tuple(r) for r in connection.execute(table.select().order_by(*order))
            ]
        found["alembic_version"] = [(migrate.current(engine),)]
    engine.dispose()
    return found


def test_a_backup_restored_into_an_empty_database_has_every_row_of_every_table(
    database_url: str, empty_url: str, tmp_path: Path
) -> None:
    load_demo(UnitOfWork.for_url(database_url))
    before = _contents(database_url)
    assert sum(len(rows) for rows in before.values()) > 400
    assert sum(bool(rows) for rows in before.values()) > 30  # tables with rows
    seen: list[tuple[int, int]] = []
    made = backup.backup(
        database_url, tmp_path / "ipsentry.backup", lambda d, t: seen.append((d, t))
    )
    assert made.revision == migrate.LATEST and made.bytes > 0
    done = backup.restore(empty_url, made.file)
    assert done.revision == migrate.LATEST
    assert _contents(empty_url) == before
    if database_url.startswith("sqlite"):
        assert seen and seen[-1][0] == seen[-1][1]  # the copy reported its pages


def test_a_restore_never_writes_over_a_database_with_data(
    database_url: str, empty_url: str, tmp_path: Path
) -> None:
    load_demo(UnitOfWork.for_url(database_url))
    made = backup.backup(database_url, tmp_path / "ipsentry.backup")
    before = _contents(database_url)
    with pytest.raises(Conflict, match="not empty"):
        backup.restore(database_url, made.file)
    assert _contents(database_url) == before


def test_a_file_that_is_no_backup_of_this_kind_is_refused(
    database_url: str, empty_url: str, tmp_path: Path
) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a backup\n")
    with pytest.raises(InvalidInput, match="not an ipsentry backup"):
        backup.restore(empty_url, other)
    wrong_kind = tmp_path / "other.backup"
    if database_url.startswith("sqlite"):
        wrong_kind.write_bytes(b"PGDMP" + bytes(200))
        expected = "a postgresql backup cannot be restored into sqlite"
    else:
        wrong_kind.write_bytes(b"SQLite format 3\x00" + bytes(200))
        expected = "a sqlite backup cannot be restored into postgresql"
    with pytest.raises(InvalidInput, match=expected):
        backup.restore(empty_url, wrong_kind)


def test_a_damaged_sqlite_backup_is_refused_and_leaves_no_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    load_demo(UnitOfWork.for_url(url))
    made = backup.backup(url, tmp_path / "ipsentry.backup")
    data = bytearray(made.file.read_bytes())
    data[8192:12288] = b"\xff" * 4096  # a few pages of the middle overwritten
    made.file.write_bytes(bytes(data))
    target = tmp_path / "restored.sqlite3"
    with pytest.raises(InvalidInput, match=r"ipsentry\.backup"):
        backup.restore(f"sqlite:///{target}", made.file)
    assert not target.exists()
