"""One progress bar style for every long command (on stderr, so --json output stays clean).

The bar appears at once, before the first row is read, and counts items or, for a file
being read, bytes (so the share done and the time left are right from the first second).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ipsentry.cli.output import errors


class Bar:
    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int) -> None:
        self._progress.advance(self._task, amount)

    def update(self, done: int, total: int | None = None) -> None:
        self._progress.update(self._task, completed=done, total=total)


@contextmanager
def progress_bar(
    label: str, total: int | None = None, unit: Literal["items", "bytes"] = "items"
) -> Iterator[Bar]:
    count: ProgressColumn = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    with Progress(
        TextColumn(label),
        BarColumn(),
        count,
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=True,
        disable=not errors.is_terminal,  # a log or a pipe gets the result, not bar frames
    ) as progress:
        yield Bar(progress, progress.add_task(label, total=total))
