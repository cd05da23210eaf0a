"""Inputs several commands share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import text_lines


def read_queries(queries: list[str] | None, queries_file: Path | None) -> Iterator[str]:
    """Queries from the command line, then from a file (one per line, .gz read too).

    An empty query on the command line is refused (it would rank everything); blank lines
    of a file are skipped, but a file with no query at all is refused.
    """
    for query in queries or []:
        if not query.strip():
            raise InvalidInput([Problem("command line", None, "QUERY", "is empty")])
        yield query.strip()
    if queries_file is not None:
        found = False
        for _, line in text_lines(queries_file):
            if line.strip():
                found = True
                yield line.strip()
        if not found:
            raise InvalidInput([Problem(str(queries_file), None, "(file)", "has no queries")])
