"""/api/v1/customs: recordations, detentions, the targeting queue and seizure statistics.

Reads only: the rights holder's staff see their own organisation's records, a customs
officer what is shared with and recorded at the officer's authority (``services.customs``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import PathId
from ipsentry.services import customs, customs_risk

router = APIRouter(prefix="/api/v1/customs", tags=["customs"])
Json = dict[str, Any]


@router.get("/recordations")
def list_recordations(actor: ActorDep, uow: UowDep) -> list[Json]:
    return [v.to_json() for v in customs.recordations(uow, actor)]


@router.get("/recordations/{recordation_id}")
def get_recordation(recordation_id: PathId, actor: ActorDep, uow: UowDep) -> Json:
    return customs.recordation(uow, actor, recordation_id).to_json()


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
