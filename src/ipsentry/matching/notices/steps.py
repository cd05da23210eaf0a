"""The steps by which a termination or a finding becomes final at the Commission.

Under 19 CFR 210.42 the administrative law judge decides a motion to terminate (and a
finding of default) by an initial determination (ID); it becomes the Commission's
determination unless the Commission reviews it (210.42(h), 210.43-.44), and the Commission
publishes its decision in the Federal Register. A notice states some or all of the three:
"On March 16, 1999, the ALJ issued an ID (Order No. 12) ...", "the Commission has
determined not to review the ID", and its own citation. The reader returns those it states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ipsentry.matching.notices.facts import parse_date

INITIAL_DETERMINATION = "initial_determination"
NOT_REVIEWED = "not_reviewed"
FEDERAL_REGISTER_NOTICE = "federal_register_notice"

_ID = re.compile(r"\binitial\s+determination\b|\bID\b")
_ORDER = re.compile(r"\(\s*Order\s+No\.\s*(\d+)\s*\)")
_ISSUED_ID = re.compile(
    r"\bOn\s+([A-Z][a-z]+\s+\d{1,2},\s+\d{4}),?\s+the\s+(?:presiding\s+)?"
    r"(?:ALJ|administrative\s+law\s+judge)\s+issued\s+(?:an?|the|its)\s+"
    r"(?:initial\s+determination|ID)\b"
)
_NOT_REVIEWED = re.compile(r"\bdetermined\s+not\s+to\s+review\b")
_ISSUED = re.compile(r"\bIssued:\s*([A-Z][a-z]+\s+\d{1,2},\s+\d{4})")


@dataclass(frozen=True)
class Step:
    kind: str  # INITIAL_DETERMINATION, NOT_REVIEWED or FEDERAL_REGISTER_NOTICE
    on: date | None
    reference: str  # the order number, the Commission's decision, or the FR citation


def read_steps(
    sentences: list[str], text: str, citation: str | None, published: date | None
) -> tuple[Step, ...]:
    """The ID, the Commission's decision not to review it, and the notice itself, each
    only where the notice states it; a date only where it states one."""
    found: list[Step] = []
    about_id = [s for s in sentences if _ID.search(s)]
    if about_id:
        order = next((m.group(1) for s in about_id if (m := _ORDER.search(s))), None)
        issued = next((m.group(1) for s in about_id if (m := _ISSUED_ID.search(s))), None)
        reference = f"Order No. {order}" if order else "initial determination"
        found.append(Step(INITIAL_DETERMINATION, parse_date(issued or ""), reference))
    if any(_NOT_REVIEWED.search(s) for s in sentences):
        decided = _ISSUED.search(text)
        on = parse_date(decided.group(1)) if decided else None
        found.append(Step(NOT_REVIEWED, on, "Commission determination not to review the ID"))
    if citation:
        found.append(Step(FEDERAL_REGISTER_NOTICE, published, citation))
    return tuple(found)
