"""The search query language."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError
from marsad.service.query import parse_query, positive_parts
from marsad.store import And, Not, Or, Phrase, Term


def words(query):
    return [part.text for part in positive_parts(query) if isinstance(part, Term)]


def test_a_word_carries_every_reading_it_may_be_indexed_under():
    term = parse_query("للباغوز")
    assert isinstance(term, Term) and "باغوز" in term.keys
    assert parse_query("وكالة").keys == ("وكاله", "كاله")  # the word itself, or ك + «الة»
    assert parse_query("الوكالة").keys == ("وكاله",)


def test_spaces_mean_and_and_capital_operators_combine():
    query = parse_query("داعش الباغوز")
    assert isinstance(query, And) and words(query) == ["داعش", "الباغوز"]
    assert isinstance(parse_query("داعش AND الباغوز"), And)
    query = parse_query("حلب OR إدلب")
    assert isinstance(query, Or) and len(query.parts) == 2


def test_not_and_minus_exclude():
    query = parse_query("داعش NOT القاعدة")
    assert isinstance(query, And) and isinstance(query.parts[1], Not)
    query = parse_query("داعش -القاعدة")
    assert isinstance(query.parts[1], Not) and query.parts[1].part.text == "القاعدة"
    assert words(parse_query("+داعش -القاعدة")) == ["داعش"]


def test_a_hyphen_inside_a_word_is_not_an_operator():
    query = parse_query("السورية-العراقية")
    assert isinstance(query, Phrase) and [t.text for t in query.terms] == ["السورية", "العراقية"]


def test_phrases_in_straight_or_arabic_quotes():
    for text in ('"قوات سوريا الديمقراطية"', "«قوات سوريا الديمقراطية»", "“قوات سوريا الديمقراطية”"):
        query = parse_query(text)
        assert isinstance(query, Phrase)
        assert [term.text for term in query.terms] == ["قوات", "سوريا", "الديمقراطية"]


def test_parentheses_group():
    query = parse_query("(حلب OR إدلب) NOT هدنة")
    assert isinstance(query, And)
    assert isinstance(query.parts[0], Or) and isinstance(query.parts[1], Not)


def test_lower_case_or_arabic_words_are_plain_words():
    assert words(parse_query("داعش or او القاعدة")) == ["داعش", "or", "او", "القاعدة"]


@pytest.mark.parametrize(
    "text, code",
    [
        ('"قوات سوريا', "M323"),
        ("(حلب OR إدلب", "M323"),
        ("حلب)", "M323"),
        ("داعش OR", "M323"),
        ("AND داعش", "M323"),
        ("NOT داعش", "M324"),
        ("-داعش", "M324"),
        ("داعش OR NOT القاعدة", "M324"),
        ("«» ... ؟", "M324"),
    ],
)
def test_bad_queries_are_explained(text, code):
    with pytest.raises(MarsadError) as caught:
        parse_query(text)
    assert caught.value.code == code
    assert "\n" not in str(caught.value)
