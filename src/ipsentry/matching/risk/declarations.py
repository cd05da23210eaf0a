"""Score customs declarations against the rights recorded with customs, with every reason.

Each declaration meets the recorded marks through the portfolio matcher (brand and goods
description), then each recorded right it concerns adds the reasons its identification
guide supports: the HS code against the recorded goods, the unit value against the genuine
price, the route against the usual routes; earlier detentions add links by trader, consignee
or address. A reason counts once (its strongest instance) and reasons combine as independent
signals (``model.py``). Information (authorised traders, referential use, a parallel
import) is shown beside the risk but never raises it: goods a trader the holder authorises
(manufacturer, exporter, importer, distributor) ships or receives at a genuine price carry
the genuine mark, wherever they are going, so the mark and the route then count for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ipsentry.domain.customs import Coverage, Declaration, IdentificationGuide
from ipsentry.matching.marks.confusion import Category, Mark, Use, goods_read
from ipsentry.matching.marks.goods import Goods, encode_goods
from ipsentry.matching.marks.screen import (
    PortfolioMark,
    PortfolioMatcher,
    ScreenHit,
    same_mark,
)
from ipsentry.matching.marks.text import MarkText
from ipsentry.matching.notices.names import name_forms
from ipsentry.matching.risk.hs import digits, in_current_edition
from ipsentry.matching.risk.model import RiskModel, risk_model
from ipsentry.matching.risk.patents import PatentReader, PatentReading, RecordedPatent

_CACHE = 65_536  # distinct (sign, goods) pairs remembered: declarations repeat their lines


@dataclass(frozen=True)
class RecordedRight:
    """One recordation as the scorer needs it."""

    right_id: int
    label: str  # e.g. "CCELL (CN-GACC T2017-00001)"
    mark: Mark | None = None  # None for a patent or copyright
    guide: IdentificationGuide = field(default_factory=IdentificationGuide)
    coverage: Coverage = Coverage.BOTH
    holder: int | None = None  # the rights holder's organisation
    patent: RecordedPatent | None = None  # a recorded patent's claims, to chart goods on
    goods: str = ""  # the goods the recordation names


@dataclass(frozen=True)
class EarlierDetention:
    label: str  # e.g. "detention 12 (2026-10-20)"
    names: tuple[str, ...] = ()  # declarant, consignor, consignee
    address: str = ""


@dataclass(frozen=True)
class RiskReason:
    key: str
    weight: float
    strength: float
    right: str  # the recorded right (or earlier detention) the reason rests on
    evidence: str
    right_id: int | None = None

    @property
    def contribution(self) -> float:
        return self.weight * self.strength

    def text(self) -> str:
        counted = f" [{self.contribution:.2f}]" if self.weight else " [information]"
        return f"{self.key.replace('_', ' ')} {self.right}: {self.evidence}{counted}"


@dataclass(frozen=True)
class Risk:
    key: str
    risk: float
    level: str
    reasons: tuple[RiskReason, ...]

    @property
    def right_ids(self) -> tuple[int, ...]:
        found = {r.right_id for r in self.reasons if r.right_id is not None and r.weight}
        return tuple(sorted(found))

    def reasons_text(self) -> str:
        return "; ".join(r.text() for r in self.reasons)


def _address(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


class DeclarationScorer:
    """Built once per set of recordations; ``score`` is then called per declaration."""

    def __init__(
        self,
        recorded: Sequence[RecordedRight],
        earlier: Iterable[EarlierDetention] = (),
        model: RiskModel | None = None,
    ) -> None:
        self.recorded = list(recorded)
        self.model = model or risk_model()
        self.matcher = PortfolioMatcher(
            [PortfolioMark(i, r.mark, r.label) for i, r in enumerate(self.recorded) if r.mark]
        )
        self.earlier_names: dict[str, str] = {}
        self.earlier_addresses: dict[str, str] = {}
        for detention in earlier:
            for name in detention.names:
                for form in name_forms(name):
                    self.earlier_names.setdefault(form, detention.label)
            if _address(detention.address):
                self.earlier_addresses.setdefault(_address(detention.address), detention.label)
        self.authorised = self._authorised_lists()
        self.by_hs: dict[str, list[int]] = {}
        for i, r in enumerate(self.recorded):
            for code in {digits(c) for c in r.guide.hs_codes} - {""}:
                self.by_hs.setdefault(code, []).append(i)
        self.patent_rights = [i for i, r in enumerate(self.recorded) if r.patent is not None]
        self.patents = PatentReader(
            [(r.patent, r.goods) for r in self.recorded if r.patent is not None]
        )
        self._caches()

    def _authorised_lists(self) -> list[dict[str, tuple[str, str]]]:
        """Per recorded right, the traders its holder authorises for the mark (name form ->
        role, the recordation listing it). A holder lists its traders once, in one
        recordation's guide; they handle the genuine goods under every recordation of the
        same mark (a CBP recordation without a guide does not make them strangers)."""
        pooled: dict[tuple[int | None, str], dict[str, tuple[str, str]]] = {}
        for r in self.recorded:
            if r.mark is not None:
                listed = pooled.setdefault((r.holder, same_mark(r.mark.text)), {})
                for p in r.guide.authorised:
                    for form in name_forms(p.name):
                        listed.setdefault(form, (p.role, r.label))
        found = []
        for r in self.recorded:
            own = {
                form: (p.role, r.label) for p in r.guide.authorised for form in name_forms(p.name)
            }
            if r.mark is not None:
                own = {**pooled[(r.holder, same_mark(r.mark.text))], **own}
            found.append(own)
        return found

    def _caches(self) -> None:
        self._screen = lru_cache(maxsize=_CACHE)(self._screen_uncached)
        self._recorded_hs = lru_cache(maxsize=_CACHE)(self._recorded_hs_uncached)
        self._candidates = lru_cache(maxsize=_CACHE)(self._candidates_uncached)
        self._patent_reading = lru_cache(maxsize=_CACHE)(self._patent_reading_uncached)
        self._prepared: set[str] = set()  # descriptions whose goods readings are encoded

    def __getstate__(self) -> dict[str, object]:
        """Shipped to Dask workers without its caches (they hold bound methods); each
        worker starts its own."""
        caches = ("_screen", "_recorded_hs", "_candidates", "_patent_reading", "_prepared")
        return {k: v for k, v in self.__dict__.items() if k not in caches}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._caches()

    def _recorded_hs_uncached(self, code: str, edition: str) -> dict[int, str]:
        """The recorded rights whose goods the declared code falls within, with the
        recorded code it falls within (a heading covers its subheadings)."""
        found: dict[int, str] = {}
        for candidate in sorted(in_current_edition(code, edition)):
            for end in range(2, len(candidate) + 1):
                for i in self.by_hs.get(candidate[:end], ()):
                    found.setdefault(i, candidate[:end])
        return found

    # --- marks --------------------------------------------------------------------------
    def _candidates_uncached(self, sign: str) -> tuple[MarkText, dict[int, list[tuple[int, int]]]]:
        """The marks a brand or description could imitate: the same text meets them on
        whatever goods it is declared with, so they are looked up once per text."""
        read = MarkText.of(sign)
        return read, self.matcher.candidates(read)

    def _screen_uncached(
        self, sign: str, goods_text: str, hs_code: str, free_text: bool
    ) -> tuple[ScreenHit, ...]:
        read, candidates = self._candidates(sign)
        if not candidates:
            return ()
        goods = Goods(text=goods_text, hs_code=hs_code)
        use = Use(sign, goods, free_text=free_text, known_sign=read)
        return tuple(self.matcher.screen(sign, use=use, candidates=candidates))

    def mark_hits(self, d: Declaration) -> dict[int, tuple[str, str, ScreenHit]]:
        """The best hit per recorded right: (field, sign, hit)."""
        best: dict[int, tuple[str, str, ScreenHit]] = {}
        signs = [("brand", d.brand, False), ("description", d.description, True)]
        for name, sign, free in signs:
            if not sign.strip():
                continue
            for hit in self._screen(sign, d.description, d.hs_code, free):
                kept = best.get(hit.right_id)
                if kept is None or hit.assessment.score > kept[2].assessment.score:
                    best[hit.right_id] = (name, sign, hit)
        return best

    # --- declarations ---------------------------------------------------------------------
    def score_all(self, declarations: Sequence[Declaration]) -> list[Risk]:
        """Each declaration's risk, in order; the goods texts the mark engine will read are
        encoded together first (a file repeats a few thousand descriptions, and one batch
        costs far less than one encoder call each)."""
        texts: list[str] = []
        for description in dict.fromkeys(d.description for d in declarations):
            if description.strip() and description not in self._prepared:
                if len(self._prepared) >= _CACHE:
                    self._prepared.clear()
                self._prepared.add(description)
                texts += self._goods_texts(description)
        encode_goods(t for t in texts if Goods(text=t).encodable)
        return [self.score(d) for d in declarations]

    def _goods_texts(self, description: str) -> list[str]:
        """The goods texts judging a description reads: the description, and for each mark
        it may hold, the description without the stretch read as the mark."""
        read, candidates = self._candidates(description)
        use = Use(description, Goods(text=description), free_text=True, known_sign=read)
        texts = [description.strip()]
        for i, spans in candidates.items():
            mark = self.matcher.marks[i].mark
            texts.append(goods_read(mark, use, self.matcher.judged_spans(i, spans)).text.strip())
        return texts

    def score(self, d: Declaration) -> Risk:
        reasons: list[RiskReason] = []
        hits = self.mark_hits(d)
        by_hs = self._recorded_hs(d.hs_code, d.hs_edition) if d.hs_code else {}
        goods_only: list[int] = []
        for i in sorted(set(hits) | set(by_hs)):
            right = self.recorded[i]
            if not right.coverage.covers(d.direction):
                continue
            if i in hits:
                reasons += self._right_reasons(d, i, right, hits[i], by_hs.get(i))
            else:
                goods_only.append(i)
        reasons += self._goods_only(d, goods_only, by_hs)
        reasons += self._patent_reasons(d, by_hs)
        reasons += self._earlier(d)
        return self._combine(d.key, reasons)

    def _goods_only(
        self, d: Declaration, indices: list[int], by_hs: dict[int, str]
    ) -> list[RiskReason]:
        """Rights the goods (not the marks) point to: one reason for all of them, since a
        heading recorded for many rights says the same thing once. A low price says nothing
        here: unbranded or compatible goods are not the genuine product whose price is known."""
        if not indices:
            return []
        first = self.recorded[indices[0]]
        label = first.label + (f" and {len(indices) - 1} more" if len(indices) > 1 else "")
        single = first.right_id if len(indices) == 1 else None
        w = self.model.weight
        evidence = f"HS {d.hs_code} ({d.hs_edition}) within {by_hs[indices[0]]}"
        return [RiskReason("recorded_goods", w("recorded_goods"), 1.0, label, evidence, single)]

    # --- patents --------------------------------------------------------------------------
    def _patent_reading_uncached(
        self, position: int, description: str, within_hs: bool
    ) -> PatentReading | None:
        """A recorded patent charted on a description the pre-filter lets through (its HS
        code within the recorded goods, or a term shared with them)."""
        if not (within_hs or self.patents.related(position, description)):
            return None
        return self.patents.read(position, description)

    def _patent_reasons(self, d: Declaration, by_hs: dict[int, str]) -> list[RiskReason]:
        """Each recorded patent whose claims the goods description reads on, in part or in
        full, weighed by the share of the claim's elements it states."""
        if not d.description.strip():
            return []
        found = []
        for position, i in enumerate(self.patent_rights):
            right = self.recorded[i]
            if not right.coverage.covers(d.direction):
                continue
            reading = self._patent_reading(position, d.description, i in by_hs)
            if reading is not None:
                assert right.patent is not None
                evidence = reading.text(right.patent.number)
                weight = self.model.weight("recorded_patent")
                found.append(RiskReason("recorded_patent", weight, reading.share, right.label,
                                        evidence, right.right_id))  # fmt: skip
        return found

    def _low_price(
        self, d: Declaration, ratio: float, strength: float, label: str, right_id: int | None
    ) -> RiskReason:
        assert d.unit_value is not None
        value = f"{d.unit_value.amount} {d.unit_value.currency}"
        evidence = f"unit value {value} is {ratio:.0%} of the genuine price"
        weight = self.model.weight("low_price")
        return RiskReason("low_price", weight, strength, label, evidence, right_id)

    def _right_reasons(
        self,
        d: Declaration,
        index: int,
        right: RecordedRight,
        hit: tuple[str, str, ScreenHit],
        recorded_hs: str | None,
    ) -> list[RiskReason]:
        guide, w = right.guide, self.model.weight
        found: list[RiskReason] = []

        def add(key: str, strength: float, evidence: str) -> None:
            found.append(RiskReason(key, w(key), strength, right.label, evidence, right.right_id))

        marked = hit[2].assessment.category in (Category.COUNTERFEIT, Category.CONFUSING)
        parties = self._authorised_parties(d, index)
        ratio = self._price_ratio(d, guide)
        genuine_price = ratio is None or ratio >= self.model.price_none
        for party in parties:
            add("authorised_trader", 1.0, party)
        name, sign, screened = hit
        a = screened.assessment
        what = f"{name} '{sign}' ~ {screened.mark} ({a.category.value.replace('_', ' ')}"
        what += f", {a.score:.2f})"
        genuine = marked and bool(parties) and genuine_price
        if a.category is Category.REFERENTIAL:
            add("referential_use", 1.0, what)
        elif genuine:
            add("genuine_goods", 1.0, f"{what} not counted as risk: {' and '.join(parties)}, "
                "at a genuine price")  # fmt: skip
        elif a.category is Category.COUNTERFEIT:
            add("counterfeit_mark", 1.0, what)
        elif marked:
            add("confusing_mark", a.score, what)
        if marked and not parties:
            add("not_authorised", 1.0, "no party is on the authorised list")
        if marked and guide.hs_codes and d.hs_code and recorded_hs is None:
            recorded = ", ".join(guide.hs_codes)
            add("misdeclared_goods", 1.0, f"HS {d.hs_code} outside recorded goods {recorded}")
        if recorded_hs is not None:
            add("recorded_goods", 1.0, f"HS {d.hs_code} ({d.hs_edition}) within {recorded_hs}")
        if ratio is not None and marked:
            strength = self.model.price_strength(ratio)
            if strength > 0:
                found.append(self._low_price(d, ratio, strength, right.label, right.right_id))
        if (
            marked
            and not genuine  # genuine goods on another route are parallel trade, lawful
            and guide.routes
            and not any(r.matches(d.origin, d.destination, d.port) for r in guide.routes)
        ):
            usual = ", ".join(r.label() for r in guide.routes)
            add("unusual_route", 1.0, f"{d.origin or '?'} -> {d.destination or '?'} "
                f"via {d.port or '?'} is not a usual route ({usual})")  # fmt: skip
        return found

    def _authorised_parties(self, d: Declaration, index: int) -> list[str]:
        """Each party of the declaration on the holder's authorised list, said as evidence
        (with the recordation listing it when that is another recordation of the mark)."""
        known, label = self.authorised[index], self.recorded[index].label
        found = []
        for party in (d.declarant, d.consignor, d.consignee):
            listed = next((known[f] for f in sorted(name_forms(party)) if f in known), None)
            if party and listed is not None:
                role, source = listed
                where = "" if source == label else f" (listed in {source})"
                found.append(f"{party} is an authorised {role}{where}")
        return list(dict.fromkeys(found))

    @staticmethod
    def _price_ratio(d: Declaration, guide: IdentificationGuide) -> float | None:
        """Unit value over the lowest genuine price in the same currency (None: no price
        to compare with)."""
        if d.unit_value is None:
            return None
        prices = [p.price.amount for p in guide.prices if p.price.currency == d.unit_value.currency]
        if not prices or min(prices) <= 0:
            return None
        return float(d.unit_value.amount / min(prices))

    def _earlier(self, d: Declaration) -> list[RiskReason]:
        """One reason however many links: the weight counts once, so listing each link
        (a consignor and a consignee of one detention, or two detentions) as a reason of
        its own would show the officer the same reason twice."""
        links: dict[str, list[str]] = {}  # detention -> what links the declaration to it
        for role, party in (("declarant", d.declarant), ("consignor", d.consignor),
                            ("consignee", d.consignee)):  # fmt: skip
            forms = sorted(name_forms(party)) if party else []
            label = next((self.earlier_names[f] for f in forms if f in self.earlier_names), None)
            if label is not None:
                links.setdefault(label, []).append(f"{role} {party}")
        at = self.earlier_addresses.get(_address(d.address)) if d.address else None
        if at is not None:
            links.setdefault(at, []).append(f"address {d.address}")
        if not links:
            return []
        if len(links) == 1:
            evidence = " and ".join(*links.values()) + " named in it too"
        else:
            evidence = ", ".join(
                f"{' and '.join(what)} named in {label}" for label, what in links.items()
            )
        w = self.model.weight("earlier_detention")
        return [RiskReason("earlier_detention", w, 1.0, " and ".join(links), evidence)]

    def _combine(self, key: str, reasons: list[RiskReason]) -> Risk:
        strongest: dict[str, float] = {}
        for reason in reasons:
            strongest[reason.key] = max(strongest.get(reason.key, 0.0), reason.contribution)
        remaining = 1.0
        for contribution in strongest.values():
            remaining *= 1.0 - contribution
        risk = round(1.0 - remaining, 4)
        ordered = sorted(reasons, key=lambda r: (-r.contribution, r.key))
        return Risk(key, risk, self.model.level(risk), tuple(ordered))
