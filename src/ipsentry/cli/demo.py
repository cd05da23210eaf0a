"""``ipsentry demo``: the demo organisations, modelled on public records."""

from __future__ import annotations

import typer

from ipsentry.cli.context import console, context
from ipsentry.services.demo import load_demo

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
