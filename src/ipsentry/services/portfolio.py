"""The portfolio registry: import (streamed, all or nothing, idempotent), list, show, export.

Every interface reaches the portfolio through these functions: the command line prints
what they return and the web app renders it, so each use case exists once.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import AuditEntry, GrantScope, Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.deadlines import Deadline, deadlines_for_recordation, deadlines_for_right
from ipsentry.domain.rights import Patent, Right, RightNumber, Trademark
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.formats.files import check_input
from ipsentry.formats.tabular import file_format, read_rows, write_records
from ipsentry.formats.uspto_xml import read_uspto_xml
from ipsentry.services import exports
from ipsentry.services.access import Actor, readable_organisations
from ipsentry.services.deadline_views import deadline_record
from ipsentry.services.right_records import (
    IMPORT_FIELDS,
    blank_flags,
    record_from_right,
    right_from_record,
)
from ipsentry.store.repositories import RightFilter
from ipsentry.store.unit_of_work import UnitOfWork

__all__ = ["RightFilter"]  # the interfaces build filters without importing the store

Progress = Callable[[int, int], None]
# Fields an import never takes from the file: identity and bookkeeping.
_KEPT = {"id", "organisation_id", "kind"}
_CHILDREN = {"claims", "classes"}
KNOWN_FIELDS = frozenset(IMPORT_FIELDS)
BATCH = 500  # rights written, then let go, at a time: memory stays flat in the file size
KEPT_PROBLEMS = 1000


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    # "trademark FR": live rights of offices that gave them no deadline (no rules, or no dates)
    without_deadlines: dict[str, int] = field(default_factory=dict)
    # columns of the file that no right field reads (a misspelt header loses its values)
    ignored_columns: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _rows(path: Path, progress: Progress | None) -> Iterator[tuple[int, dict[str, Any]]]:
    if file_format(path) == ".xml":
        return read_uspto_xml(path, progress)
    return read_rows(path, IMPORT_FIELDS, progress)


def _children_key(right: Right) -> Any:
    """What a right's claims or classes say, in an order that does not depend on storage."""
    if isinstance(right, Patent):
        return sorted((c.num, c.text) for c in right.claims)
    if isinstance(right, Trademark):
        return sorted((c.number, c.goods) for c in right.classes)
    return None


def _merge(
    stored: Right, incoming: Right, blank: frozenset[str], flush: Callable[[], None]
) -> bool:
    """Copy what the file says onto the stored right; empty cells (``blank`` for yes/no
    fields, which read as "no") never erase data. New claims or classes replace the old
    ones, which are deleted first (``flush``): a new claim 1 would clash with the old."""
    changed = False
    for field_ in dataclasses.fields(incoming):
        if field_.name in _KEPT or field_.name in _CHILDREN or field_.name in blank:
            continue
        value = getattr(incoming, field_.name)
        if value in (None, "", []) or getattr(stored, field_.name) == value:
            continue
        setattr(stored, field_.name, value)
        changed = True
    new_children = _children_key(incoming)
    if new_children and new_children != _children_key(stored):
        if isinstance(stored, Patent) and isinstance(incoming, Patent):
            stored.claims = []
            flush()
            stored.claims = incoming.claims
        elif isinstance(stored, Trademark) and isinstance(incoming, Trademark):
            stored.classes = []
            flush()
            stored.classes = incoming.classes
        changed = True
    return changed


class _Problems:
    """The problems of one import: the first ``KEPT_PROBLEMS`` kept, the rest counted."""

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.more = 0

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if len(self.kept) < KEPT_PROBLEMS:
                self.kept.append(problem)
            else:
                self.more += 1

    def __bool__(self) -> bool:
        return bool(self.kept)


class _Coverage:
    """Offices whose live rights in the file got no deadline at all (no rules, or no dates)."""

    def __init__(self) -> None:
        self.covered: set[tuple[str, str]] = set()
        self.uncovered: Counter[tuple[str, str]] = Counter()

    def note(self, right: Right) -> None:
        key = (right.kind.value, right.jurisdiction)
        if key in self.covered or not right.status.is_alive:
            return
        if deadlines_for_right(right):
            self.covered.add(key)
            self.uncovered.pop(key, None)
        else:
            self.uncovered[key] += 1

    def offices(self) -> dict[str, int]:
        return {f"{kind} {office}": n for (kind, office), n in sorted(self.uncovered.items())}


def _repeated_numbers(
    source: str, row: int, right: Right, first_row: dict[RightNumber, int]
) -> list[Problem]:
    found = []
    for number in right.numbers():
        if number in first_row:
            field_name = f"{number.series.value}_number"
            message = f"{number.number} already given in row {first_row[number]}"
            found.append(Problem(source, row, field_name, message))
        first_row.setdefault(number, row)
    return found


def import_rights(
    uow: UnitOfWork, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportReport:
    """Stream a file into the portfolio, row by row, in one transaction: all rows or none.

    Rows are checked as they are read and written in batches, so memory stays flat in the
    size of the file. After the first bad row nothing more is written, but the rest of the
    file is still checked, so one run reports every problem (the first ``KEPT_PROBLEMS``).
    ``progress`` hears (bytes read, file size), or rows for a workbook.
    """
    actor.require_write("the portfolio")
    check_input(path)
    source = str(path)
    problems = _Problems()
    coverage = _Coverage()
    first_row: dict[RightNumber, int] = {}
    counts: Counter[str] = Counter()
    batch: list[tuple[int, Right, frozenset[str]]] = []

    def write(batch: list[tuple[int, Right, frozenset[str]]]) -> None:
        """Look the batch up in one query, add or merge each right, and let go of them."""
        stored = uow.rights.by_numbers(
            actor.organisation_id, (n for _, right, _ in batch for n in right.numbers())
        )
        for row, right, blank in batch:
            matches = list({id(m): m for n in right.numbers() if (m := stored.get(n))}.values())
            if len(matches) > 1:
                labels = ", ".join(m.display_number for m in matches)
                message = f"{right.display_number} matches {labels}"
                problems.add([Problem(source, row, "numbers", message)])
            elif matches and matches[0].kind is not right.kind:
                message = f"{right.display_number} is stored as a {matches[0].kind.value}"
                problems.add([Problem(source, row, "kind", message)])
            elif matches:
                merged = _merge(matches[0], right, blank, uow.flush)
                counts["updated" if merged else "unchanged"] += 1
            else:
                right.organisation_id = actor.organisation_id
                uow.rights.add(right)
                counts["created"] += 1
            coverage.note(right)
        if not problems:
            uow.release()

    unknown: set[str] = set()
    with uow:
        for row, record in _rows(path, progress):
            unknown.update(k for k in record if k not in KNOWN_FIELDS)
            right, found = right_from_record(source, row, record)
            problems.add(found)
            if right is None:
                continue
            problems.add(_repeated_numbers(source, row, right, first_row))
            if problems:
                continue  # nothing more is written; the rest is only checked
            batch.append((row, right, blank_flags(record)))
            if len(batch) == BATCH:
                write(batch)
                batch = []
        if batch and not problems:
            write(batch)
        if problems:
            raise InvalidInput(problems.kept, problems.more)
        report = ImportReport(
            counts["created"],
            counts["updated"],
            counts["unchanged"],
            coverage.offices(),
            tuple(sorted(unknown)),
        )
        uow.records.audit(
            AuditEntry(
                at=datetime.now(UTC),
                action="portfolio.import",
                organisation_id=actor.organisation_id,
                user_id=actor.user_id,
                entity="file",
                details={"file": source, **dataclasses.asdict(report)},
            )
        )
        uow.commit()
    return report


def export_rights(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    where: RightFilter | None = None,
    *,
    confirmed: bool = False,
) -> int:
    """Write the rights in the importer's own format (an export imports back unchanged):
    an export, so privileged rights go out only ``confirmed``, and it is recorded."""
    actor.require(Permission.EXPORT, "export the portfolio")
    rights = list_rights(uow, actor, where or EVERYTHING)
    marking = max(
        (Confidentiality.PUBLIC, *(r.confidentiality for r in rights)), key=lambda m: m.rank
    )
    exports.authorise(
        uow,
        actor,
        f"{len(rights)} right(s) of the portfolio",
        marking,
        confirmed=confirmed,
        entity="portfolio",
        details={"file": out.name, "rights": len(rights)},
    )
    write_records(out, [record_from_right(r) for r in rights])
    return len(rights)


def right_row(right: Right) -> dict[str, Any]:
    """A right as one line of a listing."""
    detail = ""
    if isinstance(right, Patent):
        detail = f"{len(right.claims)} claims"
    elif isinstance(right, Trademark):
        detail = "classes " + ", ".join(str(n) for n in right.class_numbers)
    return {
        "id": right.id,
        "kind": right.kind.value,
        "number": right.display_number,
        "title": right.title,
        "status": right.status.value,
        "family": right.technology_family,
        "detail": detail,
        "marking": right.confidentiality.value,
        "illustrative": right.illustrative,
    }


def right_detail(uow: UnitOfWork, actor: Actor, reference: str, today: date) -> dict[str, Any]:
    """One right in full: its record, claims with elements, and every deadline with its state."""
    right = get_right(uow, actor, reference)
    record = record_from_right(right)
    record["id"] = right.id
    if isinstance(right, Patent):
        record["claims"] = [
            {
                "num": c.num,
                "depends_on": c.depends_on,
                "text": c.text,
                "elements": [{"role": e.role.value, "text": e.text} for e in c.elements],
            }
            for c in right.claims
        ]
    record["deadlines"] = [deadline_record(d, today) for d in deadlines_for_right(right, today)]
    return record


EVERYTHING = RightFilter()


def granted_rights(uow: UnitOfWork, actor: Actor, where: RightFilter = EVERYTHING) -> list[Right]:
    """Other organisations' rights an active, recorded grant shares with the actor's: an
    enterprise's portfolio with the legal-service provider it engaged, a rights holder's
    rights recorded with customs with that customs organisation. Nothing else is shared.
    Read-only: every write path looks rights up in the actor's own organisation."""
    found: list[Right] = []
    for grantor in sorted(uow.accounts.grantors(actor.organisation_id, GrantScope.ENGAGEMENT)):
        found += uow.rights.list(grantor, where)
    recorded = uow.accounts.grantors(actor.organisation_id, GrantScope.CUSTOMS_RECORDATIONS)
    for grantor in sorted(recorded):
        with_recordation = {r.right_id for r in uow.records.recordations(grantor)}
        found += [r for r in uow.rights.list(grantor, where) if r.id in with_recordation]
    return list({r.id: r for r in found}.values())


def engaged_rights(uow: UnitOfWork, actor: Actor) -> list[Right]:
    """The rights of the actor's organisation and of the enterprises that engaged it, within
    the actor's clearance (inside an open unit of work): those a provider's dispute may be
    about, named by their numbers at intake."""
    organisations = sorted(readable_organisations(uow, actor, GrantScope.ENGAGEMENT))
    return [r for o in organisations for r in actor.readable(uow.rights.list(o))]


def engaged_rights_by_id(uow: UnitOfWork, actor: Actor, right_ids: Iterable[int]) -> list[Right]:
    """The rights of ``right_ids`` among ``engaged_rights``, in order (inside an open unit of
    work): a dispute, and the case it is referred to, show the enterprise's rights it names
    while the engagement lasts."""
    organisations = sorted(readable_organisations(uow, actor, GrantScope.ENGAGEMENT))
    found = []
    for right_id in dict.fromkeys(right_ids):
        held = (uow.rights.get(o, right_id) for o in organisations)
        right = next((r for r in held if r is not None), None)
        if right is not None and actor.may_read(right.confidentiality):
            found.append(right)
    return found


def list_rights(uow: UnitOfWork, actor: Actor, where: RightFilter = EVERYTHING) -> list[Right]:
    """The rights the actor may read: its organisation's and those shared by a grant, each
    up to the actor's clearance."""
    with uow:
        found = [*uow.rights.list(actor.organisation_id, where), *granted_rights(uow, actor, where)]
        return [r for r in found if actor.may_read(r.confidentiality)]


def get_right(uow: UnitOfWork, actor: Actor, reference: str) -> Right:
    """A right by its id, or by a number as people write it ('US 10,357,623', '5633060')."""
    with uow:
        return matching(list_rights(uow, actor), actor, reference)


def find_right(uow: UnitOfWork, actor: Actor, reference: str) -> Right:
    """One of the organisation's own rights, as ``get_right`` finds it, inside a unit of
    work the caller holds open (a case asserts only its own rights)."""
    return matching(uow.rights.list(actor.organisation_id), actor, reference)


def _wanted(reference: str) -> str:
    return reference.strip().upper().replace(" ", "").replace(",", "").replace("/", "")


def _number_labels(right: Right) -> set[str]:
    """The ways people write the right's numbers, as ``_wanted`` writes a reference."""
    labels = {right.display_number.replace(" ", "").upper()}
    labels |= {f"{n.jurisdiction}{n.number}" for n in right.numbers()}
    return labels | {n.number for n in right.numbers()}


def numbered(rights: Iterable[Right], number: str) -> list[Right]:
    """The rights holding ``number`` as people write it ('US 10,357,623', 'CN 60000001',
    '60000001'), every one of them: a bare number may be held in two offices or by two
    organisations, which the caller tells apart."""
    wanted = _wanted(number)
    return [r for r in rights if wanted and wanted in _number_labels(r)]


def matching(rights: Iterable[Right], actor: Actor, reference: str) -> Right:
    """The first of ``rights`` that ``reference`` names by id or number, within the actor's
    clearance; NotFound otherwise."""
    wanted = _wanted(reference)
    for right in rights:
        labels = {str(right.id), *_number_labels(right)}
        if wanted in labels and actor.may_read(right.confidentiality):
            return right
    raise NotFound(f"no right {reference!r} in the portfolio")


def upcoming_deadlines(
    uow: UnitOfWork,
    actor: Actor,
    today: date,
    until: date,
    *,
    include_cancelled: bool = False,
    since: date | None = None,
) -> list[Deadline]:
    """Deadlines due by ``until`` whose last day (end of grace included) is today or later,
    or, with ``since``, on or after that earlier day (to see what was missed); each with its
    state on ``today``."""
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
            if (include_cancelled or not d.cancelled)
            and d.last_day >= min(today, since or today)
            and d.due <= until
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
