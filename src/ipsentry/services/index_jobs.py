"""Rebuilding the installation's search indexes from the web: an uploaded register list or
patent corpus, checked at once, then built as a job into the folder the installation
serves (``IPSENTRY_REGISTER_INDEX``, ``IPSENTRY_PATENT_INDEX``).

An index is the installation's, not one organisation's (every user's register and patent
search reads it), so only admins may rebuild one, and it is written beside the old one and
moved into place whole: searches keep the old index until the new one is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.jobs import Job, JobKind
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import check_output_folder
from ipsentry.formats.register_index import META as REGISTER_MARKER
from ipsentry.formats.register_list import read_register
from ipsentry.services import jobs, patent_search, register_watch, uploads
from ipsentry.services.access import Actor
from ipsentry.services.database import UnitOfWork, unit_of_work
from ipsentry.services.jobs import Progress, Runner
from ipsentry.settings import Settings
from ipsentry.wording import N_

MEGABYTES = 200


def _folder(folder: Path | None, setting: str, marker: str) -> Path:
    if folder is None:
        said = N_("this installation serves no such index: set %(setting)s", setting=setting)
        raise InvalidInput([Problem("settings", None, setting, said)])
    check_output_folder(folder, marker)
    return folder


def _build_register(entries: Sequence[Any], out: Path) -> int:
    register_watch.build_register(list(entries), out, workers=1)
    return len(entries)


def _build_patents(records: Sequence[Any], out: Path) -> int:
    return int(patent_search.build_index(records, out, dense=False)["documents"])


@dataclass(frozen=True)
class IndexKind:
    """What one index is built from and into."""

    setting: str  # the setting naming the folder the installation serves it from
    marker: str  # the file that says a folder holds such an index
    formats: tuple[str, ...]
    read: Callable[[Path], Sequence[Any]]  # the file's records, or InvalidInput
    build: Callable[[Sequence[Any], Path], int]  # records into the folder; how many
    served: Callable[[Settings], Path | None]  # the folder this installation serves it from


INDEXES = {
    JobKind.REGISTER_INDEX: IndexKind(
        "IPSENTRY_REGISTER_INDEX",
        REGISTER_MARKER,
        (".txt",),
        read_register,
        _build_register,
        lambda settings: settings.register_index,
    ),
    JobKind.PATENT_INDEX: IndexKind(
        "IPSENTRY_PATENT_INDEX",
        patent_search.MARKER,
        (".jsonl", ".json", ".csv"),
        patent_search.read_corpus,
        _build_patents,
        lambda settings: settings.patent_index,
    ),
}


def start(
    settings: Settings,
    actor: Actor,
    runner: Runner,
    kind: JobKind,
    name: str,
    data: bytes,
) -> Job:
    """Check the uploaded file now; rebuild the ``kind`` index into the folder the
    installation serves it from as a job (the patent index lexical: 'ipsentry patents
    index' builds the hybrid one)."""
    actor.require(Permission.MANAGE_INDEXES, N_("rebuild the search indexes"))
    index = INDEXES[kind]
    out = _folder(index.served(settings), index.setting, index.marker)
    url = settings.database_url
    path = uploads.saved(name, data, index.formats, MEGABYTES)
    records = uploads.checked(name, path, index.read)
    path.unlink()

    def work(progress: Progress) -> dict[str, Any]:
        indexed = index.build(records, out)
        progress(len(records), len(records))
        return {"indexed": indexed}

    count = len(records)
    job = jobs.create(
        unit_of_work(url), actor, kind, {"file": name, "records": count}, f"{name}: {count}"
    )
    assert job.id is not None
    runner.submit(url, job.id, work)
    return job


def recent(uow: UnitOfWork, actor: Actor) -> list[Job]:
    """The organisation's latest index jobs, for the page that starts them (admins only)."""
    actor.require(Permission.MANAGE_INDEXES, N_("rebuild the search indexes"))
    return [j for j in jobs.recent(uow, actor) if j.kind in INDEXES]


def served(settings: Settings, actor: Actor) -> dict[JobKind, Path | None]:
    """Each index's folder as this installation serves it (None: it serves none), for
    those who may rebuild them: a server's paths are not every user's to know."""
    actor.require(Permission.MANAGE_INDEXES, N_("rebuild the search indexes"))
    return {kind: index.served(settings) for kind, index in INDEXES.items()}
