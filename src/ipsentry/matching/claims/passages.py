"""Product text split into passages that can be quoted and located.

A listing, a declaration's goods description, a saved product page (text or HTML) or a
datasheet's text is cut into sentences; a sentence too long to quote usefully, or a text
with no sentence punctuation at all (real product texts often have none), is cut into
windows of words. Every passage keeps its offsets in the text as given, so a chart can
say exactly where its evidence is.

Front matter is not evidence: a heading at the start of a passage ("BACKGROUND", "Field of
the invention") is cut off it, and a passage that claims priority, incorporates another
document by reference or states federal funding is left out (`data/claims/front_matter.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib import resources

MAX_WORDS = 40  # a longer sentence is quoted in overlapping windows of this many words
OVERLAP = 10

# A sentence ends at . ! ? ; before a word that does not start in lower case, except after
# an abbreviation ("U.S. Provisional Application No. 61/...", "Fig. 2"): a capital and a
# point, or a short capitalised word.
_SENTENCE_END = re.compile(
    r"(?<![A-Z]\.[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z][a-z]\.)(?<!\b[A-Z]\.)"
    r"(?<=[.!?;])\s+(?![a-z])|(?<=[。！？；])\s*|\n\s*\n|\n(?=\s*[-•*\u2022])"
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Passage:
    index: int
    text: str
    start: int
    end: int

    def location(self) -> str:
        return f"passage {self.index + 1}, characters {self.start}-{self.end}"


class _TextOnly(HTMLParser):
    SKIP = frozenset({"script", "style", "noscript", "head", "template"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "li",
            "br",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "td",
            "th",
            "dd",
            "dt",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of a saved web page, paragraph breaks kept."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    if len(words) <= MAX_WORDS:
        return [(start, end)] if words else []
    spans = []
    step = MAX_WORDS - OVERLAP
    for first in range(0, len(words), step):
        chunk = words[first : first + MAX_WORDS]
        spans.append((chunk[0][0], chunk[-1][1]))
        if first + MAX_WORDS >= len(words):
            break
    return spans


@cache
def _front_matter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a heading at the start of a passage, a front-matter statement anywhere in one)."""
    source = resources.files("ipsentry.data").joinpath("claims", "front_matter.json")
    data = json.loads(source.read_text("utf-8"))
    headings = "|".join(sorted(data["headings"], key=len, reverse=True))
    heading = re.compile(rf"(?:{headings})(?:\s*[:.\-—]+\s*|\s+(?=(?-i:[A-Z]))|\s*$)", re.I)
    statement = re.compile("|".join(f"(?:{s})" for s in data["statements"]), re.I)
    return heading, statement


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a passage without a leading heading; None for front matter."""
    heading, statement = _front_matter()
    while True:
        chunk = text[start:end]
        match = heading.match(chunk)
        # a heading is written as one: upper case, or capitalised and followed by a sentence
        if not match or not chunk[:1].isupper() or match.end() == 0:
            break
        start += match.end()
        while start < end and text[start].isspace():
            start += 1
    if start >= end or statement.search(text[start:end]):
        return None
    return start, end


def split(text: str) -> list[Passage]:
    """Sentences (or word windows) of `text` that are not front matter, with their offsets."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        spans.extend(_windows(text, cursor, end))
        if boundary:
            cursor = boundary.end()
    passages: list[Passage] = []
    for start, end in spans:
        chunk = text[start:end].strip()
        if not chunk:
            continue
        offset = text.index(chunk, start)
        content = _content(text, offset, offset + len(chunk))
        if content is not None:
            passages.append(Passage(len(passages), text[content[0] : content[1]], *content))
    return passages
