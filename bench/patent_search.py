"""Patent search: recall@1, recall@10 and MRR of BM25, dense and hybrid, and the build.

Reproduce:  .venv/bin/python bench/patent_search.py

For each development patent the query is its first independent claim; the haystack is
title, abstract and description (claims removed, made plain: no commas or numerals, 4,000
characters) of all development patents plus the 23,248 of search_corpus.jsonl.gz. BM25
alone and dense alone are measured in the same run as the hybrid.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
from _patents import dev_patents, first_independent, plain, search_corpus
from _report import peak_mb, table

from ipsentry.formats.patent_index import read_index, write_index
from ipsentry.matching.claims.search import CANDIDATES, build


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
    table(
        f"Patent search: {len(queries)} claims against {len(docs):,} patents",
        ["ranking", "recall@1", "recall@10", "MRR"],
        [
            ["BM25 alone (baseline)", *metrics(lexical_ranks)],
            ["dense alone (title + abstract)", *metrics(dense_ranks)],
            ["hybrid (reciprocal rank fusion)", *metrics(hybrid_ranks)],
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
