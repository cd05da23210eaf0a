"""Amounts as people write them, held to what the currency and the store keep exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ipsentry.domain.common import Money


@pytest.mark.parametrize(
    ("written", "kept"),
    [("1e3", "1000"), ("1,500.50", "1500.50"), ("123456789012345", "123456789012345")],
)
def test_an_amount_is_written_out_in_full(written: str, kept: str) -> None:
    assert Money.parse(written, "usd") == Money(Decimal(kept), "USD")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("1e30", "has more than 15 digits written out"),  # beyond Decimal's context too
        ("1234567890123456", "has more than 15 digits written out"),
        ("12.345", r"has more decimals than USD has \(2\)"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("ten", "not an amount"),
    ],
)
def test_an_amount_no_store_can_keep_is_refused_in_words(written: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        Money.parse(written, "USD")
