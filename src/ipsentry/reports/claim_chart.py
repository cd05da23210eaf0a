"""A claim chart as counsel expects it: element | quoted evidence with location | score | finding.

HTML and PDF come from one Jinja template (the PDF through WeasyPrint); CSV is the same
table flat, one row per element, each row carrying the marking.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ipsentry.formats.files import atomic_path

_CSS = {
    "present": "present",
    "present (evidence of absence)": "present",
    "contradicted": "contradicted",
    "quantity not met": "quantity-not-met",
    "not found": "not-found",
}


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("ipsentry.reports", "templates"),
        autoescape=select_autoescape(["html"]),
    )


def _marking(chart: dict[str, Any]) -> str:
    """The marking each page and row carries: the charted patent's (confidential if unsaid)."""
    return str(chart["patent"].get("confidentiality", "confidential")).replace("_", " ")


def render_html(chart: dict[str, Any]) -> str:
    claims = []
    for claim in chart["claims"]:
        elements = [
            {**e, "css": _CSS.get(str(e["finding"]), "for-counsel")} for e in claim["elements"]
        ]
        claims.append({**claim, "elements": elements})
    return (
        _environment()
        .get_template("claim_chart.html")
        .render(
            patent=chart["patent"],
            product=chart.get("product", ""),
            marking=_marking(chart),
            claims=claims,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            version=metadata.version("ipsentry"),
        )
    )


def pdf_bytes(chart: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render_html(chart)).write_pdf())


def write_pdf(chart: dict[str, Any], path: Path) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(pdf_bytes(chart))


def render_csv(chart: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "patent",
            "claim",
            "share_found",
            "ranking_score",
            "verdict",
            "element",
            "evidence",
            "location",
            "score",
            "finding",
            "note",
            "marking",
        ]
    )
    marking = _marking(chart)
    for claim in chart["claims"]:
        for e in claim["elements"]:
            writer.writerow([
                chart["patent"]["number"], claim["num"], claim["share_found"], claim["coverage"],
                claim["verdict"],
                e["text"], e["evidence"], e["location"], e["score"], e["finding"], e["note"],
                marking,
            ])  # fmt: skip
    return out.getvalue()
