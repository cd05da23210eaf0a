"""/api/v1/customs: recordations, detentions, the targeting queue and seizure statistics.

The rights holder's staff see their own organisation's records, a customs officer what is
shared with and recorded at the officer's authority (``services.customs``); the holder's
writers record rights and agree plans (``services.customs_records``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import JsonValue

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import PathId
from ipsentry.api.schemas.customs import PlanIn, RecordationIn
from ipsentry.services import customs, customs_records, customs_risk

router = APIRouter(prefix="/api/v1/customs", tags=["customs"])
Json = dict[str, Any]


@router.get("/recordations")
def list_recordations(actor: ActorDep, uow: UowDep) -> list[Json]:
    return [v.to_json() for v in customs.recordations(uow, actor)]


@router.get("/recordations/{recordation_id}")
def get_recordation(recordation_id: PathId, actor: ActorDep, uow: UowDep) -> Json:
    return customs.recordation(uow, actor, recordation_id).to_json()


@router.post("/recordations", status_code=201)
def add_recordation(body: RecordationIn, actor: ActorDep, uow: UowDep) -> Json:
    """Record one of the organisation's rights with a customs authority."""
    fields = body.model_dump(mode="json", exclude_unset=True)
    return customs_records.save_recordation(uow, actor, fields, source="body").to_json()


@router.patch("/recordations/{recordation_id}")
def edit_recordation(
    recordation_id: PathId, body: RecordationIn, actor: ActorDep, uow: UowDep
) -> Json:
    """Change the fields sent; the rest stay."""
    fields = body.model_dump(mode="json", exclude_unset=True)
    view = customs_records.save_recordation(
        uow, actor, fields, recordation_id=recordation_id, source="body"
    )
    return view.to_json()


@router.put("/recordations/{recordation_id}/guide")
def set_guide(
    recordation_id: PathId, body: dict[str, JsonValue], actor: ActorDep, uow: UowDep
) -> Json:
    """Replace the identification guide (the ``guide`` object a recordation shows)."""
    return customs.set_guide(uow, actor, recordation_id, body, "body").to_json()


@router.get("/plans")
def list_plans(actor: ActorDep, uow: UowDep) -> list[Json]:
    return [v.to_json() for v in customs.plans(uow, actor)]


@router.post("/plans", status_code=201)
def add_plan(body: PlanIn, actor: ActorDep, uow: UowDep) -> Json:
    """Agree a protection plan with a customs office."""
    fields = body.model_dump(mode="json", exclude_unset=True)
    return customs_records.save_plan(uow, actor, fields, source="body").to_json()


@router.patch("/plans/{plan_id}")
def edit_plan(plan_id: PathId, body: PlanIn, actor: ActorDep, uow: UowDep) -> Json:
    fields = body.model_dump(mode="json", exclude_unset=True)
    return customs_records.save_plan(uow, actor, fields, plan_id=plan_id, source="body").to_json()


@router.get("/detentions")
def list_detentions(actor: ActorDep, uow: UowDep) -> list[Json]:
    return [v.to_json() for v in customs.detentions(uow, actor)]


@router.get("/detentions/{detention_id}")
def get_detention(detention_id: PathId, actor: ActorDep, uow: UowDep) -> Json:
    return customs.detention(uow, actor, detention_id).to_json()


@router.get("/queue")
def targeting_queue(
    actor: ActorDep, uow: UowDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[Json]:
    return [customs_risk.declaration_json(d) for d in customs_risk.queue(uow, actor, limit=limit)]


@router.get("/statistics")
def seizure_statistics(actor: ActorDep, uow: UowDep) -> Json:
    return customs.seizure_statistics(uow, actor).to_json()
