"""The notice reader on notices written in the Commission's conventions (see samples.py)."""

from __future__ import annotations

import pytest

from ipsentry.matching.notices import parse_notice
from tests.unit.notices import samples


def names(parties: list[dict[str, str]]) -> list[str]:
    return [p["name"] for p in parties]


def test_an_institution_notice_with_its_service_list() -> None:
    """210.10(b): complainants and respondents served at their addresses, rights asserted."""
    got = parse_notice(samples.INSTITUTION).record()
    assert got["investigation"] == "337-TA-9901"
    assert got["title"] == "Certain Widget Assemblies and Components Thereof"
    assert got["notice_kind"] == "institution"
    assert got["fr_citation"] == "90 FR 7001-7003"
    assert got["date_published"] == "2025-01-21"
    assert got["complainants"] == [
        {"name": "Acme Widget Corporation", "location": "Austin, Texas"},
        {"name": "Acme Widget GmbH", "location": "Munich, Germany"},
    ]
    assert names(got["respondents"]) == [
        "Ningbo Bright Star Trading Co., Ltd.",
        "Widgetz Direct LLC",
        "Kowloon Gadget Limited",
    ]
    assert got["respondents"][2]["location"].endswith("Tsim Sha Tsui, Kowloon, Hong Kong")
    assert got["asserted_patents"] == ["9,876,543", "10,123,456", "RE48,765"]
    assert got["asserted_marks"] == ["4,111,222", "5,333,444"]
    # asked for, and foreseen in the default boilerplate, but not issued
    assert got["remedies"] == [] and got["remedies_requested"] == ["CDO", "GEO", "LEO"]
    assert got["dispositions"] == []


def test_terminations_read_respondent_by_respondent() -> None:
    """210.21(b)/(c): each list of respondents takes the ground written after it."""
    got = parse_notice(samples.TERMINATION).record()
    assert got["notice_kind"] == "termination"  # a consent order is no exclusion order
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == [
        ("Harbor Kitchenware Co., Ltd.", "consent_order"),
        ("Lumen Home Inc.", "consent_order"),
        ("Vortex Appliance LLC", "settlement"),
    ]
    # short names ("Harbor and Lumen") are the same parties, not new ones
    assert names(got["respondents"]) == [
        "Harbor Kitchenware Co., Ltd.",
        "Lumen Home Inc.",
        "Vortex Appliance LLC",
        "Qingdao Swift Electric Co., Ltd.",
    ]
    assert got["respondents"][0]["location"] == "Shenzhen, China"
    assert got["complainants"] == [{"name": "BlendCo Inc.", "location": "Denver, Colorado"}]
    assert got["remedies"] == []


def test_default_and_an_order_to_show_cause() -> None:
    """210.16: the finding of default counts; the order to show cause before it does not."""
    got = parse_notice(samples.DEFAULT).record()
    assert got["notice_kind"] == "default"
    assert {d["disposition"] for d in got["dispositions"]} == {"default"}
    assert [d["respondent"] for d in got["dispositions"]] == [
        "Zhongshan Fine Cut Appliance Co., Ltd.",
        "Sharpline Trading Inc.",
        "Best Barber Supply LLC",
    ]
    assert got["respondents"][1]["location"] == "Flushing, New York"


def test_no_violation_for_the_whole_investigation_reaches_every_respondent() -> None:
    got = parse_notice(samples.NO_VIOLATION).record()
    assert got["notice_kind"] == "final_determination"
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == [
        ("Polar Controls Ltd.", "no_violation"),
        ("Polar Controls USA, Inc.", "no_violation"),
    ]


def test_violation_with_remedial_orders_and_bond() -> None:
    """210.50: the orders issued make the notice an exclusion-order notice."""
    got = parse_notice(samples.VIOLATION).record()
    assert got["notice_kind"] == "exclusion_order"
    assert got["remedies"] == ["CDO", "LEO"]
    assert {d["disposition"] for d in got["dispositions"]} == {"violation"}
    assert got["bond"] == "zero"


def test_withdrawal_as_to_one_respondent() -> None:
    got = parse_notice(samples.WITHDRAWAL).record()
    assert got["dispositions"] == [
        {"respondent": "Delta Imports Corp.", "disposition": "withdrawal", "date": None}
    ]
    assert got["respondents"] == [
        {"name": "Delta Imports Corp.", "location": "Elizabeth, New Jersey"}
    ]


def test_a_news_release_on_an_institution() -> None:
    got = parse_notice(samples.NEWS_RELEASE).record()
    assert got["investigation"] == "337-TA-9907"
    assert got["notice_kind"] == "institution" and got["doc_type"] == "news_release"
    assert got["title"] == "certain folding bicycles and components thereof"
    assert got["complainants"] == [{"name": "Foldaway Cycles, Inc.", "location": "Portland, OR"}]
    assert names(got["respondents"]) == [
        "Tianjin Wheelworks Co., Ltd.",
        "Ride Cheap LLC",
        "Urban Fold Limited",
    ]
    assert got["remedies"] == [] and got["remedies_requested"] == ["GEO"]


def test_a_truncated_notice_states_only_what_is_left() -> None:
    cut = samples.TERMINATION[: samples.TERMINATION.index("granting motions")] + "\n[...]\n"
    got = parse_notice(cut).record()
    assert got["investigation"] == "337-TA-9902" and got["notice_kind"] == "termination"
    assert got["respondents"] == [] and got["dispositions"] == []


def test_terminating_the_whole_investigation_without_named_respondents() -> None:
    """A settlement ending the investigation, its respondents not named in the text."""
    text = (
        "[Investigation No. 337-TA-9908]\nCertain Lamps; Termination of the Investigation\n"
        "SUMMARY: Notice is hereby given that the U.S. International Trade Commission has "
        "determined not to review an initial determination terminating the investigation "
        "based on a settlement agreement.\n"
    )
    got = parse_notice(text).record()
    assert [d["disposition"] for d in got["dispositions"]] == ["settlement"]
    assert got["dispositions"][0]["respondent"].startswith("ALL")


def test_text_that_is_no_notice_is_not_taken_for_one() -> None:
    assert not parse_notice("Minutes of the garden club: roses, tulips and a bake sale.").about_337
    assert parse_notice(samples.DEFAULT).about_337


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "of PLACE" after a name ending in its legal form (Federal Register usage)
        (
            "respondent Nintendo of America Inc. of Redmond, Washington based on a settlement",
            ("Nintendo of America Inc.", "Redmond, Washington"),
        ),
        # a comma before "of", and "the" before a country
        (
            "respondent Orbit Tools Ltd., of the United Kingdom based on a settlement",
            ("Orbit Tools Ltd.", "United Kingdom"),
        ),
        # initials keep their full stop
        (
            "respondent Orbit Tools Ltd., U.S. of Delaware based on a settlement",
            ("Orbit Tools Ltd., U.S.", "Delaware"),
        ),
        # a name with no legal form
        (
            "respondent Sunbeamz of Ningbo, Zhejiang, China based on a settlement",
            ("Sunbeamz", "Ningbo, Zhejiang, China"),
        ),
        # a state written as CO is no company form
        (
            "respondent Peak Gear LLC of Boulder, CO based on a settlement",
            ("Peak Gear LLC", "Boulder, CO"),
        ),
    ],
)
def test_names_and_locations(sentence: str, expected: tuple[str, str]) -> None:
    text = f"[Investigation No. 337-TA-9909]\nCertain Tools; Termination\nSUMMARY: The Commission terminated the investigation as to {sentence}.\n"
    got = parse_notice(text).record()
    assert (got["respondents"][0]["name"], got["respondents"][0]["location"]) == expected
    assert got["dispositions"][0]["disposition"] == "settlement"


def test_a_finding_in_part_reads_each_list_with_its_own_ground() -> None:
    """210.45: violation by some respondents, no violation as to another, in one sentence."""
    text = (
        "[Investigation No. 337-TA-9910]\nCertain Drones; Notice of a Commission Final "
        "Determination Finding a Violation of Section 337 in Part; Issuance of a Limited "
        "Exclusion Order; Termination of the Investigation\nSUMMARY: Notice is hereby given "
        "that the U.S. International Trade Commission has determined that a violation of "
        "section 337 has occurred by respondents Skyhawk Robotics Co., Ltd. of Shenzhen, China "
        "and Aero Toys Inc. of Dallas, Texas, and that no violation has occurred with respect "
        "to respondent Cloud Nine LLC of Reno, Nevada.\n"
    )
    got = parse_notice(text).record()
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == [
        ("Skyhawk Robotics Co., Ltd.", "violation"),
        ("Aero Toys Inc.", "violation"),
        ("Cloud Nine LLC", "no_violation"),
    ]
    assert got["notice_kind"] == "exclusion_order" and got["remedies"] == ["LEO"]


def test_a_collective_name_and_settlements_as_to_several() -> None:
    """210.21(b): "as to respondents A; B; and C (collectively, ...) based on settlement"."""
    text = (
        "[Investigation No. 337-TA-9911]\nCertain Mugs; Notice of a Commission Determination "
        "Not To Review an Initial Determination Terminating the Investigation as to Three "
        "Respondents\nSUMMARY: Notice is hereby given that the U.S. International Trade "
        "Commission has determined not to review an initial determination (Order No. 20) "
        "granting complainant's unopposed motion to terminate the investigation as to "
        "respondents Ceramica Uno S.p.A. (“Ceramica”); Mug World Pty Ltd (“Mug World”); and "
        "Blue Kiln GmbH (“Blue Kiln”) (collectively, “the Settling Respondents”) based on "
        "settlement agreements.\n"
    )
    got = parse_notice(text).record()
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == [
        ("Ceramica Uno S.p.A.", "settlement"),
        ("Mug World Pty Ltd", "settlement"),
        ("Blue Kiln GmbH", "settlement"),
    ]


@pytest.mark.parametrize(
    ("sentence", "patents", "marks"),
    [
        # a list with a short name after the first number and "; and" before the last
        (
            "U.S. Patent Nos. 7,124,136 (“the '136 patent”); 7,542,237; and RE48,012",
            ["7,124,136", "7,542,237", "RE48,012"],
            [],
        ),
        ("U.S. Design Patent No. D789,123", ["D789,123"], []),
        # trademark registrations (19 U.S.C. 1337(a)(1)(C)); a copyright registration is not one
        (
            "U.S. Trademark Registration Nos. 3,934,516 and 4,101,201 and Copyright Registration No. 1,234,567",
            [],
            ["3,934,516", "4,101,201"],
        ),
    ],
)
def test_asserted_rights(sentence: str, patents: list[str], marks: list[str]) -> None:
    text = f"[Investigation No. 337-TA-9912]\nCertain Lamps; Institution of Investigation\nSUMMARY: The complaint alleges infringement of {sentence}.\n"
    got = parse_notice(text).record()
    assert got["asserted_patents"] == patents and got["asserted_marks"] == marks


BASE = (
    "[Investigation No. 337-TA-9913]\nCertain Toys; Notice of a Commission Determination\n"
    "SUMMARY: Notice is hereby given that the U.S. International Trade Commission has "
)


def test_short_names_in_a_list_are_separate_respondents() -> None:
    got = parse_notice(
        BASE
        + "determined not to review an initial determination finding respondents Foo, Bar, and Baz in default."
    ).record()
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == [
        ("Foo", "default"),
        ("Bar", "default"),
        ("Baz", "default"),
    ]


def test_a_finding_under_review_is_not_the_commissions() -> None:
    """210.43/210.45: an initial determination the Commission reviews decides nothing yet."""
    got = parse_notice(
        BASE
        + "determined to review in part a final initial determination finding a violation of section 337 by respondent Gizmo Ltd. of Hong Kong."
    ).record()
    assert got["respondents"] == [{"name": "Gizmo Ltd.", "location": "Hong Kong"}]
    assert got["dispositions"] == []


def test_older_wordings_of_the_parties() -> None:
    got = parse_notice(
        BASE
        + "instituted this investigation based on a complaint filed by Foo Inc. and Foo Technologies LLC, both of San Jose, California. The respondents named in the notice of investigation are Alpha Co. of Taipei, Taiwan; and Beta Ltd. of Seoul, Korea."
    ).record()
    assert names(got["complainants"]) == ["Foo Inc.", "Foo Technologies LLC"]
    assert got["respondents"] == [
        {"name": "Alpha Co.", "location": "Taipei, Taiwan"},
        {"name": "Beta Ltd.", "location": "Seoul, Korea"},
    ]


@pytest.mark.parametrize(
    ("summary", "complainants", "dispositions"),
    [
        # a possessive ends the complainant's name (the motion is its, not a party)
        (
            "determined not to review an initial determination granting complainant Inkwell Inc.'s (“Inkwell”) motion to terminate the investigation as to respondent Quill Ltd. of Leeds, United Kingdom based on a consent order.",
            ["Inkwell Inc."],
            [("Quill Ltd.", "consent_order")],
        ),
        # "complainant A and respondent B": each list ends where the other role begins
        (
            "determined not to review an initial determination granting a joint motion of complainant Inkwell Inc. and respondent Quill Ltd. to terminate the investigation based on a settlement agreement.",
            ["Inkwell Inc."],
            [("Quill Ltd.", "settlement")],
        ),
    ],
)
def test_parties_of_a_motion(
    summary: str, complainants: list[str], dispositions: list[tuple[str, str]]
) -> None:
    got = parse_notice(BASE.replace("9913", "9914") + summary).record()
    assert names(got["complainants"]) == complainants
    assert [(d["respondent"], d["disposition"]) for d in got["dispositions"]] == dispositions


def test_a_news_release_on_an_exclusion_order_has_that_kind() -> None:
    text = (
        "News Release 25-002\nInv. No(s). 337-TA-9915\nThe U.S. International Trade Commission "
        "(USITC) has issued a general exclusion order in its investigation of certain phone "
        "cases.\n"
    )
    got = parse_notice(text).record()
    assert got["notice_kind"] == "exclusion_order" and got["remedies"] == ["GEO"]
