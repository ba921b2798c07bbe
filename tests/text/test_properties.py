"""Property tests: offsets always slice the original, segmentation covers the text
without overlap, normalisation is idempotent, and nothing raises on any input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.text import match_key, match_keys, normalize, normalize_with_offsets, split_sentences, tokenize

ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩٫،؛؟«»“”ﻻﷲ"
PUNCTUATION = " \n\n\r\t.!?…:\"'-–—()[]"
arabic_like = st.text(alphabet=st.sampled_from(ARABIC_ALPHABET + PUNCTUATION + "abcXYZ019😀\u200f\u200c"), max_size=400)
any_text = st.text(max_size=300)
texts = st.one_of(arabic_like, any_text)

settings.register_profile("marsad", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("marsad")


@given(texts)
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(texts)
def test_normalized_offsets_slice_the_original(text):
    view = normalize_with_offsets(text)
    assert view.text == normalize(text)
    starts = [view.to_original(i) for i in range(len(view.text))]
    assert starts == sorted(starts)
    assert normalize(text[: starts[0] if starts else len(text)]) == ""
    # each original piece between two mapped positions normalises to exactly the
    # normalised characters mapped to it
    i = 0
    while i < len(starts):
        j = i
        while j < len(starts) and starts[j] == starts[i]:
            j += 1
        piece_end = starts[j] if j < len(starts) else len(text)
        assert normalize(text[starts[i] : piece_end]) == view.text[i:j]
        begin, end = view.span_to_original(i, j)
        assert begin == starts[i] and starts[i] < end <= piece_end
        i = j


@given(texts)
def test_sentences_cover_the_text_without_overlap(text):
    spans = split_sentences(text)
    position = 0
    for span in spans:
        assert position <= span.start < span.end <= len(text)
        assert text[position : span.start].strip() == ""
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        position = span.end
    assert text[position:].strip() == ""


@given(texts)
def test_tokens_slice_the_original_in_order(text):
    position = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.start >= position
        assert text[position : token.start].strip() == ""
        position = token.end
    assert text[position:].strip() == ""


@given(st.text(alphabet=st.sampled_from(ARABIC_ALPHABET + "abc"), min_size=1, max_size=20))
def test_match_keys_never_raise_and_start_with_the_normalised_word(word):
    keys = match_keys(word)
    assert isinstance(match_key(word), str)
    if normalize(word):
        assert keys and keys[0]
