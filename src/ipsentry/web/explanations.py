"""The engines' explanations in the page's language.

A mark engine explains a hit or a register match as clauses (``Reason``: a phrase code and
its values, see ``matching/marks/reasons.py``); the English phrase is the catalogue's
message id, so here each clause is looked up in the page's catalogue and filled in. Signs,
marks and class lists are the records' own words and stay as they are. A hit screened
before clauses were kept has only its English words, which are shown as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.numbers import format_decimal

from ipsentry.matching.marks.reasons import Reason, english_count, is_sentence, render
from ipsentry.web import i18n
from ipsentry.web.terms import tell

# How clauses are strung together: the punctuation of each language's sentences.
PUNCTUATION = {"en": ("; ", "."), "zh_Hans": ("；", "。")}


def _count(n: int) -> str:
    """English counts small numbers in words, as the command line does; others in figures."""
    if i18n.current() == i18n.DEFAULT:
        return english_count(n)
    return format_decimal(n, locale=i18n.babel_locale())


def clause(reason: Reason) -> str:
    return render(reason, i18n.gettext, _count)


def in_words(reasons: Sequence[Reason], fallback: str = "") -> str:
    """The clauses as the page's sentences; ``fallback`` (stored English) when there are none."""
    if not reasons:
        return tell(fallback)
    between, end = PUNCTUATION.get(i18n.current(), PUNCTUATION[i18n.DEFAULT])
    said = between.join(clause(r) for r in reasons if not is_sentence(r)) + end
    return " ".join([said, *(clause(r) for r in reasons if is_sentence(r))])
