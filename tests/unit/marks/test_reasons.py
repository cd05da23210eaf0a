"""Explanations as data: the clauses say in English exactly what ``describe`` says, they
survive being stored as JSON, and a stored clause of no known phrase is refused."""

from __future__ import annotations

import json

import pytest

from ipsentry.matching.marks.confusion import Mark, Use, assess
from ipsentry.matching.marks.explain import describe, reasons
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.marks.reasons import PHRASES, Reason, english, render, sentences

PAIRS = [
    # (earlier mark, later sign, goods of each) — spelled alike, sounding alike, weak words,
    # Chinese characters with pinyin, goods in the same class, unrelated goods
    ("COMMCASH", "COMMUNICASH", "banking services", "banking services"),
    ("SEIKO", "SEYCOS", "watches", "watches and clocks"),
    ("CCELL", "CCELL replacement pod store", "electronic cigarettes", "electronic cigarettes"),
    ("思摩尔", "思摩尔 雾化器", "electronic cigarettes", "electronic cigarettes"),
    ("LUTEX", "LUTEXAL", "", ""),
    ("APPLE", "APPLE", "fruit", "computers"),
]


@pytest.mark.parametrize(("mark", "later", "goods_a", "goods_b"), PAIRS)
def test_the_clauses_in_english_are_what_describe_says(
    mark: str, later: str, goods_a: str, goods_b: str
) -> None:
    earlier = Mark(mark, Goods(text=goods_a) if goods_a else Goods())
    use = Use(later, Goods(text=goods_b) if goods_b else Goods(), free_text=" " in later)
    a = assess(earlier, use)
    said = reasons(a, mark, later)
    assert said[0].code.startswith("verdict.")
    assert sentences(said) == describe(a, mark, later)
    stored = json.loads(json.dumps([r.record() for r in said]))
    assert [Reason.from_record(r) for r in stored] == said


def test_a_clause_is_told_through_the_phrase_book_given() -> None:
    weak = (Reason.of("words.weak_item", word="pod", why=Reason.of("weight.describes_goods")),)
    clause = Reason.of("words.distinctive_one_and_weak", words="CCELL", weak=weak)
    assert (
        english(clause)
        == "shares the distinctive word CCELL and the weak 'pod' (describes the goods)"
    )
    bracketed = render(clause, lambda phrase: f"[{phrase}]", str)
    assert (
        bracketed
        == "[shares the distinctive word CCELL and the weak ['pod' ([describes the goods])]]"
    )
    assert english(Reason.of("signs.spelled_many", sign="X", count=2)).endswith(
        "(two letters apart)"
    )
    assert render(Reason.of("signs.spelled_many", sign="X", count=2), str, str).endswith(
        "(2 letters apart)"
    )


def test_a_register_note_stands_as_a_sentence_of_its_own() -> None:
    said = [Reason.of("verdict.confusing", score="0.80"), Reason.of("register.reused", n=4),
            Reason.of("signs.same")]  # fmt: skip
    assert sentences(said) == (
        "Likely to be confused (0.80); the same mark. "
        "Other registered names reuse it as a word (4 of them)."
    )


@pytest.mark.parametrize(
    "stored",
    [
        {"code": "no.such.phrase", "params": {}},
        {"code": "signs.same"},
        {"code": "signs.contains", "params": {"sign": 3.5}},
        {"code": "signs.contains", "params": {"sign": True}},
        "signs.same",
    ],
)
def test_a_stored_clause_that_is_no_known_phrase_is_refused(stored: object) -> None:
    with pytest.raises(ValueError):
        Reason.from_record(stored)  # type: ignore[arg-type]


def test_every_phrase_fills_from_its_own_blanks_only() -> None:
    """Each phrase's blanks are named (a translation may reorder them)."""
    for code, phrase in PHRASES.items():
        assert "%s" not in phrase and "%d" not in phrase, code
