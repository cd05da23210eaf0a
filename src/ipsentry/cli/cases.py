"""``ipsentry cases``: enforcement cases — ITC notices read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ipsentry.cli.context import console, print_json
from ipsentry.cli.params import InputFile
from ipsentry.services.notices import read_notice

app = typer.Typer(help="Enforcement cases: USITC Section 337 notices read.")

NOTICE_FORMATS = (".txt", ".text", ".html", ".htm", ".xhtml", "")


def _show(notice: dict[str, Any]) -> None:
    console.print(f"[bold]{notice['investigation'] or '(no number)'}[/bold] {notice['title']}")
    console.print(f"kind: {notice['notice_kind'].replace('_', ' ')}  ({notice['doc_type']})")
    if notice["fr_citation"]:
        published = notice["date_published"] or "date unknown"
        console.print(f"published: {notice['fr_citation']} ({published})")
    for role in ("complainants", "respondents"):
        if notice[role]:
            table = Table(title=f"{role} ({len(notice[role])})")
            table.add_column("name")
            table.add_column("location")
            for party in notice[role]:
                table.add_row(party["name"], party["location"] or "—")
            console.print(table)
    for key in ("asserted_patents", "asserted_marks", "remedies", "remedies_requested"):
        if notice[key]:
            console.print(f"{key.replace('_', ' ')}: {', '.join(notice[key])}")
    if notice["dispositions"]:
        table = Table(title="dispositions")
        for column in ("respondent", "disposition", "date"):
            table.add_column(column)
        for d in notice["dispositions"]:
            table.add_row(d["respondent"], d["disposition"].replace("_", " "), d["date"] or "—")
        console.print(table)
    if notice["bond"]:
        console.print(f"bond: {notice['bond']}")
    console.print("[dim]Only what the text states; a partial text gives a partial reading.[/dim]")


@app.command("parse-notice")
def parse_notice(
    file: Annotated[
        Path,
        typer.Argument(
            help="Plain text (or a saved web page) of a Federal Register notice or a USITC "
            "news release about a Section 337 investigation.",
            parser=InputFile(*NOTICE_FORMATS),
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the reading as JSON.")] = False,
) -> None:
    """Read a 337 notice: investigation, parties, rights, dispositions and remedies."""
    notice = read_notice(file)
    if as_json:
        print_json(notice)
    else:
        _show(notice)
