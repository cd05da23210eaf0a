"""Claim charts: do they tell a patent's own product from the most similar other one?

Reproduce:  .venv/bin/python bench/claims_chart.py

For each development patent, its first independent claim is charted against its own
description (plain: no commas or numerals, 4,000 characters) and against the description
of its nearest neighbour in the search corpus (a product of the same kind that does not
embody the claim). ROC-AUC of the coverage, with a plain token-overlap baseline in the
same run; then throughput (charts per second, 100 products x 50 claims) and memory.
"""

from __future__ import annotations

import json
import re
import time

from _patents import dev_patents, first_independent, plain, search_corpus
from _report import DATA, peak_mb, table

from ipsentry.matching.claims.chart import ChartEngine
from ipsentry.matching.claims.parse import parse_claim
from ipsentry.matching.text.encoder import encoder

WORD = re.compile(r"[a-z]+")


def auc(pos: list[float], neg: list[float]) -> float:
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def token_overlap(claim: str, product: str) -> float:
    wanted = set(WORD.findall(claim.lower()))
    return len(wanted & set(WORD.findall(product.lower()))) / max(1, len(wanted))


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
    for name, scorer in (
        ("token overlap (baseline)", lambda c, p: token_overlap(c.text, p)),
        ("ipsentry, words only", None),
        ("ipsentry, words + encoder", None),
    ):
        if scorer is None:
            engine = ChartEngine(dense="encoder" in name)
            scorer = lambda c, p, e=engine: e.chart([c], e.read(p))[0].coverage  # noqa: E731
        started = time.perf_counter()
        pos = [scorer(c, own) for c, own, _ in pairs]
        neg = [scorer(c, other) for c, _, other in pairs]
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
