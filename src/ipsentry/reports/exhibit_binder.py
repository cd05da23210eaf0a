"""A numbered exhibit binder as PDF: an index page, then each exhibit Bates-stamped.

The exhibits are laid out first (WeasyPrint), so the pages each one takes are known; the
Bates ranges come from those counts (``domain.exhibits``) and the page stamps from the
same numbering in CSS (a padded counter starting at the first number). The index, which
carries no Bates numbers, is laid out second and put in front.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ipsentry.domain.exhibits import Bates
from ipsentry.formats.files import atomic_path


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("ipsentry.reports", "templates"),
        autoescape=select_autoescape(["html"]),
    )


def _pages_per_exhibit(document: Any, count: int) -> list[int]:
    """How many pages each exhibit section takes, from the anchors on each page."""
    starts = []
    for number in range(1, count + 1):
        anchor = f"exhibit-{number}"
        starts.append(min(i for i, page in enumerate(document.pages) if anchor in page.anchors))
    ends = [*starts[1:], len(document.pages)]
    return [end - start for start, end in zip(starts, ends, strict=True)]


def write_binder(binder: dict[str, Any], bates: Bates, path: Path) -> list[str]:
    """Write the binder PDF; return each exhibit's Bates span, in order."""
    from weasyprint import HTML

    environment = _environment()
    exhibits = binder["exhibits"]
    common = {"title": binder["title"], "marking": binder["marking"].replace("_", " ")}
    laid_out = HTML(
        string=environment.get_template("binder_exhibits.html").render(
            **common, exhibits=exhibits, bates=bates
        )
    ).render()
    ranges = bates.ranges(_pages_per_exhibit(laid_out, len(exhibits)))
    spans = [bates.span(r) for r in ranges]
    sellers: dict[str, list[int]] = {}
    for exhibit in exhibits:
        if exhibit.get("seller_id"):
            sellers.setdefault(exhibit["seller_id"], []).append(exhibit["number"])
    index = HTML(
        string=environment.get_template("binder_index.html").render(
            **common,
            exhibits=[{**e, "bates": s} for e, s in zip(exhibits, spans, strict=True)],
            pages=len(laid_out.pages),
            schedules=sorted(sellers.items()),
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            version=metadata.version("ipsentry"),
        )
    ).render()
    with atomic_path(path) as temporary:
        index.copy([*index.pages, *laid_out.pages]).write_pdf(str(temporary))
    return spans
