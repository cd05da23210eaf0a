"""Patent search: index a corpus of patent records, and search it by text or by a patent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.files import atomic_folder, invalid
from ipsentry.formats.tabular import read_rows

if TYPE_CHECKING:
    from ipsentry.matching.claims.search import Hit, PatentIndex

# The search engine and the index format (NumPy, bm25s, the encoder) are imported where an
# index is built or opened, not with this module: the command line imports it to build
# `ipsentry patents --help`.

MARKER = "meta.json"
INDEX = "(index)"
CORPUS_FIELDS = ("number", "title", "abstract", "claims", "description")


def read_corpus(path: Path) -> list[dict[str, Any]]:
    """Records in the patent corpus format; every field may be missing but the number."""
    records, problems, seen = [], [], set()
    for number, record in read_rows(path, CORPUS_FIELDS):
        key = str(record.get("number") or "").strip()
        if not key:
            problems.append(
                Problem(str(path), number, "number", "missing; a patent needs its number")
            )
        elif key in seen:
            problems.append(Problem(str(path), number, "number", f"{key} appears twice"))
        else:
            seen.add(key)
            records.append(record)
    if problems:
        raise InvalidInput(problems)
    return records


def build_index(
    records: list[dict[str, Any]],
    out: Path,
    dense: bool = True,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Build beside ``out`` and move the index into place only once it is complete."""
    from ipsentry.formats.patent_index import write_index
    from ipsentry.matching.claims.search import build

    index = build(records, dense=dense, progress=progress)
    with atomic_folder(out, MARKER) as building:
        write_index(index, building)
    return index.meta


def open_index(folder: Path) -> PatentIndex:
    """A patent index, or a problem naming the folder if it is not one, or is damaged."""
    from ipsentry.formats.patent_index import read_index

    if not (folder / MARKER).exists():
        raise invalid(
            folder, "not a patent index; make one with 'ipsentry patents index'", None, INDEX
        )
    try:
        return read_index(folder)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise invalid(
            folder,
            f"a damaged or different index ({error}); rebuild it with 'ipsentry patents index'",
            None,
            INDEX,
        ) from None


def like(index: PatentIndex, number: str, top: int) -> list[Hit]:
    try:
        return index.like(number, top)
    except KeyError:
        raise NotFound(f"{number} is not in the index") from None


def search_patents(
    index: PatentIndex | Path | str, queries: Sequence[str], *, top: int = 10
) -> list[tuple[str, list[Hit]]]:
    """The patents each query (a claim, a product text) is most about, best first, each hit
    with the passage that says so. `index` is a folder made by `patents index`, or one
    already opened."""
    opened = open_index(Path(index)) if isinstance(index, str | Path) else index
    wanted = [q for q in queries if q.strip()]
    if not wanted:
        raise InvalidInput([Problem("(queries)", None, "query", "is empty")])
    return list(zip(wanted, opened.search(wanted, top), strict=True))
