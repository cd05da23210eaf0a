"""Matching a party named in a later notice to one already on the case."""

from __future__ import annotations

import pytest

from ipsentry.matching.notices.names import same_party


@pytest.mark.parametrize(
    ("name", "known", "same"),
    [
        (
            "Shenzhen Foo Technology Co. Ltd",
            ["Shenzhen Foo Technology Co., Ltd."],
            True,
        ),  # form written without its comma
        ("FooVape", ["Shenzhen Foo Technology Co., Ltd. d/b/a FooVape"], True),  # the trade name
        ("Foo", ["Foo Technology Inc."], True),  # a short name opening the full one
        ("Foo", ["Shenzhen Foo Technology Co., Ltd.", "Foo"], True),  # a known alias
        ("Foo", ["Foobar Technology Inc."], False),  # a word, not a prefix of one
        ("Bar Inc.", ["Foo Inc."], False),
        ("Co., Ltd.", ["Foo Co., Ltd."], False),  # a legal form alone names nobody
    ],
)
def test_same_party(name: str, known: list[str], same: bool) -> None:
    assert same_party(name, known) is same
