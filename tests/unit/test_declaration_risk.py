"""Declaration risk: each reason on its own, information never counted as risk.

The recorded right is the demo company's word mark on vaporizer cartridges, recorded with
an identification guide (HS 8543.40, one authorised exporter, two usual routes, a genuine
unit price). Each row changes one thing of a plain declaration and names the reason that
change must bring, with the weight the data file gives it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Coverage,
    Declaration,
    Direction,
    GenuinePrice,
    GuideParty,
    IdentificationGuide,
    Route,
)
from ipsentry.matching.marks.confusion import Mark
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.risk.declarations import DeclarationScorer, EarlierDetention, RecordedRight
from ipsentry.matching.risk.hs import in_current_edition
from ipsentry.matching.risk.model import risk_model

EXPORTER = "Shenzhen Example Exporter Co., Ltd."
GUIDE = IdentificationGuide(
    hs_codes=("854340",),
    authorised=(GuideParty(EXPORTER, "exporter"), GuideParty("Example Importer LLC", "importer")),
    routes=(Route("CN", "US"), Route("CN", "DE")),
    prices=(GenuinePrice("cartridge", Money(Decimal("2.80"), "USD")),),
)
GOODS = Goods(
    classes=frozenset({34}), text="electronic cigarettes; cartridges for electronic cigarettes"
)
RIGHT = RecordedRight(1, "CCELL (CN-GACC T2017-00001)", Mark("CCELL", GOODS), GUIDE)
EARLIER = EarlierDetention(
    "detention 7 (2026-10-20)", ("Harbour Trading Ltd",), "12 Harbour Road, Shenzhen"
)
SCORER = DeclarationScorer([RIGHT], [EARLIER])
# no mark, goods outside the recorded HS codes: nothing to say
PLAIN = Declaration(
    key="1",
    direction=Direction.EXPORT,
    consignor="Some Factory Co., Ltd.",
    consignee="Some Buyer Inc.",
    origin="CN",
    destination="US",
    hs_code="3924.10",
    brand="NO BRAND",
    description="plastic household containers",
    unit_value=Money(Decimal("2.90"), "USD"),
)
CARTRIDGES = replace(PLAIN, hs_code="8543.40", description="electronic cigarette cartridges")
MARKED = replace(CARTRIDGES, brand="CCELL")
MISDECLARED = replace(PLAIN, hs_code="3926.90", description="cartridges")  # other plastics


def _keys(declaration: Declaration, counted: bool = True) -> set[str]:
    risk = SCORER.score(declaration)
    return {r.key for r in risk.reasons if bool(r.weight) is counted}


def test_nothing_to_say_about_unrelated_goods() -> None:
    risk = SCORER.score(PLAIN)
    assert (risk.risk, risk.level, risk.reasons) == (0.0, "low", ())


REASONS = [
    # (what changes, the reason it brings on its own beside those of the base row)
    (PLAIN, {"hs_code": "8543.40"}, "recorded_goods"),  # within the recorded goods
    (PLAIN, {"hs_code": "8543.70", "hs_edition": "2017"}, "recorded_goods"),  # HS 2017 code
    (CARTRIDGES, {"brand": "CCELL"}, "counterfeit_mark"),  # the mark itself on its goods
    (CARTRIDGES, {"brand": "CCELLL"}, "confusing_mark"),  # one letter added
    (CARTRIDGES, {"consignee": "Harbour Trading Ltd."}, "earlier_detention"),
    (PLAIN, {"address": "12 Harbour Road,  Shenzhen"}, "earlier_detention"),
    (MISDECLARED, {"brand": "CCELL"}, "misdeclared_goods"),  # the mark under HS 3926.90
    (MARKED, {"unit_value": Money(Decimal("0.40"), "USD")}, "low_price"),
]


@pytest.mark.parametrize(("base", "change", "reason"), REASONS)
def test_each_reason_on_its_own(base: Declaration, change: dict[str, object], reason: str) -> None:
    changed = replace(base, **change)  # type: ignore[arg-type]
    added = _keys(changed) - _keys(base)
    assert reason in added
    before, after = SCORER.score(base).risk, SCORER.score(changed).risk
    assert after > before
    found = next(r for r in SCORER.score(changed).reasons if r.key == reason)
    assert found.weight == risk_model().weight(reason) > 0
    assert found.evidence and found.right


def test_unusual_route_counts_for_a_marked_consignment() -> None:
    marked = replace(CARTRIDGES, brand="CCELL")
    elsewhere = replace(marked, destination="NG")
    assert "unusual_route" in _keys(elsewhere) - _keys(marked)
    assert SCORER.score(elsewhere).risk > SCORER.score(marked).risk


def test_a_price_above_the_genuine_floor_is_no_reason() -> None:
    at_price = replace(CARTRIDGES, brand="CCELL", unit_value=Money(Decimal("2.50"), "USD"))
    assert "low_price" not in _keys(at_price)
    other_currency = replace(at_price, unit_value=Money(Decimal("0.10"), "EUR"))
    assert "low_price" not in _keys(other_currency)  # nothing to compare with, no guess
    unbranded = replace(CARTRIDGES, unit_value=Money(Decimal("0.10"), "USD"))
    assert "low_price" not in _keys(unbranded)  # cheap unbranded goods are not cheap fakes


def test_parallel_import_from_an_authorised_exporter_at_a_genuine_price() -> None:
    # Genuine goods leave the authorised exporter for a buyer that is not on the list:
    # a parallel import, lawful in many places. The mark is the genuine one, so neither the
    # mark nor the unlisted buyer is risk; both are shown.
    genuine = replace(CARTRIDGES, brand="CCELL", consignor=EXPORTER.upper().replace(",", ""))
    risk = SCORER.score(genuine)
    assert {"counterfeit_mark", "confusing_mark", "not_authorised"}.isdisjoint(_keys(genuine))
    assert {"genuine_goods", "authorised_trader"} <= _keys(genuine, counted=False)
    assert risk.level == "low"
    assert risk.risk == pytest.approx(risk_model().weight("recorded_goods"))


def test_an_authorised_exporter_far_below_the_genuine_price_is_not_taken_as_genuine() -> None:
    cheap = replace(
        CARTRIDGES, brand="CCELL", consignor=EXPORTER, unit_value=Money(Decimal("0.30"), "USD")
    )
    assert {"counterfeit_mark", "low_price"} <= _keys(cheap)


def test_not_being_authorised_is_information_only() -> None:
    marked = replace(CARTRIDGES, brand="CCELL")
    not_listed = next(r for r in SCORER.score(marked).reasons if r.key == "not_authorised")
    assert not_listed.weight == 0 and not_listed.contribution == 0


def test_referential_use_is_not_counterfeit() -> None:
    compatible = replace(CARTRIDGES, description="empty cartridges compatible with CCELL batteries")
    risk = SCORER.score(compatible)
    assert "referential_use" in _keys(compatible, counted=False)
    assert {"counterfeit_mark", "confusing_mark"}.isdisjoint(_keys(compatible))
    assert risk.risk == SCORER.score(CARTRIDGES).risk


def test_a_recordation_for_imports_only_says_nothing_of_exports() -> None:
    imports = DeclarationScorer([replace(RIGHT, coverage=Coverage.IMPORTS)])
    assert imports.score(replace(CARTRIDGES, brand="CCELL")).reasons == ()
    inbound = replace(CARTRIDGES, brand="CCELL", direction=Direction.IMPORT)
    assert imports.score(inbound).risk > 0


def test_a_reason_counts_once_however_many_rights_support_it() -> None:
    twice = DeclarationScorer([RIGHT, replace(RIGHT, right_id=2, label="CCELL (US-CBP 1)")])
    marked = replace(CARTRIDGES, brand="CCELL")
    assert twice.score(marked).risk == SCORER.score(marked).risk
    assert len([r for r in twice.score(marked).reasons if r.key == "counterfeit_mark"]) == 2


def test_levels_and_reason_text() -> None:
    risk = SCORER.score(replace(CARTRIDGES, brand="CCELL", unit_value=Money(Decimal("0.4"), "USD")))
    assert risk.level == "high" and risk.right_ids == (1,)
    text = risk.reasons_text()
    assert "counterfeit mark CCELL (CN-GACC T2017-00001): brand 'CCELL'" in text
    assert "[0.60]" in text and "[information]" in text


def test_hs_editions() -> None:
    # WCO correlation HS 2017 -> HS 2022: 8543.70 may now be 8543.40 (electronic cigarettes)
    assert in_current_edition("8543.70", "2017") == {"854340", "854370"}
    assert in_current_edition("8543.70.10", "2022") == {"85437010"}
    assert in_current_edition("", "2017") == frozenset()
    marked = replace(CARTRIDGES, brand="CCELL", hs_code="8543.70")
    assert "misdeclared_goods" in _keys(marked)  # HS 2022 8543.70 is not the recorded 8543.40
    assert "misdeclared_goods" not in _keys(replace(marked, hs_edition="2017"))
    assert "recorded_goods" not in _keys(replace(PLAIN, hs_code="85"))  # a chapter is wider


def test_the_weights_are_data_with_information_at_zero() -> None:
    model = risk_model()
    for key in ("referential_use", "authorised_trader", "not_authorised", "genuine_goods"):
        assert model.weight(key) == 0
    assert all(0 <= r.weight < 1 and r.about for r in model.reasons.values())
    assert model.level(model.high) == "high" and model.level(model.medium) == "medium"
    assert model.price_strength(model.price_full) == 1 and model.price_strength(1.0) == 0


def test_an_earlier_detention_is_one_reason_however_many_links() -> None:
    other = EarlierDetention("detention 9 (2026-11-30)", ("Gulf Buyer LLC",))
    scorer = DeclarationScorer([RIGHT], [EARLIER, other])
    both = replace(PLAIN, consignor="Harbour Trading Ltd", address="12 Harbour Road, Shenzhen")
    [reason] = [r for r in scorer.score(both).reasons if r.key == "earlier_detention"]
    assert reason.right == EARLIER.label
    assert reason.evidence == (
        "consignor Harbour Trading Ltd and address 12 Harbour Road, Shenzhen named in it too"
    )
    two = replace(both, consignee="Gulf Buyer LLC")
    [reason] = [r for r in scorer.score(two).reasons if r.key == "earlier_detention"]
    assert reason.right == f"{EARLIER.label} and {other.label}"
    assert "consignee Gulf Buyer LLC named in detention 9 (2026-11-30)" in reason.evidence
    assert scorer.score(two).risk == scorer.score(both).risk  # the reason counts once


def test_an_authorised_importer_at_a_genuine_price_lowers_the_risk() -> None:
    marked = replace(CARTRIDGES, brand="CCELL")
    received = replace(marked, consignee="EXAMPLE IMPORTER LLC")
    assert "counterfeit_mark" in _keys(marked)
    assert {"counterfeit_mark", "not_authorised"}.isdisjoint(_keys(received, counted=False))
    assert {"counterfeit_mark", "confusing_mark"}.isdisjoint(_keys(received))
    genuine = next(r for r in SCORER.score(received).reasons if r.key == "genuine_goods")
    assert "not counted as risk" in genuine.evidence
    assert "EXAMPLE IMPORTER LLC is an authorised importer" in genuine.evidence
    assert SCORER.score(received).risk < SCORER.score(marked).risk
    elsewhere = replace(received, destination="NG")  # parallel trade off the usual routes
    assert "unusual_route" not in _keys(elsewhere)
    assert "unusual_route" in _keys(replace(marked, destination="NG"))


def test_a_holders_authorised_traders_count_under_each_recordation_of_the_mark() -> None:
    # The holder lists its traders in the GACC recordation's guide; its CBP recordation of
    # the same mark has no guide. Goods from the listed exporter are genuine under both.
    us = RecordedRight(2, "CCELL (US-CBP TMK 1)", Mark("CCELL", GOODS), holder=7)
    scorer = DeclarationScorer([replace(RIGHT, holder=7), us])
    genuine = replace(CARTRIDGES, brand="CCELL", consignor=EXPORTER)
    risk = scorer.score(genuine)
    assert risk.level == "low" and not {"counterfeit_mark", "confusing_mark"} & {
        r.key for r in risk.reasons if r.weight
    }
    under_us = [r for r in risk.reasons if r.right_id == 2]
    assert {r.key for r in under_us} == {"genuine_goods", "authorised_trader"}
    listed = next(r for r in under_us if r.key == "authorised_trader")
    assert listed.evidence == f"{EXPORTER} is an authorised exporter (listed in {RIGHT.label})"
    # another holder's recordation of a like mark does not borrow this holder's list
    stranger = DeclarationScorer([replace(RIGHT, holder=7), replace(us, holder=8)])
    assert "counterfeit_mark" in {r.key for r in stranger.score(genuine).reasons if r.weight}
