"""Explanations as data: a phrase's code and what fills it, told in any language later.

The mark engines decide *what* to say (``Reason``: a code from ``PHRASES`` and its values,
which may be other reasons); how it reads is left to whoever shows it. ``english`` renders
a reason as the command line and the JSON output have always said it; the web looks the
same English phrase up in its catalogue (``web/explanations.py``), so each phrase is
written once, here, and ``N_`` marks it for ``make messages``. Values are the engine's own
words (a sign, a mark, a class list), which stay as they are in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union

Value = Union[str, int, "Reason", tuple["Reason", ...]]


def N_(message: str) -> str:  # noqa: N802 - the name babel extracts by default
    return message


PHRASES: dict[str, str] = {
    # the verdict, first
    "verdict.counterfeit": N_("Counterfeit: the same mark on the same goods (%(score)s)"),
    "verdict.confusing": N_("Likely to be confused (%(score)s)"),
    "verdict.referential": N_("Names the mark to refer to the owner's goods (%(score)s)"),
    "verdict.not_similar": N_("Unlikely to be confused (%(score)s)"),
    # what makes the signs alike
    "signs.different": N_("'%(mark)s' and '%(sign)s' look, sound and mean different things"),
    "signs.same": N_("the same mark"),
    "signs.same_letters": N_("the same letters as the mark, written '%(sign)s'"),
    "signs.same_meaning": N_("the same meaning: '%(sign)s' translates as '%(gloss)s'"),
    "signs.contains": N_("'%(sign)s' contains the mark whole"),
    "signs.contains_said_alike": N_("'%(sign)s' contains the mark whole and said alike"),
    "signs.lookalike": N_("'%(sign)s' is the mark with look-alike characters"),
    "signs.lookalike_said_alike": N_(
        "'%(sign)s' is the mark with look-alike characters and said alike"
    ),
    "signs.spelled_one": N_("'%(sign)s' is spelled like the mark (one letter apart)"),
    "signs.spelled_many": N_("'%(sign)s' is spelled like the mark (%(count)s letters apart)"),
    "signs.spelled_one_said_alike": N_(
        "'%(sign)s' is spelled like the mark (one letter apart) and said alike"
    ),
    "signs.spelled_many_said_alike": N_(
        "'%(sign)s' is spelled like the mark (%(count)s letters apart) and said alike"
    ),
    "signs.sounds_like": N_("sounds like the mark ('%(sign)s' is said like '%(mark)s')"),
    "signs.homoglyphs": N_("it mixes in letters of another alphabet that print the same"),
    "signs.pinyin": N_("'%(sign)s' reads '%(pinyin)s' in pinyin"),
    # the words the signs share
    "words.distinctive_one": N_("shares the distinctive word %(words)s"),
    "words.distinctive_many": N_("shares the distinctive words %(words)s"),
    "words.distinctive_one_and_weak": N_(
        "shares the distinctive word %(words)s and the weak %(weak)s"
    ),
    "words.distinctive_many_and_weak": N_(
        "shares the distinctive words %(words)s and the weak %(weak)s"
    ),
    "words.weak_only": N_("shares only the weak %(weak)s"),
    "words.weak_item": N_("'%(word)s' (%(why)s)"),
    # why a word weighs less
    "weight.disclaimed": N_("disclaimed"),
    "weight.marketplace": N_("laudatory, marketplace or function word"),
    "weight.company_form": N_("company form"),
    "weight.describes_goods": N_("describes the goods"),
    "weight.short": N_("too short to tell marks apart"),
    "weight.crowded": N_("shared by many registered names"),
    "weight.common": N_("common dictionary word"),
    # the goods
    "goods.not_compared": N_("the goods could not be compared (%(why)s)"),
    "goods.not_stated": N_("the goods are not stated on both sides"),
    "goods.same": N_("the goods are the same (%(why)s)"),
    "goods.related": N_("the goods are related (%(why)s)"),
    "goods.unrelated": N_(
        "the goods are unrelated (%(why)s), which lowers the likelihood of confusion"
    ),
    "goods.loosely_related": N_("the goods are loosely related (%(why)s)"),
    "goods.why.same_goods": N_("the same goods"),
    "goods.why.both_name": N_("both name %(terms)s"),
    "goods.why.shared_words": N_("shared words %(words)s"),
    "goods.why.same_class": N_("same Nice class %(classes)s"),
    "goods.why.both_in_class": N_("both in class %(classes)s"),
    "goods.why.unrelated_classes": N_("unrelated classes %(a)s and %(b)s"),
    "goods.why.coordinated": N_("coordinated classes %(a)s and %(b)s: %(why)s"),
    "goods.why.retail": N_("retail of such goods"),
    "goods.why.same_kind": N_("the same kind of goods: %(heads)s"),
    "goods.why.meaning_alike": N_("goods texts alike in meaning (cosine %(cosine)s)"),
    "goods.why.meaning_unlike": N_("goods texts unlike in meaning (cosine %(cosine)s)"),
    "goods.why.unread": N_("no shared goods words and no class could be read"),
    # the mark's standing and the words around a use
    "mark.famous": N_("the mark is recorded as famous, so more goods count as related"),
    "context.referential": N_(
        "'%(word)s' next to the mark says what the goods fit (referential use)"
    ),
    "context.imitation": N_("'%(word)s' next to the mark admits imitation"),
    # a register search's note on a name
    "register.reused": N_("Other registered names reuse it as a word (%(n)s of them)."),
}
LIST_SEPARATORS = {"weak": ", "}  # a list of reasons is joined by "; " unless named here
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five"]


@dataclass(frozen=True)
class Reason:
    """One clause of an explanation: which phrase, and what fills its blanks."""

    code: str
    params: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, code: str, **params: Value) -> Reason:
        if code not in PHRASES:
            raise KeyError(f"no phrase {code!r}")
        return cls(code, tuple(params.items()))

    def record(self) -> dict[str, Any]:
        """As JSON: ``{"code": ..., "params": {...}}``, nested reasons likewise."""
        return {"code": self.code, "params": {k: _record(v) for k, v in self.params}}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Reason:
        """The reason a ``record`` stored; ``ValueError`` for anything else."""
        try:
            params = {str(k): _value(v) for k, v in dict(data["params"]).items()}
            return cls.of(str(data["code"]), **params)
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a stored reason: {error}") from None


def _record(value: Value) -> Any:
    if isinstance(value, Reason):
        return value.record()
    if isinstance(value, tuple):
        return [r.record() for r in value]
    return value


def _value(raw: Any) -> Value:
    if isinstance(raw, Mapping):
        return Reason.from_record(raw)
    if isinstance(raw, list):
        return tuple(Reason.from_record(r) for r in raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise TypeError(f"{raw!r} is no reason's value")
    return raw


def render(reason: Reason, phrase: Callable[[str], str], count: Callable[[int], str]) -> str:
    """``reason`` told with ``phrase`` (a phrase in some language) and ``count`` (how that
    language writes the number of a ``count`` blank)."""
    values: dict[str, str] = {}
    for name, value in reason.params:
        if isinstance(value, Reason):
            values[name] = render(value, phrase, count)
        elif isinstance(value, tuple):
            separator = LIST_SEPARATORS.get(name, "; ")
            values[name] = separator.join(render(r, phrase, count) for r in value)
        elif name == "count":
            values[name] = count(int(value))
        else:
            values[name] = str(value)
    return phrase(PHRASES[reason.code]) % values


def english_count(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def english(reason: Reason) -> str:
    return render(reason, lambda p: p, english_count)


def is_sentence(reason: Reason) -> bool:
    """A phrase ending in a full stop stands alone, after the clauses (a register note)."""
    return PHRASES[reason.code].endswith(".")


def sentences(reasons: Iterable[Reason]) -> str:
    """As the CLI prints them: the clauses joined by semicolons and ended by a full stop,
    then any sentence of its own."""
    said = list(reasons)
    clauses = "; ".join(english(r) for r in said if not is_sentence(r)) + "."
    return " ".join([clauses, *(english(r) for r in said if is_sentence(r))])
