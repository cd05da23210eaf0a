"""Numbers with units compared as quantities: '1 ml' satisfies 'at least 0.5 ml'.

Claims limit by ranges ("at least 2 ohms", "between 1 and 3 mm"); products state values
("1.2 Ω coil", "2 ml tank"). Both are read into intervals in one base unit per dimension,
so a product value is checked against the claimed range rather than matched as words.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from functools import cache

from ipsentry.matching.claims.lexicon import limitations

TOLERANCE = 0.05  # a stated value ("1 ml") is met by values within 5 %


@cache
def _units() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    data = limitations()
    spelled: dict[str, tuple[str, float]] = {}
    for unit, names in data["units"].items():
        base, factor = data["scale"].get(unit, [unit, 1])
        for name in names:
            spelled[name.lower()] = (base, float(factor))
    alternatives = "|".join(re.escape(n) for n in sorted(spelled, key=len, reverse=True))
    number = r"\d+(?:\.\d+)?"
    pattern = re.compile(
        rf"(?P<op>at\s+least|not\s+less\s+than|no\s+less\s+than|at\s+most|not\s+more\s+than|"
        rf"no\s+more\s+than|not\s+exceeding|less\s+than|below|under|greater\s+than|more\s+than|"
        rf"above|over|up\s+to|between|from|about|approximately)?\s*"
        rf"(?P<low>{number})\s*(?:(?P<unit1>{alternatives})\s*(?=(?:and|to|-|–|~)\s*\d))?"
        rf"(?:(?:and|to|-|–|~)\s*(?P<high>{number})\s*)?"
        rf"(?P<unit>{alternatives})(?![a-z])"
        rf"(?:\s+(?P<post>or\s+more|or\s+less|or\s+greater|or\s+above|or\s+below))?",
        re.IGNORECASE,
    )
    return pattern, spelled


class Check(enum.StrEnum):
    MET = "met"
    NOT_MET = "not met"
    UNKNOWN = "not stated"


@dataclass(frozen=True)
class Quantity:
    """An interval in a base unit, with the words it was read from."""

    unit: str
    low: float
    high: float
    text: str
    start: int
    end: int

    def overlaps(self, other: Quantity) -> bool:
        if self.unit != other.unit:
            return False
        low = self.low * (1 - TOLERANCE) if math.isfinite(self.low) else self.low
        high = self.high * (1 + TOLERANCE) if math.isfinite(self.high) else self.high
        return other.low <= high and other.high >= low


def quantities(text: str) -> list[Quantity]:
    pattern, spelled = _units()
    found = []
    for m in pattern.finditer(text):
        unit, factor = spelled[m.group("unit").lower()]
        low = float(m.group("low")) * factor
        high = float(m.group("high")) * factor if m.group("high") else low
        op = " ".join((m.group("op") or "").lower().split())
        post = (m.group("post") or "").lower()
        if op in (
            "at least",
            "not less than",
            "no less than",
            "greater than",
            "more than",
            "above",
            "over",
        ) or post in ("or more", "or greater", "or above"):
            high = math.inf
        elif op in (
            "at most",
            "not more than",
            "no more than",
            "not exceeding",
            "less than",
            "below",
            "under",
            "up to",
        ) or post in ("or less", "or below"):
            low, high = 0.0, low
        found.append(
            Quantity(unit, min(low, high), max(low, high), m.group(0).strip(), m.start(), m.end())
        )
    return found


def check(claimed: list[Quantity], stated: list[Quantity]) -> tuple[Check, Quantity | None]:
    """Whether the product states a value inside every claimed range (and which)."""
    if not claimed:
        return Check.UNKNOWN, None
    witness = None
    for want in claimed:
        same_kind = [q for q in stated if q.unit == want.unit]
        if not same_kind:
            return Check.UNKNOWN, None
        inside = [q for q in same_kind if want.overlaps(q)]
        if not inside:
            return Check.NOT_MET, same_kind[0]
        witness = witness or inside[0]
    return Check.MET, witness
