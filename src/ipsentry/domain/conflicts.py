"""Conflict check: is a party to a new matter already on the other side of another matter?

A provider's lawyer or mediator must not take a dispute against someone they stand with
elsewhere: the same party on the opposite side of another matter is a conflict. The same
party on the same side again (a rights holder with a second complaint) is reported too,
but as a note, not a conflict. Names are compared after dropping legal forms (ISO 20275
list in ``ipsentry/data/disputes/legal_forms.txt``), with aliases and identifiers; a close
but unequal name is only ever possible, for a person to decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from ipsentry.domain.parties import IdentifierKind, Party

POSSIBLE_FROM = 90  # token-sorted ratio at which two names are worth a person's look


@dataclass(frozen=True)
class MatterParty:
    """A party as it stands in one of the provider's matters."""

    matter: str  # e.g. "dispute 12" or "case 337-TA-1286"
    role: str
    party: Party


@dataclass(frozen=True)
class Conflict:
    matter: str
    role: str  # the existing party's role in that matter
    new_party: str
    existing_party: str
    how: str  # "same name", "same identifier …", "similar name (93)"
    certain: bool  # the same party, on the opposite side: the intake must be waived


@cache
def _legal_forms() -> tuple[str, ...]:
    text = (
        resources.files("ipsentry.data").joinpath("disputes", "legal_forms.txt").read_text("utf-8")
    )
    forms = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def legal_form_words() -> frozenset[str]:
    """The words legal forms are made of ("co", "ltd", "gmbh"), casefolded."""
    return frozenset(
        word for form in _legal_forms() for word in re.findall(r"[^\W\d_]{2,}", form.casefold())
    )


def core_name(name: str) -> str:
    """A company name without case, width, punctuation or its legal form."""
    text = _words(name)
    for form in map(_words, _legal_forms()):
        # punctuation aside ("Co Ltd" is "Co., Ltd."); a Latin form only as whole words
        whole = not form.isascii() or text[: -len(form)].endswith(" ")
        if text.endswith(form) and len(text) > len(form) and whole:
            return text[: -len(form)].strip()
    return text


def _words(text: str) -> str:
    """Casefolded words of ``text``, width and punctuation aside, one space between."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def check_conflicts(
    new_parties: Iterable[tuple[str, Party]], existing: Sequence[MatterParty]
) -> list[Conflict]:
    """Every existing matter a new party (with its role) appears in, conflicts first."""
    found: list[Conflict] = []
    for role, new in new_parties:
        names = {core_name(n) for n in new.names()} - {""}
        ids = {(i.kind, i.value.strip().casefold()) for i in new.identifiers}
        for other in existing:
            found.extend(_match(new, role, names, ids, other))
    return sorted(found, key=lambda c: (not c.certain, c.matter))


def _match(
    new: Party, role: str, names: set[str], ids: set[tuple[IdentifierKind, str]], other: MatterParty
) -> list[Conflict]:
    def conflict(how: str, same_party: bool) -> Conflict:
        opposite = role != other.role
        shown = how if opposite else f"{how}, same side"
        certain = same_party and opposite
        return Conflict(other.matter, other.role, new.name, other.party.name, shown, certain)

    shared = [i for i in other.party.identifiers if (i.kind, i.value.strip().casefold()) in ids]
    if shared:
        return [conflict(f"same identifier ({shared[0].kind} {shared[0].value})", True)]
    theirs = {core_name(n) for n in other.party.names()} - {""}
    if names & theirs:
        return [conflict("same name", True)]
    best = max((fuzz.token_sort_ratio(a, b) for a in names for b in theirs), default=0.0)
    if best >= POSSIBLE_FROM:
        return [conflict(f"similar name ({best:.0f})", False)]
    return []
