"""The package's public verbs: ipsentry.compare_marks and ipsentry.search_register."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ipsentry
from ipsentry.formats.register_list import RegisterEntry
from ipsentry.services.register_watch import build_register


def test_importing_the_package_loads_no_engine() -> None:
    code = (
        "import ipsentry, sys; print(sorted(m for m in sys.modules if m.startswith('ipsentry.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_compare_marks_judges_and_honours_the_cutoff() -> None:
    judged = ipsentry.compare_marks("CCELL", "C-Cell style cartridges", free_text=True)
    assert judged is not None and judged.verdict == "similar"
    assert ipsentry.compare_marks("CCELL", "QUIMBY", score_cutoff=0.5) is None
    kept = ipsentry.compare_marks("CCELL", "CCEL1", score_cutoff=0.5)
    assert kept is not None and kept.score >= 0.5


def test_search_register_answers_every_query(tmp_path: Path) -> None:
    names = ["vortella", "quimby", "vortex", "lumina", "vortela-js"]
    build_register([RegisterEntry(n) for n in names], tmp_path / "idx", workers=1)
    answers = ipsentry.search_register(tmp_path / "idx", ["vortela", "lumnia"], top=2)
    assert [q for q, _ in answers] == ["vortela", "lumnia"]
    assert answers[0][1][0].name in ("vortella", "vortela-js")
    assert answers[1][1][0].name == "lumina"
    strict = ipsentry.search_register(tmp_path / "idx", ["vortela"], top=5, score_cutoff=0.99)
    assert all(hit.score >= 0.99 for hit in strict[0][1])
