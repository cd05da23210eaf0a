"""With PostgreSQL, several server processes serve at once: 'ipsentry serve --workers 2'
started for real, then many requests, reads and writes, sent to it concurrently."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from ipsentry.services import tokens
from ipsentry.services.database import unit_of_work
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

IPSENTRY = Path(sys.executable).parent / "ipsentry"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server ended: {server.stdout.read() if server.stdout else ''}")
        try:
            if httpx.get(f"{base}/sign-in", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


@pytest.mark.postgres
def test_two_workers_serve_one_postgresql_database_at_once(postgresql: Any) -> None:
    info = postgresql.info
    url = f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"
    counsel = make_actor(UnitOfWork.for_url(url))
    bearer = {
        "Authorization": f"Bearer {tokens.create_token(unit_of_work(url), counsel, 'w').secret}"
    }
    dispose_all()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(IPSENTRY), "serve", "--workers", "2", "--port", str(port)],
        env={**os.environ, "IPSENTRY_DATABASE_URL": url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_up(base, server)

        def read(_: int) -> int:
            return httpx.get(f"{base}/api/v1/rights", headers=bearer, timeout=30).status_code

        def write(n: int) -> int:
            made = httpx.post(
                f"{base}/api/v1/tokens", json={"name": f"worker {n}"}, headers=bearer, timeout=30
            )
            return made.status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            reads = pool.map(read, range(40))
            writes = pool.map(write, range(12))
            assert set(reads) == {200} and set(writes) == {201}
        listed = httpx.get(f"{base}/api/v1/tokens", headers=bearer, timeout=30).json()["items"]
        assert {f"worker {n}" for n in range(12)} <= {t["name"] for t in listed}
    finally:
        server.send_signal(signal.SIGINT)
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
        dispose_all()
    started = set(re.findall(r"Started server process \[(\d+)\]", output))
    assert len(started) == 2, output  # two processes, each serving the same database
