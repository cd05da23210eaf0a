"""A patent index on disk: a folder with the BM25 arrays, the vectors and the documents.

The search engine (`matching.claims.search`) builds and searches a `PatentIndex` in memory
and never touches a file; this adapter writes one to a folder and reads it back, the BM25
arrays memory-mapped so a search process starts quickly.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np

from ipsentry.matching.claims.search import Document, PatentIndex

FORMAT_VERSION = 1
META = "meta.json"
DOCUMENTS = "documents.jsonl"
VECTORS = "vectors.npy"
BM25 = "bm25"


def write_index(index: PatentIndex, folder: Path) -> None:
    """Every part of `index` into `folder` (the vectors at half precision)."""
    folder.mkdir(parents=True, exist_ok=True)
    index.retriever.save(str(folder / BM25))
    with (folder / DOCUMENTS).open("w", encoding="utf-8") as handle:
        for document in index.documents:
            handle.write(json.dumps(dataclasses.asdict(document), ensure_ascii=False) + "\n")
    if index.vectors is not None:
        np.save(folder / VECTORS, index.vectors.astype(np.float16))
    meta = {"format": FORMAT_VERSION, **index.meta}
    (folder / META).write_text(json.dumps(meta), "utf-8")


def read_index(folder: Path) -> PatentIndex:
    """The index stored in `folder`; FileNotFoundError or ValueError when it is not one."""
    import bm25s

    meta_path = folder / META
    if not meta_path.exists():
        raise FileNotFoundError(f"{folder} is not a patent index (no {META})")
    meta = json.loads(meta_path.read_text("utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(f"{folder}: index format {meta.get('format')}; rebuild it")
    retriever = bm25s.BM25.load(str(folder / BM25), mmap=True)
    with (folder / DOCUMENTS).open(encoding="utf-8") as handle:
        documents = [Document(**json.loads(line)) for line in handle]
    vectors_path = folder / VECTORS
    vectors = (
        np.load(vectors_path).astype(np.float32)
        if meta.get("dense") and vectors_path.exists()
        else None
    )
    if vectors is not None and len(vectors) != len(documents):
        raise ValueError(f"{folder}: {len(vectors)} vectors for {len(documents)} documents")
    return PatentIndex(retriever, documents, vectors, meta)
