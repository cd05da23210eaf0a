"""The demo's enforcement work: takedown notices in every state with their evidence, and
the shared accounts that join sellers, a domain and respondents into a network cluster.

Loaded once (a second load finds the notices and adds nothing). The listings, rights and
case come from the demo's enforcement data; everything here is illustrative.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from importlib import resources
from typing import Any

from ipsentry.domain.rights import NumberSeries, RightKind, RightNumber
from ipsentry.domain.takedowns import TakedownListing, TakedownNotice, TakedownStatus
from ipsentry.services.access import resolve_actor
from ipsentry.services.case_intake import observation_evidence
from ipsentry.store.unit_of_work import UnitOfWork

DATA = resources.files("ipsentry.data").joinpath("demo").joinpath("takedowns.json")


def load_enforcement_demo(uow: UnitOfWork, organisation: str = "smoore-demo") -> None:
    spec: dict[str, Any] = json.loads(DATA.read_text("utf-8"))
    with uow:
        actor = resolve_actor(uow, organisation, spec["captured_by"])
        org = actor.organisation_id
        if uow.enforcement.takedowns(org):
            return
        seen = {o.external_id or o.text: o for o in uow.records.observations(org)}
        for key, traits in spec["network"].items():
            seen[key].attributes = {**seen[key].attributes, **traits}
        case = uow.records.case_by_number(org, spec["case"])
        for entry in spec["notices"]:
            observation = seen[entry["listing"]]
            office, series, number = entry["right"].split(":")
            right = uow.rights.find_by_number(
                org, RightNumber(RightKind.TRADEMARK, office, NumberSeries(series), number)
            )
            assert right is not None and right.id is not None and observation.id is not None
            steps = entry["steps"]
            first = date.fromisoformat(steps[0][1]) if steps else date(2026, 12, 1)
            moment = datetime.combine(first, time(9), tzinfo=UTC)
            item = observation_evidence(uow, actor, observation, case=case,
                                        captured_by=spec["captured_by"], now=moment)  # fmt: skip
            notice = TakedownNotice(
                organisation_id=org,
                platform=observation.source,
                seller=observation.seller,
                case_id=case.id if case else None,
                created_on=first,
                illustrative=True,
            )
            notice.listings.append(
                TakedownListing(
                    observation_id=observation.id,
                    right_id=right.id,
                    listing_url=observation.url,
                    listing_ref=observation.external_id,
                    title=observation.text,
                    right_label=f"{right.display_number} ({right.title})",
                    evidence_id=item.id,
                    explanation=entry["explanation"],
                )
            )
            for status, on, note in steps:
                relisted = status == TakedownStatus.RELISTED.value
                notice.move(TakedownStatus(status), date.fromisoformat(on), note,
                            observation.id if relisted else None)  # fmt: skip
            uow.enforcement.add(notice)
        uow.commit()
