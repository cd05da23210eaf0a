"""Patent index build of the 23k search corpus through the CLI: wall, CPU and peak memory.

Reproduce:  .venv/bin/python bench/patent_index_build.py [--runs 3] [--limit N]

Writes the search corpus (title, abstract and a plain 4,000-character description each, as
the evaluation styles them) to a JSON Lines file once, then runs `ipsentry patents index`
on it as a user would, alternating with the lexical-only build (`--no-dense`, the baseline:
what the build costs without the encoder). Each run is a separate process, timed from
outside; CPU and peak resident memory come from the operating system's accounting of that
child (`os.wait4`). Medians of the runs, with the minimum and maximum beside them, so one
slow run on a shared machine does not move the figure. The goals of issue 9: under 4
minutes wall on 2 cores, under 1 GB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _patents import plain, search_corpus
from _report import table


def write_corpus(path: Path, limit: int | None) -> int:
    records = search_corpus()[:limit]
    with path.open("w") as handle:
        for r in records:
            row = {
                "number": r["number"],
                "title": r.get("title", ""),
                "abstract": r.get("abstract", ""),
                "description": plain(" ".join(r.get("description") or [])),
            }
            handle.write(json.dumps(row) + "\n")
    return len(records)


def timed_build(corpus: Path, out: Path, extra: list[str]) -> tuple[float, float, float]:
    """One build as its own process: (wall s, CPU s, peak MB)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "ipsentry", "patents", "index", str(corpus), "--out", str(out)]
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(command + extra)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def spread(values: list[float], unit: str) -> str:
    return f"{statistics.median(values):.0f} {unit} ({min(values):.0f}–{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--limit", type=int, help="only the first N patents (a quick check)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ipsentry-index-build-"))
    try:
        corpus = work / "corpus.jsonl"
        load_before = os.getloadavg()[0]
        count = write_corpus(corpus, args.limit)
        builds = {"lexical only, --no-dense (baseline)": ["--no-dense"], "as shipped": []}
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in builds}
        for _ in range(args.runs):
            for name, extra in builds.items():
                figures[name].append(timed_build(corpus, work / "index", extra))
        size = sum(f.stat().st_size for f in (work / "index").rglob("*") if f.is_file())
        rows = [
            [
                name,
                spread([w for w, _, _ in runs], "s"),
                spread([c for _, c, _ in runs], "s"),
                spread([p for _, _, p in runs], "MB"),
            ]
            for name, runs in figures.items()
        ]
        table(
            f"Patent index build: {count:,} patents, {os.cpu_count()} cores, "
            f"median of {args.runs} runs (min–max); load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after",
            ["build", "wall", "CPU (user + sys)", "peak memory"],
            rows,
        )
        print(f"\nindex on disk (as shipped): {size / 2**20:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
