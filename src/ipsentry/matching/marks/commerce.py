"""A mark used in commerce: whether the seller's own words make the use lawful.

Chinese e-commerce names brands all the time without infringing them: a reseller or a
repair shop names the genuine goods it sells or services (代购, 维修, 回收, 适用于 ...),
a road or a building bears the word as its name, or the merchant's registered enterprise
name has the word as its trade name (字号). A claim to be an authorised store (专卖店,
旗舰店, 官方) is the opposite: it needs the owner's consent. And the industry written in
an enterprise name (深圳市XX电子有限公司) tells what the seller trades in when its goods
are not stated. The cue words and their sources are data (`data/marks/commerce_zh.json`).

`judge_use` weighs these with the likelihood of confusion (`confusion.assess`) and names
the reason when the use is lawful: ``fair use: resale``, ``own trade name``, ``address``
or ``different industry``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ipsentry.matching.marks.confusion import THRESHOLD, Assessment, Mark, Use, assess
from ipsentry.matching.marks.explain import describe
from ipsentry.matching.marks.goods import Goods, relatedness
from ipsentry.matching.marks.lexicon import _json
from ipsentry.matching.marks.similarity import compare
from ipsentry.matching.marks.text import MarkText

FAIR_USE_FACTOR = 0.5  # a lawful use keeps this share of its score (as referential use does)
OWN_NAME_SIMILARITY = 0.90  # a trade name this like the mark is the mark
UNRELATED_INDUSTRY = 0.35  # goods relatedness at or below this is another industry
FOUND = 0.80  # the mark counts as used in the text from this similarity of the found stretch


class Reason(enum.StrEnum):
    RESALE = "fair use: resale"
    OWN_TRADE_NAME = "own trade name"
    ADDRESS = "address"
    DIFFERENT_INDUSTRY = "different industry"


@dataclass(frozen=True)
class Cues:
    fair_use: dict[str, tuple[str, ...]]  # kind (resale, service, fits) -> cue words
    authorisation: tuple[str, ...]
    imitation: tuple[str, ...]
    forms: tuple[str, ...]  # organisational forms, longest first
    provinces: tuple[str, ...]
    division_suffixes: tuple[str, ...]
    generic_trade: frozenset[str]
    address_terms: tuple[str, ...]
    industries: dict[str, frozenset[int]]


@cache
def cues() -> Cues:
    data: dict[str, Any] = _json("commerce_zh.json")

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return Cues(
        fair_use={k: longest_first(v) for k, v in data["fair_use"].items()},
        authorisation=longest_first(data["authorisation_claims"]),
        imitation=longest_first(data["imitation"]),
        forms=longest_first(data["organisation_forms"]),
        provinces=longest_first(data["divisions"]["provincial"]),
        division_suffixes=longest_first(data["divisions"]["suffixes"]),
        generic_trade=frozenset(data["generic_trade_words"]),
        address_terms=longest_first(data["address_terms"]),
        industries={w: frozenset(c) for w, c in data["industries"].items()},
    )


def _find(words: tuple[str, ...], text: str) -> str | None:
    """The first cue of `words` in `text`: Chinese anywhere, Latin as whole words."""
    lowered = text.lower()
    for word in words:
        if word.isascii():
            if re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", lowered):
                return word
        elif word in text:
            return word
    return None


@dataclass(frozen=True)
class EnterpriseName:
    """An enterprise name read as division + trade name (字号) + industry + form."""

    raw: str
    division: str
    trade_name: str
    industry: tuple[str, ...]  # the industry words, generic ones (科技, 贸易) included
    form: str

    @property
    def industry_classes(self) -> frozenset[int]:
        table = cues().industries
        return frozenset(c for word in self.industry for c in table.get(word, ()))


_BRACKETED = re.compile(r"[（(]([^()（）]*)[)）]")


def enterprise_name(text: str) -> EnterpriseName | None:
    """Read a registered enterprise name; None when `text` does not end in an organisational
    form (有限公司, 厂, Co., Ltd ...), i.e. is no enterprise name."""
    raw = " ".join(text.split())
    table = cues()
    form = next((f for f in table.forms if raw.lower().endswith(f)), None)
    if form is None:
        return None
    rest = raw[: len(raw) - len(form)].strip(" ,.")
    division = ""
    for bracketed in _BRACKETED.findall(rest):  # 思摩尔（深圳）科技: the division in brackets
        division += bracketed
    rest = _BRACKETED.sub("", rest).strip()
    province = next((p for p in table.provinces if rest.startswith(p)), "")
    if province:
        rest = rest[len(province) :]
        suffix = next((s for s in ("特别行政区", "自治区", "省", "市") if rest.startswith(s)), "")
        division += province + suffix
        rest = rest[len(suffix) :]
    suffixes = "|".join(re.escape(s) for s in table.division_suffixes)
    while match := re.match(rf"^[\u4e00-\u9fff]{{1,4}}?(?:{suffixes})", rest):
        if len(rest) - match.end() < 2:  # leave at least a two-character trade name
            break
        division += match.group(0)
        rest = rest[match.end() :]
    industry: list[str] = []
    words = sorted({*table.industries, *table.generic_trade}, key=len, reverse=True)
    while True:
        word = next((w for w in words if rest.endswith(w) and len(rest) - len(w) >= 2), None)
        if word is None:
            break
        industry.insert(0, word)
        rest = rest[: -len(word)]
    return EnterpriseName(raw, division, rest.strip(), tuple(industry), form)


@dataclass(frozen=True)
class Reading:
    """What the seller's words say about a use of the mark."""

    fair_use: str | None  # the cue word, e.g. '维修'
    fair_use_kind: str | None  # resale, service or fits
    authorisation: str | None  # a claim that needs the owner's consent, e.g. '专卖店'
    imitation: str | None  # an admission of copying, e.g. '高仿'
    own_name: EnterpriseName | None  # the seller's enterprise name whose trade name is the mark
    bare_trade_name: EnterpriseName | None  # ... written alone, as a brand
    address: str | None  # the address the mark is part of, e.g. '长城路'
    industry: EnterpriseName | None  # where the seller's industry was read
    industry_classes: frozenset[int]


def read_use(mark: MarkText, text: str, quote: str, owner: str, context: str) -> Reading:
    """Read the text around the found mark (`quote`) and the seller's own words."""
    table = cues()
    at = text.find(quote) if quote else -1
    around = text if at < 0 else text[:at] + " " + text[at + len(quote) :]
    words = f"{around} {context}"
    fair_use, kind = None, None
    for kind_, cue_words in table.fair_use.items():
        if found := _find(cue_words, words):
            fair_use, kind = found, kind_
            break
    names = [n for n in (enterprise_name(owner), enterprise_name(context)) if n is not None]
    own = next((n for n in names if _is_own_name(mark, n, text)), None)
    bare = next((n for n in names if own is None and _is_trade_name(mark, n)), None)
    industry = next((n for n in names if n.industry_classes), None)
    classes = industry.industry_classes if industry else frozenset()
    if not classes and context:
        classes = trade_classes(context)
    return Reading(
        fair_use=fair_use,
        fair_use_kind=kind,
        authorisation=_find(table.authorisation, words),
        imitation=_find(table.imitation, words),
        own_name=own,
        bare_trade_name=bare,
        address=_address(text, quote, at) if at >= 0 else None,
        industry=industry,
        industry_classes=classes,
    )


def _is_trade_name(mark: MarkText, name: EnterpriseName) -> bool:
    trade = name.trade_name
    return bool(trade) and compare(mark, MarkText.of(trade)).score >= OWN_NAME_SIMILARITY


def _is_own_name(mark: MarkText, name: EnterpriseName, text: str) -> bool:
    """The mark is the seller's trade name and the text writes it as part of the registered
    name (with its division, industry or form), not alone as a brand: prominent use of a
    trade name on the same goods is infringement (SPC Interpretation 2002/2020, art. 1(1))."""
    trade = name.trade_name
    if not _is_trade_name(mark, name):
        return False
    written = [name.division + trade, trade + name.form, *(trade + w for w in name.industry[:1])]
    return any(w in text for w in written if w != trade)


def _address(text: str, quote: str, at: int) -> str | None:
    """The mark as the name of a road, building or place: followed by a generic place term
    (通名: 路, 街, 大厦 ...), at most one character or a space between."""
    after = text[at + len(quote) :]
    for term in cues().address_terms:
        pattern = rf"^\s?{re.escape(term)}\b" if term.isascii() else rf"^[^\W\d_]?{re.escape(term)}"
        if match := re.match(pattern, after, re.IGNORECASE):
            return quote + match.group(0)
    return None


@dataclass(frozen=True)
class UseJudgement:
    """The likelihood of confusion of a use in commerce, and the reason when it is lawful."""

    mark: str
    text: str
    assessment: Assessment
    reading: Reading
    reason: Reason | None
    score: float

    @property
    def verdict(self) -> str:
        if self.reason is not None:
            return self.reason.value
        return "similar" if self.score >= THRESHOLD else "not_similar"

    def explain(self) -> str:
        r = self.reading
        parts = [describe(self.assessment, self.mark, self.text).removesuffix(".")]
        said = self.assessment.context
        if r.imitation and not (said and said.imitation):
            parts.append(f"the seller's words admit imitation ('{r.imitation}')")
        if r.authorisation:
            parts.append(
                f"'{r.authorisation}' claims an authorised store or official status, "
                "which needs the mark owner's consent"
            )
        referential = self.assessment.context and self.assessment.context.referential
        if self.reason == Reason.RESALE and not referential:
            parts.append(
                f"'{r.fair_use}' names the genuine goods the seller {_KIND[r.fair_use_kind or '']}"
                " (fair use, Trademark Law art. 59)"
            )
        elif self.reason == Reason.OWN_TRADE_NAME and r.own_name:
            parts.append(
                f"the mark is the trade name of the seller's registered enterprise name "
                f"'{r.own_name.raw}'"
            )
        elif r.bare_trade_name:
            parts.append(
                f"the mark is the trade name of the seller's enterprise name "
                f"'{r.bare_trade_name.raw}' but is written alone, as a brand, not as that name"
            )
        if self.reason == Reason.ADDRESS:
            parts.append(f"the mark is part of the address '{r.address}'")
        elif self.reason == Reason.DIFFERENT_INDUSTRY:
            where = f"'{r.industry.raw}'" if r.industry else "the seller's description"
            parts.append(
                f"{where} puts the seller in another industry (classes "
                + ", ".join(str(c) for c in sorted(r.industry_classes))
                + ")"
            )
        return "; ".join(parts) + "."


_KIND = {
    "resale": "resells",
    "service": "services or repairs",
    "fits": "makes parts or supplies for",
}


def trade_classes(text: str) -> frozenset[int]:
    """Nice classes of the Chinese trade words in `text` (服装 -> 25, 餐饮 -> 43)."""
    return frozenset(c for w, cs in cues().industries.items() if w in text for c in cs)


def _with_classes(goods: Goods) -> Goods:
    """Goods written in Chinese, with the classes their trade words name."""
    if goods.classes or not goods.text:
        return goods
    found = trade_classes(goods.text)
    return replace(goods, classes=found) if found else goods


def judge_use(mark: Mark, use: Use, *, owner: str = "", context: str = "") -> UseJudgement:
    """Judge a use of `mark` in commerce with the seller's name (`owner`) and other words
    around the use (`context`: the shop's registered name, the seller's description)."""
    mark = replace(mark, goods=_with_classes(mark.goods))
    use = replace(use, goods=_with_classes(use.goods))
    first = assess(mark, use)
    reading = read_use(mark.sign, use.text, first.located or use.text, owner, context)
    judged = first
    if reading.industry_classes and not use.goods.stated:
        judged = assess(mark, replace(use, goods=Goods(classes=reading.industry_classes)))
    found = first.similarity.score >= FOUND
    lawful = not (reading.imitation or reading.authorisation)
    reason = None
    if found and lawful:
        if reading.fair_use:
            reason = Reason.RESALE
        elif reading.own_name:
            reason = Reason.OWN_TRADE_NAME
        elif reading.address:
            reason = Reason.ADDRESS
    referential = bool(judged.context and judged.context.referential)
    score = judged.score * (FAIR_USE_FACTOR if reason and not referential else 1.0)
    if reason is None and reading.industry_classes and mark.goods.stated:
        industry = relatedness(Goods(classes=reading.industry_classes), mark.goods)
        if industry.score is not None and industry.score <= UNRELATED_INDUSTRY:
            reason = Reason.DIFFERENT_INDUSTRY
            score = min(score, judged.score)
    return UseJudgement(mark.text, use.text, judged, reading, reason, round(score, 4))
