"""Patent search: recall@1, recall@10 and MRR of BM25, dense and hybrid, and the build.

Reproduce:  .venv/bin/python bench/patent_search.py

For each development patent the query is its first independent claim; the haystack is
title, abstract and description (claims removed, made plain: no commas or numerals, 4,000
characters) of all development patents plus the 23,248 of search_corpus.jsonl.gz. BM25
alone, dense alone and plain fusion (BM25 and the encoder over title and abstract, the
encoder's full 256 tokens, reciprocal-rank k = 60, nothing tuned: the yardstick of issue 9)
are measured in the same run as the hybrid. The hybrid's one fitted figure, the fusion
constant k, is also chosen inside a 5-fold cross-validation over the queries, and the
held-out figure is printed beside the in-sample one.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from _patents import dev_patents, first_independent, plain, search_corpus
from _report import peak_mb, table

from ipsentry.formats.patent_index import read_index, write_index
from ipsentry.matching.claims.search import CANDIDATES, RRF_K, build, tokenize
from ipsentry.matching.text.encoder import Encoder

FOLDS = 5
KS = (5, 10, 30, 60)  # fusion constants the cross-validation chooses from
PLAIN_K = 60


def fused_ranks(rankings: list[np.ndarray], targets: list[int], k: int) -> list[int]:
    """Rank of each target under reciprocal-rank fusion of full score rows."""
    out = []
    for q, target in enumerate(targets):
        total = sum(1.0 / (k + 1 + np.argsort(np.argsort(-r[q], kind="stable"))) for r in rankings)
        out.append(rank_of(total, target))
    return out


def bm25_rows(texts: list[str], queries: list[str]) -> np.ndarray:
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(tokenize(texts), show_progress=False)
    tokens = tokenize(queries)
    inverse = {i: w for w, i in tokens.vocab.items()}
    rows = []
    for ids in tokens.ids:
        words = [inverse[i] for i in ids if inverse[i] in retriever.vocab_dict]
        rows.append(np.asarray(retriever.get_scores(words)) if words else np.zeros(len(texts)))
    return np.stack(rows)


def cross_validated_k(rankings: list[np.ndarray], targets: list[int]) -> tuple[int, list[str]]:
    """k chosen on four folds by MRR, scored on the fifth; held-out recall@1, @10 and MRR."""
    by_k = {k: fused_ranks(rankings, targets, k) for k in KS}
    held: list[int] = []
    chosen = []
    for fold in range(FOLDS):
        train = [i for i in range(len(targets)) if i % FOLDS != fold]
        best = max(KS, key=lambda k: statistics.mean(1 / by_k[k][i] for i in train))
        chosen.append(best)
        held += [by_k[best][i] for i in range(len(targets)) if i % FOLDS == fold]
    return statistics.mode(chosen), metrics(held)


def rank_of(scores: np.ndarray, target: int) -> int:
    return int((scores > scores[target]).sum()) + 1


def metrics(ranks: list[int]) -> list[str]:
    n = len(ranks)
    return [
        f"{sum(r == 1 for r in ranks) / n:.3f}",
        f"{sum(r <= 10 for r in ranks) / n:.3f}",
        f"{sum(1 / r for r in ranks) / n:.3f}",
    ]


def main() -> None:
    held = dev_patents()
    docs = [
        {
            "number": d["number"],
            "title": d.get("title", ""),
            "abstract": d.get("abstract", ""),
            "description": plain(" ".join(d.get("description") or [])),
        }
        for d in search_corpus()
    ]
    docs += [
        {
            "number": r["number"],
            "title": r.get("title", ""),
            "abstract": r.get("abstract", ""),
            "description": plain(" ".join(r["description"])),
        }
        for r in held
    ]
    queries = [" ".join(first_independent(r)["text"].split()) for r in held]

    folder = Path(tempfile.mkdtemp(prefix="ipsentry-patents-"))
    started = time.perf_counter()
    built = build(docs, dense=True)
    write_index(built, folder)
    meta = built.meta
    build_s = time.perf_counter() - started
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    index = read_index(folder)

    started = time.perf_counter()
    lexical = index.lexical_scores(queries)
    dense = index.dense_scores(queries)
    assert dense is not None
    hybrid_hits = [
        index.fuse(q, lexical[i], dense[i], CANDIDATES, None) for i, q in enumerate(queries)
    ]
    per_query = (time.perf_counter() - started) / len(queries) * 1000
    targets = [index.position[r["number"]] for r in held]
    lexical_ranks = [rank_of(s, t) for s, t in zip(lexical, targets, strict=True)]
    dense_ranks = [rank_of(s, t) for s, t in zip(dense, targets, strict=True)]
    hybrid_ranks = []
    for hits, record in zip(hybrid_hits, held, strict=True):
        numbers = [h.number for h in hits]
        hybrid_ranks.append(
            numbers.index(record["number"]) + 1 if record["number"] in numbers else 10**6
        )
    summaries = [". ".join(p for p in (d["title"], d["abstract"]) if p) for d in docs]
    plain_lexical = bm25_rows(summaries, queries)
    encoder = Encoder(max_tokens=256)
    plain_dense = encoder.encode(queries) @ encoder.encode(summaries, batch_size=64).T
    plain_ranks = fused_ranks([plain_lexical, plain_dense], targets, PLAIN_K)
    k, held_out = cross_validated_k([np.stack(lexical), np.stack(dense)], targets)
    table(
        f"Patent search: {len(queries)} claims against {len(docs):,} patents",
        ["ranking", "recall@1", "recall@10", "MRR"],
        [
            ["BM25 alone (baseline)", *metrics(lexical_ranks)],
            ["dense alone (title + abstract)", *metrics(dense_ranks)],
            [
                "plain fusion, BM25 + encoder over title and abstract, k 60 (baseline)",
                *metrics(plain_ranks),
            ],
            [f"hybrid, in-sample (k {RRF_K})", *metrics(hybrid_ranks)],
            [
                f"hybrid, k chosen in {FOLDS}-fold cross-validation (mostly {k}), held out",
                *held_out,
            ],
        ],
    )
    table(
        "Patent index build (2 cores)",
        ["step", "value"],
        [
            ["BM25", f"{meta['lexical_seconds']} s"],
            ["whole build incl. encoding", f"{build_s:.0f} s"],
            ["index on disk", f"{size:.0f} MB"],
            ["search, per query (batch)", f"{per_query:.0f} ms"],
            ["peak memory", f"{peak_mb():.0f} MB"],
        ],
    )


if __name__ == "__main__":
    main()
