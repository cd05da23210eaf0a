"""USPTO grant XML: real structure parsed; entity tricks refused before anything is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipsentry.errors import InvalidInput, UnsafeInput
from ipsentry.formats.uspto_xml import read_uspto_xml
from ipsentry.services.right_records import right_from_record
from tests.unit.uspto_samples import GRANT


def test_grant_document_becomes_a_patent_record(tmp_path: Path) -> None:
    path = tmp_path / "grant.xml"
    path.write_text(GRANT + GRANT.replace("10357623", "10791762").replace("15623112", "15999999"))
    records = list(read_uspto_xml(path))
    assert [n for n, _ in records] == [1, 2]
    record = records[0][1]
    assert record["registration_number"] == "10357623"
    assert record["application_number"] == "15623112"
    assert record["filing_date"] == "2017-06-14"
    assert record["owner"] == "Example Owner Co."
    assert record["claims"][0]["text"].splitlines() == [
        "A vaporizer, comprising:",
        "a housing;",
        "a liquid storage cavity free of a wick; and",
        "a ceramic heating element.",
    ]
    first, problems = right_from_record(str(path), *records[0])
    assert problems == [] and first is not None
    assert [c.depends_on for c in first.claims] == [None, 1]  # type: ignore[attr-defined]
    assert [e.text for e in first.claims[0].elements][2:] == [  # type: ignore[attr-defined]
        "a housing",
        "a liquid storage cavity free of a wick",
        "a ceramic heating element",
    ]


EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE us-patent-grant [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<us-patent-grant><us-bibliographic-data-grant><invention-title>&xxe;</invention-title></us-bibliographic-data-grant></us-patent-grant>
"""
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<us-patent-grant><abstract>&lol3;</abstract></us-patent-grant>
"""


@pytest.mark.parametrize(
    "document", [EXTERNAL_ENTITY, BILLION_LAUGHS], ids=["xxe", "billion-laughs"]
)
def test_entity_declarations_are_refused_with_a_clear_error(tmp_path: Path, document: str) -> None:
    path = tmp_path / "evil.xml"
    path.write_text(document)
    with pytest.raises(UnsafeInput, match=rf"{path.name}:1: \(xml\): refused for safety"):
        list(read_uspto_xml(path))


def test_broken_xml_names_the_document(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(GRANT + '<?xml version="1.0"?><us-patent-grant><oops></us-patent-grant>')
    with pytest.raises(InvalidInput, match=r"broken.xml:2: \(xml\)"):
        list(read_uspto_xml(path))
