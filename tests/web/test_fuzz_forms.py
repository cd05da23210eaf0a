"""Fuzzed web forms: random and adversarial fields posted to the review, bulk-review,
token, sign-in and language forms. Every answer is a page or a redirect, never a server
error or a traceback, and a refused form writes nothing (decisions and the audit log keep
their counts). ``--hypothesis-show-statistics`` counts the cases."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipsentry.store import tables as t
from ipsentry.store.database import create_engine

FORMS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DECISIONS = ["confirmed", "dismissed", "escalated", "open", "CONFIRMED", "", "null", "0"]
field_text = (
    st.text(max_size=50)
    | st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "' OR 1=1 --", "9" * 40,
                       "-1", "1e309", "NaN", "%00", "../../etc/passwd", "\u202e", "a" * 2500])
)  # fmt: skip
numbers = st.integers(-(2**40), 2**40).map(str) | field_text


_CLIENTS: dict[tuple[str, str], tuple[TestClient, str]] = {}


def _client(
    signed_in: Callable[[str], tuple[TestClient, str]], url: str, role: str
) -> tuple[TestClient, str]:
    """One signed-in client per role and database: signing in (argon2) is slow on purpose."""
    key = (url, role)
    if key not in _CLIENTS:
        _CLIENTS[key] = signed_in(role)
    return _CLIENTS[key]


def _counts(url: str) -> tuple[int, int]:
    engine = create_engine(url, create=False)
    with engine.connect() as connection:
        decisions = connection.scalar(sa.select(sa.func.count()).select_from(t.review_table))
        audit = connection.scalar(sa.select(sa.func.count()).select_from(t.audit_entries))
    engine.dispose()
    return int(decisions or 0), int(audit or 0)


def _post(client: TestClient, path: str, data: dict[str, object]) -> int:
    response = client.post(path, data=data, follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code < 500, (path, data, response.text[:300])
    assert "Traceback" not in response.text
    return response.status_code


@FORMS
@given(hit=numbers, decision=st.sampled_from(DECISIONS) | field_text, reason=field_text,
       version=numbers)  # fmt: skip
def test_the_review_form(
    signed_in: Callable[[str], tuple[TestClient, str]],
    demo_url: str,
    hit: str,
    decision: str,
    reason: str,
    version: str,
) -> None:
    client, csrf = _client(signed_in, demo_url, "reviewer")
    before = _counts(demo_url)
    path = f"/review/{quote(hit, safe='')}" if hit.strip() else "/review/1"
    form = {"decision": decision, "reason": reason, "version": version, "csrf_token": csrf}
    if _post(client, path, form) >= 400:
        assert _counts(demo_url) == before


@FORMS
@given(hits=st.lists(st.tuples(numbers, numbers).map(":".join) | field_text, max_size=5),
       decision=st.sampled_from(DECISIONS) | field_text, reason=field_text)  # fmt: skip
def test_the_bulk_review_form(
    signed_in: Callable[[str], tuple[TestClient, str]],
    demo_url: str,
    hits: list[str],
    decision: str,
    reason: str,
) -> None:
    client, csrf = _client(signed_in, demo_url, "reviewer")
    before = _counts(demo_url)
    form = {"decision": decision, "reason": reason, "hit": hits, "csrf_token": csrf}
    status = _post(client, "/review/bulk", form)
    if status in (400, 401, 403, 404, 422):
        assert _counts(demo_url) == before


@FORMS
@given(name=field_text, language=field_text, email=field_text, password=field_text)
def test_the_token_language_and_sign_in_forms(
    signed_in: Callable[[str], tuple[TestClient, str]],
    anonymous: TestClient,
    demo_url: str,
    name: str,
    language: str,
    email: str,
    password: str,
) -> None:
    client, csrf = _client(signed_in, demo_url, "counsel")
    _post(client, "/tokens", {"name": name, "csrf_token": csrf})
    _post(client, "/language", {"locale": language, "next": name, "csrf_token": csrf})
    anonymous.get("/sign-in")
    token = anonymous.cookies.get("ipsentry_csrf") or ""
    _post(anonymous, "/sign-in", {"email": email, "password": password, "csrf_token": token})
