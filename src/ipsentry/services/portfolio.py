"""The portfolio registry: import (all or nothing, idempotent), list, show, export, deadlines."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import AuditEntry
from ipsentry.domain.deadlines import Deadline, deadlines_for_recordation, deadlines_for_right
from ipsentry.domain.rights import Patent, Right, RightNumber, Trademark
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.tabular import file_format, read_rows
from ipsentry.formats.uspto_xml import read_uspto_xml
from ipsentry.services.access import Actor
from ipsentry.services.right_records import right_from_record
from ipsentry.store.repositories import RightFilter
from ipsentry.store.unit_of_work import UnitOfWork

Progress = Callable[[int, int], None]
# Fields an import never takes from the file: identity and bookkeeping.
_KEPT = {"id", "organisation_id", "kind"}
_CHILDREN = {"claims", "classes"}


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if file_format(path) == ".xml":
        return read_uspto_xml(path)
    return read_rows(path)


def read_rights(path: Path) -> list[Right]:
    """Every right in the file, or InvalidInput naming every bad row and field."""
    if not path.is_file():
        raise InvalidInput([Problem(str(path), None, "(file)", "no such file")])
    rights: list[Right] = []
    problems: list[Problem] = []
    first_row: dict[RightNumber, int] = {}
    for row, record in _rows(path):
        right, found = right_from_record(str(path), row, record)
        problems.extend(found)
        if right is None:
            continue
        for number in right.numbers():
            if number in first_row:
                field = f"{number.series.value}_number"
                message = f"{number.number} already given in row {first_row[number]}"
                problems.append(Problem(str(path), row, field, message))
            first_row.setdefault(number, row)
        rights.append(right)
    if problems:
        raise InvalidInput(problems)
    return rights


def _children_key(right: Right) -> Any:
    if isinstance(right, Patent):
        return [(c.num, c.text) for c in right.claims]
    if isinstance(right, Trademark):
        return [(c.number, c.goods) for c in right.classes]
    return None


def _merge(stored: Right, incoming: Right) -> bool:
    """Copy what the file says onto the stored right; empty cells never erase data."""
    changed = False
    for field in dataclasses.fields(incoming):
        if field.name in _KEPT or field.name in _CHILDREN:
            continue
        value = getattr(incoming, field.name)
        if value in (None, "", []) or getattr(stored, field.name) == value:
            continue
        setattr(stored, field.name, value)
        changed = True
    new_children = _children_key(incoming)
    if new_children and new_children != _children_key(stored):
        if isinstance(stored, Patent) and isinstance(incoming, Patent):
            stored.claims = incoming.claims
        elif isinstance(stored, Trademark) and isinstance(incoming, Trademark):
            stored.classes = incoming.classes
        changed = True
    return changed


def import_rights(
    uow: UnitOfWork, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportReport:
    actor.require_write("the portfolio")
    rights = read_rights(path)
    created = updated = unchanged = 0
    problems: list[Problem] = []
    with uow:
        for done, right in enumerate(rights, start=1):
            matches = uow.rights.find_any(actor.organisation_id, right.numbers())
            if len(matches) > 1:
                labels = ", ".join(m.display_number for m in matches)
                problems.append(
                    Problem(str(path), None, "numbers", f"{right.display_number} matches {labels}")
                )
            elif matches and matches[0].kind is not right.kind:
                problems.append(
                    Problem(
                        str(path),
                        None,
                        "kind",
                        f"{right.display_number} is stored as a {matches[0].kind.value}",
                    )
                )
            elif matches:
                if _merge(matches[0], right):
                    updated += 1
                else:
                    unchanged += 1
            else:
                right.organisation_id = actor.organisation_id
                uow.rights.add(right)
                created += 1
            if progress:
                progress(done, len(rights))
        if problems:
            raise InvalidInput(problems)
        report = ImportReport(created, updated, unchanged)
        uow.records.audit(
            AuditEntry(
                at=datetime.now(UTC),
                action="portfolio.import",
                organisation_id=actor.organisation_id,
                user_id=actor.user_id,
                entity="file",
                details={"file": str(path), **dataclasses.asdict(report)},
            )
        )
        uow.commit()
    return report


EVERYTHING = RightFilter()


def list_rights(uow: UnitOfWork, actor: Actor, where: RightFilter = EVERYTHING) -> list[Right]:
    with uow:
        found = uow.rights.list(actor.organisation_id, where)
        return [r for r in found if actor.may_read(r.confidentiality)]


def get_right(uow: UnitOfWork, actor: Actor, reference: str) -> Right:
    """A right by its id, or by a number as people write it ('US 10,357,623', '5633060')."""
    with uow:
        rights = uow.rights.list(actor.organisation_id)
        wanted = reference.strip().upper().replace(" ", "").replace(",", "").replace("/", "")
        for right in rights:
            labels = {str(right.id), right.display_number.replace(" ", "")}
            labels |= {f"{n.jurisdiction}{n.number}" for n in right.numbers()}
            labels |= {n.number for n in right.numbers()}
            if wanted in labels and actor.may_read(right.confidentiality):
                return right
    raise NotFound(f"no right {reference!r} in the portfolio")


def upcoming_deadlines(
    uow: UnitOfWork, actor: Actor, today: date, until: date, *, include_cancelled: bool = False
) -> list[Deadline]:
    """Deadlines whose last day (end of grace included) falls between today and ``until``,
    each with its state on ``today``."""
    with uow:
        rights = [
            r for r in uow.rights.list(actor.organisation_id) if actor.may_read(r.confidentiality)
        ]
        by_id = {r.id: r for r in rights}
        found = [d for r in rights for d in deadlines_for_right(r, today)]
        for record in uow.records.recordations(actor.organisation_id):
            found.extend(deadlines_for_recordation(record, by_id.get(record.right_id)))
    return sorted(
        (
            d.as_of(today)
            for d in found
            if (include_cancelled or not d.cancelled) and d.last_day >= today and d.due <= until
        ),
        key=lambda d: (d.due, d.right_label),
    )


def summary(uow: UnitOfWork, actor: Actor) -> dict[str, Any]:
    """Counts by kind, office and status: what the demo prints and dashboards show."""
    rights: Sequence[Right] = list_rights(uow, actor)
    counts: dict[str, dict[str, int]] = {"kind": {}, "jurisdiction": {}, "status": {}}
    for right in rights:
        for key, value in (
            ("kind", right.kind.value),
            ("jurisdiction", right.jurisdiction),
            ("status", right.status.value),
        ):
            counts[key][value] = counts[key].get(value, 0) + 1
    return {"rights": len(rights), **counts}


def trademarks(uow: UnitOfWork, actor: Actor) -> list[Trademark]:
    """The organisation's trademarks the actor may see (for screening and look-alike checks)."""
    with uow:
        return [
            tm
            for tm in uow.rights.trademarks(actor.organisation_id)
            if actor.may_read(tm.confidentiality)
        ]
