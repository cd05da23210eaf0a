"""Patent search on patents it was not tuned on: recall@1, recall@10 and MRR, and the build.

Reproduce:  .venv/bin/python bench/patent_search.py

For each development patent the query is its first independent claim; the haystack is
title, abstract and description (claims removed, made plain: no commas or numerals, 4,000
characters) of all development patents plus the 23,248 of search_corpus.jsonl.gz, built
by the engine as `patents index` builds it. `_search_protocol` holds one third of the
patents out; the fusion setting (which of the index's rankings, k, weights) is chosen by
cross-validation on the rest, and scored once on the held-out third. Baselines in the
same run: token overlap (distinct claim word stems a document contains), BM25 alone, and
plain fusion (BM25 and the encoder over title and abstract, the encoder's full 256
tokens, reciprocal-rank k = 60, nothing tuned: the yardstick of issue 9). The plain-fusion
vectors take about half an hour of CPU, so they are kept in a cache folder named by a hash
of the texts and reused by later runs (delete it to re-encode).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from _patents import dev_patents, first_independent, plain, search_corpus
from _report import peak_mb, table
from _search_protocol import FOLDS, held_out, judge, metrics, positions, ranks_of, token_overlap

from ipsentry.formats.patent_index import read_index, write_index
from ipsentry.matching.claims.search import FUSION, build, tokenize
from ipsentry.matching.text.encoder import Encoder

PLAIN_K = 60
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ipsentry-bench"


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


def plain_vectors(texts: list[str]) -> np.ndarray:
    """The yardstick's encoder vectors (256 tokens), cached by a hash of the texts."""
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"plain-fusion-{digest}.npy"
    if path.exists():
        return np.load(path).astype(np.float32)
    vectors = Encoder(max_tokens=256).encode(texts, batch_size=16)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors.astype(np.float16))
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--haystack", type=int, help="only the first N of search_corpus (a quick check)"
    )
    haystack = parser.parse_args().haystack
    held = dev_patents()
    docs = [
        {
            "number": d["number"],
            "title": d.get("title", ""),
            "abstract": d.get("abstract", ""),
            "description": plain(" ".join(d.get("description") or [])),
        }
        for d in search_corpus()[:haystack]
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
    build_peak = peak_mb()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    index = read_index(folder)

    started = time.perf_counter()
    rankings = index.rankings(queries)
    per_query = (time.perf_counter() - started) / len(queries) * 1000
    targets = np.array([index.position[r["number"]] for r in held])
    development = np.array([not held_out(r["number"]) for r in held])
    judged = judge({n: positions(s) for n, s in rankings.items()}, targets, development)
    shipped = judged.chosen == FUSION

    summaries = [". ".join(p for p in (d["title"], d["abstract"]) if p) for d in docs]
    wholes = [" ".join(p for p in (d["title"], d["abstract"], d["description"]) if p) for d in docs]
    overlap = ranks_of(token_overlap(wholes, queries), targets)
    bm25 = ranks_of(rankings[FUSION.rankings[0]], targets)
    plain_lexical = bm25_rows(summaries, queries)
    plain_dense = Encoder(max_tokens=256).encode(queries) @ plain_vectors(summaries).T
    plain_places = {"bm25": positions(plain_lexical), "dense": positions(plain_dense)}
    plain_fusion = sum(1.0 / (PLAIN_K + p) for p in plain_places.values())
    plain_ranks = ranks_of(np.asarray(plain_fusion), targets)

    dev, out = development, ~development
    spread = statistics.stdev(judged.fold_mrr)
    rows = [
        ["token overlap (baseline)", *metrics(overlap[dev]), *metrics(overlap[out])],
        [f"{FUSION.rankings[0]} alone (baseline)", *metrics(bm25[dev]), *metrics(bm25[out])],
        [
            "plain fusion: BM25 + encoder (256 tokens) over title and abstract, k 60 (baseline)",
            *metrics(plain_ranks[dev]),
            *metrics(plain_ranks[out]),
        ],
        [
            f"chosen in {FOLDS}-fold cross-validation, held-out folds (MRR spread ± {spread:.3f})",
            *metrics(judged.cross_validated),
            "", "", "",
        ],
        [
            f"chosen on all development patents: {judged.chosen}"
            + (" (as shipped)" if shipped else f" (shipped: {FUSION})"),
            *metrics(judged.in_sample),
            *metrics(judged.held_out),
        ],
    ]  # fmt: skip
    table(
        f"Patent search: claims against {len(docs):,} patents; "
        f"{int(dev.sum())} development, {int(out.sum())} held-out",
        ["ranking", "dev r@1", "dev r@10", "dev MRR", "held-out r@1", "held-out r@10", "held-out MRR"],
        rows,
    )  # fmt: skip
    print("\nsettings chosen in the folds: " + "; ".join(str(s) for s in judged.fold_choices))
    table(
        "Patent index build (2 cores)",
        ["step", "value"],
        [
            ["BM25", f"{meta['lexical_seconds']} s"],
            ["whole build incl. encoding", f"{build_s:.0f} s"],
            ["index on disk", f"{size:.0f} MB"],
            ["search, per query (batch)", f"{per_query:.0f} ms"],
            ["peak memory of the build", f"{build_peak:.0f} MB"],
        ],
    )


if __name__ == "__main__":
    main()
