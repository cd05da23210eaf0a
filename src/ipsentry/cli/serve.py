"""``ipsentry serve``: the web app and REST API on one address."""

from __future__ import annotations

from typing import Annotated

import typer

from ipsentry.cli.context import console, context
from ipsentry.services import web_server


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes (PostgreSQL only; SQLite serves with one).")
    ] = 1,
    check: Annotated[
        bool, typer.Option("--check", help="Only check the database can be served, then exit.")
    ] = False,
) -> None:
    """Serve the web app and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json).

    Uses the configured database (IPSENTRY_DATABASE_URL); it must exist ('ipsentry init'
    or 'ipsentry demo load' makes one). Stop with Ctrl+C.
    """
    settings = context().settings
    web_server.check(settings.database_url, workers)
    if check:
        console.print("ready to serve", highlight=False)
        return
    console.print(f"ipsentry at http://{host}:{port}/  (Ctrl+C stops it)", highlight=False)
    web_server.run(settings.database_url, host, port, workers)
