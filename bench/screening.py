"""Screening throughput: listing titles against a 1,000-mark portfolio, index versus brute force.

Reproduce:  .venv/bin/python bench/screening.py [--titles 100000] [--brute-titles 250]

Marks are 1,000 coined names drawn from the real 1.1M-name register; titles are made of
trade words, other registered names and, in one title in ten, a one-edit variant of a
mark or the mark itself (fixed seed). Brute force judges every mark against every title
with the same scorer (`confusion.assess` on the whole title), in two processes. Its recall
sample is drawn the same way but with a mark in every title, so that it holds a few
hundred brute-force hits (the figure says how many); the index screens all titles in two
processes.
"""

from __future__ import annotations

import argparse
import gzip
import random
import time
from concurrent.futures import ProcessPoolExecutor

from _report import DATA, peak_mb, table

from ipsentry.matching.marks.confusion import THRESHOLD, Category, Mark, Use, assess
from ipsentry.matching.marks.screen import PortfolioMark, PortfolioMatcher

TRADE = [
    "vape",
    "pen",
    "cartridge",
    "510",
    "thread",
    "battery",
    "kit",
    "ceramic",
    "coil",
    "1ml",
    "2ml",
    "disposable",
    "pod",
    "glass",
    "tank",
    "oil",
    "rechargeable",
    "usb",
    "new",
    "wholesale",
    "10pcs",
]
_MATCHER: PortfolioMatcher | None = None


def make_data(titles: int, sample: int, seed: int = 5) -> tuple[list[str], list[str], list[str]]:
    """The marks, the titles (a mark in one in ten) and the recall sample (a mark in each)."""
    rng = random.Random(seed)
    with gzip.open(DATA / "registers/package_names.txt.gz", "rt") as handle:
        names = [n.strip() for n in handle]
    words = [n for n in names if n.isalpha() and 5 <= len(n) <= 12]
    marks = rng.sample(words, 1000)
    chosen = set(marks)
    others = [w for w in rng.sample(words, 20000) if w not in chosen]

    def title(mark_rate: float) -> str:
        parts = rng.sample(TRADE, rng.randint(2, 6)) + rng.sample(others, rng.randint(1, 2))
        if rng.random() < mark_rate:
            mark = rng.choice(marks)
            i = rng.randrange(len(mark))
            parts.append(mark[:i] + mark[i + 1 :] if rng.random() < 0.5 else mark)
        rng.shuffle(parts)
        return " ".join(parts)

    return marks, [title(0.1) for _ in range(titles)], [title(1.0) for _ in range(sample)]


def _init(marks: list[str]) -> None:
    global _MATCHER
    _MATCHER = PortfolioMatcher([PortfolioMark(i, Mark(m)) for i, m in enumerate(marks)])


def _screen(chunk: list[str]) -> int:
    assert _MATCHER is not None
    return sum(len(_MATCHER.screen(title)) for title in chunk)


def _brute(job: tuple[list[str], list[tuple[int, str]]]) -> set[tuple[int, int]]:
    """Every (title, mark) pair the scorer calls a hit, judging every mark on every title."""
    marks, titles = job
    portfolio = [Mark(m) for m in marks]
    found = set()
    for t, title in titles:
        use = Use(title, free_text=True)
        for m, mark in enumerate(portfolio):
            judged = assess(mark, use)
            if judged.score >= THRESHOLD or judged.category == Category.REFERENTIAL:
                found.add((t, m))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=100_000)
    parser.add_argument("--brute-titles", type=int, default=250)
    args = parser.parse_args()
    marks, titles, sample = make_data(args.titles, args.brute_titles)

    started = time.perf_counter()
    numbered = list(enumerate(sample))
    jobs = [(marks, numbered[i::2]) for i in range(2)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        brute = set().union(*pool.map(_brute, jobs))
    brute_rate = len(sample) / (time.perf_counter() - started)

    started = time.perf_counter()
    _init(marks)
    build_s = time.perf_counter() - started
    assert _MATCHER is not None
    indexed = {(t, h.right_id) for t, title in numbered for h in _MATCHER.screen(title)}
    recall = len(brute & indexed) / max(1, len(brute))
    extra = len(indexed - brute)

    started = time.perf_counter()
    chunks = [titles[i : i + 2000] for i in range(0, len(titles), 2000)]
    with ProcessPoolExecutor(max_workers=2, initializer=_init, initargs=(marks,)) as pool:
        hits = sum(pool.map(_screen, chunks))
    seconds = time.perf_counter() - started
    rate = len(titles) / seconds
    table(
        f"Screening {len(titles):,} listing titles against 1,000 marks",
        ["approach", "titles per second", "notes"],
        [
            [
                "brute force, same scorer, 2 processes (baseline)",
                f"{brute_rate:.2f}",
                f"{len(sample)} titles with a mark each, {len(brute)} hits",
            ],
            [
                "index, 2 processes",
                f"{rate:,.0f}",
                f"{seconds:.0f} s for all, {hits:,} hits, {rate / brute_rate:,.0f}x the baseline",
            ],
            [
                "index on the brute-force sample",
                "",
                f"recall {recall:.3f} of the {len(brute)} brute-force hits; "
                f"{extra} hits brute force does not make",
            ],
            ["memory", f"{peak_mb():.0f} MB", f"portfolio index built in {build_s:.1f} s"],
        ],
    )


if __name__ == "__main__":
    main()
