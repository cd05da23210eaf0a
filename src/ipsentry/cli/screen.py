"""``ipsentry screen``: screen observations for marks, from files or from the stored portfolio."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.progress import progress_bar
from ipsentry.domain.observations import ObservationKind
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import screening


def screen(
    marks: Annotated[
        Path | None,
        typer.Option(
            "--marks",
            help="File mode: marks to screen for "
            "(CSV/XLSX/JSON: id, mark, classes, goods, disclaimers, famous).",
        ),
    ] = None,
    input_: Annotated[
        Path | None,
        typer.Option(
            "--input",
            help="File mode: observations "
            "(kind, text, description, seller, declared_brand, hs_code, goods, id).",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="File mode: JSON Lines of hits to write.")
    ] = None,
    kind: Annotated[
        ObservationKind | None,
        typer.Option(help="Portfolio mode: screen only this kind of observation."),
    ] = None,
    new_only: Annotated[
        bool,
        typer.Option(
            "--new-only",
            help="Portfolio mode: only hits the previous run of the channel did not have.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Screen listings, declarations, domains and app links against trademarks.

    With --marks, --input and --out: file in, file out, nothing stored. Without them: the
    organisation's stored observations against its live trademarks, kept as a run.
    """
    file_mode = [marks, input_, out]
    if any(file_mode):
        if not all(file_mode):
            missing = [
                n for n, v in (("--marks", marks), ("--input", input_), ("--out", out)) if v is None
            ]
            raise InvalidInput(
                [Problem("command line", None, m, "needed in file mode") for m in missing]
            )
        assert marks is not None and input_ is not None and out is not None
        with progress_bar("screening") as bar:
            screened, hits = screening.screen_files(marks, input_, out, bar.update)
        console.print(f"{out}: {hits} hits in {screened} observations")
        return
    ctx = context()
    with progress_bar("screening") as bar:
        report = screening.run_screening(ctx.uow(), ctx.actor(), kind, bar.update)
    shown = report.new if new_only else report.hits
    if as_json:
        print_json(
            {
                "run_id": report.run_id,
                "screened": report.screened,
                "previous_run_id": report.previous_run_id,
                "hits": screening.hits_of(shown),
                "claim_hits": report.claim_hits,
            }
        )
        return
    table = Table(
        title=f"screening run {report.run_id}: {report.screened} observations, "
        f"{len(report.hits)} hits, {len(report.new)} new"
    )
    for column in ("observation", "kind", "sign", "mark", "score", "category"):
        table.add_column(column)
    for hit in shown:
        a = hit.assessment
        table.add_row(
            hit.observation,
            hit.kind.value,
            hit.sign[:50],
            hit.mark,
            f"{a.score:.2f}",
            a.category.value.replace("_", " "),
        )
    console.print(table)
    if report.claim_hits:
        claims = Table(title="claims that may read on the observed products (charts in --json)")
        for column in ("observation", "patent", "claim", "coverage", "verdict"):
            claims.add_column(column)
        for c in report.claim_hits:
            claims.add_row(
                str(c["observation"]),
                str(c["patent"]),
                str(c["claim"]),
                f"{c['coverage']:.2f}",
                str(c["verdict"]),
            )
        console.print(claims)
