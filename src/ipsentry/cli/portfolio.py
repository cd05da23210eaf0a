"""``ipsentry portfolio``: import, list, show and export patents and trademarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.progress import progress_bar
from ipsentry.domain.rights import Patent, Right, RightKind, Trademark
from ipsentry.formats.tabular import write_records
from ipsentry.services import portfolio
from ipsentry.services.right_records import record_from_right
from ipsentry.store.repositories import RightFilter

app = typer.Typer(help="The portfolio registry: patents with claims, trademarks with classes.")

KindOption = Annotated[RightKind | None, typer.Option(help="patent or trademark.")]
OfficeOption = Annotated[
    str | None, typer.Option("--jurisdiction", help="Office code: US, CN, EP, EM, WO...")
]
FamilyOption = Annotated[str | None, typer.Option("--family", help="Technology family.")]
StatusOption = Annotated[str | None, typer.Option(help="Legal status, e.g. granted.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="CSV, XLSX, JSON, JSON Lines or USPTO XML.")],
) -> None:
    """Import rights; all rows or none; re-importing updates the same rights."""
    ctx = context()
    with progress_bar("importing") as bar:
        report = portfolio.import_rights(ctx.uow(), ctx.actor(), file, bar.update)
    console.print(
        f"{file}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged"
    )


def _row(right: Right) -> dict[str, Any]:
    detail = ""
    if isinstance(right, Patent):
        detail = f"{len(right.claims)} claims"
    elif isinstance(right, Trademark):
        detail = "classes " + ", ".join(str(n) for n in right.class_numbers)
    return {
        "id": right.id,
        "kind": right.kind.value,
        "number": right.display_number,
        "title": right.title,
        "status": right.status.value,
        "family": right.technology_family,
        "detail": detail,
        "marking": right.confidentiality.value,
        "illustrative": right.illustrative,
    }


@app.command("list")
def list_(
    kind: KindOption = None,
    jurisdiction: OfficeOption = None,
    family: FamilyOption = None,
    status: StatusOption = None,
    as_json: JsonOption = False,
) -> None:
    """List rights, filtered by kind, office, technology family and status."""
    ctx = context()
    rights = portfolio.list_rights(
        ctx.uow(), ctx.actor(), RightFilter(kind, jurisdiction, family, status)
    )
    rows = [_row(r) for r in rights]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} right(s)")
    for column in ("id", "number", "title", "status", "family", "detail", "marking"):
        table.add_column(column, overflow="fold")
    for row in rows:
        flagged = row["illustrative"] and "illustrative" not in row["title"].lower()
        title = row["title"] + (" [yellow](illustrative)[/yellow]" if flagged else "")
        table.add_row(
            str(row["id"]),
            row["number"],
            title,
            row["status"],
            row["family"],
            row["detail"],
            row["marking"],
        )
    console.print(table)


@app.command()
def show(
    reference: Annotated[str, typer.Argument(help="Id or number, e.g. 'US 10,357,623'.")],
    as_json: JsonOption = False,
) -> None:
    """One right in full: numbers, dates, claims with their elements, classes, deadlines."""
    ctx = context()
    right = portfolio.get_right(ctx.uow(), ctx.actor(), reference)
    record = record_from_right(right)
    if isinstance(right, Patent):
        record["claims"] = [
            {
                "num": c.num,
                "depends_on": c.depends_on,
                "text": c.text,
                "elements": [{"role": e.role.value, "text": e.text} for e in c.elements],
            }
            for c in right.claims
        ]
    if as_json:
        print_json(record)
        return
    if right.illustrative:
        console.print(
            "[yellow]Illustrative record written from public facts; not the office text.[/yellow]"
        )
    table = Table(show_header=False, title=right.display_number)
    for key, value in record.items():
        if key != "claims" and value not in ("", None):
            table.add_row(key, str(value))
    console.print(table)
    for claim in record.get("claims", []):
        parent = f" (depends on {claim['depends_on']})" if claim["depends_on"] else ""
        console.print(f"\n[bold]Claim {claim['num']}[/bold]{parent}")
        for element in claim["elements"]:
            console.print(f"  [dim]{element['role']:>10}[/dim]  {element['text']}", highlight=False)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file: .csv, .xlsx, .json or .jsonl.")],
    kind: KindOption = None,
    jurisdiction: OfficeOption = None,
    family: FamilyOption = None,
    status: StatusOption = None,
) -> None:
    """Export rights in the importer's own format (an export imports back unchanged)."""
    ctx = context()
    rights = portfolio.list_rights(
        ctx.uow(), ctx.actor(), RightFilter(kind, jurisdiction, family, status)
    )
    write_records(out, [record_from_right(r) for r in rights])
    console.print(f"wrote {len(rights)} right(s) to {out}")


@app.command()
def summary(as_json: JsonOption = False) -> None:
    """Counts of rights by kind, office and status."""
    ctx = context()
    data = portfolio.summary(ctx.uow(), ctx.actor())
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{data['rights']} rights[/bold] in {ctx.settings.organisation}")
    for key in ("kind", "jurisdiction", "status"):
        console.print(f"  by {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(data[key].items())))
