"""``ipsentry demo``: the demo organisations, modelled on public records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import OutputFolder
from ipsentry.cli.tables import fitted_table
from ipsentry.services.demo import DEMO_PASSWORD, build_demo_patent_index, demo_users, load_demo

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


@app.command("patent-index")
def patent_index(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder to build it into (new, or a patent index to replace).",
            parser=OutputFolder(),
        ),
    ],
    dense: Annotated[
        bool, typer.Option("--dense", help="Also the sentence encoder (slower to build).")
    ] = False,
) -> None:
    """Index the demo's public patents for the web's patent search (IPSENTRY_PATENT_INDEX).

    Your own collection is indexed with 'ipsentry patents index CORPUS --out DIR'.
    """
    meta = build_demo_patent_index(out, dense=dense)
    console.print(f"{out}: {meta['documents']} patents indexed")
