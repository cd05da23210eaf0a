"""What a notice is and orders: its kind, the rights asserted, remedies, bond, citation.

The kind comes from the caption, which the Federal Register writes as the title of the
investigation followed by the action taken ("...; Institution of Investigation",
"...; Issuance of a Limited Exclusion Order ...; Termination of the Investigation"); a
news release has no caption, so its opening paragraph stands in. Orders issued are told
from orders asked for or merely possible by the verbs around them: a complaint "requests"
a limited exclusion order, institution boilerplate says default "may result in the
issuance" of one, and only a determination "issues" one (19 CFR 210.50).
"""

from __future__ import annotations

import re
from datetime import date, datetime

KINDS = ("institution", "termination", "default", "exclusion_order", "final_determination")
_INSTITUTION = re.compile(
    r"\binstitution\s+of\b[^;]{0,40}\b(?:investigation|proceeding)|"
    r"\b(?:voted|determined|decided)\s+to\s+institute\b|\bhas\s+instituted\b",
    re.IGNORECASE,
)
_ORDER = re.compile(
    r"exclusion\s+orders?|remedial\s+orders?|cease[\s-]+and[\s-]+desist\s+orders?|\b(?:GEO|LEO|CDO)s?\b",
    re.IGNORECASE,
)
_NOT_ISSUED = re.compile(
    r"\b(?:request\w*|seek\w*|ask\w*|may|might|could|would|should|whether|if|recommend\w*|"
    r"propos\w*|comment\w*|alleg\w*|resci\w*|vacat\w*|modif\w*|enforc\w*|advisory|"
    r"not\s+to\s+issue|declin\w*|submissions?)\b",
    re.IGNORECASE,
)
_ISSUED = re.compile(
    r"\b(?:issu\w*|enter\w*|impos\w*|grant\w*|appropriate\s+(?:form\s+of\s+)?(?:remedy|relief))\b"
    r"|\border(?:s|ed)?\s+against\b|\bexclusion\s+order\s+against\b",
    re.IGNORECASE,
)
_REMEDIES = (
    ("GEO", re.compile(r"\bgeneral\s+exclusion\s+orders?\b|\bGEOs?\b", re.IGNORECASE)),
    ("LEO", re.compile(r"\blimited\s+exclusion\s+orders?\b|\bLEOs?\b", re.IGNORECASE)),
    ("CDO", re.compile(r"\bcease[\s-]+and[\s-]+desist\s+orders?\b|\bCDOs?\b", re.IGNORECASE)),
)
_ONE_NUMBER = r"(?:RE|Re\.?|D)?\s?\d{1,3}(?:,\d{3}){1,2}"
# A list of numbers as the Federal Register writes it: "Nos. 7,000,001 (“the '001 patent”);
# 7,000,002; and RE45,678", "Nos. 4,111,222 and 5,333,444".
_LISTED = rf"((?:[,;]?\s*(?:and\s+|or\s+)?{_ONE_NUMBER}(?:\s*\([^()]*\))?)+)"
_PATENT_LIST = re.compile(
    rf"\b(?:U\.\s?S\.\s+)?(?:Reissue\s+|Design\s+)?Patent\s+Nos?\.?\s*{_LISTED}"
)
_NUMBER = re.compile(_ONE_NUMBER)
_MARK_LIST = re.compile(
    rf"\b(?<!Copyright\s)(?:U\.\s?S\.\s+)?(?:Trademark\s+)?(?:Registration|Reg\.)\s+Nos?\.?\s*"
    rf"{_LISTED}"
)
_MONTH_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(\d{1,2}),\s+(\d{4})\b"
)


def kind_of(caption: str, opening: str) -> str:
    """The notice's kind from its caption (or a news release's first paragraph)."""
    text = caption or opening
    if _INSTITUTION.search(text):
        return "institution"
    if _issues_orders(text):
        return "exclusion_order"
    if re.search(r"\bfinal\s+determination\b", text, re.IGNORECASE):
        return "final_determination"
    if re.search(r"\bin\s+default\b" if not caption else r"\bdefault", text, re.IGNORECASE):
        return "default"
    if re.search(r"\btermin", text, re.IGNORECASE):
        return "termination"
    return "other"


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r";|(?<=[.])\s+", text) if c.strip()]


def _issuing(text: str) -> list[str]:
    """The clauses of a text that issue remedial orders (not ask for or foresee them)."""
    return [
        clause
        for clause in _clauses(text)
        if _ORDER.search(clause) and _ISSUED.search(clause) and not _NOT_ISSUED.search(clause)
    ]


def _issues_orders(text: str) -> bool:
    return bool(_issuing(text))


def _issued(text: str) -> set[str]:
    return {name for c in _issuing(text) for name, pattern in _REMEDIES if pattern.search(c)}


def remedies(caption: str, sentences: list[str]) -> list[str]:
    """Orders the Commission issued, as GEO, LEO, CDO."""
    found = _issued(caption)
    for sentence in sentences:
        found |= _issued(sentence)
    return sorted(found)


def remedies_requested(sentences: list[str]) -> list[str]:
    """Orders a complainant asks for (an institution notice states them)."""
    found: set[str] = set()
    for sentence in sentences:
        if re.search(r"\brequest\w*|\bseek\w*", sentence, re.IGNORECASE) and _ORDER.search(
            sentence
        ):
            found |= {name for name, pattern in _REMEDIES if pattern.search(sentence)}
    return sorted(found)


def _numbers(pattern: re.Pattern[str], text: str) -> list[str]:
    found: list[str] = []
    for match in pattern.finditer(text):
        listed = re.sub(r"\([^()]*\)", " ", match.group(1))
        found += [" ".join(n.split()).replace("Re.", "RE") for n in _NUMBER.findall(listed)]
    return list(dict.fromkeys(found))


def patents(text: str) -> list[str]:
    """U.S. patent numbers the notice names ('U.S. Patent Nos. 7,000,001 and 8,000,002')."""
    return _numbers(_PATENT_LIST, text)


def marks(text: str) -> list[str]:
    """Trademark registration numbers the notice names (a 337(a)(1)(C) claim)."""
    return _numbers(_MARK_LIST, text)


def parse_date(text: str) -> date | None:
    match = _MONTH_DATE.search(text)
    if match is None:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%B %d %Y").date()
    except ValueError:
        return None


def citation(text: str) -> tuple[str | None, date | None]:
    """The Federal Register citation ('85 FR 20522-20523') and the day it was published."""
    volume = re.search(r"Federal Register\s*(?:Volume|/\s*Vol\.)\s*(\d+)", text)
    if volume is None:
        return None, None
    pages = re.search(r"\[Pages?\s+(\d+(?:-\d+)?)\]", text) or re.search(
        r",\s*(\d+(?:-\d+)?)\s*\[\d{2,4}-\d+\]", text
    )
    published = parse_date(text[volume.start() : volume.start() + 120])
    if pages is None:
        return None, published
    return f"{volume.group(1)} FR {pages.group(1)}", published


def bond(sentences: list[str]) -> str | None:
    """The bond during Presidential review as the notice words it ('281 percent of ...')."""
    for sentence in sentences:
        match = re.search(
            r"\bbond\b[^.;]{0,80}?\b(?:equal\s+to|in\s+the\s+amount\s+of|set\s+at|is|be|of)\s+"
            r"((?:zero|\d[\d.,]*\s*(?:percent|%)|\$\s?[\d.,]+)[^.;]*?)(?=\s+(?:of\s+the\s+)?"
            r"(?:accused|infringing|articles|products)|[.;]|$)",
            sentence,
        )
        if match:
            return " ".join(match.group(1).split())
    return None
