"""Facts an enterprise's records show for its health check, on rights written here."""

from __future__ import annotations

from datetime import date

from ipsentry.domain.customs import CustomsAuthority, Recordation
from ipsentry.domain.health_facts import facts_from_records, main_mark
from ipsentry.domain.rights import LegalStatus, Patent, Trademark
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus

TODAY = date(2026, 6, 1)


def _mark(office: str, word: str, number: str, *, status: LegalStatus = LegalStatus.REGISTERED,
          famous: bool = False, lines: tuple[str, ...] = ()) -> Trademark:  # fmt: skip
    return Trademark(
        jurisdiction=office, title=word, status=status, registration_number=number,
        registration_date=date(2020, 1, 6), famous=famous, product_lines=list(lines), id=int(number),
    )  # fmt: skip


def _patent(number: str, lines: tuple[str, ...], *, granted: date = date(2020, 3, 3),
            status: LegalStatus = LegalStatus.GRANTED) -> Patent:  # fmt: skip
    return Patent(
        jurisdiction="US", title="Pump", status=status, registration_number=number,
        filing_date=date(2018, 1, 2), registration_date=granted, product_lines=list(lines),
        id=int(number),
    )  # fmt: skip


def test_the_house_mark_is_the_word_registered_most_a_famous_one_first() -> None:
    marks = [_mark("CN", "ALPHA", "1"), _mark("US", "ALPHA", "2"), _mark("CN", "Beta", "3")]
    assert main_mark(marks) == "alpha"
    assert main_mark([*marks, _mark("CN", "BETA", "4", famous=True)]) == "beta"
    assert main_mark([_mark("CN", "ALPHA", "1", status=LegalStatus.EXPIRED)]) is None


def test_export_markets_without_the_house_mark() -> None:
    rights = [_mark("CN", "ALPHA", "1"), _mark("EM", "ALPHA", "2"), _mark("US", "OTHER", "3")]
    facts = facts_from_records(
        rights, [], [], {"export_markets": ["US", "EM", "JP", "OTHER"]}, TODAY
    )
    assert facts["export_markets_without_mark"] == ["US", "JP"]  # OTHER names no market
    assert "export_markets_without_mark" not in facts_from_records(rights, [], [], {}, TODAY)


def test_marks_in_force_without_a_valid_recordation() -> None:
    rights = [
        _mark("CN", "ALPHA", "1"),
        _mark("CN", "ALPHA", "2"),
        _mark("CN", "GAMMA", "3", status=LegalStatus.FILED),
    ]
    valid = Recordation(organisation_id=1, right_id=1, authority=CustomsAuthority.CN_GACC, number="T1",
                        valid_until=date(2027, 1, 1))  # fmt: skip
    lapsed = Recordation(organisation_id=1, right_id=2, authority=CustomsAuthority.CN_GACC, number="T2",
                         valid_until=date(2026, 1, 1))  # fmt: skip
    facts = facts_from_records(rights, [valid, lapsed], [], {}, TODAY)
    assert facts["marks_without_recordation"] == ["CN 2 ALPHA"]  # a filed mark cannot be recorded


def test_product_lines_with_no_live_patent() -> None:
    rights = [
        _patent("11", ("pumps",)),
        _patent("12", ("valves",), status=LegalStatus.EXPIRED),
        _mark("CN", "ALPHA", "1", lines=("pumps", "valves", "hoses")),
    ]
    assert facts_from_records(rights, [], [], {}, TODAY)["product_lines_unpatented"] == [
        "hoses",
        "valves",
    ]


def test_a_right_behind_on_its_fees_is_in_grace() -> None:
    # 37 CFR 1.362: granted 2022-08-02, the 3.5-year fee was due 2026-02-02; on 2026-06-01
    # it can still be paid with the surcharge until the 4th anniversary.
    behind = _patent("21", (), granted=date(2022, 8, 2))
    paid_up = _patent("22", (), granted=date(2024, 1, 2))
    facts = facts_from_records([behind, paid_up], [], [], {}, TODAY)
    assert facts["rights_in_grace"] == ["US 21 Pump"]


def test_what_the_records_cannot_support_is_left_unknown_not_clean() -> None:
    facts = facts_from_records([], [], [], {"export_markets": ["US"]}, TODAY)
    assert set(facts) == {"unresolved_hits"}
    assert facts["unresolved_hits"] == 0


def test_open_hits_are_counted_decided_ones_are_not() -> None:
    hits = [
        Hit(kind=HitKind.MARK, observation_id=1, right_id=1, score=0.9),
        Hit(
            kind=HitKind.MARK,
            observation_id=2,
            right_id=1,
            score=0.8,
            status=ReviewStatus.DISMISSED,
        ),
    ]
    assert facts_from_records([], [], hits, {}, TODAY)["unresolved_hits"] == 1
