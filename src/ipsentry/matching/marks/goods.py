"""How related two sets of goods or services are, from classes, HS codes, words and meaning.

Nice classes are one signal (same class, or classes commonly coordinated); the goods'
words are another (the same goods named, or a shared product noun); the meaning of the
goods texts is a third, read by the sentence encoder (all-MiniLM-L6-v2) so goods named in
words no list holds still meet ('laptops' and 'computers'). A goods text that names no
class is placed by its nearest official class heading (Nice 12-2023). No signal alone
decides; the strongest is kept and the others are given as reasons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import numpy as np

from ipsentry.matching.marks.lexicon import fold_accents, hs_classes, nice_terms
from ipsentry.matching.marks.reasons import Reason, english
from ipsentry.matching.text.encoder import Vectors

# Relatedness levels. A shared product word or the same term is strong evidence; a shared
# class is weaker (classes are broad); coordinated classes weaker still.
SAME_TERM = 1.0
SAME_HEAD = 0.9  # the same head noun and no different class: the same kind of goods
SHARED_WORD_BASE = 0.55
SHARED_WORD_SPAN = 0.4
SAME_CLASS = 0.75
COORDINATED_BASE = 0.35
COORDINATED_SPAN = 0.5
UNRELATED = 0.1
# The encoder's cosine between two goods texts is evidence only at its ends. From
# RELATED_COSINE up the goods are related (RELATED_LEVEL, rising to MEANING_CEILING at
# SAME_GOODS_COSINE); below CLEARLY_UNRELATED they are unrelated; in between the encoder
# says nothing (toys/cigarettes 0.39, t-shirts/caps 0.37: MiniLM bunches such pairs), and
# a listing title read as goods text, with its brand and model words, often falls there.
# Anchors read off general pairs (faucets/airline services 0.13, wine/tyres 0.27, engine
# oil/motor lubricants 0.49, laptops/computers 0.68), never off a decided case.
CLEARLY_UNRELATED = 0.15
RELATED_COSINE = 0.45
SAME_GOODS_COSINE = 0.85
RELATED_LEVEL = 0.70
MEANING_CEILING = 0.95
# A goods text is placed in a class when it is this close to a part of the class heading.
HEADING_MATCH = 0.50
HEADING_TIE = 0.02

_STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "the",
        "to",
        "in",
        "on",
        "with",
        "by",
        "as",
        "other",
        "not",
        "being",
        "all",
        "kind",
        "kinds",
        "including",
        "namely",
        "related",
        "thereof",
        "parts",
        "part",
        "product",
        "products",
        "goods",
        "service",
        "services",
        "item",
        "items",
        "use",
        "used",
        "using",
        "its",
        "their",
        "them",
        "such",
        "like",
        "etc",
        "class",
        "classes",
    )
)
_CLASS_MENTION = re.compile(r"\bclass(?:es)?\s+(\d{1,2}(?:\s*(?:,|/|;|and|&)\s*\d{1,2})*)", re.I)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def singular(word: str) -> str:
    """A rough English singular: enough to meet 'bicycles' with 'bicycle', 'knives' with 'knife'."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ives"):
        return word[:-3] + "fe"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def content_words(text: str) -> tuple[str, ...]:
    return tuple(
        singular(w) for w in _WORD.findall(fold_accents(text)) if w not in _STOP and not w.isdigit()
    )


@cache
def _terms_by_length() -> tuple[tuple[tuple[str, ...], tuple[int, ...], str], ...]:
    table = nice_terms().terms
    entries = [(content_words(term), classes, term) for term, classes in table.items()]
    entries = [e for e in entries if e[0]]
    return tuple(sorted(entries, key=lambda e: len(e[0]), reverse=True))


@lru_cache(maxsize=4096)
def terms_in(text: str) -> dict[str, tuple[int, ...]]:
    """The goods terms found in a text, longest first, each with its Nice classes."""
    words = content_words(text)
    if not words:
        return {}
    found: dict[str, tuple[int, ...]] = {}
    used: set[int] = set()
    for term_words, classes, term in _terms_by_length():
        n = len(term_words)
        for i in range(len(words) - n + 1):
            span = set(range(i, i + n))
            if words[i : i + n] == term_words and not span & used:
                found[term] = classes
                used |= span
    return found


@cache
def _heading_parts() -> tuple[tuple[tuple[str, int], ...], Vectors]:
    """The parts of the Nice class headings (between semicolons), encoded once."""
    from ipsentry.matching.text.encoder import encoder

    parts = tuple(
        (part.strip(" .").lower(), number)
        for number, heading in nice_terms().headings.items()
        for part in heading.split(";")
    )
    return parts, encoder().encode([p for p, _ in parts])


_VECTORS: dict[str, Vectors] = {}
VECTOR_CACHE = 16_384  # goods texts whose vectors are kept (oldest dropped first)


def _remember(texts: Sequence[str], vectors: Vectors) -> None:
    for text, vector in zip(texts, vectors, strict=True):
        _VECTORS[text] = vector
    while len(_VECTORS) > VECTOR_CACHE:
        del _VECTORS[next(iter(_VECTORS))]


def encode_goods(texts: Iterable[str]) -> None:
    """Encode in one batch the goods texts not yet encoded. Encoding one text per call pays
    the encoder's per-call cost for each (a file of declarations spent nearly half its time
    there); a batch of similar lengths pays it once per batch."""
    from ipsentry.matching.text.encoder import encoder

    missing = list(dict.fromkeys(t for t in texts if t not in _VECTORS))
    if missing:
        _remember(missing, encoder().encode(missing))


def _vector(text: str) -> Vectors:
    found = _VECTORS.get(text)
    if found is None:
        from ipsentry.matching.text.encoder import encoder

        found = encoder().encode([text])[0]
        _remember([text], found[None, :])
    return found


@lru_cache(maxsize=4096)
def heading_classes(text: str) -> tuple[int, ...]:
    """The classes whose heading a goods text is closest to, when it is close enough."""
    parts, vectors = _heading_parts()
    found: set[int] = set()
    for piece in re.split(r"[;,]", text):
        if not content_words(piece):
            continue
        scores = vectors @ _vector(piece.strip())
        best = float(scores.max())
        if best >= HEADING_MATCH:
            found |= {parts[i][1] for i in np.flatnonzero(scores >= best - HEADING_TIE)}
    return tuple(sorted(found))


def meaning_relatedness(a: str, b: str) -> tuple[float | None, float]:
    """(relatedness or None when the encoder cannot tell, cosine) of two goods texts."""
    cosine = float(_vector(a) @ _vector(b))
    if cosine < RELATED_COSINE:
        return (UNRELATED if cosine < CLEARLY_UNRELATED else None), cosine
    level = min(1.0, (cosine - RELATED_COSINE) / (SAME_GOODS_COSINE - RELATED_COSINE))
    return RELATED_LEVEL + (MEANING_CEILING - RELATED_LEVEL) * level, cosine


def classes_of_hs(code: str) -> tuple[int, ...]:
    digits = re.sub(r"\D", "", code)
    table = hs_classes()
    for length in (4, 2):
        if len(digits) >= length and digits[:length] in table:
            return table[digits[:length]]
    return ()


@dataclass(frozen=True)
class Goods:
    """What a sign is used or registered for: any of classes, free text and an HS code."""

    classes: frozenset[int] = frozenset()
    text: str = ""
    hs_code: str = ""

    @property
    def stated(self) -> bool:
        return bool(self.classes or self.text.strip() or self.hs_code.strip())

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(content_words(self.text))

    @cached_property
    def heads(self) -> frozenset[str]:
        """The head noun of each goods phrase: the last content word ('vape cartridge')."""
        return frozenset(
            words[-1] for part in re.split(r"[;,]", self.text) if (words := content_words(part))
        )

    @property
    def encodable(self) -> bool:
        """Whether the English sentence encoder can read the text (Latin letters only)."""
        return bool(content_words(self.text)) and not any(
            ord(c) > 0x24F and c.isalpha() for c in self.text
        )

    @cached_property
    def terms(self) -> dict[str, tuple[int, ...]]:
        return terms_in(self.text)

    @cached_property
    def all_classes(self) -> frozenset[int]:
        """Stated classes, else those named or read from the words, and the HS code's."""
        if self.classes:
            return self.classes
        named = {
            int(n)
            for mention in _CLASS_MENTION.findall(self.text)
            for n in re.findall(r"\d+", mention)
            if 1 <= int(n) <= 45
        }
        if named:
            return frozenset(named)
        inferred = {c for classes in self.terms.values() for c in classes}
        inferred |= set(classes_of_hs(self.hs_code))
        if not inferred and self.encodable:
            inferred = set(heading_classes(self.text.strip()))
        return frozenset(inferred)


@dataclass(frozen=True)
class GoodsRelation:
    """How related two goods are, in [0, 1], or None when either side is not stated."""

    score: float | None
    reasons: tuple[Reason, ...] = field(default=())

    def explain(self) -> str:
        said = "; ".join(english(r) for r in self.reasons)
        if self.score is None:
            return "goods relatedness unknown (" + (said or "not stated on both sides") + ")"
        return f"goods relatedness {self.score:.2f} ({said})"


@lru_cache(maxsize=16_384)  # screening meets the same few goods texts many times
def relatedness(a: Goods, b: Goods) -> GoodsRelation:
    if not (a.stated and b.stated):
        return GoodsRelation(None)
    candidates: list[tuple[float, Reason]] = []
    if a.text.strip() and a.text.strip().lower() == b.text.strip().lower():
        candidates.append((SAME_TERM, Reason.of("goods.why.same_goods")))
    shared_terms = sorted(set(a.terms) & set(b.terms))
    if shared_terms:
        terms = ", ".join(f"'{t}'" for t in shared_terms)
        candidates.append((SAME_TERM, Reason.of("goods.why.both_name", terms=terms)))
    shared_words = sorted(a.words & b.words)
    if shared_words:
        overlap = len(shared_words) / max(1, min(len(a.words), len(b.words)))
        candidates.append(
            (
                SHARED_WORD_BASE + SHARED_WORD_SPAN * min(1.0, overlap),
                Reason.of(
                    "goods.why.shared_words", words=", ".join(f"'{w}'" for w in shared_words)
                ),
            )
        )
    classes_a, classes_b = a.all_classes, b.all_classes
    if classes_a and classes_b:
        candidates.append(_class_relation(classes_a, classes_b))
    same_heads = sorted(a.heads & b.heads)
    if same_heads and (not (classes_a and classes_b) or classes_a & classes_b):
        heads = ", ".join(same_heads)
        candidates.append((SAME_HEAD, Reason.of("goods.why.same_kind", heads=heads)))
    if a.encodable and b.encodable:
        level, cosine = meaning_relatedness(a.text.strip(), b.text.strip())
        if level is not None:
            alike = "goods.why.meaning_alike" if level > UNRELATED else "goods.why.meaning_unlike"
            candidates.append((level, Reason.of(alike, cosine=f"{cosine:.2f}")))
    if not candidates:
        # Nothing read on one side (another language, an unusual term): not known, not unrelated.
        return GoodsRelation(None, (Reason.of("goods.why.unread"),))
    best = max(candidates, key=lambda c: c[0])
    others = [why for score, why in candidates if why != best[1] and score > UNRELATED]
    return GoodsRelation(best[0], (best[1], *others))


def _class_relation(a: frozenset[int], b: frozenset[int]) -> tuple[float, Reason]:
    shared = sorted(a & b)
    if shared:
        return SAME_CLASS, Reason.of("goods.why.same_class", classes=", ".join(map(str, shared)))
    table = nice_terms()
    unrelated = Reason.of("goods.why.unrelated_classes", a=_fmt(a), b=_fmt(b))
    best: tuple[float, Reason] = (UNRELATED, unrelated)
    for x in a:
        for y in b:
            relation = table.relation(x, y)
            strength, why = relation if relation else (0.0, "")
            said: str | Reason = why  # the coordination table's own words (data)
            if table.retail_class in (x, y) and x != y and not relation:
                strength, said = table.retail_strength, Reason.of("goods.why.retail")
            score = COORDINATED_BASE + COORDINATED_SPAN * strength if strength else UNRELATED
            if score > best[0]:
                best = (score, Reason.of("goods.why.coordinated", a=str(x), b=str(y), why=said))
    return best


def _fmt(classes: frozenset[int]) -> str:
    return "/".join(map(str, sorted(classes)))
