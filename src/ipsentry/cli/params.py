"""Parameter parsers every command shares, so a bad value is refused the same way everywhere.

Paths are checked when the command line is read, before any slow work starts: an input
must be a readable, non-empty file of a format the command reads; an output must be a
file name in a writable folder, with a suffix the command writes. A refusal names the
file and the option; ``cli.app`` prints it as ``file: --option: problem`` and exits 2.

Use them as ``typer.Option(parser=InputFile(".csv", ".xlsx"))``; the help then shows
FILE, FOLDER, DATE or SPAN for them (``cli.app`` sets the metavar from ``metavar``).
"""

from __future__ import annotations

import glob
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import typer

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import check_input, check_output, check_output_folder

TABULAR = (".csv", ".xlsx", ".json", ".jsonl")
TEXT = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", "")
LINES = (".txt", ".tsv", ".gz", "")
MAPPING = (".json", ".yaml", ".yml")  # a mapping of names to values: answers, a guide, an intake


class Refused(typer.BadParameter):
    """A value refused for a reason about ``source`` (a file, or the command line)."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(message)
        self.source = source


def option_name(param: Any) -> str:
    """How the user wrote the parameter: its longest option name, or the argument's NAME."""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return str(max(opts, key=len))
    return str(getattr(param, "name", None) or "value").upper()


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    return suffixes[-1] if suffixes else ""


class PathParser:
    """Turns the text of a path into a ``Path`` once ``check`` has accepted it."""

    metavar = "FILE"

    def __init__(self, *formats: str) -> None:
        self.formats = formats

    def __call__(self, value: Any) -> Path:
        path = value if isinstance(value, Path) else Path(str(value))
        try:
            self.check(path)
        except InvalidInput as error:
            raise Refused(str(path), error.problems[0].message) from None
        return path

    def check(self, path: Path) -> None:
        raise NotImplementedError

    def check_format(self, path: Path) -> None:
        if not self.formats or path.suffix.lower() in self.formats or _suffix(path) in self.formats:
            return
        shown = ", ".join(f or "no suffix" for f in self.formats)
        raise Refused(str(path), f"unknown format {path.suffix or '(no suffix)'!r}; use {shown}")


class InputFile(PathParser):
    """An existing, readable, non-empty file; with ``formats``, one of those suffixes."""

    def check(self, path: Path) -> None:
        check_input(path)
        self.check_format(path)


def input_files(pattern: str, formats: tuple[str, ...]) -> list[Path]:
    """The files a path or a glob (``listings/*.parquet``, ``crawl/**/*.jsonl``) names, in
    name order, each checked as an ``InputFile``; a glob that matches nothing is refused.

    Read in the command's body, not by the option's parser, so a refusal is InvalidInput
    naming each bad file and --input, not click's 'Invalid value' usage error.
    """
    if not any(c in pattern for c in "*?["):
        paths = [Path(pattern)]
    else:
        found = glob.glob(pattern, recursive=True)  # noqa: PTH207 (Path.glob: no absolute pattern)
        paths = sorted(Path(p) for p in found if Path(p).is_file())
        if not paths:
            raise InvalidInput(
                [Problem("command line", None, "--input", f"no file matches {pattern!r}")]
            )
    parser, problems = InputFile(*formats), []
    for path in paths:
        try:
            parser(path)
        except Refused as error:
            problems.append(Problem(error.source, None, "--input", error.message))
    if problems:
        raise InvalidInput(problems)
    return paths


class BinaryFile(PathParser):
    """An existing, readable, non-empty file of any bytes (evidence: photos, archives)."""

    def check(self, path: Path) -> None:
        check_input(path)
        self.check_format(path)


class OutputFile(PathParser):
    """A file to write, in an existing writable folder; with ``formats``, one of those."""

    def check(self, path: Path) -> None:
        self.check_format(path)
        check_output(path)


class IndexFolder(PathParser):
    """A folder an index was built into (its contents are checked when it is opened)."""

    metavar = "FOLDER"

    def check(self, path: Path) -> None:
        if not path.exists():
            raise Refused(str(path), "no such folder")
        if not path.is_dir():
            raise Refused(str(path), "is a file; give the folder the index was built into")


class OutputFolder(PathParser):
    """A folder to build an index into: new, or an index of the same kind to replace."""

    metavar = "FOLDER"

    def __init__(self, marker: str = "meta.json") -> None:
        super().__init__()
        self.marker = marker

    def check(self, path: Path) -> None:
        check_output_folder(path, self.marker)


class DateParser:
    """A calendar date written YYYY-MM-DD."""

    metavar = "DATE"

    def __call__(self, value: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise Refused("command line", f"{value!r} is not a date (YYYY-MM-DD)") from None


class TextParser:
    """A text of at most ``limit`` characters: the limit the API and the web hold it to."""

    metavar = "TEXT"

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: Any) -> str:
        text = str(value)
        if len(text) > self.limit:
            raise Refused("command line", f"at most {self.limit} characters; this is {len(text)}")
        return text


class MomentParser:
    """A moment with its zone, ISO 8601 (2025-03-04T09:30:00Z or ...+08:00), kept in UTC."""

    metavar = "MOMENT"

    def __call__(self, value: Any) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise Refused(
                "command line", f"{value!r} is not a moment (YYYY-MM-DDTHH:MM:SSZ)"
            ) from None
        if moment.tzinfo is None:
            raise Refused("command line", f"{value!r} has no time zone; end it with Z for UTC")
        return moment.astimezone(UTC)


_SPAN = re.compile(r"^(\d+)\s*([dwmy])$")
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


class SpanParser:
    """A period such as 90d, 12w, 6m or 1y."""

    metavar = "SPAN"

    def __call__(self, value: Any) -> timedelta:
        if isinstance(value, timedelta):
            return value
        match = _SPAN.match(str(value).strip().lower())
        if not match:
            raise Refused("command line", f"{value!r}: use e.g. 90d, 12w, 6m, 1y")
        return timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])


def parser_of(param: Any) -> Any:
    """The ipsentry parser behind a Typer parameter, if any."""
    info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
    return getattr(info, "parser", None)
