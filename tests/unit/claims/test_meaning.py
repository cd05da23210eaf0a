"""Elements read by meaning: the product's own words for a claimed thing (WordNet's nouns),
things the product only works with, and related kinds that are left to counsel."""

from __future__ import annotations

import pytest

from ipsentry.matching.claims.chart import ChartEngine, Finding
from ipsentry.matching.claims.parse import parse_claims
from ipsentry.matching.claims.relations import Relation, lemma, related
from ipsentry.matching.claims.terms import read_terms


@pytest.fixture(scope="module")
def engine() -> ChartEngine:
    return ChartEngine(dense=False)


def element(engine: ChartEngine, claim: str, product: str, position: int = -1):  # type: ignore[no-untyped-def]
    return engine.chart(parse_claims([(1, claim)]), engine.read(product))[0].elements[position]


@pytest.mark.parametrize(
    ("claimed", "written", "relation"),
    [
        ("fastener", "screw", Relation.SAME),  # a screw is a kind of fastener
        ("battery", "accumulator", Relation.SAME),  # a synonym
        ("batteries", "accumulator", Relation.SAME),  # plurals find their headword
        ("pump", "aspirator", Relation.SAME),
        ("screw", "propeller", Relation.RELATED),  # another sense's family: not the same
        ("fastener", "brake", Relation.RELATED),  # another kind of restraint
    ],
)
def test_wordnet_relations(claimed: str, written: str, relation: Relation) -> None:
    (stem,) = read_terms(written).weights
    assert related(claimed).get(stem.removeprefix("s:")) == relation


def test_a_word_wordnet_does_not_know_relates_to_nothing() -> None:
    assert lemma("ccell") == "" and related("ccell") == {}


def test_the_products_word_for_the_claimed_thing_meets_it(engine: ChartEngine) -> None:
    found = element(
        engine,
        "A bracket comprising a fastener and a plate.",
        "The bracket has a steel plate held by a screw.",
    )
    assert found.finding == Finding.PRESENT
    assert "by meaning (WordNet): 'screw' for 'fastener'" in found.note


def test_a_part_it_only_works_with_is_not_the_products_own(engine: ChartEngine) -> None:
    claim = "A vaporizer comprising:\na cartridge; and\na battery."
    product = "The kit is a glass cartridge with a ceramic coil. Works with any 510 thread battery."
    battery = element(engine, claim, product)
    assert battery.finding == Finding.MISSING and battery.evidence == ""
    assert "works with" in battery.note and "510 thread battery" in battery.note
    sold_apart = element(
        engine, claim, "A glass cartridge with a ceramic coil; battery sold separately."
    )
    assert sold_apart.finding == Finding.MISSING
    own = element(
        engine, claim, "A glass cartridge with a ceramic coil. The battery charges by USB."
    )
    assert own.finding == Finding.PRESENT
    housed = element(  # the element's other words (body) are the product's; its thing is not
        engine,
        "A vaporizer comprising: a body; a battery housed within the body; and a coil.",
        "Inside the housing, a liquid storage cavity holds 1.0 ml of oil around a central air "
        "tube. The atomizing assembly uses a porous ceramic body instead of a cotton wick. "
        "A coil heats the oil. The cartridge works with any 510 thread battery at 3.3 to 4.0 V.",
        position=-2,
    )
    assert housed.finding == Finding.MISSING and housed.evidence == ""
    assert "related kind of thing, not the same: ;" not in housed.note


def test_a_different_kind_of_the_same_family_is_at_most_for_counsel(engine: ChartEngine) -> None:
    film = element(engine, "A heater comprising a resistive film printed on a ceramic plate.",
                   "The heater has a resistance wire wound on a ceramic plate.")  # fmt: skip
    assert film.finding in (Finding.EQUIVALENT, Finding.MISSING)
    brake = element(engine, "A door comprising a fastener.", "The door has a brake.")
    assert brake.finding in (Finding.EQUIVALENT, Finding.MISSING)
    assert brake.finding != Finding.EQUIVALENT or "related kind" in brake.note


def test_by_meaning_only_is_said(engine: ChartEngine) -> None:
    dense = ChartEngine(dense=True)
    found = element(
        dense, "A lamp comprising a battery.", "The lamp runs on a rechargeable accumulator."
    )
    assert found.finding == Finding.PRESENT and "by meaning" in found.note


def test_every_word_but_the_thing_itself_is_not_the_element(engine: ChartEngine) -> None:
    claim = "A heater comprising a heating element, wherein the heating element is a resistive film printed on a ceramic plate."
    wire = element(
        engine,
        claim,
        "The heater has a heating element: a resistive wire printed on a ceramic plate.",
    )
    assert wire.finding == Finding.EQUIVALENT and "names no 'film'" in wire.note
    film = element(
        engine,
        claim,
        "The heater has a heating element: a resistive film printed on a ceramic plate.",
    )
    assert film.finding == Finding.PRESENT
