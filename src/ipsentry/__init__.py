"""ipsentry: find infringements of intellectual property, stop them, and enforce.

Layers (outer depends on inner): interfaces (``cli``) -> ``services`` -> engines
(``matching``) -> ``domain``; ``store`` maps the domain onto SQL.

The public verbs, for use as a library::

    import ipsentry
    ipsentry.compare_marks("CCELL", "C-Cell style cartridges", free_text=True)
    ipsentry.search_register(Path("register-index"), ["ccel1"], top=10)
    ipsentry.chart_claim(Path("patent.json"), Path("product.txt"))
    ipsentry.search_patents(Path("patent-index"), ["A vaporizer comprising ..."], top=10)

They are imported on first use, so ``import ipsentry`` (and ``ipsentry --help``) does not
load the matching engines.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "chart_claim", "compare_marks", "search_patents", "search_register"]

_VERBS = {
    "compare_marks": "ipsentry.services.marks",
    "search_register": "ipsentry.services.marks",
    "chart_claim": "ipsentry.services.claim_charts",
    "search_patents": "ipsentry.services.patent_search",
}

if TYPE_CHECKING:
    from ipsentry.services.claim_charts import chart_claim
    from ipsentry.services.marks import compare_marks, search_register
    from ipsentry.services.patent_search import search_patents


def __getattr__(name: str) -> Any:
    if name in _VERBS:
        return getattr(import_module(_VERBS[name]), name)
    raise AttributeError(f"module 'ipsentry' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
