"""Likelihood of confusion: goods, weak words, fame, referential use, counterfeits."""

from ipsentry.matching.marks.confusion import THRESHOLD, Category, Mark, Use, assess
from ipsentry.matching.marks.goods import Goods, relatedness


def goods(text: str = "", classes: tuple[int, ...] = ()) -> Goods:
    return Goods(classes=frozenset(classes), text=text)


class TestGoods:
    def test_the_goods_own_words_decide_more_than_classes(self):
        knives_wrenches = relatedness(goods("knives"), goods("wrenches"))
        bicycle_parts = relatedness(goods("bicycle parts"), goods("bicycles"))
        assert knives_wrenches.score is not None and bicycle_parts.score is not None
        assert bicycle_parts.score > knives_wrenches.score
        assert "same Nice class 8" in knives_wrenches.explain()

    def test_coordinated_classes_are_related_but_less_than_the_same_goods(self):
        beer_bar = relatedness(goods("beer"), goods("bar and restaurant services"))
        beer_beer = relatedness(goods("beer"), goods("beer"))
        assert beer_bar.score is not None and beer_beer.score is not None
        assert 0.5 < beer_bar.score < beer_beer.score
        assert "coordinated classes 32 and 43" in beer_bar.explain()

    def test_hs_codes_of_a_declaration_map_to_classes(self):
        declared = Goods(text="", hs_code="8543.40.00")
        assert 34 in declared.all_classes
        assert relatedness(goods(classes=(34,)), declared).score == 0.75

    def test_unknown_goods_are_unknown_not_unrelated(self):
        assert relatedness(goods("cutting oil"), goods("")).score is None
        assert relatedness(goods("Serviços de educação"), goods("equipamentos")).score is None

    def test_classes_named_in_the_text_are_read(self):
        assert goods("goods in Classes 3/5").all_classes == {3, 5}


class TestConfusion:
    def test_identical_marks_on_unrelated_goods_are_not_likely_confused(self):
        faucets = Mark("DELTA", goods("faucets and shower heads", (11,)))
        airline = Use("DELTA", goods("air transport of passengers", (39,)))
        result = assess(faucets, airline)
        assert result.similarity.score == 1.0
        assert result.verdict == "not_similar"
        assert "unrelated goods lower the likelihood of confusion" in result.explain()

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

    def test_generic_trade_words_do_not_match_every_listing(self):
        mark = Mark("VAPE PEN PRO", goods("electronic cigarettes", (34,)))
        listing = Use(
            "Vape pen 510 thread starter kit", goods("electronic cigarettes"), free_text=True
        )
        result = assess(mark, listing)
        assert result.verdict == "not_similar"
        assert result.shared_strength < 1.0
        assert "common word of the vaping trade" in result.explain()

    def test_disclaimed_words_count_as_disclaimed(self):
        plain = assess(Mark("SMOORE VAPOR CELL"), Use("KINGTON VAPOR CELL"))
        disclaimed = assess(
            Mark("SMOORE VAPOR CELL", disclaimers=("VAPOR CELL",)), Use("KINGTON VAPOR CELL")
        )
        assert disclaimed.score < plain.score
        assert "'cell' (disclaimed)" in disclaimed.explain()

    def test_translation_of_a_mark_is_held_confusing(self):
        result = assess(Mark("SCORPION", goods("mezcal")), Use("ALACRÁN", goods("mezcal")))
        assert result.verdict == "similar"
        assert result.similarity.strongest == "meaning"

    def test_fame_widens_the_goods_that_count(self):
        plain = assess(Mark("VOLVO", goods("motor cars")), Use("VOLVO", goods("computers")))
        famous = assess(
            Mark("VOLVO", goods("motor cars"), famous=True), Use("VOLVO", goods("computers"))
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
        result = assess(
            Mark("SKIN NUTRITION", goods("skin cleansers")),
            Use("NATURE'S SKIN NUTRITION", goods("skin cleansers")),
        )
        assert result.shared_strength < 0.5
        assert result.score < assess(Mark("KOPAN"), Use("KOPAN")).score

    def test_threshold_is_one_number_for_every_case(self):
        assert 0 < THRESHOLD < 1
