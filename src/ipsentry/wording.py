"""Messages a page may tell in its own language: English at once, phrase and values kept.

A rule that refuses or explains says it with ``N_("phrase with %(name)s", name=value)``.
The result is the English sentence, a plain ``str`` to the command line, the API and the
logs, which also keeps its phrase (the catalogue's message id) and its values, so a web
page can tell it in the page's language (``web.terms.tell``). Babel extracts ``N_`` calls
from the modules ``babel.cfg`` names; a value may itself be said (told in turn) or a code
(an enum, told as its term).
"""

from __future__ import annotations

from collections.abc import Mapping


class Said(str):
    """An English message that remembers how it was said."""

    phrase: str
    values: Mapping[str, object]


def N_(phrase: str, **values: object) -> Said:  # noqa: N802 - the name babel extracts by default
    said = Said(phrase % values if values else phrase)
    said.phrase, said.values = phrase, values
    return said


def message_of(error: BaseException) -> str:
    """The error's message as it was said (``str(error)`` keeps only the English)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, str) else str(error)
