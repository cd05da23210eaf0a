"""Mediation suitability and the conflict check, on disputes and parties written here."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ipsentry.domain.conflicts import MatterParty, check_conflicts, core_name
from ipsentry.domain.disputes import (
    Dispute,
    DisputeStatus,
    MediationSession,
    OutcomeKind,
    dispute_statistics,
)
from ipsentry.domain.mediation import Suitability, policy, read_policy
from ipsentry.domain.outreach import anonymise
from ipsentry.domain.parties import IdentifierKind, Party, PartyAlias, PartyIdentifier
from ipsentry.errors import Conflict, InvalidInput

AT = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def test_a_copy_that_stopped_after_notice_between_complementary_businesses_suits_mediation() -> (
    None
):
    # The pattern of source-governance mediation: the conduct stopped after notice and the
    # two businesses could work together.
    assessment = policy().assess(
        {"conduct_stopped_after_notice": True, "complementary_businesses": True}
    )
    assert assessment.verdict is Suitability.SUITABLE
    assert assessment.score == 5
    shown = {r.factor.key: (r.present, r.effect) for r in assessment.readings}
    assert shown["conduct_stopped_after_notice"] == (True, 3)
    assert shown["urgent_preservation"] == (None, 0)  # unknown is shown as unknown


def test_wilful_counterfeiting_needing_preservation_goes_to_court() -> None:
    assessment = policy().assess({"wilful_counterfeiting": True, "urgent_preservation": True})
    assert assessment.verdict is Suitability.NOT_SUITABLE
    assert assessment.score == -7


def test_a_party_refusing_mediation_decides_whatever_the_other_factors() -> None:
    facts = {
        "conduct_stopped_after_notice": True,
        "ongoing_relationship": True,
        "party_refuses_mediation": True,
    }
    assessment = policy().assess(facts)
    assert assessment.verdict is Suitability.NOT_SUITABLE
    assert assessment.blocked_by == "party_refuses_mediation"


def test_mixed_factors_are_worth_considering() -> None:
    assessment = policy().assess({"ongoing_relationship": True, "precedent_needed": True})
    assert (assessment.score, assessment.verdict) == (0, Suitability.CONSIDER)


def test_an_override_keeps_the_assessment_and_needs_a_reason() -> None:
    assessment = policy().assess({"precedent_needed": True, "validity_challenged": True})
    with pytest.raises(InvalidInput, match="say why"):
        assessment.overridden(Suitability.SUITABLE, "  ", "mediator@court", AT)
    decided = assessment.overridden(
        Suitability.SUITABLE, "both asked for mediation", "mediator@court", AT
    )
    assert decided.verdict is Suitability.SUITABLE
    assert decided.assessed is Suitability.NOT_SUITABLE


def test_an_unknown_factor_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as refused:
        policy().assess({"moon_phase": True})
    assert [p.field for p in refused.value.problems] == ["moon_phase"]


def test_a_bad_policy_file_names_the_place() -> None:
    text = {"en": "t", "zh_Hans": "t"}
    raw = {
        "key": "m", "version": 1, "suitable_from": 0, "consider_from": 2,
        "factors": [{"key": "a", "weight": "heavy", "text": text, "why": text},
                    {"key": "b", "weight": 1, "text": text, "why": text, "blocks": "maybe"}],
    }  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        read_policy(raw, "p.yaml")
    fields = {p.field for p in refused.value.problems}
    assert fields == {"factors[0].weight", "factors[1].blocks", "suitable_from"}


# --- conflict check ---------------------------------------------------------------------


def _party(name: str, *aliases: str, uscc: str = "") -> Party:
    ids = [PartyIdentifier(kind=IdentifierKind.USCC, value=uscc)] if uscc else []
    return Party(
        organisation_id=1, name=name, aliases=[PartyAlias(name=a) for a in aliases], identifiers=ids
    )


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Acme Co., Ltd.", "acme"),
        ("ACME LIMITED", "acme"),
        ("深圳市某某科技有限公司", "深圳市某某科技"),
        ("Ｂｅｔａ　Ｉｎｃ．", "beta"),  # full-width letters and space
        ("Limited", "limited"),  # a name that is only a legal form is kept
        ("Shenzhen Trial Trading Co Ltd", "shenzhen trial trading"),  # the form's dots left out
        ("Reltd", "reltd"),  # a form only as whole words
    ],
)
def test_core_name_drops_case_width_punctuation_and_the_legal_form(name: str, core: str) -> None:
    assert core_name(name) == core


def test_the_same_company_under_another_legal_form_is_a_certain_conflict() -> None:
    existing = [MatterParty("dispute 7", "respondent", _party("Acme Limited"))]
    (conflict,) = check_conflicts([("claimant", _party("ACME Co., Ltd."))], existing)
    assert (conflict.matter, conflict.role, conflict.how, conflict.certain) == (
        "dispute 7", "respondent", "same name", True,
    )  # fmt: skip


def test_the_same_party_on_the_same_side_again_is_a_note_not_a_conflict() -> None:
    existing = [MatterParty("dispute 7", "claimant", _party("Acme Limited"))]
    (note,) = check_conflicts([("claimant", _party("Acme Ltd"))], existing)
    assert (note.how, note.certain) == ("same name, same side", False)


def test_an_alias_or_an_identifier_finds_the_same_party() -> None:
    existing = [
        MatterParty("case A", "complainant", _party("Gamma Trading", "Gamma Shop")),
        MatterParty("case B", "respondent", _party("Other Name LLC", uscc="91440300MA5XXXXX1A")),
    ]
    new = _party("Gamma Shop Inc.", uscc="91440300ma5xxxxx1a")
    found = {(c.matter, c.how) for c in check_conflicts([("respondent", new)], existing)}
    assert found == {
        ("case A", "same name"),
        ("case B", "same identifier (uscc 91440300MA5XXXXX1A), same side"),
    }


def test_a_close_name_is_possible_for_a_person_to_decide_and_strangers_are_not_listed() -> None:
    existing = [
        MatterParty("dispute 3", "claimant", _party("Northwind Robotics")),
        MatterParty("dispute 4", "claimant", _party("Blue Harbour Foods")),
    ]
    (conflict,) = check_conflicts([("respondent", _party("Northwind Robotic"))], existing)
    assert conflict.matter == "dispute 3"
    assert not conflict.certain and conflict.how.startswith("similar name")


# --- dispute lifecycle and statistics ---------------------------------------------------


def _dispute(received: str = "2026-01-05") -> Dispute:
    return Dispute(provider_organisation_id=1, title="d", claimant_party_id=1, respondent_party_id=2,
                   received_on=date.fromisoformat(received))  # fmt: skip


def test_a_mediated_cooperation_agreement_resolves_the_dispute() -> None:
    dispute = _dispute()
    dispute.move(DisputeStatus.IN_MEDIATION)
    dispute.sessions.append(MediationSession(held_on=date(2026, 2, 1)))
    dispute.resolve(OutcomeKind.COOPERATION_AGREEMENT, date(2026, 3, 6))
    assert dispute.status is DisputeStatus.RESOLVED and dispute.mediated
    with pytest.raises(Conflict, match="resolved cannot become in mediation"):
        dispute.move(DisputeStatus.IN_MEDIATION)


def test_no_agreement_refers_the_dispute_on_and_dates_must_follow_intake() -> None:
    dispute = _dispute()
    dispute.move(DisputeStatus.IN_MEDIATION)
    with pytest.raises(Conflict, match="before the dispute was received"):
        dispute.resolve(OutcomeKind.SETTLEMENT, date(2025, 12, 31))
    dispute.resolve(OutcomeKind.NO_AGREEMENT, date(2026, 2, 1))
    assert dispute.status is DisputeStatus.REFERRED and not dispute.mediated


def test_statistics_count_mediated_endings_and_the_median_time() -> None:
    mediated, judged, waiting = _dispute(), _dispute(), _dispute()
    mediated.move(DisputeStatus.IN_MEDIATION)
    mediated.sessions.append(MediationSession(held_on=date(2026, 1, 20)))
    mediated.resolve(OutcomeKind.SETTLEMENT, date(2026, 2, 4))  # 30 days
    judged.move(DisputeStatus.REFERRED)
    judged.outcome, judged.outcome_on = OutcomeKind.JUDGMENT, date(2026, 4, 5)  # 90 days
    stats = dispute_statistics([mediated, judged, waiting])
    assert (stats.total, stats.open, stats.resolved, stats.by_mediation) == (3, 1, 1, 1)
    assert stats.share_by_mediation == 0.5
    assert stats.median_days_to_resolution == 60


def test_a_case_study_names_roles_not_parties() -> None:
    text = (
        "ACME CO., LTD. complained that Acme's rival, Beta Trading Limited (trading as Beta Shop), "
        "copied its design; Beta later stopped selling Betamax tapes. 深圳市某某科技有限公司也停止了。"
    )
    names = {
        "claimant": ["Acme Co., Ltd."],
        "respondent": ["Beta Trading Limited", "Beta Shop", "Beta", "深圳市某某科技有限公司"],
    }
    assert anonymise(text, names) == (
        # "trading" is a word of the respondent's name: hidden too, the price of never leaking
        "[claimant] complained that [claimant]'s rival, [respondent] ([respondent] as [respondent]), "
        "copied its design; [respondent] later stopped selling Betamax tapes. [respondent]也停止了。"
    )


def test_a_short_form_of_a_name_and_a_trailing_legal_form_are_hidden_too() -> None:
    # the shape of a new user's trial: the text calls the parties by part of their names
    names = {
        "claimant": ["Beijing Example Robotics Co., Ltd."],
        "respondent": ["Shenzhen Leaky Widgets Co., Ltd.", "LeakyW"],
    }
    text = "Leaky Widgets (LeakyW) sold brushes; Example Robotics Co. Ltd found them."
    assert (
        anonymise(text, names) == "[respondent] ([respondent]) sold brushes; [claimant] found them."
    )


def test_a_common_word_of_a_name_is_kept_where_it_stands_alone() -> None:
    # the shape of a new user's trial: an app named with everyday words
    names = {
        "claimant": ["Beijing Video Platform Technology Co., Ltd."],
        "respondent": ["Shenzhen Quick Clip App Co., Ltd."],
    }
    text = (
        "Quick Clip put the video platform's mark into its app's deep link; a technology "
        "company sued. Shenzhen said so, and Video Clip was a name of both."
    )
    common = {"video", "platform", "technology", "quick", "clip", "app"}
    assert anonymise(text, names, lambda word: word.casefold() in common) == (
        # a lone everyday word stays; a run of name words or an unusual one still hides
        "[respondent] put the [claimant]'s mark into its app's deep link; a technology "
        "company sued. [respondent] said so, and [party] was a name of both."
    )


def test_the_case_study_reads_word_commonness_from_the_general_frequency_list() -> None:
    from ipsentry.services.outreach import is_common_word

    assert is_common_word("app") and is_common_word("Video")
    assert not is_common_word("Robotics") and not is_common_word("Smoore")


def test_a_partys_recorded_identifiers_and_any_address_are_hidden() -> None:
    names = {"claimant": ["Acme Robotics GmbH"], "respondent": ["Foo Bar Trading Co., Ltd."]}
    identifiers = {"respondent": ["sales@foobar.example", "foobar.example", "SELLER-991"]}
    text = (
        "Write to sales@foobar.example or visit foobar.example; the shop SELLER-991 sold them. "
        "Acme asked help@acme.example and https://acme.example/contact, then www.acme.example."
    )
    assert anonymise(text, names, identifiers_by_role=identifiers) == (
        "Write to [respondent] or visit [respondent]; the shop [respondent] sold them. "
        "[claimant] asked [address] and [address], then [address]."
    )
