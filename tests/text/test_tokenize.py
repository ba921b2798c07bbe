from marsad.text import tokenize, words


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(text)]


def test_arabic_words_keep_diacritics_and_tatweel():
    assert kinds("وَبِحَسَبِ لـ«داعش»") == [
        ("وَبِحَسَبِ", "arabic"),
        ("لـ", "arabic"),
        ("«", "punct"),
        ("داعش", "arabic"),
        ("»", "punct"),
    ]


def test_numbers_with_arabic_and_latin_separators():
    assert kinds("٣٫٥ و1,200 و20") == [("٣٫٥", "number"), ("و", "arabic"), ("1,200", "number"), ("و", "arabic"), ("20", "number")]


def test_latin_words_punctuation_runs_and_symbols():
    assert kinds("ISIS's claim؟! ... 👍🏽") == [
        ("ISIS's", "word"),
        ("claim", "word"),
        ("؟!", "punct"),
        ("...", "punct"),
        ("👍🏽", "symbol"),
    ]


def test_words_filters_to_word_tokens():
    assert [t.text for t in words("قال: «نعم» 2019.")] == ["قال", "نعم"]


def test_offsets_slice_the_original():
    text = "قُتل 32 شخصًا، صباح اليوم."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
