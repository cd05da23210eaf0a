"""Where bulk work runs: in this process, or partition by partition on a Dask cluster.

With neither a scheduler address (``--scheduler``, or ``IPSENTRY_DASK_SCHEDULER``) nor a
number of local workers (``--workers N``), work runs here, one partition after another,
exactly as it always has. With either, a Dask ``Client`` maps the same pure function over
the same partitions: what every task needs (a matcher, an index) is built once here and
shipped to each worker once (``scatter(broadcast=True)``), not rebuilt per task; a lost
worker's partitions are retried by Dask; results come back in partition order.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import atomic_text

if TYPE_CHECKING:
    from ipsentry.services.jobs import Runner, Work

Client = Any  # a distributed.Client: untyped, and imported only when a cluster is used

SETTING = "IPSENTRY_DASK_SCHEDULER"
IN_FLIGHT_PER_WORKER = 3  # partitions queued per worker: busy workers, bounded memory here
RETRIES = 2  # times a partition is tried again when its worker dies

S = TypeVar("S")
P = TypeVar("P")
R = TypeVar("R")
M = TypeVar("M")


OPTION = "--scheduler"


@dataclass(frozen=True)
class Cluster:
    """Which cluster the user asked for: an address, a number of local workers, or none.

    ``named_by`` is where the address came from (the ``--scheduler`` option or the
    setting), so a problem with it names what the user has to change.
    """

    scheduler: str | None = None
    workers: int | None = None
    named_by: str = OPTION

    def __post_init__(self) -> None:
        if self.scheduler and self.workers:
            message = "give --workers or --scheduler, not both"
            raise InvalidInput([Problem("command line", None, "--workers", message)])
        if self.workers is not None and self.workers < 1:
            raise InvalidInput([Problem("command line", None, "--workers", "must be 1 or more")])

    @property
    def wanted(self) -> bool:
        return bool(self.scheduler or self.workers)


@contextlib.contextmanager
def connect(cluster: Cluster) -> Iterator[Client | None]:
    """A client of the chosen cluster (a local one is started and stopped here), or None."""
    if not cluster.wanted:
        yield None
        return
    distributed = import_module("distributed")
    if cluster.scheduler:
        try:
            client = distributed.Client(cluster.scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as error:
            source = "command line" if cluster.named_by == OPTION else "environment"
            message = f"cannot reach the Dask scheduler at {cluster.scheduler}: {error}"
            raise InvalidInput([Problem(source, None, cluster.named_by, message)]) from None
        with client:
            _prepare(client)
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=cluster.workers,
            threads_per_worker=1,  # the engines are pure Python: one task per process
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as local,
        distributed.Client(local) as client,
    ):
        _prepare(client)
        yield client


def _prepare(client: Client) -> None:
    client.register_plugin(import_module("ipsentry.services.dask_worker").DomainMappers())


def map_partitions(
    client: Client | None,
    task: Callable[[P, S], R],
    partitions: Iterable[P],
    shared: S,
    done: Callable[[int, R], None],
    skip: Container[int] = (),
) -> None:
    """``done(i, task(partition_i, shared))`` for every partition, as each finishes; the
    partitions numbered in ``skip`` are read past, not run.

    Partitions are taken from ``partitions`` only as workers have room for them, so an
    input larger than memory streams through; ``done`` writes each result away (in
    partition order here, in the order they finish on a cluster).
    """
    source = ((i, p) for i, p in enumerate(partitions) if i not in skip)
    if client is None:
        for index, partition in source:
            done(index, task(partition, shared))
        return
    distributed = import_module("distributed")
    everywhere = client.scatter(shared, broadcast=True, hash=False)
    room = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
    index_of: dict[Any, int] = {}
    pending = distributed.as_completed()

    def submit_more() -> None:
        while pending.count() < room:
            item = next(source, None)
            if item is None:
                return
            index, partition = item
            future = client.submit(task, partition, everywhere, pure=False, retries=RETRIES)
            index_of[future.key] = index
            pending.add(future)

    submit_more()
    while pending.count():
        future = next(pending)
        done(index_of.pop(future.key), future.result())
        future.release()
        submit_more()


def chunks(items: Iterable[P], size: int) -> Iterator[list[P]]:
    """``items`` in lists of ``size`` (the last shorter), read lazily."""
    chunk: list[P] = []
    for one in items:
        chunk.append(one)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


PARTS = ".{}.parts"  # beside the output: the finished partitions of a run not yet joined
RUN = "run.json"  # in the parts folder: what the run was made from


def stamps(paths: Iterable[Path]) -> list[tuple[str, int, int]]:
    """Each file as a run's fingerprint records it: absolute path, size, modification time
    (a file changed since the run was interrupted makes its partitions stale)."""
    out = []
    for path in paths:
        stat = path.stat()
        out.append((str(path.absolute()), stat.st_size, stat.st_mtime_ns))
    return out


def write_partitions(
    client: Client | None,
    task: Callable[[P, S], tuple[M, str]],
    partitions: Iterable[P],
    shared: S,
    out: Path,
    counted: Callable[[M], None],
    made_from: dict[str, Any],
) -> list[M]:
    """Each partition's text (``task`` returns it with what ``counted`` is told) written
    to its own part file as it finishes, then the parts joined in input order into ``out``.

    ``out`` appears whole or not at all. The parts live in a folder beside it until then,
    so a run that does not finish (killed, interrupted, a task failed for good) is resumed
    by the same command: the partitions it finished are kept and not run again, if the
    run is made from the same things (``made_from``: the input files' ``stamps`` and the
    options); otherwise they are discarded. A worker lost mid-run costs only its
    partitions, which Dask runs again. Returns what ``counted`` was told of the kept ones.
    """
    parts = out.absolute().parent / PARTS.format(out.name)
    parts.mkdir(exist_ok=True)
    with _locked(parts, out):
        kept = _kept_parts(parts, json.dumps(made_from, sort_keys=True, default=str))
        done_before = []
        for index in sorted(kept):
            meta = _meta(kept[index])
            counted(meta)
            done_before.append(meta)

        def done(index: int, result: tuple[M, str]) -> None:
            meta, text = result
            final = parts / f"{index:07d}.part"
            partial = final.with_suffix(".tmp")
            with partial.open("w", encoding="utf-8") as handle:
                handle.write(json.dumps(meta) + "\n")  # the counts, read back on resuming
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            partial.replace(final)  # a part is whole or absent, however the run ends
            kept[index] = final
            counted(meta)

        map_partitions(client, task, partitions, shared, done, skip=set(kept))
        with atomic_text(out) as handle:
            for index in range(len(kept)):
                with kept[index].open(encoding="utf-8") as part:
                    part.readline()
                    shutil.copyfileobj(part, handle)
        shutil.rmtree(parts, ignore_errors=True)
    return done_before


def _kept_parts(parts: Path, fingerprint: str) -> dict[int, Path]:
    """The finished parts of an interrupted run made from the same things; what any other
    run left is removed and the folder marked as this run's."""
    run = parts / RUN
    try:
        same = run.read_text("utf-8") == fingerprint
    except OSError:
        same = False
    for left in parts.iterdir():
        if not same or left.suffix == ".tmp":  # a part being written when the run ended
            left.unlink()
    if not same:
        with atomic_text(run) as handle:
            handle.write(fingerprint)
        return {}
    return {int(part.stem): part for part in parts.glob("*.part")}


def _meta(part: Path) -> Any:
    """What a task told of its partition (a JSON list comes back as the tuple it was)."""
    with part.open(encoding="utf-8") as handle:
        meta = json.loads(handle.readline())
    return tuple(meta) if isinstance(meta, list) else meta


@contextlib.contextmanager
def _locked(parts: Path, out: Path) -> Iterator[None]:
    """One run at a time writes ``out``: a second one is refused, not mixed in."""
    folder = os.open(parts, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = "another run is writing this file now; wait for it to end"
            raise InvalidInput([Problem(str(out), None, "(file)", message)]) from None
        yield
    finally:
        os.close(folder)


class DaskRunner:
    """The job runner (``services.jobs.Runner``) on a Dask cluster: each job is one task.

    The task runs ``jobs.execute`` on a worker, which records the job's progress, result or
    error in the database itself (every worker must reach the database, and any file the
    job reads). What the worker cannot record — it died, or the task was cancelled — is
    read from the future when it ends, and the job is marked failed with the reason.
    """

    def __init__(self, scheduler: str | None = None, client: Client | None = None) -> None:
        self._scheduler = scheduler
        self._client = client
        self._futures: dict[int, Any] = {}

    def client(self) -> Client:
        if self._client is None:
            self._client = import_module("distributed").Client(self._scheduler, timeout="10s")
        return self._client

    def submit(self, url: str, job_id: int, work: Work) -> None:
        from ipsentry.services import jobs

        future = self.client().submit(
            jobs.execute, url, job_id, work, key=f"ipsentry-job-{job_id}", pure=False
        )
        self._futures[job_id] = future
        future.add_done_callback(lambda done: self._ended(url, job_id, done))

    @staticmethod
    def _ended(url: str, job_id: int, future: Any) -> None:
        from ipsentry.services import jobs

        if future.status == "finished":
            return  # execute recorded the outcome (done, or failed with the job's error)
        reason = "cancelled" if future.cancelled() else f"{type(future.exception()).__name__}"
        jobs.lost(url, job_id, f"the cluster lost the job ({reason}); start it again")

    def wait(self) -> None:
        """Until every submitted job has ended (tests, and a clean shutdown)."""
        import_module("distributed").wait(list(self._futures.values()))


def runner_for(scheduler: str | None) -> Runner:
    """The web app's job runner: on the cluster at ``scheduler``, else a worker thread."""
    from ipsentry.services.jobs import ThreadRunner

    return DaskRunner(scheduler) if scheduler else ThreadRunner()
