"""`ipsentry screen --help` should not pay for the mark engine: it is loaded when a run starts."""

from __future__ import annotations

import json
import subprocess
import sys

ENGINE = ("numpy", "ipsentry.matching")


def loaded_after(statement: str) -> list[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(m for m in sys.modules if m.startswith({ENGINE!r}))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names: list[str] = json.loads(done.stdout)
    return names


def test_the_screen_command_module_loads_no_engine() -> None:
    assert loaded_after("import ipsentry.cli.screen") == []


def test_a_file_screening_loads_the_mark_engine() -> None:
    loaded = loaded_after(
        "from ipsentry.services.screening import read_marks; import pathlib, tempfile; "
        "p = pathlib.Path(tempfile.mkdtemp()) / 'm.csv'; p.write_text('mark\\nACME\\n'); read_marks(p)"
    )
    assert "numpy" in loaded and "ipsentry.matching.marks.screen" in loaded
