"""Locust reviewers for bench/review_load.py: each simulated reviewer has its own account
and token, reads the queue, opens hits and decides them through the REST API.

Most decisions fall on a small "hot" set of hits so that reviewers often decide the same
hit at the same moment: that is where a lost update would happen. A decision names the
version the reviewer read; the API must answer 200 to one of two such decisions and 409
to the other. A 409 is the expected answer to a stale decision, so it counts as a
conflict, not a failure. Every decision is logged as (hit, version decided on, answer) so
that the harness can check the database afterwards.

Configured by the environment that bench/review_load.py sets:
IPSENTRY_LOAD_TOKENS (a file of bearer tokens, one per line), IPSENTRY_LOAD_HITS (hit ids,
one per line, the hot ones first), IPSENTRY_LOAD_HOT (how many are hot) and
IPSENTRY_LOAD_LOG (where each simulated reviewer appends its decisions).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

# The moves a reviewer may make from each status; the API refuses any other (422), so a
# 422 here means the server and this file disagree, and it is counted as a failure.
NEXT = {
    "open": ["confirmed", "dismissed", "escalated"],
    "escalated": ["confirmed", "dismissed"],
    "confirmed": ["escalated"],
    "dismissed": ["open"],
}

_TOKENS = Path(os.environ["IPSENTRY_LOAD_TOKENS"]).read_text().split()
_HITS = [int(h) for h in Path(os.environ["IPSENTRY_LOAD_HITS"]).read_text().split()]
_HOT = _HITS[: int(os.environ["IPSENTRY_LOAD_HOT"])]
_LOG = Path(os.environ["IPSENTRY_LOAD_LOG"])
_NEXT_TOKEN = itertools.count()


class Reviewer(HttpUser):
    wait_time = between(0.05, 0.3)

    def on_start(self) -> None:
        token = _TOKENS[next(_NEXT_TOKEN) % len(_TOKENS)]
        self.client.headers["Authorization"] = f"Bearer {token}"
        self.random = random.Random(token)

    @task(3)
    def read_the_queue(self) -> None:
        offset = self.random.randrange(0, max(1, len(_HITS) - 20))
        self.client.get(f"/api/v1/hits?limit=20&offset={offset}", name="/api/v1/hits")

    @task(2)
    def open_a_hit(self) -> None:
        self.client.get(f"/api/v1/hits/{self.random.choice(_HITS)}", name="/api/v1/hits/[id]")

    @task(4)
    def decide_a_hit(self) -> None:
        chosen = self.random.choice(_HOT if self.random.random() < 0.7 else _HITS)
        read = self.client.get(f"/api/v1/hits/{chosen}", name="/api/v1/hits/[id]")
        if read.status_code != 200:
            return
        hit: dict[str, Any] = read.json()
        body = {
            "decision": self.random.choice(NEXT[hit["status"]]),
            "reason": "load test",
            "version": hit["version"],
        }
        with self.client.post(
            f"/api/v1/hits/{chosen}/decisions",
            json=body,
            name="/api/v1/hits/[id]/decisions",
            catch_response=True,
        ) as answer:
            if answer.status_code in (200, 409):
                answer.success()  # a 409: someone decided it first, the expected refusal
            else:
                answer.failure(f"{answer.status_code}: {answer.text[:200]}")
        with _LOG.open("a") as log:
            outcome = {"hit": chosen, "version": hit["version"], "status": answer.status_code}
            log.write(json.dumps(outcome) + "\n")
