"""Shared by the benchmarks: where the development data is, and a plain table printer."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a Markdown table, ready to paste into the README."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    print(f"\n### {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def peak_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def build_register(register: Path, folder: Path) -> None:
    """Build a register index through the command line, as a user would."""
    command = ["register", "build", str(register), "--out", str(folder)]
    subprocess.run([sys.executable, "-m", "ipsentry", *command], check=True, capture_output=True)
