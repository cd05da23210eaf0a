"""The options that send a command's bulk work to Dask, shared by every command that has it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated

import typer

from ipsentry.cli.context import context
from ipsentry.services import cluster

WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        help="Run on a local Dask cluster of N worker processes (even if "
        "$IPSENTRY_DASK_SCHEDULER is set).",
        min=1,
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on the Dask cluster at ADDRESS (tcp://host:8786); default "
        "$IPSENTRY_DASK_SCHEDULER. Without it or --workers: in this process.",
    ),
]


@contextlib.contextmanager
def chosen_client(workers: int | None, scheduler: str | None) -> Iterator[cluster.Client | None]:
    """The cluster the options (or the setting) name, connected; None to run here. An
    option beats the setting: --workers N runs locally even if the setting names a
    scheduler."""
    if scheduler or workers:
        chosen = cluster.Cluster(scheduler, workers)
    else:
        chosen = cluster.Cluster(context().settings.dask_scheduler, named_by=cluster.SETTING)
    with cluster.connect(chosen) as client:
        yield client
