"""USPTO full-text grant and application XML (ST.36 / us-patent-grant v4.x), parsed safely.

Bulk files are many XML documents one after another; each is parsed on its own with
defusedxml, which refuses entity declarations (so no external entities and no expansion
bombs) and never fetches a DTD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ipsentry.errors import InvalidInput, Problem, UnsafeInput
from ipsentry.formats.files import CountingReader, Progress, check_input

_DOCUMENT_START = re.compile(r"<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def _documents(path: Path, progress: Progress | None) -> Iterator[str]:
    """The documents of a bulk file one at a time, so memory holds one document at most."""
    with CountingReader(path) as reader:
        parts: list[str] = []
        while line := reader.readline():
            text = line.decode("utf-8", errors="replace")
            starts = {m.start() for m in _DOCUMENT_START.finditer(text)}
            for begin, end in pairwise(sorted({0, len(text), *starts})):
                if begin in starts and "".join(parts).strip():
                    yield "".join(parts).strip()
                    parts = []
                    if progress is not None:
                        progress(reader.position, reader.size)
                parts.append(text[begin:end])
        if "".join(parts).strip():
            yield "".join(parts).strip()


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _date(value: str) -> str:
    value = value.strip()
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if len(value) == 8 else ""


def _claim_text(claim: Element) -> str:
    """Claim text with each nested <claim-text> on its own line, number label removed."""
    lines: list[str] = []

    def walk(node: Element) -> None:
        line = [node.text or ""]
        for child in node:
            if child.tag == "claim-text":
                lines.append(_SPACE.sub(" ", "".join(line)).strip())
                line = []
                walk(child)
            else:
                line.append("".join(child.itertext()))
            line.append(child.tail or "")
        lines.append(_SPACE.sub(" ", "".join(line)).strip())

    for part in claim.findall("claim-text"):
        walk(part)
    text = "\n".join(line for line in lines if line)
    return re.sub(r"^\s*\d+\s*\.\s*", "", text)


def _record(root: Element) -> dict[str, Any]:
    biblio = root.find("us-bibliographic-data-grant")
    is_grant = biblio is not None
    if biblio is None:
        biblio = root.find("us-bibliographic-data-application")
    if biblio is None:
        raise ValueError(f"<{root.tag}> is not a USPTO grant or application document")
    publication = biblio.find("publication-reference/document-id")
    application = biblio.find("application-reference/document-id")
    number = _text(publication.find("doc-number")) if publication is not None else ""
    record: dict[str, Any] = {
        "kind": "patent",
        "jurisdiction": _text(publication.find("country")) if publication is not None else "US",
        "title": _text(biblio.find("invention-title")),
        "status": "granted" if is_grant else "published",
        "kind_code": _text(publication.find("kind")) if publication is not None else "",
        "abstract": _text(root.find("abstract")),
        "description": "\n".join(_text(p) for p in _paragraphs(root)),
        "claims": [
            {"num": int(c.get("num", "0")), "text": _claim_text(c)}
            for c in root.findall("claims/claim")
        ],
        "cpc": [
            " ".join(
                _text(c.find(tag))
                for tag in ("section", "class", "subclass", "main-group", "subgroup")
            )
            for c in biblio.findall(".//classification-cpc")
        ],
    }
    date_text = _date(_text(publication.find("date"))) if publication is not None else ""
    if is_grant:
        record["registration_number"] = number
        record["registration_date"] = date_text
    else:
        record["publication_number"] = number
        record["publication_date"] = date_text
    if application is not None:
        record["application_number"] = _text(application.find("doc-number"))
        record["filing_date"] = _date(_text(application.find("date")))
    assignee = biblio.find(".//assignees/assignee//orgname")
    record["owner"] = _text(assignee)
    reference = biblio.find("application-reference")
    appl_type = reference.get("appl-type", "utility") if reference is not None else "utility"
    record["patent_type"] = {"design": "design", "plant": "plant"}.get(appl_type, "utility")
    return record


def _paragraphs(root: Element) -> list[Element]:
    description = root.find("description")
    return [] if description is None else list(description.iter("p"))


def read_uspto_xml(
    path: Path, progress: Progress | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """One record per document, numbered from 1, in the row format of the importer."""
    check_input(path)
    for number, document in enumerate(_documents(path, progress), start=1):
        try:
            root = fromstring(document.encode("utf-8"), forbid_dtd=False)
        except DefusedXmlException as error:
            problem = Problem(str(path), number, "(xml)", f"refused for safety: {error}")
            raise UnsafeInput([problem]) from None
        except Exception as error:  # ParseError and expat errors carry the position
            raise InvalidInput([Problem(str(path), number, "(xml)", str(error))]) from None
        try:
            yield number, _record(root)
        except ValueError as error:
            raise InvalidInput([Problem(str(path), number, "(xml)", str(error))]) from None
