"""Screening output does not depend on the process's hash seed.

Python randomises the hash of strings per process (PYTHONHASHSEED), so any order taken
from a set or dict of strings changes from one run to the next. Screening ranks hits by
score, and hits of equal score must still come out in one order: two runs of the same
files in processes with different seeds must write identical bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Marks one letter apart (made up for this test), so one text meets several with equal scores.
MARKS = """id,mark,classes
1,ZORVEX,9
2,ZORVEK,9
3,ZORVAX,9
4,ZURVEX,9
5,XORVEX,9
6,ZORVEX,34
7,KORVEX,9
"""
OBSERVATIONS = """id,kind,text
o1,listing,ZORVEQ charger for phones
o2,listing,zorvexx power kit
o3,listing,Zorvex style cable
o4,domain,zorveq-shop.com
"""


def _screen(tmp_path: Path, seed: str) -> str:
    out = tmp_path / f"hits-{seed}.jsonl"
    command = [sys.executable, "-m", "ipsentry", "screen"]
    command += ["--marks", str(tmp_path / "marks.csv"), "--input", str(tmp_path / "obs.csv")]
    command += ["--out", str(out)]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=600)
    return out.read_text("utf-8")


def test_hits_of_equal_score_come_out_in_one_order_whatever_the_hash_seed(
    tmp_path: Path,
) -> None:
    (tmp_path / "marks.csv").write_text(MARKS, "utf-8")
    (tmp_path / "obs.csv").write_text(OBSERVATIONS, "utf-8")
    first, second = _screen(tmp_path, "1"), _screen(tmp_path, "2")
    assert first == second
    hits = [json.loads(line) for line in first.splitlines()]
    scores = [(h["observation"], h["score"]) for h in hits]
    assert len(scores) > len(set(scores)), "the files must give ties for the order to matter"
    for observation in {h["observation"] for h in hits}:
        ranked = [(-h["score"], h["mark"]) for h in hits if h["observation"] == observation]
        assert ranked == sorted(ranked)  # best first, equal scores by mark text
