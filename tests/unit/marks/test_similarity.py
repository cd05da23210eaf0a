"""Mark similarity, dimension by dimension.

Cases are constructed to show one rule each (the comment or name says which); none is a
development pair (those are scored in bench/marks_accuracy.py from ../shared/data). The
listing titles are the ones of issue 8's screening trial.
"""

import pytest

from ipsentry.matching.marks.locate import context, locate
from ipsentry.matching.marks.similarity import compare
from ipsentry.matching.marks.text import MarkText


def sim(a: str, b: str):
    return compare(MarkText.of(a), MarkText.of(b))


class TestLook:
    def test_inserted_letters_keep_marks_close(self):
        result = sim("MICROSOFT", "MICROSOFFT")  # one doubled letter, constructed
        assert result.score > 0.9
        assert result.strongest == "look"
        assert "[+f]" in result.alignment

    @pytest.mark.parametrize(
        "annotated",
        # every form issue 8 lists, as registers write them
        ["ZORVEX (stylized)", "ZORVEX (and design)", "ZORVEX (with device)",
         "ZORVEX (in a circle)", "ZORVEX & Design", "ZORVEX (word)", "ZORVEX (fig.)",
         "ZORVEX [fig.]", "Zorvex and Design", "ZORVEX 图形", "ZORVEX（图形）"],
    )  # fmt: skip
    def test_register_annotations_are_not_part_of_the_mark(self, annotated):
        result = sim("ZORVEX", annotated)
        assert result.score == 1.0
        assert result.sound == 1.0

    def test_an_annotation_word_inside_a_name_is_kept(self):
        assert MarkText.of("BIGDESIGN").compact == "bigdesign"
        assert MarkText.of("DESIGN").compact == "design"

    def test_identical_marks_are_said_the_same(self):
        # issue 8: identical marks were reported as 'sound 0.93'
        result = sim("DELTA", "DELTA")
        assert (result.score, result.look, result.sound) == (1.0, 1.0, 1.0)

    def test_leetspeak_and_digits_for_letters(self):
        result = sim("r3quests", "requests")  # constructed
        assert result.score > 0.85
        assert sim("l0dash", "lodash").score > sim("l0dash", "x0dash").score

    @pytest.mark.parametrize(
        ("fake", "real"), [("rnicrosoft", "microsoft"), ("vvalmart", "walmart"), ("cloud", "doud")]
    )
    def test_letter_groups_that_look_alike(self, fake, real):
        result = sim(fake, real)
        assert result.score >= 0.95
        assert any("look-alike letters" in note for note in result.notes)

    def test_unicode_homoglyphs_fold_to_latin_and_are_reported(self):
        result = sim("раураl", "paypal")  # Cyrillic р, а, у
        assert result.score == 1.0
        assert any("mixes scripts" in note and "U+0440" in note for note in result.notes)

    def test_unrelated_words_are_far_apart(self):
        assert sim("MORNING GLORY", "BLUE RIVER").score < 0.5
        assert sim("CCELL", "BANANA").score < 0.3


class TestSound:
    def test_spelled_differently_said_alike(self):
        # English respellings of the kind TMEP §1207.01(b)(iv) describes; constructed
        result = sim("NITE", "NIGHT")
        assert result.strongest == "sound"
        assert result.sound > result.look
        assert sim("FONE", "PHONE").sound >= 0.9
        assert sim("KATZ", "CATS").sound >= 0.9

    def test_a_digit_at_the_end_is_read_as_a_number(self):
        assert sim("CLOUD9", "CLOUDNINE").sound > 0.9

    def test_chinese_characters_meet_latin_letters_through_pinyin(self):
        result = sim("思摩尔", "SMOORE")
        assert result.score >= 0.8
        assert result.strongest == "sound"
        assert any("si1 mo2 er3" in note for note in result.notes)

    def test_other_scripts_are_transliterated(self):
        assert sim("ЯНДЕКС", "YANDEX").score > 0.9
        assert sim("ΑΛΦΑ", "ALFA").score == 1.0


class TestMeaning:
    # Doctrine of foreign equivalents (TMEP §1207.01(b)(vi)); the marks are constructed and
    # the meanings come from FreeDict and CC-CEDICT, not from a list written here.
    @pytest.mark.parametrize(
        ("foreign", "english"),
        [
            ("LOBO NEGRO", "BLACK WOLF"),  # Spanish/Portuguese
            ("GATTO NERO", "BLACK CAT"),  # Italian
            ("STELLA", "STAR"),  # Italian
            ("狼", "WOLF"),  # Chinese
            ("熊猫", "PANDA"),  # Chinese
        ],
    )
    def test_foreign_equivalents(self, foreign, english):
        result = sim(foreign, english)
        assert result.strongest == "meaning"
        assert result.score > 0.9
        assert any("translation" in note for note in result.notes)

    def test_a_translation_needs_both_sides_to_mean_the_same(self):
        assert sim("LOBO", "TIGER").score < 0.5

    @pytest.mark.parametrize(
        ("english", "homograph_meaning"),
        # issue 8: an English word never takes a foreign homograph's meaning
        [("THE", "TEA"), ("OR", "GOLD"), ("BAR", "BEAR"), ("SALE", "SALT")],
    )
    def test_english_words_keep_their_english_meaning(self, english, homograph_meaning):
        result = sim(english, homograph_meaning)
        assert result.meaning == 0.0
        assert not MarkText.of(english).translated

    def test_bar_one_and_bear_one_do_not_mean_the_same(self):
        result = sim("BAR ONE", "BEAR ONE")  # issue 8
        assert result.meaning == 0.0
        assert not any("same meaning" in note for note in result.notes)


class TestInsideText:
    def test_mark_split_by_punctuation_in_a_listing_title(self):
        text = MarkText.of("C-Cell style 510 cartridge 1ml")
        found = locate(MarkText.of("CCELL"), text)
        assert found is not None
        assert found.similarity.score == 1.0
        assert found.quote == "C-Cell"
        assert context(found).imitation == "style"

    def test_short_mark_is_not_found_inside_a_longer_word(self):
        found = locate(MarkText.of("CCELL"), MarkText.of("Accelerated charging adapter"))
        assert found is not None and found.similarity.score < 0.6

    @pytest.mark.parametrize(
        ("title", "phrase"),
        [
            ("510 battery compatible with CCELL cartridges", "compatible with"),
            ("Replacement coil for CCELL", "for"),
            ("Fits all CCELL carts - magnetic adapter", "fits"),
            ("CCELL compatible charger", "compatible"),
            ("适用于 CCELL 的电池", "适用于"),
        ],
    )
    def test_referential_phrases_are_read(self, title, phrase):
        found = locate(MarkText.of("CCELL"), MarkText.of(title))
        assert found is not None and found.similarity.score == 1.0
        assert context(found).referential == phrase

    def test_plain_use_is_not_referential(self):
        found = locate(MarkText.of("CCELL"), MarkText.of("CCELL TH2 cartridge 0.5ml"))
        assert found is not None
        assert context(found).referential is None
