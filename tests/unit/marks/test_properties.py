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


# Listing words from general marketplace vocabulary (product nouns, sizes, Chinese sales
# words such as 正品 'genuine', 包邮 'free shipping'); the marks are random coined strings.
LISTING_WORDS = ["cartridge", "510", "0.5ml", "shoes", "kit", "wholesale"]
CHINESE_LISTING_WORDS = ["正品", "包邮", "烟弹", "专卖"]  # written on to the brand, no space
coined = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8)


def _one_edit(mark: str, at: int, letter: str, kind: int) -> str:
    i = at % len(mark)
    if kind == 0:
        return mark[:i] + mark[i + 1 :]  # omission
    if kind == 1:
        return mark[:i] + letter + mark[i + 1 :]  # replacement
    return mark[:i] + letter + mark[i:]  # addition


@settings(max_examples=150, deadline=None)
@given(
    coined,
    st.lists(st.sampled_from(LISTING_WORDS), min_size=1, max_size=4),
    st.lists(st.sampled_from(CHINESE_LISTING_WORDS), max_size=2),
    st.integers(0, 7),
    st.sampled_from("bcdfghjklmnpqrstvwxz"),
    st.integers(0, 2),
    st.booleans(),
)
def test_the_exact_mark_in_a_listing_is_never_weaker_than_a_look_alike(
    mark, words, chinese, at, letter, kind, brand_first
):
    """issue 8: a listing using the exact mark must score at least as high as the same listing
    with a one-edit look-alike in its place, read as free text and as a use in commerce."""
    from ipsentry.matching.marks.commerce import judge_use

    look_alike = _one_edit(mark, at, letter, kind)
    if look_alike == mark:
        return
    earlier = Mark(mark.upper(), Goods(classes=frozenset({34}), text="electronic cigarettes"))

    def listing(sign: str) -> str:
        brand = sign.upper() + "".join(chinese)
        return " ".join([brand, *words] if brand_first else [*words, brand])

    exact = listing(mark)
    imitation = listing(look_alike)
    for build in (
        lambda t: Use(t, Goods(text=t), free_text=True),
        lambda t: Use(t, free_text=True),
    ):
        assert assess(earlier, build(exact)).score >= assess(earlier, build(imitation)).score
        owner = "深圳市某某电子有限公司"
        assert (
            judge_use(earlier, build(exact), owner=owner).score
            >= judge_use(earlier, build(imitation), owner=owner).score
        )
