"""Typosquat recall on real malicious package names, beside dnstwist's generator.

Reproduce:  .venv/bin/python bench/typosquats.py [--index DIR]

For each development typosquat whose target is registered: is the target in the top 10
of the 1.1M-name register search (reverse lookup)? And, generating forward from each
target as a domain label, does dnstwist's generator, or ipsentry's, produce the real
typosquat? A brute-force baseline (rapidfuzz process.extract, ratio) runs in the same run.
"""

from __future__ import annotations

import argparse
import csv
import re
import tempfile
import time
from pathlib import Path

import dnstwist
from _report import DATA, build_register, table
from rapidfuzz import fuzz, process

from ipsentry.formats.register_index import open_index
from ipsentry.matching.marks.lookalikes import generate

REGISTER = DATA / "registers/package_names.txt.gz"


def label(name: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, help="reuse a built index")
    args = parser.parse_args()
    folder = args.index
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="ipsentry-register-"))
        build_register(REGISTER, folder)
    index = open_index(folder)
    names = index.names
    registered = set(names)
    rows = [
        r
        for r in csv.DictReader((DATA / "marks/typosquats_dev.csv").open())
        if r["target_package"].lower() in registered
    ]

    hits, started = 0, time.perf_counter()
    for r in rows:
        hits += r["target_package"].lower() in [
            x.name for x in index.search(r["malicious_package"], top=10)
        ]
    search_ms = (time.perf_counter() - started) / len(rows) * 1000

    brute, started = 0, time.perf_counter()
    for r in rows:
        found = process.extract(r["malicious_package"].lower(), names, scorer=fuzz.ratio, limit=10)
        brute += r["target_package"].lower() in [f[0] for f in found]
    brute_ms = (time.perf_counter() - started) / len(rows) * 1000

    twist = ours = either = 0
    for r in rows:
        target, fake = label(r["target_package"]), label(r["malicious_package"])
        fuzzer = dnstwist.Fuzzer(f"{target}.com")
        fuzzer.generate()
        by_dnstwist = f"{fake}.com" in {d["domain"] for d in fuzzer.domains}
        by_ipsentry = f"{fake}.com" in {v.text for v in generate(target)}
        twist += by_dnstwist
        ours += by_ipsentry
        either += by_dnstwist or by_ipsentry
    n = len(rows)
    table(
        f"Typosquat recall: {n} real typosquats whose target is among {len(names):,} registered names",
        ["approach", "typosquats covered", "share", "per query"],
        [
            [
                "brute force, rapidfuzz ratio, top 10 (baseline)",
                f"{brute}/{n}",
                f"{brute / n:.3f}",
                f"{brute_ms:.0f} ms",
            ],
            [
                "ipsentry register search, top 10",
                f"{hits}/{n}",
                f"{hits / n:.3f}",
                f"{search_ms:.1f} ms",
            ],
            ["dnstwist generator (from the target)", f"{twist}/{n}", f"{twist / n:.3f}", ""],
            [
                "ipsentry look-alike generator (from the target)",
                f"{ours}/{n}",
                f"{ours / n:.3f}",
                "",
            ],
            ["either generator", f"{either}/{n}", f"{either / n:.3f}", ""],
        ],
    )


if __name__ == "__main__":
    main()
