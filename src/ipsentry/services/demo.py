"""Load the demo organisations (idempotent: loading twice changes nothing).

The data lives in ``ipsentry/data/demo`` as JSON written from public facts; rights go
through the ordinary portfolio import so the demo exercises the real path.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from ipsentry.domain import accounts, cases, customs, disputes, parties
from ipsentry.domain.common import Money
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.rights import (
    AuthorisedTrader,
    NumberSeries,
    Right,
    RightKind,
    RightNumber,
    TraderRole,
)
from ipsentry.services import customs_risk, portfolio
from ipsentry.services.access import resolve_actor
from ipsentry.services.demo_disputes import load_dispute_demo
from ipsentry.services.demo_enforcement import load_enforcement_demo
from ipsentry.services.demo_health import load_health_demo
from ipsentry.services.passwords import hash_password
from ipsentry.store.unit_of_work import UnitOfWork

DEMO = resources.files("ipsentry.data").joinpath("demo")
# Every demo user's password, printed by 'make demo': the demo is for trying ipsentry out.
DEMO_PASSWORD = "ipsentry-demo-2026"


def _json(name: str) -> Any:
    return json.loads(DEMO.joinpath(name).read_text("utf-8"))


def _id(value: int | None) -> int:
    assert value is not None, "flushed records have ids"
    return value


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _money(data: dict[str, str] | None) -> Money | None:
    return Money(Decimal(data["amount"]), data["currency"]) if data else None


def _organisations(uow: UnitOfWork) -> dict[str, int]:
    ids = {}
    for spec in _json("organisations.json"):
        org = uow.organisations.by_slug(spec["slug"])
        if org is None:
            org = accounts.Organisation(
                name=spec["name"],
                slug=spec["slug"],
                kind=accounts.OrganisationKind(spec["kind"]),
                country=spec["country"],
            )
            uow.organisations.add(org)
            uow.flush()
        assert org.id is not None
        for user in spec["users"]:
            if uow.organisations.user_by_email(user["email"]) is None:
                uow.organisations.add_user(
                    accounts.User(
                        organisation_id=org.id,
                        email=user["email"],
                        name=user["name"],
                        role=accounts.Role(user["role"]),
                        password_hash=hash_password(DEMO_PASSWORD),
                    )
                )
        ids[spec["slug"]] = org.id
    uow.flush()
    for spec in _json("organisations.json"):
        _grants(uow, ids[spec["slug"]], ids, spec.get("grants", []))
    return ids


def _grants(
    uow: UnitOfWork, grantor: int, ids: dict[str, int], specs: list[dict[str, str]]
) -> None:
    given = {(g.grantee_organisation_id, g.scope) for g in uow.accounts.grants(grantor)}
    for spec in specs:
        grantee, scope = ids[spec["grantee"]], accounts.GrantScope(spec["scope"])
        if (grantee, scope) not in given:
            uow.accounts.add(
                accounts.Grant(
                    grantor_organisation_id=grantor,
                    grantee_organisation_id=grantee,
                    scope=scope,
                    created_at=datetime.now(UTC),
                    note=spec.get("note", ""),
                )
            )


_D = cases.DispositionKind


def _dispose(
    member: cases.CaseParty,
    kind: cases.DispositionKind,
    spec: dict[str, Any],
    rights: dict[str, Right],
    findings: dict[str, str],
) -> None:
    """A respondent's record through the state machine: service first where the outcome
    needs it, then the outcome, then findings on single rights (a default, then a violation
    found on the trademark)."""
    on = spec.get("dispositions_on", {})
    source = spec.get("dispositions_source", "demo data (illustrative)")
    if kind in (_D.DEFAULT, _D.VIOLATION, _D.NO_VIOLATION):
        member.move(_D.SERVED, _day(on.get("served")), source)
    if kind is not _D.NAMED:
        member.move(kind, _day(on.get(kind.value)), source)
    for reference, finding in findings.items():
        step = _D(finding)
        member.move(step, _day(on.get(step.value)), source, rights[reference].id)


class _Loader:
    def __init__(self, uow: UnitOfWork, organisation_id: int) -> None:
        self.uow, self.org = uow, organisation_id

    def right(self, reference: str) -> Right:
        office, series, number = reference.split(":")
        for kind in RightKind:
            found = self.uow.rights.find_by_number(
                self.org, RightNumber(kind, office, NumberSeries(series), number)
            )
            if found is not None:
                return found
        raise LookupError(f"demo data names {reference}, which the demo rights do not hold")

    def party(self, spec: dict[str, Any], organisation_id: int | None = None) -> parties.Party:
        org = organisation_id or self.org
        found = self.uow.records.party_by_name(org, spec["name"])
        if found is not None:
            return found
        party = parties.Party(
            organisation_id=org,
            name=spec["name"],
            country=spec.get("country", ""),
            aliases=[
                parties.PartyAlias(name=a["name"], kind=parties.AliasKind(a["kind"]))
                for a in spec.get("aliases", [])
            ],
            identifiers=[
                parties.PartyIdentifier(
                    kind=parties.IdentifierKind(i["kind"]),
                    value=i["value"],
                    issuer=i.get("issuer", ""),
                )
                for i in spec.get("identifiers", [])
            ],
            illustrative=True,
        )
        self.uow.records.add(party)
        self.uow.flush()
        return party

    def case(self, spec: dict[str, Any]) -> None:
        if self.uow.records.case_by_number(self.org, spec["number"]) is not None:
            return
        rights = {ref: self.right(ref) for ref in spec["asserted_rights"]}
        case = cases.Case(
            organisation_id=self.org,
            kind=cases.CaseKind(spec["kind"]),
            title=spec["title"],
            number=spec["number"],
            forum=spec["forum"],
            filed_on=_day(spec["filed_on"]),
            status=cases.CaseStatus(spec["status"]),
            side=cases.CaseSide(spec.get("side", cases.CaseSide.BROUGHT.value)),
            jurisdiction=spec.get("jurisdiction", ""),
            served_on=_day(spec.get("served_on")),
            asserted_right_ids=[r.id for r in rights.values() if r.id is not None],
            illustrative=spec.get("illustrative", False),
        )
        defaulters: list[int] = []
        for role, key in (
            (cases.PartyRole.COMPLAINANT, "complainants"),
            (cases.opponent_role(case.kind), "respondents"),
        ):
            for party_spec in spec[key]:
                party = self.party(party_spec)
                assert party.id is not None
                member = cases.CaseParty(
                    party_id=party.id, role=cases.PartyRole(party_spec.get("role", role))
                )
                if "disposition" in party_spec:
                    kind = cases.DispositionKind(party_spec["disposition"])
                    _dispose(member, kind, spec, rights, party_spec.get("findings", {}))
                    if kind is cases.DispositionKind.DEFAULT:
                        defaulters.append(party.id)
                case.parties.append(member)
        case.events = [
            cases.CaseEvent(on=date.fromisoformat(e["on"]), title=e["title"], source=e["source"])
            for e in spec.get("events", [])
        ]
        for remedy in spec.get("remedies", []):
            right = rights.get(remedy.get("right", ""))
            case.remedies.append(
                cases.Remedy(
                    kind=cases.RemedyKind(remedy["kind"]),
                    ordered_on=_day(remedy.get("ordered_on")),
                    against_party_id=defaulters[0]
                    if remedy.get("against") == "default" and defaulters
                    else None,
                    right_id=right.id if right else None,
                    source=remedy.get("source", ""),
                )
            )
        case.amounts = [
            cases.CaseAmount(
                kind=cases.AmountKind(a["kind"]),
                money=Money(Decimal(a["amount"]), a["currency"]),
                on=_day(a.get("on")),
                party_id=self.party({"name": a["party"]}).id if "party" in a else None,
                source=a.get("source", ""),
            )
            for a in spec.get("amounts", [])
        ]
        self.uow.records.add(case)

    def enforcement(self, data: dict[str, Any], organisation_ids: dict[str, int]) -> None:
        for spec in data["cases"]:
            self.case(spec)
        if self.uow.records.count(Observation, self.org) == 0:
            self._observations(data)
        if not self.uow.records.recordations(self.org):
            self._customs(data, organisation_ids)
        for spec in data.get("disputes", []):
            self._dispute(spec, organisation_ids[spec["provider"]])

    def _observations(self, data: dict[str, Any]) -> None:
        for spec in data["observations"]:
            fields = {k: v for k, v in spec.items() if k != "kind"}
            self.uow.records.add(
                Observation(organisation_id=self.org, kind=ObservationKind(spec["kind"]), **fields)
            )
        for trader in data["authorised_traders"]:
            party = self.party(trader)
            assert party.id is not None
            self.uow.records.add(
                AuthorisedTrader(
                    organisation_id=self.org,
                    party_id=party.id,
                    role=TraderRole(trader["role"]),
                    territory=trader["territory"],
                )
            )
        self.uow.flush()

    def _customs(self, data: dict[str, Any], organisation_ids: dict[str, int]) -> None:
        recordations = {}
        for spec in data["recordations"]:
            right = self.right(spec["right"])
            assert right.id is not None
            record = customs.Recordation(
                organisation_id=self.org,
                right_id=right.id,
                authority=customs.CustomsAuthority(spec["authority"]),
                number=spec["number"],
                goods=spec.get("goods", ""),
                identification_guide=spec.get("identification_guide", ""),
                guide=customs.IdentificationGuide.from_json(spec.get("guide", {})),
                coverage=customs.Coverage(spec.get("coverage", "imports_and_exports")),
                contact_point=spec.get("contact_point", ""),
                valid_from=_day(spec.get("valid_from")),
                valid_until=_day(spec.get("valid_until")),
                illustrative=True,
            )
            self.uow.records.add(record)
            recordations[spec["number"]] = record
        self.uow.flush()
        plans = []
        for spec in data.get("protection_plans", []):
            plan = customs.ProtectionPlan(
                organisation_id=self.org,
                customs_organisation_id=organisation_ids[spec["customs"]],
                title=spec["title"],
                ports=spec["ports"],
                routes=spec["routes"],
                product_lines=spec["product_lines"],
                starts_on=_day(spec.get("starts_on")),
                ends_on=_day(spec.get("ends_on")),
                holder_contact=spec.get("holder_contact", ""),
                customs_contact=spec.get("customs_contact", ""),
                training=spec.get("training", ""),
                recordation_ids=[_id(recordations[n].id) for n in spec["recordations"]],
                illustrative=True,
            )
            self.uow.customs.add(plan)
            plans.append(plan)
        self.uow.flush()
        declarations = {o.external_id: o for o in self.uow.records.observations(self.org)}
        for spec in data["detentions"]:
            self.uow.records.add(self._detention(spec, recordations, declarations, plans,
                                                 organisation_ids))  # fmt: skip
        for spec in data["seizure_batches"]:
            self.uow.records.add(
                customs.SeizureBatch(
                    organisation_id=self.org,
                    authority=customs.CustomsAuthority(spec["authority"]),
                    seized_on=date.fromisoformat(spec["seized_on"]),
                    quantity=spec["quantity"],
                    goods=spec["goods"],
                    source=spec["source"],
                    illustrative=True,
                )
            )

    def _detention(
        self,
        spec: dict[str, Any],
        recordations: dict[str, customs.Recordation],
        declarations: dict[str, Observation],
        plans: list[customs.ProtectionPlan],
        organisation_ids: dict[str, int],
    ) -> customs.Detention:
        declaration = declarations.get(spec.get("declaration", ""))
        office = spec.get("customs", "shenzhen-customs-demo")
        texts = ("port", "member_state", "costs_borne_by", "declarant", "consignor",
                 "consignee", "address", "note")  # fmt: skip
        return customs.Detention(
            organisation_id=self.org,
            authority=customs.CustomsAuthority(spec["authority"]),
            detained_on=date.fromisoformat(spec["detained_on"]),
            goods=spec["goods"],
            quantity=spec["quantity"],
            recordation_id=recordations[spec["recordation"]].id,
            declaration_id=declaration.id if declaration else None,
            status=customs.DetentionStatus(spec["status"]),
            notified_on=_day(spec.get("notified_on")),
            confirmed_on=_day(spec.get("confirmed_on")),
            seized_on=_day(spec.get("seized_on")),
            closed_on=_day(spec.get("closed_on")),
            security=_money(spec.get("security")),
            value=_money(spec.get("value")),
            storage_cost=_money(spec.get("storage_cost")),
            destruction_cost=_money(spec.get("destruction_cost")),
            finding=customs.Finding(spec.get("finding", "undetermined")),
            direction=customs.Direction(spec.get("direction", "import")),
            small_consignment=bool(spec.get("small_consignment")),
            customs_organisation_id=organisation_ids[office],
            protection_plan_id=plans[0].id if spec.get("plan") and plans else None,
            illustrative=True,
            **{name: spec.get(name, "") for name in texts},
        )

    def _dispute(self, spec: dict[str, Any], provider_id: int) -> None:
        if self.uow.records.dispute_by_title(provider_id, spec["title"]) is not None:
            return
        claimant = self.party({"name": spec["claimant"]}, provider_id)
        respondent = self.party({"name": spec["respondent"]}, provider_id)
        assert claimant.id is not None and respondent.id is not None
        self.uow.records.add(
            disputes.Dispute(
                provider_organisation_id=provider_id,
                title=spec["title"],
                claimant_party_id=claimant.id,
                respondent_party_id=respondent.id,
                received_on=date.fromisoformat(spec["received_on"]),
                claims=spec["claims"],
                amount=_money(spec.get("amount")),
                status=disputes.DisputeStatus(spec["status"]),
                sessions=[
                    disputes.MediationSession(
                        held_on=date.fromisoformat(s["held_on"]),
                        mediator=s["mediator"],
                        notes=s["notes"],
                    )
                    for s in spec["sessions"]
                ],
                outcome=disputes.OutcomeKind(spec["outcome"]),
                outcome_on=_day(spec.get("outcome_on")),
                assigned_user_id=self._user_id(spec.get("lawyer")),
                mediator_user_id=self._user_id(spec.get("mediator")),
                illustrative=True,
            )
        )

    def _user_id(self, email: str | None) -> int | None:
        user = self.uow.organisations.user_by_email(email) if email else None
        return user.id if user else None


def demo_users() -> list[dict[str, str]]:
    """Each demo user with their role and organisation (they sign in with DEMO_PASSWORD)."""
    return [
        {"email": user["email"], "role": user["role"], "organisation": spec["slug"]}
        for spec in _json("organisations.json")
        for user in spec["users"]
    ]


def _score_declarations(uow: UnitOfWork) -> None:
    """A week of declarations scored by the demo customs office: its targeting queue."""
    with uow:
        officer = resolve_actor(uow, "shenzhen-customs-demo", "officer@customs-demo.example")
        if uow.customs.queue(officer.organisation_id, status=None, limit=1):
            return
    with resources.as_file(DEMO.joinpath("declarations-week.csv")) as week:
        customs_risk.score_file(uow, officer, week, illustrative=True)


def load_demo(uow: UnitOfWork) -> dict[str, int]:
    """Create or complete the demo; returns counts of what the demo organisation holds."""
    data = _json("enforcement.json")
    with uow:
        organisation_ids = _organisations(uow)
        uow.commit()
    with uow:
        counsel = resolve_actor(uow, data["organisation"], "counsel@smoore-demo.example")
    with resources.as_file(DEMO.joinpath("rights.json")) as rights_file:
        portfolio.import_rights(uow, counsel, rights_file)
    with uow:
        _Loader(uow, counsel.organisation_id).enforcement(data, organisation_ids)
        uow.records.audit(
            accounts.AuditEntry(
                at=datetime.now(UTC), action="demo.load", organisation_id=counsel.organisation_id
            )
        )
        uow.commit()
    load_health_demo(uow)
    load_dispute_demo(uow)
    _score_declarations(uow)
    load_enforcement_demo(uow)
    with uow:
        org = counsel.organisation_id
        return {
            "rights": len(uow.rights.list(org)),
            "cases": uow.records.count(cases.Case, org),
            "observations": uow.records.count(Observation, org),
            "recordations": len(uow.records.recordations(org)),
            "detentions": len(uow.records.detentions(org)),
        }


def demo_patent_corpus() -> list[dict[str, Any]]:
    """The demo's public patents as a patent corpus (number, title, abstract, claims). The
    patent search serves every role, viewers included, so nothing marked goes in."""
    rights = json.loads(DEMO.joinpath("rights.json").read_text("utf-8"))
    return [
        {
            "number": r["jurisdiction"] + r["registration_number"],
            "title": r["title"],
            "abstract": r.get("abstract", ""),
            "claims": r.get("claims", ""),
        }
        for r in rights
        if r["kind"] == "patent" and r.get("confidentiality", "confidential") == "public"
    ]


def build_demo_patent_index(out: Path, *, dense: bool = False) -> dict[str, Any]:
    """The demo's patent index (``IPSENTRY_PATENT_INDEX``), lexical unless ``dense``."""
    from ipsentry.services.patent_search import build_index

    return build_index(demo_patent_corpus(), out, dense=dense)
