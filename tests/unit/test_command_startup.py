"""`ipsentry screen --help` and `ipsentry patents --help` should not pay for an engine (NumPy,
the mark engine, the patent search engine): it is loaded when a run starts."""

from __future__ import annotations

from tests.unit.startup import loaded_after


def test_the_screen_command_module_loads_no_engine() -> None:
    assert loaded_after("import ipsentry.cli.screen") == []


def test_a_file_screening_loads_the_mark_engine() -> None:
    loaded = loaded_after(
        "from ipsentry.services.screening import read_marks; import pathlib, tempfile; "
        "p = pathlib.Path(tempfile.mkdtemp()) / 'm.csv'; p.write_text('mark\\nACME\\n'); read_marks(p)"
    )
    assert "numpy" in loaded and "ipsentry.matching.marks.screen" in loaded


def test_patents_help_loads_no_engine() -> None:
    loaded = loaded_after(
        "import contextlib; from ipsentry.cli.app import run; "
        "stdout = contextlib.redirect_stdout(open('/dev/null', 'w')); stdout.__enter__(); "
        "status = run(['patents', '--help']); stdout.__exit__(None, None, None); "
        "assert status == 0, status"
    )
    assert loaded == []


def test_a_patent_search_loads_the_search_engine() -> None:
    loaded = loaded_after(
        "from ipsentry.services.patent_search import search_patents; import tempfile; "
        "from ipsentry.errors import InvalidInput\n"
        "try: search_patents(tempfile.mkdtemp(), ['a pump'])  # not an index: refused\n"
        "except InvalidInput: pass"
    )
    assert "numpy" in loaded and "ipsentry.matching.claims.search" in loaded
