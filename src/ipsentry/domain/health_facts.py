"""What an enterprise's own records show about its IP weak spots, without asking.

The "data" half of a health check: the portfolio, customs recordations, deadlines and
screening hits answer some questions better than the enterprise can. A fact the records
cannot support (no trademarks at all, no product lines recorded) is left out — unknown —
rather than reported as clean, so it never raises a section's score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ipsentry.domain.customs import Recordation
from ipsentry.domain.deadlines import DeadlineState, deadlines_for_right
from ipsentry.domain.rights import Patent, Right, Trademark
from ipsentry.domain.screening import Hit, ReviewStatus

# Offices whose one registration covers a market a questionnaire names separately.
COVERS = {"EM": frozenset({"EM"}), "EU": frozenset({"EM"})}
_NOT_A_MARKET = frozenset({"OTHER"})
_BEHIND = frozenset({DeadlineState.IN_GRACE, DeadlineState.OVERDUE})


def _label(right: Right) -> str:
    return f"{right.display_number} {right.title}".strip()


def main_mark(marks: Sequence[Trademark]) -> str | None:
    """The word the enterprise registers most (a famous one first): its house brand."""
    alive = [m for m in marks if m.status.is_alive and m.title.strip()]
    if not alive:
        return None
    counts = Counter(m.title.strip().casefold() for m in alive)
    famous = {m.title.strip().casefold() for m in alive if m.famous}
    return max(counts, key=lambda word: (word in famous, counts[word], word))


def facts_from_records(
    rights: Sequence[Right],
    recordations: Iterable[Recordation],
    hits: Iterable[Hit],
    answers: Mapping[str, Any],
    today: date,
    similar_marks_of_others: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The diagnosis facts (see ``domain.diagnosis.FACTS``) the records can support."""
    facts: dict[str, Any] = {}
    patents = [r for r in rights if isinstance(r, Patent)]
    marks = [r for r in rights if isinstance(r, Trademark)]
    lines = {line.strip() for r in rights for line in r.product_lines if line.strip()}
    if lines:
        covered = {line.strip() for p in patents if p.status.is_alive for line in p.product_lines}
        facts["product_lines_unpatented"] = sorted(lines - covered)
    house = main_mark(marks)
    markets = answers.get("export_markets")
    if house is not None and isinstance(markets, list):
        offices = {
            m.jurisdiction
            for m in marks
            if m.status.is_alive and m.title.strip().casefold() == house
        }
        registered = set().union(*(COVERS.get(o, {o}) for o in offices)) if offices else set()
        facts["export_markets_without_mark"] = [
            market for market in markets if market not in _NOT_A_MARKET and market not in registered
        ]
    in_force = [m for m in marks if m.status.is_in_force]
    if in_force:
        recorded = {r.right_id for r in recordations if r.is_valid_on(today)}
        facts["marks_without_recordation"] = [_label(m) for m in in_force if m.id not in recorded]
    if rights:
        facts["rights_in_grace"] = [
            _label(right)
            for right in rights
            if any(d.state_on(today) in _BEHIND for d in deadlines_for_right(right, today))
        ]
    facts["unresolved_hits"] = sum(1 for hit in hits if hit.status is ReviewStatus.OPEN)
    if similar_marks_of_others is not None:
        facts["similar_marks_of_others"] = list(similar_marks_of_others)
    return facts
