"""A provider's outreach: anonymised case studies, seminars and consultation sessions.

A case study shares what a dispute teaches without who was in it: every name the parties
go by (and its core, without the legal form) is replaced by the party's role before the
text leaves the provider.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.conflicts import core_name, legal_form_words

# The most people one event can count (a stadium-sized seminar): a larger figure is a typo,
# and every interface refuses it the same way.
ATTENDANCE_MAX = 1_000_000


class OutreachKind(enum.StrEnum):
    CASE_STUDY = "case_study"
    SEMINAR = "seminar"
    CONSULTATION = "consultation"


EventKind = Literal["seminar", "consultation"]
"""The kinds a provider records as held: a case study is not recorded but written from an
ended dispute, so the interfaces offer (and their help and errors list) these two only.
Plain values, as the command line and the API show them to users."""
EVENT_KINDS = tuple(OutreachKind(value) for value in get_args(EventKind))


@dataclass(kw_only=True, eq=False)
class OutreachEvent:
    provider_organisation_id: int
    kind: OutreachKind
    title: str
    held_on: date
    attendance: int = 0
    summary: str = ""
    enterprise_ids: list[int] = field(default_factory=list)  # member enterprises reached
    dispute_id: int | None = None  # the dispute a case study was written from
    confidentiality: Confidentiality = Confidentiality.PUBLIC
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "held_on": self.held_on.isoformat(),
            "attendance": self.attendance,
            "summary": self.summary,
            "dispute_id": self.dispute_id,
            "marking": self.confidentiality.value,
        }


def anonymise(
    text: str,
    names_by_role: Mapping[str, Iterable[str]],
    is_common_word: Callable[[str], bool] = lambda word: False,
    identifiers_by_role: Mapping[str, Iterable[str]] | None = None,
) -> str:
    """``text`` with every party name replaced by its role, erring on the side of hiding.

    First each name and its core (without the legal form) is replaced wherever it stands,
    longest first; Latin-script names as whole words ("Beta" not inside "Betamax"), Chinese
    anywhere. Then a short form the text uses ("Example Robotics" for "Beijing Example
    Robotics Co., Ltd.") or a leftover "Co. Ltd" must not give the party away: a run of two
    or more words of a party's core names becomes its role, and so does one such word
    standing alone unless it is a common word of the language (``is_common_word``), which
    the text then most likely uses in its own sense: "a video platform's app" written of
    "Quick Clip App Co." keeps its "app", while "Robotics" alone still hides. A word of
    both sides' names becomes "[party]".

    A party's recorded identifiers (its e-mail, domain, seller or app id) become its role
    wherever they stand, and any other e-mail or web address becomes "[address]": a case
    study is public, and an address names a business as surely as its name.
    """
    for role, identifiers in (identifiers_by_role or {}).items():
        for value in sorted({i.strip() for i in identifiers if len(i.strip()) >= 3}, key=len,
                            reverse=True):  # fmt: skip
            text = re.sub(rf"(?<![\w.@-]){re.escape(value)}(?![\w@-])", f"[{role}]", text,
                          flags=re.IGNORECASE)  # fmt: skip
    text = _ADDRESS.sub("[address]", text)
    replacements: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    for role, names in names_by_role.items():
        for name in names:
            for variant in {name.strip(), core_name(name)}:
                if len(variant) >= 2:
                    replacements.append((variant, f"[{role}]"))
            for word in _LATIN_WORD.findall(core_name(name)):
                if len(word) >= 2:
                    word = word.casefold()
                    words[word] = (
                        "[party]" if words.get(word, f"[{role}]") != f"[{role}]" else f"[{role}]"
                    )
    for variant, role in sorted(replacements, key=lambda pair: -len(pair[0])):
        pattern = re.escape(variant)
        if _LATIN.fullmatch(variant):  # whole words only; Chinese has no spaces to respect
            pattern = rf"(?<!\w){pattern}(?!\w)"
        text = re.sub(pattern, role, text, flags=re.IGNORECASE)
    if words:
        alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        runs = re.compile(rf"(?<!\w)(?:{alternatives})(?:[ -]+(?:{alternatives}))*(?!\w)", re.I)
        text = runs.sub(lambda run: _role_of_run(run.group(0), words, is_common_word), text)
    return _tidy(text)


def _role_of_run(run: str, words: Mapping[str, str], is_common_word: Callable[[str], bool]) -> str:
    """The role a run of name words stands for; a lone common word is left as written."""
    found = _LATIN_WORD.findall(run)
    if len(found) == 1 and is_common_word(found[0]):
        return run
    roles = {words.get(word.casefold(), "[party]") for word in found}
    return roles.pop() if len(roles) == 1 else "[party]"


def _tidy(text: str) -> str:
    """One role for a run of the same role, and no legal form left trailing after one."""
    forms = "|".join(sorted(map(re.escape, legal_form_words()), key=len, reverse=True))
    trailing = re.compile(rf"(\[\w+\])(?:[ ,.]+(?:{forms})(?!\w))+\.?", re.IGNORECASE)
    repeated = re.compile(r"(\[(\w+)\])(?:[ ,.&-]+\[\2\])+")
    before = None
    while before != text:
        before = text
        text = repeated.sub(r"\1", trailing.sub(r"\1", text))
    return text


_LATIN = re.compile(r"[\x00-\u024f]+")
# an e-mail address, or a web address written with its scheme or www.
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)[^\s<>\"']+[\w/]",
                      re.IGNORECASE)  # fmt: skip
_LATIN_WORD = re.compile(r"[^\W\d_\u3000-\u9fff]+")
