"""Portfolio import of large CSV files: time and peak memory, streamed versus read whole.

Reproduce:  .venv/bin/python bench/portfolio_import.py [--sizes 50 500] [--baseline-ref REF]
            [--baseline-max-mb 50] [--good-max-mb 50]

The files mix real patents (claim text of ``patents/corpus_claims_only.jsonl``, numbered
anew) and trademarks (names of ``registers/package_names.txt.gz``), half the rows each,
repeated until the file reaches the size; the last row has an impossible filing date, the
case a user meets most: the whole file is read, then refused, nothing stored. A file
without the bad row measures a full, committed import.

Each import runs as ``ipsentry portfolio import`` in its own process on a fresh copy of a
SQLite database holding the demo organisation; peak memory is that process's maximum
resident set (``wait4``). The baseline is the same command from the code before streaming
(``--baseline-ref``, checked out in a temporary git worktree), measured in the same run on
the sizes up to ``--baseline-max-mb`` (beyond that it needs more memory than is sensible).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

from _report import DATA, table

ROOT = Path(__file__).resolve().parent.parent
FIELDS = [
    "kind", "jurisdiction", "title", "registration_number", "registration_date",
    "filing_date", "nice_classes", "goods", "claims",
]  # fmt: skip


def write_csv(path: Path, megabytes: int, bad_last_row: bool) -> int:
    """A CSV of about ``megabytes`` MB; returns its number of data rows."""
    patents = [json.loads(line) for line in (DATA / "patents/corpus_claims_only.jsonl").open()]
    with gzip.open(DATA / "registers/package_names.txt.gz", "rt") as handle:
        names = [n.strip() for n, _ in zip(handle, range(200_000), strict=False)]
    target = megabytes * 1_000_000
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        for patent, name in zip(cycle(patents), cycle(names), strict=False):
            claims = " ".join(f"{c['num']}. {c['text']}" for c in patent["claims"])
            title = patent["title"] or claims[3:80]
            writer.writerow({"kind": "patent", "jurisdiction": "US", "title": title,
                             "registration_number": str(20_000_000 + rows),
                             "registration_date": "2016-03-01", "filing_date": "2014-05-02",
                             "claims": claims})  # fmt: skip
            writer.writerow({"kind": "trademark", "jurisdiction": "US", "title": name.upper(),
                             "registration_number": str(8_000_000 + rows),
                             "registration_date": "2019-06-04", "nice_classes": "9; 34",
                             "goods": "34: vaporizer cartridges | 9: batteries"})  # fmt: skip
            rows += 2
            if out.tell() >= target:
                break
        if bad_last_row:
            writer.writerow({"kind": "trademark", "jurisdiction": "US", "title": "LAST",
                             "registration_number": "7999999", "filing_date": "2020-02-30"})  # fmt: skip
            rows += 1
    return rows


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[50, 500], help="file sizes to import, in MB"
    )
    parser.add_argument(
        "--baseline-ref", default="dec7a45", help="git ref of the code before streaming"
    )
    parser.add_argument(
        "--baseline-max-mb", type=int, default=50, help="baseline on files up to this"
    )
    parser.add_argument("--good-max-mb", type=int, default=50, help="all-good files up to this")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ipsentry-import-bench-"))
    old = work / "old"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.baseline_ref],
        check=True,
        capture_output=True,
    )
    try:
        demo = work / "demo.sqlite3"
        base_env = {**os.environ, "IPSENTRY_DATABASE_URL": f"sqlite:///{demo}"}
        subprocess.run([sys.executable, "-m", "ipsentry", "demo", "load"], env=base_env, check=True,
                       capture_output=True)  # fmt: skip
        rows = []
        for megabytes in args.sizes:
            for bad in (True, False) if megabytes <= args.good_max_mb else (True,):
                csv_path = work / f"rights-{megabytes}mb{'-bad' if bad else ''}.csv"
                count = write_csv(csv_path, megabytes, bad)
                codes = [("ipsentry (streamed)", ROOT / "src")]
                if bad and megabytes <= args.baseline_max_mb:
                    codes.append((f"baseline {args.baseline_ref} (read whole)", old / "src"))
                for label, source in codes:
                    database = work / "run.sqlite3"
                    shutil.copy(demo, database)
                    env = {**base_env, "IPSENTRY_DATABASE_URL": f"sqlite:///{database}",
                           "PYTHONPATH": str(source)}  # fmt: skip
                    command = [
                        sys.executable,
                        "-m",
                        "ipsentry",
                        "portfolio",
                        "import",
                        str(csv_path),
                    ]
                    seconds, peak, code = measure(command, env)
                    rows.append([f"{csv_path.stat().st_size / 1e6:.0f} MB", f"{count:,}",
                                 "last row bad" if bad else "all good", label,
                                 f"{seconds:.1f}", f"{peak:,.0f}", code])  # fmt: skip
                    print(*rows[-1], sep=" | ", flush=True)
                csv_path.unlink()
        table(
            "Portfolio import of a large CSV (one process per import, SQLite)",
            ["file", "rows", "content", "code", "seconds", "peak MB", "exit"],
            rows,
        )
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
