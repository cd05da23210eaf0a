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

# Title and the start of the abstract: what is worth encoding in time. 32 tokens cost 10
# CPU-ms a text against 23 at 64 (the 23k corpus in about 4 CPU-minutes), and the held-out
# search figures stay above plain fusion's (README, "Patent index build").
DENSE_TOKENS = 32
DENSE_BATCH = 64  # summaries encoded together
CANDIDATES = 200  # fused from each ranking's best
WHOLE = "BM25 over whole documents"
DENSE = "encoder over title and abstract"
STOPWORDS = sorted(CLAIM_WORDS)

Progress = Callable[[int], None]
Encode = Callable[[Sequence[str], Progress | None], NDArray[np.float32]]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("text", ""))
    return str(value or "")


@dataclass(frozen=True)
class Fusion:
    """Reciprocal-rank fusion: which rankings count, the constant k (small: the first places
    of each ranking count most) and each ranking's weight."""

    rankings: tuple[str, ...]
    k: int
    weights: tuple[float, ...]

    def __str__(self) -> str:
        parts = [
            f"{w:g} x {name}" if w != 1 else name
            for name, w in zip(self.rankings, self.weights, strict=True)
        ]
        return f"{' + '.join(parts)}, k {self.k}"


# Chosen by cross-validation on the development patents, never on the held-out ones;
# bench/patent_search.py prints the choice beside this setting (2026-12-03, vectors of 32
# tokens: k 5, held out recall@1 0.937, recall@10 0.984; at 64 tokens it was k 10).
FUSION = Fusion((WHOLE, DENSE), 5, (1.0, 1.0))


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


def tokenize(texts: Iterable[str]) -> Any:
    """BM25 tokens; `texts` may be a generator, so a corpus's joined texts are made one at a
    time rather than all held at once."""
    import bm25s
    import Stemmer

    return bm25s.tokenize(
        texts, stopwords=STOPWORDS, stemmer=Stemmer.Stemmer("english"), show_progress=False
    )


def encode_here(texts: Sequence[str], progress: Progress | None = None) -> NDArray[np.float32]:
    """The summaries' vectors, encoded in this process."""
    from ipsentry.matching.text.encoder import Encoder

    return Encoder(max_tokens=DENSE_TOKENS).encode(texts, batch_size=DENSE_BATCH, progress=progress)


def build(
    records: Iterable[dict[str, Any] | Document],
    dense: bool = True,
    progress: Progress | None = None,
    encode: Encode | None = None,
) -> PatentIndex:
    """Index patent records (or documents already made from them) in memory; `meta` holds
    the build statistics. ``encode`` turns the summaries into vectors when it is not done
    here (``encode_here``): elsewhere, say, in the same batches."""
    import bm25s

    started = time.perf_counter()
    documents = [r if isinstance(r, Document) else Document.of(r) for r in records]
    documents = [d for d in documents if d.number]
    retriever = bm25s.BM25()
    retriever.index(tokenize(d.full for d in documents), show_progress=False)
    lexical_seconds = time.perf_counter() - started
    vectors = None
    if dense:
        vectors = (encode or encode_here)([d.summary for d in documents], progress)
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
        tokens = tokenize(list(queries))
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

    def rankings(self, queries: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """Each ranking's scores, one row per query and a column per document."""
        out = {WHOLE: np.stack(self.lexical_scores(queries))}
        dense = self.dense_scores(queries)
        if dense is not None:
            out[DENSE] = np.stack(dense)
        return out

    def search(
        self, queries: Sequence[str], top: int = 10, exclude: Sequence[str | None] | None = None
    ) -> list[list[Hit]]:
        rankings = self.rankings(queries)
        answers = []
        for q, query in enumerate(queries):
            skip = self.position.get(exclude[q] or "") if exclude else None
            scores = {name: rows[q] for name, rows in rankings.items()}
            answers.append(self.fuse(query, scores, top, skip))
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
        scores: dict[str, NDArray[np.float32]],
        top: int,
        skip: int | None,
        fusion: Fusion = FUSION,
    ) -> list[Hit]:
        """The best `top` documents under `fusion` of the rankings `scores` holds."""
        fused: dict[int, float] = {}
        places: dict[str, dict[int, int]] = {}
        for name, weight in zip(fusion.rankings, fusion.weights, strict=True):
            if name not in scores:
                continue
            row = scores[name]
            best_first = np.argsort(-row)[:CANDIDATES]
            places[name] = {int(i): r + 1 for r, i in enumerate(best_first) if row[i] > 0}
            for i, r in places[name].items():
                fused[i] = fused.get(i, 0.0) + weight / (fusion.k + r)
        lexical_rank, dense_rank = places.get(WHOLE, {}), places.get(DENSE, {})
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
