"""Person names: kunyas, chains, cues, introductions; and what is not a name."""

from __future__ import annotations

import pytest

from marsad.extract.entities import EntitiesAnalyser
from marsad.model import Analysis


@pytest.fixture(scope="module")
def analyser():
    return EntitiesAnalyser()


def persons(analyser, text):
    analysis = Analysis(id="t", title="", text=text)
    analyser(analysis)
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
    return [(e.text, e.canonical) for e in analysis.entities if e.type == "PER"]


def test_gazetteer_person_in_the_genitive(analyser):
    assert persons(analyser, "نعى التنظيم زعيمه أبي بكر البغدادي في بيان.") == [("أبي بكر البغدادي", "Abu Bakr al-Baghdadi")]


def test_kunya_with_laqab_not_in_the_gazetteer(analyser):
    result = persons(analyser, "ظهر القيادي أبو عمر الشيشاني في تسجيل جديد.")
    assert result == [("أبو عمر الشيشاني", "أبو عمر الشيشاني")]


def test_kunya_canonical_is_nominative(analyser):
    result = persons(analyser, "أعلنت الجماعة مقتل أبي خالد العراقي في غارة.")
    assert result == [("أبي خالد العراقي", "أبو خالد العراقي")]


def test_given_name_chain_with_nisba(analyser):
    assert persons(analyser, "التقى الوفد بأحمد سعيد الحمداني في الدوحة.") == [("أحمد سعيد الحمداني", "أحمد سعيد الحمداني")]


def test_ambiguous_names_need_a_cue(analyser):
    assert persons(analyser, "صدر القرار لصالح الحكومة بعد جلسة طويلة.") == []
    assert persons(analyser, "يعيش الناس على أمل السلام.") == []
    assert persons(analyser, "قال الجهادي السابق، نبيل نعيم، إن التنظيم انتهى.") == [("نبيل نعيم", "نبيل نعيم")]


def test_ali_is_not_the_preposition(analyser):
    assert persons(analyser, "سيطرت القوات على المدينة.") == []
    assert persons(analyser, "قال علي حسين إن الوضع هادئ.") == [("علي حسين", "علي حسين")]


def test_introduced_names(analyser):
    assert persons(analyser, "نشر شخص يُدعى «سامر فؤاد منصور» رسالة على الإنترنت.") == [("سامر فؤاد منصور", "سامر فؤاد منصور")]
    assert persons(analyser, "اعتقلت الشرطة المدعو كاظم جبار بعد مداهمة.")[0][0].startswith("كاظم")


def test_title_with_modifiers_before_the_name(analyser):
    result = persons(analyser, "وقال وزير الصحة العراقي سالم الكبيسي إن الخطة نجحت.")
    assert ("سالم الكبيسي", "سالم الكبيسي") in result
    result = persons(analyser, "وقال وزير الداخلية العراقي عثمان الغانمي إن الخطة نجحت.")
    assert ("عثمان الغانمي", "Othman al-Ghanmi") in result


def test_definite_family_name_needs_a_cue(analyser):
    assert persons(analyser, "عرض يوسف الفيلم أمس.") == [("يوسف", "يوسف")]
    assert ("بشار الأسد", "Bashar al-Assad") in persons(analyser, "التقى الرئيس بشار الأسد وفدًا روسيًا.")


def test_names_inside_other_entities_are_left_alone(analyser):
    assert persons(analyser, "قصفت الطائرات مدينة أبو ظبي.") == []


def test_an_adjective_in_ta_marbuta_is_no_family_name(analyser):
    result = persons(analyser, "أقيمت المباراة على ملعب مدينة الملك خالد الرياضية بتبوك.")
    assert all("الرياضية" not in text for text, _ in result)


def test_a_known_persons_lineage_extends_the_mention(analyser):
    result = persons(analyser, "استقبل الملك سلمان بن عبدالعزيز الوفد في جدة.")
    assert result == [("سلمان بن عبدالعزيز", "King Salman")]  # the title is not part of the name
    result = persons(analyser, "هنأ الملك سلمان بن عبدالعزيز آل سعود الفائزين.")
    assert result == [("سلمان بن عبدالعزيز آل سعود", "King Salman")]
    result = persons(analyser, "هنأ الملك سلمان الفائزين.")
    assert result == [("الملك سلمان", "King Salman")]


def test_a_first_name_alone_does_not_take_another_persons_name(analyser):
    result = persons(analyser, "تحدث محمد الجندي عن الحملة. ثم ألقى محمد كلمة قصيرة.")
    assert ("محمد", "محمد") in result and ("محمد", "محمد الجندي") not in result


def test_relational_adjectives_are_not_family_names(analyser):
    result = persons(analyser, "أقيم الحفل في مركز الملك فهد الثقافي بالرياض.")
    assert all("الثقافي" not in text for text, _ in result)


def test_a_definite_adjective_between_title_and_name(analyser):
    result = persons(analyser, "وصل المبعوث الدولي ستيفان دي ميستورا إلى دمشق.")
    assert result and result[0][0].startswith("ستيفان")


def test_bism_after_a_role_is_not_a_name(analyser):
    result = persons(analyser, "توعد المتحدث العسكري باسم الحوثيين يحيى سريع بالرد.")
    assert result == [("يحيى سريع", "Yahya Saree")]


def test_a_foreign_given_name_takes_its_family_name_and_particles(analyser):
    assert persons(analyser, "وأعلن إيان هوبكنز أن التحقيق مستمر.") == [("إيان هوبكنز", "إيان هوبكنز")]
    assert persons(analyser, "وقال المدعي العام فرانسوا مولان إن الأدلة كافية.") == [("فرانسوا مولان", "فرانسوا مولان")]
    assert ("فريدريك فان لوف", "فريدريك فان لوف") in persons(analyser, "وأكد فريدريك فان لوف أن الخطر قائم.")


def test_no_family_name_from_a_pronoun_form_a_preposition_or_a_participle(analyser):
    assert persons(analyser, "وأعلن الرئيس هادي وصوله إلى الرياض.")[0][0] == "هادي"
    result = persons(analyser, "وهنأ الدكتور سالم بالانتصارات التي تحققت.")
    assert all("بالانتصارات" not in text for text, _ in result)
    result = persons(analyser, "وتحدث الشيخ مبارك مستعرضا مظاهر العيد.")
    assert all("مستعرضا" not in text for text, _ in result)


def test_a_short_quote_after_a_verb_of_saying_and_before_a_comma_is_a_name(analyser):
    assert persons(analyser, "وقال «جواو سيفا»، وهو صياد من المدينة: «سمعنا إطلاق النار».") == [("جواو سيفا", "جواو سيفا")]
    assert persons(analyser, "وأكد «الاتفاق الشامل» أن الوضع هادئ.") == []
    assert persons(analyser, "وقال «لا» للحرب.") == []


def test_names_stop_at_quote_marks_stopwords_and_prepositions(analyser):
    result = persons(analyser, "وطورت «أستون «مارتن» «فإنتاج» السيارات.")
    assert all("فإنتاج" not in text for text, _ in result)
    result = persons(analyser, "وأقيمت المباراة على ملعب الأمير فيصل بن فهد والتي حضرها الآلاف.")
    assert all("والتي" not in text for text, _ in result)
    assert persons(analyser, "واكتفى بإرسال برقية تهنئة.") == []  # not ب + «رقية»
    result = persons(analyser, "تحدث الشيخ يحيى بن محمد الشهراني قائلا إن العيد فرحة.")
    assert all("قائلا" not in text for text, _ in result)


def test_a_lineage_name_is_not_the_person_it_ends(analyser):
    text = "أصدر الملك سلمان بن عبدالعزيز آل سعود أمرا. وكان الأمير سعود يتمنى ذلك."
    assert ("سعود", "King Salman") not in persons(analyser, text)


def _entities(analyser, text):
    analysis = Analysis(id="t", title="", text=text)
    analyser(analysis)
    return [(e.text, e.type, e.canonical) for e in analysis.entities]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("اشتبكت ميليشيا لواء أبو حمزة الكربلائي مع فصائل المعارضة جنوب دمشق.", "لواء أبو حمزة الكربلائي"),
        ("وتبنت كتيبة عمر بن الخطاب الهجوم على الحاجز.", "كتيبة عمر بن الخطاب"),
        ("وانشق عناصر من كتائب «أبو موسى الأشعري» عن الفصيل.", "أبو موسى الأشعري"),
    ],
)
def test_a_unit_named_after_a_person_is_an_organisation(analyser, text, unit):
    found = _entities(analyser, text)
    assert (unit, "ORG", unit) in found
    assert not [name for name, kind, _ in found if kind == "PER"]


def test_a_person_after_an_ordinary_word_stays_a_person(analyser):
    found = _entities(analyser, "التقى وزير الخارجية أبو بكر الحسيني بنظيره أمس.")
    assert ("أبو بكر الحسيني", "PER", "أبو بكر الحسيني") in found


def test_a_common_given_name_of_the_region_opens_a_name_after_a_title(analyser):
    # «راكان» comes from the generated given_names_common.tsv, not the reviewed list
    assert ("راكان الجبوري", "راكان الجبوري") in persons(analyser, "وأعلن محافظ كركوك راكان الجبوري الحداد ثلاثة أيام.")


def test_the_generated_names_leave_out_everyday_words():
    from marsad.extract.entities.lexicons import load_lexicons
    from marsad.extract.gazetteer.keys import readings

    names = load_lexicons().given_names
    key = readings("راكان")[0][0]
    assert key in names and names[key].ambiguous
    assert not {readings(word)[0][0] for word in ("قائد", "وزير", "عطر", "أية", "صمتي")} & set(names)
