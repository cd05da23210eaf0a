"""What every Dask worker sets up before it runs ipsentry's tasks (imported only when a
cluster is used, since it needs ``distributed``)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin
from sqlalchemy.orm import configure_mappers

from ipsentry.store.mapping import start_mappers


class DomainMappers(WorkerPlugin):
    """Maps the domain classes on the worker as in the process that sends the work.

    Records read through the store (a portfolio's patents, say) are pickled with their
    mapping state; a worker that has not mapped the classes could not read them. Being a
    plugin, it also runs on a worker that joins or is restarted mid-run.
    """

    name = "ipsentry-domain-mappers"

    def setup(self, worker: Any) -> None:
        start_mappers()
        configure_mappers()  # attributes work before any session has been opened here
