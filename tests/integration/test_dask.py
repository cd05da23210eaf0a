"""Screening on Dask: the same hits, scores and order as in one process, on a local
cluster and on a separately started ``dask scheduler`` with two ``dask worker`` processes;
inputs from CSV, JSON Lines and Parquet files named by a glob; jobs on the cluster."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ipsentry.cli.app import run
from ipsentry.domain.jobs import JobStatus
from ipsentry.domain.screening import RunStatus
from ipsentry.errors import InvalidInput
from ipsentry.formats.register_list import read_register
from ipsentry.services import (
    claim_charts,
    cluster,
    customs_risk,
    jobs,
    patent_search,
    screening_upload,
)
from ipsentry.services.access import Actor, resolve_user
from ipsentry.services.cluster import Cluster, DaskRunner
from ipsentry.services.demo import DEMO, load_demo
from ipsentry.services.marks import search_register
from ipsentry.services.register_watch import build_register
from ipsentry.services.screening import run_screening, screen_files
from ipsentry.store.unit_of_work import UnitOfWork
from tests.integration.chart_samples import PATENT, PRODUCT

BIN = Path(sys.executable).parent
MARKS = ["VAPORWAVE", "CLOUDLIGHT", "EMBERTIP", "MISTRAL", "NIMBUSPOD", "ORCHIDA"]
WORDS = ["vape", "pen", "cartridge", "kit", "garden", "hose", "lamp", "ceramic", "coil", "2ml"]


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, 3)
    if rng.random() < 0.4:
        mark = rng.choice(MARKS)
        cut = rng.randrange(len(mark))
        words.insert(rng.randrange(4), mark[:cut] + mark[cut + 1 :] if cut % 2 else mark.title())
    return " ".join(words)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Marks, and 600 listings spread over a CSV, a JSON Lines and a Parquet file."""
    folder = tmp_path_factory.mktemp("dask")
    rng = random.Random(11)
    (folder / "marks.csv").write_text(
        "id,mark,classes\n" + "".join(f"{i},{m},34\n" for i, m in enumerate(MARKS, 1))
    )
    rows = [{"id": f"L{i}", "title": _title(rng), "seller": "shop"} for i in range(600)]
    listings = folder / "listings"
    listings.mkdir()
    with (listings / "a.csv").open("w") as out:
        out.write(
            "id,title,seller\n" + "".join(f"{r['id']},{r['title']},shop\n" for r in rows[:200])
        )
    (listings / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[200:400]))
    pq.write_table(pa.Table.from_pylist(rows[400:]), listings / "c.parquet")
    return folder


@pytest.fixture(scope="module")
def local_client() -> Iterator[cluster.Client]:
    with cluster.connect(Cluster(workers=2)) as client:
        yield client


def _inputs(folder: Path) -> list[Path]:
    return sorted((folder / "listings").glob("*"))


def _single_process(files: Path) -> str:
    out = files / "single.jsonl"
    if not out.exists():
        done = screen_files(files / "marks.csv", _inputs(files), out, partition=40)
        assert done.screened == 600
    return out.read_text()


def test_a_two_worker_cluster_finds_the_same_hits_scores_and_order(
    files: Path, local_client: cluster.Client, tmp_path: Path
) -> None:
    expected = _single_process(files)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "hits.jsonl"
    done = screen_files(
        files / "marks.csv",
        _inputs(files),
        out,
        lambda done, total: seen.append((done, total)),
        local_client,
        partition=40,  # 15 partitions, finishing in any order on two workers
    )
    screened, hits = done.screened, done.hits
    assert (
        done.resumed == 0 and (screened, hits) == (600, len(expected.splitlines())) and hits > 100
    )
    assert out.read_text() == expected
    assert len(local_client.scheduler_info(n_workers=-1)["workers"]) == 2
    assert seen[-1] == (600, 600) and len(seen) == 15
    assert [p.name for p in tmp_path.iterdir()] == ["hits.jsonl"]  # the parts are gone
    keys = [json.loads(line)["observation"] for line in expected.splitlines()]
    assert keys[0].startswith("L") and sorted(set(keys), key=keys.index) == sorted(
        set(keys), key=lambda k: int(k[1:])
    )  # hits in input order


def test_a_bad_row_in_any_file_is_named_and_nothing_is_written(
    files: Path, local_client: cluster.Client, tmp_path: Path
) -> None:
    bad = tmp_path / "d.jsonl"
    bad.write_text('{"id": "X1", "title": "ok"}\n{"id": "X2", "kind": "tweet", "title": "x"}\n')
    out = tmp_path / "hits.jsonl"
    with pytest.raises(InvalidInput) as caught:
        screen_files(files / "marks.csv", [*_inputs(files), bad], out, client=local_client)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:2: kind: 'tweet' is not one of listing, declaration, domain, app_link"
    ]
    assert list(tmp_path.iterdir()) == [bad]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(count, timeout=120)


def test_the_command_on_a_separate_scheduler_and_two_workers_gives_the_same_hits(
    files: Path, tmp_path: Path
) -> None:
    expected = _single_process(files)
    address = f"tcp://127.0.0.1:{_free_port()}"
    common = ["--no-dashboard"]
    started = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":")[-1],
             *common], stderr=subprocess.DEVNULL
        )
    ]  # fmt: skip
    try:
        for _ in range(2):
            started.append(
                subprocess.Popen(
                    [BIN / "dask", "worker", address, "--nthreads", "1", "--nworkers", "1",
                     "--memory-limit", "2GiB", *common], stderr=subprocess.DEVNULL
                )
            )  # fmt: skip
        _wait_for_workers(address, 2)
        out = tmp_path / "hits.jsonl"
        command = [BIN / "ipsentry", "screen", "--marks", files / "marks.csv",
                   "--input", f"{files}/listings/*", "--out", out]  # fmt: skip
        env = {**os.environ, "IPSENTRY_DASK_SCHEDULER": address}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        said = " ".join(done.stdout.split())
        assert f"{len(expected.splitlines())} hits in 600 observations" in said
        assert out.read_text() == expected
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_an_upload_job_runs_on_the_cluster_with_its_progress_and_result(
    uow: UnitOfWork, actor: Actor, database_url: str, local_client: cluster.Client
) -> None:
    runner = DaskRunner(client=local_client)
    data = b"id,title\n1,Vaporwave pods 2ml\n2,garden hose\n3,C1oudlight coil\n"
    job = screening_upload.start(database_url, actor, runner, "crawl.csv", data)
    assert job.id is not None
    runner.wait()
    deadline = time.monotonic() + 30
    while jobs.get(uow, actor, job.id).status != JobStatus.DONE and time.monotonic() < deadline:
        time.sleep(0.2)  # the future ends as the worker's last write commits
    finished = jobs.get(uow, actor, job.id)
    assert finished.status == JobStatus.DONE, finished.error
    assert (finished.done, finished.total) == (3, 3)
    assert finished.result["stored"] == 3 and finished.result["screened"] == 3
    assert finished.result["hits"] == 0  # acme has no marks stored


def test_asking_for_workers_and_a_scheduler_at_once_is_refused() -> None:
    with pytest.raises(InvalidInput, match="not both"):
        Cluster(scheduler="tcp://127.0.0.1:8786", workers=2)


def test_declarations_scored_on_the_cluster_match_those_scored_here(
    local_client: cluster.Client, tmp_path: Path
) -> None:
    """The demo customs office scores its week of declarations in 8-row partitions on two
    workers: the same risk, level and reasons for every row, in file order, as here."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    uow = UnitOfWork.for_url(url)
    load_demo(uow)
    with uow:
        officer = resolve_user(uow, "officer@customs-demo.example")
    with resources.as_file(DEMO.joinpath("declarations-week.csv")) as week:
        here = customs_risk.score_file(uow, officer, week, partition=8)
        there = customs_risk.score_file(uow, officer, week, partition=8, client=local_client)
    assert here.rows == there.rows == 31 and here.high > 0
    rows = [[(d.key, r.risk, r.level, r.reasons_text()) for d, r in s.risks] for s in (here, there)]
    assert rows[0] == rows[1]
    assert [k for k, *_ in rows[1]] == [d.key for d, _ in here.risks]  # file order kept


def test_batch_claim_charts_on_the_cluster_match_those_made_here(
    local_client: cluster.Client, tmp_path: Path
) -> None:
    """Charts with the sentence encoder, 3 pairs per task on two workers (each loads the
    encoder once): the same file, byte for byte, as in one process."""
    patents = tmp_path / "patents.jsonl"
    other = {**PATENT, "number": "US10000002", "title": "Heated cartridge"}
    patents.write_text("".join(json.dumps(p) + "\n" for p in (PATENT, other)), "utf-8")
    texts = [PRODUCT, "A toaster with a crumb tray.", "A pod with a cotton wick and a coil.",
             "A glass tank of oil above a ceramic core.", "Garden hose, 20 m."]  # fmt: skip
    products = tmp_path / "products.jsonl"
    products.write_text(
        "".join(json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        "utf-8",
    )
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    assert claim_charts.chart_batch(patents, products, here, partition=3) == 10
    assert (
        claim_charts.chart_batch(patents, products, there, partition=3, client=local_client) == 10
    )
    assert there.read_text("utf-8") == here.read_text("utf-8")
    charted = [json.loads(line) for line in here.read_text("utf-8").splitlines()]
    assert [(c["patent"]["number"], c["product"]) for c in charted][:3] == [
        ("US10000001", "p0"), ("US10000001", "p1"), ("US10000001", "p2")]  # fmt: skip


def test_a_portfolio_run_on_the_cluster_stores_what_a_run_here_stores(
    local_client: cluster.Client, tmp_path: Path
) -> None:
    """The demo's stored observations, 3 to a partition on two workers: the same hits in
    the same order as in one process, every partition committed and the run finished."""
    stored = []
    for where, client in (("here", None), ("there", local_client)):
        uow = UnitOfWork.for_url(f"sqlite:///{tmp_path / where}.sqlite3")
        load_demo(uow)
        with uow:
            counsel = resolve_user(uow, "counsel@smoore-demo.example")
        report = run_screening(uow, counsel, partition=3, client=client)
        assert report.screened == 14
        with uow:
            run = uow.records.last_run(counsel.organisation_id, "mixed")
            assert run is not None and run.status is RunStatus.FINISHED
            assert run.parameters["through_observation_id"] == max(
                o.id or 0 for o in uow.records.observations(counsel.organisation_id)
            )
            stored.append([(h.kind, h.observation_id, h.right_id, h.score, h.verdict)
                           for h in run.hits])  # fmt: skip
        assert [h.record() for h in report.hits]
    assert stored[0] == stored[1] and len(stored[0]) > 5


def test_the_batch_chart_command_on_two_workers_writes_what_one_process_writes(
    tmp_path: Path,
) -> None:
    """From the command line, where no database session has configured the mappers before
    the patents are shipped: each worker configures them itself (a plugin)."""
    patents, products = tmp_path / "patents.jsonl", tmp_path / "products.jsonl"
    public = {**PATENT, "confidentiality": "public"}  # a marked one asks for confirmation
    patents.write_text(json.dumps(public) + "\n", "utf-8")
    products.write_text(json.dumps({"id": "th2", "text": PRODUCT}) + "\n", "utf-8")
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    assert claim_charts.chart_batch(patents, products, here, words_only=True) == 1
    done = subprocess.run(
        [str(BIN / "ipsentry"), "claims", "batch", "--patents", str(patents),
         "--products", str(products), "--out", str(there), "--words-only", "--workers", "2"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert there.read_text("utf-8") == here.read_text("utf-8")
    assert here.read_text("utf-8").count("\n") == 1


SYLLABLES = ["ka", "lo", "mi", "ner", "vo", "tis", "ra", "pel", "dun", "sio", "cel", "ox"]


def _names(rng: random.Random, count: int) -> list[str]:
    return sorted({"".join(rng.sample(SYLLABLES, rng.randint(2, 4))).upper() for _ in range(count)})


def test_a_query_file_searched_on_the_cluster_finds_what_one_process_finds(
    local_client: cluster.Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """40 queries, 3 to a task on two workers, each worker opening the index from its
    folder: the same names, scores and order for every query, in the file's order; and
    the command with --scheduler prints them."""
    rng = random.Random(5)
    names = _names(rng, 400)
    register = tmp_path / "register.txt"
    register.write_text("\n".join(names) + "\n", "utf-8")
    index = tmp_path / "index"
    build_register(read_register(register), index, workers=1)
    queries = [n[:-1] + rng.choice("AEIOU") if i % 2 else n.title() for i, n in
               enumerate(rng.sample(names, 40))]  # fmt: skip
    here = search_register(index, queries, top=5)
    seen: list[tuple[int, int]] = []
    progress = lambda done, total: seen.append((done, total))  # noqa: E731
    there = search_register(index, queries, top=5, client=local_client, partition=3,
                            progress=progress)  # fmt: skip
    assert [q for q, _ in there] == queries
    today = date.today()
    records = [[(q, [h.as_json(today) for h in hits]) for q, hits in a] for a in (here, there)]
    assert records[0] == records[1] and all(hits for _, hits in records[0])
    assert len(seen) == 14 and seen[-1] == (40, 40)
    file = tmp_path / "queries.txt"
    file.write_text("\n".join(queries) + "\n", "utf-8")
    capsys.readouterr()
    assert run(["register", "search", str(index), "--queries-file", str(file), "--top", "5",
                "--json", "--scheduler", local_client.scheduler.address]) == 0  # fmt: skip
    printed = json.loads(capsys.readouterr().out)
    assert printed == [{"query": q, "results": hits} for q, hits in records[0]]


def test_a_patent_index_encoded_on_the_cluster_has_the_vectors_of_one_built_here(
    local_client: cluster.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """150 summaries of different lengths, one encoder batch a task (3 tasks on two
    workers): the same vectors, bit for bit, and the same search answers."""
    rng = random.Random(8)
    records = [
        {"number": f"US{10_000_000 + i}",
         "title": " ".join(rng.choices(WORDS, k=rng.randint(2, 9))),
         "abstract": " ".join(rng.choices(WORDS, k=rng.randint(0, 30)))}
        for i in range(150)
    ]  # fmt: skip
    monkeypatch.setattr(patent_search, "BATCHES_PER_TASK", 1)
    built = []
    for name, client in (("here", None), ("there", local_client)):
        ticks: list[int] = []
        meta = patent_search.build_index(records, tmp_path / name, progress=ticks.append,
                                         client=client)  # fmt: skip
        assert meta["documents"] == 150 and sum(ticks) == 150
        built.append(patent_search.open_index(tmp_path / name))
    here, there = built
    assert here.vectors is not None and there.vectors is not None
    assert here.vectors.tobytes() == there.vectors.tobytes()
    assert len({v.tobytes() for v in here.vectors}) > 100  # not all the same vector
    queries = ["ceramic coil cartridge", "garden hose lamp"]
    answers = [[[h.as_json() for h in hits] for hits in i.search(queries, 5)] for i in built]
    assert answers[0] == answers[1]
