"""The deadline rules of each office, one function per rule, each citing its source.

Every rule yields :class:`Deadline` values whose ``derivation`` says how the date was
reached, so a paralegal can check it against the statute. Rules change; bump
``RULESET_VERSION`` and keep the tests' hand-worked dates in step when they do.

Closed days: a due date or end of grace on a day the office is closed moves to its next
working day where the law says so (35 USC 21(b), Rule 134(1) EPC, CN Implementing Rules
r. 5, Madrid Common Regulations r. 4(4), Delegated Regulation 2018/625 art. 69). Customs
recordations are never extended that way: their dates move to the last working day before.
No date ever goes past the end of the right's own term.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ipsentry.domain.customs import CustomsAuthority, Recordation
from ipsentry.domain.deadlines.calendars import EU_MEMBER_STATES, office_calendar
from ipsentry.domain.deadlines.model import RULESET_VERSION, Deadline, DeadlineKind
from ipsentry.domain.rights import (
    FilingBasis,
    LegalStatus,
    Patent,
    PatentType,
    Right,
    Trademark,
)

SIX_MONTHS = relativedelta(months=6)
DAY = timedelta(days=1)


def _rule(name: str) -> str:
    return f"{name}@{RULESET_VERSION}"


def _month_end(day: date) -> date:
    return day + relativedelta(day=31)


def _join(parts: list[str]) -> str:
    """Derivation parts, each said once (two dates in one year share a calendar note)."""
    pieces = [p for part in parts for p in part.split("; ") if p]
    return "; ".join(dict.fromkeys(pieces))


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
    grace_end: date | None = None,
    grace_how: str = "",
    surcharge_free_end: date | None = None,
    never_later: bool = False,
) -> Deadline:
    """Moves the due date and the end of grace off the office's closed days: to the next
    working day, or (``never_later``) to the last working day before."""
    calendar = office_calendar(office)
    move = calendar.on_or_before if never_later else calendar.on_or_after
    due, moved = move(nominal_due)
    notes = [f"{derivation} = {nominal_due.isoformat()}", moved]
    surcharge_free_until = None
    if surcharge_free_end is not None:
        surcharge_free_until, free_moved = calendar.on_or_after(surcharge_free_end)
        notes += [f"no surcharge through {surcharge_free_end.isoformat()}", free_moved]
    grace_until = None
    if grace_end is not None:
        grace_until, grace_moved = move(grace_end)
        notes += [f"grace{' ' + grace_how if grace_how else ''} ends {grace_end}", grace_moved]
    return Deadline(
        office=office,
        kind=kind,
        title=title,
        due=due,
        rule=_rule(rule),
        derivation=_join(notes),
        right_id=right.id if right else None,
        right_label=right.display_number if right else "",
        opens=opens,
        grace_until=grace_until,
        surcharge_free_until=surcharge_free_until,
    )


def _restorable(deadline: Deadline, end: date, how: str) -> Deadline:
    """Marks how long after its last day a missed deadline can still be put right."""
    until, moved = office_calendar(deadline.office).on_or_after(end)
    note = _join([f"after that, {how} until {end.isoformat()}", moved])
    return replace(deadline, restorable_until=until, derivation=f"{deadline.derivation}; {note}")


# --- patents ----------------------------------------------------------------------------
US_URAA_DATE = date(1995, 6, 8)  # 35 USC 154(c)(1): earlier filings keep 17 years from grant


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
    if (
        patent.jurisdiction == "US"
        and start_name == "filing"
        and patent.earliest_nonprovisional_date
    ):
        # 35 USC 154(a)(2): from the earliest application whose benefit is claimed under
        # 120, 121, 365(c) or 386(c); provisional and foreign priorities do not count.
        start, start_name = patent.earliest_nonprovisional_date, "earliest non-provisional filing"
    if start is None:
        return None
    end = start + relativedelta(years=term)
    how = f"{term} years from {start_name} ({start})"
    grant = patent.registration_date
    old_law = patent.jurisdiction == "US" and start_name != "grant" and start < US_URAA_DATE
    if old_law and grant and grant + relativedelta(years=17) > end:
        # 35 USC 154(c)(1): the longer of 20 years from filing and 17 years from grant.
        end, how = grant + relativedelta(years=17), f"17 years from grant ({grant}), 154(c)(1)"
    return end, how


def _patent_expiry(patent: Patent) -> Iterator[Deadline]:
    expiry = patent_expiry(patent)
    if expiry is None:
        return
    end, how = expiry
    sources = {"US": "35 USC 154(a)(2)", "CN": "CN Patent Law art. 42", "EP": "Art. 63(1) EPC"}
    yield Deadline(
        office=patent.jurisdiction,
        kind=DeadlineKind.EXPIRY,
        title="End of patent term (before any term adjustment or extension)",
        due=end,
        rule=_rule(f"{patent.jurisdiction}.patent.term"),
        derivation=f"{sources[patent.jurisdiction]}: term of {how} = {end.isoformat()}",
        right_id=patent.id,
        right_label=patent.display_number,
    )


def _us_maintenance_fees(patent: Patent) -> Iterator[Deadline]:
    """35 USC 41(b), 37 CFR 1.362(d)-(e): due 3.5, 7.5, 11.5 years from grant, payable from
    3, 7, 11 years; with surcharge through the day of the 4th, 8th, 12th anniversary of the
    grant. 35 USC 21(b) moves either end off a weekend or a DC federal holiday. After that a
    petition for an unintentional delay (35 USC 41(c)(1), 37 CFR 1.378) has no fixed limit,
    but the USPTO asks for a fuller explanation of a delay over two years."""
    grant = patent.registration_date
    if patent.patent_type is not PatentType.UTILITY or grant is None:
        return
    for years, label in ((3, "3.5"), (7, "7.5"), (11, "11.5")):
        fee = _deadline(
            patent,
            "US",
            DeadlineKind.MAINTENANCE_FEE,
            f"Maintenance fee due at {label} years",
            grant + relativedelta(years=years, months=6),
            "US.patent.maintenance_fee",
            f"37 CFR 1.362(d): grant {grant.isoformat()} + {label} years",
            opens=grant + relativedelta(years=years),
            grace_end=grant + relativedelta(years=years + 1),
            grace_how=f"(1.362(e): through the {years + 1}th anniversary of grant)",
        )
        assert fee.grace_until is not None
        yield _restorable(
            fee,
            fee.grace_until + relativedelta(years=2),
            "a petition for unintentional delay (37 CFR 1.378; no fixed limit, a fuller"
            " explanation once over two years)",
        )


def _cn_annual_fees(patent: Patent) -> Iterator[Deadline]:
    """CN Implementing Rules (2023) r. 114-116: after the grant year, each annual fee is due
    by the anniversary of the filing date; 6 months' grace with a late fee, which the CNIPA
    fee schedule waives for the first month (5% of the fee for each month after). A patent
    that lapsed may be restored (r. 6): within 2 months of receiving CNIPA's notice, at the
    latest 2 years after the period ended."""
    filed, grant = patent.filing_date, patent.registration_date
    expiry = patent_expiry(patent)
    if filed is None or grant is None or expiry is None:
        return
    year = 1
    while (anniversary := filed + relativedelta(years=year)) < expiry[0]:
        if anniversary > grant:
            fee = _deadline(
                patent,
                "CN",
                DeadlineKind.ANNUAL_FEE,
                f"Annual fee for patent year {year + 1}",
                anniversary,
                "CN.patent.annual_fee",
                f"r. 114-116: filing {filed.isoformat()} + {year} years",
                grace_end=anniversary + SIX_MONTHS,
                grace_how="(with late fee)",
                surcharge_free_end=anniversary + relativedelta(months=1),
            )
            assert fee.grace_until is not None
            yield _restorable(
                fee,
                fee.grace_until + relativedelta(years=2),
                "restoration (r. 6: 2 months from CNIPA's notice; 2 years at most)",
            )
        year += 1


def _ep_renewal_fees(patent: Patent) -> Iterator[Deadline]:
    """Art. 86 EPC, r. 51: renewal fees for the 3rd and each later year of a pending
    application, due on the last day of the month of the filing anniversary; with surcharge
    to the last day of the sixth month after (r. 51(2), Guidelines A-X 5.2.4). A Euro-PCT
    application's third-year fee falling due before the 31-month period ends is payable by
    the end of that period (r. 159(1)(g)). Re-establishment (Art. 122, r. 136(1)) within
    one year of the end of grace. After grant the fees go to the national offices."""
    filed = patent.filing_date
    if filed is None or patent.registration_date is not None:
        return
    for year in range(2, 20):
        month_end = _month_end(filed + relativedelta(years=year))
        title = f"Renewal fee for year {year + 1} of the European application"
        how = f"r. 51(1): filing {filed.isoformat()} + {year} years, to the end of that month"
        fee = _deadline(
            patent,
            "EP",
            DeadlineKind.ANNUAL_FEE,
            title,
            month_end,
            "EP.application.renewal_fee",
            how,
            opens=month_end - relativedelta(months=3),
            grace_end=_month_end(month_end + SIX_MONTHS),
            grace_how="(r. 51(2): last day of the sixth month)",
        )
        if year == 2 and patent.pct_national_phase:
            start = patent.priority_date or filed
            period_end = start + relativedelta(months=31)
            if month_end < period_end:
                fee = _deadline(
                    patent,
                    "EP",
                    DeadlineKind.ANNUAL_FEE,
                    title + " (Euro-PCT)",
                    period_end,
                    "EP.pct.renewal_fee_year3",
                    f"{how} = {month_end.isoformat()}, before the 31-month period:"
                    f" r. 159(1)(g): {start.isoformat()} + 31 months",
                    grace_end=period_end + SIX_MONTHS,
                    grace_how="(r. 51(2): six months from that due date)",
                )
        assert fee.grace_until is not None
        yield _restorable(
            fee,
            fee.grace_until + relativedelta(years=1),
            "re-establishment (Art. 122, r. 136(1): 2 months from removal of the cause,"
            " one year at most)",
        )


# --- trademarks -------------------------------------------------------------------------
def mark_term_ends(mark: Trademark) -> tuple[list[date], str, str] | None:
    """The ends of a mark's ten successive 10-year terms, the office that renews it and
    what the terms count from; None where the dates are not known."""
    if mark.jurisdiction == "WO" or mark.filing_basis is FilingBasis.MADRID_DESIGNATION:
        if mark.jurisdiction == "US":
            return None  # a 66(a) extension renews at WIPO from an IR date not held here
        start = mark.registration_date or mark.filing_date
        if start is None:
            return None
        return (
            [start + relativedelta(years=10 * k) for k in range(1, 11)],
            "WO",
            (f"Madrid Protocol art. 6-7: international registration {start.isoformat()}"),
        )
    if mark.jurisdiction == "EM" and mark.filing_date is not None:
        start = mark.filing_date
        ends = [start + relativedelta(years=10 * k) for k in range(1, 11)]
        return ends, "EM", f"EUTMR art. 52-53: filing {start.isoformat()}"
    if mark.jurisdiction == "CN" and mark.registration_date is not None:
        start = mark.registration_date
        # Art. 39-40: ten years from registration, ending the day before the anniversary
        # (the register shows 2017-08-14 至 2027-08-13).
        ends = [start + relativedelta(years=10 * k) - DAY for k in range(1, 11)]
        return ends, "CN", f"CN Trademark Law art. 39-40: registration {start.isoformat()}"
    if mark.jurisdiction == "US" and mark.registration_date is not None:
        start = mark.registration_date
        ends = [start + relativedelta(years=10 * k) for k in range(1, 11)]
        return ends, "US", f"15 USC 1058-1059: registration {start.isoformat()}"
    return None


RENEWAL_WINDOWS = {
    "US": relativedelta(years=1),
    "CN": relativedelta(months=12),
    "EM": SIX_MONTHS,
    "WO": SIX_MONTHS,
}


def _renewals(mark: Trademark) -> Iterator[Deadline]:
    """Each 10-year term's renewal, payable in the window before its end and within six
    months' grace after it (15 USC 1059; CN TM Law art. 40; EUTMR art. 53; Madrid art. 7(4))."""
    terms = mark_term_ends(mark)
    if terms is None:
        return
    ends, office, source = terms
    for k, end in enumerate(ends, start=1):
        yield _deadline(
            mark,
            office,
            DeadlineKind.RENEWAL,
            f"Renewal of the registration ({10 * k} years)"
            + (" at WIPO" if office == "WO" and mark.jurisdiction != "WO" else ""),
            end,
            f"{office}.mark.renewal" if office != "US" else "US.mark.section8_9_renewal",
            f"{source}, term {k} ends",
            opens=end - RENEWAL_WINDOWS[office],
            grace_end=end + SIX_MONTHS,
        )


def _us_declarations(mark: Trademark) -> Iterator[Deadline]:
    """15 USC 1058 (Section 8) or, for a Madrid-based registration, 15 USC 1141k
    (Section 71): a declaration of use between years 5 and 6 after registration. A Section
    71 declaration is also due in the year before each 10-year period ends (1141k(a)(2));
    Section 8 at 10 years comes with the Section 9 renewal. Six months' grace each time."""
    registered = mark.registration_date
    if registered is None:
        return
    madrid = mark.filing_basis is FilingBasis.MADRID_DESIGNATION
    section = "71" if madrid else "8"
    yield _deadline(
        mark,
        "US",
        DeadlineKind.DECLARATION_OF_USE,
        f"Section {section} declaration of use (years 5-6)",
        registered + relativedelta(years=6),
        f"US.mark.section{section}_declaration",
        f"registration {registered.isoformat()} + 6 years",
        opens=registered + relativedelta(years=5),
        grace_end=registered + relativedelta(years=6, months=6),
    )
    if not madrid:
        return
    for k in range(1, 11):
        end = registered + relativedelta(years=10 * k)
        yield _deadline(
            mark,
            "US",
            DeadlineKind.DECLARATION_OF_USE,
            f"Section 71 declaration of use ({10 * k} years; renewal itself is at WIPO)",
            end,
            "US.mark.section71_declaration",
            f"15 USC 1141k(a)(2): registration {registered.isoformat()} + {10 * k} years",
            opens=end - relativedelta(years=1),
            grace_end=end + SIX_MONTHS,
        )


def _us_mark(mark: Trademark) -> Iterator[Deadline]:
    yield from _us_declarations(mark)
    yield from _renewals(mark)


# --- opposition windows -----------------------------------------------------------------
OPPOSITION_PERIODS: dict[tuple[str, str], tuple[relativedelta, str]] = {
    ("US", "trademark"): (relativedelta(days=30), "15 USC 1063: 30 days from publication"),
    ("CN", "trademark"): (relativedelta(months=3), "CN TM Law art. 33: 3 months"),
    ("EM", "trademark"): (relativedelta(months=3), "EUTMR art. 46: 3 months"),
    ("EP", "patent"): (
        relativedelta(months=9),
        "Art. 99(1) EPC: 9 months from the mention of the grant",
    ),
}
# When a right's own opposition window is open: marks once published, EP patents once the
# grant is mentioned.
_OPPOSABLE = {
    "trademark": {LegalStatus.PUBLISHED, LegalStatus.OPPOSED},
    "patent": {LegalStatus.GRANTED, LegalStatus.OPPOSED},
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
    event = "mention of grant" if right.jurisdiction == "EP" else "publication"
    return _deadline(
        right,
        right.jurisdiction,
        DeadlineKind.OPPOSITION_WINDOW,
        "End of the opposition period",
        start + length,
        f"{right.jurisdiction}.{right.kind.value}.opposition",
        f"{source}: {event} {start.isoformat()} + {length.days or length.months}"
        f" {'days' if length.days else 'months'}",
        opens=start,
    )


# --- restoration after a lapse ----------------------------------------------------------
_REMEDIES = {
    "US": ("US.patent.unintentional_delay_petition", "petition to accept the late fee"),
    "CN": ("CN.patent.restoration", "request for restoration"),
    "EP": ("EP.application.re_establishment", "request for re-establishment"),
}


def _restoration_window(right: Right, found: list[Deadline], today: date) -> Deadline | None:
    """For a lapsed right: the window to put right the fee it most recently missed, shown
    as the last chance it is, never as the normal deadline."""
    missed = [
        d
        for d in found
        if d.restorable_until is not None and d.last_day < today <= d.restorable_until
    ]
    if not missed or right.jurisdiction not in _REMEDIES:
        return None
    fee = max(missed, key=lambda d: d.last_day)
    assert fee.restorable_until is not None
    rule, remedy = _REMEDIES[right.jurisdiction]
    return Deadline(
        office=fee.office,
        kind=DeadlineKind.RESTORATION,
        title=f"Last chance: {remedy} after the missed {fee.title.lower()}",
        due=fee.restorable_until,
        rule=_rule(rule),
        derivation=f"{fee.title} not paid by {fee.last_day.isoformat()}: {fee.derivation}",
        right_id=fee.right_id,
        right_label=fee.right_label,
        opens=fee.last_day + DAY,
        last_chance=True,
    )


def _within_term(deadline: Deadline, end: date) -> Deadline:
    """No grace or restoration runs past the end of the patent's own term."""
    grace, restorable = deadline.grace_until, deadline.restorable_until
    cut = [
        name
        for name, value in (("grace", grace), ("restoration", restorable))
        if value is not None and value > end
    ]
    if deadline.kind is DeadlineKind.EXPIRY or not cut:
        return deadline
    return replace(
        deadline,
        grace_until=min(grace, end) if grace else None,
        restorable_until=min(restorable, end) if restorable else None,
        derivation=f"{deadline.derivation}; {' and '.join(cut)} cut to the end of term {end}",
    )


# --- dispatch ---------------------------------------------------------------------------
_PATENT_RULES: dict[str, list[Callable[[Patent], Iterator[Deadline]]]] = {
    "US": [_us_maintenance_fees, _patent_expiry],
    "CN": [_cn_annual_fees, _patent_expiry],
    "EP": [_ep_renewal_fees, _patent_expiry],
}
_MARK_RULES: dict[str, Callable[[Trademark], Iterator[Deadline]]] = {
    "US": _us_mark,
    "CN": _renewals,
    "EM": _renewals,
    "WO": _renewals,
}


def deadlines_for_right(right: Right, today: date | None = None) -> list[Deadline]:
    """Every deadline of a right, cancelled (and kept, so people see why) if it is dead;
    for a lapsed right seen on ``today``, the restoration window still open."""
    found: list[Deadline] = []
    if isinstance(right, Patent):
        for rule in _PATENT_RULES.get(right.jurisdiction, []):
            found.extend(rule(right))
        expiry = patent_expiry(right)
        if expiry is not None:
            found = [
                _within_term(d, expiry[0])
                for d in found
                if d.kind is DeadlineKind.EXPIRY or d.due < expiry[0]
            ]
    elif isinstance(right, Trademark):
        mark_rule = _MARK_RULES.get(right.jurisdiction)
        if mark_rule is not None:
            found.extend(mark_rule(right))
    if right.status in _OPPOSABLE[right.kind.value]:
        window = opposition_window(right)
        if window is not None:
            found.append(window)
    restoration = None
    if right.status is LegalStatus.LAPSED and today is not None:
        restoration = _restoration_window(right, found, today)
    if not right.status.is_alive:
        found = [d.cancel(f"the right is {right.status.value}") for d in found]
    elif right.status.is_in_force:
        found = [replace(d, right_in_force=True) for d in found]
    if restoration is not None:
        found.append(restoration)
    return sorted(found, key=lambda d: d.due)


# --- customs recordations ---------------------------------------------------------------
def _right_limit(right: Right | None, start: date, until: date) -> tuple[date, str]:
    """The recordation's end, never beyond its right: a patent's term caps it; a mark's
    renewal due before it is named, since the recordation falls with an unrenewed mark."""
    if isinstance(right, Patent):
        expiry = patent_expiry(right)
        if expiry is not None and expiry[0] < until:
            return expiry[0], f"capped at the end of the patent's term {expiry[0].isoformat()}"
    if isinstance(right, Trademark):
        terms = mark_term_ends(right)
        if terms is not None:
            ends = [e for e in terms[0] if start <= e < until]
            if ends:
                return until, f"lapses with the mark unless it is renewed by {ends[0].isoformat()}"
    return until, ""


def _us_registration_term(right: Right | None, until: date) -> tuple[date, str]:
    """19 CFR 133.4(b): a CBP trademark recordation runs with the registration's current
    term; the recorded validity is read as the nearest end of a registration term."""
    terms = mark_term_ends(right) if isinstance(right, Trademark) else None
    if terms is None or terms[1] != "US":
        return until, ""
    end = min(terms[0], key=lambda e: abs((e - until).days))
    if end == until:
        return until, f"the registration's term ends {end.isoformat()}"
    return end, f"follows the registration's term ending {end.isoformat()}, not {until}"


def _member_state(number: str) -> str:
    prefix = number.strip().upper()[:2]
    return prefix if prefix in EU_MEMBER_STATES else ""


def _eu_application_for_action(record: Recordation, right: Right | None) -> Deadline:
    """Regulation 608/2013: customs act for at most one year from the day after the
    decision (art. 11(1)); an extension request received less than 30 working days before
    the period ends may be refused (art. 12(2)); each extension is again one year at most
    (art. 12(4))."""
    assert record.valid_until is not None
    until, notes = record.valid_until, [f"valid until {record.valid_until.isoformat()}"]
    if record.valid_from is not None:
        longest = record.valid_from + relativedelta(years=1)
        if until > longest:
            until = longest
            notes.append(f"art. 11(1): one year at most from {record.valid_from} = {longest}")
    until, capped = _right_limit(right, record.valid_from or until - relativedelta(years=1), until)
    notes.append(capped)
    state = _member_state(record.number)
    calendar = office_calendar(f"EU-{state}" if state else "EU")
    due, gap = calendar.working_days_before(until, 30)
    notes += [f"art. 12(2): {until.isoformat()} - 30 working days of {calendar.office}", gap]
    return Deadline(
        office=calendar.code,
        kind=DeadlineKind.RECORDATION_RENEWAL,
        title="Request to extend the application for action",
        due=due,
        rule=_rule("EU.customs.afa_extension"),
        derivation=_join(notes) + f" = {due.isoformat()}",
        right_id=record.right_id,
    )


def deadlines_for_recordation(record: Recordation, right: Right | None) -> list[Deadline]:
    """Customs recordations lapse unless renewed, and never outlive their right: CN (GACC
    Regulations art. 10: 10 years, renew in the 6 months before expiry, lapses with the
    right), US (CBP, 19 CFR 133.4(b) and 133.7(a): runs with the registration, renew within
    3 months after the registration's term ends), EU (application for action)."""
    if record.valid_until is None:
        return []
    label = f"{record.authority.value} recordation {record.number}"
    if record.authority is CustomsAuthority.EU:
        found = _eu_application_for_action(record, right)
    elif record.authority in (CustomsAuthority.CN_GACC, CustomsAuthority.US_CBP):
        cn = record.authority is CustomsAuthority.CN_GACC
        start = record.valid_from or record.valid_until - relativedelta(years=10)
        if cn:
            until, why = _right_limit(right, start, record.valid_until)
        else:
            until, why = _us_registration_term(right, record.valid_until)
            until, capped = _right_limit(right, start, until)
            why = _join([why, capped])
        how = f"recordation valid until {record.valid_until.isoformat()}"
        found = _deadline(
            right,
            "CN" if cn else "US",
            DeadlineKind.RECORDATION_RENEWAL,
            "Renewal of the customs recordation",
            until,
            "CN.customs.recordation_renewal" if cn else "US.customs.recordation_renewal",
            ("GACC Regulations art. 10: " if cn else "19 CFR 133.4(b), 133.7(a): ")
            + _join([how, why]),
            opens=until - SIX_MONTHS if cn else None,
            grace_end=None if cn else until + relativedelta(months=3),
            grace_how="(133.7(a): renewal 3 months after the term ends)",
            never_later=True,
        )
    else:
        return []
    found = replace(found, right_label=label, right_id=record.right_id)
    if right is not None and not right.status.is_alive:
        return [found.cancel(f"the recorded right is {right.status.value}")]
    return [found]
