"""Value objects shared by every part of the domain."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel.numbers import list_currencies

from ipsentry.errors import echoed


class Confidentiality(enum.StrEnum):
    """How a record may be shared; ordered from least to most restricted."""

    PUBLIC = "public"
    CONFIDENTIAL = "confidential"
    ATTORNEYS_EYES_ONLY = "attorneys_eyes_only"
    PRIVILEGED = "privileged"
    PROTECTIVE_ORDER = "protective_order"

    @property
    def rank(self) -> int:
        return list(Confidentiality).index(self)

    @property
    def label(self) -> str:
        return _CONFIDENTIALITY_LABELS[self]


_CONFIDENTIALITY_LABELS = {
    Confidentiality.PUBLIC: "Public",
    Confidentiality.CONFIDENTIAL: "Confidential",
    Confidentiality.ATTORNEYS_EYES_ONLY: "Attorneys' eyes only",
    Confidentiality.PRIVILEGED: "Privileged / work product",
    Confidentiality.PROTECTIVE_ORDER: "Protective-order information",
}


@cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes Money accepts (from Babel's CLDR data)."""
    return frozenset(list_currencies())


_SIGNIFICANT = 15  # digits a SQLite number (an IEEE double) keeps exactly


@dataclass(frozen=True)
class Money:
    """An amount with its ISO 4217 currency; never a bare number, never mixed currencies."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if self.currency not in currency_codes():
            raise ValueError(f"unknown ISO 4217 currency code {echoed(self.currency)}")
        if not self.amount.is_finite():
            raise ValueError("amount must be a finite number")

    @classmethod
    def parse(cls, amount: str | int | Decimal, currency: str) -> Money:
        """An amount as a person writes it, held to what the currency and the store can
        keep exactly: no more decimals than the currency has minor units (JPY none, USD
        two, ISO 4217 via Babel), at most 15 significant digits (what a SQLite number
        keeps), and written out in full ("1e3" becomes 1000)."""
        from babel.numbers import get_currency_precision

        try:
            value = Decimal(str(amount).replace(",", "").strip())
        except InvalidOperation:
            raise ValueError(f"not an amount: {echoed(amount)}") from None
        code = currency.strip().upper()
        money = cls(value, code)  # an unknown currency or a non-finite amount is refused here
        places = get_currency_precision(code)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            raise ValueError(f"{echoed(str(amount))} has more decimals than {code} has ({places})")
        shift = exponent if isinstance(exponent, int) and exponent > 0 else 0
        # counted before writing it out: "1e30" has 31 digits, beyond what Decimal's context
        # would let quantize write
        if len(value.as_tuple().digits) + shift > _SIGNIFICANT:
            raise ValueError(
                f"{echoed(str(amount))} has more than {_SIGNIFICANT} digits written out"
            )
        exact = value.quantize(Decimal(1)) if shift else value
        return cls(exact, money.currency)

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,}"


def number_problem(value: object, low: float, high: float, *, above: bool = False) -> str | None:
    """What is wanted, in plain words, when ``value`` is no amount from ``low`` to ``high``
    (``above``: ``low`` itself excluded); None when it is one.

    ``float()`` reads "nan", "inf" and "1e400" (as infinity), and JSON and YAML carry NaN
    and Infinity: none is an amount anyone has, and NaN slips past every range test
    (``NaN < 0`` is false), so finiteness is checked before the range. A bool is refused
    too: ``True`` is an int to Python, not a number a person gave.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        finite = not isinstance(value, float) or math.isfinite(value)
        if finite and (low < value if above else low <= value) and value <= high:
            return None
    start = f"above {_plain(low)}, at most" if above else f"from {_plain(low)} to"
    return f"give a finite number {start} {_plain(high)}"


def _plain(number: float) -> str:
    """10000 as "10,000" and 2.5 as "2.5", never "1e+04"."""
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


# Regional and international offices of WIPO Standard ST.3 (two-letter codes beside the
# ISO 3166 countries): EPO, EUIPO, WIPO (WO for PCT, IB for its bureau), Eurasian Patent
# Office, ARIPO, OAPI, GCC Patent Office, Benelux Office for IP, CPVO, Nordic Patent
# Institute, Visegrad Patent Institute.
REGIONAL_OFFICES = frozenset(
    {"EP", "EM", "WO", "IB", "EA", "AP", "OA", "GC", "BX", "QZ", "XN", "XV"}
)
# Babel's territory codes that are not countries (unknown region, pseudo-locales, groupings).
_NOT_COUNTRIES = frozenset({"ZZ", "XA", "XB", "EZ", "UN", "QO", "EU"})
_ALIASES = {"EU": "EM"}  # people write EU for the EU trade mark office; ST.3 says EM


# Codes Babel lists as territories that ISO 3166-1 only reserves (Ascension, Clipperton,
# Diego Garcia, Ceuta and Melilla, Canary Islands, Tristan da Cunha): not a party's country.
_RESERVED = frozenset({"AC", "CP", "DG", "EA", "IC", "TA"})


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 country codes (XK, the code in common use for Kosovo, included)."""
    from babel import Locale

    territories: list[str] = [str(c) for c in Locale("en").territories]
    countries = {c for c in territories if len(c) == 2 and c.isalpha()}
    return frozenset(countries - _NOT_COUNTRIES - _RESERVED - REGIONAL_OFFICES)


@cache
def office_codes() -> frozenset[str]:
    """Every office code ipsentry accepts: ISO 3166 countries and the ST.3 regional offices."""
    return country_codes() | REGIONAL_OFFICES


def normalise_jurisdiction(code: str) -> str:
    """A known two-letter office code (EU is read as EM, the EUIPO); ValueError otherwise."""
    value = code.strip().upper()
    value = _ALIASES.get(value, value)
    if len(value) != 2 or not value.isalpha():
        raise ValueError(f"not a two-letter office code: {code!r}")
    if value not in office_codes():
        raise ValueError(
            f"{code.strip()!r} is not an office code (ISO 3166 country such as US, CN, DE, "
            "or EP, EM, WO)"
        )
    return value
