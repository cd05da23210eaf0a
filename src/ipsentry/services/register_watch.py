"""Clearance and watch against a register of names: build an index, search it, date the hits.

A register file is one name per line; a line may add, after tabs, the publication date
(ISO) and the office, and then every hit on that name carries the last day to oppose it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ipsentry.domain.deadlines import Deadline
from ipsentry.domain.deadlines.rules import opposition_window
from ipsentry.domain.rights import LegalStatus, Trademark
from ipsentry.formats.files import atomic_folder, invalid
from ipsentry.formats.register_index import META, read_dated, read_index, write_index
from ipsentry.formats.register_list import RegisterEntry
from ipsentry.matching.marks.register import RegisterIndex, Result, build
from ipsentry.services.deadline_views import state_of

INDEX = "(index)"


def build_register(
    entries: list[RegisterEntry],
    out: Path,
    *,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> dict[str, float | int]:
    """Build the index beside ``out`` and move it into place only once it is complete."""
    unique = list({e.name.strip(): e for e in reversed(entries)}.values())[::-1]
    with atomic_folder(out, META) as building:
        data = build([e.name for e in unique], workers=workers, progress=progress)
        rows = {name: row for row, name in enumerate(data.names)}
        dated = {
            rows[e.name.strip()]: (e.published.isoformat(), e.office)
            for e in unique
            if e.published is not None and e.name.strip() in rows
        }
        write_index(data, building, dated)
    return data.stats()


@dataclass(frozen=True)
class WatchHit:
    result: Result
    window: Deadline | None  # the opposition window, when the register dates the name

    @property
    def deadline(self) -> date | None:
        return self.window.due if self.window else None

    @property
    def deadline_rule(self) -> str:
        return self.window.derivation if self.window else ""

    @property
    def name(self) -> str:
        return self.result.name

    @property
    def score(self) -> float:
        return self.result.score

    @property
    def similarity(self) -> float:
        return self.result.similarity

    @property
    def why(self) -> str:
        return self.result.explanation

    def as_json(self, today: date | None = None) -> dict[str, object]:
        record = self.result.as_json()
        if self.window:
            record["opposition_deadline"] = self.window.due.isoformat()
            record["opposition_rule"] = self.deadline_rule
            if today is not None:
                record["opposition_state"] = state_of(self.window, today).value
        return record


class Register:
    """A searchable register whose dated names carry their opposition window."""

    def __init__(self, index: RegisterIndex, dated: dict[int, tuple[str, str]]) -> None:
        self.index = index
        self.dated = dated
        self.rows = {name: row for row, name in enumerate(index.names)} if dated else {}

    def search(
        self, query: str, *, top: int = 10, score_cutoff: float | None = None
    ) -> list[WatchHit]:
        return [
            self._dated(r) for r in self.index.search(query, top=top, score_cutoff=score_cutoff)
        ]

    def _dated(self, result: Result) -> WatchHit:
        row = self.rows.get(result.name)
        entry = self.dated.get(row) if row is not None else None
        if not entry or not entry[1]:
            return WatchHit(result, None)
        mark = Trademark(jurisdiction=entry[1], title=result.name, status=LegalStatus.PUBLISHED)
        return WatchHit(result, opposition_window(mark, date.fromisoformat(entry[0])))


def open_register(folder: Path) -> Register:
    """A register index, or a problem naming the folder if it is not one, or is damaged."""
    if not (folder / META).exists():
        raise invalid(
            folder, "not a register index; make one with 'ipsentry register build'", None, INDEX
        )
    try:
        return Register(RegisterIndex(read_index(folder)), read_dated(folder))
    except (OSError, ValueError, KeyError, TypeError, EOFError, IndexError) as error:
        raise invalid(
            folder,
            f"a damaged or different index ({error}); rebuild it with 'ipsentry register build'",
            None,
            INDEX,
        ) from None


def opened_register(folder: Path) -> Register:
    """The register in ``folder``, opened once per process and again when it is rebuilt
    (its meta file changes): a server's searches, and each Dask worker's partitions."""
    try:
        stamp = (folder / META).stat().st_mtime
    except OSError:
        stamp = 0.0
    return _opened(folder, stamp)


@lru_cache(maxsize=4)
def _opened(folder: Path, stamp: float) -> Register:
    return open_register(folder)
