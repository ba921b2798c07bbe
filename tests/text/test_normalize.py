from marsad.text import NormalizeOptions, normalize, normalize_with_offsets


def test_alef_forms_fold_to_bare_alef():
    assert normalize("أحمد إبراهيم آمنة ٱلله") == "احمد ابراهيم امنه الله"


def test_alef_maqsura_and_farsi_yeh_fold_to_ya():
    assert normalize("مصطفى ی") == "مصطفي ي"


def test_ta_marbuta_is_configurable():
    assert normalize("الدولة") == "الدوله"
    assert normalize("الدولة", NormalizeOptions(ta_marbuta=False)) == "الدولة"


def test_diacritics_tatweel_and_invisibles_are_removed():
    assert normalize("وَبِحَسَبِ الوكـــالةِ\u200f") == "وبحسب الوكاله"
    assert normalize("مُتعهدًا اختصارًا") == "متعهدا اختصارا"


def test_digits_to_ascii_with_arabic_separators():
    assert normalize("٢٠ مارس ٢٠١٩ و٣٫٥ و۱۲") == "20 مارس 2019 و3.5 و12"


def test_quotes_and_dashes_unified():
    assert normalize("«قسد» “داعش” السورية– العراقية") == '"قسد" "داعش" السوريه- العراقيه'


def test_presentation_forms_decompose():
    assert normalize("ﻻ ﷲ") == "لا الله"


def test_offsets_map_back_to_original_words():
    original = "قالَ المُتحدِّثُ: «إنّه يرتكب مجازر»"
    view = normalize_with_offsets(original)
    start = view.text.index("المتحدث")
    begin, end = view.span_to_original(start, start + len("المتحدث"))
    assert original[begin:end] == "المُتحدِّثُ"


def test_offsets_through_expansion():
    original = "xﻻy"
    view = normalize_with_offsets(original)
    assert view.text == "xلاy"
    assert view.span_to_original(1, 3) == (1, 2)
    assert view.span_to_original(3, 4) == (2, 3)


def test_no_arabic_text_passes_through():
    assert normalize("Hello, World 😀") == 'hello, world 😀'
    assert normalize("") == ""
    assert normalize_with_offsets("").text == ""


def test_normalize_with_options_made_on_the_fly_gives_the_same_as_with_equal_options():
    # the substitution is remembered per options object; equal objects fold alike
    for _ in range(100):
        assert normalize("الدولة", NormalizeOptions(ta_marbuta=False)) == "الدولة"
    assert normalize("الدولة", NormalizeOptions()) == normalize("الدولة") == "الدوله"
