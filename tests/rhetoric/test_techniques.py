"""Technique spans on our own Arabic sentences: what fires, what must not."""

from __future__ import annotations

import pytest

from marsad.model import CONVENTION_BELOW
from marsad.rhetoric import TechniqueFinder
from marsad.rhetoric.document import DocumentView
from marsad.text import split_sentences, tokenize


@pytest.fixture(scope="module")
def finder() -> TechniqueFinder:
    return TechniqueFinder()


def found_techniques(finder: TechniqueFinder, text: str):
    view = DocumentView(text, tokenize(text), list(split_sentences(text)))
    found = finder.find(view)
    for technique in found:
        assert text[technique.start : technique.end] == technique.text
        assert 0 <= technique.score <= 1 and technique.cue
    return found


def techniques(finder: TechniqueFinder, text: str, convention: bool = True) -> list[tuple[str, str]]:
    """(label, words) of the hits; convention=False leaves out the convention tier (score < 0.3)."""
    return [(t.label, t.text) for t in found_techniques(finder, text) if convention or t.score >= CONVENTION_BELOW]


def test_loaded_language_and_labels_in_a_statement(finder):
    text = "أدانت الوزارة الهجوم الغادر الذي شنته الميليشيات على المدنيين العزل."
    found = techniques(finder, text)
    assert ("Loaded_Language", "الغادر") in found
    assert ("Name_Calling-Labeling", "الميليشيات") in found
    assert ("Loaded_Language", "المدنيين العزل") in found


def test_a_label_before_a_quoted_name_takes_the_name(finder):
    found = techniques(finder, "وظهر الإرهابي «أبو عمر الشيشاني» في التسجيل.")
    assert found == [("Name_Calling-Labeling", "الإرهابي «أبو عمر الشيشاني»")]


def test_a_negated_label_is_not_a_label(finder):
    assert techniques(finder, "قال المتحدث إن الحركة ليست إرهابية بل حركة سياسية.") == []
    assert techniques(finder, "وذكر التقرير أنه لم تقع مجازر في البلدة.") == []


def test_institutional_terms_are_neutral(finder):
    text = "عقد مجلس الأمة جلسة حول قانون مكافحة الجماعات الإرهابية وتمويلها."
    assert techniques(finder, text) == []
    assert techniques(finder, "يعمل الباحث في شؤون الجماعات المتطرفة منذ سنوات.") == []


def test_quoted_speech_still_carries_the_technique(finder):
    text = "وقال المتحدث: «إن العدو الصهيوني يرتكب مجازر بحق أهلنا في المدينة»."
    labels = {label for label, _ in techniques(finder, text)}
    assert {"Loaded_Language", "Appeal_to_Fear-Prejudice", "Name_Calling-Labeling"} <= labels


def test_doubt_and_distancing(finder):
    found = techniques(finder, "نشر التنظيم بيانًا زاعمًا أن ما يسمى بالتحالف انسحب من المدينة المزعومة.")
    assert ("Doubt", "زاعمًا") in found
    assert any(label == "Doubt" and text.startswith("ما يسمى بالتحالف") for label, text in found)
    assert ("Doubt", "المزعومة") in found


def test_exaggeration_and_slogans(finder):
    found = techniques(finder, "شهدت المدينة دمارًا لم يسبق له مثيل، ورفع المسلحون شعار باقية وتتمدد.")
    assert ("Exaggeration-Minimisation", "لم يسبق له مثيل") in found
    assert ("Slogans", "باقية وتتمدد") in found


def test_whataboutism_and_hypocrisy(finder):
    text = "لماذا يتحرك العالم لضحايا أوروبا بينما يصمت عن أطفال غزة؟ إنها ازدواجية المعايير."
    found = techniques(finder, text)
    assert any(label == "Whataboutism" and t.startswith("لماذا") and "بينما" in t for label, t in found)
    assert ("Appeal_to_Hypocrisy", "ازدواجية المعايير") in found


def test_appeal_to_authority_on_a_quranic_citation(finder):
    found = techniques(finder, "واستشهد الخطيب بقوله تعالى ﴿وَلَا تَهِنُوا وَلَا تَحْزَنُوا﴾ في كلمته.")
    assert any(label == "Appeal_to_Authority" for label, _ in found)


def test_repetition_of_a_chant_and_of_a_slogan(finder):
    found = techniques(finder, "وهتف المتظاهرون: ارحل ارحل ارحل.")
    assert ("Repetition", "ارحل ارحل ارحل") in found
    text = "رددوا باقية وتتمدد. ثم كتبوا باقية وتتمدد. وختموا بباقية وتتمدد."
    repeated = [t for label, t in techniques(finder, text) if label == "Repetition"]
    assert len(repeated) == 2


def test_an_idiomatic_doubling_is_not_repetition(finder):
    assert techniques(finder, "تقدمت القوات رويدًا رويدًا نحو المدينة.") == []


def test_neutral_news_gives_nothing(finder):
    text = (
        "أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، "
        "وقال المدير إن العمل سيبدأ الشهر المقبل بعد استكمال التجهيزات."
    )
    assert techniques(finder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قبل أنْ أبدأ حديثي أشكر الحضور.",  # «أبدأ» normalises like «أبدًا»
        "تتحدث الآراء الرافضة للخطوة عن فقدان السيطرة.",  # adjective, not the sectarian slur
        "وأكد المدرب أن الوقت ما زال مبكرًا.",  # «أن الوقت», not «آن الأوان»
        "وصل وزير النقل بدر باسلمة إلى عدن.",  # a family name, not «أسلمة»
        "عاد بعد غزو بريطاني للبلاد عام 1941.",  # a named historical invasion
        "أصيب اللاعب بقطع في الرباط الصليبي.",  # the cruciate ligament
        "سافر الوفد إلى جنيف وأطلق الألعاب النارية احتفالًا.",  # travelled; fireworks
        "يقدم البنك خدمات جديدة لتجربة العملاء.",  # customers, not collaborators
        "تقدمت القوات في حرب العصابات داخل الجبال.",  # guerrilla warfare
        "فاز الفريق بلقب دوري أبطال آسيا.",  # sports
    ],
)
def test_everyday_uses_of_cue_words_are_not_flagged(finder, text):
    assert techniques(finder, text, convention=False) == []


def test_reporting_verbs_titles_and_plain_evaluation_are_the_convention_tier(finder):
    text = "وأكد صاحب السمو ولي العهد خلال اللقاء أهمية تعزيز التعاون بين البلدين الشقيقين، مشيدا بالنجاح الكبير للقمة."
    found = found_techniques(finder, text)
    assert {(t.label, t.text) for t in found} >= {
        ("Loaded_Language", "وأكد"),
        ("Name_Calling-Labeling", "صاحب السمو"),
        ("Loaded_Language", "أهمية"),
        ("Loaded_Language", "تعزيز"),
        ("Loaded_Language", "مشيدا"),
        ("Loaded_Language", "الكبير"),
    }
    assert all(t.score < CONVENTION_BELOW for t in found)  # nothing here is loaded on its own face


def test_the_convention_tier_does_not_mask_stronger_cues(finder):
    found = found_techniques(finder, "وأكد البيان أن الهجوم الإرهابي الجبان لن يمر دون عقاب.")
    assert any(t.text == "وأكد" and t.score < CONVENTION_BELOW for t in found)
    assert any(t.text == "الجبان" and t.score >= 0.6 for t in found)


def test_unconfirmed_is_not_an_emphatic_report(finder):
    assert ("Loaded_Language", "مؤكدة") not in techniques(finder, "وتحدثت أنباء غير مؤكدة عن انسحاب القوات.")


def test_ambiguous_forms_need_their_context(finder):
    assert techniques(finder, "صدّ الجنود هجوما غادرا على الحدود.") == [("Loaded_Language", "هجوما غادرا")]
    assert techniques(finder, "وتحصل المنشأة على تأشيرة عن كل عاملين غادرا نهائيا.") == []
    assert techniques(finder, "تسابق الأطفال حفاة في العدو على الشاطئ.") == []
    assert ("Name_Calling-Labeling", "قوات العدو") in techniques(finder, "تقدمت قوات العدو نحو القرية.")
    assert techniques(finder, "قرر المجلس عزل رئيس البلدية، ورفضت جهات رافضة للقرار التعليق.") == []
