"""What screening looks at: things seen in the world that may infringe."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from ipsentry.domain.common import Confidentiality


class ObservationKind(enum.StrEnum):
    LISTING = "listing"  # a marketplace offer: title, description, seller
    DECLARATION = "declaration"  # a customs declaration line: brand, goods, HS code
    DOMAIN = "domain"
    APP_LINK = "app_link"  # an app's package id or deep-link scheme


@dataclass(kw_only=True, eq=False)
class Observation:
    organisation_id: int
    kind: ObservationKind
    text: str  # the title, goods description, domain name or scheme that is screened
    source: str = ""  # marketplace, customs office, registry or app store
    external_id: str = ""  # the listing id, declaration number, etc. at the source
    url: str = ""
    description: str = ""
    seller: str = ""
    declared_brand: str = ""
    hs_code: str = ""
    quantity: int | None = None
    origin_country: str = ""
    destination_country: str = ""
    observed_at: datetime | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    seller_party_id: int | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None
