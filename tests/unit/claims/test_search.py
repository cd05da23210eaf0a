"""Hybrid patent search on a handful of real patents: the right one first, with its passage."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from ipsentry.formats.patent_index import read_index, write_index
from ipsentry.matching.claims.search import DENSE, WHOLE, Document, Fusion, PatentIndex, build

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@pytest.fixture(scope="module")
def records() -> list[dict]:  # type: ignore[type-arg]
    with (DATA / "patents/corpus.jsonl").open() as handle:
        return [json.loads(line) for line, _ in zip(handle, range(25), strict=False)]


@pytest.fixture(scope="module")
def index(records: list[dict], tmp_path_factory: pytest.TempPathFactory) -> PatentIndex:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("patents")
    without_claims = [{k: v for k, v in r.items() if k != "claims"} for r in records]
    built = build(without_claims, dense=True)
    assert built.meta["documents"] == len(records) and built.meta["dense"]
    write_index(built, folder)
    stored = read_index(folder)  # what a search process reads back is what was built
    assert [d.number for d in stored.documents] == [d.number for d in built.documents]
    assert stored.vectors is not None and built.vectors is not None
    assert abs(stored.vectors - built.vectors).max() < 1e-2  # stored at half precision
    return stored


def test_a_claim_finds_its_own_patent_by_both_rankings(
    index: PatentIndex, records: list[dict]
) -> None:  # type: ignore[type-arg]
    found = 0
    for record in records:
        claims = [c for c in record.get("claims") or [] if c.get("depends_on") is None]
        if not claims or not record.get("description"):
            continue
        (hits,) = index.search([claims[0]["text"]], top=3)
        found += hits[0].number == record["number"]
        assert hits[0].lexical_rank is not None or hits[0].dense_rank is not None
        assert hits[0].passage and hits[0].field in ("title and abstract", "description")
    assert found >= 0.9 * sum(1 for r in records if r.get("description") and r.get("claims"))


def test_patents_like_this_one_leave_it_out(index: PatentIndex, records: list[dict]) -> None:  # type: ignore[type-arg]
    number = records[0]["number"]
    hits = index.like(number, top=5)
    assert len(hits) == 5 and number not in [h.number for h in hits]


def test_missing_fields_are_fine(tmp_path: Path) -> None:
    index = build(
        [{"number": "US1"}, {"number": "US2", "title": "Heated tobacco stick"}], dense=False
    )
    (hits,) = index.search(["tobacco stick heated"], top=2)
    assert hits[0].number == "US2"


def test_the_fusion_setting_decides_which_rankings_count(index: PatentIndex) -> None:
    query = "a heating element and a reservoir of liquid"
    rankings = index.rankings([query])
    assert set(rankings) == {WHOLE, DENSE}
    assert all(rows.shape == (1, len(index.documents)) for rows in rankings.values())
    scores = {name: rows[0] for name, rows in rankings.items()}
    by_words = index.fuse(query, scores, 3, None, Fusion((WHOLE,), 60, (1.0,)))
    best_by_words = [index.documents[int(i)].number for i in np.argsort(-scores[WHOLE])[:3]]
    assert [h.number for h in by_words] == best_by_words
    assert all(h.dense_rank is None for h in by_words)
    leaning = index.fuse(query, scores, 3, None, Fusion((WHOLE, DENSE), 10, (0.01, 1.0)))
    best_by_meaning = [index.documents[int(i)].number for i in np.argsort(-scores[DENSE])[:3]]
    assert [h.number for h in leaning] == best_by_meaning


def test_documents_made_as_a_corpus_is_read_index_as_the_records_do(
    records: list[dict],  # type: ignore[type-arg]
) -> None:
    """`patents index` turns each record into a document as it reads the file (the records
    are not all held as well); the index is the same."""
    from_records = build(records, dense=False)
    from_documents = build([Document.of(r) for r in records], dense=False)
    assert from_documents.documents == from_records.documents
    query = [str(records[3].get("abstract") or records[3]["title"])]
    assert [h.number for h in from_documents.search(query, 5)[0]] == [
        h.number for h in from_records.search(query, 5)[0]
    ]
