"""Declaration risk scoring: a declarations file scored against what is recorded with customs.

The file is read whole first and every bad row reported at once (``file:row: field:
problem``); nothing is scored or stored until the file is clean. A customs office keeps its
scored declarations as its targeting queue (riskiest first); a rights holder may score a
file against its own recordations without storing anything.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.domain.accounts import OrganisationKind, Permission
from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Declaration,
    Detention,
    Direction,
    QueueStatus,
    ScoredDeclaration,
)
from ipsentry.domain.rights import Patent, Trademark
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.files import atomic_text
from ipsentry.formats.tabular import read_rows
from ipsentry.services import audit, cluster
from ipsentry.services import customs as border
from ipsentry.services.access import Actor
from ipsentry.services.screening import marks_of
from ipsentry.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # the engines load when a file is scored, not with the command line
    from ipsentry.matching.marks.confusion import Mark
    from ipsentry.matching.risk.declarations import DeclarationScorer, Risk

Progress = Callable[[int, int], None]
FIELDS = (
    "direction",
    "declarant",
    "consignor",
    "consignee",
    "origin",
    "destination",
    "port",
    "hs_code",
    "hs_edition",
    "brand",
    "description",
    "quantity",
    "unit_value",
    "currency",
)
OPTIONAL = ("address",)
OUTPUT = ("risk", "level", "reasons")
HS_EDITIONS = ("2007", "2012", "2017", "2022")
MAX_PROBLEMS = 200
PARTITION = 2_000  # declarations per Dask task: enough work to outweigh sending it


@dataclass(frozen=True)
class ScoredFile:
    rows: int
    high: int
    medium: int
    stored: int  # declarations added to the targeting queue (customs offices only)
    risks: list[tuple[Declaration, Risk]]
    rescored: int = 0  # declarations of an earlier scoring of the file, updated in place


def _money(row: dict[str, Any], where: tuple[str, int], problems: list[Problem]) -> Money | None:
    raw = str(row.get("unit_value") or "").strip()
    currency = str(row.get("currency") or "").strip().upper()
    if not raw:
        return None
    try:
        amount = Decimal(raw.replace(",", ""))
        if not amount.is_finite() or amount < 0:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(Problem(*where, "unit_value", f"{raw!r} is not an amount"))
        return None
    try:
        return Money(amount, currency)
    except ValueError:
        message = f"{currency!r} is not an ISO 4217 currency" if currency else "missing"
        problems.append(Problem(*where, "currency", message))
        return None


def parse_row(
    source: str, number: int, row: dict[str, Any], problems: list[Problem]
) -> Declaration:
    """One declaration from one file row; each problem is added to ``problems``."""
    where = (source, number)
    text = {f: str(row.get(f) or "").strip() for f in (*FIELDS, *OPTIONAL)}
    try:
        direction = Direction(text["direction"].lower())
    except ValueError:
        problems.append(
            Problem(*where, "direction", f"{text['direction']!r}: use import or export")
        )
        direction = Direction.IMPORT
    quantity = 0
    if text["quantity"]:
        try:
            quantity = int(Decimal(text["quantity"].replace(",", "")))
            if quantity < 0:
                raise ValueError
        except (ValueError, InvalidOperation):
            problems.append(Problem(*where, "quantity", f"{text['quantity']!r} is not a count"))
    code = text["hs_code"]
    if code and not all(c.isdigit() or c in ". " for c in code):
        problems.append(Problem(*where, "hs_code", f"{code!r} is not an HS code"))
    edition = text["hs_edition"] or "2022"
    if edition not in HS_EDITIONS:
        problems.append(Problem(*where, "hs_edition", f"{edition!r}: use {', '.join(HS_EDITIONS)}"))
    for name in ("origin", "destination"):
        if text[name] and not (len(text[name]) == 2 and text[name].isalpha()):
            problems.append(Problem(*where, name, f"{text[name]!r}: a two-letter country code"))
    if not (text["brand"] or text["description"]):
        problems.append(Problem(*where, "description", "neither a brand nor goods described"))
    return Declaration(
        key=str(number), direction=direction, declarant=text["declarant"],
        consignor=text["consignor"], consignee=text["consignee"],
        origin=text["origin"].upper(), destination=text["destination"].upper(),
        port=text["port"], hs_code=code, hs_edition=edition, brand=text["brand"],
        description=text["description"], quantity=quantity,
        unit_value=_money(row, where, problems), address=text["address"],
    )  # fmt: skip


def read_declarations(path: Path, progress: Progress | None = None) -> list[Declaration]:
    """Every declaration of a CSV, XLSX, JSON or JSON Lines file, or InvalidInput naming
    every bad row (the first MAX_PROBLEMS, and how many more)."""
    problems: list[Problem] = []
    found = []
    for number, row in read_rows(path, FIELDS, progress):
        found.append(parse_row(path.name, number, row, problems))
    if problems:
        raise InvalidInput(problems[:MAX_PROBLEMS], more=max(0, len(problems) - MAX_PROBLEMS))
    return found


def scorer_for(uow: UnitOfWork, actor: Actor) -> DeclarationScorer:
    """Inside an open unit of work: a scorer over the recordations the actor sees, with the
    detentions it sees."""
    from ipsentry.matching.risk.declarations import (
        DeclarationScorer,
        EarlierDetention,
        RecordedRight,
    )
    from ipsentry.matching.risk.patents import RecordedPatent

    views = border.visible_recordations(uow, actor)
    trademarks = []
    patents: dict[int, RecordedPatent] = {}  # recorded patents with claims to chart
    for view in views:
        right = uow.rights.get(view.recordation.organisation_id, view.recordation.right_id)
        if isinstance(right, Trademark):
            trademarks.append(right)
        elif isinstance(right, Patent) and right.claims and right.id is not None:
            patents[right.id] = RecordedPatent(
                right.display_number, tuple(right.claims), right.construction or None
            )
    marks: dict[int, Mark] = {}
    for entry in marks_of(trademarks):
        marks.setdefault(entry.right_id, entry.mark)  # the mark as registered, not a variant
    recorded = [
        RecordedRight(
            right_id=v.recordation.right_id,
            label=f"{v.right_title} ({v.recordation.authority.value} {v.recordation.number})",
            mark=marks.get(v.recordation.right_id),
            patent=patents.get(v.recordation.right_id),
            goods=v.recordation.goods,
            guide=v.recordation.guide,
            coverage=v.recordation.coverage,
            holder=v.recordation.organisation_id,
        )
        for v in views
        if v.recordation.valid_until is None
        or v.recordation.valid_until >= datetime.now(UTC).date()
    ]
    earlier = [
        EarlierDetention(
            f"detention {d.detention.id} ({d.detention.detained_on.isoformat()})",
            _parties(d.detention),
            d.detention.address,
        )
        for d in border.visible_detentions(uow, actor)
    ]
    return DeclarationScorer(recorded, earlier)


def _parties(d: Detention) -> tuple[str, ...]:
    return tuple(n for n in (d.declarant, d.consignor, d.consignee) if n)


def score_file(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    *,
    out: Path | None = None,
    progress: Progress | None = None,
    illustrative: bool = False,
    client: cluster.Client | None = None,
    partition: int = PARTITION,
) -> ScoredFile:
    """Score every declaration of ``path``; write RISK rows to ``out``; a customs office
    keeps them in its targeting queue. All or nothing. With ``client``, the scoring runs
    partition by partition on its Dask cluster, the scorer shipped to each worker once."""
    customs_office = actor.organisation_kind is OrganisationKind.CUSTOMS
    if customs_office:
        actor.require(Permission.BORDER_CONTROL, "score declarations")
    else:
        actor.require(Permission.READ, "score declarations")
    declarations = read_declarations(path)
    with uow:
        scorer = scorer_for(uow, actor)
    risks = _risks(scorer, declarations, progress, client, partition)
    with uow:
        return _keep(uow, actor, path, risks, out, illustrative)


def score_partition(partition: list[Declaration], scorer: DeclarationScorer) -> list[Risk]:
    """Pure: one partition's risks, in order (a Dask task, on the scorer sent once)."""
    return scorer.score_all(partition)


def _risks(
    scorer: DeclarationScorer,
    declarations: list[Declaration],
    progress: Progress | None,
    client: cluster.Client | None,
    partition: int,
) -> list[tuple[Declaration, Risk]]:
    parts = [declarations[i : i + partition] for i in range(0, len(declarations), partition)]
    scored: dict[int, list[Risk]] = {}

    def done(index: int, risks: list[Risk]) -> None:
        scored[index] = risks
        if progress is not None:
            progress(sum(len(r) for r in scored.values()), len(declarations))

    cluster.map_partitions(client, score_partition, parts, scorer, done)
    return [(d, r) for i, part in enumerate(parts) for d, r in zip(part, scored[i], strict=True)]


def _keep(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    risks: list[tuple[Declaration, Risk]],
    out: Path | None,
    illustrative: bool,
) -> ScoredFile:
    customs_office = actor.organisation_kind is OrganisationKind.CUSTOMS
    if out is not None:
        write_risks(out, risks)
    stored = rescored = 0
    if customs_office:
        now = datetime.now(UTC)
        earlier = _earlier_scoring(uow, actor.organisation_id, path.name)
        for d, risk in risks:
            fresh = _scored(actor, path.name, d, risk, now, illustrative)
            kept = earlier.get(_identity(fresh), [])
            if kept:
                _rescore(kept.pop(0), fresh)
                rescored += 1
            else:
                uow.customs.add(fresh)
                stored += 1
        audit.record(uow, actor, "customs.score", entity="declarations",
                     details={"file": path.name, "rows": len(risks), "added": stored,
                              "rescored": rescored})  # fmt: skip
        uow.commit()
    levels = [r.level for _, r in risks]
    high, medium = levels.count("high"), levels.count("medium")
    return ScoredFile(len(risks), high, medium, stored, risks, rescored)


def _identity(d: ScoredDeclaration) -> tuple[object, ...]:
    """What makes two scorings of a file's row the same declaration: its fields, not its
    row number (a re-exported file may order its rows differently)."""
    value = d.unit_value
    money = (value.amount.normalize(), value.currency) if value else None
    return (d.direction, d.declarant, d.consignor, d.consignee, d.origin, d.destination,
            d.port, d.hs_code, d.hs_edition, d.brand, d.description, d.quantity, money,
            d.address)  # fmt: skip


def _earlier_scoring(
    uow: UnitOfWork, organisation_id: int, batch: str
) -> dict[tuple[object, ...], list[ScoredDeclaration]]:
    """The office's entries from earlier scorings of the same file, by identity (in row
    order: a file listing one consignment twice keeps two entries). Another file's
    identical row is another consignment (a trader ships the same goods every week), so
    only the same file is matched."""
    found: dict[tuple[object, ...], list[ScoredDeclaration]] = {}
    for entry in uow.customs.batch(organisation_id, batch):
        found.setdefault(_identity(entry), []).append(entry)
    return found


def _rescore(entry: ScoredDeclaration, fresh: ScoredDeclaration) -> None:
    """The new scoring on the earlier entry; where the officer took it (detained,
    dismissed) stays, as do the links to it."""
    entry.row, entry.risk, entry.level = fresh.row, fresh.risk, fresh.level
    entry.reasons, entry.right_ids = fresh.reasons, fresh.right_ids
    entry.scored_at, entry.scored_by_user_id = fresh.scored_at, fresh.scored_by_user_id


def _scored(
    actor: Actor, batch: str, d: Declaration, risk: Risk, now: datetime, illustrative: bool
) -> ScoredDeclaration:
    return ScoredDeclaration(
        organisation_id=actor.organisation_id, batch=batch, row=int(d.key),
        direction=d.direction, declarant=d.declarant, consignor=d.consignor,
        consignee=d.consignee, origin=d.origin, destination=d.destination, port=d.port,
        hs_code=d.hs_code, hs_edition=d.hs_edition, brand=d.brand,
        description=d.description, quantity=d.quantity, unit_value=d.unit_value,
        address=d.address, risk=risk.risk, level=risk.level,
        reasons=[{"key": r.key, "weight": r.weight, "strength": round(r.strength, 4),
                  "right": r.right, "evidence": r.evidence, "right_id": r.right_id}
                 for r in risk.reasons],
        right_ids=list(risk.right_ids), status=QueueStatus.QUEUED, scored_at=now,
        scored_by_user_id=actor.user_id, illustrative=illustrative,
    )  # fmt: skip


def write_risks(out: Path, risks: list[tuple[Declaration, Risk]]) -> None:
    with atomic_text(out) as handle:
        writer = csv.writer(handle)
        writer.writerow([*FIELDS, *OPTIONAL, *OUTPUT])
        for d, risk in risks:
            value = d.unit_value
            writer.writerow([
                d.direction.value, d.declarant, d.consignor, d.consignee, d.origin,
                d.destination, d.port, d.hs_code, d.hs_edition, d.brand, d.description,
                d.quantity, value.amount if value else "", value.currency if value else "",
                d.address, f"{risk.risk:.4f}", risk.level, risk.reasons_text(),
            ])  # fmt: skip


def queue(
    uow: UnitOfWork, actor: Actor, *, status: QueueStatus | None = QueueStatus.QUEUED,
    limit: int = 100,
) -> list[ScoredDeclaration]:  # fmt: skip
    """The customs office's targeting queue, riskiest first."""
    actor.require(Permission.BORDER_CONTROL, "see the targeting queue")
    with uow:
        return list(uow.customs.queue(actor.organisation_id, status=status, limit=limit))


def declaration_json(d: ScoredDeclaration) -> dict[str, Any]:
    value = d.unit_value
    return {
        "id": d.id, "batch": d.batch, "row": d.row, "direction": d.direction.value,
        "declarant": d.declarant, "consignor": d.consignor, "consignee": d.consignee,
        "origin": d.origin, "destination": d.destination, "port": d.port,
        "hs_code": d.hs_code, "hs_edition": d.hs_edition, "brand": d.brand,
        "description": d.description, "quantity": d.quantity,
        "unit_value": {"amount": str(value.amount), "currency": value.currency} if value else None,
        "risk": d.risk, "level": d.level, "reasons": d.reasons, "status": d.status.value,
        "illustrative": d.illustrative,
    }  # fmt: skip
