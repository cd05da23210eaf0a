"""Split a claim into preamble, transition and elements, keeping exact offsets.

Claim charts quote elements back to counsel, so an element is always a span of the
original claim text (``claim.text[start:end] == element.text``), trimmed of the separators
between elements but never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from ipsentry.domain.rights import Claim, ClaimElement, ElementRole

_REFERENCE = re.compile(r"\bclaims?\s+(\d+)", re.IGNORECASE)

# Transitions by strength: the earliest strong one wins, since weaker words ("having",
# "wherein") also occur inside preambles and elements.
_STEPS = r"(?:\s+the\s+steps?(?:\s+of)?)?(?:\s*:)?"
_TRANSITIONS = [
    re.compile(
        r"\b(?:further\s+)?(?:the\s+improvement\s+)?(?:"
        r"comprising|comprises|comprise|consisting\s+essentially\s+of|consisting\s+of|"
        r"consists\s+of|characteri[sz]ed\s+(?:in\s+that|by)|which\s+comprises"
        r")\b" + _STEPS,
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:further\s+)?(?:including|includes|having|has)\b" + _STEPS, re.IGNORECASE),
    re.compile(r"\b(?:wherein|whereby|in\s+which)\b\s*:?", re.IGNORECASE),
]

# Element boundaries inside the body: line breaks the source kept, semicolons, and a
# "wherein" clause that starts after a comma.
_HARD_BOUNDARY = re.compile(r"\n|;")
_WHEREIN_BOUNDARY = re.compile(r",\s*(?=(?:and\s+)?wherein\b)", re.IGNORECASE)
# In a body with no semicolons or line breaks, a comma before a new article starts a new
# element ("a housing, a heater, and a reservoir").
_COMMA_LIST_BOUNDARY = re.compile(
    r",\s*(?=(?:and\s+)?(?:a|an|at\s+least\s+one|one\s+or\s+more|a\s+plurality\s+of)\s)",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:\s|and\b|or\b|[,;:])+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s|[,;:.]|\band|\bor)+$", re.IGNORECASE)


def depends_on(text: str) -> int | None:
    """The first claim a claim refers to: the parent whose elements it inherits."""
    match = _REFERENCE.search(text)
    return int(match.group(1)) if match else None


_GAP = re.compile(r"[\s,]*")


def _transition(text: str, search_from: int) -> re.Match[str] | None:
    """In a dependent claim the transition right after 'claim N,' wins, whatever its strength."""
    if search_from:
        right_after = _GAP.match(text, search_from)
        start = right_after.end() if right_after else search_from
        for pattern in _TRANSITIONS:
            match = pattern.match(text, start)
            if match:
                return match
    for pattern in _TRANSITIONS:
        match = pattern.search(text, search_from)
        if match:
            return match
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = _LEADING.match(chunk)
    if lead:
        start += lead.end()
    chunk = text[start:end]
    trail = _TRAILING.search(chunk)
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def _boundaries(body: str) -> list[int]:
    cuts = {m.end() for m in _HARD_BOUNDARY.finditer(body)}
    cuts |= {m.end() for m in _WHEREIN_BOUNDARY.finditer(body)}
    if not cuts:
        cuts |= {m.end() for m in _COMMA_LIST_BOUNDARY.finditer(body)}
    return sorted(cuts)


def _spans(text: str) -> Iterator[tuple[ElementRole, int, int]]:
    reference = _REFERENCE.search(text)
    transition = _transition(text, reference.end() if reference else 0)
    if transition is None:
        yield ElementRole.ELEMENT, 0, len(text)
        return
    yield ElementRole.PREAMBLE, 0, transition.start()
    yield ElementRole.TRANSITION, transition.start(), transition.end()
    body_start = transition.end()
    body = text[body_start:]
    edges = [0, *_boundaries(body), len(body)]
    for left, right in pairwise(edges):
        yield ElementRole.ELEMENT, body_start + left, body_start + right


def parse_claim(num: int, text: str) -> Claim:
    """A claim with its dependency and elements; a claim with no transition is one element."""
    elements: list[ClaimElement] = []
    for role, raw_start, raw_end in _spans(text):
        start, end = _trimmed(text, raw_start, raw_end)
        if end <= start:
            continue
        elements.append(
            ClaimElement(
                position=len(elements), role=role, text=text[start:end], start=start, end=end
            )
        )
    return Claim(num=num, text=text, depends_on=depends_on(text), elements=elements)


def parse_claims(claims: Iterable[tuple[int, str]]) -> list[Claim]:
    parsed = [parse_claim(num, text) for num, text in claims]
    known = {c.num for c in parsed}
    for claim in parsed:
        if claim.depends_on is not None and claim.depends_on not in known:
            raise ValueError(f"claim {claim.num} refers to claim {claim.depends_on}, not present")
        if claim.depends_on is not None and claim.depends_on >= claim.num:
            raise ValueError(f"claim {claim.num} refers forward to claim {claim.depends_on}")
    return parsed


_NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))(\d{1,3})\s*\.\s+(?=[A-Z])")


def split_numbered_claims(text: str) -> list[tuple[int, str]]:
    """Split '1. A device ... 2. The device of claim 1 ...' into numbered claim texts.

    Only labels that continue the sequence (1, 2, 3, ...) count, so numbers inside a claim
    ("about 2. 5 mm", "claim 1. ") do not start a new claim.
    """
    found: list[tuple[int, int, int]] = []
    expected = 1
    for match in _NUMBER_LABEL.finditer(text):
        if int(match.group(1)) == expected:
            found.append((expected, match.start(), match.end()))
            expected += 1
    claims = []
    for i, (num, _, body_start) in enumerate(found):
        body_end = found[i + 1][1] if i + 1 < len(found) else len(text)
        claims.append((num, text[body_start:body_end].strip()))
    if not claims and text.strip():
        claims.append((1, text.strip()))
    return claims
