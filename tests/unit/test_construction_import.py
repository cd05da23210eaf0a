"""A patent's construction table comes in with the patent, in any of the importer's forms."""

from ipsentry.domain.rights import Patent
from ipsentry.services.right_records import record_from_right, right_from_record

BASE = {
    "kind": "patent",
    "jurisdiction": "US",
    "title": "Vaporizer",
    "status": "granted",
    "registration_number": "10357623",
}


def test_construction_as_object_text_or_json() -> None:
    for value in (
        {"liquid storage cavity": ["tank", "reservoir"]},
        "liquid storage cavity = tank; heating element = coil",
        '{"liquid storage cavity": "tank"}',
    ):
        patent, problems = right_from_record("p.csv", 2, {**BASE, "construction": value})
        assert problems == [] and isinstance(patent, Patent)
        assert patent.construction["liquid storage cavity"][0] == "tank"
    exported = record_from_right(patent)
    again, _ = right_from_record("p.json", 1, exported)
    assert isinstance(again, Patent) and again.construction == patent.construction


def test_a_bad_construction_is_named() -> None:
    for value, message in (
        ("tank", "write 'term = meaning"),
        ("{broken", "not valid JSON"),
        ({"wick": []}, "needs a term and at least one meaning"),
        (["tank"], "expected an object"),
    ):
        _, problems = right_from_record("p.csv", 7, {**BASE, "construction": value})
        assert [(p.row, p.field) for p in problems] == [(7, "construction")]
        assert message in problems[0].message
