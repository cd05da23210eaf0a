"""``ipsentry register``: index a large register of names and search it for confusing ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, print_json
from ipsentry.cli.inputs import read_queries
from ipsentry.cli.params import DateParser, IndexFolder, InputFile, OutputFolder
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import fitted_table, styled, under
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services.deadline_views import state_of, state_text
from ipsentry.services.marks import build_register_file, search_register

app = typer.Typer(
    help="Clearance and watch: search a register of names for confusingly similar ones."
)


@app.command("build")
def build(
    names: Annotated[
        Path,
        typer.Argument(
            help="One name per line, or 'name<TAB>publication date<TAB>office'; .gz is read too.",
            parser=InputFile(),
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the index into.", parser=OutputFolder())
    ],
    workers: Annotated[int, typer.Option(help="Processes for the build.")] = 2,
) -> None:
    """Index a register (1.1 million names take about a minute and a half on 2 cores)."""
    with progress_bar("indexing names") as bar:
        stats = build_register_file(names, out, workers=workers, progress=bar.update)
    console.print(
        f"{out}: {stats['names']:,} names, {stats['keys']:,} keys, "
        f"{stats['postings']:,} trigram postings, built in {stats['build_seconds']} s"
    )


@app.command("search")
def search(
    index: Annotated[
        Path, typer.Argument(help="A folder made by 'register build'.", parser=IndexFolder())
    ],
    queries: Annotated[list[str] | None, typer.Argument(help="Names to clear or watch.")] = None,
    queries_file: Annotated[
        Path | None,
        typer.Option("--queries-file", help="One query per line.", parser=InputFile()),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=1000, help="Results per query.")] = 10,
    today: Annotated[
        date | None,
        typer.Option(
            help="Flag opposition deadlines as of this day (YYYY-MM-DD).", parser=DateParser()
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show why each name was found, under it.")
    ] = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The registered names most likely to be confused with each query, explained.

    A name the register dates carries its opposition deadline, flagged when it has passed.
    """
    day = today or date.today()
    wanted = list(read_queries(queries, queries_file))
    if not wanted:
        raise InvalidInput(
            [Problem("command line", None, "QUERY", "give a query or --queries-file")]
        )
    with progress_bar("searching") as bar, chosen_client(workers, scheduler) as client:
        answers = search_register(index, wanted, top=top, client=client, progress=bar.update)
    if as_json:
        print_json(
            [{"query": q, "results": [r.as_json(day) for r in results]} for q, results in answers]
        )
        return
    for query, results in answers:
        table = fitted_table(f"'{query}'", ["name", "score", "similarity", "opposition"])
        for r in results:
            opposition = (
                styled(f"{r.window.due}\n{state_text(r.window, day)}", state_of(r.window, day))
                if r.window
                else ""
            )
            table.add_row(
                under(escape(r.name), r.why if verbose else ""),
                f"{r.score:.2f}",
                f"{r.similarity:.2f}",
                opposition,
            )
        console.print(table)
    if not verbose:
        console.print("[dim]--verbose (or --json) explains each name.[/dim]")
