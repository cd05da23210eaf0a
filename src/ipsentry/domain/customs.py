"""Border measures: rights recorded with customs, detentions and what became of them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

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
    note: str = ""
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None


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
