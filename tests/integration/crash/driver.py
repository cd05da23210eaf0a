"""A process for the crash tests to kill: it does one piece of real work through the services
and says on stdout how far it got, so the test can SIGKILL it at a chosen point.

    python -m tests.integration.crash.driver import URL FILE
    python -m tests.integration.crash.driver screen URL PARTITION
    python -m tests.integration.crash.driver review URL HIT_ID...

``at N`` lines are written after each step (a tenth of the file read, a partition
committed, a decision committed); with ``--pause=SECONDS`` the process then waits, so a
kill lands while its work is still open (an import's transaction, a run's next partition).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ipsentry.domain.screening import ReviewStatus
from ipsentry.services import portfolio, review, screening
from ipsentry.services.access import resolve_actor
from ipsentry.store.unit_of_work import UnitOfWork

ORG = "acme"
EMAIL = "counsel@acme.example"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    pauses = [float(a.split("=")[1]) for a in argv if a.startswith("--pause=")]
    pause = pauses[0] if pauses else 0.0
    action, url, *rest = [a for a in argv if not a.startswith("--pause=")]
    uow = UnitOfWork.for_url(url)
    with uow:
        actor = resolve_actor(uow, ORG, EMAIL)
    steps = [0]

    def step() -> None:
        steps[0] += 1
        say(f"at {steps[0]}")
        time.sleep(pause)

    if action == "import":
        tenths = [0]

        def progress(done: int, total: int) -> None:
            if total and done * 10 // total > tenths[0]:
                tenths[0] = done * 10 // total
                step()

        portfolio.import_rights(uow, actor, Path(rest[0]), progress)
    elif action == "screen":
        screening.run_screening(
            uow, actor, progress=lambda done, total: step(), partition=int(rest[0])
        )
    elif action == "review":
        for hit_id in map(int, rest):
            version = review.item(uow, actor, hit_id).hit.version
            review.decide(uow, actor, hit_id, ReviewStatus.DISMISSED, "not ours", version)
            say(f"decided {hit_id}")
            step()
    say("done")


if __name__ == "__main__":
    main(sys.argv[1:])
