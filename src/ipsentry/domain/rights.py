"""Patents and trademarks, their numbers, claims and classes, and who may use them.

A right is identified by its office and one of its numbers *in a named series*
(application, publication, grant/registration): bare numbers collide across series
(US application 10/357,623 is not US patent 10,357,623), so nothing here matches on them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality


class RightKind(enum.StrEnum):
    PATENT = "patent"
    TRADEMARK = "trademark"


class PatentType(enum.StrEnum):
    UTILITY = "utility"  # an invention patent (CN 发明专利)
    UTILITY_MODEL = "utility_model"  # CN 实用新型, DE Gebrauchsmuster
    DESIGN = "design"
    PLANT = "plant"


class MarkType(enum.StrEnum):
    WORD = "word"  # standard characters: protects the words in any stylisation
    FIGURATIVE = "figurative"
    COMBINED = "combined"
    SHAPE = "shape"
    SOUND = "sound"
    COLOUR = "colour"
    OTHER = "other"


class FilingBasis(enum.StrEnum):
    USE = "use"  # US 1(a)
    INTENT_TO_USE = "intent_to_use"  # US 1(b)
    FOREIGN_APPLICATION = "foreign_application"  # US 44(d)
    FOREIGN_REGISTRATION = "foreign_registration"  # US 44(e)
    MADRID_DESIGNATION = "madrid_designation"  # US 66(a), or any designation under Madrid
    NATIONAL = "national"  # first-to-file offices with no use requirement (CN, EU)


class LegalStatus(enum.StrEnum):
    FILED = "filed"
    PUBLISHED = "published"
    OPPOSED = "opposed"
    GRANTED = "granted"  # patents
    REGISTERED = "registered"  # marks
    LAPSED = "lapsed"  # a fee or renewal was missed; may still be restorable
    EXPIRED = "expired"
    ABANDONED = "abandoned"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"
    REVOKED = "revoked"
    INVALIDATED = "invalidated"

    @property
    def is_alive(self) -> bool:
        return self in _ALIVE

    @property
    def is_in_force(self) -> bool:
        return self in (LegalStatus.GRANTED, LegalStatus.REGISTERED)


_ALIVE = frozenset(
    {
        LegalStatus.FILED,
        LegalStatus.PUBLISHED,
        LegalStatus.OPPOSED,
        LegalStatus.GRANTED,
        LegalStatus.REGISTERED,
    }
)


class NumberSeries(enum.StrEnum):
    APPLICATION = "application"
    PUBLICATION = "publication"
    REGISTRATION = "registration"  # a patent's grant number or a mark's registration number


_SEPARATORS = re.compile(r"[\s,./\-]")


def normalise_number(number: str, jurisdiction: str) -> str:
    """The office number without separators, office prefix or CN 'ZL' prefix.

    The check digit of a Chinese application number ('.7') is kept as a digit, since it is
    part of the number people quote.
    """
    value = _SEPARATORS.sub("", number.strip().upper())
    if value.startswith(jurisdiction) and len(value) > len(jurisdiction):
        value = value[len(jurisdiction) :]
    if value.startswith("ZL"):
        value = value[2:]
    return value


@dataclass(frozen=True)
class RightNumber:
    """One number of a right in one series; what imports use to recognise a right."""

    kind: RightKind
    jurisdiction: str
    series: NumberSeries
    number: str
    kind_code: str = ""


class ElementRole(enum.StrEnum):
    PREAMBLE = "preamble"
    TRANSITION = "transition"
    ELEMENT = "element"


@dataclass(kw_only=True, eq=False)
class ClaimElement:
    """A span of a claim's text; ``text == claim.text[start:end]`` always holds."""

    position: int
    role: ElementRole
    text: str
    start: int
    end: int
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Claim:
    num: int
    text: str
    depends_on: int | None = None
    elements: list[ClaimElement] = field(default_factory=list)
    id: int | None = None

    @property
    def is_independent(self) -> bool:
        return self.depends_on is None


@dataclass(kw_only=True, eq=False)
class NiceClassEntry:
    """One Nice class of a mark with the goods or services as registered."""

    number: int
    goods: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 45:
            raise ValueError(f"Nice class must be 1 to 45, not {self.number}")


@dataclass(kw_only=True, eq=False)
class Right:
    """What patents and trademarks share: owner, office, numbers, dates, status, marking."""

    kind: RightKind = field(init=False)
    jurisdiction: str
    title: str
    status: LegalStatus
    organisation_id: int | None = None
    owner: str = ""
    application_number: str | None = None
    publication_number: str | None = None
    registration_number: str | None = None
    kind_code: str = ""
    filing_date: date | None = None
    priority_date: date | None = None
    publication_date: date | None = None
    registration_date: date | None = None
    technology_family: str = ""
    product_lines: list[str] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False  # demo data written from public facts, not an office record
    notes: str = ""
    id: int | None = None

    def numbers(self) -> Iterator[RightNumber]:
        series = (
            (NumberSeries.APPLICATION, self.application_number, ""),
            (NumberSeries.PUBLICATION, self.publication_number, self.kind_code),
            (NumberSeries.REGISTRATION, self.registration_number, ""),
        )
        for name, number, code in series:
            if number:
                yield RightNumber(self.kind, self.jurisdiction, name, number, code)

    @property
    def display_number(self) -> str:
        number = self.registration_number or self.publication_number or self.application_number
        return f"{self.jurisdiction} {number or '(no number)'}"


@dataclass(kw_only=True, eq=False)
class Patent(Right):
    patent_type: PatentType = PatentType.UTILITY
    family_id: str = ""
    # US term runs from the earliest non-provisional application whose benefit is claimed
    # (35 USC 154(a)(2): a continuation's parent), not from the continuation's own filing.
    earliest_nonprovisional_date: date | None = None
    # Entered from a PCT application (Euro-PCT, US 371, CN national phase): the filing date
    # is the international filing date, and some fees follow the national-phase rules.
    pct_national_phase: bool = False
    abstract: str = ""
    description: str = ""
    cpc: list[str] = field(default_factory=list)
    ipc: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # How the patent's terms are construed, as counsel records it: term -> meanings.
    # Claim charts read it before the global synonym table.
    construction: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = RightKind.PATENT

    def claim(self, num: int) -> Claim:
        for claim in self.claims:
            if claim.num == num:
                return claim
        raise KeyError(num)

    @property
    def independent_claims(self) -> list[Claim]:
        return [c for c in self.claims if c.is_independent]


@dataclass(kw_only=True, eq=False)
class Trademark(Right):
    mark_type: MarkType = MarkType.WORD
    filing_basis: FilingBasis = FilingBasis.NATIONAL
    register: str = "principal"
    international_registration: str = ""  # the WIPO number behind a Madrid designation
    classes: list[NiceClassEntry] = field(default_factory=list)
    disclaimers: list[str] = field(default_factory=list)
    translation: str = ""  # the register's translation statement, e.g. "Kuai: fast"
    transliteration: str = ""
    famous: bool = False
    first_use_date: date | None = None

    def __post_init__(self) -> None:
        self.kind = RightKind.TRADEMARK

    @property
    def class_numbers(self) -> list[int]:
        return sorted({c.number for c in self.classes})


@dataclass(kw_only=True, eq=False)
class Licence:
    """Permission to use a right: licensed use is not infringement, so screening needs it."""

    right_id: int
    licensee_id: int
    territory: str = ""
    field_of_use: str = ""
    exclusive: bool = False
    start: date | None = None
    end: date | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    id: int | None = None


class TraderRole(enum.StrEnum):
    MANUFACTURER = "manufacturer"
    DISTRIBUTOR = "distributor"
    IMPORTER = "importer"
    EXPORTER = "exporter"
    RETAILER = "retailer"


@dataclass(kw_only=True, eq=False)
class AuthorisedTrader:
    """A party the owner authorises to make or move genuine goods (customs need the list)."""

    organisation_id: int
    party_id: int
    role: TraderRole
    right_id: int | None = None  # None: authorised for all the organisation's rights
    territory: str = ""
    valid_until: date | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    id: int | None = None
