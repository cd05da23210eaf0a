"""Border measures: rights recorded with customs, detentions and what became of them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ipsentry.domain.common import Confidentiality, Money


class CustomsAuthority(enum.StrEnum):
    CN_GACC = "CN-GACC"  # General Administration of Customs of China
    US_CBP = "US-CBP"
    EU = "EU"  # an application for action under Regulation (EU) 608/2013
    OTHER = "OTHER"


class Coverage(enum.StrEnum):
    """Which movements a recordation asks customs to watch (China protects exports too)."""

    IMPORTS = "imports"
    EXPORTS = "exports"
    BOTH = "imports_and_exports"

    def covers(self, direction: Direction) -> bool:
        return self is Coverage.BOTH or self.value == f"{direction.value}s"


class Direction(enum.StrEnum):
    IMPORT = "import"
    EXPORT = "export"


# Who may make or move genuine goods, as the guide tells officers (the portfolio's own
# authorised traders, ``rights.AuthorisedTrader``, are parties; these are names on a guide).
GUIDE_ROLES = ("manufacturer", "exporter", "importer", "licensee", "distributor")


@dataclass(frozen=True)
class GuideParty:
    name: str
    role: str  # one of GUIDE_ROLES
    country: str = ""

    def __post_init__(self) -> None:
        if self.role not in GUIDE_ROLES:
            raise ValueError(f"role must be one of {', '.join(GUIDE_ROLES)}, not {self.role!r}")


@dataclass(frozen=True)
class Route:
    """A usual movement of genuine goods; an empty field matches any value."""

    origin: str = ""
    destination: str = ""
    port: str = ""

    def matches(self, origin: str, destination: str, port: str) -> bool:
        pairs = ((self.origin, origin), (self.destination, destination), (self.port, port))
        return all(not mine or mine.casefold() == seen.strip().casefold() for mine, seen in pairs)

    def label(self) -> str:
        via = f" via {self.port}" if self.port else ""
        return f"{self.origin or 'any'} -> {self.destination or 'any'}{via}"


@dataclass(frozen=True)
class GenuinePrice:
    """What a genuine unit sells for at the border, per product line."""

    product: str
    price: Money
    unit: str = "piece"


@dataclass(frozen=True)
class IdentificationGuide:
    """What an officer at the inspection bench needs to tell genuine goods from fakes."""

    features: tuple[str, ...] = ()
    packaging: str = ""
    labels: str = ""
    serial_format: str = ""  # e.g. a pattern such as 'CC-########'
    photos: tuple[str, ...] = ()  # file names or references of reference photographs
    hs_codes: tuple[str, ...] = ()  # the recorded goods as HS codes (HS 2022 unless named)
    authorised: tuple[GuideParty, ...] = ()
    routes: tuple[Route, ...] = ()
    prices: tuple[GenuinePrice, ...] = ()
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        """Plain data for storage and the API (money as text, so nothing is rounded)."""
        return {
            "features": list(self.features),
            "packaging": self.packaging,
            "labels": self.labels,
            "serial_format": self.serial_format,
            "photos": list(self.photos),
            "hs_codes": list(self.hs_codes),
            "authorised": [{"name": p.name, "role": p.role, "country": p.country}
                           for p in self.authorised],
            "routes": [{"origin": r.origin, "destination": r.destination, "port": r.port}
                       for r in self.routes],
            "prices": [{"product": p.product, "amount": str(p.price.amount),
                        "currency": p.price.currency, "unit": p.unit} for p in self.prices],
            "notes": self.notes,
        }  # fmt: skip

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> IdentificationGuide:
        """The guide from plain data; a bad field raises ValueError naming it."""

        def texts(name: str) -> tuple[str, ...]:
            value = raw.get(name) or []
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name}: a list of texts is expected")
            return tuple(v.strip() for v in value if v.strip())

        try:
            return cls(
                features=texts("features"),
                packaging=str(raw.get("packaging") or ""),
                labels=str(raw.get("labels") or ""),
                serial_format=str(raw.get("serial_format") or ""),
                photos=texts("photos"),
                hs_codes=texts("hs_codes"),
                authorised=tuple(
                    GuideParty(str(p["name"]), str(p["role"]), str(p.get("country") or ""))
                    for p in raw.get("authorised") or []
                ),
                routes=tuple(
                    Route(str(r.get("origin") or ""), str(r.get("destination") or ""),
                          str(r.get("port") or ""))
                    for r in raw.get("routes") or []
                ),
                prices=tuple(
                    GenuinePrice(str(p["product"]), Money(Decimal(str(p["amount"])),
                                 str(p["currency"])), str(p.get("unit") or "piece"))
                    for p in raw.get("prices") or []
                ),
                notes=str(raw.get("notes") or ""),
            )  # fmt: skip
        except KeyError as missing:
            raise ValueError(f"{missing.args[0]}: missing") from None
        except (TypeError, ArithmeticError, AttributeError) as bad:
            raise ValueError(f"not a valid guide ({bad})") from None


@dataclass(kw_only=True, eq=False)
class Recordation:
    """A right recorded with a customs authority, with what officers need to spot fakes."""

    organisation_id: int
    right_id: int
    authority: CustomsAuthority
    number: str
    goods: str = ""
    identification_guide: str = ""  # features of genuine products, as free text
    guide: IdentificationGuide = field(default_factory=IdentificationGuide)
    coverage: Coverage = Coverage.BOTH
    contact_point: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def is_valid_on(self, day: date) -> bool:
        starts = self.valid_from is None or self.valid_from <= day
        return starts and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class Declaration:
    """One customs declaration line, as a risk scorer reads it."""

    key: str  # the file row or the declaration number
    direction: Direction
    declarant: str = ""
    consignor: str = ""
    consignee: str = ""
    origin: str = ""
    destination: str = ""
    port: str = ""
    hs_code: str = ""
    hs_edition: str = "2022"
    brand: str = ""
    description: str = ""
    quantity: int = 0
    unit_value: Money | None = None
    address: str = ""


class DetentionStatus(enum.StrEnum):
    """Where a detention stands; which steps are allowed depends on the authority's
    procedure (``domain.border_procedure``), which also says what each state means there."""

    DETAINED = "detained"
    NOTIFIED = "notified"  # the rights holder was told and the clock runs
    CONFIRMED = "confirmed"  # the rights holder confirmed (and, in China, posted security)
    SEIZED = "seized"
    DESTROYED = "destroyed"
    RELEASED = "released"
    HANDED_OVER = "handed_over"  # to court or administrative proceedings

    @property
    def closed(self) -> bool:
        return self in (DetentionStatus.DESTROYED, DetentionStatus.RELEASED,
                        DetentionStatus.HANDED_OVER)  # fmt: skip


class Basis(enum.StrEnum):
    """Why customs acted: on its own motion for a recorded right, or on the holder's request."""

    EX_OFFICIO = "ex_officio"
    ON_APPLICATION = "on_application"


class Finding(enum.StrEnum):
    """What the goods were found to bear (the US treats the three differently)."""

    UNDETERMINED = "undetermined"
    COUNTERFEIT = "counterfeit"  # identical or substantially indistinguishable mark
    CONFUSINGLY_SIMILAR = "confusingly_similar"  # a copying or simulating mark
    EXCLUSION_ORDER = "exclusion_order"  # goods within an ITC exclusion order


@dataclass(kw_only=True, eq=False)
class Detention:
    """Goods held at the border; ``border_procedure.advance`` moves it along its
    authority's procedure and refuses every step that procedure does not allow."""

    organisation_id: int
    authority: CustomsAuthority
    detained_on: date
    goods: str
    quantity: int
    recordation_id: int | None = None
    declaration_id: int | None = None  # the observation of kind DECLARATION
    status: DetentionStatus = DetentionStatus.DETAINED
    notified_on: date | None = None
    confirmed_on: date | None = None
    seized_on: date | None = None
    closed_on: date | None = None
    security: Money | None = None
    value: Money | None = None
    basis: Basis = Basis.EX_OFFICIO
    finding: Finding = Finding.UNDETERMINED
    direction: Direction = Direction.IMPORT
    port: str = ""
    member_state: str = ""  # EU: the member state of the customs department
    perishable: bool = False
    small_consignment: bool = False
    extended: bool = False  # EU: the period was extended on a justified request
    storage_cost: Money | None = None
    destruction_cost: Money | None = None
    costs_borne_by: str = ""  # who bears storage and destruction (holder, declarant)
    declarant: str = ""
    consignor: str = ""
    consignee: str = ""
    address: str = ""
    customs_organisation_id: int | None = None  # the customs office that detained
    customs_declaration_id: int | None = None  # the scored declaration it came from
    protection_plan_id: int | None = None
    note: str = ""
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None


class QueueStatus(enum.StrEnum):
    QUEUED = "queued"
    CLEARED = "cleared"  # looked at, let through
    DETAINED = "detained"


@dataclass(kw_only=True, eq=False)
class ScoredDeclaration:
    """A declaration a customs office scored, kept for its targeting queue."""

    organisation_id: int  # the customs organisation
    batch: str  # the file it came in
    row: int
    direction: Direction
    declarant: str = ""
    consignor: str = ""
    consignee: str = ""
    origin: str = ""
    destination: str = ""
    port: str = ""
    hs_code: str = ""
    hs_edition: str = "2022"
    brand: str = ""
    description: str = ""
    quantity: int = 0
    unit_value: Money | None = None
    address: str = ""
    risk: float = 0.0
    level: str = "low"
    reasons: list[dict[str, Any]] = field(default_factory=list)
    right_ids: list[int] = field(default_factory=list)
    status: QueueStatus = QueueStatus.QUEUED
    scored_at: datetime | None = None
    scored_by_user_id: int | None = None
    illustrative: bool = False
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    id: int | None = None

    def declaration(self) -> Declaration:
        return Declaration(
            key=str(self.row), direction=self.direction, declarant=self.declarant,
            consignor=self.consignor, consignee=self.consignee, origin=self.origin,
            destination=self.destination, port=self.port, hs_code=self.hs_code,
            hs_edition=self.hs_edition, brand=self.brand, description=self.description,
            quantity=self.quantity, unit_value=self.unit_value, address=self.address,
        )  # fmt: skip


@dataclass(kw_only=True, eq=False)
class ProtectionPlan:
    """A plan agreed between a rights holder and a customs office: what to watch, where,
    when, and who to call; its activity is reported against it."""

    organisation_id: int  # the rights holder
    customs_organisation_id: int
    title: str
    ports: list[str] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    product_lines: list[str] = field(default_factory=list)
    starts_on: date | None = None
    ends_on: date | None = None
    holder_contact: str = ""
    customs_contact: str = ""
    training: str = ""  # material for officers, drawn from the identification guides
    recordation_ids: list[int] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def is_active_on(self, day: date) -> bool:
        starts = self.starts_on is None or self.starts_on <= day
        return starts and (self.ends_on is None or day <= self.ends_on)


@dataclass(kw_only=True, eq=False)
class SeizureBatch:
    """Seizure statistics as reported (a batch may be an aggregate of many detentions)."""

    organisation_id: int
    authority: CustomsAuthority
    seized_on: date
    quantity: int
    goods: str = ""
    source: str = ""
    detention_ids: list[int] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None
