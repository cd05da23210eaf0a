"""Turn one imported record (a CSV/XLSX row, a JSON object, a USPTO document) into a right.

Every problem is collected with its field, so a file with many bad rows is reported whole
in one pass. Accepted spellings: lists as JSON arrays or ``;``-separated text; Nice goods
as ``34: cartridges; vaporizers | 9: batteries``; claims as a list of ``{num, text}`` or as
numbered text ``1. A ... 2. The ... of claim 1``; the record format of the patent corpus
(``number`` such as ``US8926509`` with ``doc_type``) as well.
"""

from __future__ import annotations

import enum
import json
import re
import reprlib
from datetime import date
from typing import Any, TypeVar

from ipsentry.domain.common import Confidentiality, normalise_jurisdiction
from ipsentry.domain.rights import (
    FilingBasis,
    LegalStatus,
    MarkType,
    NiceClassEntry,
    Patent,
    PatentType,
    Right,
    RightKind,
    Trademark,
    normalise_number,
)
from ipsentry.errors import Problem

E = TypeVar("E", bound=enum.Enum)
FLAG_FIELDS = ("illustrative", "pct_national_phase", "famous")
_TRUE = {"1", "true", "yes", "y", "x"}
_FALSE = {"", "0", "false", "no", "n"}
# 'US10357623', 'US 10,357,623', 'US10357623B2', 'USAPP14123456' (separators dropped first)
_CORPUS_NUMBER = re.compile(r"^([A-Z]{2})(APP)?(\d{4,})([A-Z]\d?)?$")
# Every column an import reads; a header naming none of them is not a header.
IMPORT_FIELDS = (
    "kind", "jurisdiction", "title", "mark", "registration_number", "application_number",
    "publication_number", "status", "owner", "kind_code", "filing_date", "priority_date",
    "publication_date", "registration_date", "technology_family", "product_lines",
    "confidentiality", "illustrative", "notes", "patent_type", "family_id", "abstract",
    "description", "cpc", "ipc", "claims", "construction", "earliest_nonprovisional_date",
    "pct_national_phase", "mark_type", "filing_basis",
    "register", "international_registration", "classes", "nice_classes", "goods",
    "disclaimers", "translation", "transliteration", "famous", "first_use_date", "number",
    "doc_type", "date",
)  # fmt: skip


class _Fields:
    """Reads typed fields from a record, remembering what was wrong with each."""

    def __init__(self, source: str, row: int, record: dict[str, Any]) -> None:
        self.source, self.row, self.record = source, row, record
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.source, self.row, field, message))

    def text(self, field: str, *, required: bool = False) -> str:
        value = self.record.get(field)
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.problem(field, "required, but empty")
        return text

    def choice(self, field: str, enum_type: type[E], default: E) -> E:
        text = self.text(field).lower().replace(" ", "_").replace("-", "_")
        if not text:
            return default
        try:
            return enum_type(text)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in enum_type)
            self.problem(field, f"{text!r} is not one of: {allowed}")
            return default

    def date(self, field: str) -> date | None:
        text = self.text(field)
        if not text:
            return None
        digits = text.replace("-", "")
        try:
            if len(digits) != 8 or not digits.isdigit():
                raise ValueError
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            self.problem(field, f"{text!r} is not a date (use YYYY-MM-DD)")
            return None

    def flag(self, field: str) -> bool:
        value = self.record.get(field)
        if isinstance(value, bool):
            return value
        text = self.text(field).lower()
        if text not in _TRUE | _FALSE:
            self.problem(field, f"{text!r} is not yes/no")
        return text in _TRUE

    def construction(self, field: str) -> dict[str, list[str]]:
        """{"term": "meaning"} or {"term": ["meaning", ...]}, or 'term = meaning; ...'."""
        value = self.record.get(field)
        if value in (None, "", {}):
            return {}
        if isinstance(value, str) and value.strip().startswith("{"):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as error:
                self.problem(field, f"not valid JSON: {error.msg}")
                return {}
        if isinstance(value, str):
            pairs = [part.split("=", 1) for part in value.split(";") if part.strip()]
            if any(len(p) != 2 for p in pairs):
                self.problem(field, "write 'term = meaning; term = meaning'")
                return {}
            value = {term.strip(): meaning.strip() for term, meaning in pairs}
        if not isinstance(value, dict):
            self.problem(field, "expected an object of term: meaning(s)")
            return {}
        table: dict[str, list[str]] = {}
        for term, meanings in value.items():
            listed = meanings if isinstance(meanings, list) else [meanings]
            cleaned = [str(m).strip() for m in listed if str(m).strip()]
            if not str(term).strip() or not cleaned:
                self.problem(field, f"term {term!r} needs a term and at least one meaning")
                continue
            table[str(term).strip()] = cleaned
        return table

    def items(self, field: str) -> list[str]:
        value = self.record.get(field)
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return [part.strip() for part in self.text(field).split(";") if part.strip()]

    def number(self, field: str, jurisdiction: str) -> str | None:
        text = self.text(field)
        if not text:
            return None
        value = normalise_number(text, jurisdiction)
        if not re.fullmatch(r"[0-9A-Z]+", value):
            self.problem(field, f"{text!r} is not an office number")
            return None
        return value


def _from_corpus_format(record: dict[str, Any]) -> dict[str, Any]:
    """The patent corpus names a document by one number; split it into office and series."""
    number = re.sub(r"[\s,./-]", "", str(record.get("number", ""))).upper()
    match = _CORPUS_NUMBER.match(number)
    if not match or "jurisdiction" in record:
        return record
    office, application, digits, kind_code = match.groups()
    grant = record.get("doc_type", "grant") != "application"
    day = str(record.get("date", ""))
    converted = {**record, "kind": "patent", "jurisdiction": office}
    if application:  # 'USAPP14123456': an application known only by its application number
        converted["application_number"] = digits
        converted.setdefault("status", "filed")
    else:
        converted["registration_number" if grant else "publication_number"] = digits
        converted["registration_date" if grant else "publication_date"] = day
        converted.setdefault("status", "granted" if grant else "published")
    converted["kind_code"] = record.get("kind", "") or kind_code or ""
    if isinstance(record.get("description"), list):
        converted["description"] = "\n".join(record["description"])
    return converted


def _claims(fields: _Fields) -> list[tuple[int, str]]:
    value = fields.record.get("claims")
    if isinstance(value, list):
        claims = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, dict) or not str(item.get("text", "")).strip():
                fields.problem("claims", f"claim {position} has no text")
                continue
            number = item.get("num") or position
            if isinstance(number, bool) or not str(number).strip().isdecimal():
                fields.problem("claims", f"claim {position}: num {number!r} is not a claim number")
                continue
            claims.append((int(str(number).strip()), str(item["text"])))
        return claims
    if isinstance(value, str) and value.strip():
        from ipsentry.matching.claims import split_numbered_claims  # only when a file has claims

        return split_numbered_claims(value)
    if value not in (None, ""):
        fields.problem(
            "claims",
            f"expected a list of {{num, text}} or the numbered text, not {reprlib.repr(value)}",
        )
    return []


def _classes(fields: _Fields) -> list[NiceClassEntry]:
    value = fields.record.get("classes")
    pairs: list[tuple[str, str]] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                pairs.append((str(item.get("number", "")), str(item.get("goods", ""))))
            else:
                pairs.append((str(item), ""))
    else:
        goods = {}
        for part in fields.text("goods").split("|"):
            head, _, rest = part.partition(":")
            if part.strip():
                goods[head.strip()] = rest.strip()
        for number in fields.items("nice_classes") or list(goods):
            pairs.append((number, goods.get(number, "")))
    entries = []
    for number, goods_text in pairs:
        try:
            entries.append(NiceClassEntry(number=int(number), goods=goods_text))
        except ValueError:
            fields.problem("nice_classes", f"{number!r} is not a Nice class from 1 to 45")
    return entries


def _earliest_filing(fields: _Fields, filed: date | None) -> date | None:
    """The earliest non-provisional filing a patent claims, which cannot be after its own."""
    earliest = fields.date("earliest_nonprovisional_date")
    if earliest is not None and filed is not None and earliest > filed:
        fields.problem(
            "earliest_nonprovisional_date",
            f"{earliest.isoformat()} is after the filing date {filed.isoformat()}",
        )
        return None
    return earliest


def blank_flags(raw: dict[str, Any]) -> frozenset[str]:
    """The yes/no fields a record leaves empty: read as "no" for a new right, but never
    allowed to switch off what a stored right says (empty cells never erase data)."""
    record = _from_corpus_format(raw)
    return frozenset(f for f in FLAG_FIELDS if str(record.get(f) or "").strip() == "")


def right_from_record(
    source: str, row: int, raw: dict[str, Any]
) -> tuple[Right | None, list[Problem]]:
    record = _from_corpus_format(raw)
    f = _Fields(source, row, record)
    kind_text = f.text("kind").lower() or ("trademark" if f.text("mark") else "")
    try:
        kind = RightKind(kind_text)
    except ValueError:
        f.problem("kind", f"{kind_text!r} is not 'patent' or 'trademark'")
        return None, f.problems
    try:
        jurisdiction = normalise_jurisdiction(f.text("jurisdiction", required=True) or "??")
    except ValueError as error:
        if f.text("jurisdiction"):
            f.problem("jurisdiction", str(error))
        jurisdiction = "??"
    title = f.text("mark") or f.text("title")
    if not title:
        f.problem("mark" if kind is RightKind.TRADEMARK else "title", "required, but empty")
    numbers = {
        name: f.number(name, jurisdiction)
        for name in ("application_number", "publication_number", "registration_number")
    }
    if not any(numbers.values()) and not any(p.field.endswith("_number") for p in f.problems):
        f.problem(
            "registration_number",
            "a right needs an application, publication or registration number",
        )
    alive_default = LegalStatus.GRANTED if kind is RightKind.PATENT else LegalStatus.REGISTERED
    common: dict[str, Any] = {
        "jurisdiction": jurisdiction,
        "title": title,
        "status": f.choice(
            "status",
            LegalStatus,
            alive_default if numbers["registration_number"] else LegalStatus.FILED,
        ),
        "owner": f.text("owner"),
        **numbers,
        "kind_code": f.text("kind_code").upper(),
        "filing_date": f.date("filing_date"),
        "priority_date": f.date("priority_date"),
        "publication_date": f.date("publication_date"),
        "registration_date": f.date("registration_date"),
        "technology_family": f.text("technology_family"),
        "product_lines": f.items("product_lines"),
        "confidentiality": f.choice(
            "confidentiality", Confidentiality, Confidentiality.CONFIDENTIAL
        ),
        "illustrative": f.flag("illustrative"),
        "notes": f.text("notes"),
    }
    right: Right
    if kind is RightKind.PATENT:
        # the claim parser loads with the first patent: a command that only looks at
        # customs, say, never pays for it (tests/unit/test_customs_startup.py)
        from ipsentry.matching.claims import parse_claims

        try:
            claims = parse_claims(_claims(f))
        except ValueError as error:
            f.problem("claims", str(error))
            claims = []
        right = Patent(
            **common,
            patent_type=f.choice("patent_type", PatentType, PatentType.UTILITY),
            family_id=f.text("family_id"),
            earliest_nonprovisional_date=_earliest_filing(f, common["filing_date"]),
            pct_national_phase=f.flag("pct_national_phase"),
            abstract=f.text("abstract"),
            description=f.text("description"),
            cpc=f.items("cpc"),
            ipc=f.items("ipc"),
            claims=claims,
            construction=f.construction("construction"),
        )
    else:
        right = Trademark(
            **common,
            mark_type=f.choice("mark_type", MarkType, MarkType.WORD),
            filing_basis=f.choice("filing_basis", FilingBasis, FilingBasis.NATIONAL),
            register=f.text("register") or "principal",
            international_registration=f.text("international_registration"),
            classes=_classes(f),
            disclaimers=f.items("disclaimers"),
            translation=f.text("translation"),
            transliteration=f.text("transliteration"),
            famous=f.flag("famous"),
            first_use_date=f.date("first_use_date"),
        )
    return (None, f.problems) if f.problems else (right, [])


def record_from_right(right: Right) -> dict[str, Any]:
    """The flat record of a right, in the same field names the importer reads."""
    record: dict[str, Any] = {
        "kind": right.kind.value,
        "jurisdiction": right.jurisdiction,
        "title": right.title,
        "status": right.status.value,
        "owner": right.owner,
        "application_number": right.application_number or "",
        "publication_number": right.publication_number or "",
        "registration_number": right.registration_number or "",
        "kind_code": right.kind_code,
        "filing_date": right.filing_date.isoformat() if right.filing_date else "",
        "priority_date": right.priority_date.isoformat() if right.priority_date else "",
        "publication_date": right.publication_date.isoformat() if right.publication_date else "",
        "registration_date": right.registration_date.isoformat() if right.registration_date else "",
        "technology_family": right.technology_family,
        "product_lines": "; ".join(right.product_lines),
        "confidentiality": right.confidentiality.value,
        "illustrative": "yes" if right.illustrative else "no",
        "notes": right.notes,
    }
    if isinstance(right, Patent):
        record |= {
            "patent_type": right.patent_type.value,
            "family_id": right.family_id,
            "earliest_nonprovisional_date": (
                right.earliest_nonprovisional_date.isoformat()
                if right.earliest_nonprovisional_date
                else ""
            ),
            "pct_national_phase": "yes" if right.pct_national_phase else "no",
            "abstract": right.abstract,
            "cpc": "; ".join(right.cpc),
            "ipc": "; ".join(right.ipc),
            "claims": [
                {"num": c.num, "text": c.text, "depends_on": c.depends_on} for c in right.claims
            ],
            "construction": right.construction,
        }
    elif isinstance(right, Trademark):
        record |= {
            "mark_type": right.mark_type.value,
            "filing_basis": right.filing_basis.value,
            "nice_classes": "; ".join(str(c.number) for c in right.classes),
            "goods": " | ".join(f"{c.number}: {c.goods}" for c in right.classes),
            "disclaimers": "; ".join(right.disclaimers),
            "translation": right.translation,
            "famous": "yes" if right.famous else "no",
        }
    return record
