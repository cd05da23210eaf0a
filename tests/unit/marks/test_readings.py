"""A table of foreign readings answers exactly as the dictionaries do, and is kept by an index."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ipsentry.formats.register_index import read_index, write_index
from ipsentry.matching.marks import dictionaries
from ipsentry.matching.marks.dictionaries import (
    ReadingTable,
    foreign_reading,
    foreign_words,
    read_all,
    use_readings,
)
from ipsentry.matching.marks.register import RegisterIndex, build

# English words with foreign homographs (the examples) and words of no language.
PLAIN = ["the", "bar", "sale", "computer", "zorvex", "kalomi"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No table installed before or after the test (installing one is process-wide)."""
    monkeypatch.setattr(dictionaries, "_installed", {})
    foreign_reading.cache_clear()
    yield
    foreign_reading.cache_clear()


@pytest.fixture(scope="module")
def words() -> list[str]:
    """Every 4,000th word the dictionaries could read, and the plain words."""
    return foreign_words()[::4000] + PLAIN


@pytest.mark.usefixtures("fresh")
def test_the_table_gives_every_word_the_dictionaries_reading(words: list[str]) -> None:
    from_resources = {w: foreign_reading(w) for w in words}
    assert sum(r is not None for r in from_resources.values()) > 20  # the sample reads some
    table = ReadingTable.of(read_all(words))
    assert use_readings(table)
    foreign_reading.cache_clear()
    assert {w: foreign_reading(w) for w in words} == from_resources
    assert foreign_reading("Barça") == from_resources.get("barca")  # folded like a lookup


def test_the_words_that_can_be_read_are_folded_and_sorted() -> None:
    candidates = foreign_words()
    assert candidates == sorted(set(candidates))  # the table looks words up by bisection
    assert all(w.isascii() and w.isalpha() and w == w.lower() for w in candidates[::500])


@pytest.mark.usefixtures("fresh")
def test_a_table_made_from_other_resources_is_not_used() -> None:
    table = ReadingTable(words=["bar"], entries=["de\tbear"], fingerprint="elsewhere")
    assert not use_readings(table)
    assert foreign_reading("bar") is None  # the register's own word, from the resources


@pytest.mark.usefixtures("fresh")
def test_a_stored_index_keeps_its_table(tmp_path: Path, words: list[str]) -> None:
    data = build(["perro negro", "black dog", "kalomi"], workers=1)
    data = replace(data, readings=ReadingTable.of(read_all(words)))
    write_index(data, tmp_path / "idx")
    stored = read_index(tmp_path / "idx")
    assert stored.readings is not None
    assert list(stored.readings.words) == list(data.readings.words)  # type: ignore[union-attr]
    assert list(stored.readings.entries) == list(data.readings.entries)  # type: ignore[union-attr]
    RegisterIndex(stored)  # opening it installs the table
    assert dictionaries._installed[stored.readings.register] is stored.readings
