"""Nice class numbers as people write them in a file or on the command line."""

from __future__ import annotations

from typing import Any

from ipsentry.errors import Problem


def parse_classes(
    value: Any, source: str, row: int, field: str, problems: list[Problem]
) -> frozenset[int]:
    """'9; 34' -> {9, 34}; anything that is not a Nice class number is a problem."""
    text = str(value or "").strip()
    if not text:
        return frozenset()
    classes: set[int] = set()
    for part in text.replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 45:
            problems.append(Problem(source, row, field, f"'{part}' is not a Nice class (1 to 45)"))
            continue
        classes.add(int(part))
    return frozenset(classes)
