"""Reading input files and writing output files safely, with problems a person can act on.

Every reader in ipsentry opens its file through here, so a missing file, a folder, an
empty file, text that is not UTF-8 or a compressed file that is not really compressed is
reported the same way everywhere: ``file:row: field: problem``. Outputs are written to a
temporary file (or folder) beside the target and moved into place only when complete, so
a failed run leaves nothing half-written behind.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from ipsentry.errors import InvalidInput, Problem
from ipsentry.wording import N_

FILE = "(file)"
Progress = Callable[[int, int], None]


def problem(path: Path | str, message: str, row: int | None = None, field: str = FILE) -> Problem:
    return Problem(str(path), row, field, message)


def invalid(
    path: Path | str, message: str, row: int | None = None, field: str = FILE
) -> InvalidInput:
    return InvalidInput([problem(path, message, row, field)])


def check_input(path: Path) -> None:
    """An existing, readable, non-empty regular file, or InvalidInput saying which it is not."""
    if not path.exists():
        raise invalid(path, N_("no such file"))
    if path.is_dir():
        raise invalid(path, N_("is a folder; give a file"))
    if not os.access(path, os.R_OK):
        raise invalid(path, N_("cannot be read (permission denied)"))
    if path.stat().st_size == 0:
        raise invalid(path, N_("is empty"))


def check_output(path: Path) -> None:
    """A file that can be written: its folder exists and is writable, and it is no folder."""
    if path.is_dir():
        raise invalid(path, "is a folder; give a file name")
    _check_parent(path)
    if path.exists() and not os.access(path, os.W_OK):
        raise invalid(path, "cannot be written (permission denied)")


def check_output_folder(path: Path, marker: str) -> None:
    """A folder to (re)write an index into: new, or an index already (it has ``marker``)."""
    if path.exists() and not path.is_dir():
        raise invalid(path, "is a file; give a folder name for the index")
    if path.is_dir() and any(path.iterdir()) and not (path / marker).exists():
        raise invalid(path, "is a folder with other files in it; give a new folder")
    _check_parent(path)


def _check_parent(path: Path) -> None:
    parent = path.absolute().parent
    if not parent.is_dir():
        raise invalid(path, f"folder {parent} does not exist")
    try:  # a real write: permission bits say nothing for root, or on a read-only mount
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as error:
        raise invalid(path, f"folder {parent} cannot be written ({error.strerror})") from None


class CountingReader:
    """Binary lines of a file (.gz decompressed), with how far through the file we are."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        self._raw = path.open("rb")
        self._stream: IO[bytes] | gzip.GzipFile = self._raw
        if path.suffix.lower() == ".gz":
            self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb")

    @property
    def position(self) -> int:
        return self._raw.tell()

    def read(self, size: int = -1) -> bytes:
        return self._guard(lambda: self._stream.read(size))

    def readline(self) -> bytes:
        return self._guard(self._stream.readline)

    def _guard(self, read: Callable[[], bytes]) -> bytes:
        try:
            return read()
        except (gzip.BadGzipFile, zlib.error, EOFError) as error:
            raise invalid(self.path, f"not a readable .gz file ({error})") from None

    def close(self) -> None:
        self._stream.close()
        self._raw.close()

    def __enter__(self) -> CountingReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def decode(path: Path, line: bytes, number: int) -> str:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise invalid(
            path,
            N_(
                "not UTF-8 text (byte %(byte)s at column %(column)s); save the file as UTF-8",
                byte=f"0x{line[error.start]:02x}",
                column=error.start + 1,
            ),
            row=number,
        ) from None
    return text.removeprefix("\ufeff") if number == 1 else text


def text_lines(path: Path, progress: Progress | None = None) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 text file (.gz read too), streamed; progress in bytes."""
    check_input(path)
    with CountingReader(path) as reader:
        number = 0
        while line := reader.readline():
            number += 1
            yield number, decode(path, line, number)
            if progress is not None:
                progress(reader.position, reader.size)
    if number == 0:
        raise invalid(path, N_("is empty"))


def read_text(path: Path) -> str:
    """A whole (small) UTF-8 text file, with the line of any bad byte named."""
    return "".join(line for _, line in text_lines(path))


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; it replaces ``path`` only if all went well."""
    check_output(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=path.suffix, dir=path.absolute().parent
    )
    os.close(handle)
    try:
        yield Path(temporary)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """Write UTF-8 text to ``path`` all at once or not at all."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as out:
        yield out


@contextlib.contextmanager
def atomic_folder(path: Path, marker: str) -> Iterator[Path]:
    """Build a folder beside ``path`` and swap it in only when complete."""
    check_output_folder(path, marker)
    building = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.absolute().parent))
    try:
        yield building
        if path.exists():
            old = building.with_name(building.name + ".old")
            path.replace(old)
            building.replace(path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            building.replace(path)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
