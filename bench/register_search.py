"""Register search over the 1.1M-name register: index versus brute force, in one run.

Reproduce:  .venv/bin/python bench/register_search.py [--index DIR] [--random 40] [--batch 500]
            [--sample N] [--brute-cache FILE]

Brute force applies the same similarity to every name of the register (rapidfuzz
process.cdist on one core), then judges its best like the index does. Queries: the
development typosquats whose target is registered, plus look-alikes made from random
registered names (one edit each, fixed seed). Latency is measured on one core.

The batch rows are what a user waits for: `ipsentry register search --queries-file` with
`--json` (every result explained), `--batch` one-edit queries in one process, start-up and
index opening included, against the plain baseline a user would write instead: rapidfuzz
`process.extract` with `fuzz.ratio` over the same 1.1M names, on a sample of the same
queries. Wall time and CPU time are both shown: on a shared machine the CPU time is the
steadier of the two.

Brute force takes seconds a query: `--brute-cache FILE` keeps each query's brute-force top
10 and time (JSON, for this register's size) and reads them back on the next run, so the
index's recall on all 100 queries is measured again in a minute. Delete the file after
changing the scorer.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _report import DATA, build_register, peak_mb, table
from rapidfuzz import fuzz, process

from ipsentry.formats.register_index import open_index

REGISTER = DATA / "registers/package_names.txt.gz"


def build(folder: Path) -> tuple[float, float]:
    started = time.perf_counter()
    build_register(REGISTER, folder)
    return time.perf_counter() - started, peak_mb(children=True)


def perturbed(names: list[str], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    while len(out) < count:
        name = rng.choice(names)
        if not 5 <= len(name) <= 20 or not name.isalpha():
            continue
        i = rng.randrange(len(name))
        edit = rng.choice(["omit", "swap", "replace", "insert"])
        if edit == "omit":
            out.append(name[:i] + name[i + 1 :])
        elif edit == "swap" and i + 1 < len(name):
            out.append(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        elif edit == "replace":
            out.append(name[:i] + rng.choice(letters) + name[i + 1 :])
        else:
            out.append(name[:i] + rng.choice(letters) + name[i:])
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cli_batch(folder: Path, queries: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one `register search` process answering every query."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(queries) + "\n")
    command = [sys.executable, "-m", "ipsentry", "register", "search", str(folder)]
    command += ["--queries-file", handle.name, "--top", "10", "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def extract_baseline(names: list[str], queries: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds per query of a brute-force fuzz.ratio top 10."""
    started, cpu = time.perf_counter(), time.process_time()
    for query in queries:
        process.extract(query, names, scorer=fuzz.ratio, limit=10)
    count = max(1, len(queries))
    return (time.perf_counter() - started) / count, (time.process_time() - cpu) / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, help="reuse a built index (skips the build row)")
    parser.add_argument("--random", type=int, default=40, help="look-alikes of random names")
    parser.add_argument("--batch", type=int, default=500, help="queries in the CLI batch")
    parser.add_argument("--sample", type=int, default=0, help="brute-force only this many")
    parser.add_argument("--extract-sample", type=int, default=40, help="queries for extract")
    parser.add_argument("--brute-cache", type=Path, help="keep the brute-force answers here")
    args = parser.parse_args()

    rows = []
    folder = args.index
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="ipsentry-register-"))
        seconds, memory = build(folder)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        rows.append(
            [
                "build (2 processes)",
                f"{seconds:.0f} s",
                f"{memory:.0f} MB peak",
                f"{size:.0f} MB on disk",
            ]
        )

    started = time.perf_counter()
    index = open_index(folder)
    rows.append(["open index", f"{time.perf_counter() - started:.2f} s", f"{peak_mb():.0f} MB", ""])
    names = set(index.names)
    typos = [
        r["malicious_package"]
        for r in csv.DictReader((DATA / "marks/typosquats_dev.csv").open())
        if r["target_package"].lower() in names
    ]
    with gzip.open(REGISTER, "rt") as handle:
        all_names = [line.strip() for line in handle]
    queries = typos + perturbed(all_names, args.random)
    if args.sample and args.sample < len(queries):  # spread over both kinds of query
        queries = queries[:: len(queries) // args.sample][: args.sample]

    cache = args.brute_cache
    kept = json.loads(cache.read_text("utf-8")) if cache and cache.exists() else {}
    answers = kept.get("answers", {}) if kept.get("names") == index.size else {}
    index_ms, brute_ms, overlap = [], [], []
    for query in queries:
        t = time.perf_counter()
        found = [r.name for r in index.search(query, top=10)]
        index_ms.append((time.perf_counter() - t) * 1000)
        if query not in answers:
            t = time.perf_counter()
            truth = [r.name for r in index.brute_force(query, top=10, workers=1)]
            answers[query] = {"top10": truth, "ms": (time.perf_counter() - t) * 1000}
        brute_ms.append(answers[query]["ms"])
        truth = answers[query]["top10"]
        overlap.append(len(set(found) & set(truth)) / max(1, len(truth)))
    if cache:
        cache.write_text(json.dumps({"names": index.size, "answers": answers}), "utf-8")
    p50_i, p50_b = statistics.median(index_ms), statistics.median(brute_ms)
    rows.append(
        [
            "brute force, same scorer",
            f"p50 {p50_b:.0f} ms",
            f"p95 {percentile(brute_ms, 0.95):.0f} ms",
            "baseline",
        ]
    )
    rows.append(
        [
            "index",
            f"p50 {p50_i:.1f} ms",
            f"p95 {percentile(index_ms, 0.95):.1f} ms",
            f"{p50_b / p50_i:.0f}x faster at p50; {statistics.mean(overlap):.3f} of the brute-force top 10 found",
        ]
    )
    batch = perturbed(all_names, args.batch, seed=3)
    cli_wall, cli_cpu = cli_batch(folder, batch)
    extract_wall, extract_cpu = extract_baseline(all_names, batch[: args.extract_sample])
    per = len(batch)
    rows.append(
        [
            f"rapidfuzz process.extract, fuzz.ratio ({args.extract_sample} queries, baseline)",
            f"{1000 * extract_wall:.0f} ms/query wall",
            f"{1000 * extract_cpu:.0f} ms/query CPU",
            "no explanation, no sound or meaning",
        ]
    )
    rows.append(
        [
            f"CLI batch: {per} queries, --json with explanations",
            f"{1000 * cli_wall / per:.1f} ms/query wall",
            f"{1000 * cli_cpu / per:.1f} ms/query CPU",
            f"1/{extract_wall * per / cli_wall:.0f} of extract's wall time, "
            f"1/{extract_cpu * per / cli_cpu:.0f} of its CPU time (start-up and opening included)",
        ]
    )
    table(
        f"Register search: {index.size:,} names, {len(queries)} queries (real typosquats and one-edit look-alikes) against brute force, one core",
        ["step", "time", "", "notes"],
        rows,
    )


if __name__ == "__main__":
    main()
