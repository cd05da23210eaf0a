"""Rows from CSV, XLSX, JSON and JSON Lines files, numbered as a person would count them.

CSV and XLSX rows are numbered like a spreadsheet (the header is row 1); JSON records are
numbered from 1 in file order; JSON Lines by line.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook

from ipsentry.errors import InvalidInput, Problem

Row = tuple[int, dict[str, Any]]


def open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _csv_rows(path: Path) -> Iterator[Row]:
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if None in row:
                raise InvalidInput(
                    [Problem(str(path), reader.line_num, "(row)", "more cells than header columns")]
                )
            if any((v or "").strip() for v in row.values()):
                yield reader.line_num, {k.strip(): v for k, v in row.items() if k}


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def _xlsx_rows(path: Path) -> Iterator[Row]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        for number, values in enumerate(rows, start=2):
            record = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
            if any(str(v).strip() for v in record.values()):
                yield number, record
    finally:
        book.close()


def _json_rows(path: Path) -> Iterator[Row]:
    with open_text(path) as handle:
        try:
            data = json.load(handle)
        except json.JSONDecodeError as error:
            raise InvalidInput([Problem(str(path), error.lineno, "(json)", error.msg)]) from None
    if isinstance(data, dict):
        data = data.get("rights", [data])
    if not isinstance(data, list):
        raise InvalidInput([Problem(str(path), None, "(json)", "expected a list of records")])
    for number, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            raise InvalidInput([Problem(str(path), number, "(record)", "expected an object")])
        yield number, record


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InvalidInput([Problem(str(path), number, "(json)", error.msg)]) from None
            if not isinstance(record, dict):
                raise InvalidInput([Problem(str(path), number, "(record)", "expected an object")])
            yield number, record


READERS = {
    ".csv": _csv_rows,
    ".xlsx": _xlsx_rows,
    ".json": _json_rows,
    ".jsonl": _jsonl_rows,
}


def file_format(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    return suffixes[-1] if suffixes else ""


def read_rows(path: Path) -> Iterator[Row]:
    reader = READERS.get(file_format(path))
    if reader is None:
        known = ", ".join(sorted([*READERS, ".xml"]))
        raise InvalidInput([Problem(str(path), None, "(file)", f"unknown format; use {known}")])
    return reader(path)


def write_records(path: Path, records: list[dict[str, Any]]) -> None:
    """Write records in the importer's own field names, so an export imports back unchanged."""
    fmt = file_format(path)
    columns = list(dict.fromkeys(key for record in records for key in record))
    if fmt == ".json":
        path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", "utf-8")
    elif fmt == ".jsonl":
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        path.write_text("".join(lines), "utf-8")
    elif fmt in (".csv", ".xlsx"):
        flat = [{k: _flat(v) for k, v in r.items()} for r in records]
        if fmt == ".csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows(flat)
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("rights")
            sheet.append(columns)
            for record in flat:
                sheet.append([record.get(c, "") for c in columns])
            book.save(path)
    else:
        raise InvalidInput(
            [Problem(str(path), None, "(file)", "export to .csv, .xlsx, .json or .jsonl")]
        )


def _flat(value: Any) -> Any:
    """Claims and other lists in one spreadsheet cell, in the form the importer reads back."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and "num" in value[0]:
        return " ".join(f"{c['num']}. {c['text']}" for c in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return value
