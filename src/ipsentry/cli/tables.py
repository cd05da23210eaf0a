"""Tables that stay readable in an 80-column terminal.

Short codes (ids, dates, numbers, scores) never wrap; text columns wrap at word
boundaries. Long text (derivations, explanations, evidence) does not get a column of its
own: commands put it on a line under the row, or show it with ``--verbose``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table
from rich.text import Text

# Columns whose values are short codes: they keep their width, the text columns give way.
SHORT = frozenset(
    {"id", "email", "due", "number", "score", "similarity", "status", "kind", "claim", "coverage",
     "detail", "patent", "office", "marking", "observation", "severity", "#", "owner"}
)  # fmt: skip
STATE_STYLE = {
    "due_soon": "yellow",
    "overdue": "red",
    "in_grace": "red",
    "lost": "bold red",
    "cancelled": "dim",
    # severities of health-check findings
    "critical": "bold red",
    "high": "red",
    "medium": "yellow",
}


def fitted_table(title: str, columns: Sequence[str]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    for name in columns:
        table.add_column(name, no_wrap=name in SHORT, overflow="fold")
    return table


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # a word boundary not too far back; else cut inside the word
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def under(main: str, detail: str, *, markup: bool = True) -> Text:
    """A cell whose detail sits dimmed on the line under its main text."""
    text = Text.from_markup(main) if markup else Text(main)
    if detail:
        text.append("\n" + detail, style="dim")
    return text


def styled(text: str, state: str) -> Text:
    return Text(text, style=STATE_STYLE.get(state, ""))
