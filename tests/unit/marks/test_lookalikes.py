"""Look-alike domains, package ids and schemes: generated, and recognised."""

from __future__ import annotations

import json

import pytest

from ipsentry.matching.marks.confusion import Mark
from ipsentry.matching.marks.lookalikes import (
    NameKind,
    declared_apps,
    generate,
    imitations,
    labels_of,
    technique,
)
from ipsentry.matching.marks.screen import PortfolioMark, PortfolioMatcher


@pytest.fixture(scope="module")
def matcher() -> PortfolioMatcher:
    return PortfolioMatcher(
        [
            PortfolioMark(1, Mark("CCELL")),
            PortfolioMark(2, Mark("KWAI")),
            PortfolioMark(3, Mark("SMOORE")),
        ]
    )


def test_generation_covers_every_technique_and_never_the_mark_itself() -> None:
    variants = generate("CCELL")
    techniques = {v.technique for v in variants}
    assert {"omission", "insertion", "repetition", "transposition", "replacement", "homoglyph", "homoglyph (IDN)",
            "bitsquatting", "hyphenation", "vowel swap", "TLD swap", "added word"} <= techniques  # fmt: skip
    names = {v.text for v in variants}
    assert "ccell.com" not in names
    assert {
        "cell.com",
        "ccel1.com",
        "c-cell.com",
        "ccell.shop",
        "ccell-official.com",
        "ccelll.com",
    } <= names
    assert all(v.text.endswith("://") for v in generate("KWAI", NameKind.SCHEME))
    assert "com.kwai.app" in {v.text for v in generate("KWAI", NameKind.PACKAGE)}


def test_generated_variants_are_recognised_as_the_mark(matcher: PortfolioMatcher) -> None:
    variants = [v for v in generate("SMOORE") if v.technique != "bitsquatting"]
    found = sum(bool(imitations(v.text, NameKind.DOMAIN, matcher)) for v in variants)
    assert found / len(variants) >= 0.9


@pytest.mark.parametrize(
    ("name", "kind", "labels"),
    [("https://www.ccell-shop.com.cn/x", NameKind.DOMAIN, ["ccell-shop"]), ("shop.ccel1.com", NameKind.DOMAIN, ["shop", "ccel1"]),
     ("com.kwai.video.android", NameKind.PACKAGE, ["kwai", "video"]), ("kwai://open?x=1", NameKind.SCHEME, ["kwai"])],
)  # fmt: skip
def test_the_parts_that_carry_a_mark(name: str, kind: NameKind, labels: list[str]) -> None:
    assert labels_of(name, kind) == labels


@pytest.mark.parametrize(
    ("mark", "label", "made"),
    [("CCELL", "ccell", "identical"), ("CCELL", "cell", "omission"), ("CCELL", "ccelll", "repetition"), ("CCELL", "ccelk", "replacement (keyboard neighbour)"),
     ("CCELL", "cclel", "transposition"), ("CCELL", "ccel1", "homoglyph"), ("CCELL", "ccellshop", "added word"), ("CCELL", "ccеll", "homoglyph (IDN)"),
     ("CCELL", "ccdll", "bitsquatting")],
)  # fmt: skip
def test_the_technique_is_named(mark: str, label: str, made: str) -> None:
    assert technique(mark, label) == made


def test_a_scheme_hit_is_labelled_unfair_competition_too(matcher: PortfolioMatcher) -> None:
    (hit,) = imitations("kwai://", NameKind.SCHEME, matcher)
    assert hit.hit.mark == "KWAI" and hit.technique == "identical"
    assert "unfair competition" in hit.matters


def test_association_files_tell_the_owners_app_from_an_impostor(matcher: PortfolioMatcher) -> None:
    android = json.dumps(
        [
            {
                "relation": ["delegate_permission/common.handle_all_urls"],
                "target": {
                    "namespace": "android_app",
                    "package_name": "com.kwai.video",
                    "sha256_cert_fingerprints": ["AB:CD"],
                },
            }
        ]
    )
    ios = json.dumps(
        {
            "applinks": {
                "details": [{"appIDs": ["ABCDE12345.com.kwai.ios"], "components": [{"/": "/*"}]}]
            }
        }
    )
    owner = declared_apps([android, ios])
    assert owner == {"com.kwai.video", "com.kwai.ios"}
    (own,) = imitations("com.kwai.video", NameKind.PACKAGE, matcher, owner_apps=owner)
    (other,) = imitations("com.kwai.lite.fake", NameKind.PACKAGE, matcher, owner_apps=owner)
    assert own.declared_by_owner is True and other.declared_by_owner is False
    assert "not declared in the mark owner's app association files" in other.explain()


def test_unrelated_and_official_names_are_not_flagged(matcher: PortfolioMatcher) -> None:
    assert imitations("google.com", NameKind.DOMAIN, matcher) == []
    assert imitations("cellphone-repair.com", NameKind.DOMAIN, matcher) == []
    assert imitations("ccell.com", NameKind.DOMAIN, matcher, official={"ccell.com"}) == []
