"""Where a JSON text breaks, said as a person looks for it: the record, its field, the line.

The streaming parser only says what it expected, with a snippet and a caret under a
character position; the standard library says a line and column. Neither names the
record or the field a person would open the file at. ``locate`` reads the text again (on
the error path only, streamed, so memory stays flat) and notes, as it goes, which record
and which of its fields it is in when the text breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ipsentry.errors import Problem

_OPEN = {"start_map", "start_array"}
_STARTS = {*_OPEN, "string", "number", "boolean", "null"}
_CHUNK = 1 << 16
_PLAIN = {"premature EOF": "the text ends inside a value (a bracket, brace or quote is open)"}


@dataclass(frozen=True)
class Break:
    line: int
    # the record the break is in (records of a list numbered from 1; a lone object is 1),
    # None when it is outside every record, as after the list's closing bracket
    record: int | None
    field: str | None  # the record's field being read, when the break is inside one
    records_before: int  # records read whole before the break
    message: str

    def where(self) -> str:
        """'on line 7' or 'on line 9, after record 3', for a message that names the file."""
        outside = self.record is None and self.records_before
        return f"on line {self.line}" + (f", after record {self.records_before}" if outside else "")


class _Walk:
    """Which record, and which field of it, the parser's events have reached."""

    def __init__(self) -> None:
        self.items: str | None = None  # the prefix of the records' events; None: a lone object
        self.started = False
        self.record = 0
        self.inside = False
        self.field: str | None = None

    def see(self, prefix: str, event: str, value: Any) -> None:
        if not self.started:
            self.started = True
            self.items = "item" if event == "start_array" else None
        if self.items is None and prefix == "rights" and event == "start_array":
            self.items, self.record = "rights.item", 0  # {"rights": [...]}, as exports write
        elif self.items is None and prefix == "":
            self._record_event(event, value, fresh=self.record == 0)
        elif prefix == self.items:
            self._record_event(event, value, fresh=event in _STARTS)

    def _record_event(self, event: str, value: Any, *, fresh: bool) -> None:
        if fresh:
            self.record += 1
            self.field = None
        if event == "map_key":  # a blank key names no field a person could look for
            self.field = str(value).strip() or None
        self.inside = event in _OPEN or (self.inside and event == "map_key")

    def at(self, line: int, message: str) -> Break:
        if self.inside:
            return Break(line, self.record, self.field, self.record - 1, message)
        return Break(line, None, None, self.record, message)


def _pieces(chunks: Iterable[bytes]) -> Iterable[tuple[int, bytes]]:
    """The text in pieces that end at line ends (or are a chunk long), with their line."""
    line = 1
    for chunk in chunks:
        for piece in chunk.splitlines(keepends=True):
            yield line, piece
            line += piece.endswith(b"\n")


def complaint(error: Exception) -> str:
    """The parser's complaint without its snippet, caret or character offset."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else "cannot be read"
    first = re.sub(r"^(parse|lexical) error: ", "", first)
    first = re.sub(r" at \d+$", "", first).rstrip(".")
    return _PLAIN.get(first, first)


def locate(chunks: Iterable[bytes]) -> Break | None:
    """Where the JSON text in ``chunks`` breaks, or None if it is whole."""
    import ijson

    events = ijson.sendable_list()
    parser = ijson.parse_coro(events)
    walk = _Walk()
    line = 1
    try:
        for at, piece in _pieces(chunks):
            line = at
            try:
                parser.send(piece)
            finally:
                for event in events:
                    walk.see(*event)
                del events[:]
        parser.close()
    except ijson.JSONError as error:
        return walk.at(line, complaint(error))
    return None


def json_problem(
    source: str,
    chunks: Iterable[bytes],
    said: str,
    row: int | None = None,
    *,
    by_line: bool = False,
) -> Problem:
    """The break of the JSON text in ``chunks`` as a problem naming its record and field.

    A file of records is told by record, with the line; ``row`` is the row of a text that is
    one record of its file (a JSON Lines line); ``by_line``, a file that is one record, is
    told by line. ``said`` is the parser's own complaint, kept if the break is not found.
    """
    found = locate(chunks)
    if found is None:
        return Problem(source, row, "(json)", f"not valid JSON: {said}")
    if by_line:
        row = found.line
    where = f" {found.where()}" if row is None else ""
    at = found.record if row is None else row
    return Problem(source, at, found.field or "(json)", f"not valid JSON{where}: {found.message}")


def file_chunks(read: Any) -> Iterable[bytes]:
    """A binary reader's text in chunks, so a one-line file is not read whole."""
    while chunk := read(_CHUNK):
        yield chunk
