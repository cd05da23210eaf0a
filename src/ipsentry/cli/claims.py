"""``ipsentry claims``: claim charts against product texts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import TABULAR, TEXT, InputFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import clip, fitted_table, under
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import atomic_text
from ipsentry.reports.claim_chart import render_csv, render_html, write_pdf
from ipsentry.services import claim_charts
from ipsentry.services.claim_charts import (
    Charter,
    is_patent_file,
    patent_from_file,
    portfolio_patent,
    read_product,
)

app = typer.Typer(help="Claim charts: claim elements mapped to quoted evidence in a product text.")


EVIDENCE_CHARACTERS = 240  # in the terminal; JSON, HTML, PDF and CSV quote it whole


def headline(claim: dict[str, Any]) -> str:
    """The share of elements found, then the ranking score named as what it is."""
    verdict = claim["verdict"].replace("_", " ")
    return (
        f"claim {claim['num']}: {verdict} — {claim['elements_present']} of "
        f"{claim['elements_total']} elements found ({claim['share_found']:.0%}); "
        f"ranking score {claim['coverage']:.2f} (how much of the whole claim's wording and "
        "meaning the product carries, for ordering products)"
    )


def _show(chart: dict[str, Any]) -> None:
    patent = chart["patent"]
    console.print(
        f"[bold]{patent['number']}[/bold] {patent['title']} — product: {chart['product']}"
    )
    for claim in chart["claims"]:
        table = fitted_table(headline(claim), ["element and evidence", "score", "finding"])
        for e in claim["elements"]:
            evidence = (
                f"“{clip(e['evidence'], EVIDENCE_CHARACTERS)}” ({e['location']})"
                if e["evidence"]
                else "no evidence"
            )
            detail = evidence + (f"\n{e['note']}" if e["note"] else "")
            table.add_row(under(e["text"], detail, markup=False), f"{e['score']:.2f}", e["finding"])
        console.print(table)
        if claim["transition"]:
            console.print(claim["transition"])
    console.print("[dim]Preliminary, machine-assisted analysis for review by counsel.[/dim]")


@app.command("chart")
def chart(
    patent: Annotated[
        str,
        typer.Option(
            "--patent",
            help="A patent number of the portfolio, or a JSON file with one patent record.",
        ),
    ],
    product: Annotated[
        Path,
        typer.Option(
            "--product",
            help="The product's text: a .txt file or a saved web page (.html).",
            parser=InputFile(*TEXT),
        ),
    ],
    claim: Annotated[
        list[int] | None,
        typer.Option(
            "--claim", help="Chart this claim (repeat); default: every independent claim."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the chart as JSON.")] = False,
    as_html: Annotated[
        bool, typer.Option("--html", help="HTML chart (to --out, or standard output).")
    ] = False,
    as_pdf: Annotated[bool, typer.Option("--pdf", help="PDF chart (needs --out).")] = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="CSV, one row per element (to --out, or standard output).")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File to write the JSON, HTML, PDF or CSV to.",
            parser=OutputFile(".json", ".html", ".htm", ".pdf", ".csv"),
        ),
    ] = None,
    words_only: Annotated[
        bool, typer.Option("--words-only", help="Match words only, without the sentence encoder.")
    ] = False,
) -> None:
    """Chart a patent's claims against one product."""
    if sum((as_json, as_html, as_pdf, as_csv)) > 1:
        raise InvalidInput(
            [Problem("command line", None, "--json/--html/--pdf/--csv", "choose one")]
        )
    if as_pdf and out is None:
        raise InvalidInput([Problem("command line", None, "--out", "a PDF needs a file to go to")])
    if is_patent_file(patent):
        found = patent_from_file(Path(patent))
    else:
        ctx = context()
        found = portfolio_patent(ctx.uow(), ctx.actor(), patent)
    record = Charter(dense=not words_only).chart(
        found, read_product(product), str(product), claim or None
    )
    if as_json and out:
        with atomic_text(out) as handle:
            handle.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        console.print(f"{out}: claim chart written")
    elif as_json:
        print_json(record)
    elif as_pdf:
        assert out is not None
        write_pdf(record, out)
        console.print(f"{out}: claim chart written")
    elif as_html or as_csv:
        text = render_html(record) if as_html else render_csv(record)
        if out:
            with atomic_text(out) as handle:
                handle.write(text)
            console.print(f"{out}: claim chart written")
        else:
            sys.stdout.write(text)
    else:
        _show(record)


@app.command("batch")
def batch(
    patents: Annotated[
        Path,
        typer.Option("--patents", help="JSON Lines of patent records.", parser=InputFile(*TABULAR)),
    ],
    products: Annotated[
        Path,
        typer.Option(
            "--products",
            help="JSON Lines (or CSV) of products: id, text.",
            parser=InputFile(*TABULAR),
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="JSON Lines of charts to write.", parser=OutputFile(".jsonl")),
    ],
    words_only: Annotated[bool, typer.Option("--words-only", help="Match words only.")] = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Chart every patent against every product: in one process (the encoder loads once),
    or on a Dask cluster (it loads once per worker)."""
    with progress_bar("charting") as bar, chosen_client(workers, scheduler) as client:
        charts = claim_charts.chart_batch(
            patents, products, out, words_only=words_only, progress=bar.update, client=client
        )
    console.print(f"{out}: {charts} charts")
