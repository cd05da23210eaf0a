"""``ipsentry patents``: index a patent corpus and search it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, print_json
from ipsentry.cli.inputs import read_queries
from ipsentry.cli.params import TABULAR, IndexFolder, InputFile, OutputFolder
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import clip, fitted_table, under
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import patent_search

app = typer.Typer(help="Patent search: which patents a claim or a product text is about.")


@app.command("index")
def index(
    corpus: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines (or JSON/CSV) of patent records: "
            "number, title, abstract, claims, description.",
            parser=InputFile(*TABULAR),
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the index into.", parser=OutputFolder())
    ],
    dense: Annotated[
        bool, typer.Option(help="Also encode title and abstract (hybrid search).")
    ] = True,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Index a corpus (23,000 patents take about 5 CPU-minutes and 800 MB)."""
    records = patent_search.read_corpus(corpus)
    with (
        progress_bar("encoding titles and abstracts", total=len(records)) as bar,
        chosen_client(workers, scheduler) as client,
    ):
        meta = patent_search.build_index(
            records, out, dense=dense, progress=bar.advance, client=client
        )
    console.print(f"{out}: {meta['documents']:,} patents indexed in {meta['build_seconds']} s")


@app.command("search")
def search(
    folder: Annotated[
        Path, typer.Argument(help="A folder made by 'patents index'.", parser=IndexFolder())
    ],
    queries: Annotated[
        list[str] | None,
        typer.Argument(help="Texts to search for (a claim, a product description)."),
    ] = None,
    queries_file: Annotated[
        Path | None,
        typer.Option("--queries-file", help="One query per line.", parser=InputFile()),
    ] = None,
    like: Annotated[
        str | None, typer.Option("--like", help="Patents like this one (its number).")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=1000)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The patents each query is most about, with the passage that says so."""
    found = patent_search.open_index(folder)
    wanted = list(read_queries(queries, queries_file))
    if like:
        answers = [(f"like {like}", patent_search.like(found, like, top))]
    elif wanted:
        answers = list(zip(wanted, found.search(wanted, top), strict=True))
    else:
        raise InvalidInput(
            [Problem("command line", None, "QUERY", "give a query, --queries-file or --like")]
        )
    if as_json:
        print_json([{"query": q, "results": [h.as_json() for h in hits]} for q, hits in answers])
        return
    for query, hits in answers:
        table = fitted_table(clip(query, 90), ["number", "score", "title and passage"])
        for h in hits:
            passage = f"[{h.field}] {clip(h.passage, 140)}"
            table.add_row(h.number, f"{h.score:.4f}", under(h.title, passage, markup=False))
        console.print(table)
