"""Field and column names a file gives that its reader does not know, and the name meant.

Every reader that meets an unknown name says so with the nearest known one ('ownr (did you
mean owner?)'): a misspelt header otherwise loses its values without a word. One place
decides what is near, so a chart file, an import and a file of pairs agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from difflib import get_close_matches

from ipsentry.errors import Problem

# difflib's ratio: a dropped or doubled letter in a name of four or more letters passes
# ('ownr' for 'owner' is 0.89, 'titel' for 'title' 0.8); two names that merely share a
# word do not ('left_goods' for 'right_goods' is 0.67).
NEAR = 0.75


def nearest(name: str, known: Iterable[str], cutoff: float = NEAR) -> str | None:
    """The known name ``name`` was most probably meant to be, case aside; None if none is near."""
    by_case = {k.lower(): k for k in known}
    close = get_close_matches(name.lower(), list(by_case), n=1, cutoff=cutoff)
    return by_case[close[0]] if close else None


def unknown(names: Iterable[str], known: Collection[str]) -> list[str]:
    """The names no field reads, each once, in the order the file gives them."""
    return [n for n in dict.fromkeys(names) if n not in known]


def unknown_field_problems(
    source: str, names: Iterable[str], known: Collection[str], within: str = ""
) -> list[Problem]:
    """A problem for each name of a mapping no field reads (``within`` names the mapping it
    is in, e.g. 'claimant'), with the name probably meant or, failing one, those known."""
    problems = []
    for name in unknown((str(n) for n in names), known):
        near = nearest(name, known)
        hint = f"did you mean {near!r}?" if near else f"known: {', '.join(known)}"
        field = f"{within}.{name}" if within else name
        problems.append(Problem(source, None, field, f"unknown field ({hint})"))
    return problems


def with_suggestion(name: str, known: Iterable[str]) -> str:
    """An unknown name as a warning lists it: with the name meant, when one is near."""
    near = nearest(name, known)
    return f"{name} (did you mean {near}?)" if near else name
