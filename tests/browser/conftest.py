"""One server and one browser for every browser test: the demo served on a free port.

Chromium is Debian's (/usr/bin/chromium, launch arguments from RECIPES.md); Playwright
never downloads a browser. Screenshots go to the test output folder (``--output``,
``test-results`` by default) under ``screenshots/``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from ipsentry.api.app import create_app
from ipsentry.services.demo import load_demo
from ipsentry.settings import Settings
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork
from tests.web.indexes import build_indexes

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def served_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo database the browser tests' server serves (a test may change a record)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.sqlite3'}"
    load_demo(UnitOfWork.for_url(url))
    return url


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, served_database: str) -> Iterator[str]:
    """The demo database (and small search indexes) served by uvicorn in a thread; yields
    the base URL."""
    url = served_database
    register, patents = build_indexes(tmp_path_factory.mktemp("indexes"))
    settings = Settings(database_url=url, register_index=register, patent_index=patents)
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)
    dispose_all()


@pytest.fixture(scope="session")
def screenshots(pytestconfig: pytest.Config) -> Path:
    folder = Path(str(pytestconfig.getoption("--output"))) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
