"""Search keys: the words search indexes are the tokenizer's words, each with every reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.service.keys import name_key, searchable_tokens, text_terms, word_keys
from marsad.text import tokenize
from marsad.text.tokenize import ARABIC, NUMBER, WORD


def tokenizer_words(text):
    return [(t.start, t.end, t.text) for t in tokenize(text) if t.kind in (ARABIC, WORD, NUMBER)]


def test_the_same_words_as_the_tokenizer_on_the_examples(example_paths):
    for path in example_paths:
        text = path.read_text(encoding="utf-8")
        assert [tuple(w) for w in searchable_tokens(text)] == tokenizer_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("الباغوزقسدَُِّـ٠١٢3 4.,،؛:«»\"'-–\n\u200d\ufe0faBcé😀")), max_size=60))
def test_the_same_words_as_the_tokenizer_on_any_text(text):
    assert [tuple(w) for w in searchable_tokens(text)] == tokenizer_words(text)


def test_readings_with_and_without_clitics_share_a_key():
    assert set(word_keys("بالباغوز")) & set(word_keys("الباغوز")) & set(word_keys("للباغوز"))
    assert set(word_keys("الوكالة")) & set(word_keys("وكالة"))
    assert set(word_keys("أعلنت")) == set(word_keys("اعلنت"))
    assert word_keys("٢٠١٩") == word_keys("2019") == ("2019",)


def test_keys_are_letters_and_digits_only():
    for word in ("O'Brien", "al-Baghdadi", "ISIS's", "بالباغوز"):
        for key in word_keys(word):
            assert key.isalnum()


def test_text_terms_keep_word_order():
    terms = text_terms("سيطرت قسد على الباغوز")
    assert len(terms) == 4 and "باغوز" in terms[3] and terms[1] == ("قسد",)


def test_name_keys_fold_spelling_and_case():
    assert name_key("تنظيم الدولة") == name_key("تنظيم الدوله") == name_key("تَنظيم الدولة")
    assert name_key("Islamic State") == name_key("ISLAMIC  state") == "islamic state"
    assert name_key("إدلب") == name_key("ادلب")


def test_leaving_out_article_literals_changes_no_match(example_paths, seed_body):
    """Two words match when their key sets meet; with every reading or without the
    article literals, the same pairs match."""
    from marsad.text import match_keys

    def full(word):
        return {"".join(c for c in key if c.isalnum()) for key in match_keys(word)} - {""}

    texts = [path.read_text(encoding="utf-8") for path in example_paths] + [seed_body]
    vocabulary = sorted({token.text for text in texts for token in searchable_tokens(text)})
    assert len(vocabulary) > 500
    reduced = {word: set(word_keys(word)) for word in vocabulary}
    complete = {word: full(word) for word in vocabulary}
    assert any(len(reduced[w]) < len(complete[w]) for w in vocabulary)
    for first in vocabulary:
        for second in vocabulary:
            assert bool(reduced[first] & reduced[second]) == bool(complete[first] & complete[second]), (first, second)
