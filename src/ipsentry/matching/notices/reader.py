"""Read a USITC Section 337 notice or news release into what it states, and nothing more."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ipsentry.matching.notices import dispositions, facts
from ipsentry.matching.notices.dispositions import Disposition
from ipsentry.matching.notices.parties import Party, labels_of, resolve
from ipsentry.matching.notices.roles import Role, Span, sentence_spans, service_lists
from ipsentry.matching.notices.steps import Step, read_steps
from ipsentry.matching.notices.text import normalize, sections, sentences

_INVESTIGATION = re.compile(r"\b337\s*-\s*TA\s*-\s*(\d+)(?:\s*\((\w+)\))?")


@dataclass(frozen=True)
class Notice:
    """The reading of one notice; lists keep the order the notice names things in."""

    investigation: str | None
    title: str
    notice_kind: str
    doc_type: str
    fr_citation: str | None = None
    published: date | None = None
    complainants: tuple[Party, ...] = ()
    respondents: tuple[Party, ...] = ()
    asserted_patents: tuple[str, ...] = ()
    asserted_marks: tuple[str, ...] = ()
    dispositions: tuple[Disposition, ...] = ()
    remedies: tuple[str, ...] = ()
    remedies_requested: tuple[str, ...] = ()
    bond: str | None = None
    # How its dispositions became final (ID, not reviewed, FR notice); kept on each
    # disposition it records, not part of the reader's JSON contract.
    steps: tuple[Step, ...] = ()
    about_337: bool = field(default=False, compare=False)

    def record(self) -> dict[str, Any]:
        return {
            "investigation": self.investigation,
            "title": self.title,
            "notice_kind": self.notice_kind,
            "doc_type": self.doc_type,
            "fr_citation": self.fr_citation,
            "date_published": self.published.isoformat() if self.published else None,
            "complainants": [p.record() for p in self.complainants],
            "respondents": [p.record() for p in self.respondents],
            "asserted_patents": list(self.asserted_patents),
            "asserted_marks": list(self.asserted_marks),
            "dispositions": [d.record() for d in self.dispositions],
            "remedies": list(self.remedies),
            "remedies_requested": list(self.remedies_requested),
            "bond": self.bond,
        }


def _title(caption: str, body: str) -> str:
    if caption:
        title = re.sub(r"^In the Matter of\s+", "", caption)
        title = re.split(
            r";|,\s+(?=(?:Notice|Termination|Institution|Issuance|Commission|Final|Order)\b)",
            title,
        )[0]
        return title.strip(" .")
    found = re.search(r"\binvestigation\s+of\s+(certain\b[^.]*?)(?:\.\s|,?\s+that\b)", body)
    return " ".join(found.group(1).split()) if found else ""


def _parties(spans: list[Span], role: Role) -> tuple[Party, ...]:
    """The parties in a role, each once (a later short name or list of them adds nothing)."""
    by_name: dict[str, Party] = {}
    for span in spans:
        if span.role is not role:
            continue
        for party in span.parties:
            known = labels_of(list(by_name.values()))
            if party.name not in by_name and resolve(party, known) != (party,):
                continue
            earlier = by_name.get(party.name)
            if earlier is None:
                by_name[party.name] = party
            elif not earlier.location and party.location:
                by_name[party.name] = Party(party.name, party.location, earlier.aliases)
    return tuple(by_name.values())


def parse_notice(raw: str) -> Notice:
    """The facts a 337 notice's text states: parties, rights, dispositions, remedies."""
    text = normalize(raw)
    parts = sections(text)
    said = [s for _, s in sentences(parts.body)]
    number = _INVESTIGATION.search(text)
    investigation = f"337-TA-{number.group(1)}" if number else None
    spans = [span for s in said for span in sentence_spans(s)] + service_lists(parts.body)
    complainants = _parties(spans, Role.COMPLAINANT)
    respondents = tuple(p for p in _parties(spans, Role.RESPONDENT) if p not in complainants)
    caption_ground = dispositions.ground(parts.caption, commission=True)
    opening = text.split("\n\n", 1)[0] if not parts.caption else ""
    opening = opening or next((s for s in said if "Commission" in s or "USITC" in s), "")
    citation, published = facts.citation(text)
    readable = parts.caption + "\n" + parts.body
    return Notice(
        investigation=investigation,
        title=_title(parts.caption, parts.body),
        notice_kind=facts.kind_of(parts.caption, opening),
        doc_type="federal_register_notice" if parts.caption else "news_release",
        fr_citation=citation,
        published=published,
        complainants=complainants,
        respondents=respondents,
        asserted_patents=tuple(facts.patents(readable)),
        asserted_marks=tuple(facts.marks(readable)),
        dispositions=tuple(
            dispositions.read(said, parts.summary, caption_ground, list(respondents))
        ),
        remedies=tuple(facts.remedies(parts.caption, said)),
        remedies_requested=tuple(facts.remedies_requested(said)),
        bond=facts.bond(said),
        steps=read_steps(said, text, citation, published),
        about_337=bool(number)
        or bool(re.search(r"International Trade\s+Commission", text) and "337" in text),
    )
