import pytest

from marsad.text import clitic_splits, match_key, match_keys


@pytest.mark.parametrize(
    "word, base",
    [
        ("وبحسب", "حسب"),
        ("للتنظيم", "تنظيم"),
        ("بالباغوز", "الباغوز"),
        ("للباغوز", "الباغوز"),
        ("والتنظيم", "التنظيم"),
        ("فالتنظيم", "تنظيم"),
        ("دولتها", "دولة"),
        ("سيطرتها", "سيطرة"),
        ("مناطقهم", "مناطق"),
        ("بالله", "الله"),
    ],
)
def test_clitic_forms_share_the_key_of_their_base(word, base):
    assert match_key(word) == match_key(base)


@pytest.mark.parametrize("word", ["وكالة", "الوكالة", "والي", "الله", "اللهم", "سوريا", "العراقي"])
def test_keys_are_never_empty_and_never_shorter_than_two_letters(word):
    assert len(match_key(word)) >= 2


def test_article_left_over_blocks_a_particle_split():
    # «وكالة» is not و + ك + «الة»
    assert "اله" not in match_keys("وكالة")


def test_match_keys_start_with_the_literal_form_and_include_shorter_readings():
    keys = match_keys("بلبنان")
    assert keys[0] == "بلبنان"
    assert "لبنان" in keys


def test_clitic_splits_reassemble_the_word():
    for split in clitic_splits("وبمناطقهم"):
        assert split.prefix + split.stem + split.suffix == "وبمناطقهم"


def test_non_arabic_words_are_untouched():
    assert match_key("ISIS") == "isis"
    assert match_key("2019") == "2019"


@pytest.mark.parametrize(
    "word, expected",
    [
        # the unsplit word, then proclitic chains shortest first, each with and without its pronoun
        ("وبمناطقهم", [("", "وبمناطقهم", ""), ("", "وبمناطق", "هم"), ("و", "بمناطقهم", ""), ("و", "بمناطق", "هم"),
                       ("وب", "مناطقهم", ""), ("وب", "مناطق", "هم")]),
        # an article chain keeps the rest whole (no pronoun split after it)
        ("وبالباغوز", [("", "وبالباغوز", ""), ("و", "بالباغوز", ""), ("وبال", "باغوز", "")]),
        ("للتنظيم", [("", "للتنظيم", ""), ("ل", "لتنظيم", ""), ("لل", "تنظيم", "")]),
        ("دولتها", [("", "دولتها", ""), ("", "دولة", "ها")]),
        ("وكالة", [("", "وكالة", ""), ("و", "كالة", "")]),  # not و + ك + «الة»
        ("بالله", [("", "بالله", ""), ("ب", "الله", "")]),
        ("الله", [("", "الله", "")]),
        ("سوريا", [("", "سوريا", "")]),
        ("", [("", "", "")]),
    ],
)
def test_clitic_splits_list_every_reading_in_order(word, expected):
    assert [tuple(split) for split in clitic_splits(word)] == expected


def test_no_article_chain_starts_another():
    # clitic_splits relies on it: a word starts with at most one article chain
    from marsad.text.stem import _ARTICLE_CHAINS

    assert not [(a, b) for a in _ARTICLE_CHAINS for b in _ARTICLE_CHAINS if a != b and b.startswith(a)]
