"""A judgement told in sentences a brand-protection analyst reads without a manual.

`Assessment.explain()` lists every factor in the engine's own notation (measures, letter
alignments, flags) and stays in the --json output for whoever audits a score. `reasons`
says the same thing as clauses (``reasons.Reason``: a phrase code and its values): what
makes the signs alike, which word they share and how strong it is, how the goods compare,
and what the words around a use show. `describe` is those clauses in English; the web
tells them in the page's language.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ipsentry.matching.marks.confusion import Assessment, Category
from ipsentry.matching.marks.reasons import Reason, sentences
from ipsentry.matching.marks.text import MarkText

SAME_GOODS = 0.90
RELATED_GOODS = 0.50
UNRELATED_GOODS = 0.35
ALIKE = 0.55  # below this mark similarity the signs are called different

_VERDICT = {
    Category.COUNTERFEIT: "verdict.counterfeit",
    Category.CONFUSING: "verdict.confusing",
    Category.REFERENTIAL: "verdict.referential",
    Category.NOT_SIMILAR: "verdict.not_similar",
}


def _look(
    a: Assessment, mark: MarkText, later: MarkText, shown: str
) -> tuple[str, dict[str, str | int]]:
    """The phrase (and its values) for how the later sign looks like the mark."""
    if any("contained whole" in n for n in a.similarity.notes):
        return "signs.contains", {"sign": shown}
    if mark.skeleton == later.skeleton:
        return "signs.lookalike", {"sign": shown}
    edits = Levenshtein.distance(mark.compact, later.compact)
    code = "signs.spelled_one" if edits == 1 else "signs.spelled_many"
    return code, {"sign": shown} | ({} if edits == 1 else {"count": edits})


def _signs(a: Assessment, mark: MarkText, later: MarkText) -> list[Reason]:
    """What makes the two signs alike, in the dimension that decided."""
    s = a.similarity
    shown = a.located or later.raw.strip()
    if s.score < ALIKE:
        return [Reason.of("signs.different", mark=mark.raw.strip(), sign=shown)]
    if mark.compact == later.compact:
        if mark.raw.strip().lower() == shown.lower():
            return [Reason.of("signs.same")]
        return [Reason.of("signs.same_letters", sign=shown)]
    if s.strongest == "meaning":
        return [Reason.of("signs.same_meaning", sign=shown, gloss=later.gloss or mark.gloss)]
    parts = []
    sound = s.strongest == "sound"
    if s.look >= ALIKE:
        code, values = _look(a, mark, later, shown)
        parts.append(Reason.of(code + ("_said_alike" if sound else ""), **values))
    elif sound:
        parts.append(Reason.of("signs.sounds_like", sign=shown, mark=mark.raw.strip()))
    if later.homoglyph_chars:
        parts.append(Reason.of("signs.homoglyphs"))
    return parts


def _shared_words(a: Assessment, mark: MarkText, later: MarkText) -> list[Reason]:
    """Which words of the mark the later sign repeats, and how much they can carry."""
    if len(mark.tokens) < 2 and len(later.tokens) < 2 and not a.weights:
        return []
    later_words = {t.text for t in later.tokens}
    weights = {w.word: w for w in a.weights}
    shared_tokens = [t for t in mark.tokens if t.text in later_words]
    if not shared_tokens:
        return []
    shared = [t.text for t in shared_tokens]
    strong_tokens = [
        t for t in shared_tokens if t.text not in weights or weights[t.text].weight >= 1
    ]
    strong = [t.original.upper() for t in strong_tokens if not t.han]
    if any(t.han for t in strong_tokens):  # Chinese characters read as one word
        strong.append("".join(t.original for t in strong_tokens if t.han))
    weak = tuple(
        Reason.of("words.weak_item", word=w.word, why=w.reason)
        for w in (weights[x] for x in shared if x in weights)
        if w.weight < 1.0 and w.reason is not None
    )
    if not strong:
        return [Reason.of("words.weak_only", weak=weak)] if weak else []
    code = "words.distinctive_one" if len(strong) == 1 else "words.distinctive_many"
    if weak:
        return [Reason.of(code + "_and_weak", words=", ".join(strong), weak=weak)]
    return [Reason.of(code, words=", ".join(strong))]


def _goods(a: Assessment) -> Reason:
    g = a.goods
    why = tuple(
        Reason("goods.why.both_in_class", r.params) if r.code == "goods.why.same_class" else r
        for r in g.reasons
    )
    if g.score is None:
        return Reason.of("goods.not_compared", why=why) if why else Reason.of("goods.not_stated")
    if g.score >= SAME_GOODS:
        return Reason.of("goods.same", why=why)
    if g.score >= RELATED_GOODS:
        return Reason.of("goods.related", why=why)
    if g.score <= UNRELATED_GOODS:
        return Reason.of("goods.unrelated", why=why)
    return Reason.of("goods.loosely_related", why=why)


def reasons(a: Assessment, mark: str, later: str) -> list[Reason]:
    """The judgement of `later` against `mark`, clause by clause."""
    earlier, used = MarkText.of(mark), MarkText.of(later)
    window = MarkText.of(a.located) if a.located else used
    parts = [
        Reason.of(_VERDICT[a.category], score=f"{a.score:.2f}"),
        *_signs(a, earlier, window),
        *_shared_words(a, earlier, window),
    ]
    for raw in dict.fromkeys(s.raw.strip() for s in (earlier, window) if s.pinyin):
        parts.append(Reason.of("signs.pinyin", sign=raw, pinyin=MarkText.of(raw).pinyin))
    parts.append(_goods(a))
    if a.fame_applied:
        parts.append(Reason.of("mark.famous"))
    if a.context and a.context.referential:
        parts.append(Reason.of("context.referential", word=a.context.referential))
    if a.context and a.context.imitation:
        parts.append(Reason.of("context.imitation", word=a.context.imitation))
    return parts


def describe(a: Assessment, mark: str, later: str) -> str:
    """The judgement of `later` against `mark`, as English sentences."""
    return sentences(reasons(a, mark, later))
