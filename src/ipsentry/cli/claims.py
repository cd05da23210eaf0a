"""``ipsentry claims``: claim charts against product texts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.output import CONFIRM_OPTION, asking_confirmation
from ipsentry.cli.params import TABULAR, TEXT, InputFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import clip, fitted_table, under
from ipsentry.domain.rights import Patent
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

ConfirmOption = Annotated[
    bool,
    typer.Option(
        CONFIRM_OPTION,
        help="Write charts of attorneys'-eyes-only, privileged or protective-order patents "
        "(recorded in the audit log).",
    ),
]
app = typer.Typer(help="Claim charts: claim elements mapped to quoted evidence in a product text.")


SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf", ".csv": "csv"}
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


def _authorise(
    patents: list[Patent], file_format: str, confirmed: bool, *, held: bool, as_user: str | None
) -> None:
    """Charts of stored patents leave as any export does; a file's patents are accounted for
    when their marking asks for a yes (recorded as the configured user)."""
    if not held and not claim_charts.needs_confirmation(patents):
        return
    ctx = context()
    with asking_confirmation():
        claim_charts.authorise_export(
            ctx.uow(), ctx.actor(as_user), patents, file_format, confirmed=confirmed
        )


def _format(flags: dict[str, bool], out: Path | None) -> str | None:
    """The one format asked for by flag, else by the --out file's suffix; None: the table."""
    chosen = [name for name, given in flags.items() if given]
    if len(chosen) > 1:
        raise InvalidInput(
            [Problem("command line", None, "--json/--html/--pdf/--csv", "choose one")]
        )
    if chosen:
        return chosen[0]
    return None if out is None else SUFFIX_FORMATS[out.suffix.lower()]


def _show(chart: dict[str, Any]) -> None:
    patent = chart["patent"]
    marking = str(patent.get("confidentiality", "confidential")).replace("_", " ").upper()
    console.print(f"[reverse] {marking} [/reverse]")
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
            parser=OutputFile(*SUFFIX_FORMATS),
        ),
    ] = None,
    words_only: Annotated[
        bool, typer.Option("--words-only", help="Match words only, without the sentence encoder.")
    ] = False,
    confirm_privileged: ConfirmOption = False,
    as_user: AsOption = None,
) -> None:
    """Chart a patent's claims against one product.

    HTML, PDF, CSV and files written with --out are exports: each carries the patent's
    marking and is recorded in the audit log; a marked patent's (attorneys' eyes only or
    stricter) needs --confirm-privileged.
    """
    file_format = _format({"json": as_json, "html": as_html, "pdf": as_pdf, "csv": as_csv}, out)
    if file_format == "pdf" and out is None:
        raise InvalidInput([Problem("command line", None, "--out", "a PDF needs a file to go to")])
    held = not is_patent_file(patent)
    if held:
        ctx = context()
        found = portfolio_patent(ctx.uow(), ctx.actor(as_user), patent)
    else:
        found = patent_from_file(Path(patent))
    record = Charter(dense=not words_only).chart(
        found, read_product(product), str(product), claim or None
    )
    if file_format is None:
        _show(record)
        return
    if file_format == "json" and out is None:
        print_json(record)  # the record itself, as for any listing
        return
    _authorise([found], file_format, confirm_privileged, held=held, as_user=as_user)
    if file_format == "pdf":
        assert out is not None
        write_pdf(record, out)
    else:
        text = {
            "json": lambda: json.dumps(record, ensure_ascii=False, indent=2) + "\n",
            "html": lambda: render_html(record),
            "csv": lambda: render_csv(record),
        }[file_format]()
        if out is None:
            sys.stdout.write(text)
            return
        with atomic_text(out) as handle:
            handle.write(text)
    console.print(f"{out}: claim chart written")


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
    confirm_privileged: ConfirmOption = False,
    as_user: AsOption = None,
) -> None:
    """Chart every patent against every product: in one process (the encoder loads once),
    or on a Dask cluster (it loads once per worker).

    Each chart carries its patent's marking; charts of marked patents (attorneys' eyes only
    or stricter) need --confirm-privileged and are recorded in the audit log.
    """

    def authorise(found: list[Patent]) -> None:
        _authorise(found, "jsonl", confirm_privileged, held=False, as_user=as_user)

    with progress_bar("charting") as bar, chosen_client(workers, scheduler) as client:
        charts = claim_charts.chart_batch(
            patents,
            products,
            out,
            words_only=words_only,
            progress=bar.update,
            client=client,
            authorise=authorise,
        )
    console.print(f"{out}: {charts} charts")
