"""Which engine modules a statement loads, run in a fresh interpreter: the start-up tests
of every command module use it."""

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
