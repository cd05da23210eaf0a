"""Screening throughput: listing titles against a 1,000-mark portfolio, index versus brute force.

Reproduce:  .venv/bin/python bench/screening.py [--titles 100000] [--brute-titles 250]
            [--brute-cache FILE] [--recall-only]

Marks are 1,000 coined names drawn from the real 1.1M-name register; titles are made of
trade words, other registered names and, in one title in ten, a one-edit variant of a
mark or the mark itself (fixed seed). Brute force judges every mark against every title
with the same scorer (`confusion.assess` on the whole title), in two processes. Its recall
sample is drawn the same way but with a mark in every title, so that it holds a few
hundred brute-force hits (the figure says how many); the index screens all titles in two
processes.

The brute force takes about 20 minutes on 2 cores: `--brute-cache FILE` keeps its hits
(with the sample they were made on) and reads them back on the next run while the sample
is the same; delete the file after changing the scorer. `--recall-only` skips the
throughput rows.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

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

    def title(mark_rate: float, rng: random.Random) -> str:
        parts = rng.sample(TRADE, rng.randint(2, 6)) + rng.sample(others, rng.randint(1, 2))
        if rng.random() < mark_rate:
            mark = rng.choice(marks)
            i = rng.randrange(len(mark))
            parts.append(mark[:i] + mark[i + 1 :] if rng.random() < 0.5 else mark)
        rng.shuffle(parts)
        return " ".join(parts)

    # the sample has a generator of its own, so it is the same whatever the number of titles
    sampled = random.Random(seed + 1)
    return (
        marks,
        [title(0.1, rng) for _ in range(titles)],
        [title(1.0, sampled) for _ in range(sample)],
    )


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


def brute_hits(
    marks: list[str], numbered: list[tuple[int, str]], cache: Path | None
) -> tuple[set[tuple[int, int]], float]:
    """The brute-force hits on the sample and the seconds they took, from `cache` when it
    holds them for this very sample."""
    digest = hashlib.sha256(json.dumps([marks, numbered]).encode()).hexdigest()
    if cache is not None and cache.exists():
        kept = json.loads(cache.read_text("utf-8"))
        if kept["sample"] == digest:
            return {(t, m) for t, m in kept["hits"]}, float(kept["seconds"])
    started = time.perf_counter()
    jobs = [(marks, numbered[i::2]) for i in range(2)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        brute = set().union(*pool.map(_brute, jobs))
    seconds = time.perf_counter() - started
    if cache is not None:
        record = {"sample": digest, "seconds": seconds, "hits": sorted(brute)}
        cache.write_text(json.dumps(record), "utf-8")
    return brute, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=100_000, help="titles the index screens")
    parser.add_argument(
        "--brute-titles", type=int, default=250, help="titles of the brute-force recall sample"
    )
    parser.add_argument("--brute-cache", type=Path, help="keep the brute-force hits here")
    parser.add_argument("--recall-only", action="store_true", help="skip the throughput")
    args = parser.parse_args()
    marks, titles, sample = make_data(args.titles, args.brute_titles)

    numbered = list(enumerate(sample))
    brute, brute_seconds = brute_hits(marks, numbered, args.brute_cache)
    brute_rate = len(sample) / brute_seconds

    started = time.perf_counter()
    _init(marks)
    build_s = time.perf_counter() - started
    assert _MATCHER is not None
    indexed = {(t, h.right_id) for t, title in numbered for h in _MATCHER.screen(title)}
    recall = len(brute & indexed) / max(1, len(brute))
    extra = len(indexed - brute)
    recall_row = [
        "index on the brute-force sample",
        "",
        f"recall {recall:.3f} of the {len(brute)} brute-force hits; "
        f"{extra} hits brute force does not make",
    ]
    if args.recall_only:
        table("Screening recall against brute force", ["approach", "", "notes"], [recall_row])
        for t, m in sorted(brute - indexed):
            print(f"missed: {marks[m]!r} in {sample[t]!r}")
        return

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
            recall_row,
            ["memory", f"{peak_mb():.0f} MB", f"portfolio index built in {build_s:.1f} s"],
        ],
    )


if __name__ == "__main__":
    main()
