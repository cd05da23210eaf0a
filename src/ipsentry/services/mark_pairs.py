"""Score pairs of marks from a file: mark similarity and likelihood of confusion, explained.

File in, file out, no database: this is the batch form used for evaluation against real
decisions and for a lawyer's list of conflicts to check. Every bad row is reported with
its file, row and field, and nothing is written unless every row is good.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import atomic_text
from ipsentry.formats.tabular import read_rows
from ipsentry.matching.marks.confusion import Assessment, Mark, Use, assess
from ipsentry.matching.marks.goods import Goods

REQUIRED = ("left", "right")
OUTPUT_COLUMNS = ("similarity", "score", "verdict", "explanation")


def parse_classes(
    value: Any, source: str, row: int, field: str, problems: list[Problem]
) -> frozenset[int]:
    """'9; 34' -> {9, 34}; anything that is not a Nice class number is a problem."""
    text = str(value or "").strip()
    if not text:
        return frozenset()
    classes: set[int] = set()
    for part in text.replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 45:
            problems.append(Problem(source, row, field, f"'{part}' is not a Nice class (1 to 45)"))
            continue
        classes.add(int(part))
    return frozenset(classes)


@dataclass(frozen=True)
class ScoredPair:
    row: dict[str, Any]
    assessment: Assessment

    def record(self) -> dict[str, Any]:
        a = self.assessment
        return {
            **self.row,
            "similarity": f"{a.similarity.score:.4f}",
            "score": f"{a.score:.4f}",
            "verdict": a.verdict,
            "explanation": a.explain(),
        }


def _pair(
    source: str, number: int, row: dict[str, Any], problems: list[Problem]
) -> tuple[Mark, Use] | None:
    found = len(problems)
    for field in REQUIRED:
        if not str(row.get(field) or "").strip():
            problems.append(
                Problem(source, number, field, "is empty; a mark is needed on both sides")
            )
    left_classes = parse_classes(row.get("left_classes"), source, number, "left_classes", problems)
    right_classes = parse_classes(
        row.get("right_classes"), source, number, "right_classes", problems
    )
    if len(problems) > found:
        return None
    mark = Mark(
        str(row["left"]),
        Goods(classes=left_classes, text=str(row.get("left_goods") or "")),
    )
    use = Use(
        str(row["right"]), Goods(classes=right_classes, text=str(row.get("right_goods") or ""))
    )
    return mark, use


def score_pairs(path: Path, progress: Callable[[int, int], None] | None = None) -> list[ScoredPair]:
    """Read and check every row first, then score; raise InvalidInput listing all bad rows."""
    source = str(path)
    rows = list(read_rows(path))
    problems: list[Problem] = []
    if rows:
        missing = [c for c in REQUIRED if c not in rows[0][1]]
        if missing:
            raise InvalidInput(
                [Problem(source, 1, c, "column missing (needed: left, right)") for c in missing]
            )
    pairs = [(row, _pair(source, number, row, problems)) for number, row in rows]
    if problems:
        raise InvalidInput(problems)
    scored = []
    for done, (row, pair) in enumerate(pairs, start=1):
        assert pair is not None  # every row was checked above
        scored.append(ScoredPair(row, assess(*pair)))
        if progress:
            progress(done, len(pairs))
    return scored


def write_scored(path: Path, scored: list[ScoredPair]) -> None:
    records = [s.record() for s in scored]
    columns = list(dict.fromkeys(k for r in records for k in r)) or [*REQUIRED, *OUTPUT_COLUMNS]
    with atomic_text(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(records)
