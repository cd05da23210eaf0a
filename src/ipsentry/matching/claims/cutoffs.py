"""The three cut-offs that turn element scores into findings and a verdict, kept as data.

They are fitted, not set by hand: `bench/claims_chart.py` chooses them inside a
cross-validation on the development patents and the chosen setting is written to
`ipsentry/data/claims/cutoffs.json`, which says how it was chosen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

FILE = "ipsentry/data/claims/cutoffs.json"


@dataclass(frozen=True)
class Cutoffs:
    """present: an element scoring this much is found. equivalent: below `present` but at
    least this, the element is a possible equivalent for counsel. partial: a claim not read
    on whose elements score this much on average reads on part of the product."""

    present: float
    partial: float
    equivalent: float

    def __post_init__(self) -> None:
        for name in ("present", "partial", "equivalent"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} is {value}; a cut-off lies in (0, 1]")
        if self.equivalent >= self.present:
            raise ValueError(
                f"equivalent ({self.equivalent}) must be below present ({self.present})"
            )


def read_cutoffs(data: dict[str, Any], source: str = FILE) -> Cutoffs:
    """Cut-offs from their record, or a ValueError naming the source and the field."""
    values = {}
    for name in ("present", "partial", "equivalent"):
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{source}: field '{name}' must be a number, not {value!r}")
        values[name] = float(value)
    try:
        return Cutoffs(**values)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None


@cache
def shipped_cutoffs() -> Cutoffs:
    """The setting the cross-validation chose, as shipped."""
    text = resources.files("ipsentry.data").joinpath("claims", "cutoffs.json").read_text("utf-8")
    record: dict[str, Any] = json.loads(text)
    return read_cutoffs(record)
