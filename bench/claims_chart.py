"""Claim charts: do they tell a patent's own product from the most similar other one?

Reproduce:  .venv/bin/python bench/claims_chart.py

For each development patent, its first independent claim is charted against its own
description (plain: no commas or numerals, 4,000 characters) and against the description
of its nearest neighbour in the search corpus (a product of the same kind that does not
embody the claim). ROC-AUC of the coverage, with a plain token-overlap baseline in the
same run; the share of elements found on each side; the one fitted figure, the weight of
whole-claim relevance in the coverage, chosen inside a 5-fold cross-validation by patent
and reported beside the in-sample figure; then throughput (charts per second, 100
products x 50 claims) and memory.
"""

from __future__ import annotations

import json
import re
import statistics
import time

from _patents import dev_patents, first_independent, plain, search_corpus
from _report import DATA, peak_mb, table

from ipsentry.matching.claims.chart import RELEVANCE_SHARE, ChartEngine, ClaimResult
from ipsentry.matching.claims.parse import parse_claim
from ipsentry.matching.text.encoder import encoder

WORD = re.compile(r"[a-z]+")


def auc(pos: list[float], neg: list[float]) -> float:
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def token_overlap(claim: str, product: str) -> float:
    wanted = set(WORD.findall(claim.lower()))
    return len(wanted & set(WORD.findall(product.lower()))) / max(1, len(wanted))


FOLDS = 5
SHARES = (0.0, 0.2, 0.4, 0.6, 0.8)  # weight of whole-claim relevance in the coverage


def blended(result: ClaimResult, share: float) -> float:
    return (1 - share) * result.terms_found + share * (result.relevance or 0.0)


def cross_validated(own: list[ClaimResult], other: list[ClaimResult]) -> tuple[float, float]:
    """(mean held-out-fold AUC with the shipped weight, the same with the weight chosen on
    the other folds): patents are split into folds, never a patent's two charts apart."""
    shipped, chosen = [], []
    for fold in range(FOLDS):
        test = [i for i in range(len(own)) if i % FOLDS == fold]
        train = [i for i in range(len(own)) if i % FOLDS != fold]

        def fold_auc(rows: list[int], share: float) -> float:
            return auc(
                [blended(own[i], share) for i in rows], [blended(other[i], share) for i in rows]
            )

        best = max(SHARES, key=lambda share: fold_auc(train, share))
        shipped.append(fold_auc(test, RELEVANCE_SHARE))
        chosen.append(fold_auc(test, best))
    return statistics.mean(shipped), statistics.mean(chosen)


def main() -> None:
    held = dev_patents()
    nearest = json.loads((DATA / "patents/nearest_other.json").read_text())
    corpus = {d["number"]: d for d in search_corpus()}
    pairs = []
    for r in held:
        claim = first_independent(r)
        other = corpus[nearest[r["number"]]]
        pairs.append(
            (
                parse_claim(claim["num"], claim["text"]),
                plain(" ".join(r["description"])),
                plain(" ".join(other.get("description") or [])),
            )
        )

    rows = []
    found_rows = []
    charts: dict[str, tuple[list[ClaimResult], list[ClaimResult]]] = {}
    for name, dense in (("token overlap (baseline)", None), ("ipsentry, words only", False),
                        ("ipsentry, words + encoder", True)):  # fmt: skip
        started = time.perf_counter()
        if dense is None:
            pos = [token_overlap(c.text, own) for c, own, _ in pairs]
            neg = [token_overlap(c.text, other) for c, _, other in pairs]
        else:
            engine = ChartEngine(dense=dense)
            own_charts = [engine.chart([c], engine.read(own))[0] for c, own, _ in pairs]
            other_charts = [engine.chart([c], engine.read(other))[0] for c, _, other in pairs]
            charts[name] = (own_charts, other_charts)
            pos = [r.coverage for r in own_charts]
            neg = [r.coverage for r in other_charts]
            found_rows.append(
                [
                    name,
                    f"{statistics.mean(r.share_found for r in own_charts):.2f}",
                    f"{statistics.mean(r.share_found for r in other_charts):.2f}",
                    f"{sum(r.found_count > 0 for r in other_charts) / len(pairs):.2f}",
                    f"{auc([r.share_found for r in own_charts], [r.share_found for r in other_charts]):.3f}",
                ]
            )
        rows.append(
            [
                name,
                f"{auc(pos[:40], neg[:40]):.3f}",
                f"{auc(pos, neg):.3f}",
                f"{sum(p > n for p, n in zip(pos, neg, strict=True)) / len(pos):.3f}",
                f"{time.perf_counter() - started:.1f} s",
            ]
        )
    table(
        f"Chart discrimination: own description vs nearest other ({len(pairs)} patents)",
        [
            "coverage from",
            "ROC-AUC (first 40, as evaluated)",
            "ROC-AUC (all)",
            "own > other, pairwise",
            "time",
        ],
        rows,
    )
    table(
        "Elements found (share of a claim's elements found)",
        ["engine", "own, mean", "other, mean", "other: any element found", "ROC-AUC of the share"],
        found_rows,
    )
    own_charts, other_charts = charts["ipsentry, words + encoder"]
    shipped, chosen = cross_validated(own_charts, other_charts)
    table(
        f"Coverage weight of whole-claim relevance ({RELEVANCE_SHARE} shipped), {FOLDS}-fold cross-validation",
        ["figure", "ROC-AUC"],
        [
            [
                "in-sample, all patents, shipped weight",
                f"{auc([r.coverage for r in own_charts], [r.coverage for r in other_charts]):.3f}",
            ],
            ["held-out folds, shipped weight", f"{shipped:.3f}"],
            ["held-out folds, weight chosen on the other folds", f"{chosen:.3f}"],
        ],
    )

    claims = [c for c, _, _ in pairs[:50]]
    products = [own for _, own, _ in pairs[:100]]
    throughput = []
    for dense in (False, True):
        engine = ChartEngine(dense=dense)
        started = time.perf_counter()
        for text in products:
            product = engine.read(text)  # read once, charted against every claim
            for claim in claims:
                engine.chart([claim], product)
        seconds = time.perf_counter() - started
        charts = len(products) * len(claims)
        mode = "words + encoder" if dense else "words only"
        throughput.append([mode, f"{charts:,}", f"{charts / seconds:.1f}", f"{seconds:.0f} s"])
    sentences = [
        p.text for text in products[:20] for p in ChartEngine(dense=False).read(text).passages
    ]
    started = time.perf_counter()
    encoder().encode(sentences)
    rate = len(sentences) / (time.perf_counter() - started)
    throughput.append(["encoder alone", f"{len(sentences)} passages", f"{rate:.0f} passages/s", ""])
    throughput.append(["peak memory", "", f"{peak_mb():.0f} MB", ""])
    table("Chart throughput (2 cores)", ["mode", "charts", "per second", "time"], throughput)


if __name__ == "__main__":
    main()
