"""A takedown notice as plain text (for a platform's web form) and as PDF (for the file).

Both come from one set of facts (``services.takedowns.notice_facts``), so the text sent
and the PDF kept say the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ipsentry.formats.files import atomic_path


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("ipsentry.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def notice_text(facts: dict[str, Any]) -> str:
    return _environment().get_template("takedown_notice.txt").render(**facts)


def notice_pdf(facts: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = _environment().get_template("takedown_notice.html").render(**facts)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def write_notice_pdf(facts: dict[str, Any], path: Path) -> None:
    content = notice_pdf(facts)
    with atomic_path(path) as temporary:
        temporary.write_bytes(content)
