"""``ipsentry cases takedown``: notices to platforms drafted from confirmed hits, tracked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import DateParser, OutputFile
from ipsentry.domain.takedowns import TakedownStatus
from ipsentry.services import takedowns

app = typer.Typer(help="Takedown notices: drafted from confirmed hits, sent, removed or not.")
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _print(notice: dict[str, object], as_json: bool) -> None:
    if as_json:
        print_json(notice)
        return
    console.print(
        f"notice {notice['id']}: {notice['platform']} / {notice['seller']} ({notice['status']})",
        markup=False,
    )


@app.command("generate")
def generate(
    hit: Annotated[
        list[int] | None,
        typer.Option("--hit", help="A confirmed hit (repeat; default: every confirmed one)."),
    ] = None,
    case: Annotated[str, typer.Option("--case", help="Case number to file them under.")] = "",
    today: Annotated[
        date | None, typer.Option("--today", help="Date of the drafts.", parser=DateParser())
    ] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Draft one notice per platform and seller from confirmed hits, evidence included."""
    ctx = context()
    rows = takedowns.generate(
        ctx.uow(), ctx.actor(as_user), today or date.today(), hit_ids=hit or (), case_reference=case
    )
    if as_json:
        print_json(rows)
        return
    for row in rows:
        _print(row, False)


@app.command("list")
def list_notices(
    status: Annotated[
        TakedownStatus | None, typer.Option("--status", help="Only notices in this state.")
    ] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Takedown notices with their status and listings."""
    ctx = context()
    rows = takedowns.list_takedowns(ctx.uow(), ctx.actor(as_user), status)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"takedown notices ({len(rows)})")
    for column in ("id", "platform", "seller", "listings", "status", "since"):
        table.add_column(column)
    for r in rows:
        steps = r["steps"]
        since = steps[-1]["on"] if steps else r["created_on"] or ""
        table.add_row(
            str(r["id"]), r["platform"], r["seller"], str(len(r["listings"])), r["status"], since
        )
    console.print(table)


@app.command("show")
def show(
    notice: Annotated[int, typer.Argument(help="The notice's id.")],
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """One notice: each listing with its right, evidence and reason, and its steps."""
    ctx = context()
    row = takedowns.show_takedown(ctx.uow(), ctx.actor(as_user), notice)
    if as_json:
        print_json(row)
        return
    _print(row, False)
    for listing in row["listings"]:
        console.print(
            f"  {listing['listing_ref']}: {listing['title']} — {listing['right']} "
            f"(evidence {listing['evidence_id']}): {listing['explanation']}",
            markup=False,
        )
    for step in row["steps"]:
        console.print(f"  {step['on']} {step['status']} {step['note']}", markup=False)


@app.command("move")
def move(
    notice: Annotated[int, typer.Argument(help="The notice's id.")],
    status: Annotated[TakedownStatus, typer.Argument(help="sent, removed, refused, relisted.")],
    on: Annotated[
        date | None, typer.Option("--on", help="YYYY-MM-DD (default today).", parser=DateParser())
    ] = None,
    note: Annotated[str, typer.Option("--note", help="e.g. the platform's reply.")] = "",
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Record what happened to a notice; a move its status does not allow is refused."""
    ctx = context()
    row = takedowns.move(ctx.uow(), ctx.actor(as_user), notice, status, on or date.today(), note)
    _print(row, as_json)


@app.command("write")
def write(
    notice: Annotated[int, typer.Argument(help="The notice's id.")],
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="A .txt (to paste) or .pdf file.", parser=OutputFile(".txt", ".pdf")
        ),
    ],
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Write the notice as text or PDF."""
    ctx = context()
    row = takedowns.write_notice(ctx.uow(), ctx.actor(as_user), notice, out, date.today())
    if as_json:
        print_json(row)
    else:
        console.print(f"{out}: notice {notice}, {row['listings']} listing(s)", markup=False)
