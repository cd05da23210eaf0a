"""``ipsentry demo``: the demo organisations, modelled on public records."""

from __future__ import annotations

from typing import Annotated

import typer

from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.tables import fitted_table
from ipsentry.services.demo import DEMO_PASSWORD, demo_users, load_demo

app = typer.Typer(help="Demo data: a vaporizer-hardware maker modelled on ITC 337-TA-1286.")


@app.command()
def load() -> None:
    """Load (or complete) the demo organisations into the configured database; idempotent.

    Creates the database (IPSENTRY_DATABASE_URL, or a SQLite file in your data folder) when
    there is none yet.
    """
    counts = load_demo(context().uow(create=True))
    console.print(
        "demo organisation smoore-demo: "
        + ", ".join(f"{value} {key}" for key, value in counts.items())
    )
    console.print(
        "[yellow]Records marked illustrative are invented where the public record "
        "is silent.[/yellow]"
    )


@app.command()
def users(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The demo sign-ins, one per role, with the demo password (for the web app)."""
    rows = demo_users()
    if as_json:
        print_json(rows)
        return
    table = fitted_table(
        f"demo sign-ins (password: {DEMO_PASSWORD})", ["email", "role", "organisation"]
    )
    for row in rows:
        table.add_row(row["email"], row["role"], row["organisation"])
    console.print(table)
