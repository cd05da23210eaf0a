"""Where the command line writes: tables and messages to stdout, progress and errors to stderr.

Kept free of heavy imports so ``ipsentry --help`` and the error renderer start fast.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from ipsentry.errors import ConfirmationNeeded
from ipsentry.formats.fields import with_suggestion

console = Console()
errors = Console(stderr=True)


def print_json(data: Any) -> None:
    """Plain JSON on stdout (no colour, no wrapping) so other programs can read it."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))  # noqa: T201


def warn_unread_columns(
    file: Path, columns: Sequence[str], known: Collection[str], fate: str
) -> None:
    """Name on stderr the columns of ``file`` no field reads, each with the column probably
    meant, and what became of their values; the command goes on (stdout is unchanged)."""
    if not columns:
        return
    named = ", ".join(with_suggestion(c, known) for c in columns)
    errors.print(
        f"[yellow]warning:[/yellow] {escape(str(file))}: columns not read, {fate}: {escape(named)}",
        highlight=False,
        soft_wrap=True,
    )


def money(amount: object, currency: str) -> str:
    """An amount as people read it: 'USD 9,000,000' (thousands separated, decimals kept)."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return f"{currency} {amount}"
    return f"{currency} {value:,}"


CONFIRM_OPTION = "--confirm-privileged"


@contextmanager
def asking_confirmation() -> Iterator[None]:
    """A refused export tells the person at the terminal how to say yes."""
    try:
        yield
    except ConfirmationNeeded as error:
        raise ConfirmationNeeded(f"{error}: give {CONFIRM_OPTION}", error.marking) from None
