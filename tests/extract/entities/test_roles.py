"""Role nouns naming an office: introductions, back-references, holders on the
publication date (extract/entities/roles.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.entities import EntitiesAnalyser
from marsad.text import tokenize


@pytest.fixture(scope="module")
def analyser():
    return EntitiesAnalyser()


def persons(analyser, text, published=None):
    return [(text[m.start : m.end], m.canonical) for m in analyser.mentions(text, tokenize(text), published) if m.type == "PER"]


def test_a_role_with_its_country_is_the_holder_on_the_publication_date(analyser):
    text = "وقال الرئيس التركي إن العملية ستتواصل، فيما التقى وزير الخارجية الفرنسي نظيره الروسي."
    assert persons(analyser, text, dt.date(2016, 3, 1)) == [
        ("الرئيس التركي", "Recep Tayyip Erdoğan"),
        ("وزير الخارجية الفرنسي", "Jean-Marc Ayrault"),
    ]


def test_without_a_publication_date_nothing_is_guessed(analyser):
    assert persons(analyser, "وقال الرئيس التركي إن العملية ستتواصل.") == []


def test_a_construct_role_takes_the_country_named_after_it(analyser):
    text = "وأكد رئيس وزراء العراق أن الحكومة ماضية، وحذر المبعوث الأممي إلى اليمن من التصعيد."
    assert persons(analyser, text, dt.date(2019, 5, 12)) == [("رئيس وزراء", "Adil Abdul-Mahdi"), ("المبعوث الأممي", "Martin Griffiths")]


def test_a_role_before_a_name_introduces_it_and_a_bare_role_refers_back(analyser):
    text = "وقال وزير الصحة الصومالي عبد الرحمن عثمان إن الوضع صعب. وأضاف الوزير أن المستشفيات امتلأت."
    assert persons(analyser, text, dt.date(2017, 10, 16)) == [("عبد الرحمن عثمان", "عبد الرحمن عثمان"), ("الوزير", "عبد الرحمن عثمان")]


def test_a_role_after_a_name_introduces_that_name(analyser):
    text = "ظهر أبو مصعب البرناوي، زعيم ولاية غرب أفريقيا، في تسجيل. وقال الزعيم إن المعارك مستمرة."
    result = persons(analyser, text, dt.date(2021, 6, 7))
    assert ("أبو مصعب البرناوي", "Abu Musab al-Barnawi") in result
    assert not [name for name in result if name[0] == "زعيم"]


def test_a_qualifier_makes_the_role_someone_else(analyser):
    assert persons(analyser, "وقال الرئيس الأمريكي السابق إن الاتفاق سيئ.", dt.date(2019, 1, 1)) == []


def test_an_outlet_described_by_a_role_is_not_a_person(analyser):
    text = "ونشرت وكالة أعماق الناطقة باسم تنظيم الدولة بيانا."
    assert persons(analyser, text, dt.date(2017, 1, 1)) == []


def test_a_construct_role_without_its_country_is_something_else(analyser):
    text = "وقال الرئيس الصومالي حسن شيخ محمود إن الحكومة صامدة، فيما أكد رئيس بلدية مقديشو أن الخدمات عادت."
    assert persons(analyser, text, dt.date(2023, 1, 1)) == [("حسن شيخ محمود", "Hassan Sheikh Mohamud")]
