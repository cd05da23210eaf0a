"""Rebuilding the search indexes from the web and the API: admins only, the file checked at
once, the index built as a job into the installation's folder and searched at once after."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from ipsentry.services.demo import demo_patent_corpus
from ipsentry.services.jobs import ThreadRunner
from tests.web.conftest import DEMO_USERS, client_for, sign_in

REGISTER = resources.files("ipsentry.data.demo").joinpath("register.txt").read_bytes()


@pytest.fixture(scope="module")
def runner() -> ThreadRunner:
    return ThreadRunner()


def _as(role: str, url: str, runner: ThreadRunner, folder: Path) -> tuple[TestClient, str]:
    settings = {"register_index": folder / "register", "patent_index": folder / "patents"}
    client = client_for(url, runner, **settings)
    return client, sign_in(client, DEMO_USERS[role])


def _send(client: TestClient, csrf: str, which: str, name: str, data: bytes) -> int:
    sent = client.post(
        f"/indexes/{which}",
        data={"csrf_token": csrf},
        files={"file": (name, data, "application/octet-stream")},
        follow_redirects=False,
    )
    if sent.status_code != 303:
        return sent.status_code
    return int(sent.headers["location"].rsplit("/", 1)[1])


def test_an_admin_rebuilds_both_indexes_as_jobs_and_searches_them(
    demo_url: str, runner: ThreadRunner, tmp_path: Path
) -> None:
    client, csrf = _as("admin", demo_url, runner, tmp_path)
    assert "Search indexes" in client.get("/indexes").text
    register_job = _send(client, csrf, "register", "register.txt", REGISTER)
    corpus = "".join(json.dumps(r) + "\n" for r in demo_patent_corpus()).encode()
    patent_job = _send(client, csrf, "patents", "patents.jsonl", corpus)
    runner.wait()
    for job_id in (register_job, patent_job):
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        assert job["status"] == "done" and job["result"]["indexed"] > 0, job
    assert job["kind"] == "patent_index" and job["percent"] == 100
    page = client.get(f"/jobs/{patent_job}", headers={"Accept-Language": "zh-CN"}).text
    assert "索引任务" in page and "已索引" in page
    found = client.get("/api/v1/register/search", params={"q": "CCELL"}).json()
    assert found["items"], found
    patents = client.get("/api/v1/patents/search", params={"q": "porous ceramic heating"})
    assert patents.json()["items"][0]["number"].startswith("US")
    listed = client.get("/indexes").text
    assert f'href="/jobs/{register_job}"' in listed and f'href="/jobs/{patent_job}"' in listed


def test_a_bad_file_is_refused_at_once_and_the_old_index_kept(
    demo_url: str, runner: ThreadRunner, tmp_path: Path
) -> None:
    client, csrf = _as("admin", demo_url, runner, tmp_path)
    refused = client.post(
        "/indexes/patents",
        data={"csrf_token": csrf},
        files={"file": ("corpus.jsonl", b'{"title": "no number"}\n', "application/json")},
    )
    assert refused.status_code == 422 and "corpus.jsonl" in refused.text
    assert "number" in refused.text and not (tmp_path / "patents").exists()
    wrong = client.post(
        "/indexes/register",
        data={"csrf_token": csrf},
        files={"file": ("names.csv", b"CCELL\n", "text/csv")},
    )
    assert wrong.status_code == 422 and "unknown format; use .txt" in wrong.text
    bare = client_for(demo_url, runner, register_index=None)
    bare_csrf = sign_in(bare, DEMO_USERS["admin"])
    unset = _send(bare, bare_csrf, "register", "register.txt", REGISTER)
    assert unset == 422


@pytest.mark.parametrize("role", ["counsel", "analyst", "viewer"])
def test_only_admins_rebuild_an_index(
    role: str, demo_url: str, runner: ThreadRunner, tmp_path: Path
) -> None:
    client, csrf = _as(role, demo_url, runner, tmp_path)
    assert client.get("/indexes").status_code == 403
    assert _send(client, csrf, "register", "register.txt", REGISTER) == 403
    assert _send(client, csrf, "patents", "p.jsonl", b'{"number": "US1"}\n') == 403
    assert 'href="/indexes"' not in client.get("/").text
    assert not (tmp_path / "register").exists()


def _api_send(client: TestClient, csrf: str, which: str, name: str, data: bytes) -> Response:
    return client.post(
        f"/api/v1/indexes/{which}",
        files={"file": (name, data, "application/octet-stream")},
        headers={"X-CSRF-Token": csrf},
    )


def test_the_api_lists_and_rebuilds_the_indexes_as_the_page_does(
    demo_url: str, runner: ThreadRunner, tmp_path: Path
) -> None:
    client, csrf = _as("admin", demo_url, runner, tmp_path)
    started = _api_send(client, csrf, "register", "register.txt", REGISTER)
    assert started.status_code == 202, started.text
    job = started.json()
    assert job["kind"] == "register_index" and job["status"] in ("queued", "running", "done")
    runner.wait()
    listed = client.get("/api/v1/indexes")
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["indexes"] == [
        {"kind": "register_index", "setting": "IPSENTRY_REGISTER_INDEX",
         "folder": str(tmp_path / "register")},
        {"kind": "patent_index", "setting": "IPSENTRY_PATENT_INDEX",
         "folder": str(tmp_path / "patents")},
    ]  # fmt: skip
    (mine,) = [j for j in body["jobs"] if j["id"] == job["id"]]
    assert mine["status"] == "done" and mine["result"]["indexed"] > 0, mine
    assert {j["kind"] for j in body["jobs"]} <= {"register_index", "patent_index"}
    assert f'href="/jobs/{job["id"]}"' in client.get("/indexes").text  # the page's job too
    found = client.get("/api/v1/register/search", params={"q": "CCELL"}).json()
    assert found["items"], found
    refused = _api_send(client, csrf, "patents", "corpus.jsonl", b'{"title": "no number"}\n')
    assert refused.status_code == 422 and refused.json()["errors"][0]["source"] == "corpus.jsonl"
    assert not (tmp_path / "patents").exists()
    wrong = _api_send(client, csrf, "register", "names.csv", b"CCELL\n")
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["message"].startswith(
        "unknown format; use .txt"
    )
    bare = client_for(demo_url, runner, register_index=None)
    bare_csrf = sign_in(bare, DEMO_USERS["admin"])
    unset = bare.get("/api/v1/indexes").json()["indexes"][0]
    assert unset["folder"] is None
    refused_unset = _api_send(bare, bare_csrf, "register", "register.txt", REGISTER)
    assert refused_unset.status_code == 422
    assert refused_unset.json()["errors"][0]["field"] == "IPSENTRY_REGISTER_INDEX"


@pytest.mark.parametrize("role", ["counsel", "analyst", "viewer"])
def test_only_admins_use_the_index_api(
    role: str, demo_url: str, runner: ThreadRunner, tmp_path: Path
) -> None:
    client, csrf = _as(role, demo_url, runner, tmp_path)
    listed = client.get("/api/v1/indexes")
    assert listed.status_code == 403 and "rebuild the search indexes" in listed.json()["detail"]
    assert _api_send(client, csrf, "register", "register.txt", REGISTER).status_code == 403
    assert _api_send(client, csrf, "patents", "p.jsonl", b'{"number": "US1"}\n').status_code == 403
    assert not (tmp_path / "register").exists() and not (tmp_path / "patents").exists()
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"get"} <= set(paths["/api/v1/indexes"]) and "post" in paths["/api/v1/indexes/patents"]
