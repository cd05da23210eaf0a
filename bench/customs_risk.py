"""Declaration risk scoring throughput: the scorer against brute force, in the same run.

Reproduce:  .venv/bin/python bench/customs_risk.py [--declarations 100000] [--brute 200]

Recorded rights: the demo portfolio's trademarks (with the demo identification guide's HS
codes, routes and genuine price) plus 1,000 coined names drawn from the real 1.1M-name
register (fixed seed), each recorded for HS 8543.40, and the demo patents that have claims,
recorded for their titles' goods (each description naming a recorded patent's goods is
charted on its independent claims, words only). Declarations (imports and exports)
carry a declared brand (one in ten a recorded mark or a one-edit variant of one, one in five
"NO BRAND", the rest other registered names) and one of 2,000 goods descriptions of two to
six trade words (declarants reuse their standard goods descriptions, so a week's
declarations repeat a few thousand of them; the scorer remembers the marks found in a
line it has seen, and the table gives the share of lines met before), with HS codes,
routes and unit values drawn at random. Brute force judges every mark
against the brand and the description of each declaration with the same scorer
(`confusion.assess`), on a sample, in two processes; the scorer runs every declaration in
two processes (forked after the index is built once).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import platform
import random
import time
from decimal import Decimal
from importlib import resources

from _report import DATA, peak_mb, table

from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Declaration,
    Direction,
    GenuinePrice,
    IdentificationGuide,
    Route,
)
from ipsentry.matching.claims.parse import parse_claims
from ipsentry.matching.marks.confusion import THRESHOLD, Category, Mark, Use, assess
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.risk.declarations import DeclarationScorer, RecordedRight
from ipsentry.matching.risk.patents import RecordedPatent

SEED = 12
TRADE = [
    "electronic",
    "cigarette",
    "cartridge",
    "ceramic",
    "coil",
    "battery",
    "vaporizer",
    "1ml",
    "glass",
    "empty",
    "pods",
    "atomizer",
    "disposable",
    "device",
    "parts",
    "mouthpiece",
    "tank",
    "kit",
    "charger",
    "usb",
    "plastic",
    "case",
]
HS = ["8543.40", "8543.40", "8543.90", "8543.70", "8506.50", "3926.90", "8504.40"]
COUNTRIES = ["CN", "US", "DE", "NL", "AE", "GB", "NG", "BR", "CA"]
_SCORER: DeclarationScorer | None = None


def recorded_rights(rng: random.Random) -> list[RecordedRight]:
    guide = IdentificationGuide(
        hs_codes=("854340",),
        routes=(Route("CN", "US"), Route("CN", "DE"), Route("CN", "GB")),
        prices=(GenuinePrice("cartridge", Money(Decimal("2.80"), "USD")),),
    )
    demo = json.loads(resources.files("ipsentry.data").joinpath("demo", "rights.json").read_text())
    rights = []
    for i, spec in enumerate(s for s in demo if s["kind"] == "trademark"):
        goods = Goods(classes=frozenset({34}), text=spec.get("goods", ""))
        mark = Mark(spec["mark"], goods, famous=bool(spec.get("famous")))
        rights.append(RecordedRight(i, f"{spec['mark']} (demo {i})", mark, guide))
    with gzip.open(DATA / "registers/package_names.txt.gz", "rt") as handle:
        names = [n.strip() for n in handle]
    words = [n for n in names if n.isalpha() and 5 <= len(n) <= 12]
    for j, name in enumerate(rng.sample(words, 1000)):
        mark = Mark(name.upper(), Goods(classes=frozenset({34}), text="electronic cigarettes"))
        rights.append(RecordedRight(1000 + j, f"{name.upper()} (register)", mark, guide))
    for k, spec in enumerate(s for s in demo if s["kind"] == "patent" and s.get("claims")):
        claims = parse_claims((c["num"], c["text"]) for c in spec["claims"])
        number = f"{spec['jurisdiction']} {spec['registration_number']}"
        patent = RecordedPatent(number, tuple(claims), spec.get("construction"))
        rights.append(RecordedRight(3000 + k, number, patent=patent, goods=spec["title"]))
    return rights


def declarations(rng: random.Random, rights: list[RecordedRight], n: int) -> list[Declaration]:
    with gzip.open(DATA / "registers/package_names.txt.gz", "rt") as handle:
        others = [w.strip() for w in handle if w.strip().isalpha()][::97]
    marks = [r.mark.text for r in rights if r.mark]  # patents have none
    lines = [" ".join(rng.sample(TRADE, rng.randint(2, 6))) for _ in range(2000)]
    found = []
    for k in range(n):
        roll = rng.random()
        if roll < 0.1:
            mark = rng.choice(marks)
            cut = rng.randrange(len(mark))
            brand = mark if rng.random() < 0.5 else mark[:cut] + mark[cut + 1 :]
        elif roll < 0.3:
            brand = "NO BRAND"
        else:
            brand = rng.choice(others).upper()
        origin, destination = "CN", rng.choice(COUNTRIES[1:])
        if rng.random() < 0.3:
            origin, destination = destination, "CN"
        found.append(
            Declaration(
                key=str(k + 2),
                direction=Direction.EXPORT if origin == "CN" else Direction.IMPORT,
                consignor=f"Trader {rng.randrange(5000)} Co., Ltd.",
                consignee=f"Buyer {rng.randrange(5000)} Inc.",
                origin=origin,
                destination=destination,
                hs_code=rng.choice(HS),
                brand=brand,
                description=rng.choice(lines),
                quantity=rng.randint(100, 100_000),
                unit_value=Money(Decimal(rng.randint(10, 400)) / 100, "USD"),
            )
        )
    return found


def _init(scorer: DeclarationScorer) -> None:
    global _SCORER
    _SCORER = scorer


def _score(chunk: list[Declaration]) -> int:
    assert _SCORER is not None
    return sum(1 for risk in _SCORER.score_all(chunk) if risk.level != "low")


def _brute(job: tuple[list[RecordedRight], list[Declaration]]) -> int:
    """Marks the scorer's own judgement finds, judging every mark on every declaration."""
    rights, chunk = job
    hits = 0
    for d in chunk:
        goods = Goods(text=d.description, hs_code=d.hs_code)
        uses = [Use(d.brand, goods), Use(d.description, goods, free_text=True)]
        for right in rights:
            assert right.mark is not None
            for use in uses:
                judged = assess(right.mark, use)
                if judged.score >= THRESHOLD or judged.category is Category.REFERENTIAL:
                    hits += 1
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--declarations", type=int, default=100_000, help="declarations the scorer scores"
    )
    parser.add_argument("--brute", type=int, default=200, help="declarations brute force judges")
    args = parser.parse_args()
    rng = random.Random(SEED)
    rights = recorded_rights(rng)
    rows = declarations(rng, rights, args.declarations)
    sample = rows[: args.brute]
    marked = [r for r in rights if r.mark]
    what = f"{len(marked):,} recorded marks and {len(rights) - len(marked)} recorded patents"
    print(f"{platform.python_implementation()} {platform.python_version()}, seed {SEED}, "
          f"{what}, {len(rows):,} declarations")  # fmt: skip

    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        brute_hits = sum(pool.map(_brute, [(marked, sample[i::2]) for i in range(2)]))
    brute_rate = len(sample) / (time.perf_counter() - started)

    started = time.perf_counter()
    scorer = DeclarationScorer(rights)
    build = time.perf_counter() - started
    started = time.perf_counter()
    chunks = [rows[i : i + 2000] for i in range(0, len(rows), 2000)]
    with context.Pool(2, initializer=_init, initargs=(scorer,)) as pool:
        flagged = sum(pool.map(_score, chunks))
    lines = {(d.brand, d.description, d.hs_code) for d in rows}
    seconds = time.perf_counter() - started
    rate = len(rows) / seconds
    table(
        f"Scoring {len(rows):,} declarations against {what} (2 processes)",
        ["approach", "declarations per second", "notes"],
        [
            ["brute force, same mark scorer (baseline)", f"{brute_rate:.2f}",
             f"{len(sample)} declarations, {brute_hits} mark hits"],
            ["ipsentry declaration scorer", f"{rate:,.0f}",
             f"{seconds:.0f} s for all, {flagged:,} medium or high, "
             f"{rate / brute_rate:,.0f}x the baseline; {1 - len(lines) / len(rows):.0%} of "
             "brand/description lines met before"],
            ["index build", f"{build:.1f} s",
             f"peak memory {peak_mb():.0f} MB here, {peak_mb(children=True):.0f} MB in the "
             f"largest worker; load average {os.getloadavg()[0]:.1f} at the end"],
        ],
    )  # fmt: skip


if __name__ == "__main__":
    main()
