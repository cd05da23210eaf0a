"""Whether a dispute suits mediation: factors shown with their effect, overridable with a reason.

The factors and bands are data (``ipsentry/data/disputes/mediation-suitability.vN.yaml``)
with their sources, so a provider can read why a dispute was steered one way and change the
policy without code. An override never hides the assessment it overrides.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ipsentry.domain.questionnaire import check_texts
from ipsentry.errors import InvalidInput, Problem


class Suitability(enum.StrEnum):
    SUITABLE = "suitable"
    CONSIDER = "consider"
    NOT_SUITABLE = "not_suitable"


@dataclass(frozen=True)
class Factor:
    key: str
    weight: int
    text: Mapping[str, str]
    why: Mapping[str, str]
    blocks: Suitability | None = None


@dataclass(frozen=True)
class FactorReading:
    """One factor as it stands in this dispute: present or not, and what it added."""

    factor: Factor
    present: bool | None  # None: not known

    @property
    def effect(self) -> int:
        return self.factor.weight if self.present else 0


@dataclass(frozen=True)
class Override:
    verdict: Suitability
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Assessment:
    score: int
    assessed: Suitability
    readings: tuple[FactorReading, ...]
    blocked_by: str | None = None
    override: Override | None = None

    @property
    def verdict(self) -> Suitability:
        return self.override.verdict if self.override else self.assessed

    def overridden(self, verdict: Suitability, reason: str, by: str, at: datetime) -> Assessment:
        """The same assessment with a person's decision on top; the reason is required."""
        if not reason.strip():
            raise InvalidInput(
                [Problem("mediation", None, "reason", "say why the assessment is overridden")]
            )
        return replace(self, override=Override(verdict, reason.strip(), by, at))


@dataclass(frozen=True)
class Policy:
    key: str
    version: int
    suitable_from: int
    consider_from: int
    factors: tuple[Factor, ...]

    def assess(self, facts: Mapping[str, bool | None]) -> Assessment:
        """Read each factor from ``facts`` (absent = unknown) and band the total."""
        unknown = set(facts) - {f.key for f in self.factors}
        if unknown:
            problems = [
                Problem("mediation", None, key, "no such factor") for key in sorted(unknown)
            ]
            raise InvalidInput(problems)
        readings = tuple(FactorReading(f, facts.get(f.key)) for f in self.factors)
        score = sum(r.effect for r in readings)
        blocking = next((r for r in readings if r.present and r.factor.blocks), None)
        if blocking is not None and blocking.factor.blocks is not None:
            return Assessment(
                score, blocking.factor.blocks, readings, blocked_by=blocking.factor.key
            )
        if score >= self.suitable_from:
            band = Suitability.SUITABLE
        elif score >= self.consider_from:
            band = Suitability.CONSIDER
        else:
            band = Suitability.NOT_SUITABLE
        return Assessment(score, band, readings)


def read_policy(raw: Any, source: str) -> Policy:
    problems: list[Problem] = []

    def bad(where: str, message: str) -> None:
        problems.append(Problem(source, None, where, message))

    factors: list[Factor] = []
    for index, item in enumerate(raw.get("factors") or []):
        where = f"factors[{index}]"
        if not isinstance(item.get("weight"), int):
            bad(f"{where}.weight", "a whole number")
            continue
        check_texts(item.get("text"), f"{where}.text", bad)
        check_texts(item.get("why"), f"{where}.why", bad)
        blocks = item.get("blocks")
        if blocks is not None and blocks not in set(Suitability):
            bad(f"{where}.blocks", f"one of {', '.join(Suitability)}")
            continue
        text, why = item.get("text") or {}, item.get("why") or {}
        block = Suitability(blocks) if blocks else None
        factors.append(Factor(str(item.get("key")), item["weight"], text, why, block))
    if len({f.key for f in factors}) != len(factors):
        bad("factors", "factor keys must be unique")
    bands = (raw.get("suitable_from"), raw.get("consider_from"))
    if not all(isinstance(b, int) for b in bands) or bands[0] < bands[1]:
        bad("suitable_from", "whole numbers with suitable_from >= consider_from")
    if problems:
        raise InvalidInput(problems)
    return Policy(str(raw["key"]), int(raw["version"]), bands[0], bands[1], tuple(factors))


@cache
def policy(version: int = 1) -> Policy:
    name = f"mediation-suitability.v{version}.yaml"
    text = resources.files("ipsentry.data").joinpath("disputes", name).read_text("utf-8")
    return read_policy(yaml.safe_load(text), name)
