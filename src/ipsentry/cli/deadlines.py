"""``ipsentry deadlines``: what is due, derived from rules in code, with what was missed flagged."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import DateParser, OutputFile, SpanParser
from ipsentry.cli.tables import fitted_table, styled, under
from ipsentry.formats.ics import write_ics
from ipsentry.services import portfolio
from ipsentry.services.deadline_views import deadline_record


def deadlines(
    within: Annotated[
        timedelta, typer.Option(help="How far ahead: 90d, 12w, 6m, 1y.", parser=SpanParser())
    ] = "90d",  # type: ignore[assignment]
    past: Annotated[
        timedelta | None,
        typer.Option(
            help="Also deadlines missed in this last period (e.g. 90d).", parser=SpanParser()
        ),
    ] = None,
    ics: Annotated[
        Path | None,
        typer.Option(help="Also write the deadlines to this .ics file.", parser=OutputFile(".ics")),
    ] = None,
    today: Annotated[
        date | None, typer.Option(help="Count from this date (YYYY-MM-DD).", parser=DateParser())
    ] = None,
    cancelled: Annotated[
        bool, typer.Option("--cancelled", help="Show deadlines of dead rights too.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Show each deadline's rule and derivation under it."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Deadlines due within a period, each flagged (due soon, overdue, in grace, lost).

    Every deadline comes from a rule in code; --verbose (or --json) shows the rule and how
    the date was derived.
    """
    start = today or date.today()
    until = start + within
    since = start - past if past is not None else None
    ctx = context()
    found = portfolio.upcoming_deadlines(
        ctx.uow(), ctx.actor(as_user), start, until, include_cancelled=cancelled, since=since
    )
    if ics is not None:
        write_ics(ics, found)
    if as_json:
        print_json([deadline_record(d, start) for d in found])
        return
    title = f"Deadlines {start} to {until}"
    table = fitted_table(
        title, ["due", "deadline", "state"] if verbose else ["due", "right", "what", "state"]
    )
    for d in found:
        record = deadline_record(d, start)
        state = styled(record["state_text"], record["state"])
        if verbose:  # the derivation gets the width of the whole middle column
            what = under(f"{d.right_label}: {d.title}", f"{d.rule}: {d.derivation}", markup=False)
            table.add_row(str(d.due), what, state)
        else:
            table.add_row(str(d.due), d.right_label, d.title, state)
    console.print(table)
    if not verbose and found:
        console.print("[dim]--verbose shows each deadline's rule and derivation.[/dim]")
    if ics is not None:
        console.print(f"wrote {len(found)} deadline(s) to {ics}")
