"""The deadline rules of each office, one function per rule, each citing its source.

Every rule yields :class:`Deadline` values whose ``derivation`` says how the date was
reached, so a paralegal can check it against the statute. Rules change; bump
``RULESET_VERSION`` and keep the tests' hand-worked dates in step when they do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from ipsentry.domain.customs import CustomsAuthority, Recordation
from ipsentry.domain.deadlines.calendars import office_calendar
from ipsentry.domain.deadlines.model import RULESET_VERSION, Deadline, DeadlineKind
from ipsentry.domain.rights import FilingBasis, Patent, PatentType, Right, Trademark

SIX_MONTHS = relativedelta(months=6)


def _rule(name: str) -> str:
    return f"{name}@{RULESET_VERSION}"


def _deadline(
    right: Right | None,
    office: str,
    kind: DeadlineKind,
    title: str,
    nominal_due: date,
    rule: str,
    derivation: str,
    *,
    opens: date | None = None,
    grace: relativedelta | None = None,
) -> Deadline:
    """Moves the due date and the end of grace off the office's closed days."""
    calendar = office_calendar(office)
    due, moved = calendar.on_or_after(nominal_due)
    notes = [derivation + f" = {nominal_due.isoformat()}"]
    if moved:
        notes.append(moved)
    grace_until = None
    if grace is not None:
        grace_until, grace_moved = calendar.on_or_after(nominal_due + grace)
        notes.append(f"grace ends {(nominal_due + grace).isoformat()}")
        if grace_moved:
            notes.append(grace_moved)
    return Deadline(
        office=office,
        kind=kind,
        title=title,
        due=due,
        rule=_rule(rule),
        derivation="; ".join(notes),
        right_id=right.id if right else None,
        right_label=right.display_number if right else "",
        opens=opens,
        grace_until=grace_until,
    )


# --- patents ----------------------------------------------------------------------------
def patent_expiry(patent: Patent) -> tuple[date, str] | None:
    """Nominal end of term and the rule, where the dates to compute it are known."""
    years = {
        ("US", PatentType.UTILITY): (20, "filing"),
        ("US", PatentType.PLANT): (20, "filing"),
        ("US", PatentType.DESIGN): (15, "grant"),
        ("CN", PatentType.UTILITY): (20, "filing"),
        ("CN", PatentType.UTILITY_MODEL): (10, "filing"),
        ("CN", PatentType.DESIGN): (15, "filing"),
        ("EP", PatentType.UTILITY): (20, "filing"),
    }.get((patent.jurisdiction, patent.patent_type))
    if years is None:
        return None
    term, start_name = years
    # Designs filed before a term change keep the old term: CN 10 years before the 2021
    # amendment, US 14 years before the Hague implementation of 13 May 2015.
    old_design_terms = {"CN": (date(2021, 6, 1), 10), "US": (date(2015, 5, 13), 14)}
    if patent.patent_type is PatentType.DESIGN and patent.jurisdiction in old_design_terms:
        changed_on, old_term = old_design_terms[patent.jurisdiction]
        if patent.filing_date and patent.filing_date < changed_on:
            term = old_term
    start = patent.filing_date if start_name == "filing" else patent.registration_date
    if start is None:
        return None
    return start + relativedelta(years=term), f"{term} years from {start_name} ({start})"


def _patent_expiry(patent: Patent) -> Iterator[Deadline]:
    expiry = patent_expiry(patent)
    if expiry is None:
        return
    end, how = expiry
    yield Deadline(
        office=patent.jurisdiction,
        kind=DeadlineKind.EXPIRY,
        title="End of patent term (before any term adjustment or extension)",
        due=end,
        rule=_rule(f"{patent.jurisdiction}.patent.term"),
        derivation=f"term of {how} = {end.isoformat()}",
        right_id=patent.id,
        right_label=patent.display_number,
    )


def _us_maintenance_fees(patent: Patent) -> Iterator[Deadline]:
    """37 CFR 1.362: due 3.5, 7.5, 11.5 years from grant; window opens 6 months
    before; payable with surcharge in the 6 months after."""
    grant = patent.registration_date
    if patent.patent_type is not PatentType.UTILITY or grant is None:
        return
    for years, label in ((3, "3.5"), (7, "7.5"), (11, "11.5")):
        nominal = grant + relativedelta(years=years, months=6)
        yield _deadline(
            patent,
            "US",
            DeadlineKind.MAINTENANCE_FEE,
            f"Maintenance fee due at {label} years",
            nominal,
            "US.patent.maintenance_fee",
            f"grant {grant.isoformat()} + {label} years",
            opens=grant + relativedelta(years=years),
            grace=SIX_MONTHS,
        )


def _cn_annual_fees(patent: Patent) -> Iterator[Deadline]:
    """CN Implementing Rules (2023) r. 114-116: after the grant year, each annual fee is
    due by the anniversary of the filing date; 6 months' grace with a late fee."""
    filed, grant = patent.filing_date, patent.registration_date
    expiry = patent_expiry(patent)
    if filed is None or grant is None or expiry is None:
        return
    year = 1
    while True:
        anniversary = filed + relativedelta(years=year)
        if anniversary >= expiry[0]:
            return
        if anniversary > grant:
            yield _deadline(
                patent,
                "CN",
                DeadlineKind.ANNUAL_FEE,
                f"Annual fee for patent year {year + 1}",
                anniversary,
                "CN.patent.annual_fee",
                f"filing {filed.isoformat()} + {year} years",
                grace=SIX_MONTHS,
            )
        year += 1


def _ep_renewal_fees(patent: Patent) -> Iterator[Deadline]:
    """EPC Art. 86, r. 51: renewal fees for the 3rd and each later year of a pending
    application, due on the last day of the month of the filing anniversary; 6 months'
    grace with surcharge. After grant the fees go to the national offices."""
    filed = patent.filing_date
    if filed is None or patent.registration_date is not None:
        return
    for year in range(2, 20):
        anniversary = filed + relativedelta(years=year)
        month_end = anniversary + relativedelta(day=31)
        yield _deadline(
            patent,
            "EP",
            DeadlineKind.ANNUAL_FEE,
            f"Renewal fee for year {year + 1} of the European application",
            month_end,
            "EP.application.renewal_fee",
            f"filing {filed.isoformat()} + {year} years, to the end of that month",
            opens=month_end - relativedelta(months=3),
            grace=SIX_MONTHS,
        )


# --- trademarks -------------------------------------------------------------------------
def _renewals(
    mark: Trademark, office: str, start: date, rule: str, source: str, window: relativedelta
) -> Iterator[Deadline]:
    for term in range(1, 11):
        nominal = start + relativedelta(years=10 * term)
        yield _deadline(
            mark,
            office,
            DeadlineKind.RENEWAL,
            f"Renewal of the registration ({10 * term} years)",
            nominal,
            rule,
            f"{source} {start.isoformat()} + {10 * term} years",
            opens=nominal - window,
            grace=SIX_MONTHS,
        )


def _us_mark(mark: Trademark) -> Iterator[Deadline]:
    """15 USC 1058/1059/1141k: declaration of use between years 5 and 6, then a
    declaration with renewal every 10 years (window: the year before), 6 months' grace.
    A Madrid (66(a)) designation files Section 71 declarations, renewing at WIPO."""
    registered = mark.registration_date
    if registered is None:
        return
    madrid = mark.filing_basis is FilingBasis.MADRID_DESIGNATION
    section = "71" if madrid else "8"
    sixth = registered + relativedelta(years=6)
    yield _deadline(
        mark,
        "US",
        DeadlineKind.DECLARATION_OF_USE,
        f"Section {section} declaration of use (years 5-6)",
        sixth,
        f"US.mark.section{section}_declaration",
        f"registration {registered.isoformat()} + 6 years",
        opens=registered + relativedelta(years=5),
        grace=SIX_MONTHS,
    )
    if madrid:
        return
    yield from _renewals(
        mark,
        "US",
        registered,
        "US.mark.section8_9_renewal",
        "registration",
        relativedelta(years=1),
    )


def _cn_mark(mark: Trademark) -> Iterator[Deadline]:
    """CN Trademark Law art. 39-40: 10 years from registration; renew in the 12 months
    before expiry, or in 6 months' grace."""
    if mark.registration_date is not None:
        yield from _renewals(
            mark,
            "CN",
            mark.registration_date,
            "CN.mark.renewal",
            "registration",
            relativedelta(months=12),
        )


def _eu_mark(mark: Trademark) -> Iterator[Deadline]:
    """EUTMR art. 52-53: 10 years from the filing date; renew in the 6 months before
    expiry, or in 6 months' grace."""
    if mark.filing_date is not None:
        yield from _renewals(mark, "EM", mark.filing_date, "EM.mark.renewal", "filing", SIX_MONTHS)


def _madrid_mark(mark: Trademark) -> Iterator[Deadline]:
    """Madrid Protocol art. 6-7: the international registration runs 10 years from its
    date; 6 months' grace with surcharge."""
    start = mark.registration_date or mark.filing_date
    if start is not None:
        yield from _renewals(
            mark, "WO", start, "WO.mark.renewal", "international registration", SIX_MONTHS
        )


# --- opposition windows -----------------------------------------------------------------
OPPOSITION_PERIODS: dict[tuple[str, str], tuple[relativedelta, str]] = {
    ("US", "trademark"): (relativedelta(days=30), "15 USC 1063: 30 days from publication"),
    ("CN", "trademark"): (relativedelta(months=3), "CN TM Law art. 33: 3 months"),
    ("EM", "trademark"): (relativedelta(months=3), "EUTMR art. 46: 3 months"),
    ("EP", "patent"): (relativedelta(months=9), "EPC art. 99: 9 months from grant"),
}


def opposition_window(right: Right, published: date | None = None) -> Deadline | None:
    """The last day a third party may oppose ``right``; for watch hits and own rights alike."""
    start = published or (
        right.registration_date if right.jurisdiction == "EP" else right.publication_date
    )
    period = OPPOSITION_PERIODS.get((right.jurisdiction, right.kind.value))
    if start is None or period is None:
        return None
    length, source = period
    return _deadline(
        right,
        right.jurisdiction,
        DeadlineKind.OPPOSITION_WINDOW,
        "End of the opposition period",
        start + length,
        f"{right.jurisdiction}.{right.kind.value}.opposition",
        f"{source}: publication {start.isoformat()} + {length.days or length.months}"
        f" {'days' if length.days else 'months'}",
        opens=start,
    )


# --- dispatch ---------------------------------------------------------------------------
_PATENT_RULES: dict[str, list[Callable[[Patent], Iterator[Deadline]]]] = {
    "US": [_us_maintenance_fees, _patent_expiry],
    "CN": [_cn_annual_fees, _patent_expiry],
    "EP": [_ep_renewal_fees, _patent_expiry],
}
_MARK_RULES: dict[str, Callable[[Trademark], Iterator[Deadline]]] = {
    "US": _us_mark,
    "CN": _cn_mark,
    "EM": _eu_mark,
    "WO": _madrid_mark,
}


def deadlines_for_right(right: Right) -> list[Deadline]:
    """Every deadline of a right, cancelled (and kept, so people see why) if it is dead."""
    found: list[Deadline] = []
    if isinstance(right, Patent):
        for rule in _PATENT_RULES.get(right.jurisdiction, []):
            found.extend(rule(right))
        expiry = patent_expiry(right)
        if expiry is not None:
            found = [d for d in found if d.kind is DeadlineKind.EXPIRY or d.due < expiry[0]]
    elif isinstance(right, Trademark):
        mark_rule = _MARK_RULES.get(right.jurisdiction)
        if mark_rule is not None:
            found.extend(mark_rule(right))
    if right.status.value in ("published", "opposed"):
        window = opposition_window(right)
        if window is not None:
            found.append(window)
    if not right.status.is_alive:
        found = [d.cancel(f"the right is {right.status.value}") for d in found]
    return sorted(found, key=lambda d: d.due)


def deadlines_for_recordation(record: Recordation, right: Right | None) -> list[Deadline]:
    """Customs recordations lapse unless renewed: CN (GACC, 10 years; apply in the 6 months
    before expiry), EU (application for action; ask for extension 30 working days before
    it ends), US (CBP; renew within 3 months after the registration is renewed)."""
    if record.valid_until is None:
        return []
    until = record.valid_until
    label = f"{record.authority.value} recordation {record.number}"
    if record.authority is CustomsAuthority.EU:
        calendar = office_calendar("EU")
        due = calendar.add_working_days(until, -30)
        found = Deadline(
            office="EU",
            kind=DeadlineKind.RECORDATION_RENEWAL,
            title="Request to extend the application for action",
            due=due,
            rule=_rule("EU.customs.afa_extension"),
            derivation=f"Reg. 608/2013 art. 13: {until.isoformat()} - 30 working days",
            right_id=record.right_id,
            right_label=label,
        )
    else:
        office = "CN" if record.authority is CustomsAuthority.CN_GACC else "US"
        window = SIX_MONTHS if office == "CN" else relativedelta(months=3)
        found = _deadline(
            right,
            office,
            DeadlineKind.RECORDATION_RENEWAL,
            "Renewal of the customs recordation",
            until,
            f"{office}.customs.recordation_renewal",
            f"recordation valid until {until.isoformat()}",
            opens=until - window if office == "CN" else None,
            grace=window if office == "US" else None,
        )
        found = replace(found, right_label=label)
    if right is not None and not right.status.is_alive:
        return [found.cancel(f"the recorded right is {right.status.value}")]
    return [found]
