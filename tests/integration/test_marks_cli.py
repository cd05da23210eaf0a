"""The mark commands as a user (and the evaluator) runs them: exact file contracts, bad input."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path


def ipsentry(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "IPSENTRY_DATABASE_URL": "sqlite:///:memory:"}
    done = subprocess.run(
        [sys.executable, "-m", "ipsentry", *args], capture_output=True, text=True, env=env
    )
    assert (done.returncode == 0) is ok, done.stderr
    return done


def test_pairs_are_scored_into_the_exact_output_columns(tmp_path: Path) -> None:
    pairs = tmp_path / "in.csv"
    pairs.write_text(
        "left,right,left_goods,right_goods,left_classes,right_classes,source\n"
        "DELTA,DELTA,faucets,air transport,11,39,made up\n"
        "LOBO NEGRO,BLACK WOLF,beer,beer,,,constructed (foreign equivalent)\n"
        "CCELL,C-CELL,vaporizer cartridges,vaporizer cartridges,34,34,\n",
        "utf-8",
    )
    ipsentry("marks", "score", "--pairs", str(pairs), "--out", str(tmp_path / "out.csv"))
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert list(rows[0]) == [
        "left",
        "right",
        "left_goods",
        "right_goods",
        "left_classes",
        "right_classes",
        "source",
        "similarity",
        "score",
        "verdict",
        "explanation",
    ]
    assert [r["verdict"] for r in rows] == ["not_similar", "similar", "similar"]
    assert all(0 <= float(r["score"]) <= 1 and 0 <= float(r["similarity"]) <= 1 for r in rows)
    assert float(rows[0]["similarity"]) == 1.0 and "goods are unrelated" in rows[0]["explanation"]
    assert rows[1]["source"] == "constructed (foreign equivalent)"
    again = tmp_path / "again.csv"
    ipsentry("marks", "score", "--pairs", str(pairs), "--out", str(again))
    assert again.read_bytes() == (tmp_path / "out.csv").read_bytes()  # deterministic


def test_bad_pairs_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    pairs = tmp_path / "in.csv"
    pairs.write_text("left,right,left_classes\nCCELL,,34\nKWAI,KUAI,9;46\n", "utf-8")
    done = ipsentry(
        "marks", "score", "--pairs", str(pairs), "--out", str(tmp_path / "out.csv"), ok=False
    )
    assert done.returncode == 2
    assert f"{pairs}:2: right: is empty" in done.stderr
    assert f"{pairs}:3: left_classes: '46' is not a Nice class (1 to 45)" in done.stderr
    assert not (tmp_path / "out.csv").exists()

    pairs.write_text("mark_a,mark_b\nA,B\n", "utf-8")
    done = ipsentry(
        "marks", "score", "--pairs", str(pairs), "--out", str(tmp_path / "out.csv"), ok=False
    )
    assert f"{pairs}:1: left: column missing" in done.stderr
    assert "did you mean" not in done.stderr  # mark_a is not near enough to say so

    pairs.write_text("Left,rigt\nA,B\n", "utf-8")
    done = ipsentry(
        "marks", "score", "--pairs", str(pairs), "--out", str(tmp_path / "out.csv"), ok=False
    )
    assert (
        f"{pairs}:1: left: column missing (needed: left, right; found 'Left': did you mean 'left'?)"
        in done.stderr
    )
    assert (
        f"{pairs}:1: right: column missing (needed: left, right; found 'rigt': did you mean 'right'?)"
        in done.stderr
    )


def test_register_build_and_search_json_contract(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("requests\nrequest\ncolorama\nnumpy\nflask\nflask-login\n", "utf-8")
    ipsentry("register", "build", str(names), "--out", str(tmp_path / "idx"), "--workers", "1")
    queries = tmp_path / "q.txt"
    queries.write_text("requsets\nnunpy\n", "utf-8")
    out = json.loads(
        ipsentry(
            "register",
            "search",
            str(tmp_path / "idx"),
            "flaks",
            "--queries-file",
            str(queries),
            "--top",
            "2",
            "--json",
        ).stdout
    )
    assert [o["query"] for o in out] == ["flaks", "requsets", "nunpy"]
    assert [o["results"][0]["name"] for o in out] == ["flask", "requests", "numpy"]
    assert all(
        set(r) >= {"name", "score", "explanation"} and len(o["results"]) <= 2
        for o in out
        for r in o["results"]
    )

    missing = ipsentry("register", "search", str(tmp_path / "nowhere"), "x", "--json", ok=False)
    assert f"{tmp_path / 'nowhere'}: INDEX: no such folder" in missing.stderr


def test_compare_and_lookalikes_print_json(tmp_path: Path) -> None:
    record = json.loads(
        ipsentry(
            "marks", "compare", "CCELL", "510 battery compatible with CCELL", "--text", "--json"
        ).stdout
    )
    assert record["category"] == "referential_use" and record["referential"] == "compatible with"
    variants = json.loads(ipsentry("marks", "lookalikes", "ccell", "--json").stdout)
    assert {"name": "ccel1.com", "technique": "homoglyph"} in variants
    marks = tmp_path / "marks.csv"
    marks.write_text("id,mark\n7,KWAI\n", "utf-8")
    found = json.loads(
        ipsentry(
            "marks", "imitates", "--kind", "scheme", "kwai://", "--marks", str(marks), "--json"
        ).stdout
    )
    assert found[0]["imitates"][0]["right_id"] == 7


def test_a_use_in_commerce_names_why_it_is_lawful(tmp_path: Path) -> None:
    """left_owner and left_context read as the seller's words (made-up brand 飞鹭)."""
    pairs = tmp_path / "in.csv"
    pairs.write_text(
        "left,right,right_classes,left_owner,left_context\n"
        "飞鹭手机维修中心,飞鹭,9,,\n"
        "飞鹭,飞鹭,9,杭州飞鹭餐饮管理有限公司,\n"
        "飞鹭路88号 便利店,飞鹭,9,,\n"
        "深圳市飞鹭电子 手机壳,飞鹭,9,深圳市飞鹭电子有限公司,\n"
        "飞鹭手机 专卖店,飞鹭,9,,本店专业维修\n",
        "utf-8",
    )
    ipsentry("marks", "score", "--pairs", str(pairs), "--out", str(tmp_path / "out.csv"))
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert list(rows[0])[-4:] == ["similarity", "score", "verdict", "explanation"]
    assert [r["verdict"] for r in rows] == [
        "fair use: resale",
        "different industry",
        "address",
        "own trade name",
        "similar",
    ]
    assert float(rows[4]["score"]) > max(float(r["score"]) for r in rows[:4])


def test_a_misspelt_optional_column_is_named_and_the_scores_go_on(tmp_path: Path) -> None:
    """'left_ownr' is read by nothing: the seller is lost, so stderr says which column was
    meant; stdout and the scores are those of the file without the column (the contract)."""
    plain, misspelt = tmp_path / "plain.csv", tmp_path / "misspelt.csv"
    plain.write_text("left,right,right_classes\n飞鹭,飞鹭,9\nCCELL,C-CELL,34\n", "utf-8")
    misspelt.write_text(
        "left,right,right_classes,left_ownr,batch\n"
        "飞鹭,飞鹭,9,杭州飞鹭餐饮管理有限公司,a\nCCELL,C-CELL,34,,b\n",
        "utf-8",
    )
    clean = ipsentry("marks", "score", "--pairs", str(plain), "--out", str(tmp_path / "a.csv"))
    done = ipsentry("marks", "score", "--pairs", str(misspelt), "--out", str(tmp_path / "b.csv"))
    said = " ".join(done.stderr.split())
    assert f"{misspelt}: columns not read" in said
    assert "left_ownr (did you mean left_owner?), batch" in said
    assert done.stdout.replace("b.csv", "a.csv") == clean.stdout
    assert clean.stderr == ""
    first = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    second = list(csv.DictReader((tmp_path / "b.csv").open(encoding="utf-8")))
    assert [r["left_ownr"] for r in second] == ["杭州飞鹭餐饮管理有限公司", ""]
    keep = ("similarity", "score", "verdict", "explanation")
    assert [[r[k] for k in keep] for r in second] == [[r[k] for k in keep] for r in first]


def test_a_misspelt_column_does_not_let_a_bad_row_through(tmp_path: Path) -> None:
    pairs = tmp_path / "in.csv"
    pairs.write_text("left,right,left_ownr\nCCELL,,Smoore\n", "utf-8")
    out = tmp_path / "out.csv"
    done = ipsentry("marks", "score", "--pairs", str(pairs), "--out", str(out), ok=False)
    assert f"{pairs}:2: right: is empty" in done.stderr
    assert not out.exists()
