"""The development patents as the evaluation sees them: plain product-like text, held-out claims."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

from _report import DATA


def plain(text: str) -> str:
    """Product text as it often comes: no commas, apostrophes or figure numerals, cut short."""
    text = re.sub(r"\b\d+[a-z]?\b", " ", re.sub(r"[,'\u2019]", " ", text))
    return " ".join(text.split())[:4000]


def dev_patents() -> list[dict[str, Any]]:
    with (DATA / "patents/corpus.jsonl").open() as handle:
        records = [json.loads(line) for line in handle]
    usable = [
        r
        for r in records
        if r.get("description") and any(c.get("depends_on") is None for c in r["claims"])
    ]
    return sorted(usable, key=lambda r: r["number"])


def first_independent(record: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in record["claims"] if c.get("depends_on") is None)


def search_corpus() -> list[dict[str, Any]]:
    with gzip.open(DATA / "patents/search_corpus.jsonl.gz", "rt") as handle:
        return [json.loads(line) for line in handle]
