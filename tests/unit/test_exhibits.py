"""Bates numbering of an exhibit binder: contiguous, padded, refused when it cannot fit."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipsentry.domain.exhibits import Bates
from ipsentry.errors import InvalidInput


def test_labels_are_padded_and_ranges_run_on() -> None:
    bates = Bates("ACME", start=41)
    assert bates.label(41) == "ACME-000041"
    ranges = bates.ranges([1, 3, 2])
    assert [(r.first, r.last) for r in ranges] == [(41, 41), (42, 44), (45, 46)]
    assert (
        bates.span(ranges[0]) == "ACME-000041"
        and bates.span(ranges[1]) == "ACME-000042 – ACME-000044"
    )


@given(st.integers(1, 500), st.lists(st.integers(1, 40), min_size=1, max_size=30))
def test_ranges_cover_every_page_once_in_order(start: int, counts: list[int]) -> None:
    ranges = Bates("EX", start=start).ranges(counts)
    assert ranges[0].first == start and [r.pages for r in ranges] == counts
    assert all(a.last + 1 == b.first for a, b in pairwise(ranges))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"prefix": "acme inc"}, "--prefix"), ({"start": 0}, "--start"), ({"width": 2}, "--width")],
)
def test_bad_schemes_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        Bates(**kwargs)  # type: ignore[arg-type]
    assert refused.value.problems[0].field == field


def test_more_pages_than_the_digits_hold_is_refused() -> None:
    with pytest.raises(InvalidInput, match="need more than 3 digits"):
        Bates("EX", start=998, width=3).ranges([1, 2])
