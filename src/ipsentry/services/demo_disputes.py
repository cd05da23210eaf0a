"""The demo's disputes and outreach, recorded through the provider's own services.

``data/demo/disputes.json``: one dispute in mediation, one just taken in, one found
unsuitable and referred to a court (the resolved deep-link dispute comes with the
enforcement data); a seminar, a consultation day and a case study of the referred dispute.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from ipsentry.domain.cases import CaseKind
from ipsentry.domain.outreach import OutreachKind
from ipsentry.services import disputes, outreach
from ipsentry.services.access import resolve_user
from ipsentry.store.unit_of_work import UnitOfWork

DEMO = resources.files("ipsentry.data").joinpath("demo")


def load_dispute_demo(uow: UnitOfWork) -> None:
    spec: dict[str, Any] = json.loads(DEMO.joinpath("disputes.json").read_text("utf-8"))
    with uow:
        provider = uow.organisations.by_slug(spec["provider"])
        assert provider is not None and provider.id is not None
        titles = {d.title for d in uow.health.disputes(provider.id)}
    if all(item["intake"]["title"] in titles for item in spec["disputes"]):
        return  # loaded before
    for item in spec["disputes"]:
        _dispute(uow, item)
    for item in spec["outreach"]:
        _outreach(uow, item)


def _outreach(uow: UnitOfWork, item: dict[str, Any]) -> None:
    with uow:
        by = resolve_user(uow, item["by"])
        provider = {d.title: d.id for d in uow.health.disputes(by.organisation_id)}
    on = date.fromisoformat(item["on"])
    if "case_study_of" in item:
        dispute_id = provider[item["case_study_of"]]
        assert dispute_id is not None
        outreach.case_study(
            uow, by, dispute_id, item["title"], on, enterprises=item.get("enterprises")
        )
        return
    outreach.record_event(
        uow,
        by,
        OutreachKind(item["kind"]),
        item["title"],
        on,
        attendance=item["attendance"],
        enterprises=item["enterprises"],
    )


def _dispute(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Taken in by the lawyer (``by``); assessed and mediated by the mediator assigned, if
    one is; referred on by the lawyer."""
    intake = disputes.intake_from(item["intake"], "demo/disputes.json")
    with uow:
        by = resolve_user(uow, item["by"])
        mediator = resolve_user(uow, intake.assignee) if intake.assignee else by
    view = disputes.take_in(uow, by, intake)
    dispute_id = view.dispute.id
    assert dispute_id is not None
    if "assess" in item:
        disputes.assess(uow, mediator, dispute_id, item["assess"])
    if item.get("mediate"):
        disputes.start_mediation(uow, mediator, dispute_id)
        for s in item.get("sessions", []):
            on = date.fromisoformat(s["on"])
            disputes.add_session(uow, mediator, dispute_id, on, s["notes"])
    if "escalate" in item:
        target = item["escalate"]
        disputes.escalate(uow, by, dispute_id, CaseKind(target["kind"]), target.get("forum", ""))
