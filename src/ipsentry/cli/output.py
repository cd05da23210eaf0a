"""Where the command line writes: tables and messages to stdout, progress and errors to stderr.

Kept free of heavy imports so ``ipsentry --help`` and the error renderer start fast.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from rich.console import Console

console = Console()
errors = Console(stderr=True)


def print_json(data: Any) -> None:
    """Plain JSON on stdout (no colour, no wrapping) so other programs can read it."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))  # noqa: T201


def money(amount: object, currency: str) -> str:
    """An amount as people read it: 'USD 9,000,000' (thousands separated, decimals kept)."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return f"{currency} {amount}"
    return f"{currency} {value:,}"
