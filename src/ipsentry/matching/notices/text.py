"""Plain text of a notice made regular: quotes, dashes, page marks, wrapped lines, sections.

Federal Register text reaches us in several renderings (the GPO's text edition with
``TeX quotes'' and ``[[Page N]]`` marks, a PDF's two-column text with displaced labels, the
public-inspection raw text with its own line wrapping, a USITC news release). Every later
stage reads the one form made here: straight typography, paragraphs split by a blank line,
lines kept (lists of parties are laid out one a line), and the contact and address blocks
blanked, since their "Esq., Office of the General Counsel" would read like a party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_QUOTES = {"``": "“", "''": "”", "‘‘": "“", "’’": "”", '"': "”"}
_DASHES = {ord(c): "-" for c in "‐‑‒–—―−"}
_DROPPED_LINE = re.compile(
    r"^(?:\[\.\.\.\]|[=_-]{5,}|From the Federal Register Online.*|\d{4}-\d{2})$"
)
# The section labels of a Federal Register notice (Document Drafting Handbook, ch. 2:
# preamble captions of notice documents).
LABELS = (
    "AGENCY",
    "ACTION",
    "SUMMARY",
    "DATES",
    "ADDRESSES",
    "FOR FURTHER INFORMATION CONTACT",
    "SUPPLEMENTARY INFORMATION",
)
_LABEL = re.compile(r"^(" + "|".join(LABELS) + r"):?[ \t]*", re.MULTILINE)
_NOT_READ = ("FOR FURTHER INFORMATION CONTACT", "ADDRESSES")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A data file of ``ipsentry/data/notices``: one entry a line, ``#`` comments skipped."""
    text = resources.files("ipsentry.data").joinpath("notices", name).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def normalize(raw: str) -> str:
    """One regular text: paragraphs split by a blank line, lines within them kept."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    for old, new in _QUOTES.items():
        text = text.replace(old, new)
    text = re.sub(r"\n?[ \t]*\[\[Page \d+\]\][ \t]*\n?", "\n", text.translate(_DASHES))
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        if _DROPPED_LINE.match(stripped):
            stripped = ""
        elif re.match(r"^[ \t]{2,}\S", line) and lines and lines[-1]:
            lines.append("")  # an indented line opens a paragraph in the GPO text edition
        if stripped and lines and re.search(r"\w-$", lines[-1]):
            lines[-1] += stripped  # a word broken at the line's end ("non-\nconfidential")
            continue
        lines.append(stripped)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True)
class Sections:
    """The parts of a notice a reader needs: the caption, the summary, and what is read."""

    caption: str
    summary: str
    body: str  # caption, summary and supplementary information; no contact or address block


def _caption(text: str) -> str:
    header = re.search(r"\[(?:Investigation|Inv)\.?\s*No[^\]]*\]", text)
    start = header.end() if header else None
    if start is None:
        first = re.search(r"^(?:In the Matter of )?Certain\b", text, re.MULTILINE)
        if first is None:
            return ""
        start = first.start()
    rest = text[start:].lstrip()
    end = re.search(
        r"\n\n|^(?:" + "|".join(LABELS) + r")\b|Notice is hereby given|"
        r"^(?:U\.S\. )?International Trade\s+Commission\.",
        rest,
        re.MULTILINE,
    )
    return " ".join(rest[: end.start() if end else 600].split())


def sections(text: str) -> Sections:
    """Split a normalised notice into its caption, summary and the text worth reading."""
    opening = re.search(r"^SUMMARY:|Notice is hereby given", text, re.MULTILINE)
    begin = opening.start() if opening else 0  # the caption is read on its own
    kept, cursor, skipping = [], begin, False
    for match in _LABEL.finditer(text, begin):
        if not skipping:
            kept.append(text[cursor : match.start()])
        skipping, cursor = match.group(1) in _NOT_READ, match.end()
    if not skipping:
        kept.append(text[cursor:])
    body = re.sub(r"^Contact:.*$", "", "\n\n".join(kept), flags=re.MULTILINE)  # news release
    summary = ""
    if opening:
        after = text[opening.end() :]
        stop = re.search(r"^(?:" + "|".join(LABELS[3:]) + r")\b", after, re.MULTILINE)
        summary = after[: stop.start() if stop else len(after)]
    return Sections(_caption(text), summary.strip(), body.strip())


_BOUNDARY = re.compile(r"(?<=[.?!])[”)]*\s+(?=[“(]?[A-Z0-9])|(?<=[^\s:;,])\n\n(?=[“(]?[A-Z])")
# Words that open a sentence after a company name ending in an abbreviation ("... Co., Ltd.
# The Commission ..."): the closed-class words and the actors of a 337 notice.
_OPENERS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "On",
        "In",
        "No",
        "A",
        "An",
        "Any",
        "Each",
        "It",
        "Its",
        "Notice",
        "Respondent",
        "Respondents",
        "Complainant",
        "Complainants",
        "Commission",
        "By",
        "For",
        "Pursuant",
        "Accordingly",
    ]
)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in word_list("abbreviations.txt"))


def _ends_abbreviation(before: str, after: str) -> bool:
    token = re.search(r"(\S+)\.[”)]*$", before)
    if token is None:
        return False
    word = token.group(1).lstrip("(“").lower()
    if re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):  # an initial, or U.S, D.C, S.W
        return True
    if word in _abbreviations():
        next_word = after.split(maxsplit=1)[0].strip("“(") if after.strip() else ""
        company = word in {"co", "ltd", "inc", "corp", "pty", "pte", "bhd"}
        return not (company and next_word in _OPENERS)
    return False


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of a text, not split after an abbreviation or an initial."""
    found, start = [], 0
    for match in _BOUNDARY.finditer(text):
        paragraph = "\n\n" in match.group()
        if not paragraph and _ends_abbreviation(
            text[start : match.start()], text[match.end() : match.end() + 40]
        ):
            continue
        found.append((start, text[start : match.start()]))
        start = match.end()
    found.append((start, text[start:]))
    return [(offset, s) for offset, s in found if s.strip()]
