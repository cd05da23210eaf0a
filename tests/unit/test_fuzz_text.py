"""Fuzzed text into the claim parser and the mark normaliser: any Unicode, no exception,
and what comes out points back into what went in. ``--hypothesis-show-statistics``
counts the cases."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipsentry.matching.claims.parse import parse_claim, split_numbered_claims
from ipsentry.matching.marks.text import strip_annotations, tokenize, visual_skeleton

CLAIM_WORDS = ["1.", "2.", "A", "The", "device", "of claim 1", "comprising", "consisting of",
               "wherein", "means for", ";", ":", ",", "and", "not", "\n", "(", ")", "about 5 mm"]  # fmt: skip
claim_text = st.lists(st.sampled_from(CLAIM_WORDS) | st.text(max_size=12), max_size=40).map(
    " ".join
)
any_text = st.text(max_size=200) | claim_text


@settings(max_examples=400, deadline=None)
@given(any_text, st.integers(1, 500))
def test_any_claim_text_parses_into_elements_that_are_spans_of_it(text: str, num: int) -> None:
    claim = parse_claim(num, text)
    assert claim.num == num and claim.text == text
    assert claim.depends_on is None or claim.depends_on >= 1
    for position, element in enumerate(claim.elements):
        assert element.position == position
        assert 0 <= element.start < element.end <= len(text)
        assert element.text == text[element.start : element.end]


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_claims_section_splits_into_numbered_claims_taken_from_it(text: str) -> None:
    for num, claim in split_numbered_claims(text):
        assert num >= 1 and claim.strip() in text


marks = st.text(max_size=60) | st.text(
    alphabet=st.characters(categories=["Lu", "Ll", "Lo", "Nd", "Zs", "Pd", "Mn", "Cf", "So"]),
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(marks)
def test_any_mark_normalises_into_tokens_located_in_it(text: str) -> None:
    stripped = strip_annotations(text)
    for token in tokenize(text):
        assert 0 <= token.start <= token.end <= len(text)
        assert token.original == text[token.start : token.end]
        assert token.text == token.text.lower()
        assert token.text.isascii() or token.han  # a rare Han character without pinyin stays
    assert isinstance(visual_skeleton(text), str) and isinstance(stripped, str)
    assert tokenize(text) == tokenize(text)  # deterministic
