"""Patent search: index a corpus of patent records, and search it by text or by a patent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.files import atomic_folder, invalid
from ipsentry.formats.tabular import read_rows
from ipsentry.services import cluster

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from ipsentry.matching.claims.search import Document, Hit, PatentIndex

# The search engine and the index format (NumPy, bm25s, the encoder) are imported where an
# index is built or opened, not with this module: the command line imports it to build
# `ipsentry patents --help`.

MARKER = "meta.json"
INDEX = "(index)"
CORPUS_FIELDS = ("number", "title", "abstract", "claims", "description")


def read_corpus(path: Path) -> list[Document]:
    """The documents of a file in the patent corpus format; every field may be missing but
    the number. Each record becomes a document as it is read, so a large corpus is never
    held twice (as records and as documents)."""
    from ipsentry.matching.claims.search import Document

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
            records.append(Document.of(record))
    if problems:
        raise InvalidInput(problems)
    return records


def build_index(
    records: Sequence[dict[str, Any] | Document],
    out: Path,
    dense: bool = True,
    progress: Callable[[int], None] | None = None,
    client: cluster.Client | None = None,
) -> dict[str, Any]:
    """Build beside ``out`` and move the index into place only once it is complete; with
    ``client``, the encoding (most of the time) runs on its cluster."""
    from ipsentry.formats.patent_index import write_index
    from ipsentry.matching.claims.search import build

    encode = None if client is None else partial(_encode_on, client)
    index = build(records, dense=dense, progress=progress, encode=encode)
    with atomic_folder(out, MARKER) as building:
        write_index(index, building)
    return index.meta


BATCHES_PER_TASK = 16  # encoder batches a task encodes: about a thousand summaries


def _encode_on(
    client: cluster.Client, texts: Sequence[str], progress: Callable[[int], None] | None
) -> NDArray[np.float32]:
    """The summaries' vectors from the cluster's workers: tokenised here into the very
    batches one process would encode (so the vectors are the same), a few batches a task;
    each worker loads the model once."""
    import numpy as np

    from ipsentry.matching.claims.search import DENSE_BATCH, DENSE_TOKENS
    from ipsentry.matching.text.encoder import DIMENSIONS, Encoder, batches, encode_batches

    tokens = Encoder(max_tokens=DENSE_TOKENS).tokens(texts)
    rows = list(cluster.chunks(batches(tokens, DENSE_BATCH), BATCHES_PER_TASK))
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)

    def done(index: int, vectors: list[NDArray[np.float32]]) -> None:
        for batch, batch_vectors in zip(rows[index], vectors, strict=True):
            out[batch] = batch_vectors
            if progress:
                progress(len(batch))

    parts = ([[tokens[i] for i in batch] for batch in task] for task in rows)
    cluster.map_partitions(client, encode_batches, parts, DENSE_TOKENS, done)
    return out


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
