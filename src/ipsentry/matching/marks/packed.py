"""Many short strings kept as one newline-separated text, read by position.

A register of a million names holds seven columns of short strings (the names and their
normalised forms). As Python lists they take seconds to build when an index is opened;
kept as one text each, with the line offsets found by NumPy, an index opens in a fraction
of a second and a search turns only its few hundred candidates into strings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray


def line_ends(data: bytes) -> NDArray[np.int64]:
    """The offset at which each line of `data` ends (its newline, or the end of the data)."""
    newlines = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    return np.concatenate((newlines, [len(data)])).astype(np.int64)


class PackedText(Sequence[str]):
    """The lines of a UTF-8 text (no trailing newline), as a read-only sequence."""

    def __init__(self, data: bytes, ends: NDArray[np.integer[Any]] | None = None) -> None:
        """`ends`: where each line ends (as `line_ends` finds them), when already known."""
        self._data = data
        self._text = data.decode("ascii") if data.isascii() else None  # str slices are cheaper
        self._ends = line_ends(data) if ends is None else ends
        self._starts = np.concatenate(([0], self._ends[:-1] + 1)) if len(self._ends) else self._ends

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return self.lines[index]
        start, end = int(self._starts[index]), int(self._ends[index])
        if self._text is not None:
            return self._text[start:end]
        return self._data[start:end].decode("utf-8")

    def take(self, rows: NDArray[np.int64]) -> list[str]:
        """The lines at `rows`, in that order."""
        starts, ends = self._starts[rows].tolist(), self._ends[rows].tolist()
        if self._text is not None:
            text = self._text
            return [text[a:b] for a, b in zip(starts, ends, strict=True)]
        data = self._data
        return [data[a:b].decode("utf-8") for a, b in zip(starts, ends, strict=True)]

    @cached_property
    def lines(self) -> list[str]:
        """Every line as a list (built once, for a scan of the whole column)."""
        return (self._text if self._text is not None else self._data.decode("utf-8")).split("\n")

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)
