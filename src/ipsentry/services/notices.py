"""Read a USITC Section 337 notice from a file: the text checked, then the engine's reading.

A file that is not a 337 notice at all (no investigation number, no mention of the
Commission and section 337) is refused as bad input rather than read as an empty notice,
so a wrong file given by mistake is caught at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipsentry.formats.files import invalid, read_text
from ipsentry.matching.claims.passages import html_text
from ipsentry.matching.notices import Notice, parse_notice

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def notice_text(path: Path) -> str:
    """The plain text of a saved notice (a saved web page is reduced to its text)."""
    raw = read_text(path)
    is_html = path.suffix.lower() in HTML_SUFFIXES or raw.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    )
    text = html_text(raw) if is_html else raw
    if not text.strip():
        raise invalid(path, "has no text")
    return text


def load_notice(path: Path) -> Notice:
    """The reading of a notice file, refused if the file is no 337 notice."""
    notice = parse_notice(notice_text(path))
    if not notice.about_337:
        raise invalid(
            path,
            "not a USITC Section 337 notice: no investigation number (337-TA-NNNN) and no "
            "mention of the International Trade Commission and section 337",
        )
    return notice


def read_notice(path: Path) -> dict[str, Any]:
    """The reading of a notice file as plain data (the ``parse-notice`` contract)."""
    return load_notice(path).record()
