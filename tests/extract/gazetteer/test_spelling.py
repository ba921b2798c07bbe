"""Towns found by the spelling of their names (marsad.extract.gazetteer.spelling)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extract.gazetteer.spelling import arabic_skeletons, latin_skeleton, load_spelling_index


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("دماساك", "Damasak"),
        ("كاغارا", "Kagara"),
        ("تيغينا", "Tegina"),
        ("الشحيل", "Al-Shuhayl"),
        ("ذيبان", "Dhiban"),
        ("قنيو بارو", "Qunyo Barrow"),
        ("بوجومبورا", "Bujumbura"),
        ("شنقيط", "Chinguetti"),
    ],
)
def test_an_arabic_name_and_its_latin_spelling_share_a_skeleton(arabic, latin):
    assert latin_skeleton(latin) in arabic_skeletons(arabic)


def test_different_names_have_different_skeletons():
    assert latin_skeleton("Kasindi") not in arabic_skeletons("كاغارا")
    assert latin_skeleton("Maiduguri") not in arabic_skeletons("دماساك")


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوية ", max_size=30))
def test_arabic_skeletons_are_made_of_consonant_classes(name):
    for skeleton in arabic_skeletons(name):
        assert set(skeleton) <= set("btsjkhdzrSflmn")


@given(st.text(max_size=40))
def test_latin_skeleton_never_fails_and_has_no_vowels(name):
    assert not set(latin_skeleton(name)) & set("aeiouyw")


def test_a_town_geonames_names_only_in_latin_is_found_in_its_country():
    index = load_spelling_index()
    damasak = index.resolve("دماساك", "Nigeria")
    assert damasak is not None and damasak.canonical == "Damasak"
    assert damasak.canonical_ar == "دماساك" and damasak.lat is not None and damasak.admin1


def test_the_town_whose_vowels_agree_wins_among_those_of_one_skeleton():
    # Kagara, Kagoro, Gagarawa and Gwio Kura are all k-k-r in Nigeria
    assert load_spelling_index().resolve("كاغارا", "Nigeria").canonical == "Kagara"


def test_no_town_outside_the_country_or_for_an_unknown_name():
    index = load_spelling_index()
    assert index.resolve("دماساك", "Syria") is None
    assert index.resolve("زخرفيستان", "Nigeria") is None
    assert index.resolve("شويا", "Lebanon") is None  # a skeleton of one letter meets too many towns
