"""A mark used in Chinese e-commerce: the seller's own words that make the use lawful.

Every case is written here to illustrate one rule of the sources the cue words come from
(named in src/ipsentry/data/marks/commerce_zh.json): Trademark Law art. 59 (fair use of
descriptive terms and place names), nominative use by resellers and repairers as CNIPA's
2020 infringement standards describe it, the SPC's rule on prominent use of a trade name
(2002/2020 Interpretation art. 1(1)), and the four parts of an enterprise name
(企业名称登记管理规定 art. 6). Brands are made-up words (思摩尔 aside, the demo's own mark);
none is a development or evaluation row.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from ipsentry.matching.marks.commerce import Reason, enterprise_name, judge_use, trade_classes
from ipsentry.matching.marks.confusion import THRESHOLD, Mark, Use
from ipsentry.matching.marks.goods import Goods

BRAND = Mark("飞鹭", Goods(classes=frozenset({9})))  # a coined two-character mark for phones


def judge(text: str, owner: str = "", context: str = "", mark: Mark = BRAND):  # type: ignore[no-untyped-def]
    return judge_use(mark, Use(text, free_text=True), owner=owner, context=context)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("飞鹭手机维修中心", "维修"),  # repairing the genuine goods: services them
        ("飞鹭代购 香港直邮", "代购"),  # a purchasing agent resells genuine goods
        ("二手飞鹭手机", "二手"),  # second-hand resale of goods put on the market by the owner
        ("飞鹭手机回收 高价", "回收"),  # buying used genuine goods back
        ("飞鹭 phone repair", "repair"),
    ],
)
def test_a_reseller_or_repairer_naming_the_genuine_goods_is_fair_use(text: str, cue: str) -> None:
    plain = judge_use(BRAND, Use(text.replace(cue, ""), free_text=True))
    judged = judge(text)
    assert judged.reason == Reason.RESALE and judged.verdict == "fair use: resale"
    assert judged.reading.fair_use == cue
    assert judged.score < plain.score  # the lawful use weighs less than the bare mark
    assert f"'{cue}'" in judged.explain()


@pytest.mark.parametrize("claim", ["专卖店", "官方旗舰店", "授权"])
def test_a_claim_to_be_an_authorised_store_is_no_fair_use(claim: str) -> None:
    judged = judge(f"飞鹭手机维修 {claim}")
    assert judged.reason is None and judged.verdict == "similar"
    assert "consent" in judged.explain()


def test_an_admission_of_copying_outweighs_a_resale_word() -> None:
    judged = judge("高仿飞鹭手机 代购")
    assert judged.reason is None and judged.score >= THRESHOLD


def test_the_mark_as_the_name_of_a_road_is_an_address() -> None:
    judged = judge("飞鹭路88号 便利店")
    assert judged.reading.address == "飞鹭路" and judged.reason == Reason.ADDRESS
    assert judged.verdict == "address" and "飞鹭路" in judged.explain()
    assert judge("飞鹭大厦 三楼").reason == Reason.ADDRESS
    assert judge("飞鹭手机").reading.address is None


@pytest.mark.parametrize(
    ("name", "division", "trade", "industry", "form"),
    [
        ("深圳市飞鹭电子有限公司", "深圳市", "飞鹭", ("电子",), "有限公司"),
        (
            "广东省深圳市南山区飞鹭网络科技有限公司",
            "广东省深圳市南山区",
            "飞鹭",
            ("网络科技",),
            "有限公司",
        ),
        ("飞鹭（上海）餐饮管理有限公司", "上海", "飞鹭", ("餐饮", "管理"), "有限公司"),
        ("北京飞鹭科技股份有限公司", "北京", "飞鹭", ("科技",), "股份有限公司"),
        ("Feilu Trading Co., Ltd", "", "Feilu Trading", (), "co., ltd"),
    ],
)
def test_an_enterprise_name_reads_as_its_four_parts(name, division, trade, industry, form) -> None:  # type: ignore[no-untyped-def]
    read = enterprise_name(name)
    assert read is not None
    assert (read.division, read.trade_name, read.industry, read.form) == (
        division,
        trade,
        industry,
        form,
    )


def test_text_that_is_no_enterprise_name_is_not_read_as_one() -> None:
    assert enterprise_name("飞鹭手机维修中心") is None
    assert enterprise_name("") is None


def test_the_seller_writing_its_own_registered_name_is_its_own_trade_name() -> None:
    judged = judge("深圳市飞鹭电子 手机壳批发", owner="深圳市飞鹭电子有限公司")
    assert judged.reason == Reason.OWN_TRADE_NAME and judged.verdict == "own trade name"
    assert "深圳市飞鹭电子有限公司" in judged.explain()


def test_a_trade_name_written_alone_as_a_brand_on_the_same_goods_is_not_excused() -> None:
    judged = judge("飞鹭手机 正品", owner="深圳市飞鹭电子有限公司")
    assert judged.reason is None and judged.verdict == "similar"
    assert "written alone" in judged.explain()


def test_a_seller_in_another_industry_is_a_different_industry() -> None:
    judged = judge("飞鹭", owner="杭州飞鹭餐饮管理有限公司")
    assert judged.reason == Reason.DIFFERENT_INDUSTRY and judged.verdict == "different industry"
    alone = judge("飞鹭")
    assert judged.score < alone.score
    same_trade = judge("飞鹭", owner="杭州飞鹭电子有限公司")
    assert same_trade.reason is None


def test_goods_written_in_chinese_name_their_classes() -> None:
    assert trade_classes("男士服装 运动鞋") == {25}
    assert trade_classes("purely english words") == frozenset()


def test_the_cue_data_names_its_sources_and_holds_no_duplicates() -> None:
    data = json.loads(
        resources.files("ipsentry.data").joinpath("marks", "commerce_zh.json").read_text("utf-8")
    )
    assert len(data["_sources"]) >= 5
    lists = [*data["fair_use"].values(), data["authorisation_claims"], data["imitation"],
             data["organisation_forms"], data["address_terms"], data["generic_trade_words"]]  # fmt: skip
    for words in lists:
        assert len(words) == len(set(words))
    cue_sets = [set(v) for v in data["fair_use"].values()]
    claims = set(data["authorisation_claims"])
    assert all(not (s & claims) for s in cue_sets)  # a word cannot both excuse and need consent
    assert all(1 <= c <= 45 for classes in data["industries"].values() for c in classes)
