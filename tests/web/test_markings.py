"""Every page shows the marking of what it displays: enumerated from the app's own routes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from ipsentry.api.app import create_app
from ipsentry.api.discovery import app_routes
from ipsentry.domain.accounts import AuditEntry
from ipsentry.services.audit import AuditPage

SignedIn = Callable[[str], tuple[TestClient, str]]
OPEN = {"/sign-in"}  # before sign-in nothing of the organisation's is shown


def pages() -> list[str]:
    """Every page served by GET without a record id in its path."""
    return sorted(
        r.path
        for r in app_routes(create_app())
        if "GET" in (r.methods or ())
        and not r.path.startswith("/api/")
        and "{" not in r.path
        and r.path not in OPEN
    )


def test_every_page_shows_a_marking(signed_in: SignedIn) -> None:
    client, _ = signed_in("admin")
    unmarked = []
    for path in pages():
        response = client.get(path)
        if response.headers["content-type"].startswith("text/html"):
            if 'class="marking"' not in response.text:
                unmarked.append(path)
        else:  # a download says its marking in a header or in the file
            assert response.status_code in (200, 409), path
    assert len(pages()) > 8 and not unmarked, unmarked


def test_a_page_shows_the_marking_once_and_the_strictest(signed_in: SignedIn) -> None:
    client, _ = signed_in("counsel")
    portfolio = client.get("/portfolio").text
    assert portfolio.count('class="marking"') == 1
    tokens = client.get("/tokens").text  # a page of working records: confidential
    assert tokens.count('class="marking"') == 1 and "Confidential" in tokens


def test_the_audit_log_is_marked_by_the_records_it_holds() -> None:
    def entry(**parts: dict[str, str]) -> AuditEntry:
        return AuditEntry(at=datetime.now(UTC), action="x", **parts)  # type: ignore[arg-type]

    plain = AuditPage([entry(after={"title": "A"})], 1, 0, 50)
    assert plain.marking.value == "confidential"
    privileged = AuditPage(
        [entry(before={"confidentiality": "privileged"}), entry(details={"marking": "public"})],
        2,
        0,
        50,
    )
    assert privileged.marking.value == "privileged"
