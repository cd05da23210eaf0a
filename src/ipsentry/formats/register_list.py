"""A register file: one name per line, optionally 'name<TAB>publication date<TAB>office'.

Read whole and checked line by line: every bad line is reported, nothing is half-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ipsentry.domain.common import normalise_jurisdiction
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import text_lines


@dataclass(frozen=True)
class RegisterEntry:
    name: str
    published: date | None = None
    office: str = ""


def read_register(path: Path) -> list[RegisterEntry]:
    """The entries of a register file, or InvalidInput naming every bad line."""
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
