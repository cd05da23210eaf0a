"""The claim parser on real USPTO claims and on hand-made edge cases."""

from __future__ import annotations

import json

import pytest

from ipsentry.domain.rights import ElementRole
from ipsentry.matching.claims import parse_claim, parse_claims, split_numbered_claims
from tests.conftest import DATA


def _corpus_claims() -> list[tuple[str, dict[str, object]]]:
    found = []
    for name in ("corpus.jsonl", "corpus_claims_only.jsonl"):
        for line in (DATA / "patents" / name).open():
            record = json.loads(line)
            found.extend((record["number"], claim) for claim in record["claims"])
    return found


def test_every_real_claim_parses_with_exact_spans_and_dependencies() -> None:
    claims = _corpus_claims()
    assert len(claims) > 5000
    for number, raw in claims:
        text = str(raw["text"])
        claim = parse_claim(int(str(raw["num"])), text)
        assert claim.depends_on == raw["depends_on"], (number, raw["num"])
        assert claim.elements, (number, raw["num"])
        for element in claim.elements:
            assert text[element.start : element.end] == element.text
            assert element.text == element.text.strip()
        positions = [e.start for e in claim.elements]
        assert positions == sorted(positions)


def test_real_patents_parse_as_whole_claim_sets() -> None:
    for line in (DATA / "patents" / "corpus.jsonl").open():
        record = json.loads(line)
        parsed = parse_claims([(c["num"], c["text"]) for c in record["claims"]])
        assert [c.num for c in parsed] == [c["num"] for c in record["claims"]]


def _split(text: str) -> list[tuple[str, str]]:
    return [(e.role.value, e.text) for e in parse_claim(1, text).elements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Semicolon-separated elements with "; and" before the last (the usual US form).
        (
            "A vaporizer comprising: a housing; a heater; and a reservoir.",
            [
                ("preamble", "A vaporizer"),
                ("transition", "comprising"),
                ("element", "a housing"),
                ("element", "a heater"),
                ("element", "a reservoir"),
            ],
        ),
        # A comma list with no semicolons splits before each new article.
        (
            "A vaporizer comprising a housing, a heating element, and a liquid storage cavity free of a wick.",
            [
                ("preamble", "A vaporizer"),
                ("transition", "comprising"),
                ("element", "a housing"),
                ("element", "a heating element"),
                ("element", "a liquid storage cavity free of a wick"),
            ],
        ),
        # "having" inside the preamble must not be taken for the transition.
        (
            "A device having a housing, comprising: a lid; and a base.",
            [
                ("preamble", "A device having a housing"),
                ("transition", "comprising"),
                ("element", "a lid"),
                ("element", "a base"),
            ],
        ),
        # A closed transition is kept whole so charting can treat it as closed.
        (
            "A mixture consisting of water and glycerol.",
            [
                ("preamble", "A mixture"),
                ("transition", "consisting of"),
                ("element", "water and glycerol"),
            ],
        ),
        # A wherein clause after a comma is its own element.
        (
            "A cartridge comprising a tube, wherein the tube is open at one end.",
            [
                ("preamble", "A cartridge"),
                ("transition", "comprising"),
                ("element", "a tube"),
                ("element", "wherein the tube is open at one end"),
            ],
        ),
        # European two-part form.
        (
            "A heater for a vaporizer, characterised in that the heater is a printed film.",
            [
                ("preamble", "A heater for a vaporizer"),
                ("transition", "characterised in that"),
                ("element", "the heater is a printed film"),
            ],
        ),
        # No transition at all: the whole claim is one element.
        ("Use of glycerol as a humectant.", [("element", "Use of glycerol as a humectant")]),
    ],
)
def test_element_splitting(text: str, expected: list[tuple[str, str]]) -> None:
    assert _split(text) == expected


def test_dependent_claim_takes_the_transition_right_after_its_reference() -> None:
    claim = parse_claim(3, "The vaporizer of claim 1, wherein the cavity has a volume of 0.5 ml.")
    assert claim.depends_on == 1
    assert [e.role for e in claim.elements] == [
        ElementRole.PREAMBLE,
        ElementRole.TRANSITION,
        ElementRole.ELEMENT,
    ]
    assert claim.elements[-1].text == "the cavity has a volume of 0.5 ml"


def test_claim_set_rejects_references_to_missing_or_later_claims() -> None:
    with pytest.raises(ValueError, match="not present"):
        parse_claims([(1, "A pen comprising ink."), (2, "The pen of claim 5, wherein ink is red.")])
    with pytest.raises(ValueError, match="forward"):
        parse_claims([(1, "The pen of claim 2, wherein ink is red."), (2, "A pen comprising ink.")])


def test_split_numbered_claims_ignores_numbers_inside_claims() -> None:
    text = "1. A tank comprising a wall 2. 5 mm thick. 2. The tank of claim 1, wherein the wall is glass."
    assert split_numbered_claims(text) == [
        (1, "A tank comprising a wall 2. 5 mm thick."),
        (2, "The tank of claim 1, wherein the wall is glass."),
    ]
