"""Likelihood of confusion: goods, weak words, fame, referential use, counterfeits.

Each case is constructed to show one rule (its name says which) or comes from issue 8's
trial of screening (cited on the case); none is a development pair (bench/ scores those).
"""

import pytest

from ipsentry.matching.marks import confusion
from ipsentry.matching.marks.confusion import (
    THRESHOLD,
    Category,
    Mark,
    Use,
    assess,
    commonness_weight,
)
from ipsentry.matching.marks.goods import Goods, relatedness


def goods(text: str = "", classes: tuple[int, ...] = ()) -> Goods:
    return Goods(classes=frozenset(classes), text=text)


class TestGoods:
    # issue 8, item 3: goods named in words no list holds
    def test_goods_named_differently_are_related(self):
        oils = relatedness(goods("motor lubricants"), goods("engine oil"))
        assert oils.score is not None and oils.score >= 0.7

    def test_a_kind_of_goods_is_related_to_its_genus(self):
        computers = relatedness(goods("computers"), goods("laptops"))
        assert computers.score is not None and computers.score >= 0.6
        assert "unknown" not in computers.explain()

    def test_unrelated_goods_are_known_to_be_unrelated(self):
        wine_tyres = relatedness(goods("wine"), goods("tyres"))
        assert wine_tyres.score is not None and wine_tyres.score <= 0.2

    def test_the_same_goods_score_above_goods_of_one_broad_class(self):
        # class 8 holds both cutlery and hand tools: a shared class is weaker evidence
        spoons_hammers = relatedness(goods("spoons"), goods("hammers"))
        saws_sawblades = relatedness(goods("saws"), goods("saws and saw blades"))
        assert spoons_hammers.score is not None and saws_sawblades.score is not None
        assert saws_sawblades.score > spoons_hammers.score

    def test_coordinated_classes_are_related_but_less_than_the_same_goods(self):
        wine_bar = relatedness(goods("wine", (33,)), goods("restaurant services", (43,)))
        wine_wine = relatedness(goods("wine"), goods("wine"))
        assert wine_bar.score is not None and wine_wine.score is not None
        assert 0.5 < wine_bar.score < wine_wine.score
        assert "coordinated classes 33 and 43" in wine_bar.explain()

    def test_hs_codes_of_a_declaration_map_to_classes(self):
        declared = Goods(text="", hs_code="8543.40.00")
        assert 34 in declared.all_classes
        assert relatedness(goods(classes=(34,)), declared).score == 0.75

    def test_unknown_goods_are_unknown_not_unrelated(self):
        assert relatedness(goods("cutting oil"), goods("")).score is None

    def test_classes_named_in_the_text_are_read(self):
        assert goods("goods in Classes 9 and 42").all_classes == {9, 42}

    def test_a_goods_text_is_placed_by_the_official_class_headings(self):
        assert 4 in goods("motor lubricants").all_classes
        assert 39 in goods("air transport of passengers").all_classes


class TestConfusion:
    def test_identical_marks_on_unrelated_goods_are_not_likely_confused(self):
        faucets = Mark("DELTA", goods("faucets and shower heads", (11,)))
        airline = Use("DELTA", goods("air transport of passengers", (39,)))
        result = assess(faucets, airline)
        assert result.similarity.score == 1.0
        assert result.verdict == "not_similar"
        assert "unrelated goods lower the likelihood of confusion" in result.explain()

    def test_unrelated_goods_named_without_classes_are_not_confusing(self):
        # issue 8: DELTA for airline services vs DELTA for faucets scored 0.79
        result = assess(Mark("DELTA", goods("faucets")), Use("DELTA", goods("airline services")))
        assert result.verdict == "not_similar"
        assert result.category == Category.NOT_SIMILAR

    def test_same_mark_same_goods_is_a_counterfeit(self):
        mark = Mark("CCELL", goods("vaporizer cartridges", (34,)))
        result = assess(mark, Use("CCELL", goods("vaporizer cartridges")))
        assert result.category == Category.COUNTERFEIT
        assert result.score >= 0.95

    def test_confusingly_similar_is_not_called_counterfeit(self):
        mark = Mark("CCELL", goods("vaporizer cartridges", (34,)))
        assert (
            assess(mark, Use("CCELLO", goods("vaporizer cartridges"))).category
            == Category.CONFUSING
        )
        # a digit that reads as the letter leaves the mark indistinguishable
        assert (
            assess(mark, Use("CCEL1", goods("vaporizer cartridges"))).category
            == Category.COUNTERFEIT
        )

    def test_words_naming_the_goods_do_not_match_every_listing(self):
        mark = Mark("VAPE PEN PRO", goods("vape pens", (34,)))
        listing = Use("Vape pen 510 thread starter kit", goods("vape pens"), free_text=True)
        result = assess(mark, listing)
        assert result.verdict == "not_similar"
        assert result.shared_strength < 1.0
        assert "'vape' (describes the goods)" in result.explain()

    def test_disclaimed_words_count_as_disclaimed(self):
        plain = assess(Mark("SMOORE VAPOR CELL"), Use("KINGTON VAPOR CELL"))
        disclaimed = assess(
            Mark("SMOORE VAPOR CELL", disclaimers=("VAPOR CELL",)), Use("KINGTON VAPOR CELL")
        )
        assert disclaimed.score < plain.score
        assert "'cell' (disclaimed)" in disclaimed.explain()

    def test_translation_of_a_mark_is_held_confusing(self):
        result = assess(Mark("BLACK WOLF", goods("beer")), Use("LOBO NEGRO", goods("beer")))
        assert result.verdict == "similar"
        assert result.similarity.strongest == "meaning"

    def test_fame_widens_the_goods_that_count(self):
        plain = assess(Mark("ZORVEX", goods("motor cars")), Use("ZORVEX", goods("computers")))
        famous = assess(
            Mark("ZORVEX", goods("motor cars"), famous=True), Use("ZORVEX", goods("computers"))
        )
        assert famous.score > plain.score
        assert famous.fame_applied and "famous" in famous.explain()

    def test_referential_use_is_flagged_not_scored_as_a_plain_hit(self):
        mark = Mark("CCELL", goods("vaporizer cartridges", (34,)))
        referential = assess(
            mark,
            Use(
                "510 battery compatible with CCELL cartridges",
                goods("vaporizer battery"),
                free_text=True,
            ),
        )
        plain = assess(
            mark, Use("CCELL 510 cartridge 1ml", goods("vaporizer cartridge"), free_text=True)
        )
        assert referential.category == Category.REFERENTIAL
        assert referential.score < plain.score
        assert "referential use: 'compatible with'" in referential.explain()
        assert plain.category in (Category.CONFUSING, Category.COUNTERFEIT)

    def test_mark_in_a_listing_title_with_imitation_cue(self):
        mark = Mark("CCELL", goods(classes=(34,)))
        result = assess(
            mark, Use("C-Cell style 510 cartridge 1ml", goods("510 cartridge"), free_text=True)
        )
        assert result.verdict == "similar"
        assert result.located == "C-Cell"
        assert "imitation cue: 'style'" in result.explain()

    def test_short_mark_inside_a_longer_word_is_not_a_hit(self):
        mark = Mark("CCELL", goods(classes=(34,)))
        result = assess(
            mark, Use("Accelerated heating coil kit", goods("vaporizer coil"), free_text=True)
        )
        assert result.verdict == "not_similar"

    def test_weak_shared_words_do_not_decide(self):
        # what two marks share is only laudatory words (TMEP §1209.03(k))
        result = assess(
            Mark("PREMIUM QUALITY ZORVEX", goods("shampoo")),
            Use("PREMIUM QUALITY KALDOR", goods("shampoo")),
        )
        assert result.shared_strength < 0.5
        assert result.verdict == "not_similar"

    def test_a_word_naming_the_goods_is_descriptive(self):
        result = assess(
            Mark("ZORVEX SHAMPOO", goods("shampoo")), Use("KALDOR SHAMPOO", goods("shampoo"))
        )
        assert "'shampoo' (describes the goods)" in result.explain()
        assert result.verdict == "not_similar"

    def test_commonness_orders_coined_above_common_words(self, monkeypatch):
        # the discount is one of the constants bench/marks_accuracy.py fits in its CV grid
        monkeypatch.setattr(confusion, "COMMON_DISCOUNT", 0.5)
        coined, ordinary, commonest = (commonness_weight(w) for w in ("zorvex", "morning", "the"))
        assert coined == 1.0 > ordinary > commonest >= 0.5
        monkeypatch.setattr(confusion, "COMMON_DISCOUNT", 0.0)
        assert commonness_weight("the") == 1.0

    def test_threshold_is_one_number_for_every_case(self):
        assert 0 < THRESHOLD < 1


class TestMarkInAListing:
    """issue 8's screening trial: the exact mark in a listing is never weaker than a look-alike,
    and a mark found in the listing is never taken for a word describing its goods."""

    def listing(self, title: str) -> Use:
        # screening passes the title as part of the listing's goods text
        return Use(title, goods(title), free_text=True)

    def test_the_exact_mark_is_never_weaker_than_a_look_alike(self):
        mark = Mark("CCELL", goods("electronic cigarettes", (34,)))
        exact = assess(mark, self.listing("CCELL TH2 0.5ml cartridges"))
        look_alike = assess(mark, self.listing("C-Cell style TH2 0.5ml cartridges"))
        assert exact.score >= look_alike.score
        assert exact.verdict == "similar"
        assert "describes the goods" not in exact.explain()

    @pytest.mark.parametrize("title", ["Nikee running shoes", "N1KE air sneakers"])
    def test_a_coined_look_alike_is_not_a_description(self, title):
        result = assess(Mark("NIKE", goods("footwear", (25,))), self.listing(title))
        assert "describes the goods" not in result.explain()
        assert result.verdict == "similar"

    def test_a_dictionary_word_mark_repeated_in_a_listing_is_not_a_description(self):
        mark = Mark("APPLE", goods("smartphones", (9,)))
        result = assess(mark, self.listing("APPLE smartphone 128GB"))
        assert "'apple' (describes the goods)" not in result.explain()
        assert result.verdict == "similar"
