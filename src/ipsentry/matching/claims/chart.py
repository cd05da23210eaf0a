"""Claim charts: each claim element mapped to quoted evidence in a product text.

The all-elements rule decides: a claim reads on a product only if every element is found,
and a dependent claim adds its elements to its parent's. Findings are literal; where an
element is missing but something close is there, the finding says so for counsel rather
than calling it present. Negative limitations are met only by evidence of absence,
closed transitions fail on extra components, means-plus-function elements are flagged
for construction, and quantities are compared as quantities.
"""

from __future__ import annotations

import copy
import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ipsentry.domain.rights import Claim, ClaimElement, ElementRole
from ipsentry.matching.claims.cutoffs import Cutoffs, shipped_cutoffs
from ipsentry.matching.claims.lexicon import (
    CLAIM_WORDS,
    Synonyms,
    build_synonyms,
    limitations,
    stems,
)
from ipsentry.matching.claims.limits import Exclusion, condition_of, exclusion, mentions, patterns
from ipsentry.matching.claims.passages import Passage, split
from ipsentry.matching.claims.quantities import Check, Quantity, check, quantities
from ipsentry.matching.claims.relations import Relation, lemma, related
from ipsentry.matching.claims.terms import Kin, Terms, kin, match, overlap, read_terms

# The cut-offs from element scores to findings (present, possible equivalent) and to a
# partial verdict are data (`cutoffs.py`), fitted inside a cross-validation by
# bench/claims_chart.py, which also measures how well coverage ranks products.
NEIGHBOUR_CREDIT = 0.9  # evidence spread over two adjacent passages counts a little less
ANYWHERE_SHARE = 0.75  # terms found anywhere in the product, not in one passage
DENSE_SHARE = 0.20  # how much meaning (the encoder) adds to an element's words
DENSE_FLOOR = 0.25  # cosine below this means nothing
# Coverage is the share of the claim's weighted terms (preamble included, parents' claims
# too) that the product states, blended with how closely the claim as a whole matches the
# product's closest stretch of text (the encoder): lexical coincidences in a product about
# something else count for less. The verdict rests on the elements alone.
RELEVANCE_SHARE = 0.40
RELEVANCE_FLOOR = 0.10
RELEVANCE_SPAN = 0.70
STRETCH_WORDS = 120


class Finding(enum.StrEnum):
    PRESENT = "present"
    ABSENT_AS_REQUIRED = "present (evidence of absence)"
    EQUIVALENT = "possible equivalent — for counsel"
    MISSING = "not found"
    CONTRADICTED = "contradicted"
    QUANTITY_NOT_MET = "quantity not met"
    CONSTRUE = "means-plus-function — construe against the specification"
    UNCONFIRMED_ABSENCE = "absence not shown — for counsel"


class Verdict(enum.StrEnum):
    READS_ON = "reads_on"
    PARTIAL = "partial"
    NO = "no"


@dataclass(frozen=True)
class ElementResult:
    claim_num: int  # the claim the element belongs to (a parent's, for a dependent claim)
    element: ClaimElement
    score: float
    finding: Finding
    evidence: str
    location: str
    matched: tuple[str, ...] = ()
    note: str = ""

    @property
    def found(self) -> bool:
        return self.finding in (Finding.PRESENT, Finding.ABSENT_AS_REQUIRED)

    def record(self) -> dict[str, object]:
        return {
            "text": self.element.text,
            "claim": self.claim_num,
            "evidence": self.evidence,
            "location": self.location,
            "score": round(self.score, 3),
            "finding": self.finding.value,
            "matched_terms": list(self.matched),
            "note": self.note,
        }


@dataclass(frozen=True)
class ClaimResult:
    """A claim charted against one product.

    `share_found` (elements found / elements) is the headline; `coverage` is a continuous
    ranking score (how much of the whole claim's wording and meaning the product carries),
    for ordering products and patents, not a share of anything a user counts.
    """

    claim: Claim
    elements: tuple[ElementResult, ...]
    coverage: float
    verdict: Verdict
    transition_note: str = ""
    mean_score: float = 0.0  # mean element score: the claim found element by element
    terms_found: float = 0.0  # share of the whole claim's weighted terms the product states
    relevance: float | None = None  # the claim as a whole against the closest stretch
    closest: str = ""

    @property
    def weakest(self) -> ElementResult | None:
        return min(self.elements, key=lambda e: e.score, default=None)

    @property
    def found_count(self) -> int:
        return sum(e.found for e in self.elements)

    @property
    def share_found(self) -> float:
        return self.found_count / len(self.elements) if self.elements else 0.0

    def record(self) -> dict[str, object]:
        weakest = self.weakest
        return {
            "num": self.claim.num,
            "share_found": round(self.share_found, 3),
            "elements_present": self.found_count,
            "elements_total": len(self.elements),
            "coverage": round(self.coverage, 3),
            "mean_element_score": round(self.mean_score, 3),
            "terms_found": round(self.terms_found, 3),
            "relevance": None if self.relevance is None else round(self.relevance, 3),
            "closest_stretch": self.closest,
            "verdict": self.verdict.value,
            "weakest": weakest.element.text if weakest else None,
            "transition": self.transition_note,
            "elements": [e.record() for e in self.elements],
        }


@dataclass(frozen=True)
class Product:
    """A product text read once: passages, their terms, quantities and, lazily, vectors.

    What a passage names only as something the product works with or that comes separately
    ('works with any 510 thread battery') is kept apart (`mentioned`): not the product's own.
    """

    text: str
    passages: tuple[Passage, ...]
    tables: tuple[Synonyms, ...]
    terms: tuple[Terms, ...] = field(default=())
    everywhere: dict[str, str] = field(default_factory=dict)  # every term -> its words
    mentioned: dict[str, str] = field(default_factory=dict)  # term -> the words naming it
    quantities: tuple[Quantity, ...] = field(default=())
    stretches: tuple[str, ...] = field(default=())  # for whole-claim comparison

    @property
    def all_terms(self) -> frozenset[str]:
        return frozenset(self.everywhere)

    @classmethod
    def read(cls, text: str, tables: tuple[Synonyms, ...]) -> Product:
        passages = tuple(split(text))
        terms: list[Terms] = []
        mentioned: dict[str, str] = {}
        for passage in passages:
            own, aside = passage.text, []
            for start, end in mentions(passage.text):
                aside.append(passage.text[start:end])
                own = own[:start] + " " * (end - start) + own[end:]
            terms.append(read_terms(own, tables))
            for words in aside:
                for key in read_terms(words, tables).weights:
                    mentioned.setdefault(key, " ".join(words.split()))
        everywhere = {k: v for t in terms for k, v in t.surface.items()}
        content = " ".join(p.text for p in passages)  # front matter left out
        return cls(
            text, passages, tables, tuple(terms), everywhere,
            {k: v for k, v in mentioned.items() if k not in everywhere},
            tuple(quantities(content)), _stretches(content),
        )  # fmt: skip


class _VectorCache:
    """Sentence vectors by text, so each product passage and claim element is encoded once
    however many charts it appears in."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def similarity(self, elements: Sequence[str], passages: Sequence[str]) -> np.ndarray:
        """Cosine similarity of every element text with every passage text."""
        if not elements or not passages:
            return np.zeros((len(elements), len(passages)), dtype=np.float32)
        from ipsentry.matching.text.encoder import encoder

        missing = list(dict.fromkeys(t for t in (*elements, *passages) if t not in self.vectors))
        if len(self.vectors) + len(missing) > self.LIMIT:
            self.vectors.clear()
        for text, vector in zip(missing, encoder().encode(missing), strict=True):
            self.vectors[text] = vector
        left = np.stack([self.vectors[t] for t in elements])
        right = np.stack([self.vectors[t] for t in passages])
        result: np.ndarray = left @ right.T
        return result


class ChartEngine:
    """Charts claims against products; one engine per process keeps the encoder warm."""

    def __init__(
        self,
        construction: dict[str, list[str]] | None = None,
        dense: bool = True,
        vectors: _VectorCache | None = None,
        cutoffs: Cutoffs | None = None,
    ) -> None:
        own = build_synonyms([[term, *meanings] for term, meanings in (construction or {}).items()])
        self.tables = (own,) if construction else ()
        self.dense = dense
        self._vectors = vectors or _VectorCache()
        self.cutoffs = cutoffs or shipped_cutoffs()

    def with_cutoffs(self, cutoffs: Cutoffs) -> ChartEngine:
        """The same engine judging by other cut-offs; it shares the tables and the vectors,
        so trying settings (bench/claims_chart.py) encodes nothing twice."""
        other = copy.copy(self)
        other.cutoffs = cutoffs
        return other

    def read(self, text: str) -> Product:
        return Product.read(text, self.tables)

    def chart(
        self, claims: Sequence[Claim], product: Product, nums: Sequence[int] | None = None
    ) -> list[ClaimResult]:
        """Chart the claims numbered `nums` (all independent claims when None)."""
        by_num = {c.num: c for c in claims}
        wanted = list(nums) if nums else [c.num for c in claims if c.is_independent]
        chains = {num: self._chain(num, by_num) for num in wanted}
        needed = {
            (c.num, e.position): (c, e)
            for chain in chains.values()
            for c in chain
            for e in c.elements
            if e.role == ElementRole.ELEMENT
        }
        keys = list(needed)
        texts = [needed[k][1].text for k in keys]
        dense = (
            self._vectors.similarity(texts, [p.text for p in product.passages])
            if self.dense
            else np.zeros((len(texts), len(product.passages)), dtype=np.float32)
        )
        scored = {
            k: self._element(
                needed[k][0], needed[k][1], product, dense[i], self._antecedents(k, by_num)
            )
            for i, k in enumerate(keys)
        }
        stretches = list(product.stretches)
        results = []
        for num in wanted:
            chain = chains[num]
            elements = tuple(
                scored[(c.num, e.position)]
                for c in chain
                for e in c.elements
                if (c.num, e.position) in scored
            )
            judged = self._judge(by_num[num], chain, elements, product)
            whole = " ".join(c.text for c in chain)
            terms_found, _ = overlap(read_terms(whole, self.tables), product.all_terms)
            judged = replace(judged, coverage=terms_found, terms_found=terms_found)
            if self.dense and stretches:
                cosines = self._vectors.similarity([whole], stretches)[0]
                best = int(np.argmax(cosines))
                relevance = float(np.clip((cosines[best] - RELEVANCE_FLOOR) / RELEVANCE_SPAN, 0, 1))
                coverage = (1 - RELEVANCE_SHARE) * terms_found + RELEVANCE_SHARE * relevance
                judged = replace(
                    judged, coverage=coverage, relevance=relevance, closest=stretches[best]
                )
            results.append(judged)
        return results

    def _antecedents(self, key: tuple[int, int], by_num: dict[int, Claim]) -> frozenset[str]:
        """Terms the claim introduced before this element: 'the device' refers back to them."""
        num, position = key
        claim = by_num[num]
        element = next(e for e in claim.elements if e.position == position)
        earlier = [c.text for c in self._chain(num, by_num)[:-1]]
        return read_terms(" ".join([*earlier, claim.text[: element.start]]), self.tables).keys

    @staticmethod
    def _chain(num: int, by_num: dict[int, Claim]) -> list[Claim]:
        """The claim and its ancestors, root first: a dependent claim inherits their elements."""
        chain = []
        seen: set[int] = set()
        current: int | None = num
        while current is not None and current not in seen:
            if current not in by_num:
                raise KeyError(f"claim {current} is not in the patent")
            seen.add(current)
            chain.append(by_num[current])
            current = by_num[current].depends_on
        return chain[::-1]

    def _element(
        self,
        claim: Claim,
        element: ClaimElement,
        product: Product,
        dense: np.ndarray,
        antecedents: frozenset[str] = frozenset(),
    ) -> ElementResult:
        text = element.text
        if not product.passages:
            return ElementResult(claim.num, element, 0.0, Finding.MISSING, "", "")
        excluded = exclusion(text)
        if excluded is not None:
            return self._negative(claim, element, excluded, product, dense, antecedents)
        result = self._positive(claim, element, text, product, dense)
        condition = condition_of(text)
        if condition and not result.note:
            result = replace(result, note=f"'{condition}' is read as a condition, not a limitation")
        return result

    def _positive(
        self, claim: Claim, element: ClaimElement, text: str, product: Product, dense: np.ndarray
    ) -> ElementResult:
        """An element that asks for something: its words, the product's words for the same
        thing, and its meaning (the encoder), passage by passage; the best passage (or two
        adjacent ones) is the evidence."""
        wanted = read_terms(text, self.tables)
        spans = [(i, i) for i in range(len(product.terms))]
        spans += [(i, i + 1) for i in range(len(product.terms) - 1)]
        relatives = kin(wanted, product.everywhere)
        anywhere = match(wanted, product.everywhere, relatives)

        def offered(first: int, last: int) -> dict[str, str]:
            if first == last:
                return product.terms[first].surface
            return {**product.terms[first].surface, **product.terms[last].surface}

        matches = [match(wanted, offered(first, last), relatives) for first, last in spans]

        def score(local: float, everywhere: float, first: int, last: int) -> float:
            credit = 1.0 if first == last else NEIGHBOUR_CREDIT
            words = (1 - ANYWHERE_SHARE) * local * credit + ANYWHERE_SHARE * everywhere
            if not self.dense:
                return words
            cosine = float(max(dense[first], dense[last])) if len(dense) else 0.0
            meaning = max(0.0, (cosine - DENSE_FLOOR) / (1 - DENSE_FLOOR))
            return (1 - DENSE_SHARE) * words + DENSE_SHARE * meaning

        strict = [
            score(m.share, anywhere.share, *span) for m, span in zip(matches, spans, strict=True)
        ]
        loose = [
            score(m.loose, anywhere.loose, *span) for m, span in zip(matches, spans, strict=True)
        ]
        best = int(np.argmax(strict))
        value = strict[best]
        notes: list[str] = []
        present, equivalent = self.cutoffs.present, self.cutoffs.equivalent
        if value >= present:
            finding = Finding.PRESENT
        elif max(loose) >= equivalent or value >= equivalent:
            finding = Finding.EQUIVALENT
            if value < equivalent or loose[int(np.argmax(loose))] >= present:
                best = int(np.argmax(loose))  # close only through a related kind of thing
                if matches[best].related:
                    notes.append(
                        "a related kind of thing, not the same: " + ", ".join(matches[best].related)
                    )
        else:
            finding = Finding.MISSING
        chosen = matches[best]
        head = _head_noun(text)
        if finding == Finding.PRESENT and head and not _names(head, wanted, product, relatives):
            # every word may fit but the thing itself: a printed wire is no printed film
            finding = Finding.EQUIVALENT
            notes.append(f"the product names no '{head}', the thing this element claims")
        if chosen.meaning:
            notes.append("by meaning (WordNet): " + ", ".join(chosen.meaning))
        if finding != Finding.MISSING and not chosen.matched and not chosen.meaning:
            notes.append("by meaning only (sentence encoder): no claim word in the passage")
        aside = {product.mentioned[k] for k in wanted.weights if k in product.mentioned}
        if (
            finding == Finding.EQUIVALENT
            and aside
            and head
            and not _names(head, wanted, product, relatives)
        ):
            # the thing claimed is named only as something the product works with: the
            # other words of the element (a body, a housing) do not make it the product's
            finding = Finding.MISSING
        if aside:
            notes.append(
                "named only as something the product works with or that comes separately: "
                + "; ".join(f"'{a}'" for a in sorted(aside))
            )
        claimed = quantities(text)
        if claimed:
            verdict, witness = check(claimed, list(product.quantities))
            wanted_values = ", ".join(q.text for q in claimed)
            if witness is None:
                notes.append(f"the product states no value for {wanted_values}")
            else:
                notes.append(f"claims {wanted_values}; the product states {witness.text}")
            if verdict == Check.NOT_MET:
                finding, value = Finding.QUANTITY_NOT_MET, min(value, equivalent * 0.5)
            elif verdict == Check.MET and finding == Finding.EQUIVALENT:
                # the value the claim limits is stated and inside the range: that is the
                # limitation met, whatever words the product uses around it
                finding, value = Finding.PRESENT, max(value, present)
        if patterns().means_plus_function.search(text):
            finding = Finding.CONSTRUE
            notes = [
                "the function's words are matched; construe its structure from the specification"
            ]
        note = "; ".join(notes)
        if finding == Finding.MISSING:  # nothing to quote: the closest passage is no evidence
            return ElementResult(claim.num, element, value, finding, "", "", (), note)
        first, last = spans[best]
        start, end = product.passages[first], product.passages[last]
        location = (
            start.location()
            if last == first
            else (f"passages {start.index + 1}-{end.index + 1}, characters {start.start}-{end.end}")
        )
        evidence = product.text[start.start : end.end]
        return ElementResult(
            claim.num, element, value, finding, evidence, location, chosen.matched, note
        )

    def _negative(
        self,
        claim: Claim,
        element: ClaimElement,
        limit: Exclusion,
        product: Product,
        dense: np.ndarray,
        antecedents: frozenset[str],
    ) -> ElementResult:
        """Met only by evidence of absence and the rest of the element present; contradicted
        by evidence of presence. The rest counts only where it asks for something the claim
        has not already introduced ('wherein the device is free of a wick' asks for no more
        than the absence)."""
        excluded = read_terms(limit.excluded, self.tables)
        rest = read_terms(limit.remainder, self.tables)
        asks = [k for k in rest.weights if k.startswith(("s:", "c:")) and k not in antecedents]
        positive = self._positive(claim, element, limit.remainder, product, dense) if asks else None
        absence = patterns().absence
        present_at: Passage | None = None
        stated: ElementResult | None = None
        for passage, terms in zip(product.passages, product.terms, strict=True):
            lowered = passage.text.lower()
            if _said_to_be_missing(excluded, lowered):
                stated = ElementResult(
                    claim.num, element, 1.0, Finding.ABSENT_AS_REQUIRED, passage.text,
                    passage.location(), (limit.marker,), "the product states the absence",
                )  # fmt: skip
                break
            shared = [k for k in excluded.weights if k in terms.weights and not k.startswith("b:")]
            if not shared:
                continue
            written = terms.surface[shared[0]]  # the product's own words for it
            at = lowered.find(written)
            if at < 0:
                at = lowered.find(written.split()[0])
            if at >= 0 and absence.search(lowered[:at]):
                stated = ElementResult(
                    claim.num, element, 1.0, Finding.ABSENT_AS_REQUIRED, passage.text,
                    passage.location(), (written,), "the product states the absence",
                )  # fmt: skip
                break
            present_at = present_at or passage
        if stated is None and present_at is not None:
            what = ", ".join(v for k, v in excluded.surface.items() if not k.startswith("b:"))
            return ElementResult(
                claim.num, element, 0.0, Finding.CONTRADICTED, present_at.text,
                present_at.location(), (), f"the claim excludes {what}; the product shows it",
            )  # fmt: skip
        if stated is None:
            stated = ElementResult(
                claim.num, element, 0.5, Finding.UNCONFIRMED_ABSENCE, "", "", (),
                "the product neither shows nor denies it",
            )  # fmt: skip
        if positive is None or positive.found:
            return stated
        # the absence may be stated, but what the element asks for is not there
        note = f"{stated.note}; '{limit.remainder}' is {positive.finding.value}"
        return replace(positive, score=min(positive.score, stated.score), note=note)

    def _extra_components(self, chain: list[Claim], product: Product) -> list[str]:
        """Under 'consisting of', the things the product shows that the claim does not name
        (neither as written nor by a word for the same thing)."""
        transitions = [e for c in chain for e in c.elements if e.role == ElementRole.TRANSITION]
        if not any(patterns().closed.search(e.text) for e in transitions):
            return []
        claimed = read_terms(" ".join(c.text for c in chain), self.tables)
        named = set(claimed.weights)
        for key, word in claimed.surface.items():
            if key.startswith("s:"):
                named |= {f"s:{s}" for s, r in related(word).items() if r == Relation.SAME}
        shown = {k: w for t in product.terms for k, w in _things(t).items()}
        return sorted({w for k, w in shown.items() if k not in named})

    def _judge(
        self,
        claim: Claim,
        chain: list[Claim],
        elements: tuple[ElementResult, ...],
        product: Product,
    ) -> ClaimResult:
        mean_score = float(np.mean([e.score for e in elements])) if elements else 0.0
        note = ""
        transition = next((e.text for e in claim.elements if e.role == ElementRole.TRANSITION), "")
        extra = self._extra_components(chain, product)
        if extra:
            note = f"closed transition '{transition}': the product also shows {', '.join(extra)}"
        reads_on = bool(elements) and all(e.found for e in elements) and not extra
        judged = verdict(reads_on, mean_score, self.cutoffs.partial)
        return ClaimResult(claim, elements, 0.0, judged, note, mean_score)


def verdict(reads_on: bool, mean_score: float, partial: float) -> Verdict:
    """Reads on when every element is found (and a closed list has nothing extra); else
    partial when the elements score `partial` on average."""
    if reads_on:
        return Verdict.READS_ON
    return Verdict.PARTIAL if mean_score >= partial else Verdict.NO


class ChartEngines:
    """One engine per construction table (a patent's own, or none), each made once; they
    share one cache of sentence vectors."""

    def __init__(self, dense: bool = True) -> None:
        self.dense = dense
        self._vectors = _VectorCache()
        self._engines: dict[str, ChartEngine] = {}

    def of(self, construction: dict[str, list[str]] | None) -> ChartEngine:
        key = json.dumps(construction or {}, sort_keys=True)
        if key not in self._engines:
            self._engines[key] = ChartEngine(construction or None, self.dense, self._vectors)
        return self._engines[key]


_ARTICLE = re.compile(r"\b(?:a|an)\s+", re.I)
_WORDS = re.compile(r"[a-z][a-z-]*")


def _head_noun(element: str) -> str:
    """The thing an element claims: the last noun of its first noun phrase after 'a'/'an'
    ('is a resistive film printed on ...' -> 'film'), or '' when that is a generic noun."""
    article = _ARTICLE.search(element)
    if not article:
        return ""
    head = ""
    for word in _WORDS.findall(element[article.end() :].lower()):
        (stem,) = stems(word) or ("",)
        if stem in CLAIM_WORDS:
            break
        if lemma(word):
            head = word
    generic = set(stems(" ".join(limitations()["generic_nouns"])))
    return "" if not head or set(stems(head)) <= generic else head


def _names(head: str, wanted: Terms, product: Product, relatives: Kin) -> bool:
    """Whether the product names the head noun: as written, through the construction
    table's concept holding it, or by a word for the same thing."""
    for key, words in wanted.surface.items():
        if key.startswith("b:") or head not in words.lower().split():
            continue
        if key in product.everywhere:
            return True
        if any(relation == Relation.SAME for _, relation in relatives.get(key, ())):
            return True
    return False


def _things(terms: Terms) -> dict[str, str]:
    """The terms naming a thing: construed concepts, and words WordNet knows as things."""
    return {
        k: w
        for k, w in terms.surface.items()
        if k.startswith("c:") or (k.startswith("s:") and lemma(w))
    }


def _said_to_be_missing(excluded: Terms, passage: str) -> bool:
    """One word of the product names the excluded thing as missing: 'wickless', 'cordless',
    'non-conductive'."""
    prefixes = "|".join(re.escape(p) for p in limitations()["negative_prefixes"])
    for key in excluded.weights:
        if not key.startswith("s:"):
            continue
        stem = re.escape(key[2:])
        if re.search(rf"\b{stem}[a-z]{{0,3}}less\b|(?<![\w-])(?:{prefixes})\s*{stem}", passage):
            return True
    return False


def _stretches(text: str) -> tuple[str, ...]:
    """The product in stretches of about STRETCH_WORDS words, for whole-claim comparison."""
    words = text.split()
    return tuple(
        " ".join(words[i : i + STRETCH_WORDS]) for i in range(0, len(words), STRETCH_WORDS)
    )
