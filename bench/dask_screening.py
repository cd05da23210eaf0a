"""Screening on Dask: listing titles against 1,000 marks, in one process versus a local
cluster of 1 and 2 workers, with peak memory per worker and a day's capacity per machine.

Reproduce:  .venv/bin/python bench/dask_screening.py [--titles 1000000] [--only base 1 2]

Data as in bench/screening.py (1,000 coined marks from the real register; a mark or a
one-edit variant in one title in ten; fixed seed), written to a Parquet file that each
run reads through `ipsentry.services.screening.screen_files`, so every figure includes
reading, partitioning, writing the per-partition outputs and joining them. The baseline is
today's single-process path (no cluster), measured in the same run. With --only, only the
configurations named are measured (one alone, to time each as a whole process).

Peak memory per worker is the process's maximum resident set; about 0.9 GB of it is the
word lists every process that screens loads once (lemmatiser dictionaries, word
frequencies, bilingual dictionaries), the matcher itself pickles to about 1 MB. The load
average beside each row says how much of the 2 cores the run had (the machine is shared).

The extrapolation assumes what is measured here: titles per second per machine with two
workers (a machine like this one: 2 cores), scaling linearly with machines because the
partitions are independent and the matcher is shipped once per worker.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from _report import peak_mb, table
from screening import make_data

from ipsentry.services import cluster
from ipsentry.services.screening import screen_files

DAY = 86_400
TARGET = 10_000_000


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write(folder: Path, marks: list[str], titles: list[str]) -> tuple[Path, Path]:
    marks_csv = folder / "marks.csv"
    marks_csv.write_text("id,mark\n" + "".join(f"{i},{m}\n" for i, m in enumerate(marks, 1)))
    listings = folder / "listings.parquet"
    rows = [{"id": str(i), "title": t} for i, t in enumerate(titles)]
    pq.write_table(pa.Table.from_pylist(rows), listings, row_group_size=50_000)
    return marks_csv, listings


def _run(
    marks: Path, listings: Path, out: Path, workers: int | None
) -> tuple[float, int, str, str]:
    """Seconds, hits, peak memory per worker and the load average around one screening."""
    with cluster.connect(cluster.Cluster(workers=workers)) as client:
        if client is not None:
            client.run(lambda: None)  # workers up before the clock starts
        load = f"{os.getloadavg()[0]:.1f}"
        started = time.perf_counter()
        hits = screen_files(marks, [listings], out, client=client).hits
        seconds = time.perf_counter() - started
        if client is None:
            memory = f"{peak_mb():.0f} MB (this process)"
        else:
            peaks = client.run(_worker_peak_mb).values()
            memory = ", ".join(f"{p:.0f}" for p in peaks) + " MB"
    return seconds, hits, memory, f"{load} -> {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--titles", type=int, default=1_000_000, help="listing titles screened per configuration"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["base", "1", "2"],
        help="measure only these configurations: base (no cluster), 1 or 2 local workers",
    )
    args = parser.parse_args()
    marks, titles, _ = make_data(args.titles, 0)
    named = {"base": None, "1": 1, "2": 2}
    chosen = [named[n] for n in args.only] if args.only else [None, 1, 2]
    results: dict[int | None, tuple[float, int, str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        marks_csv, listings = _write(Path(folder), marks, titles)
        for workers in chosen:
            out = Path(folder) / f"hits-{workers}.jsonl"
            results[workers] = _run(marks_csv, listings, out, workers)
        outputs = {(Path(folder) / f"hits-{w}.jsonl").read_bytes() for w in chosen}
    rows = []
    one = results.get(1)
    for workers, (seconds, hits, memory, load) in results.items():
        rate = len(titles) / seconds
        label = "one process, no cluster (baseline: today's path)" if workers is None else (
            f"local Dask cluster, {workers} worker{'s' if workers > 1 else ''}")  # fmt: skip
        speedup = f"{one[0] / seconds:.2f}x vs 1 worker" if one and workers == 2 else ""
        rows.append([label, f"{rate:,.0f}", f"{seconds:,.1f}", f"{hits:,}", memory, speedup, load])
    print(f"{platform.platform()}, Python {platform.python_version()}, seed 5")
    table(
        f"Screening {len(titles):,} listing titles against 1,000 marks",
        [
            "configuration",
            "titles/s",
            "seconds",
            "hits",
            "peak memory per worker",
            "speed-up",
            "load average (start -> end)",
        ],
        rows,
    )
    print(f"\nsame hits file in every configuration: {len(outputs) == 1}")
    used = next(w for w in (2, 1, None) if w in results)
    best = results[used]
    each = f"{used} worker{'s' if used == 2 else ''} each" if used else "one process each"
    per_machine_day = len(titles) / best[0] * DAY
    machines = max(1, math.ceil(TARGET / per_machine_day))
    table(
        f"What it implies for 10 million titles a day (linear in machines, {each})",
        ["machines", "titles a day", "hours for 10M"],
        [
            [n, f"{per_machine_day * n:,.0f}", f"{TARGET / (per_machine_day * n) * 24:,.1f}"]
            for n in sorted({1, 2, 4, machines})
        ],
    )


if __name__ == "__main__":
    main()
