"""The single-pair scorer and the vectorised register scorer give the same numbers.

`similarity.compare` explains one pair; `similarity.score_against` scores one sign against
a whole column of signs with rapidfuzz's cdist (register search, brute force). They share
one formula, so they must agree on any input, and the register must rank what it finds
by the same likelihood of confusion that `confusion.assess` gives the pair alone.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from ipsentry.matching.marks.confusion import Mark, Use, assess
from ipsentry.matching.marks.register import RegisterIndex, build
from ipsentry.matching.marks.similarity import FormColumns, compare, score_against
from ipsentry.matching.marks.text import MarkText

signs = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzCKXZ0123456789 -.'éüßЯнаοΑ思摩尔快"),
    min_size=1,
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(signs, st.lists(signs, min_size=1, max_size=8))
def test_pair_and_column_scores_agree(query, others):
    q = MarkText.of(query)
    column = score_against(q, FormColumns.of([MarkText.of(o) for o in others]))
    for other, vectorised in zip(others, column, strict=True):
        assert abs(compare(q, MarkText.of(other)).score - float(vectorised)) < 1e-5


@settings(max_examples=100, deadline=None)
@given(signs, st.lists(signs, min_size=1, max_size=8), st.floats(0.0, 1.0))
def test_a_cutoff_only_zeroes_scores_below_it(query, others, cutoff):
    q = MarkText.of(query)
    columns = FormColumns.of([MarkText.of(o) for o in others])
    plain = score_against(q, columns)
    cut = score_against(q, columns, score_cutoff=cutoff)
    for before, after in zip(plain, cut, strict=True):
        assert after == (before if before >= cutoff else 0.0)


@settings(max_examples=40, deadline=None)
@given(signs, st.lists(signs, min_size=1, max_size=12, unique=True))
def test_register_results_score_as_the_pair_alone(query, names):
    index = RegisterIndex(build(names, workers=1))
    for result in index.brute_force(query, top=5):
        alone = assess(Mark(query), Use(result.name), common=index.common)
        assert result.score == alone.score
        assert abs(result.similarity - alone.similarity.score) < 1e-5
