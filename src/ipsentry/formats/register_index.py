"""A register index on disk: a folder of plain files (text columns and NumPy arrays).

The matching engine builds and searches a `RegisterData` in memory and never touches a
file; this adapter writes one to a folder and reads it back, the large arrays memory-mapped
so a search process starts quickly and several processes share the pages. The foreign
readings of every word (`ReadingTable`) are kept as two sorted text columns, so a search
process reads the few words it needs instead of loading the dictionaries.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ipsentry.matching.marks.dictionaries import ReadingTable
from ipsentry.matching.marks.packed import PackedText, line_ends
from ipsentry.matching.marks.register import RegisterData, RegisterIndex
from ipsentry.matching.marks.similarity import FORMS, FormColumns

FORMAT_VERSION = 7
META = "meta.json"
PUBLISHED = "published.json"  # row -> [publication date, office], for the rows a register dates
_MAPPED = ("keys", "key_ids", "gram_indptr", "gram_names")  # read lazily from the page cache


Dated = dict[int, tuple[str, str]]


def write_index(data: RegisterData, folder: Path, dated: Dated | None = None) -> None:
    """Write every part of `data`, and the dates of the dated rows, into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    published = {str(row): list(value) for row, value in (dated or {}).items()}
    (folder / PUBLISHED).write_text(json.dumps(published), "utf-8")
    arrays: dict[str, NDArray[Any]] = {
        "keys": data.keys,
        "key_ids": data.key_ids,
        "gram_indptr": data.gram_indptr,
        "gram_names": data.gram_names,
        "gram_count": data.gram_count,
        "length": data.columns.length,
        "metaphone_length": data.columns.metaphone_length,
        "translated": data.columns.translated,
        "han": data.columns.han,
        "renown": data.renown,
    }
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", array)
    columns = {"names": data.names, **{f"form_{n}": data.columns.forms[n] for n in FORMS}}
    readings: dict[str, str] = {}
    if data.readings is not None:
        columns |= {"foreign_words": data.readings.words, "foreign_readings": data.readings.entries}
        readings = {"fingerprint": data.readings.fingerprint, "register": data.readings.register}
    for name, lines in columns.items():
        text = "\n".join(lines).encode("utf-8")
        (folder / f"{name}.txt").write_bytes(text)
        np.save(folder / f"{name}.ends.npy", line_ends(text))
    meta = {
        "format": FORMAT_VERSION,
        **data.stats(),
        "common_words": data.common_words,
        "readings": readings,
    }
    (folder / META).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def read_index(folder: Path) -> RegisterData:
    """The index stored in `folder`; FileNotFoundError or ValueError when it is not one."""
    meta_path = folder / META
    if not meta_path.exists():
        raise FileNotFoundError(f"{folder} is not a register index (no {META})")
    meta = json.loads(meta_path.read_text("utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(
            f"{folder}: index format {meta.get('format')}, expected {FORMAT_VERSION}; rebuild it"
        )

    def array(name: str) -> NDArray[Any]:
        loaded: NDArray[Any] = np.load(
            folder / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None
        )
        return loaded

    def text(name: str) -> PackedText:
        return PackedText((folder / f"{name}.txt").read_bytes(), array(f"{name}.ends"))

    names = text("names")
    kept = meta.get("readings") or {}
    readings = (
        ReadingTable(
            words=text("foreign_words"),
            entries=text("foreign_readings"),
            fingerprint=str(kept["fingerprint"]),
            register=str(kept["register"]),
        )
        if kept
        else None
    )
    if len(names) != int(meta["names"]):
        raise ValueError(f"{folder}: {len(names)} names where meta.json says {meta['names']}")
    return RegisterData(
        names=names,
        columns=FormColumns(
            forms={n: text(f"form_{n}") for n in FORMS},
            length=array("length"),
            metaphone_length=array("metaphone_length"),
            translated=array("translated"),
            han=array("han"),
        ),
        keys=array("keys"),
        key_ids=array("key_ids"),
        renown=array("renown"),
        gram_indptr=array("gram_indptr"),
        gram_names=array("gram_names"),
        gram_count=array("gram_count"),
        common_words={str(w): int(c) for w, c in meta["common_words"].items()},
        readings=readings,
        build_seconds=float(meta.get("build_seconds", 0.0)),
    )


def open_index(folder: Path) -> RegisterIndex:
    """A stored register, ready to search."""
    return RegisterIndex(read_index(folder))


def read_dated(folder: Path) -> Dated:
    """Publication date and office of the rows the register dates (none for older indexes)."""
    path = folder / PUBLISHED
    if not path.exists():
        return {}
    return {
        int(row): (str(v[0]), str(v[1])) for row, v in json.loads(path.read_text("utf-8")).items()
    }
