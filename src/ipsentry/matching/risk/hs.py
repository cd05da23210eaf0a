"""HS codes read in the edition they were declared in, compared with the recorded goods.

Recorded goods are stated in HS 2022. A declaration in an older edition is mapped through
the WCO correlation table kept in ``data/customs/hs_correlation.json``: electronic
cigarettes declared under 8543.70 in HS 2017 may now be 8543.40, so both are tried.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

CURRENT = "2022"


@cache
def _correlation() -> dict[str, dict[str, list[str]]]:
    text = resources.files("ipsentry.data").joinpath("customs", "hs_correlation.json")
    editions: dict[str, dict[str, list[str]]] = json.loads(text.read_text("utf-8"))["editions"]
    return editions


def digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def in_current_edition(code: str, edition: str = CURRENT) -> frozenset[str]:
    """The HS 2022 codes (as digit strings) a code of ``edition`` may stand for."""
    bare = digits(code)
    if not bare:
        return frozenset()
    moved = _correlation().get(edition.strip() or CURRENT, {}).get(bare[:6])
    if moved is None:
        return frozenset({bare})
    return frozenset(m + bare[6:] for m in moved)
