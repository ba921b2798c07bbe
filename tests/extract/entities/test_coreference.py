"""Later mentions resolved to what they refer to."""

from __future__ import annotations

import pytest

from marsad.extract.entities import EntitiesAnalyser
from marsad.model import Analysis


@pytest.fixture(scope="module")
def analyser():
    return EntitiesAnalyser()


def entities(analyser, text):
    analysis = Analysis(id="t", title="", text=text)
    analyser(analysis)
    return [(e.text, e.type, e.canonical) for e in analysis.entities]


def test_laqab_refers_back_to_the_full_name(analyser):
    text = "ظهر أبو عمر الشيشاني في تسجيل. وقال الشيشاني إن المعركة مستمرة."
    assert ("الشيشاني", "PER", "أبو عمر الشيشاني") in entities(analyser, text)


def test_a_nisba_before_the_full_name_is_not_resolved(analyser):
    text = "قال الشيشاني إن المعركة مستمرة. ثم ظهر أبو عمر الشيشاني في تسجيل."
    assert ("الشيشاني", "PER", "أبو عمر الشيشاني") not in entities(analyser, text)


def test_role_noun_refers_to_the_person_introduced_with_it(analyser):
    text = "توعد المتحدث باسم الجماعة، أبو عبيدة الأنصاري، بالرد. وأضاف المتحدث أن الرد قريب."
    result = entities(analyser, text)
    assert ("أبو عبيدة الأنصاري", "PER", "أبو عبيدة الأنصاري") in result
    assert ("المتحدث", "PER", "أبو عبيدة الأنصاري") in result
    assert [e for e in result if e[0] == "المتحدث"] == [("المتحدث", "PER", "أبو عبيدة الأنصاري")]


def test_role_noun_without_a_named_holder_stays_unresolved(analyser):
    assert [e for e in entities(analyser, "قال المتحدث إن الاجتماع تأجل.") if e[0] == "المتحدث"] == []


def test_group_anaphors_need_a_matching_antecedent(analyser):
    text = "هاجمت حركة الشباب قاعدة عسكرية، وأعلنت الحركة مسؤوليتها. وقال التنظيم إنه سيواصل."
    result = entities(analyser, text)
    assert ("الحركة", "ORG", "Al-Shabaab") in result
    assert not [e for e in result if e[0] == "التنظيم"]  # Al-Shabaab is no «تنظيم»


def test_tanzim_goes_to_the_last_tanzim_not_the_last_group(analyser):
    text = "استعادت قسد بلدة هجين من داعش، ثم قصفت قسد آخر معاقل التنظيم."
    result = entities(analyser, text)
    assert ("التنظيم", "ORG", "Islamic State") in result


def test_no_antecedent_no_entity(analyser):
    assert entities(analyser, "قال التنظيم في بيان إن الهجوم نجح.") == []


def test_a_surname_without_the_article_refers_to_the_full_name(analyser):
    text = "وصل الرئيس محمد بازوم إلى نيامي. وقال بازوم إن الأمن تحسن."
    assert ("بازوم", "PER", "Mohamed Bazoum") in entities(analyser, text)
    text = "تحدث إدوارد كالون عن الضحايا. وأضاف كالون أن العدد سيرتفع."
    assert ("كالون", "PER", "إدوارد كالون") in entities(analyser, text)


def test_a_given_name_ending_a_known_persons_name_refers_to_him(analyser):
    text = "أعلن الرئيس عبد ربه منصور هادي الطوارئ. وقال هادي إن الحكومة باقية."
    assert ("هادي", "PER", "Abdrabbuh Mansur Hadi") in entities(analyser, text)
