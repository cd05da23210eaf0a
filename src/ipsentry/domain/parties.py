"""Companies and people on either side of a matter, with every name and id they go by.

Infringers trade under many names (d/b/a, a/k/a, the short name a notice uses) and many
accounts; linking them is how a network of sellers is seen as one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ipsentry.domain.common import Confidentiality


class PartyKind(enum.StrEnum):
    COMPANY = "company"
    INDIVIDUAL = "individual"
    UNKNOWN = "unknown"


class AliasKind(enum.StrEnum):
    DBA = "dba"  # doing business as
    AKA = "aka"
    SHORT_NAME = "short_name"  # as a notice or pleading abbreviates it
    FORMER_NAME = "former_name"
    TRANSLATION = "translation"  # e.g. the English name of a Chinese company
    STORE_NAME = "store_name"


class IdentifierKind(enum.StrEnum):
    SELLER_ID = "seller_id"
    PAYMENT_ACCOUNT = "payment_account"
    IMPORTER_NUMBER = "importer_number"
    EORI = "eori"
    USCC = "uscc"  # China's unified social credit code (统一社会信用代码)
    DOMAIN = "domain"
    EMAIL = "email"
    PHONE = "phone"
    APP_ID = "app_id"
    OTHER = "other"


@dataclass(kw_only=True, eq=False)
class PartyAlias:
    name: str
    kind: AliasKind = AliasKind.AKA
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class PartyIdentifier:
    kind: IdentifierKind
    value: str
    issuer: str = ""  # the marketplace, payment provider or authority that issued it
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Party:
    organisation_id: int
    name: str
    kind: PartyKind = PartyKind.COMPANY
    country: str = ""
    address: str = ""
    aliases: list[PartyAlias] = field(default_factory=list)
    identifiers: list[PartyIdentifier] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def names(self) -> list[str]:
        return [self.name, *(a.name for a in self.aliases)]
