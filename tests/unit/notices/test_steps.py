"""The steps that make an ITC termination final (19 CFR 210.42): each read only where the
notice states it, with a date only where it gives one. Sentences written here in the
Federal Register's style, not taken from the development notices."""

from __future__ import annotations

from datetime import date

from ipsentry.matching.notices.steps import (
    FEDERAL_REGISTER_NOTICE,
    INITIAL_DETERMINATION,
    NOT_REVIEWED,
    read_steps,
)

SUMMARY = (
    "Notice is hereby given that the Commission has determined not to review an initial "
    "determination (“ID”) (Order No. 7) of the presiding administrative law judge "
    "terminating the investigation based on withdrawal of the complaint."
)


def test_all_three_steps_with_their_dates() -> None:
    said = [SUMMARY, "On May 2, 2024, the ALJ issued an ID granting the motion."]
    text = " ".join(said) + "\nBy order of the Commission.\nIssued: May 30, 2024."
    steps = read_steps(said, text, "89 FR 50001-50002", date(2024, 6, 4))
    assert [(s.kind, s.on, s.reference) for s in steps] == [
        (INITIAL_DETERMINATION, date(2024, 5, 2), "Order No. 7"),
        (NOT_REVIEWED, date(2024, 5, 30), "Commission determination not to review the ID"),
        (FEDERAL_REGISTER_NOTICE, date(2024, 6, 4), "89 FR 50001-50002"),
    ]


def test_a_step_the_notice_does_not_state_is_not_invented() -> None:
    said = [SUMMARY]  # no date for the ID, no signature block
    steps = read_steps(said, SUMMARY, None, None)
    assert [(s.kind, s.on) for s in steps] == [(INITIAL_DETERMINATION, None), (NOT_REVIEWED, None)]
    news = ["The Commission voted to institute an investigation of certain widgets."]
    assert read_steps(news, news[0], None, None) == ()
    reviewed = ["The Commission has determined to review the ID in part."]
    assert [s.kind for s in read_steps(reviewed, reviewed[0], None, None)] == [
        INITIAL_DETERMINATION
    ]
