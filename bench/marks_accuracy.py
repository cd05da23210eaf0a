"""Accuracy of mark similarity and likelihood of confusion on real decisions.

Reproduce:  .venv/bin/python bench/marks_accuracy.py

Legal pairs: 49 pairs from US/UK/EU decisions (label 1 = held confusing). INPI pairs: 30
pairs the Brazilian office held conflicting (all positive), scored against the legal
pairs' negatives. Baselines in the same run: plain string similarity (rapidfuzz ratio)
and the engine's mark similarity alone (no goods, no distinctiveness).
"""

from __future__ import annotations

import csv
import json
import re
import time

from _report import DATA, table
from rapidfuzz import fuzz

from ipsentry.matching.marks.confusion import THRESHOLD, Mark, Use, assess
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.marks.similarity import compare
from ipsentry.matching.marks.text import MarkText


def auc(pos: list[float], neg: list[float]) -> float:
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def accuracy(scores: list[float], labels: list[int], threshold: float) -> float:
    return sum((s >= threshold) == bool(y) for s, y in zip(scores, labels, strict=True)) / len(
        labels
    )


def main() -> None:
    legal = list(csv.DictReader((DATA / "marks/legal_pairs_dev.csv").open(encoding="utf-8")))
    labels = [int(r["label"]) for r in legal]
    inpi = [
        json.loads(line)["messages"][0]
        for line in (DATA / "marks/inpi_pairs.jsonl").open(encoding="utf-8")
    ]

    def classes(text: str) -> frozenset[int]:
        return frozenset(int(n) for n in re.findall(r"\)\s*(\d+)", text))

    started = time.perf_counter()
    scorers = {
        "plain string similarity (rapidfuzz ratio)": (
            lambda left, right, lg, rg: fuzz.ratio(left.lower(), right.lower()) / 100,
            0.5,
        ),
        "mark similarity only (look, sound, meaning)": (
            lambda left, right, lg, rg: compare(MarkText.of(left), MarkText.of(right)).score,
            THRESHOLD,
        ),
        "likelihood of confusion (ipsentry)": (
            lambda left, right, lg, rg: assess(Mark(left, lg), Use(right, rg)).score,
            THRESHOLD,
        ),
    }
    rows = []
    for name, (score, threshold) in scorers.items():
        s = [
            score(
                r["left_mark"],
                r["right_mark"],
                Goods(text=r["left_goods"]),
                Goods(text=r["right_goods"]),
            )
            for r in legal
        ]
        pos = [x for x, y in zip(s, labels, strict=True) if y]
        neg = [x for x, y in zip(s, labels, strict=True) if not y]
        inpi_scores = [
            score(
                d["marca1"],
                d["marca2"],
                Goods(classes(d["nice1"]), d["descricao_nice1"]),
                Goods(classes(d["nice2"]), d["descricao_nice2"]),
            )
            for d in inpi
        ]
        rows.append(
            [
                name,
                f"{auc(pos, neg):.3f}",
                f"{accuracy(s, labels, threshold):.3f} (at {threshold:.2f})",
                f"{sum(x >= threshold for x in inpi_scores)}/{len(inpi)}",
                f"{auc(inpi_scores, neg):.3f}",
            ]
        )
    table(
        f"Marks accuracy on the development data ({time.perf_counter() - started:.1f} s)",
        [
            "scorer",
            "legal ROC-AUC",
            "legal accuracy",
            "INPI held similar",
            "INPI vs legal negatives AUC",
        ],
        rows,
    )
    final = [
        assess(
            Mark(r["left_mark"], Goods(text=r["left_goods"])),
            Use(r["right_mark"], Goods(text=r["right_goods"])),
        ).score
        for r in legal
    ]
    sweep = [
        [f"{t:.2f}", f"{accuracy(final, labels, t):.3f}"]
        for t in (0.45, 0.50, 0.55, 0.60, 0.65, 0.70)
    ]
    table(
        f"Threshold sweep on the legal pairs (engine threshold {THRESHOLD})",
        ["threshold", "accuracy"],
        sweep,
    )


if __name__ == "__main__":
    main()
