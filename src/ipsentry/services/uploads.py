"""Files uploaded through the web or the API: kept in a temporary file while they are read,
refused at once (by format, by size, by content) with problems named by the uploaded name."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from ipsentry.errors import InvalidInput, Problem
from ipsentry.wording import N_

T = TypeVar("T")


def saved(name: str, data: bytes, formats: tuple[str, ...], megabytes: int) -> Path:
    """The upload in a temporary file the caller removes, its format and size checked first."""
    suffix = Path(name).suffix.lower()
    if suffix not in formats:
        said = N_("unknown format; use %(formats)s", formats=", ".join(formats))
        raise InvalidInput([Problem(name, None, "(file)", said)])
    if len(data) > megabytes * 1024 * 1024:
        said = N_("is larger than %(megabytes)s MB", megabytes=megabytes)
        raise InvalidInput([Problem(name, None, "(file)", said)])
    handle, raw = tempfile.mkstemp(prefix="ipsentry-upload-", suffix=suffix)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return Path(raw)


def checked(name: str, path: Path, read: Callable[[Path], T]) -> T:
    """``read(path)``; when it refuses, the file is removed and the problems name ``name``."""
    try:
        return read(path)
    except InvalidInput as error:
        path.unlink(missing_ok=True)
        problems = [replace(p, source=name) if p.source == str(path) else p for p in error.problems]
        raise InvalidInput(problems, error.more) from None
