"""How the claim charts' cut-offs are chosen and judged (bench/claims_chart.py).

Each development patent's first independent claim is charted against its own description
(a product that embodies the claim) and against its nearest other patent's (a product of
the same kind that does not). The cut-offs make three decisions, and each is judged by
its balanced accuracy (the mean of the share of own charts it says yes to and the share
of other charts it says no to, so neither side outweighs the other):

- reads on: every element found (score at least `present`);
- for counsel: no element ruled out (each found, a possible equivalent at `equivalent`
  or above, or left to counsel), so the chart is worth a look;
- at least partial: read on, or the elements score `partial` on average.

The setting with the best mean of the three is chosen on the training folds of a 5-fold
cross-validation by patent and scored on the held-out fold; the figure is the mean over
folds with its spread, printed beside the in-sample figure (chosen and scored on all
patents), the hand-set setting and a token-overlap baseline whose threshold is fitted the
same way.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ipsentry.matching.claims.chart import ClaimResult, Finding, Verdict, verdict
from ipsentry.matching.claims.cutoffs import Cutoffs

FOLDS = 5
PRESENT = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70)
EQUIVALENT = (0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50)
PARTIAL = (0.10, 0.20, 0.30, 0.40, 0.50, 0.60)
HAND_SET = Cutoffs(present=0.60, partial=0.50, equivalent=0.40)  # before the fit
RULED_OUT = (Finding.MISSING, Finding.CONTRADICTED, Finding.QUANTITY_NOT_MET)
DECISIONS = ("reads on", "for counsel", "at least partial")


def element_grid() -> list[tuple[float, float]]:
    """(present, equivalent) pairs, equivalent below present: each needs its own charts."""
    return [(p, e) for p, e in itertools.product(PRESENT, EQUIVALENT) if e < p]


def folds(count: int) -> list[tuple[list[int], list[int]]]:
    """(training, held-out) patent indexes; a patent's two charts always stay together."""
    return [
        (
            [i for i in range(count) if i % FOLDS != fold],
            [i for i in range(count) if i % FOLDS == fold],
        )
        for fold in range(FOLDS)
    ]


@dataclass(frozen=True)
class Answers:
    """One setting's yes/no per patent for each decision: own charts, then other charts."""

    label: str
    cutoffs: Cutoffs | None  # None for a plain score's threshold
    own: tuple[tuple[bool, ...], ...]  # per decision, per patent
    other: tuple[tuple[bool, ...], ...]

    def balanced(self, rows: Sequence[int]) -> list[float]:
        """Balanced accuracy of each decision over the given patents."""
        return [
            (sum(yes[i] for i in rows) + sum(not no[i] for i in rows)) / (2 * len(rows))
            for yes, no in zip(self.own, self.other, strict=True)
        ]

    def score(self, rows: Sequence[int]) -> float:
        return statistics.mean(self.balanced(rows))


def named(c: Cutoffs) -> str:
    return f"present {c.present:.2f}, partial {c.partial:.2f}, equivalent {c.equivalent:.2f}"


def decisions(result: ClaimResult, partial: float) -> tuple[bool, bool, bool]:
    reads_on = result.verdict == Verdict.READS_ON
    open_to_counsel = bool(result.elements) and not any(
        e.finding in RULED_OUT for e in result.elements
    )
    return reads_on, open_to_counsel, verdict(reads_on, result.mean_score, partial) != Verdict.NO


def answers(
    present: float, equivalent: float, own: list[ClaimResult], other: list[ClaimResult]
) -> list[Answers]:
    """Every partial cut-off on charts made with one (present, equivalent) pair."""
    out = []
    for partial in PARTIAL:
        mine = list(zip(*(decisions(r, partial) for r in own), strict=True))
        theirs = list(zip(*(decisions(r, partial) for r in other), strict=True))
        cutoffs = Cutoffs(present, partial, equivalent)
        out.append(Answers(named(cutoffs), cutoffs, tuple(mine), tuple(theirs)))
    return out


@dataclass(frozen=True)
class Judged:
    name: str
    in_sample: list[float]  # the three decisions, then their mean
    held_out: list[float]  # means over held-out folds, the same order
    spread: float  # standard deviation over folds of the mean
    chosen: Answers  # the setting chosen on all patents


def judge(name: str, candidates: Sequence[Answers], count: int) -> Judged:
    """Choose on training folds, score on the held-out one; and in-sample on all."""
    everyone = list(range(count))
    best = max(candidates, key=lambda a: a.score(everyone))
    per_fold = []
    for train, test in folds(count):
        chosen = max(candidates, key=lambda a: a.score(train))
        figures = chosen.balanced(test)
        per_fold.append([*figures, statistics.mean(figures)])
    held = [statistics.mean(column) for column in zip(*per_fold, strict=True)]
    spread = statistics.stdev(row[-1] for row in per_fold)
    inside = best.balanced(everyone)
    return Judged(name, [*inside, statistics.mean(inside)], held, spread, best)


def threshold_answers(own: list[float], other: list[float]) -> list[Answers]:
    """A plain score with one threshold, the same for all three decisions (the baseline)."""
    out = []
    for t in sorted(set(own) | set(other)):
        yes = tuple(v >= t for v in own)
        no = tuple(v >= t for v in other)
        out.append(Answers(f"threshold {t:.3f}", None, (yes,) * 3, (no,) * 3))
    return out


def rows(judged: Sequence[Judged]) -> list[list[object]]:
    """Table rows: each decision and the mean, in-sample / cross-validated."""
    return [
        [
            j.name,
            *(f"{a:.3f} / {b:.3f}" for a, b in zip(j.in_sample, j.held_out, strict=True)),
            f"± {j.spread:.3f}",
            j.chosen.label,
        ]
        for j in judged
    ]
