"""Inputs several commands share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import read_text, text_lines
from ipsentry.formats.json_breaks import json_problem


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


def read_json_texts(paths: list[Path]) -> list[str]:
    """The text of each JSON file, checked to be JSON, so a bad file is named with its line."""
    texts = []
    for path in paths:
        text = read_text(path)
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            chunks = [text.encode("utf-8")]
            raise InvalidInput([json_problem(str(path), chunks, error.msg, by_line=True)]) from None
        texts.append(text)
    return texts
