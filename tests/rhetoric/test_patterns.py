"""The pattern language: words with clitics, exact words, alternatives, gaps, quotes, extension."""

from __future__ import annotations

import pytest

from marsad.rhetoric.document import DocumentView
from marsad.rhetoric.patterns import PatternError, PatternSet, expand
from marsad.text import split_sentences, tokenize


def view(text: str) -> DocumentView:
    return DocumentView(text, tokenize(text), list(split_sentences(text)))


def found(pattern: str, text: str) -> list[str]:
    patterns: PatternSet[str] = PatternSet()
    patterns.add(pattern, "x")
    doc = view(text)
    return [text[m.start : m.end] for m in patterns.find(doc)]


def test_a_word_matches_with_its_clitics_and_without_its_article():
    assert found("الإرهابية", "هاجمت الجماعة الإرهابية والإرهابية الأخرى قرية.") == ["الإرهابية", "والإرهابية"]
    assert found("الأمة", "خاطب أبناء أمة واحدة وللأمة تاريخ.") == ["أمة", "وللأمة"]


def test_an_exact_word_takes_no_clitics():
    assert found("=كل", "زار كل المدن وبكل مكان.") == ["كل"]


def test_short_stems_do_not_match_through_a_preposition_or_a_pronoun():
    # «ألم» (pain) must not be found in «المهم» (ال + مهم / الم + هم) or «كامل» (ك + امل)
    assert found("=ألم|ألم", "المهم أن الأمر كامل.") == []
    assert found("أمل", "فقدت الأمل وكامل العائلة.") == ["الأمل"]


def test_alternatives_and_multiword_alternatives():
    assert expand("يرتكب مجازر ضد|=في_حق") == ["يرتكب مجازر ضد", "يرتكب مجازر =في حق"]
    text = "قال إنه يرتكب مجازر في حق المدنيين، وآخر يرتكب مجازر ضد القرى."
    assert found("يرتكب مجازر ضد|=في_حق", text) == ["يرتكب مجازر في حق", "يرتكب مجازر ضد"]


def test_a_gap_stays_inside_its_sentence():
    assert found("لماذا ...5 بينما", "لماذا يصمتون بينما يقتل الناس؟") == ["لماذا يصمتون بينما"]
    assert found("لماذا ...5 بينما", "لماذا يصمتون؟ بينما يقتل الناس.") == []


def test_phrase_words_must_be_neighbours_but_quote_marks_may_sit_between():
    assert found("باقية =وتتمدد", "رددوا شعار «باقية» «وتتمدد» مرارًا.") == ["باقية» «وتتمدد"]
    assert found("باقية =وتتمدد", "قالوا باقية، وتتمدد الخلافات.") == []


def test_a_quoted_segment_after_a_label_joins_the_span():
    text = "ظهر الإرهابي «أبو محمد العدناني» في تسجيل."
    assert found("الإرهابي «»", text) == ["الإرهابي «أبو محمد العدناني»"]
    assert found("الإرهابي «»", "ظهر الإرهابي في تسجيل.") == []


def test_extension_stops_at_the_clause_end_and_quotes_are_closed():
    text = "ودعت أنصارها إلى «الثأر لقادتهم»، ثم انسحبت."
    assert found("دعت ...3 =إلى «» +2", text) == ["ودعت أنصارها إلى «الثأر لقادتهم»"]
    assert found("دعت ...3 =إلى ...1 الثأر +3", text) == ["ودعت أنصارها إلى «الثأر لقادتهم»"]
    assert found("دعت ...3 =إلى ...1 الثأر", text) == ["ودعت أنصارها إلى «الثأر"]


def test_stretched_letters_are_matched_as_the_plain_word():
    assert found("معقول", "مش معقوووول اللي حصل") == ["معقوووول"]


@pytest.mark.parametrize("bad", ["... كلمة", "«» كلمة", "كلمة ...", "كلمة +3 أخرى", "كلمة|"])
def test_malformed_patterns_are_refused(bad):
    with pytest.raises(PatternError):
        PatternSet().add(bad, "x")
