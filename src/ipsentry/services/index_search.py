"""Register search and patent search for signed-in users: the installation's indexes.

An installation names one register index (``IPSENTRY_REGISTER_INDEX``, made by
``ipsentry register build``) and one patent index (``IPSENTRY_PATENT_INDEX``, made by
``ipsentry patents index``). Both hold public records (a trade-mark register, published
patents), so any role that may read may search them; what the search finds carries the
marking "public". Each index is opened once per server process and opened again when it
is rebuilt (its marker file changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.matching.claims.search import Hit, PatentIndex
from ipsentry.services.access import Actor
from ipsentry.services.patent_search import MARKER, open_index, search_patents
from ipsentry.services.register_watch import WatchHit, opened_register

MARKING = Confidentiality.PUBLIC  # registers and published patents are public records
MAX_QUERY = 2000
H = TypeVar("H", WatchHit, Hit)


@dataclass(frozen=True)
class Searched(Generic[H]):
    query: str
    hits: list[H]
    marking: Confidentiality = MARKING


def _stamp(folder: Path, marker: str) -> float:
    try:
        return (folder / marker).stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _patents(folder: Path, stamp: float) -> PatentIndex:
    return open_index(folder)


def _query(query: str) -> str:
    wanted = query.strip()
    if not wanted:
        raise InvalidInput([Problem("query", None, "q", "is empty; give a name or a text")])
    if len(wanted) > MAX_QUERY:
        raise InvalidInput([Problem("query", None, "q", f"is longer than {MAX_QUERY} characters")])
    return wanted


def _configured(folder: Path | None, what: str, setting: str, command: str) -> Path:
    if folder is None:
        raise NotFound(
            f"no {what} index on this installation: make one with '{command}' "
            f"and name its folder in {setting}"
        )
    return folder


def search_register(
    actor: Actor, folder: Path | None, query: str, *, top: int = 20
) -> Searched[WatchHit]:
    """The registered names most likely confused with ``query``, best first, explained."""
    actor.require(Permission.READ, "search the register")
    wanted = _query(query)
    where = _configured(folder, "register", "IPSENTRY_REGISTER_INDEX", "ipsentry register build")
    return Searched(wanted, opened_register(where).search(wanted, top=top))


def search_patent_index(
    actor: Actor, folder: Path | None, query: str, *, top: int = 20
) -> Searched[Hit]:
    """The patents ``query`` (a claim, a product text) is most about, with the passage."""
    actor.require(Permission.READ, "search patents")
    wanted = _query(query)
    where = _configured(folder, "patent", "IPSENTRY_PATENT_INDEX", "ipsentry patents index")
    index = _patents(where, _stamp(where, MARKER))
    return Searched(wanted, search_patents(index, [wanted], top=top)[0][1])
