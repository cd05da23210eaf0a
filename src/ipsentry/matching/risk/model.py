"""The risk reasons and their weights, read from data (never set in code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_FILE = "risk-reasons.v1.yaml"


@dataclass(frozen=True)
class Reason:
    key: str
    weight: float
    about: str


@dataclass(frozen=True)
class RiskModel:
    version: int
    reasons: dict[str, Reason]
    high: float
    medium: float
    price_full: float  # unit value / genuine price at or below which low_price counts fully
    price_none: float  # ... at or above which it does not count

    def weight(self, key: str) -> float:
        return self.reasons[key].weight

    def level(self, risk: float) -> str:
        return "high" if risk >= self.high else "medium" if risk >= self.medium else "low"

    def price_strength(self, ratio: float) -> float:
        if ratio <= self.price_full:
            return 1.0
        if ratio >= self.price_none:
            return 0.0
        return (self.price_none - ratio) / (self.price_none - self.price_full)


@cache
def risk_model() -> RiskModel:
    text = resources.files("ipsentry.data").joinpath("customs", _FILE).read_text("utf-8")
    raw = yaml.safe_load(text)
    reasons = {
        key: Reason(key, float(spec["weight"]), str(spec["about"]))
        for key, spec in raw["reasons"].items()
    }
    return RiskModel(
        version=int(raw["version"]),
        reasons=reasons,
        high=float(raw["levels"]["high"]),
        medium=float(raw["levels"]["medium"]),
        price_full=float(raw["price"]["full"]),
        price_none=float(raw["price"]["none"]),
    )
