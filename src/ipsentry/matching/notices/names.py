"""Is a name in a later notice the same party as one already on the case?

Notices name a party in full once ("Shenzhen Foo Technology Co., Ltd. d/b/a FooVape"),
then by a short name ("Foo"), and other notices drop or abbreviate the legal form
("Shenzhen Foo Technology Co. Ltd", "Foo Tech. Co."). Names are compared after the legal
form, punctuation, case and a "d/b/a" or "a/k/a" tail are set aside; a short name matches
a full name whose words it opens or that it equals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ipsentry.matching.notices.parties import entity_form

_TRADE_NAME = re.compile(r"\s+(?:d/b/a|a/k/a|f/k/a|doing business as|also known as)\s+", re.I)


def name_forms(name: str) -> set[str]:
    """The comparable forms of a name: the name itself and each trade name it gives."""
    forms = set()
    for part in _TRADE_NAME.split(name):
        bare = entity_form().sub(" ", part)
        words = re.findall(r"[^\W_]+", bare.lower())
        if words:
            forms.add(" ".join(words))
    return forms


def same_party(name: str, known: Iterable[str]) -> bool:
    """Does ``name`` stand for the party known by these names (full name and aliases)?"""
    mine = name_forms(name)
    for other in known:
        for a in mine:
            for b in name_forms(other):
                if a == b:
                    return True
                short, long = sorted((a, b), key=len)
                if len(short) >= 3 and (long + " ").startswith(short + " "):
                    return True
    return False
