"""A judgement told in sentences a brand-protection analyst reads without a manual.

`Assessment.explain()` lists every factor in the engine's own notation (measures, letter
alignments, flags) and stays in the --json output for whoever audits a score. `describe`
says the same thing in words: what makes the signs alike, which word they share and how
strong it is, how the goods compare, and what the words around a use show.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ipsentry.matching.marks.confusion import Assessment, Category
from ipsentry.matching.marks.text import MarkText

SAME_GOODS = 0.90
RELATED_GOODS = 0.50
UNRELATED_GOODS = 0.35
ALIKE = 0.55  # below this mark similarity the signs are called different

_VERDICT = {
    Category.COUNTERFEIT: "counterfeit: the same mark on the same goods",
    Category.CONFUSING: "likely to be confused",
    Category.REFERENTIAL: "names the mark to refer to the owner's goods",
    Category.NOT_SIMILAR: "unlikely to be confused",
}
_NUMBERS = ["no", "one", "two", "three", "four", "five"]


def _count(n: int, thing: str) -> str:
    word = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    return f"{word} {thing}{'' if n == 1 else 's'}"


def _signs(a: Assessment, mark: MarkText, later: MarkText) -> str:
    """What makes the two signs alike, in the dimension that decided."""
    s = a.similarity
    shown = a.located or later.raw.strip()
    if s.score < ALIKE:
        return f"'{mark.raw.strip()}' and '{shown}' look, sound and mean different things"
    if mark.compact == later.compact:
        if mark.raw.strip().lower() == shown.lower():
            return "the same mark"
        return f"the same letters as the mark, written '{shown}'"
    if s.strongest == "meaning":
        return f"the same meaning: '{shown}' translates as '{later.gloss or mark.gloss}'"
    parts = []
    if s.look >= ALIKE:
        if any("contained whole" in n for n in s.notes):
            parts.append(f"'{shown}' contains the mark whole")
        elif mark.skeleton == later.skeleton:
            parts.append(f"'{shown}' is the mark with look-alike characters")
        else:
            edits = Levenshtein.distance(mark.compact, later.compact)
            parts.append(f"'{shown}' is spelled like the mark ({_count(edits, 'letter')} apart)")
    if s.strongest == "sound":
        if parts:
            parts[-1] += " and said alike"
        else:
            parts.append(f"sounds like the mark ('{shown}' is said like '{mark.raw.strip()}')")
    if later.homoglyph_chars:
        parts.append("it mixes in letters of another alphabet that print the same")
    return "; ".join(parts)


def _shared_words(a: Assessment, mark: MarkText, later: MarkText) -> str:
    """Which words of the mark the later sign repeats, and how much they can carry."""
    if len(mark.tokens) < 2 and len(later.tokens) < 2 and not a.weights:
        return ""
    later_words = {t.text for t in later.tokens}
    weights = {w.word: w for w in a.weights}
    shared_tokens = [t for t in mark.tokens if t.text in later_words]
    if not shared_tokens:
        return ""
    shared = [t.text for t in shared_tokens]
    strong_tokens = [
        t for t in shared_tokens if t.text not in weights or weights[t.text].weight >= 1
    ]
    strong = [t.original.upper() for t in strong_tokens if not t.han]
    if any(t.han for t in strong_tokens):  # Chinese characters read as one word
        strong.append("".join(t.original for t in strong_tokens if t.han))
    weak = [weights[w] for w in shared if w in weights and weights[w].weight < 1.0]
    parts = []
    if strong:
        label = "word" if len(strong) == 1 else "words"
        parts.append(f"shares the distinctive {label} {', '.join(strong)}")
    if weak:
        said = ", ".join(f"'{w.word}' ({w.reason})" for w in weak)
        parts.append(("shares only the weak " if not strong else "and the weak ") + f"{said}")
    return " ".join(parts)


def _goods(a: Assessment) -> str:
    g = a.goods
    reasons = [r.replace("same Nice class ", "both in class ") for r in g.reasons]
    why = f" ({'; '.join(reasons)})" if reasons else ""
    if g.score is None:
        if g.reasons:
            return f"the goods could not be compared{why}"
        return "the goods are not stated on both sides"
    if g.score >= SAME_GOODS:
        return f"the goods are the same{why}"
    if g.score >= RELATED_GOODS:
        return f"the goods are related{why}"
    if g.score <= UNRELATED_GOODS:
        return f"the goods are unrelated{why}, which lowers the likelihood of confusion"
    return f"the goods are loosely related{why}"


def describe(a: Assessment, mark: str, later: str) -> str:
    """The judgement of `later` against `mark`, as sentences."""
    earlier, used = MarkText.of(mark), MarkText.of(later)
    window = MarkText.of(a.located) if a.located else used
    parts = [
        f"{_VERDICT[a.category].capitalize()} ({a.score:.2f})",
        _signs(a, earlier, window),
        _shared_words(a, earlier, window),
    ]
    for raw in dict.fromkeys(s.raw.strip() for s in (earlier, window) if s.pinyin):
        parts.append(f"'{raw}' reads '{MarkText.of(raw).pinyin}' in pinyin")
    parts.append(_goods(a))
    if a.fame_applied:
        parts.append("the mark is recorded as famous, so more goods count as related")
    if a.context and a.context.referential:
        parts.append(
            f"'{a.context.referential}' next to the mark says what the goods fit (referential use)"
        )
    if a.context and a.context.imitation:
        parts.append(f"'{a.context.imitation}' next to the mark admits imitation")
    return "; ".join(p for p in parts if p) + "."
