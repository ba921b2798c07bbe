"""Highlights and snippets point at the original characters, whatever the spelling."""

from __future__ import annotations

from marsad.service.highlight import Matcher, query_keys, snippets
from marsad.service.query import parse_query, positive_parts

TEXT = (
    "دخلت القوات إلى بالباغوز صباحًا، ثم تقدّمت نحو «الباغُوز» الصغيرة.\n"
    "وأرسلت المنظمات قوافل للباغوز والقرى المجاورة، وقالت وكالة محلية إن الوضع هادئ."
)


def spans(query, text=TEXT):
    return Matcher(text).spans(positive_parts(parse_query(query)))


def test_every_spelling_is_highlighted_in_the_original_text():
    found = [TEXT[s:e] for s, e in spans("الباغوز")]
    assert found == ["بالباغوز", "الباغُوز", "للباغوز"]  # clitics and a diacritic kept as written


def test_a_phrase_is_one_highlight_and_only_in_order():
    assert [TEXT[s:e] for s, e in spans('"الباغوز الصغيرة"')] == ["الباغُوز» الصغيرة"]
    assert spans('"الصغيرة الباغوز"') == []


def test_excluded_words_are_not_highlighted():
    assert [TEXT[s:e] for s, e in spans("وكالة -الجيش")] == ["وكالة"]
    assert spans("NOT_A_WORD_HERE OR الجيش") == []


def test_matching_follows_the_query_logic_and_never_joins_title_and_body():
    matcher = Matcher("عنوان عن حلب", TEXT)
    assert matcher.matches(parse_query("حلب AND الباغوز"))
    assert not matcher.matches(parse_query("حلب AND NOT الباغوز"))
    assert not matcher.matches(parse_query('"حلب دخلت"'))  # last word of the title, first of the body


def test_indexing_only_the_query_words_changes_no_answer():
    """Search builds its matchers with `wanted` (the query's keys): spans and verdicts must not change."""
    for query in ["الباغوز", '"الباغوز الصغيرة"', "وكالة -الجيش", '"حلب دخلت"', "حلب AND NOT الباغوز", "قوافل OR هادئ"]:
        parsed = parse_query(query)
        parts = positive_parts(parsed)
        assert Matcher(TEXT, wanted=query_keys(parts)).spans(parts) == Matcher(TEXT).spans(parts), query
        full, narrow = Matcher("عنوان عن حلب", TEXT), Matcher("عنوان عن حلب", TEXT, wanted=query_keys(parsed))
        assert narrow.matches(parsed) == full.matches(parsed), query
    assert [TEXT[s:e] for s, e in Matcher(TEXT, wanted=query_keys(parse_query("للباغوز"))).spans(
        positive_parts(parse_query("للباغوز")))] == ["بالباغوز", "الباغُوز", "للباغوز"]


def test_snippets_hold_the_highlights_and_never_cut_a_word():
    long_text = ("كلام عام عن الأوضاع في المنطقة. " * 20) + TEXT + (" وتفاصيل أخرى لا علاقة لها." * 20)
    found = spans("الباغوز", long_text)
    windows = snippets(long_text, found, width=120)
    assert windows
    shown = [h for w in windows for h in w.highlights]
    assert set(shown) <= set(found) and shown
    for window in windows:
        assert window.start == 0 or long_text[window.start - 1].isspace()
        assert window.end == len(long_text) or long_text[window.end].isspace()
        for start, end in window.highlights:
            assert window.start <= start < end <= window.end


def test_a_document_without_highlights_gets_its_opening():
    (window,) = snippets(TEXT, [], width=40)
    assert window.start == 0 and 40 <= window.end < 60 and window.highlights == []
