"""A 337 case kept from the Commission's notices: created from one, updated by the next.

The first notice of an investigation creates the case (its parties in their roles, the
portfolio rights it asserts, an event); each later one adds the parties it names for the
first time and moves respondents through the disposition state machine. A party is found
again under the names notices use for it (``matching.notices.names``). A default implies
service (only a served respondent can default, 19 CFR 210.16), so that step is recorded
with the default. Relief issued goes against the respondents the notice finds in default
or violation. A move the machine forbids refuses the whole notice: nothing is written.
Importing the same notice twice changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ipsentry.domain import cases, parties
from ipsentry.domain.rights import normalise_number
from ipsentry.errors import Conflict
from ipsentry.matching.notices import Notice
from ipsentry.matching.notices.dispositions import WHOLE_INVESTIGATION
from ipsentry.matching.notices.names import name_forms, same_party
from ipsentry.matching.notices.parties import Party as NamedParty
from ipsentry.services.access import Actor
from ipsentry.services.notices import load_notice
from ipsentry.store.unit_of_work import UnitOfWork

_ROLES = {"complainants": cases.PartyRole.COMPLAINANT, "respondents": cases.PartyRole.RESPONDENT}
_REMEDIES = {"GEO": cases.RemedyKind.GEO, "LEO": cases.RemedyKind.LEO, "CDO": cases.RemedyKind.CDO}


class _Applier:
    def __init__(self, uow: UnitOfWork, actor: Actor, notice: Notice, source: str) -> None:
        self.uow, self.actor, self.notice, self.source = uow, actor, notice, source
        self.on = notice.published
        self.steps = tuple(
            cases.DispositionStep(cases.StepKind(s.kind), s.on, s.reference) for s in notice.steps
        )
        self.changes: list[str] = []
        self.refused: list[str] = []

    def case(self) -> tuple[cases.Case, bool]:
        number = self.notice.investigation or ""
        found = self.uow.records.case_by_number(self.actor.organisation_id, number)
        if found is not None:
            return found, False
        case = cases.Case(
            organisation_id=self.actor.organisation_id,
            kind=cases.CaseKind.ITC_337,
            title=self.notice.title or number,
            number=number,
            forum="U.S. International Trade Commission",
            filed_on=self.on,
        )
        self.uow.records.add(case)
        self.changes.append(f"created case {number}: {case.title}")
        return case, True

    def members(self, case: cases.Case) -> dict[int, parties.Party]:
        return self.uow.records.parties_by_ids(
            self.actor.organisation_id, [m.party_id for m in case.parties]
        )

    def member(self, case: cases.Case, named: NamedParty, role: cases.PartyRole) -> cases.CaseParty:
        """The case party a notice's name stands for, added to the case if it is new."""
        known = self.members(case)
        for member in case.parties:
            party = known.get(member.party_id)
            if member.role is role and party and same_party(named.name, party.names()):
                self._add_aliases(party, named)
                return member
        party = parties.Party(
            organisation_id=self.actor.organisation_id,
            name=named.name,
            address=named.location,
            aliases=[
                parties.PartyAlias(name=a, kind=parties.AliasKind.SHORT_NAME) for a in named.aliases
            ],
        )
        self.uow.records.add(party)
        self.uow.flush()
        assert party.id is not None
        member = cases.CaseParty(party_id=party.id, role=role)
        case.parties.append(member)
        self.changes.append(f"added {role.value} {named.name}")
        return member

    def _add_aliases(self, party: parties.Party, named: NamedParty) -> None:
        have = {f for n in party.names() for f in name_forms(n)}
        for alias in (named.name, *named.aliases):
            if not name_forms(alias) & have:
                party.aliases.append(
                    parties.PartyAlias(name=alias, kind=parties.AliasKind.SHORT_NAME)
                )
                have |= name_forms(alias)

    def move(
        self, case: cases.Case, member: cases.CaseParty, kind: cases.DispositionKind, name: str
    ) -> None:
        if member.state() is kind:
            return  # already recorded (the same notice imported again, or an earlier one)
        steps = [kind]
        if kind is cases.DispositionKind.DEFAULT and member.state() is cases.DispositionKind.NAMED:
            steps = [cases.DispositionKind.SERVED, kind]  # a default implies service
        for step in steps:
            try:  # the notice's steps belong to what it decides, not to an implied service
                member.move(step, self.on, self.source, steps=self.steps if step is kind else ())
            except cases.MoveRefused as refused:
                self.refused.append(f"{name}: {refused}")
                return
        self.changes.append(f"{name}: {kind.value.replace('_', ' ')}")

    def dispositions(self, case: cases.Case) -> list[cases.CaseParty]:
        relieved = []
        respondents = case.parties_in(cases.PartyRole.RESPONDENT)
        for found in self.notice.dispositions:
            kind = cases.DispositionKind(found.disposition)
            if found.respondent == WHOLE_INVESTIGATION:
                targets = [m for m in respondents if not m.state().is_final]
            else:
                named = NamedParty(found.respondent)
                targets = [self.member(case, named, cases.PartyRole.RESPONDENT)]
            names = self.members(case)
            for member in targets:
                self.move(case, member, kind, names[member.party_id].name)
                if kind in cases.RELIEF_FROM:
                    relieved.append(member)
        return relieved

    def remedies(self, case: cases.Case, relieved: list[cases.CaseParty]) -> None:
        for code in self.notice.remedies:
            kind = _REMEDIES[code]
            against = [None] if kind is cases.RemedyKind.GEO or not relieved else relieved
            for member in against:
                party_id = member.party_id if member else None
                if any(r.kind is kind and r.against_party_id == party_id for r in case.remedies):
                    continue
                remedy = cases.Remedy(
                    kind=kind, ordered_on=self.on, against_party_id=party_id, source=self.source
                )
                try:
                    case.order(remedy)
                except cases.MoveRefused as refused:  # e.g. against parties it does not name
                    self.changes.append(f"{code} not recorded: {refused}")
                    continue
                self.changes.append(
                    f"{code} ordered" + (f" against party {party_id}" if party_id else "")
                )

    def rights(self, case: cases.Case) -> None:
        """Link the portfolio's US rights whose numbers the notice asserts."""
        asserted = [*self.notice.asserted_patents, *self.notice.asserted_marks]
        wanted = {normalise_number(n, "US") for n in asserted}
        if not wanted:
            return
        for right in self.uow.rights.list(self.actor.organisation_id):
            number = right.registration_number
            if right.id is None or right.jurisdiction != "US" or not number:
                continue
            if normalise_number(number, "US") in wanted and right.id not in case.asserted_right_ids:
                case.asserted_right_ids = [*case.asserted_right_ids, right.id]
                self.changes.append(f"asserted right {right.display_number} linked")


def import_notice(uow: UnitOfWork, actor: Actor, path: Path, today: date) -> dict[str, Any]:
    """Create or update the investigation's case from one notice, all or nothing."""
    actor.require_write("cases")
    notice = load_notice(path)
    source = notice.fr_citation or f"{notice.notice_kind.replace('_', ' ')} notice ({path.name})"
    with uow:
        applier = _Applier(uow, actor, notice, source)
        case, created = applier.case()
        for key, role in _ROLES.items():
            for named in getattr(notice, key):
                applier.member(case, named, role)
        applier.rights(case)
        relieved = applier.dispositions(case)
        applier.remedies(case, relieved)
        if applier.refused:
            raise Conflict(
                f"{path}: not imported; the notice asks for moves the investigation does not "
                "allow:\n  " + "\n  ".join(applier.refused)
            )
        title = f"{notice.notice_kind.replace('_', ' ')}: {notice.title}"
        if not any(e.title == title and e.source == source for e in case.events):
            case.events.append(
                cases.CaseEvent(on=notice.published or today, title=title, source=source)
            )
        uow.commit()
        return {"case": case.number, "created": created, "changes": applier.changes}
