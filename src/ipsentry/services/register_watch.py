"""Clearance and watch against a register of names: build an index, search it, date the hits.

A register file is one name per line; a line may add, after tabs, the publication date
(ISO) and the office, and then every hit on that name carries the last day to oppose it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ipsentry.domain.common import normalise_jurisdiction
from ipsentry.domain.deadlines import Deadline
from ipsentry.domain.deadlines.rules import opposition_window
from ipsentry.domain.rights import LegalStatus, Trademark
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import atomic_folder, invalid, text_lines
from ipsentry.matching.marks.register import RegisterIndex, Result, build
from ipsentry.services.deadline_views import state_of

PUBLISHED = "published.json"
MARKER = "meta.json"
INDEX = "(index)"


@dataclass(frozen=True)
class RegisterEntry:
    name: str
    published: date | None = None
    office: str = ""


def read_register(path: Path) -> list[RegisterEntry]:
    """Read a register file; every bad line is reported, nothing is half-read."""
    entries: list[RegisterEntry] = []
    problems: list[Problem] = []
    for number, line in text_lines(path):
        fields = line.rstrip("\r\n").split("\t")
        name = fields[0].strip()
        if not name:
            continue
        published = None
        if len(fields) > 1 and fields[1].strip():
            try:
                published = date.fromisoformat(fields[1].strip())
            except ValueError:
                message = f"'{fields[1].strip()}' is not a date (YYYY-MM-DD)"
                problems.append(Problem(str(path), number, "publication_date", message))
        office = ""
        if len(fields) > 2 and fields[2].strip():
            try:
                office = normalise_jurisdiction(fields[2])
            except ValueError as error:
                problems.append(Problem(str(path), number, "office", str(error)))
        entries.append(RegisterEntry(name, published, office))
    if problems:
        raise InvalidInput(problems)
    if not entries:
        raise InvalidInput([Problem(str(path), None, "(file)", "has no names")])
    return entries


def build_register(
    entries: list[RegisterEntry],
    out: Path,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> dict[str, float | int]:
    """Build the index beside ``out`` and move it into place only once it is complete."""
    unique = list({e.name: e for e in reversed(entries)}.values())[::-1]
    with atomic_folder(out, MARKER) as building:
        stats = build([e.name for e in unique], building, workers=workers, progress=progress)
        dated = {
            str(row): [e.published.isoformat(), e.office]
            for row, e in enumerate(unique)
            if e.published is not None
        }
        (building / PUBLISHED).write_text(json.dumps(dated), "utf-8")
    return stats


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
        return self.result.as_json()["explanation"]  # type: ignore[return-value]

    def as_json(self, today: date | None = None) -> dict[str, object]:
        record = self.result.as_json()
        if self.window:
            record["opposition_deadline"] = self.window.due.isoformat()
            record["opposition_rule"] = self.deadline_rule
            if today is not None:
                record["opposition_state"] = state_of(self.window, today).value
        return record


class Register:
    def __init__(self, folder: Path) -> None:
        self.index = RegisterIndex(folder)
        published = folder / PUBLISHED
        self.published: dict[str, list[str]] = (
            json.loads(published.read_text("utf-8")) if published.exists() else {}
        )
        self.rows = (
            {name: row for row, name in enumerate(self.index.names)} if self.published else {}
        )

    def search(self, query: str, top: int = 10) -> list[WatchHit]:
        return [self._dated(r) for r in self.index.search(query, top)]

    def _dated(self, result: Result) -> WatchHit:
        row = self.rows.get(result.name)
        entry = self.published.get(str(row)) if row is not None else None
        if not entry or not entry[1]:
            return WatchHit(result, None)
        mark = Trademark(jurisdiction=entry[1], title=result.name, status=LegalStatus.PUBLISHED)
        return WatchHit(result, opposition_window(mark, date.fromisoformat(entry[0])))


def open_register(folder: Path) -> Register:
    """A register index, or a problem naming the folder if it is not one, or is damaged."""
    if not (folder / MARKER).exists():
        raise invalid(
            folder, "not a register index; make one with 'ipsentry register build'", None, INDEX
        )
    try:
        return Register(folder)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise invalid(
            folder,
            f"a damaged or different index ({error}); rebuild it with 'ipsentry register build'",
            None,
            INDEX,
        ) from None
