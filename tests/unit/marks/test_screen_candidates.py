"""Which marks a stretch of text is judged against (screening's candidate filter)."""

from __future__ import annotations

from ipsentry.matching.marks.confusion import Mark
from ipsentry.matching.marks.screen import PortfolioMark, PortfolioMatcher
from ipsentry.matching.marks.text import MarkText

# Coined for this test: each text is two edits from its mark, sharing neither a
# beginning, a Metaphone code nor enough trigrams with it.
MARKS = ["zorvexan", "quilmet", "paxtiron"]


def matcher() -> PortfolioMatcher:
    return PortfolioMatcher([PortfolioMark(i, Mark(m)) for i, m in enumerate(MARKS)])


def test_a_stretch_two_letters_off_a_mark_is_judged_against_it() -> None:
    portfolio = matcher()
    for text, mark in (
        ("borvesan cable 2m", 0),  # two letters replaced
        ("new kuilnet kit", 1),
        ("paxtirnoo 10pcs", 2),  # one dropped, one added
    ):
        assert mark in portfolio.candidates(MarkText.of(text)), text


def test_an_unrelated_text_meets_no_mark() -> None:
    assert not matcher().candidates(MarkText.of("ceramic coil 510 thread"))
