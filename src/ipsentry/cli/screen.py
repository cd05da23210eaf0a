"""``ipsentry screen``: screen observations for marks, from files or from the stored portfolio."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import TABULAR, InputFile, OutputFile, input_files
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import fitted_table, under
from ipsentry.domain.observations import ObservationKind
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import screening

SCREENED = (*TABULAR, ".parquet")


def screen(
    marks: Annotated[
        Path | None,
        typer.Option(
            "--marks",
            help="File mode: marks to screen for "
            "(CSV/XLSX/JSON: id, mark, classes, goods, disclaimers, famous).",
            parser=InputFile(*TABULAR),
        ),
    ] = None,
    input_: Annotated[
        str | None,
        typer.Option(
            "--input",
            metavar="FILE|GLOB",
            help="File mode: observations, one file or a quoted glob such as "
            "'listings/*.parquet' (CSV/XLSX/JSON/JSONL/Parquet: kind, text, description, "
            "seller, declared_brand, hs_code, goods, id).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="File mode: JSON Lines of hits to write.", parser=OutputFile(".jsonl")
        ),
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
    partition: Annotated[
        int | None,
        typer.Option(
            "--partition",
            min=1,
            help="Observations screened together (and in portfolio mode committed): a run "
            "that was killed is resumed by the same command, its finished partitions kept. "
            f"Default {screening.FILE_PARTITION} in file mode, {screening.PARTITION} in "
            "portfolio mode.",
        ),
    ] = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_user: AsOption = None,
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
        portfolio_only = [
            ("--kind", kind is not None),
            ("--new-only", new_only),
            ("--json", as_json),
        ]
        refused = [name for name, given in portfolio_only if given]
        if refused:
            raise InvalidInput(
                [
                    Problem("command line", None, name, "only in portfolio mode (without --marks, "
                            "--input and --out); file mode screens every row of --input")
                    for name in refused
                ]
            )  # fmt: skip
        inputs = input_files(input_, SCREENED)
        with progress_bar("screening") as bar, chosen_client(workers, scheduler) as client:
            done = screening.screen_files(
                marks, inputs, out, bar.update, client, partition or screening.FILE_PARTITION
            )
        if done.resumed:
            console.print(
                f"resumed an interrupted run: the hits it had found in {done.resumed} "
                "observations were kept, the others screened now"
            )
        console.print(f"{out}: {done.hits} hits in {done.screened} observations")
        return
    ctx = context()
    with progress_bar("screening") as bar, chosen_client(workers, scheduler) as client:
        report = screening.run_screening(
            ctx.uow(),
            ctx.actor(as_user),
            kind,
            bar.update,
            partition=partition or screening.PARTITION,
            client=client,
        )
    shown = report.new if new_only else report.hits
    if report.resumed_after and not as_json:
        console.print(
            f"resumed interrupted run {report.run_id} after its first {report.resumed_after} "
            "observations (their hits were stored then; below: the hits found now)"
        )
    if as_json:
        print_json(
            {
                "run_id": report.run_id,
                "screened": report.screened,
                "previous_run_id": report.previous_run_id,
                "resumed_after": report.resumed_after,
                "hits": screening.hits_of(shown),
                "claim_hits": report.claim_hits,
            }
        )
        return
    table = fitted_table(
        f"screening run {report.run_id}: {report.screened} observations, "
        f"{len(report.hits)} hits, {len(report.new)} new",
        ["observation", "sign", "mark", "score", "category"],
    )
    for hit in shown:
        a = hit.assessment
        table.add_row(
            under(hit.observation, hit.kind.value),
            Text(hit.sign),
            under(escape(hit.mark), ", ".join(hit.registrations)),
            f"{a.score:.2f}",
            a.category.value.replace("_", " "),
        )
    console.print(table)
    if report.claim_hits:
        claims = fitted_table(
            "claims that may read on the observed products (charts in --json)",
            ["observation", "patent", "claim", "coverage", "verdict"],
        )
        for c in report.claim_hits:
            claims.add_row(
                str(c["observation"]),
                str(c["patent"]),
                str(c["claim"]),
                f"{c['coverage']:.2f}",
                str(c["verdict"]),
            )
        console.print(claims)
