"""Rows from CSV, XLSX, JSON, JSON Lines and Parquet files, streamed and numbered as people count.

CSV and XLSX rows are numbered like a spreadsheet (the header is row 1); JSON records are
numbered from 1 in file order; JSON Lines by line. Every reader streams: memory stays flat
however large the file, and ``progress`` hears how far through the file reading is (bytes
for text files, rows for workbooks) from the first row on.

CSV files may be separated by commas, semicolons (as spreadsheets in many locales save
them) or tabs; the header row says which.
"""

from __future__ import annotations

import csv
import json
import zipfile
import zlib
from collections.abc import Collection, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import (
    CountingReader,
    Progress,
    atomic_path,
    atomic_text,
    check_input,
    decode,
    invalid,
    problem,
)
from ipsentry.formats.json_breaks import complaint, file_chunks, json_problem
from ipsentry.wording import N_

Row = tuple[int, dict[str, Any]]
FORMATS = (".csv", ".xlsx", ".json", ".jsonl", ".parquet")
_DELIMITERS = (",", ";", "\t")


def file_format(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    return suffixes[-1] if suffixes else ""


def _check_header(path: Path, header: list[str], fields: Collection[str] | None) -> None:
    named = [h for h in header if h]
    if not named:
        raise invalid(path, N_("the header row is empty; the first row must name the columns"), 1)
    if len(set(named)) != len(named):
        twice = sorted({h for h in named if named.count(h) > 1})
        said = N_("column %(columns)s appears twice", columns=", ".join(twice))
        raise invalid(path, said, 1, "(header)")
    if fields and not set(named) & set(fields):
        expected = ", ".join(list(fields)[:6])
        said = N_(
            "no known column in the header (%(named)s...); the first row must name the "
            "columns, e.g. %(expected)s",
            named=", ".join(named[:4]),
            expected=expected,
        )
        raise invalid(path, said, 1, "(header)")


def _csv_rows(
    path: Path, fields: Collection[str] | None, progress: Progress | None
) -> Iterator[Row]:
    with CountingReader(path) as reader:
        numbered = _numbered_lines(path, reader)
        first = next(numbered, None)
        if first is None:
            raise invalid(path, N_("is empty"))
        delimiter = max(_DELIMITERS, key=first.count)
        lines = _chain(first, numbered)
        rows = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            header = [h.strip() for h in next(rows)]
            _check_header(path, header, fields)
            for cells in rows:
                if len(cells) > len(header):
                    said = N_("more cells than header columns")
                    raise invalid(path, said, rows.line_num, "(row)")
                if any(c.strip() for c in cells):
                    yield rows.line_num, {h: v for h, v in zip(header, cells, strict=False) if h}
                if progress is not None:
                    progress(reader.position, reader.size)
        except csv.Error as error:
            said = N_("not valid CSV: %(error)s", error=str(error))
            raise invalid(path, said, rows.line_num, "(row)") from None


def _numbered_lines(path: Path, reader: CountingReader) -> Iterator[str]:
    number = 0
    while line := reader.readline():
        number += 1
        yield decode(path, line, number)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def _xlsx_rows(
    path: Path, fields: Collection[str] | None, progress: Progress | None
) -> Iterator[Row]:
    from openpyxl import load_workbook  # only workbooks pay for openpyxl's import
    from openpyxl.utils.exceptions import InvalidFileException

    # a damaged workbook fails in the zip layer, when opened or only when its sheet is read
    damaged = (zipfile.BadZipFile, zlib.error, EOFError, InvalidFileException, KeyError)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (*damaged, OSError, ValueError) as error:
        raise invalid(
            path, N_("not an Excel .xlsx workbook (%(error)s)", error=str(error))
        ) from None
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row or 0
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        _check_header(path, header, fields)
        for number, values in enumerate(rows, start=2):
            record = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
            if any(str(v).strip() for v in record.values()):
                yield number, record
            if progress is not None:
                progress(number, max(total, number))
    except damaged as error:
        said = N_("a damaged Excel .xlsx workbook (%(error)s)", error=str(error))
        raise invalid(path, said) from None
    finally:
        book.close()


def _json_rows(
    path: Path, fields: Collection[str] | None, progress: Progress | None
) -> Iterator[Row]:
    """A list of records, ``{"rights": [...]}``, or one record; the list is streamed."""
    import ijson

    with CountingReader(path) as reader:
        start = reader.read(64).lstrip()
        opening = decode(path, start[:1], 1) if start else ""
    if opening not in ("[", "{"):
        raise invalid(path, "not JSON: expected a list of records or an object", 1, "(json)")
    prefix = "item" if opening == "[" else "rights.item"
    number = 0
    with CountingReader(path) as reader:
        try:
            for number, record in enumerate(ijson.items(reader, prefix, use_float=True), start=1):
                if not isinstance(record, dict):
                    raise invalid(path, "expected an object", number, "(record)")
                yield number, record
                if progress is not None:
                    progress(reader.position, reader.size)
        except ijson.JSONError as error:
            said = f"after record {number}: {complaint(error)}"
            raise InvalidInput([_broken(path, said)]) from None
    if number == 0 and opening == "{":
        yield from _single_object(path)


def _broken(path: Path, said: str) -> Problem:
    """A JSON file's break, found by reading it again (the error path only)."""
    with CountingReader(path) as reader:
        return json_problem(str(path), file_chunks(reader.read), said)


def _single_object(path: Path) -> Iterator[Row]:
    with CountingReader(path) as reader:
        text = decode(path, reader.read(), 1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput([_broken(path, error.msg)]) from None
    if isinstance(data.get("rights"), list):
        return  # an empty list of rights
    yield 1, data


def _jsonl_rows(
    path: Path, fields: Collection[str] | None, progress: Progress | None
) -> Iterator[Row]:
    # A broken line is reported with every other broken line of the file once the whole
    # file has been read, so one round of fixes finds them all. Lines after the first
    # broken one are only checked, not handed on: callers keep all or nothing of a file.
    broken: list[Problem] = []
    with CountingReader(path) as reader:
        for number, line in enumerate(_numbered_lines(path, reader), start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    line_text = [line.encode("utf-8")]
                    broken.append(json_problem(str(path), line_text, error.msg, number))
                    continue
                if not isinstance(record, dict):
                    broken.append(problem(path, "expected an object", number, "(record)"))
                    continue
                if not broken:
                    yield number, record
            if progress is not None:
                progress(reader.position, reader.size)
    if broken:
        raise InvalidInput(broken)


def _parquet_rows(
    path: Path, fields: Collection[str] | None, progress: Progress | None
) -> Iterator[Row]:
    """Rows of a Parquet file (numbered from 1), read a row group's batch at a time."""
    import pyarrow as pa  # only Parquet inputs pay for pyarrow's import
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise invalid(path, f"not a Parquet file ({error})") from None
    _check_header(path, list(parquet.schema_arrow.names), fields)
    total = parquet.metadata.num_rows
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=10_000):
            for record in batch.to_pylist():
                number += 1
                yield number, {k: _cell(v) for k, v in record.items()}
            if progress is not None:
                progress(number, total)
    except (pa.ArrowException, OSError) as error:
        raise invalid(path, f"unreadable after row {number} ({error})", number + 1) from None


READERS = {
    ".csv": _csv_rows,
    ".xlsx": _xlsx_rows,
    ".json": _json_rows,
    ".jsonl": _jsonl_rows,
    ".parquet": _parquet_rows,
}


def read_rows(
    path: Path, fields: Collection[str] | None = None, progress: Progress | None = None
) -> Iterator[Row]:
    """Every non-empty row of a file, streamed; InvalidInput for a file with none.

    ``fields`` are the column names the caller knows: a header naming none of them is
    reported (a CSV saved without its header row, or with the wrong separator).
    """
    reader = READERS.get(file_format(path))
    if reader is None:
        known = ", ".join(FORMATS)
        suffix = repr(path.suffix or "(no suffix)")
        raise invalid(
            path, N_("unknown format %(suffix)s; use %(formats)s", suffix=suffix, formats=known)
        )
    check_input(path)
    return _non_empty(path, reader(path, fields, progress))


def _non_empty(path: Path, rows: Iterator[Row]) -> Iterator[Row]:
    found = False
    for row in rows:
        found = True
        yield row
    if not found:
        raise invalid(path, N_("has no records"))


def write_records(path: Path, records: list[dict[str, Any]]) -> None:
    """Write records in the importer's own field names, so an export imports back unchanged."""
    fmt = file_format(path)
    if fmt not in FORMATS:
        raise invalid(path, f"export to {', '.join(FORMATS)}")
    columns = list(dict.fromkeys(key for record in records for key in record))
    if fmt == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("rights")
        sheet.append(columns)
        for record in records:
            flat = {k: _flat(v) for k, v in record.items()}
            sheet.append([flat.get(c, "") for c in columns])
        with atomic_path(path) as temporary:
            book.save(temporary)
        return
    with atomic_text(path) as out:
        if fmt == ".json":
            out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif fmt == ".jsonl":
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        else:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows({k: _flat(v) for k, v in r.items()} for r in records)


def _flat(value: Any) -> Any:
    """Claims and other lists in one spreadsheet cell, in the form the importer reads back."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and "num" in value[0]:
        return " ".join(f"{c['num']}. {c['text']}" for c in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return value
