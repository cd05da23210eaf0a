"""Two languages: every message translated, Accept-Language followed until a choice sticks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from ipsentry.domain.accounts import Role
from ipsentry.domain.cases import CaseKind, CaseStatus
from ipsentry.domain.diagnosis import OWNERS
from ipsentry.domain.disputes import DisputeStatus, JudicialConfirmation, OutcomeKind
from ipsentry.domain.evidence import EvidenceKind
from ipsentry.domain.health import ActionStatus, AssessmentStatus, Severity
from ipsentry.domain.mediation import Suitability
from ipsentry.domain.observations import ObservationKind
from ipsentry.domain.outreach import OutreachKind
from ipsentry.domain.screening import ReviewStatus
from ipsentry.domain.takedowns import TakedownStatus
from ipsentry.matching.claims.chart import Finding, Verdict
from ipsentry.matching.marks.reasons import PHRASES
from ipsentry.web import i18n
from ipsentry.web.terms import TERMS, term
from tests.web.conftest import DEMO_USERS, sign_in

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "src" / "ipsentry" / "web"
METHOD_MAP = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                                 "lstrip_blocks": "true"}}  # fmt: skip
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
SAYS = re.compile(r"from ipsentry\.wording import .*\bN_\b")


def extracted() -> set[tuple[str, str | None]]:
    """Every message the web app can show, with its context (``pgettext``) if it has one:
    in its code and templates, and what services say with ``wording.N_`` in the modules
    babel.cfg names (as ``make messages`` reads)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(ROOT, method_map, options):
        found.add((message[0] if isinstance(message, tuple) else message, context))
    return found


def test_every_module_saying_messages_is_extracted() -> None:
    """A module that says a message with ``wording.N_`` is one babel.cfg names, or its
    messages would reach pages untranslated without any test noticing."""
    cfg = (ROOT / "babel.cfg").read_text("utf-8")
    sayers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "src" / "ipsentry").rglob("*.py")
        if SAYS.search(path.read_text("utf-8"))
    ]
    assert sayers and all(f"[python: {s}]" in cfg for s in sayers), sayers


@pytest.mark.parametrize("locale", [code for code in i18n.LOCALES if code != i18n.DEFAULT])
def test_every_message_has_a_translation(locale: str) -> None:
    with i18n.catalogue_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    messages = extracted()
    assert len(messages) > 30
    missing, broken = [], []
    for text, context in sorted(messages, key=lambda m: (m[0], m[1] or "")):
        entry = catalog.get(text, context=context)
        translated = entry.string if entry is not None else ""
        first = translated[0] if isinstance(translated, tuple) else translated
        if not first or (entry is not None and entry.fuzzy):
            missing.append(text)
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(first)):
            broken.append(text)
    assert not missing, f"untranslated in {locale} (run make messages, then translate): {missing}"
    assert not broken, f"placeholders differ in {locale}: {broken}"


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh_Hans"),
        ("zh-Hans", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR,fr;q=0.9", "en"),  # not offered: English
        ("zh-TW,en;q=0.5", "en"),  # Traditional script is not offered: the next choice
        ("en;q=0.2,zh-CN;q=0.9", "zh_Hans"),  # q-values, not order, decide
        ("", "en"),
        ("garbage;q=x", "en"),
    ],
)
def test_accept_language(header: str, locale: str) -> None:
    assert i18n.from_accept_language(header) == locale


def test_the_sign_in_page_follows_the_browser(anonymous: TestClient) -> None:
    page = anonymous.get("/sign-in", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).text
    assert '<html lang="zh-Hans">' in page and "<h1>登录</h1>" in page
    english = anonymous.get("/sign-in", headers={"Accept-Language": "en-US"}).text
    assert '<html lang="en">' in english and "<h1>Sign in</h1>" in english


def test_a_chosen_language_sticks_over_the_browsers(anonymous: TestClient) -> None:
    csrf = sign_in(anonymous, DEMO_USERS["analyst"])
    english = {"Accept-Language": "en-US,en"}
    assert "<h1>Dashboard</h1>" in anonymous.get("/", headers=english).text
    chosen = anonymous.post(
        "/language", data={"locale": "zh_Hans", "next": "/", "csrf_token": csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert chosen.status_code == 303 and chosen.headers["location"] == "/"
    page = anonymous.get("/", headers=english).text
    assert "<h1>仪表板</h1>" in page and "按类型统计的权利" in page
    refused = anonymous.post("/language", data={"locale": "xx", "csrf_token": csrf})
    assert refused.status_code == 422


@pytest.mark.parametrize(
    ("codes", "kind"),
    [(TakedownStatus, "takedown"), (Verdict, "verdict")],
)
def test_a_code_of_two_meanings_is_a_term_of_its_kind(codes: Iterable[str], kind: str) -> None:
    missing = [str(c) for c in codes if str(c) not in TERMS and f"{kind}:{c}" not in TERMS]
    assert not missing, f"add to web/terms.py: {missing}"


def test_a_code_is_told_by_its_kinds_entry_first() -> None:
    i18n.activate("zh_Hans")
    try:
        assert term(JudicialConfirmation.REFUSED) == "不予确认"
        assert term(TakedownStatus.REFUSED, "takedown") == "平台拒绝"
        assert term(TakedownStatus.DRAFT, "takedown") == term(AssessmentStatus.DRAFT) == "草稿"
        assert i18n.pgettext("workflow", "Status") == "状态"
        assert i18n.gettext("Status") == "法律状态"
    finally:
        i18n.activate(i18n.DEFAULT)


@pytest.mark.parametrize(
    "codes",
    [
        Finding,
        CaseStatus,
        EvidenceKind,
        Severity,
        AssessmentStatus,
        ActionStatus,
        OWNERS,
        DisputeStatus,
        OutcomeKind,
        JudicialConfirmation,
        Suitability,
        OutreachKind,
        CaseKind,
        Role,
        ReviewStatus,
        ObservationKind,
    ],
)
def test_every_code_shown_on_the_legal_service_pages_is_a_term(codes: Iterable[str]) -> None:
    missing = [str(code) for code in codes if str(code) not in TERMS]
    assert not missing, f"add to web/terms.py: {missing}"


def test_a_term_is_shown_in_the_pages_language() -> None:
    i18n.activate("zh_Hans")
    try:
        assert term(DisputeStatus.IN_MEDIATION) == "调解中"
        assert term("no such code") == "no such code"
    finally:
        i18n.activate(i18n.DEFAULT)


@pytest.mark.parametrize("locale", [code for code in i18n.LOCALES if code != i18n.DEFAULT])
def test_every_explanation_phrase_of_the_engines_has_a_translation(locale: str) -> None:
    """The mark engines' phrases (their English is the message id) are in each catalogue,
    and babel.cfg extracts them, so ``make messages`` keeps them."""
    with i18n.catalogue_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    cfg = (ROOT / "babel.cfg").read_text("utf-8")
    assert "[python: src/ipsentry/matching/marks/reasons.py]" in cfg
    source = ROOT / "src" / "ipsentry" / "matching" / "marks"
    found = {m for _f, _l, m, _c, _x in extract_from_dir(source, [("reasons.py", "python")])}
    assert found == set(PHRASES.values())
    missing = [p for p in PHRASES.values() if not (e := catalog.get(p)) or not e.string]
    assert not missing, f"untranslated engine phrases in {locale}: {missing}"
    broken = [
        p
        for p in PHRASES.values()
        if set(PLACEHOLDER.findall(p)) != set(PLACEHOLDER.findall(str(catalog.get(p).string)))
    ]  # type: ignore[union-attr]
    assert not broken, f"placeholders differ in {locale}: {broken}"
