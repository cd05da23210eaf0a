"""How patent search is judged on patents it was not tuned on.

The development patents are split once, by a hash of their number, into a development
part (two thirds) and a held-out part (one third) that no choice ever looks at. Whatever
is fitted (which rankings are fused, the fusion constant, a ranking's weight) is chosen
by MRR inside a cross-validation over the development part, by patent; the figure of
that cross-validation is printed beside the in-sample one, and the setting chosen on the
whole development part is then scored once on the held-out part.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ipsentry.matching.claims.search import Fusion, tokenize

FOLDS = 5
KS = (5, 10, 30, 60)  # fusion constants to choose from
WEIGHTS = (0.5, 1.0, 2.0)  # weight of each ranking after the first, to choose from
HELD_OUT_SHARE = 3  # one patent in three is held out

Scores = NDArray[np.float32]


def held_out(number: str) -> bool:
    """The same patents are held out in every run, whatever else is in the corpus."""
    return zlib.crc32(number.encode()) % HELD_OUT_SHARE == 0


def positions(scores: Scores) -> NDArray[np.int64]:
    """Each document's place (1 = best) in each query's ranking."""
    order = np.argsort(-scores, axis=1, kind="stable")
    places = np.empty_like(order)
    rows = np.arange(len(scores))[:, None]
    places[rows, order] = np.arange(1, scores.shape[1] + 1)[None, :]
    return places


def ranks_of(scores: NDArray[np.float64] | Scores, targets: NDArray[np.int64]) -> NDArray[np.int64]:
    """The place of each query's own patent (ties count against it)."""
    own = scores[np.arange(len(targets)), targets][:, None]
    return np.asarray((scores > own).sum(axis=1) + 1)


def settings(names: Sequence[str]) -> list[Fusion]:
    """Every subset of the rankings; for two or more, every k and weight of the later ones."""
    out = []
    for size in range(1, len(names) + 1):
        for chosen in itertools.combinations(names, size):
            if size == 1:
                out.append(Fusion(chosen, 60, (1.0,)))
                continue
            for k in KS:
                for tail in itertools.product(WEIGHTS, repeat=size - 1):
                    out.append(Fusion(chosen, k, (1.0, *tail)))
    return out


def fused_ranks(
    setting: Fusion, places: Mapping[str, NDArray[np.int64]], targets: NDArray[np.int64]
) -> NDArray[np.int64]:
    total = sum(
        w / (setting.k + places[name])
        for name, w in zip(setting.rankings, setting.weights, strict=True)
    )
    return ranks_of(np.asarray(total, dtype=np.float64), targets)


def metrics(ranks: NDArray[np.int64]) -> list[str]:
    return [
        f"{np.mean(ranks == 1):.3f}",
        f"{np.mean(ranks <= 10):.3f}",
        f"{np.mean(1.0 / ranks):.3f}",
    ]


@dataclass(frozen=True)
class Judged:
    cross_validated: NDArray[
        np.int64
    ]  # development queries, each ranked by a setting chosen without it
    fold_mrr: list[float]  # MRR of each held-out fold, for the spread
    fold_choices: list[Fusion]
    chosen: Fusion  # chosen on the whole development part
    in_sample: NDArray[np.int64]  # development queries under `chosen`
    held_out: NDArray[np.int64]  # held-out queries under `chosen`


def judge(
    places: Mapping[str, NDArray[np.int64]],
    targets: NDArray[np.int64],
    development: NDArray[np.bool_],
) -> Judged:
    """Choose a setting inside the cross-validation, then once on all development queries."""
    ranks = {s: fused_ranks(s, places, targets) for s in settings(list(places))}
    dev = np.flatnonzero(development)
    fold_of = np.arange(len(dev)) % FOLDS

    def best(rows: NDArray[np.int64]) -> Fusion:
        return max(ranks, key=lambda s: float(np.mean(1.0 / ranks[s][rows])))

    cross = np.zeros(len(dev), dtype=np.int64)
    fold_mrr, choices = [], []
    for fold in range(FOLDS):
        choice = best(dev[fold_of != fold])
        test = fold_of == fold
        cross[test] = ranks[choice][dev[test]]
        fold_mrr.append(float(np.mean(1.0 / cross[test])))
        choices.append(choice)
    chosen = best(dev)
    return Judged(cross, fold_mrr, choices, chosen, ranks[chosen][dev], ranks[chosen][~development])


def token_overlap(documents: Sequence[str], queries: Sequence[str]) -> Scores:
    """The baseline: how many of the query's distinct word stems each document contains."""

    docs = tokenize(documents)
    vocabulary = docs.vocab
    term_parts, doc_parts = [], []
    for d, ids in enumerate(docs.ids):
        unique = np.unique(np.asarray(ids, dtype=np.int64))
        term_parts.append(unique)
        doc_parts.append(np.full(len(unique), d, dtype=np.int64))
    terms, holders = np.concatenate(term_parts), np.concatenate(doc_parts)
    order = np.argsort(terms, kind="stable")
    terms, holders = terms[order], holders[order]
    asked = tokenize(queries)
    inverse = {i: w for w, i in asked.vocab.items()}
    out = np.zeros((len(queries), len(documents)), dtype=np.float32)
    for q, ids in enumerate(asked.ids):
        for word in {inverse[i] for i in ids}:
            if word in vocabulary:
                t = vocabulary[word]
                lo, hi = np.searchsorted(terms, [t, t + 1])
                out[q, holders[lo:hi]] += 1
    return out
