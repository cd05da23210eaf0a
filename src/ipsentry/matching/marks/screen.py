"""Screen texts (listing titles, declaration lines, domains, app links) against a portfolio.

A portfolio is small (hundreds to thousands of marks) and the texts are many, so the
marks are filed under the same keys a register uses, and every stretch of a text looks
up only its own keys: a title meets the few marks it could imitate, not all of them.
Those few are then judged in full (`confusion.assess`), with the stretch already found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ipsentry.matching.marks.confusion import THRESHOLD, Assessment, Category, Mark, Use, assess
from ipsentry.matching.marks.locate import MAX_EXTRA_TOKENS, windows
from ipsentry.matching.marks.register import keys_of, loose_keys_of, two_deletion_keys
from ipsentry.matching.marks.text import MarkText

TRIGRAM_SHARE = 0.4  # a stretch sharing this share of a mark's trigrams is a candidate
MIN_TRIGRAM_MARK = 6
WINDOWS_KEPT = 200_000  # stretches whose marks a matcher remembers (then it starts again)


@dataclass(frozen=True)
class PortfolioMark:
    """A mark to screen for, with the id of the right it comes from."""

    right_id: int
    mark: Mark
    registration: str = ""  # office and number, e.g. "US 5633060"


@dataclass(frozen=True)
class ScreenHit:
    right_id: int
    mark: str
    assessment: Assessment
    registration: str = ""


def same_mark(text: str) -> str:
    """What registrations of one mark share (its letters), so a text that hits the mark
    in three offices is one finding listing three registrations, not three findings."""
    return MarkText.of(text).compact


def _keys(sign: MarkText, query: bool = False) -> set[int]:
    """A register's keys, the looser ones included: a portfolio is small enough that a
    shared beginning or Metaphone code is always selective. Marks are also filed with two
    letters dropped, which a text's stretch meets with two of its own dropped: two edits
    apart (a register is too large to file that many keys per name)."""
    keys = keys_of(sign) | {k for family in loose_keys_of(sign, query=query) for k in family}
    return keys if query else keys | two_deletion_keys(sign)


def _trigrams(text: str) -> set[str]:
    padded = f"^{text}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class PortfolioMatcher:
    """Marks filed by key, for screening many texts quickly."""

    def __init__(self, marks: Sequence[PortfolioMark]) -> None:
        self.marks = list(marks)
        self.by_key: dict[int, set[int]] = defaultdict(set)
        self.by_trigram: dict[str, set[int]] = defaultdict(set)
        self.trigram_counts: list[int] = []
        for i, entry in enumerate(self.marks):
            sign = entry.mark.sign
            for key in _keys(sign):
                self.by_key[key].add(i)
            grams = _trigrams(sign.compact) if len(sign.compact) >= MIN_TRIGRAM_MARK else set()
            for gram in grams:
                self.by_trigram[gram].add(i)
            self.trigram_counts.append(len(grams))
        self.longest = max((len(m.mark.sign.tokens) for m in self.marks), default=1)
        self._window_marks: dict[tuple[tuple[str, str, bool], ...], tuple[int, ...]] = {}
        # the rights (and their registrations) of each mark, under ``same_mark``: what one
        # finding on the mark stands for, looked up per hit rather than found per text
        self.rights_of_mark: dict[str, dict[int, str]] = {}
        for entry in self.marks:
            of_mark = self.rights_of_mark.setdefault(same_mark(entry.mark.text), {})
            of_mark[entry.right_id] = entry.registration

    def candidates(self, text: MarkText) -> dict[int, list[tuple[int, int]]]:
        """Marks some stretch of `text` could imitate, each with the stretches that led to it."""
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for first, last in windows(text, self.longest):
            window = text.sub(first, last)
            # a stretch's marks depend on its words alone, and texts repeat their words
            # (trade words, sizes): each stretch is looked up once, not once per text
            seen = tuple((t.text, t.original, t.han) for t in window.tokens)
            hits = self._window_marks.get(seen)
            if hits is None:
                if len(self._window_marks) >= WINDOWS_KEPT:
                    self._window_marks.clear()
                hits = self._window_marks[seen] = self._marks_of_window(window)
            for i in hits:
                found[i].append((first, last))
        return dict(sorted(found.items()))

    def _marks_of_window(self, window: MarkText) -> tuple[int, ...]:
        hits: set[int] = set()
        for key in _keys(window, query=True):
            hits |= self.by_key.get(key, set())
        if len(window.compact) >= MIN_TRIGRAM_MARK - 1:
            shared: dict[int, int] = defaultdict(int)
            for gram in _trigrams(window.compact):
                for i in self.by_trigram.get(gram, ()):
                    shared[i] += 1
            hits |= {i for i, n in shared.items() if n >= TRIGRAM_SHARE * self.trigram_counts[i]}
        return tuple(sorted(hits))  # a set of marks: filed in a fixed order

    def judged_spans(self, index: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The stretches a candidate mark is judged on: none much longer than the mark."""
        size = len(self.marks[index].mark.sign.tokens)
        return [s for s in spans if s[1] - s[0] <= size + MAX_EXTRA_TOKENS]

    def screen(
        self,
        text: str,
        *,
        use: Use | None = None,
        score_cutoff: float = THRESHOLD,
        candidates: dict[int, list[tuple[int, int]]] | None = None,
    ) -> list[ScreenHit]:
        """Hits on `text` scoring at least `score_cutoff` (and referential uses), best first;
        `use` carries the goods when known; `candidates` those already found for the text's
        sign (a caller that meets one text on many goods looks them up once)."""
        later = use or Use(text, free_text=True)
        sign = later.sign
        hits = []
        found = self.candidates(sign) if candidates is None else candidates
        for i, spans in found.items():
            entry = self.marks[i]
            judged = assess(entry.mark, later, spans=self.judged_spans(i, spans))
            if judged.score >= score_cutoff or judged.category == Category.REFERENTIAL:
                hits.append(ScreenHit(entry.right_id, entry.mark.text, judged, entry.registration))
        hits.sort(key=rank_key)
        return hits


def rank_key(hit: ScreenHit) -> tuple[float, str, int]:
    """Best first; equal scores by mark text, then right id, so the order never depends on
    the order marks were met in (hash order of sets and dicts varies between processes)."""
    return (-hit.assessment.score, hit.mark, hit.right_id)
