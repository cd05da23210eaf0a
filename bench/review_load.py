"""Reviewers deciding hits at the same time through the REST API: a locust load test.

Reproduce (50 reviewers for 2 minutes on PostgreSQL, the figure in the README):
    .venv/bin/python bench/review_load.py --database-url postgresql+psycopg://USER@HOST/EMPTY_DB
Without --database-url it runs on a new SQLite file. `make test` runs a short version of
this same command on both databases (tests/integration/test_review_load.py).

What it does, as a team would: loads the demo organisation into the (empty) database, adds
one reviewer account and API token per simulated reviewer, starts `ipsentry serve` (two
processes on PostgreSQL, one on SQLite), uploads generated marketplace listings through the
API so that screening makes the hits to review, then runs the reviewers of
bench/review_locustfile.py headless with locust. The baseline is the same scenario with one
reviewer, run first against the same server.

Lost updates are checked in the database afterwards, hit by hit: every decision the API
accepted (200) is stored exactly once, no two accepted decisions were made on the same
version of a hit, the hit's version moved once per stored decision, and its status is its
last decision. Two decisions on one version must end in one 200 and one 409.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
from _report import table

from ipsentry.domain.accounts import Role
from ipsentry.services import accounts, tokens
from ipsentry.services.access import resolve_user
from ipsentry.services.demo import load_demo
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork

HERE = Path(__file__).resolve().parent
IPSENTRY = Path(sys.executable).parent / "ipsentry"
ORGANISATION_ADMIN = "admin@smoore-demo.example"
COUNSEL = "counsel@smoore-demo.example"
# Look-alikes of the demo's word marks as sellers write them, and goods words of its
# products: enough variety that screening makes one hit per listing.
SIGNS = ["CCELL", "C-Cell", "CCEL1", "Cce11", "CCELL style", "思摩尔"]
GOODS = ["510 cartridge", "ceramic coil", "glass tank", "disposable pod", "atomizer"]


@dataclass(frozen=True)
class Phase:
    reviewers: int
    seconds: int  # asked of locust
    window_seconds: float  # first request's start to last one's end: what the rates divide by
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    failures: int
    accepted: int
    conflicts: int
    endpoints: list[dict[str, Any]]


@dataclass(frozen=True)
class Check:
    hits: int
    accepted: int
    stored: int
    lost_updates: int
    problems: list[str]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _accounts(url: str, reviewers: int) -> tuple[list[str], str]:
    """The demo organisation, one reviewer account and token per simulated reviewer, and a
    counsel token for the upload."""
    load_demo(UnitOfWork.for_url(url))
    uow = UnitOfWork.for_url(url)
    with uow:
        admin = resolve_user(uow, ORGANISATION_ADMIN)
    secrets = []
    for n in range(reviewers):
        email = f"load-reviewer-{n:03d}@smoore-demo.example"
        accounts.add_user(uow, admin, email=email, name=f"Load reviewer {n}", role=Role.REVIEWER)
        with uow:
            reviewer = resolve_user(uow, email)
        secrets.append(tokens.create_token(uow, reviewer, "load test").secret)
    with uow:
        counsel = resolve_user(uow, COUNSEL)
    upload = tokens.create_token(uow, counsel, "load test upload").secret
    dispose_all()
    return secrets, upload


@contextmanager
def _server(url: str, workers: int) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(IPSENTRY), "serve", "--workers", str(workers), "--port", str(port)],
        env={**os.environ, "IPSENTRY_DATABASE_URL": url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise SystemExit(f"ipsentry serve ended with {server.returncode}")
            try:
                if httpx.get(f"{base}/sign-in", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("ipsentry serve did not start in 2 minutes") from None
            time.sleep(0.3)
        yield base
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _listings(count: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["kind", "text"])
    for n in range(count):
        sign, goods = SIGNS[n % len(SIGNS)], GOODS[(n // len(SIGNS)) % len(GOODS)]
        writer.writerow(["listing", f"{sign} {goods} {n % 9 + 1}ml lot {n}"])
    return out.getvalue().encode()


def _all_hits(client: httpx.Client) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for status in ("open", "confirmed", "dismissed", "escalated"):
        offset = 0
        while True:
            page = client.get("/api/v1/hits", params={"status": status, "offset": offset,
                                                      "limit": 200}).json()  # fmt: skip
            found.update({h["id"]: h for h in page["items"]})
            offset += len(page["items"])
            if not page["items"] or offset >= page["total"]:
                break
    return found


def _screen(base: str, upload: str, listings: int) -> dict[int, dict[str, Any]]:
    """Hits made the way a team makes them: listings uploaded, screened as a job."""
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {upload}"},
                      timeout=120) as client:  # fmt: skip
        job = client.post(
            "/api/v1/observations/upload",
            files={"file": ("listings.csv", _listings(listings), "text/csv")},
        )
        job.raise_for_status()
        while (state := client.get(f"/api/v1/jobs/{job.json()['id']}").json())["status"] in (
            "queued",
            "running",
        ):
            time.sleep(0.5)
        if state["status"] != "done":
            raise SystemExit(f"the screening job ended {state['status']}: {state['error']}")
        return _all_hits(client)


def _locust(base: str, reviewers: int, seconds: int, folder: Path, env: dict[str, str]) -> Phase:
    log = Path(env["IPSENTRY_LOAD_LOG"])
    before = len(log.read_text().splitlines()) if log.exists() else 0
    console = folder / f"locust-{reviewers}.log"
    with console.open("w") as output:
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(HERE / "review_locustfile.py"),
             "--headless", "--users", str(reviewers), "--spawn-rate", str(max(1, reviewers // 2)),
             "--run-time", f"{seconds}s", "--stop-timeout", "10", "--host", base,
             "--only-summary", "--loglevel", "WARNING"],
            env={**os.environ, **env}, check=False, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    lines = log.read_text().splitlines()[before:] if log.exists() else []
    if not lines:
        raise SystemExit(f"locust made no request:\n{console.read_text()[-3000:]}")
    return _phase(reviewers, seconds, [json.loads(line) for line in lines])


def _phase(reviewers: int, seconds: int, requests: list[dict[str, Any]]) -> Phase:
    """Every figure of a phase from its own requests' log lines: the window runs from the
    first request's start to the last one's end, and the rate is the requests in it over
    its length (not locust's own rate, nor counts from another log)."""
    start = min(r["start"] for r in requests)
    window = max(r["start"] + r["ms"] / 1000 for r in requests) - start
    decisions = Counter(r["status"] for r in requests if "hit" in r)
    endpoints = sorted({r["endpoint"] for r in requests})
    return Phase(
        reviewers=reviewers,
        seconds=seconds,
        window_seconds=round(window, 1),
        requests=len(requests),
        per_second=round(len(requests) / window, 1),
        p50_ms=_percentile(requests, 0.50),
        p95_ms=_percentile(requests, 0.95),
        failures=sum(r["failed"] for r in requests),
        accepted=decisions[200],
        conflicts=decisions[409],
        endpoints=[
            {"endpoint": name, "requests": len(of), "p50_ms": _percentile(of, 0.50),
             "p95_ms": _percentile(of, 0.95), "failures": sum(r["failed"] for r in of)}
            for name in endpoints
            for of in [[r for r in requests if r["endpoint"] == name]]
        ],
    )  # fmt: skip


def _percentile(requests: list[dict[str, Any]], share: float) -> float:
    """The nearest-rank percentile of the requests' durations, in milliseconds."""
    times = sorted(r["ms"] for r in requests)
    return round(times[max(0, math.ceil(share * len(times)) - 1)], 1)


def _check(before: dict[int, dict[str, Any]], after: dict[int, dict[str, Any]], log: Path) -> Check:
    """Every accepted decision stored once, none overwritten, hit by hit."""
    outcomes = [json.loads(line) for line in log.read_text().splitlines()]
    accepted = [(o["hit"], o["version"]) for o in outcomes if "hit" in o and o["status"] == 200]
    problems = [f"hit {h}: two decisions accepted on version {v}"
                for (h, v), n in Counter(accepted).items() if n > 1]  # fmt: skip
    per_hit = Counter(h for h, _ in accepted)
    stored = 0
    for hit_id, was in before.items():
        now = after[hit_id]
        added = len(now["decisions"]) - len(was["decisions"])
        stored += added
        if added != per_hit[hit_id]:
            problems.append(f"hit {hit_id}: {per_hit[hit_id]} accepted, {added} stored")
        if now["version"] - was["version"] != added:
            problems.append(f"hit {hit_id}: version moved {now['version'] - was['version']} "
                            f"times for {added} decisions")  # fmt: skip
        if now["decisions"] and now["decisions"][-1]["decision"] != now["status"]:
            problems.append(f"hit {hit_id}: status {now['status']} is not its last decision")
    lost = sum(abs(per_hit[h] - (len(after[h]["decisions"]) - len(before[h]["decisions"])))
               for h in before) + (len(accepted) - len(set(accepted)))  # fmt: skip
    return Check(len(before), len(accepted), stored, lost, problems)


def run(
    url: str, reviewers: int, seconds: int, baseline_seconds: int, listings: int, hot: int
) -> dict[str, Any]:
    workers = 2 if url.startswith("postgresql") else 1
    secrets, upload = _accounts(url, reviewers)
    with tempfile.TemporaryDirectory() as name, _server(url, workers) as base:
        folder = Path(name)
        before = _screen(base, upload, listings)
        if len(before) <= hot:
            raise SystemExit(f"screening made {len(before)} hits; more than {hot} are needed")
        (folder / "tokens").write_text("\n".join(secrets))
        (folder / "hits").write_text("\n".join(str(h) for h in sorted(before)))
        env = {
            "IPSENTRY_LOAD_TOKENS": str(folder / "tokens"),
            "IPSENTRY_LOAD_HITS": str(folder / "hits"),
            "IPSENTRY_LOAD_HOT": str(hot),
            "IPSENTRY_LOAD_LOG": str(folder / "requests.jsonl"),
        }
        phases = []
        if baseline_seconds:
            phases.append(_locust(base, 1, baseline_seconds, folder, env))
        phases.append(_locust(base, reviewers, seconds, folder, env))
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {upload}"},
                          timeout=120) as client:  # fmt: skip
            after = _all_hits(client)
        check = _check(before, after, folder / "requests.jsonl")
    return {
        "database": url.split(":", 1)[0],
        "server_processes": workers,
        "hits": len(before),
        "hot_hits": hot,
        "phases": [asdict(p) for p in phases],
        "check": asdict(check),
    }


def _print(result: dict[str, Any]) -> None:
    print(f"{result['database']}, {result['server_processes']} server process(es), "
          f"{result['hits']} hits ({result['hot_hits']} hot), load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    header = ["reviewers", "run s", "window s", "requests", "req/s", "p50 ms", "p95 ms",
              "errors", "decisions accepted", "stale decisions refused (409)"]  # fmt: skip
    rows = [[p["reviewers"], p["seconds"], p["window_seconds"], p["requests"], p["per_second"],
             p["p50_ms"], p["p95_ms"], p["failures"], p["accepted"], p["conflicts"]]
            for p in result["phases"]]  # fmt: skip
    table("Review API under load (the 1-reviewer row is the baseline)", header, rows)
    print(
        "\nEach row counts the requests of its phase from one log (a line per request as it "
        "ends): requests, errors, decisions and latencies are those requests', and req/s is "
        "their number over the window from the first one's start to the last one's end."
    )
    loaded = result["phases"][-1]
    table(
        f"Per endpoint, {loaded['reviewers']} reviewers",
        ["endpoint", "requests", "p50 ms", "p95 ms", "errors"],
        [[e["endpoint"], e["requests"], e["p50_ms"], e["p95_ms"], e["failures"]]
         for e in loaded["endpoints"]],
    )  # fmt: skip
    check = result["check"]
    print(f"\nlost updates: {check['lost_updates']} (checked {check['hits']} hits: "
          f"{check['accepted']} decisions accepted in all phases, {check['stored']} stored)")  # fmt: skip
    for problem in check["problems"]:
        print(f"  {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    parser.add_argument("--reviewers", type=int, default=50, help="simulated reviewers")
    parser.add_argument("--seconds", type=int, default=120, help="length of the load run")
    parser.add_argument("--baseline-seconds", type=int, default=20, help="0: no baseline")
    parser.add_argument("--listings", type=int, default=300, help="listings screened for hits")
    parser.add_argument("--hot", type=int, default=10, help="hits most decisions fall on")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'load.sqlite3'}"
        result = run(url, args.reviewers, args.seconds, args.baseline_seconds, args.listings,
                     args.hot)  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    if result["check"]["lost_updates"] or any(p["failures"] for p in result["phases"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
