"""Explanations an analyst reads without a manual: sentences, not the engine's notation.

Cases are written here to show one reading each (the demo's own mark CCELL, class 34,
and made-up marks); none is a development row.
"""

from __future__ import annotations

import re

import pytest

from ipsentry.matching.marks.confusion import Mark, Use, assess
from ipsentry.matching.marks.explain import describe
from ipsentry.matching.marks.goods import Goods

C34 = Goods(classes=frozenset({34}))
NOTATION = re.compile(r"\[[+\-]|→|=|\b(True|False|None)\b|\d\.\d{2}; (look|sound|meaning)")


def said(
    mark: str, later: str, *, goods: Goods = C34, later_goods: Goods = C34, text: bool = False
) -> str:
    return describe(assess(Mark(mark, goods), Use(later, later_goods, free_text=text)), mark, later)


@pytest.mark.parametrize(
    ("mark", "later", "text", "expected"),
    [
        (
            "CCELL",
            "CCELL TH2 0.5ml cartridges",
            True,
            "the same mark; shares the distinctive word CCELL; the goods are",
        ),
        (
            "CCELL",
            "C-Cell style 510 cartridge",
            True,
            "the same letters as the mark, written 'C-Cell'",
        ),
        ("CCELL", "C-Cell style 510 cartridge", True, "'style' next to the mark admits imitation"),
        ("CCELL", "CCEL1", False, "'CCEL1' is the mark with look-alike characters"),
        ("VORTELLA", "VORTELA", False, "spelled like the mark (one letter apart)"),
        (
            "CCELL",
            "compatible with CCELL 510 battery",
            True,
            "'compatible with' next to the mark says what the goods fit",
        ),
        ("思摩尔", "正品思摩尔电子烟", True, "'思摩尔' reads 'si1 mo2 er3' in pinyin"),
    ],
)
def test_each_reading_is_said_in_words(mark: str, later: str, text: bool, expected: str) -> None:
    sentence = said(mark, later, text=text)
    assert expected in sentence
    assert not NOTATION.search(sentence), sentence
    assert sentence.endswith(".")


def test_the_goods_are_said_in_words() -> None:
    same = said("VORTELLA", "VORTELLA")
    assert "the goods are related (both in class 34)" in same or "the goods are the same" in same
    unrelated = said("VORTELLA", "VORTELLA", later_goods=Goods(classes=frozenset({39})))
    assert "the goods are unrelated" in unrelated and "lowers the likelihood" in unrelated
    unknown = said("VORTELLA", "VORTELLA", goods=Goods(), later_goods=Goods())
    assert "the goods are not stated on both sides" in unknown


def test_fame_is_mentioned_only_when_it_counted() -> None:
    plain = describe(assess(Mark("VORTELLA", C34), Use("VORTELLA", C34)), "VORTELLA", "VORTELLA")
    assert "famous" not in plain
    famous_mark = Mark("VORTELLA", C34, famous=True)
    other_goods = Use("VORTELLA", Goods(classes=frozenset({9})))
    assert "recorded as famous" in describe(
        assess(famous_mark, other_goods), "VORTELLA", "VORTELLA"
    )


def test_different_signs_are_called_different() -> None:
    assert "look, sound and mean different things" in said("VORTELLA", "QUIMBY")
