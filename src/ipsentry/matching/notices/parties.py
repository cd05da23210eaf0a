"""Parties as a 337 notice names them: ``NAME (“Short”) of CITY, REGION, COUNTRY`` or
``NAME, STREET, CITY, COUNTRY`` (the service lists of an institution notice), in lists
joined by semicolons, commas and a final "and".

The split between a name and its location follows the Federal Register's convention: a
company's name ends with its legal form (``Co., Ltd.``, ``Inc.``, ``GmbH``; ISO 20275, see
``data/notices/entity_forms.txt``), and a location follows as ``of PLACE`` or, in a service
list, as the address after the next comma. Short names in quotes or parentheses are kept
as aliases, since later sentences of the notice refer to a party by them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from babel import Locale

from ipsentry.matching.notices.text import word_list

_PARENTHETICAL = re.compile(r"\(([^()]{0,160})\)")
_QUOTED = re.compile(r"“([^”]{1,80}?),?”")
# Defined terms a notice gives to a group or a role, never a party's own short name.
_ROLE_WORDS = re.compile(r"\b(?:respondents?|complainants?|collectively|the)\b", re.IGNORECASE)
_LOCATION_WORDS = frozenset(
    [
        "of",
        "the",
        "de",
        "del",
        "da",
        "do",
        "di",
        "du",
        "des",
        "la",
        "le",
        "am",
        "an",
        "der",
        "upon",
        "y",
    ]
)
_NOT_PARTIES = re.compile(
    r"Office of Unfair Import Investigations|^(?:the )?(?:U\.S\. )?(?:International Trade )?"
    r"Commission\b|^(?:the|and|certain|respondents?|complainants?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Party:
    """A named party, where the notice places it, and the short names it goes by."""

    name: str
    location: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def record(self) -> dict[str, str]:
        return {"name": self.name, "location": self.location}


@cache
def entity_form() -> re.Pattern[str]:
    """Legal forms as written, and in capitals where that cannot be a US state ("CO")."""
    written = word_list("entity_forms.txt")
    capitals = [f.upper() for f in written if len(f.rstrip(".")) >= 3 or "." in f]
    forms = sorted(set(written) | set(capitals), key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    # a form ends a word; consecutive forms ("Co., Ltd.", "GmbH & Co. KG") read as one
    one = rf"(?:{alternatives})(?![\w&])"
    return re.compile(rf"(?<![\w&]){one}(?:,?\s+{one})*")


@cache
def _countries() -> frozenset[str]:
    names = {str(n) for n in Locale("en").territories.values()}
    return frozenset(n.lower() for n in names) | {"hong kong", "taiwan", "korea", "prc"}


def ends_entry(line: str) -> bool:
    """Does a line of a service list end one party's entry (a country or a postal code)?"""
    tail = line.rstrip(" .;")
    if tail.endswith((",", "-")) or not tail:
        return False
    if re.search(r"\d{3,}$", tail):
        return True
    return any(tail.lower().endswith(c) for c in _countries())


def _protect(span: str) -> tuple[str, list[str]]:
    """Parentheticals out of the way of the list split (they hold commas and 'or')."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(0))
        return f"\x00{len(held) - 1}\x00"

    return _PARENTHETICAL.sub(hold, span), held


def _restore(text: str, held: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: held[int(m.group(1))], text)


def _is_complete(item: str) -> bool:
    """Could this be a whole party: a name with a location, or ending in a legal form?"""
    if re.search(r"\bof\s+(?:the\s+)?[A-Z]", item):
        return True
    last = list(entity_form().finditer(item))
    return bool(last) and last[-1].end() >= len(item.rstrip(" .,\x000123456789"))


def _split_lines(chunk: str, service_list: bool) -> list[str]:
    """A chunk laid out one party a line (no semicolons), split where a line ends an entry."""
    lines = [line for line in chunk.split("\n") if line.strip()]
    items: list[str] = []
    for line in lines:
        whole = items and ends_entry(items[-1]) and (service_list or _is_complete(items[-1]))
        if whole and line[:1].isupper():
            items.append(line)
        elif items:
            items[-1] += " " + line
        else:
            items.append(line)
    return items


def _ends_in_form(item: str) -> bool:
    last = list(entity_form().finditer(item))
    return bool(last) and last[-1].end() >= len(item.rstrip(" ."))


def _split_joined(item: str) -> list[str]:
    """'A of X and B of Y', 'A Inc., B LLC, and C Corp.': split where the left is whole."""
    parts = re.split(r"(,?\s+and\s+|,\s+)(?=[A-Z\x00“])", item)
    items = [parts[0]]
    for separator, part in zip(parts[1::2], parts[2::2], strict=True):
        if entity_form().match(part):  # "Acme, LLC", "Co., Ltd."
            split = False
        elif "and" in separator.split():
            split = _is_complete(items[-1])
        else:  # a bare comma separates names only when each ends in its legal form
            split = all(_ends_in_form(i) and " of " not in i for i in (items[-1], part))
        if split:
            items.append(part)
        else:
            items[-1] += separator + part
    if len(items) == 1 and _bare_names(item):  # "Foo, Bar, and Baz": short names only
        return [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", item) if p]
    return items


def _bare_names(item: str) -> bool:
    """A list of short names: no legal form, no place, each part one to three words."""
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", item) if p]
    if len(parts) < 2 or " of " in item or entity_form().search(item):
        return False
    return all(p[:1].isupper() and len(p.split()) <= 3 for p in parts)


def split_items(span: str, *, service_list: bool = False) -> list[str]:
    """The entries of a list of parties, each still with its parentheticals.

    A service list (an institution notice's "The respondents are ...:") gives one party
    with its street address per entry, so only semicolons and line ends separate there.
    """
    text, held = _protect(span)
    items: list[str] = []
    for chunk in re.split(r";|\n\n", text):
        chunk = re.sub(r"^\s*and\s+", "", chunk.strip())
        if not chunk:
            continue
        for line_item in _split_lines(chunk, service_list):
            flat = " ".join(line_item.split())
            items.extend([flat] if service_list else _split_joined(flat))
    return [_restore(i.strip(" ,"), held) for i in items if i.strip(" ,")]


def _aliases(item: str) -> tuple[str, list[str]]:
    found: list[str] = []
    for inner in _PARENTHETICAL.findall(item):
        quoted = _QUOTED.findall(inner)
        if quoted:
            found += [q.strip() for q in quoted]
        elif inner.startswith("collectively"):
            found.append(inner.removeprefix("collectively").strip(" ,“”"))
        elif re.fullmatch(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}", inner.strip()):
            found.append(inner.strip())
    bare = " ".join(_PARENTHETICAL.sub(" ", item).split()).replace(" ,", ",")
    return bare, [a for a in found if a and not _ROLE_WORDS.fullmatch(a.split()[-1])]


def location_of(text: str) -> str:
    """A place written as comma-separated capitalised parts; stops at the first other word."""
    kept: list[str] = []
    for number, part in enumerate(text.split(",")):
        words = part.split()
        if number == 0 and words[:1] == ["the"]:
            words = words[1:]
        good: list[str] = []
        for word in words:
            if word[:1].isupper() or word[:1].isdigit() or (good and word in _LOCATION_WORDS):
                good.append(word)
            else:
                break
        while good and good[-1] in _LOCATION_WORDS:
            good.pop()
        if good:
            kept.append(" ".join(good))
        if len(good) < len(words) or not good:
            break
    return ", ".join(kept).rstrip(" .;")


_OF = re.compile(r",?\s+of\s+(?=(?:the\s+)?[A-Z0-9])")


def _location_start(bare: str) -> re.Match[str] | None:
    """Where ``of PLACE`` begins: after a name ending in its legal form, else the first."""
    candidates = list(_OF.finditer(bare))
    for candidate in candidates:
        if _ends_in_form(bare[: candidate.start()]):
            return candidate
    return candidates[0] if candidates else None


def parse_party(item: str) -> Party | None:
    """One entry of a list: its name, location and aliases; None if it is no party."""
    bare, aliases = _aliases(item)
    bare = re.sub(r",?\s+(?:both|all|each)\s+(?=of\s)", " ", bare.strip(" ,;"))
    forms = list(entity_form().finditer(bare))
    after_form = forms[-1].end() if forms else 0
    of = _location_start(bare)
    if of:
        name, location = bare[: of.start()], location_of(bare[of.end() :])
    elif forms and re.match(r"\s*,\s*\S", bare[after_form:]):
        name, location = bare[:after_form], location_of(bare[after_form:].lstrip(" ,"))
    elif "," in bare and not forms:
        name, _, rest = bare.partition(",")
        location = location_of(rest)
    else:
        name, location = bare, ""
    name = name.strip(" ,;")
    initials = re.search(r"\b(?:[A-Za-z]\.){2,}$", name)  # "U.S.", "S.p.A."
    if not initials and (not forms or forms[-1].end() < len(name)):
        name = name.rstrip(".")
    if len(name) < 2 or not name[:1].isalnum() or _NOT_PARTIES.search(name):
        return None
    return Party(name, location, tuple(dict.fromkeys(a for a in aliases if a != name)))


def parse_parties(span: str, *, service_list: bool = False) -> list[Party]:
    """The parties of a list; a "(collectively, X)" at its end names every one of them."""
    items = split_items(span, service_list=service_list)
    parties = [p for p in (parse_party(item) for item in items) if p is not None]
    group = re.search(r"\(collectively,?\s+“?([^()”]+?)”?\)\s*$", items[-1]) if items else None
    if group and len(parties) > 1:
        alias = group.group(1).strip()
        parties = [
            Party(p.name, p.location, tuple(dict.fromkeys((*p.aliases, alias)))) for p in parties
        ]
    return list(dict.fromkeys(parties))


def labels_of(parties: list[Party]) -> dict[str, list[Party]]:
    """Every name and short name of the parties, with the parties it stands for."""
    labels: dict[str, list[Party]] = {}
    for party in parties:
        for label in dict.fromkeys((party.name, *party.aliases)):
            labels.setdefault(label, []).append(party)
    return labels


def resolve(party: Party, labels: dict[str, list[Party]]) -> tuple[Party, ...]:
    """The known parties a name read from a list stands for ("Harbor and Lumen")."""
    if party.name in labels:
        return tuple(labels[party.name])
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", party.name) if p]
    if len(parts) > 1 and all(p in labels for p in parts):
        return tuple(dict.fromkeys(q for p in parts for q in labels[p]))
    return (party,)
