"""The demo's disputes in several states, taken in through the provider's own services.

``data/demo/disputes.json``: one in mediation, one just taken in, one found unsuitable
and referred to a court. (The resolved deep-link dispute comes with the enforcement data.)
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from ipsentry.domain.cases import CaseKind
from ipsentry.services import disputes
from ipsentry.services.access import resolve_user
from ipsentry.store.unit_of_work import UnitOfWork

DEMO = resources.files("ipsentry.data").joinpath("demo")


def load_dispute_demo(uow: UnitOfWork) -> None:
    spec: dict[str, Any] = json.loads(DEMO.joinpath("disputes.json").read_text("utf-8"))
    with uow:
        provider = uow.organisations.by_slug(spec["provider"])
        assert provider is not None and provider.id is not None
        titles = {d.title for d in uow.health.disputes(provider.id)}
    for item in spec["disputes"]:
        if item["intake"]["title"] not in titles:
            _dispute(uow, item)


def _dispute(uow: UnitOfWork, item: dict[str, Any]) -> None:
    with uow:
        by = resolve_user(uow, item["by"])
    intake = disputes.intake_from(item["intake"], "demo/disputes.json")
    view = disputes.take_in(uow, by, intake)
    dispute_id = view.dispute.id
    assert dispute_id is not None
    if "assess" in item:
        disputes.assess(uow, by, dispute_id, item["assess"])
    if item.get("mediate"):
        disputes.start_mediation(uow, by, dispute_id)
        for s in item.get("sessions", []):
            disputes.add_session(uow, by, dispute_id, date.fromisoformat(s["on"]), s["notes"])
    if "escalate" in item:
        target = item["escalate"]
        disputes.escalate(uow, by, dispute_id, CaseKind(target["kind"]), target.get("forum", ""))
