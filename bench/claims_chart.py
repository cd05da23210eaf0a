"""Claim charts: do they tell a patent's own product from the most similar other one?

Reproduce:  .venv/bin/python bench/claims_chart.py

For each development patent, its first independent claim is charted against its own
description (plain: no commas or numerals, 4,000 characters) and against the description
of its nearest neighbour in the search corpus (a product of the same kind that does not
embody the claim). ROC-AUC of the coverage, with a plain token-overlap baseline in the
same run; the share of elements found on each side; the fitted figures, each chosen
inside a 5-fold cross-validation by patent and reported beside the in-sample figure: the
weight of whole-claim relevance in the coverage, and the cut-offs from element scores to
findings and verdicts (`_chart_cutoffs.py` says how they are judged); then throughput
(charts per second, 100 products x 50 claims) and memory. `--accuracy-only` skips the
throughput.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time

from _chart_cutoffs import (
    DECISIONS,
    FOLDS,
    HAND_SET,
    Answers,
    answers,
    element_grid,
    folds,
    judge,
    named,
    rows,
    threshold_answers,
)
from _patents import dev_patents, first_independent, plain, search_corpus
from _report import DATA, peak_mb, table

from ipsentry.domain.rights import Claim
from ipsentry.matching.claims.chart import RELEVANCE_SHARE, ChartEngine, ClaimResult, Product
from ipsentry.matching.claims.cutoffs import Cutoffs, shipped_cutoffs
from ipsentry.matching.claims.parse import parse_claim
from ipsentry.matching.text.encoder import encoder

WORD = re.compile(r"[a-z]+")


def auc(pos: list[float], neg: list[float]) -> float:
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def token_overlap(claim: str, product: str) -> float:
    wanted = set(WORD.findall(claim.lower()))
    return len(wanted & set(WORD.findall(product.lower()))) / max(1, len(wanted))


SHARES = (0.0, 0.2, 0.4, 0.6, 0.8)  # weight of whole-claim relevance in the coverage


def blended(result: ClaimResult, share: float) -> float:
    return (1 - share) * result.terms_found + share * (result.relevance or 0.0)


def cross_validated(own: list[ClaimResult], other: list[ClaimResult]) -> tuple[float, float]:
    """(mean held-out-fold AUC with the shipped weight, the same with the weight chosen on
    the other folds): patents are split into folds, never a patent's two charts apart."""
    shipped, chosen = [], []
    for train, test in folds(len(own)):

        def fold_auc(rows: list[int], share: float) -> float:
            return auc(
                [blended(own[i], share) for i in rows], [blended(other[i], share) for i in rows]
            )

        best = max(SHARES, key=lambda share: fold_auc(train, share))
        shipped.append(fold_auc(test, RELEVANCE_SHARE))
        chosen.append(fold_auc(test, best))
    return statistics.mean(shipped), statistics.mean(chosen)


def cutoff_candidates(
    engine: ChartEngine, pairs: list[tuple[Claim, Product, Product]]
) -> list[Answers]:
    """Every setting of the grid, each charted with the engine's vectors (encoded once)."""
    out = []
    grid = element_grid()
    for number, (present, equivalent) in enumerate(grid, 1):
        judged = engine.with_cutoffs(Cutoffs(present, HAND_SET.partial, equivalent))
        own = [judged.chart([c], mine)[0] for c, mine, _ in pairs]
        other = [judged.chart([c], theirs)[0] for c, _, theirs in pairs]
        out.extend(answers(present, equivalent, own, other))
        print(f"  cut-offs: {number}/{len(grid)} element settings charted", file=sys.stderr)
    return out


def cutoff_tables(
    engine: ChartEngine,
    pairs: list[tuple[Claim, str, str]],
    overlap: tuple[list[float], list[float]],
) -> None:
    products = [(c, engine.read(own), engine.read(other)) for c, own, other in pairs]
    candidates = cutoff_candidates(engine, products)
    shipped = shipped_cutoffs()
    fixed = {named(c): c for c in (HAND_SET, shipped)}
    by_label = {a.label: a for a in candidates}
    missing = [label for label in fixed if label not in by_label]
    if missing:
        raise SystemExit(f"not on the grid: {', '.join(missing)}")
    count = len(pairs)
    judged = [
        judge("token overlap, threshold fitted (baseline)", threshold_answers(*overlap), count),
        judge("hand-set before the fit", [by_label[named(HAND_SET)]], count),
        judge("cut-offs fitted", candidates, count),
        judge("as shipped (cutoffs.json)", [by_label[named(shipped)]], count),
    ]
    table(
        f"Cut-offs: balanced accuracy, own description vs nearest other ({count} patents), "
        f"in-sample / {len(folds(count))}-fold cross-validated",
        ["decision from", *DECISIONS, "mean", "spread (sd over folds)", "setting chosen on all"],
        rows(judged),
    )
    fitted = judged[2].chosen
    print(
        f"\nthe setting chosen on all patents is the one shipped: "
        f"{'yes' if fitted.cutoffs == shipped else 'no, ship ' + fitted.label}"
    )
    chosen = by_label[named(shipped)]
    table(
        "As shipped: share of charts each decision says yes to",
        ["decision", "own description", "nearest other"],
        [
            [name, f"{sum(yes) / count:.2f}", f"{sum(no) / count:.2f}"]
            for name, yes, no in zip(DECISIONS, chosen.own, chosen.other, strict=True)
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accuracy-only", action="store_true", help="skip the throughput")
    options = parser.parse_args()
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

    discrimination = []
    found_rows = []
    charts: dict[str, tuple[list[ClaimResult], list[ClaimResult]]] = {}
    engines: dict[str, ChartEngine] = {}
    overlap: tuple[list[float], list[float]] = ([], [])
    for name, dense in (("token overlap (baseline)", None), ("ipsentry, words only", False),
                        ("ipsentry, words + encoder", True)):  # fmt: skip
        started = time.perf_counter()
        if dense is None:
            pos = [token_overlap(c.text, own) for c, own, _ in pairs]
            neg = [token_overlap(c.text, other) for c, _, other in pairs]
        else:
            engine = engines[name] = ChartEngine(dense=dense)
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
        if dense is None:
            overlap = (pos, neg)
        discrimination.append(
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
        discrimination,
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
    cutoff_tables(engines["ipsentry, words + encoder"], pairs, overlap)
    if options.accuracy_only:
        return

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
