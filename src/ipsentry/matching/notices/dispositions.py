"""How each respondent's part of the investigation ended, as the notice states it.

The grounds are those of 19 CFR 210.21 (termination by withdrawal of the complaint, by
settlement agreement, by consent order), 210.16 (default) and 210.42/210.45 (a finding of
violation or of no violation). A sentence names respondents (a list of parties, or a
short name defined earlier) and a ground; the ground read for a list is the one written
after it up to the next list, else the one before it ("terminated as to A based on a
settlement and as to B based on a consent order"; "the respondents found in default,
namely, A; B; and C"). A summary sentence that names respondents without a ground takes
the ground of the caption ("... Exclusion Order Against the Respondent Found in Default").
Termination of the whole investigation on a ground applies to every respondent the
notice names; when it names none, to the investigation as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ipsentry.matching.notices.facts import parse_date
from ipsentry.matching.notices.parties import Party, labels_of, resolve
from ipsentry.matching.notices.roles import Role, Span, sentence_spans

# The label of a disposition of the investigation as a whole whose respondents the text
# does not name (the convention of the development data's readings).
WHOLE_INVESTIGATION = "ALL (investigation terminated)"

# Most specific first: a consent order usually comes with a settlement, a settlement
# with a withdrawal of the complaint; a defaulting respondent is found in violation by
# the default itself (19 U.S.C. 1337(g)(1)).
GROUNDS = (
    ("consent_order", re.compile(r"\bconsent\s+orders?\b", re.IGNORECASE)),
    ("settlement", re.compile(r"\bsettle(?:ment|d)\b", re.IGNORECASE)),
    ("withdrawal", re.compile(r"\bwithdr[ae]w\w*", re.IGNORECASE)),
    ("default", re.compile(r"\bin\s+default\b|\bdefault(?:ing|ed)\s+respondents?\b", re.I)),
    ("no_violation", re.compile(r"\bno\s+violation\b|\bnot\s+(?:been\s+)?(?:in\s+)?violat", re.I)),
    ("violation", re.compile(r"(?<!no )\bviolation\s+of\s+section\s+337\b|\bviolated\b", re.I)),
    ("terminated_other", re.compile(r"\btermin\w*", re.IGNORECASE)),
)
_NOT_A_DISPOSITION = re.compile(
    r"\b(?:alleg\w*|whether|show\s+cause|should\s+not|may|might|would|could|den(?:y|ied|ying)|"
    r"request\w*|comments?)\b",
    re.IGNORECASE,
)
_FINDINGS = frozenset({"violation", "no_violation"})
_WHOLE = re.compile(
    r"\btermin\w*\s+(?:of\s+)?(?:the|this)\s+(?:above-captioned\s+|entire\s+)?investigation\b"
    r"|\binvestigation\s+(?:is|was|be|has\s+been)\s+(?:hereby\s+)?terminated\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Disposition:
    respondent: str
    disposition: str
    on: date | None = None

    def record(self) -> dict[str, str | None]:
        return {
            "respondent": self.respondent,
            "disposition": self.disposition,
            "date": self.on.isoformat() if self.on else None,
        }


def ground(text: str, *, commission: bool) -> str | None:
    """The most specific ground a stretch of text states; findings only the Commission's."""
    for name, pattern in GROUNDS:
        if pattern.search(text) and (name not in _FINDINGS or commission):
            return name
    return None


# What follows a list when its ground comes after it: "as to A based on ...", "A in
# default", "A was terminated ...". Otherwise the ground before the list is its own
# ("a violation by respondents A and B, and no violation as to C").
_GROUND_FOLLOWS = re.compile(
    r"^[\s,]*(?:\([^()]*\)[\s,]*)*(?:based\b|on\s+the\s+basis|pursuant|due\s+to|because|"
    r"in\s+default|for\s+(?:failure|lack)|through|by\s+(?:way|reason)|(?:was|were|is|are|has|have)\b)",
    re.IGNORECASE,
)


def _ground_of_list(before: str, after: str, commission: bool) -> str | None:
    following = ground(after, commission=commission)
    if following and _GROUND_FOLLOWS.match(after):
        return following
    return ground(before, commission=commission) or following


def _mentions(sentence: str, known: list[Party]) -> list[Span]:
    """Respondents a sentence names: its own lists, and names or short names seen earlier."""
    labels = labels_of(known)
    spans = [
        Span(s.role, s.start, s.end, tuple(q for p in s.parties for q in resolve(p, labels)))
        for s in sentence_spans(sentence)
        if s.role is Role.RESPONDENT
    ]
    for label in sorted(labels, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w“]){re.escape(label)}(?![\w”])", sentence):
            if not any(s.start <= match.start() < s.end for s in spans):
                spans.append(
                    Span(Role.RESPONDENT, match.start(), match.end(), tuple(labels[label]))
                )
    return sorted(spans, key=lambda s: s.start)


def _whole(sentence: str, commission: bool) -> str | None:
    """The ground on which the investigation as a whole ends, if the sentence says so."""
    if _WHOLE.search(sentence):
        name = ground(_WHOLE.sub(" ", sentence), commission=commission)
        if name in ("consent_order", "settlement", "withdrawal", "no_violation", "violation"):
            return name
    name = ground(sentence, commission=commission)
    return name if name in _FINDINGS and commission else None


def read(
    sentences: list[str], summary: str, caption_ground: str | None, known: list[Party]
) -> list[Disposition]:
    found: dict[str, Disposition] = {}
    whole: list[tuple[str, date | None]] = []
    for sentence in sentences:
        if _NOT_A_DISPOSITION.search(sentence):
            continue
        # a finding is the Commission's, unless it is an initial determination it reviews
        under_review = re.search(r"(?<!not )\bto\s+review\b", sentence) is not None
        commission = "Commission" in sentence and not under_review
        on = parse_date(sentence) if re.match(r"\s*On\s+[A-Z][a-z]+\s+\d", sentence) else None
        spans = _mentions(sentence, known)
        for number, span in enumerate(spans):
            after_end = spans[number + 1].start if number + 1 < len(spans) else len(sentence)
            before_start = spans[number - 1].end if number else 0
            name = _ground_of_list(
                sentence[before_start : span.start], sentence[span.end : after_end], commission
            )
            if name is None and sentence.strip() in summary and caption_ground:
                name = caption_ground
            if name is None or (name == "terminated_other" and " as to " not in sentence):
                continue
            for party in span.parties:
                label = party.name
                if label not in found or found[label].disposition == "terminated_other":
                    found[label] = Disposition(label, name, on)
        if not spans and not re.search(r"\bcertain\s+(?:of\s+the\s+)?respondents", sentence):
            name = _whole(sentence, commission)
            if name:
                whole.append((name, on))
    for name, on in whole[:1]:
        targets = [p.name for p in known if p.name not in found] or (
            [] if found else [WHOLE_INVESTIGATION]
        )
        for label in targets:
            found[label] = Disposition(label, name, on)
    return list(found.values())
