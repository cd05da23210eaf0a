"""Start-up: ``ipsentry --help`` and each command's help, time and memory, lazy versus eager.

Reproduce:  .venv/bin/python bench/startup.py [--runs 7]

Every figure is one whole process (interpreter start included), the median of ``--runs``
runs taken in turn with the others, peak memory from ``wait4``. Baselines measured in the
same run: the bare interpreter (the floor), and the eager command line, which imports
every command module and builds the whole command tree before printing the help (what
``ipsentry --help`` did before commands were loaded lazily). Then the import of each
command module on its own, i.e. what a command pays before it does any work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _report import table

EAGER = (
    "from ipsentry.cli.app import COMMANDS, load_command, run; "
    "[load_command(n) for n in COMMANDS]; run(['--help'])"
)
CASES: list[tuple[str, list[str]]] = [
    ("python -c pass (floor)", ["-c", "pass"]),
    ("ipsentry --help, eager (baseline)", ["-c", EAGER]),
    ("ipsentry --help", ["-m", "ipsentry", "--help"]),
    ("ipsentry deadlines --help", ["-m", "ipsentry", "deadlines", "--help"]),
    ("ipsentry portfolio --help", ["-m", "ipsentry", "portfolio", "--help"]),
    ("ipsentry marks --help", ["-m", "ipsentry", "marks", "--help"]),
    ("ipsentry claims --help", ["-m", "ipsentry", "claims", "--help"]),
    ("ipsentry patents --help", ["-m", "ipsentry", "patents", "--help"]),
]


def measure(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{arguments} exited {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (median kept)")
    args = parser.parse_args()
    from ipsentry.cli.app import COMMANDS

    modules = [
        (f"import {entry.target.split(':')[0]}", ["-c", f"import {entry.target.split(':')[0]}"])
        for entry in COMMANDS.values()
    ]
    cases = [*CASES, ("import ipsentry.cli.app", ["-c", "import ipsentry.cli.app"]), *modules]
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in cases}
    for _label, arguments in cases:
        measure(arguments)  # warm the file cache
    for _ in range(args.runs):
        for label, arguments in cases:
            samples[label].append(measure(arguments))
    floor = statistics.median(s for s, _ in samples[CASES[0][0]])
    eager = statistics.median(s for s, _ in samples[CASES[1][0]])
    rows = []
    for label, _ in cases:
        seconds = statistics.median(s for s, _ in samples[label])
        peak = statistics.median(m for _, m in samples[label])
        rows.append(
            [label, f"{seconds:.3f}", f"{seconds - floor:.3f}", f"{seconds / eager:.2f}",
             f"{peak:.0f}"]
        )  # fmt: skip
    table(
        f"Start-up, median of {args.runs} runs (whole process)",
        ["what", "seconds", "above bare python", "vs eager --help", "peak MB"],
        rows,
    )


if __name__ == "__main__":
    main()
