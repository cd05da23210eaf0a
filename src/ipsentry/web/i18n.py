"""Languages of the web app: English and Simplified Chinese, from gettext catalogues.

The catalogues are ``locale/<locale>/LC_MESSAGES/messages.po`` (edited as text, updated
with ``make messages``); they are compiled in memory when first used, so no binary file is
kept in the repository. The language is the user's choice (a cookie) once made, and until
then the best match of the browser's Accept-Language.
"""

from __future__ import annotations

import io
from contextvars import ContextVar
from functools import cache
from importlib import resources

from babel import Locale
from babel.core import negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DEFAULT = "en"
LOCALES = {"en": "English", "zh_Hans": "简体中文"}
_current: ContextVar[str] = ContextVar("locale", default=DEFAULT)


def catalogue_path(locale: str) -> resources.abc.Traversable:
    return resources.files("ipsentry.web").joinpath(f"locale/{locale}/LC_MESSAGES/messages.po")


@cache
def translations(locale: str) -> NullTranslations:
    if locale == DEFAULT:
        return NullTranslations()
    with catalogue_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def from_accept_language(header: str) -> str:
    """The supported locale the browser prefers most (q-values honoured), else English."""
    weighted: list[tuple[float, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            weighted.append((-quality + position * 1e-6, tag.strip().replace("-", "_")))
    preferred = [tag for _, tag in sorted(weighted)]
    for tag in preferred:
        if tag.lower().startswith("zh"):
            # zh, zh-CN, zh-SG and zh-Hans read Simplified script; zh-TW, zh-HK Traditional,
            # which ipsentry does not have, so they fall back to the next choice.
            if any(t in tag.lower() for t in ("tw", "hk", "mo", "hant")):
                continue
            return "zh_Hans"
        found = negotiate_locale([tag], list(LOCALES), sep="_")
        if found:
            return found
    return DEFAULT


def choose(cookie: str | None, accept_language: str) -> str:
    if cookie in LOCALES:
        return cookie
    return from_accept_language(accept_language)


def activate(locale: str) -> None:
    _current.set(locale)


def current() -> str:
    return _current.get()


def gettext(message: str) -> str:
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context``, where one English word is two in another
    language ("Status" of a right is its legal status, of a takedown its workflow state)."""
    return str(translations(current()).pgettext(context, message))


def babel_locale() -> Locale:
    return Locale.parse(current())


def html_lang() -> str:
    return current().replace("_", "-")
