"""SIGKILL in the middle of real work, on SQLite and PostgreSQL: nothing half-written stays.

Each test starts ``driver.py`` as a separate process, reads how far it got, kills it with
SIGKILL at that point and then checks the database from this process: a portfolio import
is all or nothing, a screening run keeps the partitions it committed and is resumed from
the last one (ending with the same hits as an uninterrupted run), and every decision a
reviewer was told was saved is there, once. A file-mode screening (no database) killed the
same way keeps the partitions it wrote and is resumed by the same command.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus, RunStatus, ScreeningRun
from ipsentry.services import portfolio, screening
from ipsentry.services.access import Actor
from ipsentry.store import tables as t
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

ROOT = Path(__file__).resolve().parents[3]
MARKS = ["VAPORWAVE", "CLOUDLIGHT", "EMBERTIP", "MISTRAL"]
PARTITION = 8


def _run_until(args: list[str], steps: int | None, pause: bool = True) -> tuple[list[str], int]:
    """Start the driver; SIGKILL it once it has reported ``steps`` steps (None: let it end).
    Returns its stdout lines and its exit status (-9 when killed)."""
    command = [sys.executable, "-m", "tests.integration.crash.driver", *args]
    if pause:
        command.append("--pause=0.3")
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line.strip())
        if steps is not None and sum(x.startswith("at ") for x in lines) == steps:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.stdout.close()
    return lines, process.wait(timeout=120)


def _marks_csv(path: Path, rows: int) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "jurisdiction", "mark", "registration_number", "nice_classes"])
        for i in range(rows):
            name = MARKS[i] if i < len(MARKS) else f"ZQX{i:05d}"
            writer.writerow(["trademark", "US", name, str(7_000_000 + i), "34"])
    return path


def _count(uow: UnitOfWork, table: sa.Table) -> int:
    with uow:
        return int(uow.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


@pytest.mark.parametrize("tenths", [1, 6])
def test_a_killed_import_leaves_nothing_and_a_rerun_imports_everything(
    uow: UnitOfWork, actor: Actor, database_url: str, tmp_path: Path, tenths: int
) -> None:
    path = _marks_csv(tmp_path / "marks.csv", 3000)
    lines, status = _run_until(["import", database_url, str(path)], tenths)
    assert status == -signal.SIGKILL and "done" not in lines
    assert _count(uow, t.right_table) == 0
    assert _count(uow, t.audit_entries) == 0
    report = portfolio.import_rights(uow, actor, path)
    assert report.created == 3000 and _count(uow, t.right_table) == 3000


def _screening_setup(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> None:
    portfolio.import_rights(uow, actor, _marks_csv(tmp_path / "marks.csv", len(MARKS)))
    texts = [
        "Vaporwave replacement pods 2ml",
        "C1oudlight ceramic coil cartridge",
        "Garden hose 20m, green",
        "Embertip-style disposable vape",
        "Mistra1 pod kit, compatible",
        "Stainless kitchen scale",
    ]
    with uow:
        for i in range(7 * PARTITION - 3):  # the last partition is a short one
            text = f"{texts[i % len(texts)]} #{i}"
            uow.records.add(
                Observation(
                    organisation_id=actor.organisation_id,
                    kind=ObservationKind.LISTING,
                    text=text,
                    source="crawl",
                    external_id=str(i),
                )
            )
        uow.commit()


def _hits(uow: UnitOfWork, run_id: int) -> Counter[tuple[int, int, str, float]]:
    with uow:
        run = uow.session.get(ScreeningRun, run_id)
        assert run is not None
        return Counter((h.observation_id, h.right_id, h.kind.value, h.score) for h in run.hits)


@pytest.mark.parametrize("partitions", [1, 4])
def test_a_killed_screening_run_is_marked_interrupted_and_resumed_from_its_last_partition(
    uow: UnitOfWork, actor: Actor, database_url: str, tmp_path: Path, partitions: int
) -> None:
    _screening_setup(uow, actor, tmp_path)
    _, status = _run_until(["screen", database_url, str(PARTITION)], partitions)
    assert status == -signal.SIGKILL
    with uow:
        (run,) = uow.session.scalars(sa.select(ScreeningRun)).all()
        assert run.status == RunStatus.RUNNING  # as the killed process left it
        kept = run.observations_screened
        through = run.parameters["through_observation_id"]
        assert kept >= partitions * PARTITION and kept % PARTITION == 0
        assert all(h.observation_id <= through for h in run.hits)
        run_id = run.id
    assert run_id is not None
    report = screening.run_screening(uow, actor, partition=PARTITION)
    assert report.run_id == run_id and report.resumed_after == kept
    assert report.screened == 7 * PARTITION - 3
    fresh = screening.run_screening(uow, actor, partition=PARTITION)
    assert fresh.run_id != run_id
    resumed, whole = _hits(uow, run_id), _hits(uow, fresh.run_id)
    assert resumed == whole and max(resumed.values()) == 1  # none lost, none twice
    assert sum(resumed.values()) > 0


def test_a_running_run_of_a_live_process_is_not_taken_over(
    uow: UnitOfWork, actor: Actor, database_url: str, tmp_path: Path
) -> None:
    _screening_setup(uow, actor, tmp_path)
    command = [sys.executable, "-m", "tests.integration.crash.driver", "screen", database_url]
    process = subprocess.Popen(
        [*command, str(PARTITION), "--pause=600"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().startswith("at ")
        from ipsentry.errors import Conflict

        with pytest.raises(Conflict, match="still running"):
            screening.run_screening(uow, actor, partition=PARTITION)
    finally:
        process.kill()
        process.wait()


def _open_hits(uow: UnitOfWork, actor: Actor, tmp_path: Path) -> list[int]:
    _screening_setup(uow, actor, tmp_path)
    screening.run_screening(uow, actor)
    with uow:
        hits = uow.session.scalars(sa.select(Hit).where(t.hit_table.c.kind == HitKind.MARK))
        return sorted(h.id for h in hits if h.id is not None)


@pytest.mark.parametrize(("decisions", "pause"), [(2, True), (3, False)])
def test_a_killed_review_loses_no_decision_it_reported(
    uow: UnitOfWork,
    actor: Actor,
    database_url: str,
    tmp_path: Path,
    decisions: int,
    pause: bool,
) -> None:
    make_actor(uow)
    hit_ids = _open_hits(uow, actor, tmp_path)
    assert len(hit_ids) > decisions + 2
    lines, status = _run_until(["review", database_url, *map(str, hit_ids)], decisions, pause=pause)
    assert status == -signal.SIGKILL
    reported = {int(x.split()[1]) for x in lines if x.startswith("decided ")}
    assert len(reported) == decisions
    with uow:
        hits = {h.id: h for h in uow.session.scalars(sa.select(Hit)) if h.id in hit_ids}
        decided = {i for i, h in hits.items() if h.decisions}
        assert reported <= decided  # every decision the reviewer saw saved is stored
        assert len(decided - reported) <= 1  # at most the one in flight when killed
        for hit in hits.values():  # and each is whole: status, version and decision together
            assert hit.version == 1 + len(hit.decisions)
            assert hit.status == (ReviewStatus.DISMISSED if hit.decisions else ReviewStatus.OPEN)


def _listings(path: Path, rows: int) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title"])
        for i in range(rows):
            mark = MARKS[i % len(MARKS)]
            writer.writerow([f"L{i}", f"{mark.title() if i % 3 else mark[:-1]} pen kit {i}"])
    return path


def test_a_killed_file_screening_is_resumed_keeping_the_partitions_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ipsentry screen`` in file mode, SIGKILLed once it has written two partitions: no
    output file, the partitions kept; the same command again screens only the others
    (a line added to a kept partition shows it was not screened again) and writes what an
    uninterrupted run writes."""
    from ipsentry.cli.app import run

    marks = tmp_path / "marks.csv"
    marks.write_text("id,mark,classes\n" + "".join(f"{i},{m},34\n" for i, m in enumerate(MARKS)))
    listings = _listings(tmp_path / "listings.csv", 1200)
    out = tmp_path / "hits.jsonl"
    args = ["screen", "--marks", str(marks), "--input", str(listings), "--out", str(out),
            "--partition", "40"]  # fmt: skip
    parts = tmp_path / ".hits.jsonl.parts"
    process = subprocess.Popen([sys.executable, "-m", "ipsentry", *args], cwd=ROOT)
    while process.poll() is None and len(list(parts.glob("*.part"))) < 2:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL
    assert not out.exists()
    kept = sorted(parts.glob("*.part"))
    assert 2 <= len(kept) < 30 and not list(parts.glob("*.tmp"))
    with kept[0].open("a", encoding="utf-8") as part:
        part.write('{"kept": true}\n')
    capsys.readouterr()
    assert run(args) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert f"the hits it had found in {40 * len(kept)} observations were kept" in said
    assert not parts.exists()
    clean = tmp_path / "clean.jsonl"
    screening.screen_files(marks, listings, clean, partition=40)
    resumed = out.read_text("utf-8").splitlines()
    assert resumed.count('{"kept": true}') == 1
    assert [line for line in resumed if line != '{"kept": true}'] == clean.read_text(
        "utf-8"
    ).splitlines()
    assert len(resumed) > 400


def test_an_interrupted_file_screening_of_changed_files_starts_again(tmp_path: Path) -> None:
    marks = tmp_path / "marks.csv"
    marks.write_text("id,mark,classes\n1,VAPORWAVE,34\n")
    listings = _listings(tmp_path / "listings.csv", 100)
    out = tmp_path / "hits.jsonl"

    def interrupt(done: int, total: int) -> None:
        if done >= 30:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        screening.screen_files(marks, listings, out, interrupt, partition=10)
    assert len(list((tmp_path / ".hits.jsonl.parts").glob("*.part"))) == 3
    _listings(listings, 90)  # the file changed since: its partitions are stale
    again = screening.screen_files(marks, listings, out, partition=10)
    assert again.resumed == 0 and again.screened == 90
    clean = tmp_path / "clean.jsonl"
    screening.screen_files(marks, listings, clean, partition=10)
    assert out.read_text("utf-8") == clean.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.jsonl", "hits.jsonl",
                                                          "listings.csv", "marks.csv"]  # fmt: skip
