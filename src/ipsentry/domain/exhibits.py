"""Exhibits numbered for filing: each page of a binder carries a Bates number.

Bates numbering stamps every page with a fixed prefix and a number padded to a fixed
width (``ACME-000041``), running on without gaps across the exhibits of a production, so
any page can be cited and a missing page noticed. The numbers are assigned here from the
pages each exhibit takes; the report lays the pages out and stamps them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ipsentry.errors import InvalidInput, Problem

_PREFIX = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,19}$")


@dataclass(frozen=True)
class BatesRange:
    """The pages one exhibit takes, first and last Bates number (inclusive)."""

    first: int
    last: int

    @property
    def pages(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Bates:
    """A numbering scheme: prefix, first number, digits."""

    prefix: str = "EX"
    start: int = 1
    width: int = 6

    def __post_init__(self) -> None:
        problems = []
        if not _PREFIX.match(self.prefix):
            problems.append(
                Problem(
                    "command line",
                    None,
                    "--prefix",
                    f"{self.prefix!r}: use capitals, digits, - or _ (up to 20)",
                )
            )
        if self.start < 1:
            problems.append(
                Problem("command line", None, "--start", "Bates numbers start at 1 or later")
            )
        if not 3 <= self.width <= 10:
            problems.append(Problem("command line", None, "--width", "use 3 to 10 digits"))
        if problems:
            raise InvalidInput(problems)

    def label(self, number: int) -> str:
        return f"{self.prefix}-{number:0{self.width}d}"

    def ranges(self, page_counts: Sequence[int]) -> list[BatesRange]:
        """Consecutive ranges for exhibits of these page counts, from ``start`` on."""
        ranges, next_number = [], self.start
        for count in page_counts:
            if count < 1:
                raise ValueError("an exhibit takes at least one page")
            ranges.append(BatesRange(next_number, next_number + count - 1))
            next_number += count
        if next_number - 1 >= 10**self.width:
            raise InvalidInput(
                [
                    Problem(
                        "command line",
                        None,
                        "--width",
                        f"{next_number - 1} pages need more than {self.width} digits",
                    )
                ]
            )
        return ranges

    def span(self, pages: BatesRange) -> str:
        first, last = self.label(pages.first), self.label(pages.last)
        return first if pages.first == pages.last else f"{first} – {last}"
