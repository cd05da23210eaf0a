"""Negative limitations, conditions and front matter: what an element excludes, and where
evidence may come from."""

from __future__ import annotations

import pytest

from ipsentry.matching.claims.chart import ChartEngine, Finding, Verdict
from ipsentry.matching.claims.limits import condition_of, exclusion
from ipsentry.matching.claims.parse import parse_claims
from ipsentry.matching.claims.passages import split


@pytest.fixture(scope="module")
def engine() -> ChartEngine:
    return ChartEngine(dense=False)


@pytest.mark.parametrize(
    "element",
    [
        "a nozzle and a pump",  # 'no' starts the word; nothing is excluded
        "a notch formed in the rim",
        "a node of the network",
        "a nonwoven fabric layer",  # a material, not a negation
        "a normally closed valve",
        "a nominal voltage",
        "a nonce generator",
        "a plurality of nodes",
    ],
)
def test_words_that_start_like_a_negation_exclude_nothing(element: str) -> None:
    assert exclusion(element) is None


@pytest.mark.parametrize(
    ("element", "excluded", "remainder"),
    [
        ("wherein the porous ceramic body is free of a wick", "a wick", "wherein the porous ceramic body is"),
        ("a cartridge without a cotton wick", "a cotton wick", "a cartridge"),
        ("a wickless atomizer", "wick", "a atomizer"),
        ("a non-conductive sleeve", "conductive", "a sleeve"),
        ("a housing having no seam", "seam", "a housing having"),
        ("a body free of a wick when assembled", "a wick", "a body when assembled"),
    ],
)  # fmt: skip
def test_what_a_negative_limitation_excludes(element: str, excluded: str, remainder: str) -> None:
    found = exclusion(element)
    assert found is not None
    assert (found.excluded, found.remainder) == (excluded, remainder)


@pytest.mark.parametrize(
    ("element", "condition"),
    [
        ("a controller that stops the heater when no airflow is sensed", "when no airflow is sensed"),
        ("a valve that closes if no pressure is applied", "if no pressure is applied"),
        ("a pump that starts in response to no signal from the sensor", "in response to no signal from the sensor"),
        ("an alarm that sounds unless a wick is detected", "unless a wick is detected"),
    ],
)  # fmt: skip
def test_a_negation_inside_a_conditional_clause_is_a_condition(
    element: str, condition: str
) -> None:
    assert exclusion(element) is None
    assert condition_of(element) == condition


def test_a_nozzle_is_present_not_evidence_of_absence(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A sprayer comprising a nozzle and a pump.")])
    result = engine.chart(claims, engine.read("The sprayer has a nozzle and a pump."))[0]
    assert [e.finding for e in result.elements] == [Finding.PRESENT]
    assert result.verdict == Verdict.READS_ON and result.share_found == 1.0


def test_a_conditional_clause_is_charted_as_a_condition(engine: ChartEngine) -> None:
    claims = parse_claims(
        [(1, "A vaporizer comprising:\na heater; and\na controller that switches off the heater when no puff is detected.")]
    )  # fmt: skip
    product = (
        "The vaporizer has a ceramic heater. Its controller switches off the heater when no "
        "puff is detected for ten seconds."
    )
    result = engine.chart(claims, engine.read(product))[0]
    controller = result.elements[-1]
    assert controller.finding == Finding.PRESENT
    assert "switches off the heater" in controller.evidence
    assert "condition" in controller.note


def test_absence_is_not_shown_by_a_word_that_starts_with_no(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A sprayer comprising a housing free of a pump.")])
    result = engine.chart(claims, engine.read("The sprayer housing has a nozzle. A pump feeds it."))
    assert result[0].elements[-1].finding == Finding.CONTRADICTED


def test_a_negative_element_also_needs_what_it_asks_for(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A cartridge comprising a ceramic heating core free of a wick.")])
    stated = "The cartridge has a ceramic heating core. No wick is used."
    assert (
        engine.chart(claims, engine.read(stated))[0].elements[-1].finding
        == Finding.ABSENT_AS_REQUIRED
    )
    other = engine.chart(claims, engine.read("A cartridge for oil. No wick is used."))[0]
    assert other.elements[-1].finding != Finding.ABSENT_AS_REQUIRED
    assert "No wick" not in other.elements[-1].evidence


def test_a_word_ending_in_less_states_the_absence(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A drill comprising a motor and a housing free of a cord.")])
    result = engine.chart(claims, engine.read("This cordless drill has a motor in its housing."))
    assert result[0].elements[-1].finding == Finding.ABSENT_AS_REQUIRED


FRONT = (
    "CROSS REFERENCE TO RELATED APPLICATIONS This application claims the benefit of U.S. "
    "Provisional Application No. filed Jan. which is incorporated herein by reference in its "
    "entirety. BACKGROUND The present invention relates to sprayers with a nozzle. "
    "Field tests show the pump works. SUMMARY: A sprayer with a pump is provided."
)


def test_front_matter_is_never_a_passage() -> None:
    texts = [p.text for p in split(FRONT)]
    assert texts == [
        "The present invention relates to sprayers with a nozzle.",
        "Field tests show the pump works.",  # 'Field' here starts a sentence, not a heading
        "A sprayer with a pump is provided.",
    ]
    assert all(FRONT[p.start : p.end] == p.text for p in split(FRONT))


def test_a_priority_claim_is_never_evidence(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A method comprising filing a provisional application.")])
    result = engine.chart(claims, engine.read(FRONT))[0]
    assert all("Provisional" not in e.evidence for e in result.elements)
    assert all("benefit" not in e.evidence for e in result.elements)


def test_a_not_found_element_quotes_nothing(engine: ChartEngine) -> None:
    claims = parse_claims([(1, "A toaster comprising:\na quartz lamp;\na crumb tray.")])
    result = engine.chart(claims, engine.read("The sprayer has a nozzle and a pump."))[0]
    assert all(e.finding == Finding.MISSING for e in result.elements)
    assert all(e.evidence == "" and e.location == "" for e in result.elements)
    assert result.share_found == 0.0 and result.record()["elements_present"] == 0


def test_a_patent_without_claims_is_refused_with_its_number() -> None:
    from ipsentry.domain.rights import LegalStatus, Patent
    from ipsentry.errors import InvalidInput
    from ipsentry.services.claim_charts import Charter

    design = Patent(jurisdiction="CN", title="Cartridge design", status=LegalStatus.GRANTED,
                    application_number="201930000003.X")  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        Charter(dense=False).chart(design, "A cartridge with a glass tank.", "product.txt")
    (problem,) = refused.value.problems
    assert problem.field == "--patent" and "CN 201930000003.X has no claims" in problem.message
