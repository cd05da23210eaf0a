"""``ipsentry portfolio``: import, list, show and export patents and trademarks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.output import CONFIRM_OPTION, asking_confirmation, warn_unread_columns
from ipsentry.cli.params import TABULAR, DateParser, InputFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import fitted_table, styled, under
from ipsentry.domain.rights import RightKind
from ipsentry.services import portfolio
from ipsentry.services.portfolio import RightFilter

app = typer.Typer(help="The portfolio registry: patents with claims, trademarks with classes.")

KindOption = Annotated[RightKind | None, typer.Option(help="patent or trademark.")]
OfficeOption = Annotated[
    str | None, typer.Option("--jurisdiction", help="Office code: US, CN, EP, EM, WO...")
]
FamilyOption = Annotated[str | None, typer.Option("--family", help="Technology family.")]
StatusOption = Annotated[str | None, typer.Option(help="Legal status, e.g. granted.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
IMPORTS = (*TABULAR, ".xml")


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV (comma, semicolon or tab), XLSX, JSON, JSON Lines or USPTO XML; .gz too.",
            parser=InputFile(*IMPORTS),
        ),
    ],
    as_user: AsOption = None,
) -> None:
    """Import rights; all rows or none; re-importing updates the same rights.

    The file is read as a stream and checked row by row; every problem is reported as
    file:row: field: problem, and then nothing is written.
    """
    ctx = context()
    actor = ctx.actor(as_user)
    with progress_bar("importing", unit="bytes") as bar:
        report = portfolio.import_rights(ctx.uow(), actor, file, bar.update)
    console.print(
        f"{file}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged"
    )
    warn_unread_columns(
        file, report.ignored_columns, portfolio.KNOWN_FIELDS, "their values were not imported"
    )
    if report.without_deadlines:
        offices = ", ".join(f"{k} ({n})" for k, n in report.without_deadlines.items())
        console.print(
            f"[yellow]note:[/yellow] no deadlines are computed for {offices}: ipsentry has no "
            "deadline rules for those offices yet, or the rights lack the dates they count from.",
            highlight=False,
        )


@app.command("list")
def list_(
    kind: KindOption = None,
    jurisdiction: OfficeOption = None,
    family: FamilyOption = None,
    status: StatusOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also the technology family and marking.")
    ] = False,
    as_json: JsonOption = False,
    as_user: AsOption = None,
) -> None:
    """List rights, filtered by kind, office, technology family and status."""
    ctx = context()
    rights = portfolio.list_rights(
        ctx.uow(), ctx.actor(as_user), RightFilter(kind, jurisdiction, family, status)
    )
    rows = [portfolio.right_row(r) for r in rights]
    if as_json:
        print_json(rows)
        return
    more = ["family", "marking"] if verbose else []
    table = fitted_table(f"{len(rows)} right(s)", ["id", "number", "title", "status", *more])
    for row in rows:
        flagged = row["illustrative"] and "illustrative" not in row["title"].lower()
        title = escape(row["title"]) + (" [yellow](illustrative)[/yellow]" if flagged else "")
        extra = [row["family"], row["marking"]] if verbose else []
        table.add_row(
            str(row["id"]), row["number"], under(title, row["detail"]), row["status"], *extra
        )
    console.print(table)
    if not verbose:
        console.print("[dim]--verbose adds the technology family and the marking.[/dim]")


@app.command()
def show(
    reference: Annotated[str, typer.Argument(help="Id or number, e.g. 'US 10,357,623'.")],
    today: Annotated[
        date | None,
        typer.Option(help="Flag deadlines as of this day (YYYY-MM-DD).", parser=DateParser()),
    ] = None,
    as_json: JsonOption = False,
    as_user: AsOption = None,
) -> None:
    """One right in full: numbers, dates, claims with their elements, classes, deadlines."""
    ctx = context()
    day = today or date.today()
    record = portfolio.right_detail(ctx.uow(), ctx.actor(as_user), reference, day)
    if as_json:
        print_json(record)
        return
    if record["illustrative"] == "yes":
        console.print(
            "[yellow]Illustrative record written from public facts; not the office text.[/yellow]"
        )
    table = Table(show_header=False, title=_label(record), box=None, padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in record.items():
        if key not in ("claims", "deadlines", "construction") and value not in ("", None, []):
            table.add_row(key.replace("_", " "), str(value))
    console.print(table)
    for claim in record.get("claims", []):
        parent = f" (depends on {claim['depends_on']})" if claim["depends_on"] else ""
        console.print(f"\n[bold]Claim {claim['num']}[/bold]{parent}")
        elements = Table.grid(padding=(0, 2))
        elements.add_column(style="dim", justify="right", no_wrap=True)
        elements.add_column(overflow="fold")
        for element in claim["elements"]:
            elements.add_row(element["role"], Text(element["text"]))
        console.print(elements)
    _show_deadlines(record["deadlines"])


def _label(record: dict[str, Any]) -> str:
    number = record["registration_number"] or record["publication_number"]
    return f"{record['jurisdiction']} {number or record['application_number']}: {record['title']}"


def _show_deadlines(deadlines: list[dict[str, Any]]) -> None:
    if not deadlines:
        console.print("\n[dim]No deadlines computed for this right.[/dim]")
        return
    table = fitted_table("Deadlines", ["due", "what", "state"])
    for d in deadlines:
        table.add_row(str(d["due"]), d["title"], styled(d["state_text"], d["state"]))
    console.print()
    console.print(table)


@app.command()
def export(
    out: Annotated[
        Path,
        typer.Argument(
            help="Output file: .csv, .xlsx, .json or .jsonl.", parser=OutputFile(*TABULAR)
        ),
    ],
    kind: KindOption = None,
    jurisdiction: OfficeOption = None,
    family: FamilyOption = None,
    status: StatusOption = None,
    confirm_privileged: Annotated[
        bool,
        typer.Option(
            CONFIRM_OPTION,
            help="Export privileged and protective-order rights too (recorded in the audit log).",
        ),
    ] = False,
    as_user: AsOption = None,
) -> None:
    """Export rights in the importer's own format (an export imports back unchanged).

    Every export is recorded in the audit log; one holding privileged records needs
    --confirm-privileged.
    """
    ctx = context()
    where = RightFilter(kind, jurisdiction, family, status)
    with asking_confirmation():
        count = portfolio.export_rights(
            ctx.uow(), ctx.actor(as_user), out, where, confirmed=confirm_privileged
        )
    console.print(f"wrote {count} right(s) to {out}")


@app.command()
def summary(as_json: JsonOption = False, as_user: AsOption = None) -> None:
    """Counts of rights by kind, office and status."""
    ctx = context()
    data = portfolio.summary(ctx.uow(), ctx.actor(as_user))
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{data['rights']} rights[/bold] in {ctx.settings.organisation}")
    for key in ("kind", "jurisdiction", "status"):
        console.print(f"  by {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(data[key].items())))
