"""Claim charts and patent search as a user (and the evaluator) runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipsentry.services.audit import AuditFilter
from ipsentry.services.database import unit_of_work
from tests.integration.chart_samples import PATENT, PRODUCT

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def ipsentry(
    *args: str, ok: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {
        "PATH": "/usr/bin:/bin",
        "COLUMNS": "200",
        "IPSENTRY_DATABASE_URL": "sqlite:///:memory:",
        "HOME": "/tmp",
    }
    done = subprocess.run(
        [sys.executable, "-m", "ipsentry", *args],
        capture_output=True,
        text=True,
        env=base | (env or {}),
    )
    assert (done.returncode == 0) is ok, done.stderr
    return done


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    patent, product = tmp_path / "patent.json", tmp_path / "product.txt"
    patent.write_text(json.dumps(PATENT), "utf-8")
    product.write_text(PRODUCT, "utf-8")
    return patent, product


@pytest.fixture
def account(tmp_path: Path) -> dict[str, str]:
    """A database with one admin the command line acts as: exports are recorded there."""
    password = tmp_path / "password.txt"
    password.write_text("a long enough passphrase 42\n", "utf-8")
    env = {
        "IPSENTRY_DATABASE_URL": f"sqlite:///{tmp_path / 'ipsentry.sqlite3'}",
        "IPSENTRY_ORGANISATION": "acme",
        "IPSENTRY_USER_EMAIL": "counsel@acme.example",
    }
    ipsentry(
        "init", "--organisation", "Acme", "--admin-email", env["IPSENTRY_USER_EMAIL"],
        "--password-file", str(password), env=env,
    )  # fmt: skip
    return env


def exports_recorded(account: dict[str, str]) -> list[dict[str, object]]:
    with unit_of_work(account["IPSENTRY_DATABASE_URL"]) as uow:
        entries, _ = uow.accounts.audit_entries(AuditFilter(action="export"), limit=100)
        return [e.details for e in reversed(entries)]


def chart(
    files: tuple[Path, Path], *flags: str, ok: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    patent, product = files
    return ipsentry(
        "claims", "chart", "--patent", str(patent), "--product", str(product), *flags, ok=ok,
        env=env,
    )  # fmt: skip


def test_chart_json_contract(files: tuple[Path, Path]) -> None:
    record = json.loads(chart(files, "--json").stdout)
    assert record["patent"]["number"] == "US10000001"
    (claim,) = record["claims"]  # independent claims only, by default
    assert claim["num"] == 1 and claim["verdict"] == "reads_on" and 0 < claim["coverage"] <= 1
    assert claim["share_found"] == 1.0 and claim["elements_present"] == claim["elements_total"] == 3
    assert all(
        {"text", "evidence", "location", "score", "finding"} <= set(e) for e in claim["elements"]
    )
    assert all(e["evidence"] in PRODUCT for e in claim["elements"])
    dependent = json.loads(chart(files, "--claim", "2", "--json", "--words-only").stdout)
    assert [e["claim"] for e in dependent["claims"][0]["elements"]] == [1, 1, 1, 2]
    assert dependent["claims"][0]["elements"][-1]["finding"] == "present (evidence of absence)"


def test_chart_html_csv_and_pdf(
    files: tuple[Path, Path], tmp_path: Path, account: dict[str, str]
) -> None:
    yes = ("--words-only", "--confirm-privileged")
    html = chart(files, "--html", *yes, env=account).stdout
    assert "Preliminary claim chart" in html and "for review by counsel" in html
    assert "ATTORNEYS EYES ONLY" in html and "porous ceramic core" in html
    rows = chart(files, "--csv", *yes, env=account).stdout.splitlines()
    assert rows[0].startswith("patent,claim,share_found,ranking_score,verdict,element,evidence")
    assert len(rows) == 4
    pdf = tmp_path / "chart.pdf"
    chart(files, "--pdf", "--out", str(pdf), *yes, env=account)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert (
        "Preliminary claim chart" in text
        and "ATTORNEYS EYES ONLY" in text
        and "heating coil" in text
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_a_marked_patent_leaves_as_a_file_only_once_confirmed_and_recorded(
    files: tuple[Path, Path], tmp_path: Path, account: dict[str, str]
) -> None:
    out = tmp_path / "chart.csv"
    refused = chart(files, "--out", str(out), "--words-only", ok=False, env=account)
    assert "attorneys' eyes only records" in refused.stderr
    assert "give --confirm-privileged" in refused.stderr
    assert not out.exists() and exports_recorded(account) == []
    chart(files, "--out", str(out), "--words-only", "--confirm-privileged", env=account)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))  # the format from the suffix
    assert rows and {r["marking"] for r in rows} == {"attorneys eyes only"}
    (entry,) = exports_recorded(account)
    assert entry["patents"] == ["US10000001"] and entry["format"] == "csv"
    assert entry["marking"] == "attorneys_eyes_only" and entry["confirmed_privileged"] is True
    table = chart(files, "--words-only", env=account).stdout  # on screen: shown, not exported
    assert "ATTORNEYS EYES ONLY" in table and len(exports_recorded(account)) == 1


def test_a_public_patent_file_is_charted_without_an_account(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    files[0].write_text(json.dumps({**PATENT, "confidentiality": "public"}), "utf-8")
    html = chart(files, "--html", "--words-only").stdout  # no database user needed
    assert "PUBLIC" in html and "porous ceramic core" in html


def test_bad_chart_input_is_named(files: tuple[Path, Path], tmp_path: Path) -> None:
    _, product = files
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"number": "US1", "claims": [{"num": 2, "text": "The device of claim 1."}]}),
        "utf-8",
    )
    done = chart((bad, product), "--json", ok=False)
    assert f"{bad}:1: claims: claim 2 refers to claim 1, not present" in done.stderr
    assert "--claim: the patent has no claim 9" in chart(files, "--claim", "9", ok=False).stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("  ", "utf-8")
    assert "no product text" in chart((files[0], empty), ok=False).stderr
    assert "no such file" in chart((files[0], tmp_path / "nope.txt"), ok=False).stderr


def test_batch_charts_many_products_in_one_process(tmp_path: Path, account: dict[str, str]) -> None:
    patents = tmp_path / "patents.jsonl"
    patents.write_text(json.dumps(PATENT) + "\n", "utf-8")
    products = tmp_path / "products.jsonl"
    products.write_text(
        json.dumps({"id": "th2", "text": PRODUCT})
        + "\n"
        + json.dumps({"id": "toaster", "text": "A toaster with a crumb tray."})
        + "\n",
        "utf-8",
    )
    command = ("claims", "batch", "--patents", str(patents), "--products", str(products),
               "--out", str(tmp_path / "charts.jsonl"), "--words-only")  # fmt: skip
    refused = ipsentry(*command, ok=False, env=account)
    assert "the claim chart of US10000001 includes attorneys' eyes only" in refused.stderr
    assert "--confirm-privileged" in refused.stderr and not (tmp_path / "charts.jsonl").exists()
    ipsentry(*command, "--confirm-privileged", env=account)
    (entry,) = exports_recorded(account)
    assert entry["patents"] == ["US10000001"] and entry["format"] == "jsonl"
    charts = [
        json.loads(line) for line in (tmp_path / "charts.jsonl").read_text("utf-8").splitlines()
    ]
    assert [(c["product"], c["claims"][0]["verdict"]) for c in charts] == [
        ("th2", "reads_on"),
        ("toaster", "no"),
    ]
    assert {c["patent"]["confidentiality"] for c in charts} == {"attorneys_eyes_only"}


def test_bad_batch_input_is_named_line_by_line(tmp_path: Path, account: dict[str, str]) -> None:
    claims = [{"num": 1, "text": "A cartridge comprising a tank and a heater."}]
    patents = tmp_path / "patents.jsonl"
    lines = [
        json.dumps({"number": "US 10,000,002", "claims": claims}),  # no title: the number
        json.dumps({"number": "US10000003B2", "title": "t", "claim": claims}),  # misspelt
        '{"number": "US10000004", "title": "t", "claims": [',  # broken JSON
        "not JSON at all",
    ]
    patents.write_text("\n".join(lines) + "\n", "utf-8")
    products = tmp_path / "products.jsonl"
    products.write_text(json.dumps({"id": "a", "txt": "a tank"}) + "\n", "utf-8")
    out = tmp_path / "charts.jsonl"
    command = ("claims", "batch", "--patents", str(patents), "--products", str(products),
               "--out", str(out), "--words-only")  # fmt: skip
    said = ipsentry(*command, ok=False, env=account).stderr
    assert f"{patents}:3: claims: not valid JSON" in said
    assert f"{patents}:4: (json): not valid JSON" in said  # every broken line, not the first
    patents.write_text("\n".join(lines[:2]) + "\n", "utf-8")
    said = ipsentry(*command, ok=False, env=account).stderr
    assert f"{patents}:2: claim: unknown field (did you mean 'claims'?)" in said
    assert f"{patents}:1:" not in said  # a patent needs claims to be charted, not a title
    typo = json.dumps({"number": "US10000005", "titel": "t", "claims": claims})
    patents.write_text(typo + "\n", "utf-8")
    said = ipsentry(*command, ok=False, env=account).stderr
    assert f"{patents}:1: titel: unknown field (did you mean 'title'?)" in said
    marked = json.dumps(
        {"number": "US10000006", "marking": "attorneys_eyes_only", "claims": claims}
    )
    patents.write_text(marked + "\n", "utf-8")  # 'marking', the command line's word, counts
    products.write_text(json.dumps({"id": "a", "text": "a tank"}) + "\n", "utf-8")
    assert "--confirm-privileged" in ipsentry(*command, ok=False, env=account).stderr
    products.write_text(json.dumps({"id": "a", "txt": "a tank"}) + "\n", "utf-8")
    patents.write_text(lines[0] + "\n", "utf-8")
    said = ipsentry(*command, ok=False, env=account).stderr
    assert f"{products}:1: text: is empty (found 'txt': did you mean 'text'?)" in said
    assert not out.exists()


def test_patent_index_and_search_contract(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        json.loads(line)
        for line, _ in zip((DATA / "patents/corpus.jsonl").open(), range(30), strict=False)
    ]
    corpus.write_text(
        "".join(
            json.dumps({k: r.get(k) for k in ("number", "title", "abstract", "description")}) + "\n"
            for r in records
        ),
        "utf-8",
    )
    ipsentry("patents", "index", str(corpus), "--out", str(tmp_path / "idx"), "--no-dense")
    target = next(r for r in records if r.get("claims") and r.get("description"))
    claim = next(c for c in target["claims"] if c.get("depends_on") is None)["text"]
    queries = tmp_path / "q.txt"
    queries.write_text(" ".join(claim.split()) + "\n", "utf-8")
    out = json.loads(
        ipsentry(
            "patents",
            "search",
            str(tmp_path / "idx"),
            "--queries-file",
            str(queries),
            "--top",
            "3",
            "--json",
        ).stdout
    )
    assert out[0]["results"][0]["number"] == target["number"]
    assert {"number", "score", "passage"} <= set(out[0]["results"][0])
    like = json.loads(
        ipsentry(
            "patents", "search", str(tmp_path / "idx"), "--like", target["number"], "--json"
        ).stdout
    )
    assert target["number"] not in [r["number"] for r in like[0]["results"]]

    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        '{"number": "US1", "title": "a"}\n{"title": "no number"}\n{"number": "US1"}\n', "utf-8"
    )
    done = ipsentry("patents", "index", str(broken), "--out", str(tmp_path / "idx2"), ok=False)
    assert (
        f"{broken}:2: number: missing" in done.stderr
        and f"{broken}:3: number: US1 appears twice" in done.stderr
    )
    assert not (tmp_path / "idx2").exists()


DEMO_PRODUCT = (
    Path(__file__).resolve().parents[2] / "src/ipsentry/data/demo/products/th2-style-cartridge.txt"
)


def test_a_demo_patent_charted_in_all_four_formats(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": "/usr/bin:/bin",
            "COLUMNS": "200",
            "IPSENTRY_DATABASE_URL": url,
            "HOME": str(tmp_path),
        }
        done = subprocess.run(
            [sys.executable, "-m", "ipsentry", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        return done

    run("demo", "load")
    base = (
        "claims",
        "chart",
        "--patent",
        "US 10,357,623",
        "--product",
        str(DEMO_PRODUCT),
        "--words-only",
    )
    chart = json.loads(run(*base, "--json").stdout)
    (claim,) = chart["claims"]
    findings = [e["finding"] for e in claim["elements"]]
    found = sum(f.startswith("present") for f in findings)  # "present (evidence of absence)"
    assert claim["verdict"] in ("reads_on", "partial") and found >= 2
    assert claim["elements_present"] == found
    table = run(*base).stdout
    assert f"{found} of {len(findings)} elements found" in table
    assert "ranking score" in table and "coverage" not in table
    assert "Preliminary, machine-assisted analysis" in table
    assert "Preliminary claim chart" in run(*base, "--html").stdout
    rows = list(csv.reader(io.StringIO(run(*base, "--csv").stdout)))
    assert len(rows) == len(claim["elements"]) + 1  # evidence may hold line breaks
    run(*base, "--pdf", "--out", str(tmp_path / "chart.pdf"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(tmp_path / "chart.pdf"), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 2000
