"""Where a notice names its parties, and in which role.

The phrases are those of 19 CFR 210.10 and the Commission's notice practice: an
institution notice's service list ("(a) The complainant is: ...", "(b) The respondents are
the following entities ... upon which the complaint is to be served: ..."); the history
recited in later notices ("based on a complaint filed by X of PLACE", "The notice of
investigation named as respondents A of PLACE; B of PLACE; and C"); and the parties of a
determination ("as to respondent X", "the respondents found in default, namely, ...").
A span runs from such a phrase to the end of its list.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from ipsentry.matching.notices.parties import Party, parse_parties


class Role(enum.StrEnum):
    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"


@dataclass(frozen=True)
class Span:
    """A list of parties in a role, at ``start:end`` of the text it was read from."""

    role: Role
    start: int
    end: int
    parties: tuple[Party, ...]


_SERVICE_LIST = re.compile(
    r"\b(?:the\s+)?(?P<role>complainant|respondent)s?\s+(?:is|are)\b[^:.]{0,160}?:\s*"
    r"|\bfollowing\s+(?:\w+\s+){0,2}?as\s+(?P<listed>respondent)s\b[^:.]{0,60}:\s*",
    re.IGNORECASE,
)
_SERVICE_LIST_END = re.compile(
    r"\n\s*\(\w{1,3}\)\s|(?:The\s+)?Office\s+of\s+Unfair\s+Import|\.\s*\n?\s*"
    r"(?=(?:By|The|This|On|In|For|Pursuant|Responses|Any|Notice)\b)",
)
_FILED_BY = re.compile(
    r"\b(?:complaint|petition)s?\b[^;]{0,120}?\bfiled\b[^;]{0,160}?\b(?:by|on behalf of)\s+"
    r"(?=[A-Z0-9“])"
)
_NAMED = re.compile(
    r"\b(?:named|identified)\s+(?:the\s+following\s+)?as\s+(?:a\s+|the\s+)?respondents?:?\s+"
    r"(?=[A-Z0-9“])|\brespondents?\s+(?:named|identified)\s+in\s+the\s+(?:notice|complaint)"
    r"[^:;.]{0,40}?\s+(?:are|were|is|was)\b:?\s*(?=[A-Z0-9“])"
)
_NAMED_BEFORE = re.compile(r"\s+(?:were|was)\s+(?:also\s+)?named\s+as\s+(?:a\s+)?respondents?\b")
_RESPONDENTS = re.compile(
    r"\b[Rr]espondents?,?\s+(?:(?:found|held|determined)\s+(?:to\s+be\s+)?in\s+default"
    r"[^,;.]{0,60},\s*)?(?:namely,?\s+)?(?=[A-Z0-9“])"
)
_COMPLAINANTS = re.compile(r"\b[Cc]omplainants?\s+(?=[A-Z0-9“])")
# Where a list in a sentence ends: the verb or the basis that follows it.
_CLAUSE_END = re.compile(
    r"\s+(?:based\s+(?:on|upon)|on\s+the\s+basis|pursuant\s+to|for\s+(?:failure|lack)|in\s+default|"
    r"were|was|is|are|has|have|had|filed|to\s+(?:show|terminate|file)|from\s+the\s+investigation|"
    r"under\s+section|due\s+to|because|by\s+reason)\b|,\s+(?:which|who|and\s+(?:the|that|to|its))\b"
    r"|,\s+on\s+[A-Z][a-z]+\s+\d|[.]\s*$"
    r"|[’']s\b"  # a possessive ends the name: "complainant Foo Inc.'s motion"
    r"|,?\s+and\s+(?:the\s+)?(?:respondents?|complainants?|Office)\b"  # the next role's list
)


def _clause(sentence: str, start: int) -> int:
    end = _CLAUSE_END.search(sentence, start)
    return end.start() if end else len(sentence)


def service_lists(text: str) -> list[Span]:
    """The colon-introduced lists of an institution notice or news release."""
    spans = []
    for match in _SERVICE_LIST.finditer(text):
        role = Role.RESPONDENT if match.group("listed") else Role(match.group("role").lower())
        end = _SERVICE_LIST_END.search(text, match.end())
        stop = end.start() if end else min(len(text), match.end() + 4000)
        parties = parse_parties(text[match.end() : stop], service_list=True)
        spans.append(Span(role, match.end(), stop, tuple(parties)))
    return spans


def sentence_spans(sentence: str) -> list[Span]:
    """Every list of parties a sentence names, in its role."""
    spans: list[Span] = []
    for role, pattern in (
        (Role.COMPLAINANT, _FILED_BY),
        (Role.RESPONDENT, _NAMED),
        (Role.RESPONDENT, _RESPONDENTS),
        (Role.COMPLAINANT, _COMPLAINANTS),
    ):
        for match in pattern.finditer(sentence):
            if any(s.start <= match.end() < s.end for s in spans):
                continue  # "filed by A and respondents B" read once
            end = _clause(sentence, match.end())
            parties = parse_parties(sentence[match.end() : end])
            spans.append(Span(role, match.end(), end, tuple(parties)))
    before = _NAMED_BEFORE.search(sentence)
    if before:  # "A of X and B of Y (collectively, Z) were named as respondents"
        parties = parse_parties(sentence[: before.start()])
        spans.append(Span(Role.RESPONDENT, 0, before.start(), tuple(parties)))
    return sorted((s for s in spans if s.parties), key=lambda s: s.start)
