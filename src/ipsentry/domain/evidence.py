"""Evidence and its chain of custody, kept so that any later change can be detected.

An item of evidence carries the SHA-256 of its content (a page archived as WARC, a
screenshot, a photo, a report), when and by whom it was captured, and what a buyer saw:
locale, ship-to country, price with its currency, the seller's id. A test purchase or a
sample carries a custody log: each entry records who held it, when (UTC) and what was
done, and is chained to the one before by a SHA-256 over the previous entry's hash and
the entry's canonical JSON. Changing, removing or reordering an entry breaks every link
after it; ``verify`` names the first broken one.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from ipsentry.domain.common import Confidentiality, Money
from ipsentry.errors import InvalidInput, Problem

GENESIS = "0" * 64  # the "previous hash" of a chain's first entry
JSON = "application/json"  # the media type of a record kept as evidence
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class EvidenceKind(enum.StrEnum):
    PAGE = "page"  # a web page, archived as WARC
    SCREENSHOT = "screenshot"
    PHOTO = "photo"
    TEST_PURCHASE = "test_purchase"
    SAMPLE = "sample"  # e.g. goods from a customs seizure
    DOCUMENT = "document"  # a report, an invoice, a letter


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def utc(moment: datetime) -> datetime:
    """A moment in UTC; a naive one is refused, since its zone cannot be known."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone; give it in UTC")
    return moment.astimezone(UTC)


def record_content(record: Mapping[str, Any]) -> bytes:
    """A record kept as evidence (an observation, a detention, a session): keys sorted, so
    the same record always hashes the same."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1).encode()


def start_of(day: date) -> datetime:
    """A day known only by its date, as a moment of the custody chain (midnight UTC)."""
    return datetime.combine(day, time(0), tzinfo=UTC)


def utc_text(moment: datetime) -> str:
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(kw_only=True, eq=False)
class CustodyEntry:
    """One link of the chain: who held the item, when, what was done, and the hashes."""

    sequence: int
    holder: str
    at: datetime
    action: str  # e.g. "received from courier", "teardown", "sealed and stored"
    note: str = ""
    claim_elements: list[str] = field(default_factory=list)  # e.g. "US 10,357,623 claim 1 [b]"
    document_sha256: str = ""  # a report made at this step, e.g. the teardown report
    previous_hash: str = GENESIS
    entry_hash: str = ""
    id: int | None = None

    def canonical(self) -> bytes:
        """The entry's content as canonical JSON (sorted keys, no spaces, UTF-8)."""
        content = {
            "sequence": self.sequence,
            "holder": self.holder,
            "at": utc_text(self.at),
            "action": self.action,
            "note": self.note,
            "claim_elements": list(self.claim_elements),
            "document_sha256": self.document_sha256,
        }
        return json.dumps(
            content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()

    def computed_hash(self) -> str:
        return sha256_hex(self.previous_hash.encode("ascii") + self.canonical())


@dataclass(frozen=True)
class ChainCheck:
    """The result of verifying a chain: ``broken_at`` is the first bad entry's sequence."""

    ok: bool
    entries: int
    broken_at: int | None = None
    reason: str = ""


def verify_chain(entries: Sequence[CustodyEntry]) -> ChainCheck:
    """Re-hash every entry in order and check each link to the one before."""
    previous = GENESIS
    for position, entry in enumerate(entries, start=1):
        if entry.sequence != position:
            return ChainCheck(
                False,
                len(entries),
                position,
                f"entry {position} is missing or out of order (found {entry.sequence})",
            )
        if entry.previous_hash != previous:
            return ChainCheck(
                False,
                len(entries),
                position,
                f"entry {position} does not point to entry {position - 1}",
            )
        if entry.computed_hash() != entry.entry_hash:
            return ChainCheck(
                False, len(entries), position, f"entry {position} was changed after it was recorded"
            )
        if position > 1 and utc(entry.at) < utc(entries[position - 2].at):
            return ChainCheck(
                False,
                len(entries),
                position,
                f"entry {position} is dated before entry {position - 1}",
            )
        previous = entry.entry_hash
    return ChainCheck(True, len(entries))


@dataclass(kw_only=True, eq=False)
class EvidenceItem:
    """Something that may become an exhibit, with the facts that make it trustworthy."""

    organisation_id: int
    kind: EvidenceKind
    title: str
    sha256: str  # of the content as captured
    captured_at: datetime  # UTC
    captured_by: str
    media_type: str = ""  # e.g. application/warc, image/png
    source_url: str = ""
    locale: str = ""  # the locale the page was seen in, e.g. en-US
    ship_to: str = ""  # ISO 3166 country the buyer had set
    price: Money | None = None
    seller_id: str = ""
    case_id: int | None = None
    # Where it came from, when it was not captured by hand: a confirmed screening hit (and
    # its observation) or a customs detention; ``source`` says so in words.
    source: str = ""
    hit_id: int | None = None
    observation_id: int | None = None
    detention_id: int | None = None
    custody: list[CustodyEntry] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    id: int | None = None

    def __post_init__(self) -> None:
        problems = []
        if not _SHA256.match(self.sha256):
            problems.append(Problem("evidence", None, "sha256", "is not a SHA-256 in hex"))
        if not self.title.strip():
            problems.append(Problem("evidence", None, "title", "is empty"))
        if not self.captured_by.strip():
            problems.append(Problem("evidence", None, "captured_by", "is empty"))
        try:
            self.captured_at = utc(self.captured_at)
        except ValueError as error:
            problems.append(Problem("evidence", None, "captured_at", str(error)))
        if problems:
            raise InvalidInput(problems)

    def matches(self, content: bytes) -> bool:
        return sha256_hex(content) == self.sha256

    def hand_over(
        self,
        holder: str,
        at: datetime,
        action: str,
        *,
        note: str = "",
        claim_elements: Sequence[str] = (),
        document_sha256: str = "",
    ) -> CustodyEntry:
        """Add the next link of the custody chain, refusing one dated before the last."""
        problems = []
        if not holder.strip():
            problems.append(Problem("custody", None, "holder", "is empty"))
        if not action.strip():
            problems.append(Problem("custody", None, "action", "is empty"))
        if document_sha256 and not _SHA256.match(document_sha256):
            problems.append(Problem("custody", None, "document_sha256", "is not a SHA-256 in hex"))
        try:
            moment = utc(at)
        except ValueError as error:
            raise InvalidInput([*problems, Problem("custody", None, "at", str(error))]) from None
        last = self.custody[-1] if self.custody else None
        if last is not None and moment < utc(last.at):
            problems.append(
                Problem("custody", None, "at", f"is before the last entry ({utc_text(last.at)})")
            )
        if problems:
            raise InvalidInput(problems)
        entry = CustodyEntry(
            sequence=len(self.custody) + 1,
            holder=holder.strip(),
            at=moment,
            action=action.strip(),
            note=note,
            claim_elements=list(claim_elements),
            document_sha256=document_sha256,
            previous_hash=last.entry_hash if last else GENESIS,
        )
        entry.entry_hash = entry.computed_hash()
        self.custody.append(entry)
        return entry
