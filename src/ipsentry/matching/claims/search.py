"""Patent search: which patents a text (a claim, a product description) is about.

Hybrid retrieval over title, abstract, claims and description: BM25 (bm25s, Snowball
stemming, claim-drafting words dropped) over whole documents, and a dense encoder over
title and abstract, fused by reciprocal rank. Each hit shows its best passage. The index
lives in memory; `formats.patent_index` stores it in a folder and reads it back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ipsentry.matching.claims.lexicon import CLAIM_WORDS, stems
from ipsentry.matching.claims.passages import split

DENSE_TOKENS = 64  # title and the start of the abstract: what is worth encoding in time
RRF_K = 10  # a small k lets the first places of each ranking count
DENSE_WEIGHT = 1.0  # the two rankings count alike
CANDIDATES = 200  # fused from each ranking's best
STOPWORDS = sorted(CLAIM_WORDS)

Progress = Callable[[int], None]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("text", ""))
    return str(value or "")


@dataclass(frozen=True)
class Document:
    number: str
    title: str
    abstract: str
    claims: str
    description: str

    @classmethod
    def of(cls, record: dict[str, Any]) -> Document:
        return cls(
            number=str(record.get("number") or ""),
            title=_text(record.get("title")),
            abstract=_text(record.get("abstract")),
            claims=_text(record.get("claims")),
            description=_text(record.get("description")),
        )

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.title, self.abstract, self.claims, self.description) if p)

    @property
    def summary(self) -> str:
        return ". ".join(p for p in (self.title, self.abstract) if p)

    def passages(self) -> list[tuple[str, str]]:
        """(field, text) pieces a result can quote."""
        out = [("title and abstract", self.summary)] if self.summary else []
        out += [("claims", p.text) for p in split(self.claims)]
        out += [("description", p.text) for p in split(self.description)]
        return out


def tokenize(texts: Sequence[str]) -> Any:
    import bm25s
    import Stemmer

    return bm25s.tokenize(
        list(texts), stopwords=STOPWORDS, stemmer=Stemmer.Stemmer("english"), show_progress=False
    )


def build(
    records: Iterable[dict[str, Any]],
    dense: bool = True,
    progress: Progress | None = None,
) -> PatentIndex:
    """Index patent records in memory; `meta` holds the build statistics."""
    import bm25s

    started = time.perf_counter()
    documents = [Document.of(r) for r in records]
    documents = [d for d in documents if d.number]
    retriever = bm25s.BM25()
    retriever.index(tokenize([d.full for d in documents]), show_progress=False)
    lexical_seconds = time.perf_counter() - started
    vectors = None
    if dense:
        from ipsentry.matching.text.encoder import Encoder

        vectors = Encoder(max_tokens=DENSE_TOKENS).encode(
            [d.summary for d in documents], batch_size=64, progress=progress
        )
    meta = {
        "documents": len(documents),
        "dense": dense,
        "lexical_seconds": round(lexical_seconds, 1),
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    return PatentIndex(retriever, documents, vectors, meta)


@dataclass(frozen=True)
class Hit:
    number: str
    score: float
    title: str
    passage: str
    field: str
    lexical_rank: int | None
    dense_rank: int | None

    def as_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "score": round(self.score, 6),
            "title": self.title,
            "passage": self.passage,
            "field": self.field,
            "lexical_rank": self.lexical_rank,
            "dense_rank": self.dense_rank,
        }


class PatentIndex:
    """BM25 over whole documents, vectors of title and abstract, and the documents to quote."""

    def __init__(
        self,
        retriever: Any,
        documents: list[Document],
        vectors: NDArray[np.float32] | None,
        meta: dict[str, Any],
    ) -> None:
        self.retriever = retriever
        self.documents = documents
        self.vectors = vectors
        self.meta = meta
        self.position = {d.number: i for i, d in enumerate(documents)}

    def lexical_scores(self, queries: Sequence[str]) -> list[NDArray[np.float32]]:
        tokens = tokenize(queries)
        vocabulary = self.retriever.vocab_dict
        inverse = {i: w for w, i in tokens.vocab.items()}
        out = []
        for ids in tokens.ids:
            words = [inverse[i] for i in ids if inverse[i] in vocabulary]
            scores = self.retriever.get_scores(words) if words else np.zeros(len(self.documents))
            out.append(np.asarray(scores, dtype=np.float32))
        return out

    def dense_scores(self, queries: Sequence[str]) -> list[NDArray[np.float32]] | None:
        if self.vectors is None:
            return None
        from ipsentry.matching.text.encoder import encoder

        vectors = encoder().encode(list(queries))
        return [self.vectors @ v for v in vectors]

    def search(
        self, queries: Sequence[str], top: int = 10, exclude: Sequence[str | None] | None = None
    ) -> list[list[Hit]]:
        lexical = self.lexical_scores(queries)
        dense = self.dense_scores(queries)
        answers = []
        for q, query in enumerate(queries):
            skip = self.position.get(exclude[q] or "") if exclude else None
            answers.append(self.fuse(query, lexical[q], dense[q] if dense else None, top, skip))
        return answers

    def like(self, number: str, top: int = 10) -> list[Hit]:
        """Patents like this one: its title, abstract and claims as the query."""
        if number not in self.position:
            raise KeyError(number)
        d = self.documents[self.position[number]]
        query = " ".join(p for p in (d.title, d.abstract, d.claims) if p)
        return self.search([query], top, exclude=[number])[0]

    def fuse(
        self,
        query: str,
        lexical: NDArray[np.float32],
        dense: NDArray[np.float32] | None,
        top: int,
        skip: int | None,
    ) -> list[Hit]:
        ranked_lexical = np.argsort(-lexical)[:CANDIDATES]
        fused: dict[int, float] = {}
        lexical_rank = {int(i): r + 1 for r, i in enumerate(ranked_lexical) if lexical[i] > 0}
        dense_rank: dict[int, int] = {}
        for i, r in lexical_rank.items():
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + r)
        if dense is not None:
            ranked_dense = np.argsort(-dense)[:CANDIDATES]
            dense_rank = {int(i): r + 1 for r, i in enumerate(ranked_dense)}
            for i, r in dense_rank.items():
                fused[i] = fused.get(i, 0.0) + DENSE_WEIGHT / (RRF_K + r)
        if skip is not None:
            fused.pop(skip, None)
        best = sorted(fused, key=lambda i: -fused[i])[:top]
        wanted = set(stems(query)) - CLAIM_WORDS
        hits = []
        for i in best:
            document = self.documents[i]
            field, passage = _best_passage(document, wanted)
            hits.append(
                Hit(
                    document.number,
                    fused[i],
                    document.title,
                    passage,
                    field,
                    lexical_rank.get(i),
                    dense_rank.get(i),
                )
            )
        return hits


def _best_passage(document: Document, wanted: set[str]) -> tuple[str, str]:
    best = ("", "")
    best_share = -1.0
    for field, text in document.passages():
        share = len(wanted & set(stems(text))) / max(1, len(wanted))
        if share > best_share:
            best, best_share = (field, text), share
    return best
