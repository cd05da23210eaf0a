"""Clearance and watch against a register of names: build an index, search it, date the hits.

A register file is one name per line; a line may add, after tabs, the publication date
(ISO) and the office, and then every hit on that name carries the last day to oppose it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ipsentry.domain.common import normalise_jurisdiction
from ipsentry.domain.deadlines.rules import opposition_window
from ipsentry.domain.rights import LegalStatus, Trademark
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.matching.marks.register import RegisterIndex, Result, build

PUBLISHED = "published.json"


@dataclass(frozen=True)
class RegisterEntry:
    name: str
    published: date | None = None
    office: str = ""


def read_register(path: Path) -> list[RegisterEntry]:
    """Read a register file; every bad line is reported, nothing is half-read."""
    if not path.exists():
        raise NotFound(f"{path}: no such file")
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    entries: list[RegisterEntry] = []
    problems: list[Problem] = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            name = fields[0].strip()
            if not name:
                continue
            published = None
            if len(fields) > 1 and fields[1].strip():
                try:
                    published = date.fromisoformat(fields[1].strip())
                except ValueError:
                    problems.append(
                        Problem(
                            str(path),
                            number,
                            "publication_date",
                            f"'{fields[1].strip()}' is not a date (YYYY-MM-DD)",
                        )
                    )
            office = ""
            if len(fields) > 2 and fields[2].strip():
                try:
                    office = normalise_jurisdiction(fields[2])
                except ValueError as error:
                    problems.append(Problem(str(path), number, "office", str(error)))
            entries.append(RegisterEntry(name, published, office))
    if problems:
        raise InvalidInput(problems)
    return entries


def build_register(
    entries: list[RegisterEntry],
    out: Path,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> dict[str, float | int]:
    unique = list({e.name: e for e in reversed(entries)}.values())[::-1]
    stats = build([e.name for e in unique], out, workers=workers, progress=progress)
    dated = {
        str(row): [e.published.isoformat(), e.office]
        for row, e in enumerate(unique)
        if e.published is not None
    }
    (out / PUBLISHED).write_text(json.dumps(dated), "utf-8")
    return stats


@dataclass(frozen=True)
class WatchHit:
    result: Result
    deadline: date | None
    deadline_rule: str

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

    @property
    def deadline_text(self) -> str:
        return self.deadline.isoformat() if self.deadline else ""

    def as_json(self) -> dict[str, object]:
        record = self.result.as_json()
        if self.deadline:
            record["opposition_deadline"] = self.deadline.isoformat()
            record["opposition_rule"] = self.deadline_rule
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
            return WatchHit(result, None, "")
        mark = Trademark(jurisdiction=entry[1], title=result.name, status=LegalStatus.PUBLISHED)
        window = opposition_window(mark, date.fromisoformat(entry[0]))
        if window is None:
            return WatchHit(result, None, "")
        return WatchHit(result, window.due, window.derivation)


def open_register(folder: Path) -> Register:
    if not (folder / "meta.json").exists():
        raise NotFound(f"{folder}: not a register index; make one with 'ipsentry register build'")
    return Register(folder)
