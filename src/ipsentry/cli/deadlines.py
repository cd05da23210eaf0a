"""``ipsentry deadlines``: what is due, derived from rules in code."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipsentry.cli.context import console, context, print_json
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.ics import write_ics
from ipsentry.services import portfolio

_SPAN = re.compile(r"^(\d+)\s*([dwmy])$")
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_span(text: str) -> timedelta:
    match = _SPAN.match(text.strip().lower())
    if not match:
        raise InvalidInput(
            [Problem("--within", None, "value", f"{text!r}: use e.g. 90d, 12w, 6m, 1y")]
        )
    return timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])


def deadlines(
    within: Annotated[str, typer.Option(help="How far ahead: 90d, 12w, 6m, 1y.")] = "90d",
    ics: Annotated[
        Path | None, typer.Option(help="Also write the deadlines to this .ics file.")
    ] = None,
    today: Annotated[str | None, typer.Option(help="Count from this date (YYYY-MM-DD).")] = None,
    cancelled: Annotated[bool, typer.Option(help="Show deadlines of dead rights too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Deadlines due within a period, each with the rule it comes from and how it was derived."""
    start = date.fromisoformat(today) if today else date.today()
    until = start + parse_span(within)
    ctx = context()
    found = portfolio.upcoming_deadlines(
        ctx.uow(), ctx.actor(), start, until, include_cancelled=cancelled
    )
    if ics is not None:
        write_ics(ics, found)
    if as_json:
        print_json([dataclasses.asdict(d) for d in found])
        return
    table = Table(title=f"Deadlines {start} to {until}")
    for column in ("due", "grace until", "state", "right"):
        table.add_column(column, no_wrap=True)
    table.add_column("what", ratio=2, overflow="fold")
    table.add_column("rule", ratio=1, overflow="fold")
    table.add_column("derivation", ratio=3, overflow="fold")
    for d in found:
        what = d.title + (f" [red](cancelled: {d.cancelled_reason})[/red]" if d.cancelled else "")
        table.add_row(
            str(d.due),
            str(d.grace_until or ""),
            str(d.state or ""),
            d.right_label,
            what,
            d.rule,
            d.derivation,
        )
    console.print(table)
    if ics is not None:
        console.print(f"wrote {len(found)} deadline(s) to {ics}")
