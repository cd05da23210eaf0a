"""Likelihood of confusion: mark similarity weighed with goods, distinctiveness and fame.

The judgement, in [0, 1], is triage for a person, never a legal conclusion. It is built so
that it cannot rise when the goods become less related or when the part the signs share
becomes weaker: the score is

    effective similarity x (GOODS_FLOOR + (1 - GOODS_FLOOR) x min(1, goods / RELATED_ENOUGH))

where the effective similarity credits differences in weak words less (a laudatory word
added or changed) and discounts what is shared when the shared words are weak (a word
naming the goods, a disclaimed word). Goods related at RELATED_ENOUGH count in full:
confusion needs related goods, not identical ones.

GOODS_FLOOR, UNKNOWN_GOODS, RELATED_ENOUGH, COMMON_DISCOUNT and THRESHOLD are the values
bench/marks_accuracy.py fits on the 49 development pairs, inside a repeated stratified
cross-validation whose held-out figures the README reports beside the in-sample ones.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from ipsentry.matching.marks.dictionaries import zipf
from ipsentry.matching.marks.goods import Goods, GoodsRelation, content_words, relatedness, singular
from ipsentry.matching.marks.lexicon import fold_accents, weak_words
from ipsentry.matching.marks.locate import Context, Located, context, locate
from ipsentry.matching.marks.reasons import Reason, english
from ipsentry.matching.marks.similarity import Similarity, compare, word_similarity
from ipsentry.matching.marks.text import MarkText

# Fitted on the development pairs as a whole (bench/marks_accuracy.py, which reports the
# cross-validated figures of the same fitting); one threshold for every case.
THRESHOLD = 0.63
GOODS_FLOOR = 0.30  # identical signs on wholly unrelated goods keep this share
RELATED_ENOUGH = 0.7  # goods this related count as fully related
UNKNOWN_GOODS = 0.70  # goods not stated: assume neither related nor unrelated
FAME_KEEP = 0.40  # a famous mark keeps only this share of the goods' distance
WEAK_SHARE = 0.50  # what a shared part made only of weak words still counts for
TOKEN_MATCH = 0.80  # two words this alike count as the same word in the alignment
COUNTERFEIT_SIMILARITY = 0.95
COUNTERFEIT_GOODS = 0.90
REFERENTIAL_FACTOR = 0.50
# In free text a mark is tried against every stretch of words, so a loose resemblance
# somewhere is likely by chance: below this similarity the score falls steeply.
FREE_TEXT_FLOOR = 0.80
FREE_TEXT_STEEPNESS = 4

# How much a word weighs in a mark, by why it is weak.
DISCLAIMED = 0.10
WEAK = 0.30
DESCRIPTIVE = 0.30
SHORT_WORD = 0.30
RARE_ZIPF = 2.5  # rarer than this (or coined) in the register's language: full weight
COMMON_ZIPF = 6.0
COMMON_DISCOUNT = 0.0  # fitted: on the development pairs commonness did not help


class Category(enum.StrEnum):
    COUNTERFEIT = "counterfeit"  # identical or indistinguishable mark on the same goods
    CONFUSING = "confusingly_similar"
    REFERENTIAL = "referential_use"  # names the mark to say what the goods fit
    NOT_SIMILAR = "not_similar"


@dataclass(frozen=True)
class Mark:
    """The earlier (protected) mark as the portfolio records it."""

    text: str
    goods: Goods = field(default_factory=Goods)
    disclaimers: tuple[str, ...] = ()
    famous: bool = False

    @cached_property
    def sign(self) -> MarkText:
        return MarkText.of(self.text)


@dataclass(frozen=True)
class Use:
    """The later sign: another mark, or free text (a title) in which the mark may appear."""

    text: str
    goods: Goods = field(default_factory=Goods)
    free_text: bool = False
    known_sign: MarkText | None = field(default=None, compare=False, repr=False)

    @cached_property
    def sign(self) -> MarkText:
        """`known_sign` when the caller already read the text (a register index has)."""
        return self.known_sign if self.known_sign is not None else MarkText.of(self.text)


@dataclass(frozen=True)
class WordWeight:
    word: str
    weight: float
    reason: Reason | None  # why it weighs less; None for a word at full weight


def _why(weight: WordWeight) -> str:
    return english(weight.reason) if weight.reason else ""


@dataclass(frozen=True)
class Assessment:
    """The judgement with every factor behind it."""

    score: float
    category: Category
    similarity: Similarity
    effective_similarity: float
    shared_strength: float
    goods: GoodsRelation
    goods_factor: float
    fame_applied: bool
    weights: tuple[WordWeight, ...]  # words of either sign that weigh less, and why
    located: str  # the stretch of the later text compared with the mark
    context: Context | None

    @property
    def verdict(self) -> str:
        return "similar" if self.score >= THRESHOLD else "not_similar"

    def explain(self) -> str:
        parts = [
            f"likelihood of confusion {self.score:.2f} ({self.category.value.replace('_', ' ')})",
            f"mark similarity {self.similarity.explain()}",
        ]
        if self.located:
            parts.append(f"found as '{self.located}'")
        weak = [w for w in self.weights if w.weight < 1.0]
        if weak:
            parts.append("weaker words: " + ", ".join(f"'{w.word}' ({_why(w)})" for w in weak))
        if self.shared_strength < 1.0:
            parts.append(f"shared part strength {self.shared_strength:.2f}")
        parts.append(self.goods.explain())
        if self.goods.score is not None and self.goods.score <= 0.35:
            parts.append("unrelated goods lower the likelihood of confusion")
        if self.fame_applied:
            parts.append("earlier mark recorded as famous: wider range of related goods")
        if self.context and self.context.referential:
            parts.append(f"referential use: '{self.context.referential}' before or after the mark")
        if self.context and self.context.imitation:
            parts.append(f"imitation cue: '{self.context.imitation}'")
        return "; ".join(parts)


def commonness_weight(word: str) -> float:
    """What a word weighs for being a dictionary word: coined words 1.0, the commonest 0.5.

    Linear in the word's Zipf frequency in the register's language between RARE_ZIPF (rare
    words, coined words: full weight) and COMMON_ZIPF (the commonest words: half weight).
    A priori, not fitted: a coined word is the textbook strong mark, a common word a weak one.
    """
    level = (zipf(word) - RARE_ZIPF) / (COMMON_ZIPF - RARE_ZIPF)
    return 1.0 - COMMON_DISCOUNT * min(1.0, max(0.0, level))


def word_weights(
    sign: MarkText,
    goods_words: frozenset[str],
    disclaimers: tuple[str, ...] = (),
    common: Mapping[str, float] | None = None,
) -> list[WordWeight]:
    """How much each word of a sign weighs, and why it weighs less when it does.

    A word describes the goods only when it is a dictionary word found in the goods texts;
    a coined word ('ccell', 'nikee') never does (see `_goods_words` for free texts).
    """
    disclaimed = {fold_accents(w) for d in disclaimers for w in MarkText.of(d).words}
    weak = weak_words()
    concepts = {r.word: r.concept for r in sign.readings}
    several = len(sign.tokens) > 1
    weights = []
    for token in sign.tokens:
        word = token.text
        concept = concepts.get(token.original if token.han else word, "")
        dictionary_word = bool(concept) or (not token.han and zipf(word) >= RARE_ZIPF)
        described = {singular(word), singular(concept.replace(" ", ""))} & goods_words
        if word in disclaimed:
            weights.append(WordWeight(word, DISCLAIMED, Reason.of("weight.disclaimed")))
        elif (reason := weak.reason(word) or weak.reason(concept)) is not None:
            weights.append(WordWeight(word, WEAK, reason))
        elif described and dictionary_word:
            weights.append(WordWeight(word, DESCRIPTIVE, Reason.of("weight.describes_goods")))
        elif len(word) <= weak.short_word and several:
            weights.append(WordWeight(word, SHORT_WORD, Reason.of("weight.short")))
        elif common and word in common and several:
            # A crowded word weakens the marks that contain it, not the name it is.
            weights.append(WordWeight(word, common[word], Reason.of("weight.crowded")))
        elif several and not token.han and (weight := commonness_weight(word)) < 1.0:
            # (a Chinese character is spelled in pinyin here, which no frequency list holds)
            weights.append(WordWeight(word, round(weight, 2), Reason.of("weight.common")))
        else:
            weights.append(WordWeight(word, 1.0, None))
    return weights


def _aligned(a: MarkText, b: MarkText, whole: float) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching of the words of two signs that are alike enough."""
    if len(a.tokens) == 1 and len(b.tokens) == 1:
        return [(0, 0, whole)] if whole >= TOKEN_MATCH else []
    pairs = []
    # signs without foreign words or Chinese characters have words without them too
    foreign = a.translated or b.translated or a.has_han or b.has_han
    for i, ta in enumerate(a.tokens):
        for j, tb in enumerate(b.tokens):
            score = word_similarity(ta.original, tb.original, foreign=foreign)
            if score >= TOKEN_MATCH:
                pairs.append((score, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = []
    for score, i, j in sorted(pairs, reverse=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, score))
    return matched


def effective_similarity(
    a: MarkText, b: MarkText, weights_a: list[WordWeight], weights_b: list[WordWeight], whole: float
) -> tuple[float, float]:
    """(effective similarity, strength of the shared part), from the word alignment."""
    if a.compact == b.compact:  # the same letters, split differently ('C-Cell' / 'CCELL')
        strength = max((w.weight for w in weights_a), default=1.0)
        return whole * (WEAK_SHARE + (1.0 - WEAK_SHARE) * strength), strength
    matched = _aligned(a, b, whole)
    total = sum(w.weight for w in weights_a) + sum(w.weight for w in weights_b)
    if not matched or total <= 0:
        return whole, 1.0
    shared = sum(s * (weights_a[i].weight + weights_b[j].weight) for i, j, s in matched)
    weighted = shared / total
    # The shared part is as strong as its strongest word: a dominant word carries it.
    strength = max(min(weights_a[i].weight, weights_b[j].weight) for i, j, _ in matched)
    # Credit the alignment; where the whole strings agree more, credit half of the excess.
    similarity = 0.5 * whole + 0.5 * weighted
    return similarity * (WEAK_SHARE + (1.0 - WEAK_SHARE) * strength), strength


def assess(
    mark: Mark,
    use: Use,
    *,
    common: Mapping[str, float] | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> Assessment:
    """Judge how likely `use` is to be confused with `mark`.

    `common` weakens words many registered names share; `spans` limits where in a free
    text the mark is looked for (a screening index already knows).
    """
    sign = use.sign
    found = _located(mark, use, spans)
    later = found.window if found else sign
    similarity = found.similarity if found else compare(mark.sign, later)

    goods_words = _goods_words(mark, use)
    weights_a = word_weights(mark.sign, goods_words, mark.disclaimers, common)
    weights_b = word_weights(later, goods_words, mark.disclaimers, common)
    effective, strength = effective_similarity(
        mark.sign, later, weights_a, weights_b, similarity.score
    )

    relation = relatedness(mark.goods, _without_sign(use.goods, found))
    goods_level = UNKNOWN_GOODS if relation.score is None else relation.score
    fame = mark.famous and goods_level < 1.0
    if fame:
        goods_level = 1.0 - (1.0 - goods_level) * FAME_KEEP
    goods_factor = GOODS_FLOOR + (1.0 - GOODS_FLOOR) * min(1.0, goods_level / RELATED_ENOUGH)
    score = effective * goods_factor
    if found and similarity.score < FREE_TEXT_FLOOR:
        score *= (similarity.score / FREE_TEXT_FLOOR) ** FREE_TEXT_STEEPNESS

    read = context(found) if found else None
    if read and read.referential:
        score *= REFERENTIAL_FACTOR
    category = _category(score, effective, relation, read)
    return Assessment(
        score=round(min(1.0, max(0.0, score)), 4),
        category=category,
        similarity=similarity,
        effective_similarity=effective,
        shared_strength=strength,
        goods=relation,
        goods_factor=goods_factor,
        fame_applied=fame,
        weights=tuple(weights_a + weights_b),
        located=found.quote if found else "",
        context=read,
    )


def _located(mark: Mark, use: Use, spans: list[tuple[int, int]] | None) -> Located | None:
    if use.free_text and (spans or len(use.sign.tokens) > len(mark.sign.tokens)):
        return locate(mark.sign, use.sign, spans)
    return None


def goods_read(mark: Mark, use: Use, spans: list[tuple[int, int]] | None = None) -> Goods:
    """The goods `assess` judges `use` on against `mark`: a caller judging many uses can
    prepare them together (encode their texts in one batch)."""
    return _without_sign(use.goods, _located(mark, use, spans))


def _without_sign(goods: Goods, found: Located | None) -> Goods:
    """A listing's goods text without the stretch read as the sign: the brand written in a
    title says nothing about the goods, and must not move the goods reading (an exact mark
    would otherwise be read against other goods than a look-alike of it)."""
    if found is None or not found.quote or found.quote not in goods.text:
        return goods
    return replace(goods, text=goods.text.replace(found.quote, " "))


def _goods_words(mark: Mark, use: Use) -> frozenset[str]:
    """The words both goods texts name; a free text's own words do not describe its goods
    (screening passes the listing's title as part of its goods)."""
    later = use.goods.words
    if use.free_text:
        later = later - {singular(w) for w in use.sign.words}
    terms = (*mark.goods.terms, *use.goods.terms)
    return mark.goods.words | later | {w for term in terms for w in content_words(term)}


def _category(
    score: float, effective: float, relation: GoodsRelation, read: Context | None
) -> Category:
    if read and read.referential and score * (1 / REFERENTIAL_FACTOR) >= THRESHOLD:
        return Category.REFERENTIAL
    if score < THRESHOLD:
        return Category.NOT_SIMILAR
    same_goods = relation.score is not None and relation.score >= COUNTERFEIT_GOODS
    if effective >= COUNTERFEIT_SIMILARITY and same_goods:
        return Category.COUNTERFEIT
    return Category.CONFUSING
