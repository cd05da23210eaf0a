"""Border procedure rules against dates worked out by hand on each country's calendar.

Each row names the provision it checks and, beside it, the count done by hand with the
weekday of every date, so a reader can redo it from the State Council's holiday notice
(China), the federal holidays (5 USC 6103) or the calendar (EU).
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from ipsentry.domain.border_procedure import (
    PROCEDURE_VERSION,
    PROCEDURES,
    advance,
    cn_security,
    detention_deadlines,
    procedure_for,
)
from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Basis,
    CustomsAuthority,
    Detention,
    DetentionStatus,
    Finding,
)

D = date.fromisoformat
S = DetentionStatus
CN, EU, US = CustomsAuthority.CN_GACC, CustomsAuthority.EU, CustomsAuthority.US_CBP


def _detention(
    authority: CustomsAuthority, detained: str = "2026-11-02", **kw: object
) -> Detention:
    return Detention(
        organisation_id=1,
        authority=authority,
        detained_on=D(detained),
        goods="cartridges",
        quantity=10,
        **kw,  # type: ignore[arg-type]
    )


def _due(detention: Detention, key: str) -> date:
    [found] = [d for d in detention_deadlines(detention) if d.key == key]
    assert found.rule == f"{key}@{PROCEDURE_VERSION}"
    assert found.source
    return found.due


DEADLINES = [
    # --- China: Regulations on Customs Protection of IPR art. 16 (3 working days) ---------
    # notified Tue 2026-11-10: Wed 11 (1), Thu 12 (2), Fri 13 (3)
    (CN, {"notified_on": "2026-11-10"}, "CN.customs.apply_and_secure", "2026-11-13"),
    # notified Tue 2026-09-29: Wed 30 (1); Oct 1-7 National Day (1, 2, 5-7 closed, 3-4 weekend);
    # Thu Oct 8 (2), Fri Oct 9 (3)
    (CN, {"notified_on": "2026-09-29"}, "CN.customs.apply_and_secure", "2026-10-09"),
    # notified Thu 2026-02-12: Fri 13 (1), Sat 14 is a make-up working day (2); Spring
    # Festival Feb 15-23 closed (16-20 and bridging Mon 23); Tue 24 (3)
    (CN, {"notified_on": "2026-02-12"}, "CN.customs.apply_and_secure", "2026-02-24"),
    # notified Fri 2026-09-18: Sat 19 closed, Sun 20 make-up working day (1), Mon 21 (2), Tue 22 (3)
    (CN, {"notified_on": "2026-09-18"}, "CN.customs.apply_and_secure", "2026-09-22"),
    # --- China art. 24(1): on application, 20 working days from detention ---------------
    # detained Mon 2026-09-21: Sep 22-24 (1-3), Fri 25 Mid-Autumn closed, Sep 28-30 (4-6),
    # Oct 1-7 closed, Oct 8-9 (7-8), Sat Oct 10 make-up (9), Oct 12-16 (10-14), 19-23 (15-19),
    # Mon Oct 26 (20)
    (
        CN,
        {"detained": "2026-09-21", "basis": Basis.ON_APPLICATION},
        "CN.customs.court_notice_on_application",
        "2026-10-26",
    ),
    # --- China art. 20: 30 working days from the detention on the holder's application ---
    # confirmed Mon 2026-11-02: Nov 3-6 (1-4), then five a week: Nov 9-13 (9), 16-20 (14),
    # 23-27 (19), Nov 30-Dec 4 (24), Dec 7-11 (29), Mon Dec 14 (30)
    (CN, {"confirmed_on": "2026-11-02"}, "CN.customs.investigation", "2026-12-14"),
    # --- EU Regulation 608/2013 art. 23(1): 10 working days; 3 perishable; +10 extended ---
    # notified Mon 2026-03-02: Mar 3-6 (1-4), 9-13 (5-9), Mon 16 (10)
    (EU, {"notified_on": "2026-03-02"}, "EU.customs.confirm_infringement", "2026-03-16"),
    # extended by 10 (art. 23(4)): Mar 17-20 (11-14), 23-27 (15-19), Mon 30 (20)
    (
        EU,
        {"notified_on": "2026-03-02", "extended": True},
        "EU.customs.confirm_infringement",
        "2026-03-30",
    ),
    # perishable, notified Wed 2026-03-04: Thu 5 (1), Fri 6 (2), Mon 9 (3); no extension
    (
        EU,
        {"notified_on": "2026-03-04", "perishable": True, "extended": True},
        "EU.customs.confirm_infringement",
        "2026-03-09",
    ),
    # art. 26(4): the declarant of a small consignment has 10 working days
    (
        EU,
        {"notified_on": "2026-03-02", "small_consignment": True},
        "EU.customs.small_consignment_views",
        "2026-03-16",
    ),
    # --- US 19 CFR 133.21(b)(1): notice of detention within 5 business days ------------
    # detained Fri 2026-11-20: Nov 23-25 (1-3), Thu 26 Thanksgiving, Fri 27 (4), Mon 30 (5)
    (US, {"detained": "2026-11-20"}, "US.customs.notice_of_detention", "2026-11-30"),
    # 30 calendar days from presentation: Nov 20 + 30 = Dec 20
    (US, {"detained": "2026-11-20"}, "US.customs.admissibility", "2026-12-20"),
    # importer's 7 business days from the notice Mon 2026-12-21: Dec 22-24 (1-3), Fri 25
    # Christmas, Dec 28-31 (4-7)
    (US, {"notified_on": "2026-12-21"}, "US.customs.importer_reply", "2026-12-31"),
]


@pytest.mark.parametrize(("authority", "facts", "key", "due"), DEADLINES)
def test_procedural_deadline(
    authority: CustomsAuthority, facts: dict[str, object], key: str, due: str
) -> None:
    given = dict(facts)
    detained = str(given.pop("detained", "2026-01-05"))
    for field in ("notified_on", "confirmed_on"):
        if field in given:
            given[field] = D(str(given[field]))
    assert _due(_detention(authority, detained, **given), key) == D(due)


def test_a_make_up_working_day_is_named_in_the_derivation() -> None:
    detention = _detention(CN, notified_on=D("2026-02-12"))
    [found] = [d for d in detention_deadlines(detention) if d.key == "CN.customs.apply_and_secure"]
    assert "2026-02-14" in found.derivation and "make-up" in found.derivation
    assert "2026-02-16" in found.derivation  # the Spring Festival days skipped are listed


def test_an_eu_public_holiday_counts_but_is_named_as_possibly_closed() -> None:
    # Good Friday 2026-04-03 is a public holiday in Germany; the customs department's own
    # closing days are not held, so the date is never later than the true one and the
    # derivation says which counted days may have been closed.
    detention = _detention(EU, notified_on=D("2026-04-01"), perishable=True, member_state="DE")
    [found] = [d for d in detention_deadlines(detention) if d.key.endswith("confirm_infringement")]
    assert found.due == D("2026-04-06")  # Thu 2 (1), Fri 3 (2), Mon 6 (3)
    assert "2026-04-03" in found.derivation and "possibly closed" in found.derivation


def test_no_period_runs_before_its_event() -> None:
    keys = {d.key for d in detention_deadlines(_detention(CN))}
    assert keys == set()  # ex officio: nothing runs until the holder is notified


# --- every step each procedure allows, and every other refused --------------------------
ALLOWED: dict[tuple[CustomsAuthority, str], dict[S, set[S]]] = {
    (CN, "ex officio"): {
        S.DETAINED: {S.NOTIFIED},
        S.NOTIFIED: {S.CONFIRMED, S.RELEASED, S.HANDED_OVER},
        S.CONFIRMED: {S.SEIZED, S.RELEASED, S.HANDED_OVER},
        S.SEIZED: {S.DESTROYED},
    },
    (CN, "on application"): {  # the holder applied with security up front (art. 13-15)
        S.DETAINED: {S.NOTIFIED},
        S.NOTIFIED: {S.RELEASED, S.HANDED_OVER},
        S.CONFIRMED: {S.SEIZED, S.RELEASED, S.HANDED_OVER},
        S.SEIZED: {S.DESTROYED},
    },
    (EU, "standard"): {
        S.DETAINED: {S.NOTIFIED, S.RELEASED},
        S.NOTIFIED: {S.CONFIRMED, S.RELEASED, S.HANDED_OVER},
        S.CONFIRMED: {S.DESTROYED, S.HANDED_OVER, S.RELEASED},
    },
    (EU, "small consignment"): {
        S.DETAINED: {S.NOTIFIED, S.RELEASED},
        S.NOTIFIED: {S.CONFIRMED, S.DESTROYED, S.RELEASED, S.HANDED_OVER},
        S.CONFIRMED: {S.DESTROYED, S.HANDED_OVER, S.RELEASED},
    },
    (US, "counterfeit"): {
        S.DETAINED: {S.NOTIFIED, S.RELEASED},
        S.NOTIFIED: {S.CONFIRMED, S.SEIZED, S.RELEASED},
        S.CONFIRMED: {S.SEIZED, S.RELEASED},
        S.SEIZED: {S.DESTROYED, S.RELEASED},
    },
    (US, "confusingly similar"): {  # 133.22: marks removed or goods exported, not seized
        S.DETAINED: {S.NOTIFIED, S.RELEASED},
        S.NOTIFIED: {S.CONFIRMED, S.RELEASED},
        S.CONFIRMED: {S.RELEASED},
        S.SEIZED: {S.DESTROYED, S.RELEASED},
    },
}
FACTS: dict[str, dict[str, object]] = {
    "ex officio": {},
    "on application": {"basis": Basis.ON_APPLICATION},
    "standard": {},
    "small consignment": {"small_consignment": True},
    "counterfeit": {"finding": Finding.COUNTERFEIT},
    "confusingly similar": {"finding": Finding.CONFUSINGLY_SIMILAR},
}


@pytest.mark.parametrize(("authority", "case"), list(ALLOWED))
def test_every_step_allowed_and_every_other_refused(authority: CustomsAuthority, case: str) -> None:
    allowed = ALLOWED[(authority, case)]
    for start, to in itertools.product(S, S):
        detention = _detention(authority, status=start, **FACTS[case])
        if to in allowed.get(start, set()):
            source = advance(detention, to, D("2026-11-20"))
            assert detention.status is to and source
        else:
            with pytest.raises(ValueError, match="cannot become"):
                advance(detention, to, D("2026-11-20"))
            assert detention.status is start  # a refused step changes nothing


def test_a_step_before_the_last_one_is_refused() -> None:
    detention = _detention(CN, "2026-11-09", status=S.NOTIFIED, notified_on=D("2026-11-10"))
    with pytest.raises(ValueError, match="before"):
        advance(detention, S.CONFIRMED, D("2026-11-09"))
    assert detention.confirmed_on is None


def test_each_step_records_its_date() -> None:
    detention = _detention(CN, "2026-11-09")
    advance(detention, S.NOTIFIED, D("2026-11-10"))
    advance(detention, S.CONFIRMED, D("2026-11-12"))
    advance(detention, S.SEIZED, D("2026-12-01"))
    advance(detention, S.DESTROYED, D("2027-01-15"))
    assert (detention.notified_on, detention.confirmed_on, detention.seized_on) == (
        D("2026-11-10"),
        D("2026-11-12"),
        D("2026-12-01"),
    )
    assert detention.closed_on == D("2027-01-15")


def test_what_each_authority_records() -> None:
    # 19 CFR Part 133 records registered marks and copyrights; patents only reach the US
    # border through ITC exclusion orders. China and the EU record patents too.
    assert "patent" not in procedure_for(US).recordable
    assert {"trademark", "patent", "copyright"} <= procedure_for(CN).recordable
    assert procedure_for(CN).recordation_years == 10  # Regulations art. 10
    assert procedure_for(EU).recordation_years == 1  # Regulation 608/2013 art. 11(1)
    for procedure in PROCEDURES.values():
        for steps in procedure.steps.values():
            assert all(step.source or procedure.authority.value == "OTHER" for step in steps)


SECURITY = [
    # GACC Implementing Measures art. 24, by the value of the goods (CNY)
    ("15000", "15000"),  # below 20,000: the value
    ("30000", "20000"),  # half is 15,000, but at least 20,000
    ("150000", "75000"),  # half
    ("200000", "100000"),  # half of 200,000
    ("264000", "100000"),  # above 200,000: 100,000
]


@pytest.mark.parametrize(("value", "security"), SECURITY)
def test_cn_security_by_value(value: str, security: str) -> None:
    found, source = cn_security(Money(Decimal(value), "CNY"))
    assert found == Money(Decimal(security), "CNY") and "art. 24" in source


def test_cn_security_needs_yuan() -> None:
    with pytest.raises(ValueError, match="CNY"):
        cn_security(Money(Decimal(1000), "EUR"))


def test_a_year_whose_schedule_is_not_held_counts_weekends_closed_and_says_so() -> None:
    # confirmed Mon 2027-01-04; 2027's State Council schedule is not held, so weekends count
    # as closed and only the statutory holidays are known: Jan 5-8 (4), 11-15 (9), 18-22 (14),
    # 25-29 (19), Feb 1-4 (23), Fri Feb 5 New Year's Eve closed, Mon Feb 8 Spring Festival
    # closed, Feb 9-12 (27), Feb 15-17 (30)
    detention = _detention(CN, confirmed_on=D("2027-01-04"))
    [found] = [d for d in detention_deadlines(detention) if d.key == "CN.customs.investigation"]
    assert found.due == D("2027-02-17")
    assert "2027 not held" in found.derivation and "2027-02-05" in found.derivation
