"""Look-alike domains, package ids and deep-link schemes: make them, and recognise them.

Forward: the variants an infringer would register for a mark (as a domain, an Android/iOS
package id or a URL scheme). Backward: which mark of a portfolio a given domain, package
id or scheme imitates, and by which technique. A scheme has no visible use as a mark, so
a scheme hit is labelled a possible unfair-competition matter as much as a trademark one.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ipsentry.matching.marks.explain import describe
from ipsentry.matching.marks.lexicon import _json, keyboard_neighbours, visual_tables
from ipsentry.matching.marks.screen import PortfolioMatcher, ScreenHit, same_mark
from ipsentry.matching.marks.text import MarkText

VOWELS = "aeiouy"
LABEL_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
# Latin letters and the characters of other scripts that print the same (IDN homographs).
IDN_HOMOGLYPHS = dict(zip("acaeijopsxy", "асаеіјорѕху", strict=True))


class NameKind(enum.StrEnum):
    DOMAIN = "domain"
    PACKAGE = "package"  # com.vendor.app
    SCHEME = "scheme"  # vendor://


@cache
def _tables() -> dict[str, Any]:
    return _json("lookalikes.json")


@dataclass(frozen=True, order=True)
class Variant:
    text: str
    technique: str


def _label_variants(label: str) -> Iterable[Variant]:
    """Variants of one label; the more telling technique first (a '3' for 'e' is a homoglyph
    before it is a keyboard slip)."""
    tables = visual_tables()
    for group, letter in tables.groups:
        if letter in label:
            yield Variant(label.replace(letter, group, 1), "homoglyph")
    for look, letter in tables.characters.items():
        if look.isdigit():
            for i in (i for i, char in enumerate(label) if char == letter):
                yield Variant(label[:i] + look + label[i + 1 :], "homoglyph")
    keys = keyboard_neighbours()
    n = len(label)
    for i in range(n):
        if label[i] in IDN_HOMOGLYPHS:
            yield Variant(label[:i] + IDN_HOMOGLYPHS[label[i]] + label[i + 1 :], "homoglyph (IDN)")
        yield Variant(label[:i] + label[i + 1 :], "omission")
        yield Variant(label[:i] + label[i] + label[i:], "repetition")
        if i + 1 < n and label[i] != label[i + 1]:
            yield Variant(label[:i] + label[i + 1] + label[i] + label[i + 2 :], "transposition")
        for near in keys.get(label[i], ""):
            yield Variant(label[:i] + near + label[i + 1 :], "replacement")
            yield Variant(label[:i] + near + label[i:], "insertion")
            yield Variant(label[: i + 1] + near + label[i + 1 :], "insertion")
        if label[i] in VOWELS:
            for vowel in VOWELS:
                if vowel != label[i]:
                    yield Variant(label[:i] + vowel + label[i + 1 :], "vowel swap")
        for bit in range(8):
            flipped = chr(ord(label[i]) ^ (1 << bit))
            if flipped in LABEL_CHARS and flipped != label[i]:
                yield Variant(label[:i] + flipped + label[i + 1 :], "bitsquatting")
        if i > 0:
            yield Variant(label[:i] + "-" + label[i:], "hyphenation")
    for char in "abcdefghijklmnopqrstuvwxyz0123456789":
        yield Variant(label + char, "addition")
    for word in _tables()["affixes"]:
        yield Variant(label + word, "added word")
        yield Variant(label + "-" + word, "added word")
        yield Variant(word + label, "added word")
        yield Variant(word + "-" + label, "added word")


def _label(mark: str) -> str:
    """The mark as a DNS label: its words, joined by hyphens where it had separators."""
    return "-".join(MarkText.of(mark).words)


def generate(mark: str, kind: NameKind = NameKind.DOMAIN, tld: str = "com") -> list[Variant]:
    """The names an infringer would register for `mark`, each with its technique."""
    label = _label(mark)
    if not label:
        return []
    found: dict[str, str] = {}
    for variant in _label_variants(label):
        text = variant.text.strip("-")
        if text and text != label and "--" not in text:
            found.setdefault(text, variant.technique)
    if kind == NameKind.DOMAIN:
        out = [Variant(f"{text}.{tld}", technique) for text, technique in found.items()]
        out += [
            Variant(f"{label}.{other}", "TLD swap") for other in _tables()["tlds"] if other != tld
        ]
    elif kind == NameKind.PACKAGE:
        out = [Variant(f"com.{text}.app", technique) for text, technique in found.items()]
        out += [
            Variant(f"com.{label}.{word}", "added word")
            for word in ("app", "android", "mobile", "official")
        ]
    else:
        out = [
            Variant(f"{text}://", technique) for text, technique in found.items() if "-" not in text
        ]
        out.append(Variant(f"{label}://", "identical scheme"))
    return sorted(set(out))


def labels_of(name: str, kind: NameKind) -> list[str]:
    """The parts of a domain, package id or scheme that could carry a mark."""
    text = name.strip().lower()
    if kind == NameKind.SCHEME:
        return [text.split(":", 1)[0]] if text else []
    if kind == NameKind.PACKAGE:
        boiler = set(_tables()["package_boilerplate"])
        return [seg for seg in text.split(".") if seg and seg not in boiler]
    host = text.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    host = (
        host.encode("ascii").decode("idna") if host.startswith("xn--") or ".xn--" in host else host
    )
    parts = [p for p in host.split(".") if p]
    suffixes = set(_tables()["public_suffixes"])
    cut = 2 if len(parts) > 2 and ".".join(parts[-2:]) in suffixes else 1
    return [p for p in parts[:-cut] if p != "www"] if len(parts) > 1 else parts


def _without_affixes(label: str) -> list[str]:
    """'ccell-shop' -> ['ccell shop', 'ccell']: the label with added words set apart or removed."""
    spaced = label.replace("-", " ").replace("_", " ")
    out = [spaced]
    compact = spaced.replace(" ", "")
    for word in _tables()["affixes"]:
        if compact.startswith(word) and len(compact) - len(word) >= 3:
            out.append(compact[len(word) :])
        if compact.endswith(word) and len(compact) - len(word) >= 3:
            out.append(compact[: -len(word)])
    return list(dict.fromkeys(out))


def technique(mark: str, label: str) -> str:
    """How `label` was made from `mark`, as far as one edit tells."""
    a, b = "".join(MarkText.of(mark).words), "".join(MarkText.of(label).words)
    if a == b:
        return "identical" if label.isascii() else "homoglyph (IDN)"
    if MarkText.of(mark).skeleton == MarkText.of(label).skeleton:
        return "homoglyph"
    if len(b) == len(a) - 1 and any(a[:i] + a[i + 1 :] == b for i in range(len(a))):
        return "omission"
    if len(b) == len(a) + 1:
        added = [i for i in range(len(b)) if b[:i] + b[i + 1 :] == a]
        if any(i > 0 and b[i] == b[i - 1] for i in added):
            return "repetition"
        if added:
            return "insertion"
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        ):
            return "transposition"
        if len(diff) == 1:
            i = diff[0]
            if bin(ord(a[i]) ^ ord(b[i])).count("1") == 1:
                return "bitsquatting"
            if b[i] in keyboard_neighbours().get(a[i], ""):
                return "replacement (keyboard neighbour)"
            if a[i] in VOWELS and b[i] in VOWELS:
                return "vowel swap"
            return "replacement"
    if a in b:
        return "added word"
    return "similar"


@dataclass(frozen=True)
class Imitation:
    """A domain, package id or scheme that imitates a mark of the portfolio."""

    name: str
    kind: NameKind
    label: str
    technique: str
    hit: ScreenHit
    declared_by_owner: bool | None  # per the owner's association files, when supplied
    registrations: tuple[str, ...] = ()  # every registration of the mark it imitates

    @property
    def matters(self) -> str:
        if self.kind == NameKind.SCHEME:
            return (
                "possible unfair competition as much as trademark: "
                "a scheme users never see may not be use as a mark"
            )
        return "trademark"

    def explain(self) -> str:
        parts = [
            f"'{self.label}' imitates {self.hit.mark}{_registered(self.registrations)} "
            f"({self.technique})",
            describe(self.hit.assessment, self.hit.mark, self.label).removesuffix("."),
        ]
        if self.kind == NameKind.SCHEME:
            parts.append(self.matters)
        if self.declared_by_owner is False:
            parts.append("not declared in the mark owner's app association files")
        elif self.declared_by_owner:
            parts.append("declared in the mark owner's app association files (the owner's own app)")
        return "; ".join(parts)


def imitations(
    name: str,
    kind: NameKind,
    matcher: PortfolioMatcher,
    owner_apps: set[str] | None = None,
    official: set[str] | None = None,
) -> list[Imitation]:
    """Which marks `name` imitates, best first; the owner's own names are not flagged."""
    if official and name.strip().lower() in official:
        return []
    best: dict[str, Imitation] = {}
    registrations: dict[str, set[str]] = {}
    for label in labels_of(name, kind):
        for candidate in _without_affixes(label):
            for hit in matcher.screen(candidate):
                key = same_mark(hit.mark)
                registrations.setdefault(key, set()).add(hit.registration)
                previous = best.get(key)
                if previous is None or hit.assessment.score > previous.hit.assessment.score:
                    declared = None
                    if owner_apps is not None and kind != NameKind.DOMAIN:
                        declared = name.strip().lower() in owner_apps
                    best[key] = Imitation(
                        name, kind, label, technique(hit.mark, label), hit, declared
                    )
    found = [
        replace(i, registrations=tuple(sorted(r for r in registrations[key] if r)))
        for key, i in best.items()
    ]
    return sorted(found, key=lambda i: (-i.hit.assessment.score, i.hit.mark, i.hit.right_id))


def _registered(registrations: tuple[str, ...]) -> str:
    return f" ({', '.join(registrations)})" if registrations else ""


def declared_apps(documents: Iterable[str]) -> set[str]:
    """App ids an owner's association files declare (Android assetlinks.json, iOS AASA)."""
    apps: set[str] = set()
    for text in documents:
        data = json.loads(text)
        statements = data if isinstance(data, list) else []
        for statement in statements:
            target = statement.get("target", {}) if isinstance(statement, dict) else {}
            if target.get("namespace") == "android_app" and target.get("package_name"):
                apps.add(str(target["package_name"]).lower())
        if isinstance(data, dict):
            for detail in data.get("applinks", {}).get("details", []):
                ids = detail.get("appIDs") or ([detail["appID"]] if "appID" in detail else [])
                for app_id in ids:
                    # iOS ids are TEAMID.bundle.id; a package id compares with the bundle id
                    apps.add(str(app_id).split(".", 1)[-1].lower())
    return apps
