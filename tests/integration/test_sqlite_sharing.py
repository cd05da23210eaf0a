"""SQLite shared by the web app and the command line: write-ahead log and a busy timeout."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import sqlalchemy as sa

from ipsentry.store.database import BUSY_TIMEOUT_MS, create_engine


def test_a_reader_is_not_blocked_by_a_writer_and_a_second_writer_waits(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    web, cli = create_engine(url), create_engine(url)
    with web.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        connection.exec_driver_sql("CREATE TABLE t (n INTEGER)")
        connection.exec_driver_sql("INSERT INTO t VALUES (1)")
    holding = web.connect()
    holding.exec_driver_sql("BEGIN IMMEDIATE")  # the web app is in the middle of a write
    holding.exec_driver_sql("INSERT INTO t VALUES (2)")
    with cli.connect() as reader:  # a reader sees the last commit at once
        assert reader.exec_driver_sql("SELECT count(*) FROM t").scalar() == 1
    released = threading.Timer(0.5, lambda: (holding.commit(), holding.close()))
    released.start()
    started = time.monotonic()
    with cli.begin() as writer:  # a second writer waits for the first instead of failing
        writer.execute(sa.text("INSERT INTO t VALUES (3)"))
    assert time.monotonic() - started >= 0.4
    released.join()
    with cli.connect() as reader:
        assert reader.exec_driver_sql("SELECT count(*) FROM t").scalar() == 3
