"""Chain of custody: hash-chained entries; any change is found, and the first bad link named."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipsentry.domain.common import Money
from ipsentry.domain.evidence import (
    GENESIS,
    EvidenceItem,
    EvidenceKind,
    sha256_hex,
    verify_chain,
)
from ipsentry.errors import InvalidInput

T0 = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def purchase(entries: int = 3) -> EvidenceItem:
    item = EvidenceItem(
        organisation_id=1,
        kind=EvidenceKind.TEST_PURCHASE,
        title="Test purchase: cartridge, order 1001",
        sha256=sha256_hex(b"order confirmation"),
        captured_at=T0,
        captured_by="investigator@acme.example",
        locale="en-US",
        ship_to="US",
        price=Money.parse("12.99", "USD"),
        seller_id="A1B2C3",
    )
    steps = ["received from courier", "sealed and stored", "teardown", "returned to store"]
    for n in range(entries):
        item.hand_over(f"holder {n}", T0 + timedelta(hours=n + 1), steps[n % len(steps)])
    return item


def test_a_fresh_chain_verifies_and_links_from_genesis() -> None:
    item = purchase()
    assert verify_chain(item.custody).ok
    assert item.custody[0].previous_hash == GENESIS
    assert item.custody[1].previous_hash == item.custody[0].entry_hash


def test_the_hash_is_sha256_over_previous_hash_and_canonical_json() -> None:
    entry = purchase(1).custody[0]
    canonical = (
        '{"action":"received from courier","at":"2025-03-04T10:30:00.000000Z",'
        '"claim_elements":[],"document_sha256":"","holder":"holder 0","note":"","sequence":1}'
    )
    assert entry.canonical() == canonical.encode()
    assert entry.entry_hash == sha256_hex(GENESIS.encode() + canonical.encode())


def test_a_teardown_tied_to_claim_elements_is_part_of_the_hash() -> None:
    item = purchase(1)
    report = sha256_hex(b"teardown report")
    entry = item.hand_over(
        "lab@acme.example", T0 + timedelta(days=1), "teardown",
        claim_elements=["US 10,000,001 claim 1 [a]", "US 10,000,001 claim 1 [b]"],
        document_sha256=report,
    )  # fmt: skip
    assert b"claim 1 [b]" in entry.canonical() and report.encode() in entry.canonical()
    entry.claim_elements.pop()
    assert verify_chain(item.custody).broken_at == 2


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (lambda c: setattr(c[1], "holder", "someone else"), "was changed"),
        (lambda c: setattr(c[1], "at", c[1].at + timedelta(minutes=1)), "was changed"),
        (lambda c: c.pop(1), "missing or out of order"),
        (lambda c: c.insert(1, c.pop(2)), "missing or out of order"),
        (lambda c: setattr(c[1], "previous_hash", GENESIS), "does not point to entry 1"),
    ],
    ids=["holder changed", "time changed", "entry removed", "entries swapped", "link rewired"],
)
def test_tampering_names_the_first_broken_link(tamper, reason: str) -> None:  # type: ignore[no-untyped-def]
    chain = purchase(4).custody
    tamper(chain)
    check = verify_chain(chain)
    assert not check.ok and check.broken_at == 2 and reason in check.reason


def test_rehashing_a_changed_entry_still_breaks_the_next_link() -> None:
    chain = purchase(3).custody
    chain[0].note = "rewritten"
    chain[0].entry_hash = chain[0].computed_hash()
    check = verify_chain(chain)
    assert check.broken_at == 2 and "does not point" in check.reason


@given(st.integers(min_value=1, max_value=6), st.data())
def test_any_single_change_is_detected_at_or_before_it(size: int, data: st.DataObject) -> None:
    chain = purchase(size).custody
    where = data.draw(st.integers(min_value=0, max_value=size - 1))
    field = data.draw(st.sampled_from(["holder", "action", "note"]))
    setattr(chain[where], field, getattr(chain[where], field) + "x")
    check = verify_chain(chain)
    assert not check.ok and check.broken_at == where + 1


def test_times_are_utc_and_naive_times_refused() -> None:
    item = purchase(0)
    local = datetime(2025, 3, 4, 18, 0, tzinfo=timezone(timedelta(hours=8)))
    assert item.hand_over("a", local, "received").at == datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput, match=r"at: .* has no time zone"):
        item.hand_over("a", datetime(2025, 3, 5), "moved")
    with pytest.raises(InvalidInput, match="is before the last entry"):
        item.hand_over("a", T0, "moved")
    with pytest.raises(InvalidInput, match="holder: is empty"):
        item.hand_over(" ", T0 + timedelta(days=3), "moved")


def test_an_item_checks_its_own_facts() -> None:
    good = purchase(0)
    assert good.matches(b"order confirmation") and not good.matches(b"order confirmation!")
    with pytest.raises(InvalidInput) as refused:
        replace(good, sha256="abc", title="", captured_at=datetime(2025, 1, 1))
    fields = {p.field for p in refused.value.problems}
    assert fields == {"sha256", "title", "captured_at"}
