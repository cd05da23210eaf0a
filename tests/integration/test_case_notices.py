"""Cases kept from notices: created by the first, moved on by later ones, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ipsentry.domain.cases import DispositionKind, PartyRole, RemedyKind, StepKind
from ipsentry.errors import Conflict
from ipsentry.services.access import Actor
from ipsentry.services.case_notices import import_notice
from ipsentry.services.case_views import show_case, timeline
from ipsentry.store.unit_of_work import UnitOfWork
from tests.unit.notices import samples

TODAY = date(2025, 6, 1)
HEAD = "[Investigation No. 337-TA-9901]\nCertain Widget Assemblies and Components Thereof; {caption}\nSUMMARY: Notice is hereby given that the U.S. International Trade Commission has {summary}\n"


def notice(tmp_path: Path, name: str, caption: str, summary: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD.format(caption=caption, summary=summary), "utf-8")
    return path


def states(uow: UnitOfWork, actor: Actor) -> dict[str, DispositionKind]:
    with uow:
        case = uow.records.case_by_number(actor.organisation_id, "337-TA-9901")
        assert case is not None
        names = uow.records.parties_by_ids(
            actor.organisation_id, [m.party_id for m in case.parties]
        )
        return {names[m.party_id].name: m.state() for m in case.parties_in(PartyRole.RESPONDENT)}


def test_a_case_from_its_notices(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> None:
    institution = tmp_path / "institution.txt"
    institution.write_text(samples.INSTITUTION, "utf-8")
    first = import_notice(uow, actor, institution, TODAY)
    assert first["created"] and "added respondent Widgetz Direct LLC" in first["changes"]
    assert import_notice(uow, actor, institution, TODAY)["changes"] == []  # twice: nothing new
    assert set(states(uow, actor).values()) == {DispositionKind.NAMED}

    consent = notice(tmp_path, "consent.txt", "Termination of the Investigation as to One Respondent",
                     "terminated the investigation as to respondent Ningbo Bright Star Trading Co. Ltd (“Bright Star”) based on a consent order.")  # fmt: skip
    assert import_notice(uow, actor, consent, TODAY)["changes"] == [
        "Ningbo Bright Star Trading Co., Ltd.: consent order"
    ]
    default = notice(tmp_path, "default.txt", "Finding a Respondent in Default",
                     "determined not to review an initial determination finding respondent Widgetz Direct LLC in default.")  # fmt: skip
    import_notice(uow, actor, default, TODAY)
    order = notice(tmp_path, "leo.txt", "Issuance of a Limited Exclusion Order Against the Respondent Found in Default",
                   "issued a limited exclusion order against respondent Widgetz Direct LLC of Newark, Delaware.")  # fmt: skip
    changes = import_notice(uow, actor, order, TODAY)["changes"]
    assert any(c.startswith("LEO ordered against party") for c in changes)
    assert states(uow, actor) == {
        "Ningbo Bright Star Trading Co., Ltd.": DispositionKind.CONSENT_ORDER,
        "Widgetz Direct LLC": DispositionKind.DEFAULT,
        "Kowloon Gadget Limited": DispositionKind.NAMED,
    }
    with uow:
        case = uow.records.case_by_number(actor.organisation_id, "337-TA-9901")
        assert case is not None
        assert [r.kind for r in case.remedies] == [RemedyKind.LEO]
        served = [
            d.kind for m in case.parties for d in m.dispositions if d.kind is DispositionKind.SERVED
        ]
        assert served == [DispositionKind.SERVED]  # the default implied service
        assert len(case.events) == 4

    settled = notice(tmp_path, "settled.txt", "Termination of the Investigation",
                     "terminated the investigation as to respondents Bright Star and Kowloon Gadget Limited based on settlement agreements.")  # fmt: skip
    with pytest.raises(
        Conflict,
        match=r"Ningbo Bright Star Trading Co\., Ltd\.: a respondent in consent order cannot move to settlement",
    ):
        import_notice(uow, actor, settled, TODAY)
    assert states(uow, actor)["Kowloon Gadget Limited"] is DispositionKind.NAMED  # nothing written


def test_the_case_as_shown(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> None:
    from ipsentry.errors import NotFound
    from ipsentry.services.case_views import list_cases, show_case

    institution = tmp_path / "institution.txt"
    institution.write_text(samples.INSTITUTION, "utf-8")
    import_notice(uow, actor, institution, TODAY)
    consent = notice(tmp_path, "consent.txt", "Termination as to One Respondent",
                     "terminated the investigation as to respondent Kowloon Gadget Limited based on a consent order.")  # fmt: skip
    import_notice(uow, actor, consent, TODAY)
    assert [(r["number"], r["respondents"], r["resolved"]) for r in list_cases(uow, actor)] == [
        ("337-TA-9901", 3, 1)
    ]
    shown = show_case(uow, actor, "337-TA-9901")
    assert shown["resolved_by"] == {"named": 2, "consent_order": 1}
    kowloon = next(p for p in shown["parties"] if p["name"] == "Kowloon Gadget Limited")
    assert kowloon["state"]["every asserted right"] == "consent_order"
    assert kowloon["steps"][0]["source"] == "termination notice (consent.txt)"
    assert {p["role"] for p in shown["parties"]} == {"complainant", "respondent"}
    with pytest.raises(NotFound):
        show_case(uow, actor, "337-TA-0001")


def test_a_termination_keeps_the_steps_that_made_it_final(
    uow: UnitOfWork, actor: Actor, tmp_path: Path
) -> None:
    """19 CFR 210.42: the judge's initial determination, the Commission's decision not to
    review it, and the notice in the Federal Register, kept on the disposition and shown
    once each on the case's timeline."""
    institution = tmp_path / "institution.txt"
    institution.write_text(samples.INSTITUTION, "utf-8")
    import_notice(uow, actor, institution, TODAY)
    text = (
        "[Federal Register Volume 90, Number 12 (Tuesday, January 21, 2025)]\n[Notices]\n"
        "[Pages 7001-7002]\n\n"
        + HEAD.format(
            caption="Termination of the Investigation as to One Respondent",
            summary="determined not to review an initial determination (“ID”) (Order No. 14) "
            "terminating the investigation as to respondent Kowloon Gadget Limited based on "
            "a settlement agreement.",
        )
        + "SUPPLEMENTARY INFORMATION: On December 12, 2024, the ALJ issued an ID granting "
        "the motion.\nBy order of the Commission.\nIssued: January 15, 2025.\n"
    )
    settled = tmp_path / "settled.txt"
    settled.write_text(text, "utf-8")
    import_notice(uow, actor, settled, TODAY)
    with uow:
        case = uow.records.case_by_number(actor.organisation_id, "337-TA-9901")
        assert case is not None
        final = [
            d for m in case.parties for d in m.dispositions if d.kind is DispositionKind.SETTLEMENT
        ]
        assert len(final) == 1
        assert [(s.kind, s.on, s.reference) for s in final[0].steps] == [
            (StepKind.INITIAL_DETERMINATION, date(2024, 12, 12), "Order No. 14"),
            (StepKind.NOT_REVIEWED, date(2025, 1, 15), "Commission determination not to review the ID"),
            (StepKind.FEDERAL_REGISTER_NOTICE, date(2025, 1, 21), "90 FR 7001-7002"),
        ]  # fmt: skip
        assert all(not d.steps for m in case.parties for d in m.dispositions if d is not final[0])
    detail = show_case(uow, actor, "337-TA-9901", TODAY)
    steps = [(e["on"], e["source"]) for e in timeline(detail)
             if "initial determination" in e["what"] or "Federal Register" in e["what"]]  # fmt: skip
    assert steps == [
        ("2024-12-12", "Order No. 14"),
        ("2025-01-15", "Commission determination not to review the ID"),
        ("2025-01-21", "90 FR 7001-7002"),
    ]
