"""What each customs authority may do with detained goods, and by when, as rules in code.

One :class:`Procedure` per authority: the steps a detention may take (every other step is
refused), the periods that run from each event, counted on that country's working-day
calendar (``domain.deadlines.calendars``: China's holidays and make-up working days, US
federal holidays, each EU member state's public holidays), and what may be recorded.
Every step and period names its legal source. Rules change: bump ``PROCEDURE_VERSION`` and
keep the hand-worked dates of ``tests/unit/test_border_procedure.py`` in step.

The states are the same everywhere (``DetentionStatus``); what they mean differs, and the
procedure says so:
- China (Regulations on Customs Protection of IPR, 2018 revision; GACC Implementing
  Measures): *detained* is the hold on suspicion (ex officio, art. 16) or the detention on
  the rights holder's application (art. 15); *confirmed* is the holder's application for
  detention with security posted within 3 working days of the notice; *seized* is the
  confiscation after customs finds infringement (art. 27).
- EU (Regulation (EU) No 608/2013): *detained* is the suspension of release or detention
  (art. 17/18); *confirmed* is the holder's written confirmation of infringement and consent
  to destruction within 10 working days (3 for perishable goods) of the notification, art. 23.
- US (19 CFR Part 133; 19 USC 1526(e), 1337): *detained* is the detention of articles
  suspected of bearing counterfeit or copying marks; *seized* is seizure and forfeiture
  (counterfeit, 133.21) — articles with merely confusingly similar marks are released once
  the marks are removed or the goods exported (133.22, 133.25); ITC exclusion orders are
  enforced by refusing entry (19 USC 1337(d), 19 CFR 12.39).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ipsentry.domain.common import Money
from ipsentry.domain.customs import Basis, CustomsAuthority, Detention, DetentionStatus, Finding
from ipsentry.domain.deadlines.calendars import EU_MEMBER_STATES, office_calendar

PROCEDURE_VERSION = "2026.1"

S = DetentionStatus
_CN_REGS = "Regulations of the PRC on Customs Protection of Intellectual Property Rights (2018)"
_CN_MEASURES = "GACC Implementing Measures of the Regulations on Customs Protection of IPR"
_EU = "Regulation (EU) No 608/2013"
_US = "19 CFR Part 133"


class Clock(enum.StrEnum):
    WORKING = "working days"
    CALENDAR = "days"


@dataclass(frozen=True)
class Period:
    """A period that runs from one event of a detention and what happens when it ends."""

    key: str
    title: str
    days: int
    clock: Clock
    starts: str  # the Detention field the period counts from
    consequence: str
    source: str


@dataclass(frozen=True)
class Facts:
    """What a procedure needs to know of a detention to pick its steps and periods."""

    basis: Basis = Basis.EX_OFFICIO
    finding: Finding = Finding.UNDETERMINED
    perishable: bool = False
    small_consignment: bool = False
    extended: bool = False  # an extension of the EU period was granted (art. 23(4))
    member_state: str = ""  # EU: the customs department's member state


@dataclass(frozen=True)
class Step:
    to: DetentionStatus
    source: str


@dataclass(frozen=True)
class ProcedureDeadline:
    """One period of one detention, worked out on the country's calendar."""

    key: str
    title: str
    due: date
    consequence: str
    rule: str  # key@PROCEDURE_VERSION
    source: str
    derivation: str


@dataclass(frozen=True)
class Procedure:
    authority: CustomsAuthority
    name: str
    source: str
    calendar: str  # office code of the working-day calendar
    recordable: frozenset[str]  # kinds of right customs records (RightKind values, copyright)
    recordable_source: str
    recordation_years: int | None
    steps: Mapping[DetentionStatus, tuple[Step, ...]]

    def allowed(self, status: DetentionStatus, facts: Facts) -> tuple[Step, ...]:
        return tuple(s for s in self.steps.get(status, ()) if _applies(self, s, facts))

    def refusal(self, status: DetentionStatus, to: DetentionStatus, facts: Facts) -> str | None:
        """Why ``status`` may not become ``to`` under this procedure, or None when it may."""
        if any(s.to is to for s in self.allowed(status, facts)):
            return None
        options = ", ".join(s.to.value for s in self.allowed(status, facts)) or "nothing (closed)"
        return (
            f"under {self.name} a {status.value} detention cannot become {to.value}"
            f" (it may become: {options})"
        )

    def calendar_code(self, facts: Facts) -> str:
        if self.authority is CustomsAuthority.EU:
            state = facts.member_state.upper()
            return f"EU-{state}" if state in EU_MEMBER_STATES else "EU"
        return self.calendar


def _applies(procedure: Procedure, step: Step, facts: Facts) -> bool:
    """Steps that depend on the facts: the US seizes counterfeits and goods under an
    exclusion order but not goods with merely similar marks; China confirms only on the
    ex-officio route (on application the holder applied and posted security up front)."""
    authority = procedure.authority
    if authority is CustomsAuthority.US_CBP and step.to is S.SEIZED:
        return facts.finding in (Finding.COUNTERFEIT, Finding.EXCLUSION_ORDER)
    if authority is CustomsAuthority.CN_GACC and step.to is S.CONFIRMED:
        return facts.basis is Basis.EX_OFFICIO
    if authority is CustomsAuthority.EU and step.to is S.DESTROYED:
        # straight from notification only in the small-consignment procedure
        return step.source.find("art. 26") < 0 or facts.small_consignment
    return True


def _steps(
    table: dict[DetentionStatus, list[tuple[DetentionStatus, str]]],
) -> dict[DetentionStatus, tuple[Step, ...]]:
    return {status: tuple(Step(to, src) for to, src in rows) for status, rows in table.items()}


CHINA = Procedure(
    authority=CustomsAuthority.CN_GACC,
    name="China (GACC)",
    source=f"{_CN_REGS}; {_CN_MEASURES}",
    calendar="CN",
    recordable=frozenset({"trademark", "patent", "copyright"}),
    recordable_source=f"{_CN_REGS} art. 2, 7 (trademarks, copyrights, patents)",
    recordation_years=10,
    steps=_steps(
        {
            S.DETAINED: [(S.NOTIFIED, f"{_CN_REGS} art. 16 (written notice to the holder)")],
            S.NOTIFIED: [
                (S.CONFIRMED, f"{_CN_REGS} art. 16; {_CN_MEASURES} art. 24 (security)"),
                (S.RELEASED, f"{_CN_REGS} art. 16 (no application or security in time)"),
                (S.HANDED_OVER, f"{_CN_REGS} art. 23 (court order on the holder's request)"),
            ],
            S.CONFIRMED: [
                (S.SEIZED, f"{_CN_REGS} art. 20, 27 (infringement found: confiscation)"),
                (S.RELEASED, f"{_CN_REGS} art. 24 (no infringement found, no court notice)"),
                (S.HANDED_OVER, f"{_CN_REGS} art. 23, 24 (court assistance notice)"),
            ],
            S.SEIZED: [(S.DESTROYED, f"{_CN_REGS} art. 27 (destruction of confiscated goods)")],
        }
    ),
)

EUROPEAN_UNION = Procedure(
    authority=CustomsAuthority.EU,
    name="EU (Regulation 608/2013)",
    source=_EU,
    calendar="EU",
    recordable=frozenset({"trademark", "patent", "copyright"}),
    recordable_source=f"{_EU} art. 2(1) (intellectual property rights it covers), art. 3",
    recordation_years=1,
    steps=_steps(
        {
            S.DETAINED: [
                (S.NOTIFIED, f"{_EU} art. 17(3), 18(3) (notification within one working day)"),
                (S.RELEASED, f"{_EU} art. 18(4) (no application for action submitted)"),
            ],
            S.NOTIFIED: [
                (S.CONFIRMED, f"{_EU} art. 23(1)(a)-(b) (holder confirms and consents)"),
                (S.DESTROYED, f"{_EU} art. 26(5)-(7) (small consignment: deemed consent)"),
                (S.RELEASED, f"{_EU} art. 23(5) (no confirmation within the period)"),
                (S.HANDED_OVER, f"{_EU} art. 23(3) (proceedings initiated)"),
            ],
            S.CONFIRMED: [
                (S.DESTROYED, f"{_EU} art. 23(1)(c) (declarant agrees or is deemed to agree)"),
                (S.HANDED_OVER, f"{_EU} art. 23(3) (declarant objects: proceedings)"),
                (S.RELEASED, f"{_EU} art. 23(5) (no proceedings initiated in time)"),
            ],
        }
    ),
)

UNITED_STATES = Procedure(
    authority=CustomsAuthority.US_CBP,
    name="US (CBP)",
    source=f"{_US}; 19 USC 1526(e), 1337",
    calendar="US",
    recordable=frozenset({"trademark", "copyright"}),
    recordable_source=f"{_US} subparts A and D (registered marks per class, copyrights; "
    "patents are not recorded: they reach the border through ITC exclusion orders)",
    recordation_years=None,  # runs with the registration (133.4)
    steps=_steps(
        {
            S.DETAINED: [
                (S.NOTIFIED, f"{_US}.21(b)(1) (notice of detention to the importer)"),
                (S.RELEASED, f"{_US}.21(b)(4) (admissible)"),
            ],
            S.NOTIFIED: [
                (S.CONFIRMED, f"{_US}.21(b)(3)-(5) (owner confirms the mark is counterfeit)"),
                (S.SEIZED, f"{_US}.21(b)(5); 19 USC 1526(e), 1337(i) (counterfeit seized)"),
                (S.RELEASED, f"{_US}.22(c), 133.25 (similar marks removed, or admissible)"),
            ],
            S.CONFIRMED: [
                (S.SEIZED, f"{_US}.21(b)(5); 19 USC 1526(e) (seizure and forfeiture)"),
                (S.RELEASED, f"{_US}.21(b)(4) (found not counterfeit)"),
            ],
            S.SEIZED: [
                (S.DESTROYED, f"{_US}.52 (forfeited articles destroyed absent owner's consent)"),
                (S.RELEASED, "19 USC 1618 (remission on petition)"),
            ],
        }
    ),
)

OTHER = Procedure(
    authority=CustomsAuthority.OTHER,
    name="another customs authority (no procedure held)",
    source="no jurisdiction-specific rules held: the common order of steps only",
    calendar="",
    recordable=frozenset({"trademark", "patent", "copyright"}),
    recordable_source="",
    recordation_years=None,
    steps=_steps(
        {
            S.DETAINED: [(S.NOTIFIED, ""), (S.RELEASED, "")],
            S.NOTIFIED: [(S.CONFIRMED, ""), (S.RELEASED, ""), (S.HANDED_OVER, "")],
            S.CONFIRMED: [(S.SEIZED, ""), (S.RELEASED, ""), (S.HANDED_OVER, "")],
            S.SEIZED: [(S.DESTROYED, ""), (S.RELEASED, "")],
        }
    ),
)

PROCEDURES: dict[CustomsAuthority, Procedure] = {
    p.authority: p for p in (CHINA, EUROPEAN_UNION, UNITED_STATES, OTHER)
}


def procedure_for(authority: CustomsAuthority) -> Procedure:
    return PROCEDURES[authority]


def facts_of(detention: Detention) -> Facts:
    return Facts(
        basis=detention.basis,
        finding=detention.finding,
        perishable=detention.perishable,
        small_consignment=detention.small_consignment,
        extended=detention.extended,
        member_state=detention.member_state,
    )


def advance(detention: Detention, to: DetentionStatus, on: date) -> str:
    """Moves ``detention`` to ``to`` on ``on`` if its authority's procedure allows it, and
    returns the legal source of the step; raises ValueError (saying what is allowed) if not."""
    procedure = procedure_for(detention.authority)
    facts = facts_of(detention)
    refusal = procedure.refusal(detention.status, to, facts)
    if refusal is not None:
        raise ValueError(refusal)
    step = next(s for s in procedure.allowed(detention.status, facts) if s.to is to)
    events = (detention.detained_on, detention.notified_on, detention.confirmed_on,
              detention.seized_on)  # fmt: skip
    latest = max(d for d in events if d is not None)
    if on < latest:
        raise ValueError(
            f"{to.value} on {on.isoformat()} is before the detention's last step"
            f" ({latest.isoformat()})"
        )
    if to is S.NOTIFIED:
        detention.notified_on = on
    elif to is S.CONFIRMED:
        detention.confirmed_on = on
    elif to is S.SEIZED:
        detention.seized_on = on
    if to.closed:
        detention.closed_on = on
    detention.status = to
    return step.source


# --- periods --------------------------------------------------------------------------
def _cn_periods(facts: Facts) -> list[Period]:
    if facts.basis is Basis.ON_APPLICATION:
        return [
            Period(
                "CN.customs.court_notice_on_application",
                "Court assistance notice (else release)",
                20,
                Clock.WORKING,
                "detained_on",
                "customs releases the goods unless a court's assistance notice arrives",
                f"{_CN_REGS} art. 24(1)",
            )
        ]
    return [
        Period(
            "CN.customs.apply_and_secure",
            "Apply for detention and post security",
            3,
            Clock.WORKING,
            "notified_on",
            "customs may not detain the goods: they are released",
            f"{_CN_REGS} art. 16; {_CN_MEASURES} art. 24 (security by value of goods)",
        ),
        Period(
            "CN.customs.investigation",
            "Customs finds whether the goods infringe",
            30,
            Clock.WORKING,
            "confirmed_on",
            "customs tells the holder it cannot decide; the holder may go to court",
            f"{_CN_REGS} art. 20",
        ),
        Period(
            "CN.customs.court_notice_ex_officio",
            "Court assistance notice or finding of infringement (else release)",
            50,
            Clock.WORKING,
            "confirmed_on",
            "customs releases the goods unless it found infringement or a court notice came",
            f"{_CN_REGS} art. 24(2)",
        ),
    ]


def _eu_periods(facts: Facts) -> list[Period]:
    if facts.small_consignment:
        return [
            Period(
                "EU.customs.small_consignment_views",
                "Declarant's views on destruction (small consignment)",
                10,
                Clock.WORKING,
                "notified_on",
                "the declarant is deemed to consent: the goods may be destroyed",
                f"{_EU} art. 26(4)-(5)",
            )
        ]
    days = 3 if facts.perishable else 10 + (10 if facts.extended else 0)
    what = "perishable goods" if facts.perishable else "extended by 10" if facts.extended else ""
    return [
        Period(
            "EU.customs.confirm_infringement",
            "Holder confirms infringement and consents to destruction"
            + (f" ({what})" if what else ""),
            days,
            Clock.WORKING,
            "notified_on",
            "the goods are released unless proceedings were initiated",
            f"{_EU} art. 23(1), 23(3)" + ("" if facts.perishable else ", 23(4) (extension)"),
        ),
        Period(
            "EU.customs.declarant_consent",
            "Declarant confirms or opposes destruction (silence is consent)",
            days,
            Clock.WORKING,
            "notified_on",
            "the declarant is deemed to consent to destruction",
            f"{_EU} art. 23(1)(c)",
        ),
    ]


def _us_periods(facts: Facts) -> list[Period]:
    return [
        Period(
            "US.customs.notice_of_detention",
            "CBP issues the notice of detention",
            5,
            Clock.WORKING,
            "detained_on",
            "the importer must be told why the goods are held",
            f"{_US}.21(b)(1)",
        ),
        Period(
            "US.customs.importer_reply",
            "Importer shows the mark is not counterfeit",
            7,
            Clock.WORKING,
            "notified_on",
            "CBP may disclose the importer's data to the mark owner",
            f"{_US}.21(b)(2)-(3)",
        ),
        Period(
            "US.customs.admissibility",
            "CBP decides on admissibility",
            30,
            Clock.CALENDAR,
            "detained_on",
            "the goods are deemed excluded (19 USC 1499(c)(5))",
            f"{_US}.21(b)(1); 19 USC 1499(c)",
        ),
    ]


_PERIODS = {
    CustomsAuthority.CN_GACC: _cn_periods,
    CustomsAuthority.EU: _eu_periods,
    CustomsAuthority.US_CBP: _us_periods,
}


def periods(authority: CustomsAuthority, facts: Facts) -> list[Period]:
    rules = _PERIODS.get(authority)
    return rules(facts) if rules else []


def period_deadlines(
    authority: CustomsAuthority, facts: Facts, events: Mapping[str, date | None]
) -> list[ProcedureDeadline]:
    """Each period whose starting event has happened, with its due date and derivation."""
    found = []
    for period in periods(authority, facts):
        start = events.get(period.starts)
        if start is None:
            continue
        calendar = office_calendar(procedure_for(authority).calendar_code(facts))
        if period.clock is Clock.WORKING:
            due, note = calendar.working_days_after(start, period.days)
        else:
            due, note = start + timedelta(days=period.days), ""
        how = f"{period.starts.removesuffix('_on')} {start.isoformat()} + {period.days} "
        how += f"{period.clock.value} ({calendar.code}) = {due.isoformat()}"
        found.append(
            ProcedureDeadline(
                key=period.key,
                title=period.title,
                due=due,
                consequence=period.consequence,
                rule=f"{period.key}@{PROCEDURE_VERSION}",
                source=period.source,
                derivation="; ".join(p for p in (how, note) if p),
            )
        )
    return found


def detention_deadlines(detention: Detention) -> list[ProcedureDeadline]:
    events = {
        "detained_on": detention.detained_on,
        "notified_on": detention.notified_on,
        "confirmed_on": detention.confirmed_on,
    }
    return period_deadlines(detention.authority, facts_of(detention), events)


_TWENTY_THOUSAND = Decimal(20_000)
_CN_SECURITY_CAP = Decimal(100_000)


def cn_security(goods_value: Money) -> tuple[Money, str]:
    """The security China asks on the ex-officio route, by the value of the goods (in
    CNY): the value itself below 20,000; half of it (at least 20,000) up to 200,000; 100,000
    above. (On application the security equals the value of the goods, art. 22.)"""
    source = f"{_CN_MEASURES} art. 24"
    if goods_value.currency != "CNY":
        raise ValueError(f"the value of the goods must be in CNY, not {goods_value.currency}")
    amount = goods_value.amount
    if amount < _TWENTY_THOUSAND:
        return Money(amount, "CNY"), source
    if amount <= 10 * _TWENTY_THOUSAND:
        return Money(max(amount / 2, _TWENTY_THOUSAND), "CNY"), source
    return Money(_CN_SECURITY_CAP, "CNY"), source
