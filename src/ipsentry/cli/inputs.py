"""Inputs several commands share."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from ipsentry.errors import NotFound


def read_queries(queries: list[str] | None, queries_file: Path | None) -> Iterator[str]:
    """Queries from the command line, then from a file (one per line, .gz read too)."""
    yield from queries or []
    if queries_file is not None:
        if not queries_file.exists():
            raise NotFound(f"{queries_file}: no such file")
        opener = gzip.open if queries_file.suffix == ".gz" else open
        with opener(queries_file, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield line.strip()
