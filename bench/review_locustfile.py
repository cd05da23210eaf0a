"""Locust reviewers for bench/review_load.py: each simulated reviewer has its own account
and token, reads the queue, opens hits and decides them through the REST API.

Most decisions fall on a small "hot" set of hits so that reviewers often decide the same
hit at the same moment: that is where a lost update would happen. A decision names the
version the reviewer read; the API must answer 200 to one of two such decisions and 409
to the other. A 409 is the expected answer to a stale decision, so it counts as a
conflict, not a failure. Every request is logged, as it ends, with its start, duration,
endpoint and answer, and a decision also with its hit and the version decided on: the
harness takes every figure of a phase from these lines (so its counts and rates cover the
same requests) and checks the database against the decisions afterwards.

Configured by the environment that bench/review_load.py sets:
IPSENTRY_LOAD_TOKENS (a file of bearer tokens, one per line), IPSENTRY_LOAD_HITS (hit ids,
one per line, the hot ones first), IPSENTRY_LOAD_HOT (how many are hot) and
IPSENTRY_LOAD_LOG (where each simulated reviewer appends its requests).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

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


@events.request.add_listener
def _logged(
    request_type: str,
    name: str,
    response_time: float,
    response: Any,
    context: dict[str, Any],
    exception: BaseException | None,
    start_time: float,
    **_: Any,
) -> None:
    """One line per request: the figures of a phase are counted from these alone."""
    line = {
        "start": start_time,
        "ms": response_time,
        "endpoint": f"{request_type} {name}",
        "status": getattr(response, "status_code", None),
        "failed": exception is not None,
        **context,  # a decision's hit and version
    }
    with _LOG.open("a") as log:
        log.write(json.dumps(line) + "\n")


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
            context={"hit": chosen, "version": hit["version"]},
        ) as answer:
            if answer.status_code in (200, 409):
                answer.success()  # a 409: someone decided it first, the expected refusal
            else:
                answer.failure(f"{answer.status_code}: {answer.text[:200]}")
