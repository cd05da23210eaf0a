"""A broken JSON file is told by its record, the record's field and the line, not by the
streaming parser's character offset and caret; a field of the wrong type by record and field."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from ipsentry.cli.inputs import read_json_texts
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.mappings import read_mapping
from ipsentry.formats.tabular import read_rows
from ipsentry.services.right_records import right_from_record


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InvalidInput) as raised:
        list(read_rows(path))
    return raised.value.problems


def only(path: Path) -> Problem:
    [found] = problems_of(path)
    assert "right here" not in found.message and "^" not in found.message
    assert not re.search(r"\bat \d|column|char", found.message)
    return found


def test_a_break_inside_a_record_names_the_record_its_field_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "rights.json"
    path.write_text(
        '[\n  {"kind": "trademark", "mark": "ZEPHYRA"},\n'
        '  {"kind": "trademark",\n   "mark": "VOLTA"\n   "owner": "Volta Ltd"},\n'
        '  {"kind": "trademark", "mark": "NOVA"}\n]\n',
        "utf-8",
    )
    found = only(path)
    assert (found.row, found.field) == (2, "mark")
    assert found.message.startswith("not valid JSON on line 5: ")  # where "owner" is met
    assert "expect ',' or '}'" in found.message


def test_a_break_after_a_blank_key_names_the_record_not_a_blank_field(tmp_path: Path) -> None:
    # the shape the importers' fuzzing found: a key of one space, then a broken value
    path = tmp_path / "rights.json"
    path.write_text('[{"kind": "trademark", "jurisdiction": "US", " "US", "mark": "X"}]', "utf-8")
    [found] = problems_of(path)
    assert (found.row, found.field) == (1, "(json)")


def test_a_break_between_records_or_after_the_list_is_placed_after_the_last_whole_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rights.json"
    path.write_text('[{"mark": "A"},\n {"mark": "B"}\n {"mark": "C"}]\n', "utf-8")
    found = only(path)
    assert (found.row, found.field) == (None, "(json)")
    assert found.message.startswith("not valid JSON on line 3, after record 2: ")

    path.write_text('[{"mark": "A"}]\n\n]\n', "utf-8")
    found = only(path)
    assert found.row is None and "on line 3, after record 1: trailing garbage" in found.message


def test_a_lone_object_and_the_rights_wrapper_count_records_as_read_rows_does(
    tmp_path: Path,
) -> None:
    lone = tmp_path / "patent.json"
    lone.write_text('{"number": "US1",\n "title": "Pod",\n "claims": [tru]}', "utf-8")
    found = only(lone)
    assert (found.row, found.field) == (1, "claims") and "on line 3" in found.message

    wrapped = tmp_path / "export.json"
    wrapped.write_text('{"rights": [{"mark": "A"},\n{"mark": "B", "owner": }]}', "utf-8")
    found = only(wrapped)
    assert (found.row, found.field) == (2, "owner") and "on line 2" in found.message


def test_an_unclosed_file_says_so_in_words(tmp_path: Path) -> None:
    path = tmp_path / "rights.json"
    path.write_text('[{"mark": "A"},\n {"mark": "B", "notes": "open', "utf-8")
    found = only(path)
    assert (found.row, found.field) == (2, "notes")
    assert "ends inside a value" in found.message


def test_lines_are_counted_across_long_lines_and_compressed_files(tmp_path: Path) -> None:
    """A record longer than the chunk the file is read again in does not shift the line."""
    long = json.dumps({"mark": "A", "notes": "x" * 200_000})
    text = f"[{long},\n{long},\n" + '{"mark": "C", "classes": [9 34]}]\n'
    path = tmp_path / "rights.json.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    found = only(path)
    assert (found.row, found.field) == (3, "classes") and "on line 3" in found.message


def test_json_lines_name_every_broken_line_and_its_field(tmp_path: Path) -> None:
    path = tmp_path / "products.jsonl"
    path.write_text(
        '{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c" "text": "x"}\nnot json\n',
        "utf-8",
    )
    found = problems_of(path)
    assert [(p.row, p.field) for p in found] == [(2, "text"), (3, "id"), (4, "(json)")]
    assert all(p.message.startswith("not valid JSON: ") for p in found)


def test_a_mapping_file_names_the_line_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"co_development": "no",\n "export_markets": ["US" "CN"]}', "utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_mapping(path, "answers")
    [found] = raised.value.problems
    assert (found.row, found.field) == (2, "export_markets")
    assert found.message.startswith("not valid JSON: ")


def test_an_association_file_names_the_line_and_the_field(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "assetlinks.json"
    good.write_text('[{"target": {"package_name": "com.example"}}]', "utf-8")
    bad.write_text('[{"relation": ["delegate"],\n  "target": {"package_name": com}}]', "utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_json_texts([good, bad])
    [found] = raised.value.problems
    assert (found.source, found.row, found.field) == (str(bad), 2, "target")


PATENT = {"kind": "patent", "jurisdiction": "US", "title": "Pod", "registration_number": "10357623"}


@pytest.mark.parametrize(
    ("claims", "said"),
    [
        (5, "expected a list of {num, text} or the numbered text, not 5"),
        ({"1": "A pod."}, "expected a list of {num, text} or the numbered text, not {'1':"),
        ([{"num": "one", "text": "A pod."}], "claim 1: num 'one' is not a claim number"),
        ([{"num": True, "text": "A pod."}], "claim 1: num True is not a claim number"),
        ([{"num": 1, "text": "A pod."}, {"num": "2b", "text": "The pod of claim 1."}],
         "claim 2: num '2b' is not a claim number"),
    ],
)  # fmt: skip
def test_claims_of_the_wrong_type_are_named_by_record_and_field(claims: object, said: str) -> None:
    right, problems = right_from_record("rights.json", 4, {**PATENT, "claims": claims})
    assert right is None
    assert [(p.source, p.row, p.field) for p in problems] == [("rights.json", 4, "claims")]
    assert problems[0].message.startswith(said)


def test_claim_numbers_as_json_numbers_or_text_digits_are_read() -> None:
    claims = [{"num": 1, "text": "A pod."}, {"num": " 2 ", "text": "The pod of claim 1."}]
    right, problems = right_from_record("rights.json", 1, {**PATENT, "claims": claims})
    assert problems == [] and right is not None
    assert [c.num for c in right.claims] == [1, 2]
