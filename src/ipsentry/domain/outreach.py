"""A provider's outreach: anonymised case studies, seminars and consultation sessions.

A case study shares what a dispute teaches without who was in it: every name the parties
go by (and its core, without the legal form) is replaced by the party's role before the
text leaves the provider.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.conflicts import core_name


class OutreachKind(enum.StrEnum):
    CASE_STUDY = "case_study"
    SEMINAR = "seminar"
    CONSULTATION = "consultation"


@dataclass(kw_only=True, eq=False)
class OutreachEvent:
    provider_organisation_id: int
    kind: OutreachKind
    title: str
    held_on: date
    attendance: int = 0
    summary: str = ""
    enterprise_ids: list[int] = field(default_factory=list)  # member enterprises reached
    dispute_id: int | None = None  # the dispute a case study was written from
    confidentiality: Confidentiality = Confidentiality.PUBLIC
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "held_on": self.held_on.isoformat(),
            "attendance": self.attendance,
            "summary": self.summary,
            "dispute_id": self.dispute_id,
            "marking": self.confidentiality.value,
        }


def anonymise(text: str, names_by_role: Mapping[str, Iterable[str]]) -> str:
    """``text`` with every party name (longest first, any case) replaced by its role.

    Latin-script names are replaced as whole words ("Beta" not inside "Betamax").
    """
    replacements: list[tuple[str, str]] = []
    for role, names in names_by_role.items():
        for name in names:
            for variant in {name.strip(), core_name(name)}:
                if len(variant) >= 2:
                    replacements.append((variant, f"[{role}]"))
    for variant, role in sorted(replacements, key=lambda pair: -len(pair[0])):
        pattern = re.escape(variant)
        if _LATIN.fullmatch(variant):  # whole words only; Chinese has no spaces to respect
            pattern = rf"(?<!\w){pattern}(?!\w)"
        text = re.sub(pattern, role, text, flags=re.IGNORECASE)
    return text


_LATIN = re.compile(r"[\x00-\u024f]+")
