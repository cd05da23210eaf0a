"""Screening runs over the stored portfolio (SQLite and PostgreSQL), and file mode."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ipsentry.domain.accounts import Role
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.screening import ReviewStatus
from ipsentry.errors import InvalidInput, PermissionDenied
from ipsentry.services import review
from ipsentry.services.access import resolve_actor
from ipsentry.services.demo import load_demo
from ipsentry.services.screening import run_screening, screen_files
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

DEMO_ORG = "smoore-demo"


def demo_actor(uow: UnitOfWork, role: str = "counsel"):  # type: ignore[no-untyped-def]
    load_demo(uow)
    with uow:
        return resolve_actor(uow, DEMO_ORG, f"{role}@smoore-demo.example")


def test_a_run_is_kept_with_its_hits_and_the_next_reports_only_what_is_new(uow: UnitOfWork) -> None:
    counsel = demo_actor(uow)
    first = run_screening(uow, counsel, now=datetime(2026, 11, 1, tzinfo=UTC))
    assert first.previous_run_id is None
    assert first.screened == 14
    kinds = {h.kind for h in first.hits}
    assert kinds == {
        ObservationKind.LISTING,
        ObservationKind.DECLARATION,
        ObservationKind.DOMAIN,
        ObservationKind.APP_LINK,
    }
    referential = [h for h in first.hits if h.assessment.category.value == "referential_use"]
    assert referential and all("compatible" in h.sign.lower() for h in referential)
    assert any(h.sign == "ccell" and "unfair competition" in h.matters for h in first.hits)

    again = run_screening(uow, counsel)
    assert again.previous_run_id == first.run_id
    assert len(again.hits) == len(first.hits) and again.new == []

    with uow:
        uow.records.add(
            Observation(
                organisation_id=counsel.organisation_id,
                kind=ObservationKind.LISTING,
                text="Ccelll pod kit 2ml",
                confidentiality=Confidentiality.CONFIDENTIAL,
            )
        )
        uow.commit()
    third = run_screening(uow, counsel)
    assert {h.sign for h in third.new} == {"Ccelll pod kit 2ml"}  # one hit per CCELL registration

    with uow:
        stored = uow.records.last_run(counsel.organisation_id, "mixed")
        assert stored is not None and stored.id == third.run_id
        # one finding per mark, listing its registrations; stored once per right for review
        assert len(stored.hits) == sum(len(h.rights) for h in third.hits)
        ccell = [h for h in third.hits if h.mark == "CCELL"]
        assert ccell and all(len(h.registrations) == len(h.rights) > 1 for h in ccell)
        said = stored.hits[0].explanation
        assert said["explanation"].endswith(".") and "[" not in said["explanation"]
        assert said["notation"].startswith("likelihood of confusion")  # the engine's own terms


def test_product_descriptions_are_charted_against_the_portfolio_claims(uow: UnitOfWork) -> None:
    counsel = demo_actor(uow)
    description = (
        "Disposable electronic cigarette with a rechargeable battery assembly. The atomizing assembly is "
        "electrically connected to the battery assembly and has a ceramic heating element. A liquid storage "
        "cavity supplies e-liquid to the atomizing assembly."
    )
    with uow:
        uow.records.add(
            Observation(
                organisation_id=counsel.organisation_id,
                kind=ObservationKind.LISTING,
                text="Pod vape 2ml",
                description=description,
            )
        )
        uow.commit()
    report = run_screening(uow, counsel, kind=ObservationKind.LISTING)
    charted = [c for c in report.claim_hits if c["patent"] == "US 10791762"]
    assert charted and charted[0]["verdict"] == "reads_on"
    assert all(
        e["evidence"] in "Pod vape 2ml " + description for e in charted[0]["chart"]["elements"]
    )
    with uow:
        stored = uow.records.last_run(counsel.organisation_id, "listing")
        assert stored is not None
        assert any(h.kind.value == "claim" and h.explanation["claim"] == 1 for h in stored.hits)


def test_only_writers_may_run_screening(uow: UnitOfWork) -> None:
    demo_actor(uow)
    with uow:
        viewer = resolve_actor(uow, DEMO_ORG, "viewer@smoore-demo.example")
    assert viewer.role == Role.VIEWER
    with pytest.raises(PermissionDenied):
        run_screening(uow, viewer)
    with uow:
        assert uow.records.last_run(viewer.organisation_id, "mixed") is None


def test_an_organisation_without_marks_screens_to_no_hits(uow: UnitOfWork) -> None:
    actor = make_actor(uow, slug="empty-co")
    report = run_screening(uow, actor, kind=ObservationKind.LISTING)
    assert report.screened == 0 and report.hits == []


MARKS = "id,mark,classes,goods,disclaimers,famous\n1,CCELL,34,vaporizer cartridges,,yes\n2,思摩尔,34,electronic cigarettes,,\n3,KWAI,9;38,video sharing software,,\n"
OBSERVATIONS = """id,kind,text,description,seller,declared_brand,hs_code
a1,listing,C-Cell style 510 cartridge 1ml,ceramic coil,,,
a2,listing,510 battery compatible with CCELL cartridges,,,,
a3,declaration,electronic cigarette cartridges,,,CCEL1,8543.40
a4,domain,ccell-official.shop,,,,
a5,app_link,kwai://open,,,,
a6,listing,正品思摩尔电子烟雾化器,,,,
a7,listing,Accelerated heating coil,,,,
"""


def test_file_mode_writes_one_line_per_hit(tmp_path: Path) -> None:
    (tmp_path / "marks.csv").write_text(MARKS, "utf-8")
    (tmp_path / "obs.csv").write_text(OBSERVATIONS, "utf-8")
    done = screen_files(tmp_path / "marks.csv", tmp_path / "obs.csv", tmp_path / "hits.jsonl")
    screened, count = done.screened, done.hits
    hits = [json.loads(line) for line in (tmp_path / "hits.jsonl").read_text("utf-8").splitlines()]
    assert screened == 7 and count == len(hits)
    by_obs = {h["observation"]: h for h in hits}
    assert set(by_obs) == {"a1", "a2", "a3", "a4", "a5", "a6"}  # a7 must not match
    assert by_obs["a1"]["located"] == "C-Cell"
    assert by_obs["a2"]["category"] == "referential_use"
    assert by_obs["a3"]["category"] == "counterfeit" and by_obs["a3"]["field"] == "declared_brand"
    assert by_obs["a4"]["technique"] == "added word"
    assert by_obs["a5"]["matters"].startswith("possible unfair competition")
    assert by_obs["a6"]["mark"] == "思摩尔"
    assert by_obs["a4"]["mark"] == "CCELL"  # a domain hit names the mark it imitates


def test_a_text_hitting_several_registrations_of_one_mark_is_one_finding(tmp_path: Path) -> None:
    (tmp_path / "marks.csv").write_text(
        "id,mark,classes,registration\n1,CCELL,34,US 5633060\n2,CCELL,34,CN 30123456\n"
        "3,C-CELL,34,EM 018000001\n4,KWAI,9,US 6000001\n",
        "utf-8",
    )
    (tmp_path / "obs.csv").write_text(
        "id,kind,text\nb1,listing,CCELL TH2 0.5ml cartridges\nb2,domain,ccell-official.shop\n",
        "utf-8",
    )
    screen_files(tmp_path / "marks.csv", tmp_path / "obs.csv", tmp_path / "hits.jsonl")
    hits = [json.loads(line) for line in (tmp_path / "hits.jsonl").read_text("utf-8").splitlines()]
    assert [h["observation"] for h in hits] == ["b1", "b2"]
    for hit in hits:
        assert hit["mark"] in ("CCELL", "C-CELL")
        assert hit["registrations"] == ["CN 30123456", "EM 018000001", "US 5633060"]
        assert sorted(hit["right_ids"]) == [1, 2, 3]
    assert (
        hits[0]["explanation"].startswith("Likely to be confused")
        and "the same" in hits[0]["explanation"]
    )


def test_file_mode_names_every_bad_row_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "marks.csv").write_text(
        "id,mark,classes\n1,CCELL,34;99\n2,,9\nx3,KWAI,9\n", "utf-8"
    )
    (tmp_path / "obs.csv").write_text(OBSERVATIONS, "utf-8")
    with pytest.raises(InvalidInput) as raised:
        screen_files(tmp_path / "marks.csv", tmp_path / "obs.csv", tmp_path / "hits.jsonl")
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'marks.csv'}:2: classes: '99' is not a Nice class (1 to 45)",
        f"{tmp_path / 'marks.csv'}:3: mark: is empty",
        f"{tmp_path / 'marks.csv'}:4: id: 'x3' is not a whole number",
    ]
    assert not (tmp_path / "hits.jsonl").exists()

    (tmp_path / "marks.csv").write_text(MARKS, "utf-8")
    (tmp_path / "obs.csv").write_text(
        "id,kind,text\n1,listing,CCELL cart\n2,tweet,CCELL\n3,listing,\n", "utf-8"
    )
    with pytest.raises(InvalidInput) as raised:
        screen_files(tmp_path / "marks.csv", tmp_path / "obs.csv", tmp_path / "hits.jsonl")
    assert [p.row for p in raised.value.problems] == [3, 4]
    assert [p.field for p in raised.value.problems] == ["kind", "text"]
    assert not (tmp_path / "hits.jsonl").exists()


def test_the_queue_pages_and_a_decided_hit_holds_over_a_later_run(uow: UnitOfWork) -> None:
    """A page of the queue is that stretch of the whole queue; re-screening finds the same
    pairs again, and the queue keeps showing the decided hit, not its undecided repeat."""
    counsel = demo_actor(uow)
    run_screening(uow, counsel, now=datetime(2026, 11, 1, tzinfo=UTC))
    everything = review.HitFilter(statuses=())
    whole = review.queue(uow, counsel, everything)
    assert whole.total == len(whole.items) > 6
    page = review.queue(uow, counsel, everything, offset=2, limit=3)
    assert page.total == whole.total
    assert [i.hit.id for i in page.items] == [i.hit.id for i in whole.items[2:5]]

    decided = whole.items[0].hit
    assert decided.id is not None
    review.decide(uow, counsel, decided.id, ReviewStatus.DISMISSED, "genuine reseller", 1)
    run_screening(uow, counsel, now=datetime(2026, 11, 2, tzinfo=UTC))
    after = review.queue(uow, counsel, everything)
    assert after.total == whole.total  # the second run's repeats do not add to the queue
    shown = next(i.hit for i in after.items if i.hit.id == decided.id)
    assert shown.status is ReviewStatus.DISMISSED and len(shown.decisions) == 1
    still_open = review.queue(uow, counsel)  # the default: open and escalated
    assert decided.id not in {i.hit.id for i in still_open.items}
    assert still_open.total == whole.total - 1
