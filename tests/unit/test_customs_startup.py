"""`ipsentry customs --help` should not pay for the mark engine: it loads when a file is scored."""

from __future__ import annotations

from tests.unit.startup import loaded_after


def test_the_customs_command_module_loads_no_engine() -> None:
    assert loaded_after("import ipsentry.cli.customs") == []
