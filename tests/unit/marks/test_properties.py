"""Properties the engine must keep for any input (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ipsentry.matching.marks.confusion import Mark, Use, assess
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.marks.similarity import compare
from ipsentry.matching.marks.text import MarkText

signs = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -.'éüßЯнаοΑ思摩尔快"),
    min_size=1,
    max_size=24,
)
latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=2, max_size=10)
words = st.lists(latin, min_size=1, max_size=3, unique=True)


@settings(max_examples=300, deadline=None)
@given(signs, signs)
def test_similarity_is_symmetric_and_bounded(a, b):
    ab = compare(MarkText.of(a), MarkText.of(b)).score
    ba = compare(MarkText.of(b), MarkText.of(a)).score
    assert abs(ab - ba) < 1e-6
    assert 0.0 <= ab <= 1.0


@settings(max_examples=200, deadline=None)
@given(signs)
def test_identical_marks_score_one(a):
    sign = MarkText.of(a)
    assert compare(sign, MarkText.of(a)).score == (1.0 if sign.compact else 0.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(latin, min_size=1, max_size=3),
    st.lists(latin, min_size=1, max_size=3),
    st.sampled_from(["  ", "\t", " \n "]),
)
def test_stable_under_case_and_whitespace(a_words, b_words, gap):
    plain = compare(MarkText.of(" ".join(a_words)), MarkText.of(" ".join(b_words))).score
    shouted = compare(
        MarkText.of(gap + gap.join(w.upper() for w in a_words) + gap),
        MarkText.of(" ".join(b_words).title()),
    ).score
    assert abs(plain - shouted) < 1e-9


RELATED_STEPS = [frozenset({34}), frozenset({9}), frozenset({41})]  # same, coordinated, unrelated


@settings(max_examples=150, deadline=None)
@given(words, words)
def test_less_related_goods_never_raise_the_score(a_words, b_words):
    mark = Mark(" ".join(a_words), Goods(classes=frozenset({34})))
    scores = [assess(mark, Use(" ".join(b_words), Goods(classes=c))).score for c in RELATED_STEPS]
    assert scores[0] >= scores[1] >= scores[2]


@settings(max_examples=150, deadline=None)
@given(words, words, latin)
def test_a_weaker_shared_word_never_raises_the_score(a_words, b_words, shared):
    a = [w for w in a_words if w != shared] + [shared]
    b = [shared] + [w for w in b_words if w != shared]
    strong = assess(Mark(" ".join(a)), Use(" ".join(b))).score
    weak = assess(Mark(" ".join(a), disclaimers=(shared,)), Use(" ".join(b))).score
    assert weak <= strong + 1e-9
