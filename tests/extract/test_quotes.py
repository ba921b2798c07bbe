"""The quotes layer on our own Arabic sentences: speech versus names and titles, the
reporting verb, the speaker (from entities when the entities layer ran, from the text
when it did not), exact offsets."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import QuotesAnalyser
from marsad.extract.quotes.marks import quote_regions
from marsad.extract.textlayer import SentencesAnalyser, TokensAnalyser
from marsad.model import Analysis, Document, Entity

ANALYSERS = (TokensAnalyser(), SentencesAnalyser(), QuotesAnalyser())


def analyse(text: str, entities: list[tuple[str, str, str | None]] | None = None, occurrence: int = 1) -> Analysis:
    """Run the quotes analyser; `entities` are (surface, type, canonical) placed at their
    first occurrence in the text, as an entities layer would have found them."""
    analysis = Analysis.of(Document("t", "", text))
    for surface, kind, canonical in entities or []:
        start = text.index(surface)
        analysis.entities.append(Entity(start, start + len(surface), surface, kind, canonical))
    for analyser in ANALYSERS:
        analyser(analysis)
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
        if quote.verb is not None:
            assert text[quote.verb_start : quote.verb_end] == quote.verb
    return analysis


def said(text: str, entities=None) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.verb) for q in analyse(text, entities).quotes]


# -- speech, introduced in the usual ways ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "وقال وزير الخارجية العراقي في مؤتمر صحفي: «لن نسمح بعودة الإرهاب إلى مدننا».",
            ("لن نسمح بعودة الإرهاب إلى مدننا", "وزير الخارجية العراقي", "قال"),
        ),
        (
            "وأكد المتحدث باسم الجيش الليبي أن «القوات تتقدم نحو العاصمة».",
            ("القوات تتقدم نحو العاصمة", "المتحدث باسم الجيش الليبي", "أكد"),
        ),
        ("«نحن مستعدون للحوار»، قال رئيس الوزراء في كلمة متلفزة.", ("نحن مستعدون للحوار", "رئيس الوزراء", "قال")),
        ("وقال مصدر أمني لوكالة الأنباء: «تم إحباط الهجوم».", ("تم إحباط الهجوم", "مصدر أمني", "قال")),
        (
            'وكتب الباحث على حسابه في تويتر: "التنظيم يحاول استعادة صورته".',
            ("التنظيم يحاول استعادة صورته", "الباحث", "كتب"),
        ),
        (
            "وتساءل المحلل السياسي: “من يحمي المدنيين في هذه الحرب؟”",
            ("من يحمي المدنيين في هذه الحرب؟", "المحلل السياسي", "تساءل"),
        ),
        (
            "وحذّرت القيادة المركزية الأمريكية من أن «أي هجوم جديد سيقابَل برد حاسم».",
            ("أي هجوم جديد سيقابَل برد حاسم", "القيادة المركزية الأمريكية", "حذّرت"),
        ),
        (
            "وتوعّد زعيم التنظيم في تسجيل صوتي بأن «المعركة طويلة».",
            ("المعركة طويلة", "زعيم التنظيم", "توعّد"),
        ),
    ],
)
def test_speech_with_speaker_and_verb_from_the_text(text, expected):
    assert said(text) == [expected]


def test_participle_after_the_main_clause_takes_its_subject():
    text = "وأعلن الناطق باسم الحركة انسحاب المقاتلين من البلدة، مؤكدًا: «سنعود قريبًا إليها»."
    assert said(text) == [("سنعود قريبًا إليها", "الناطق باسم الحركة", "مؤكدًا")]


def test_a_second_verb_shares_the_subject_of_the_first():
    text = "وتوعّد الرئيس الصومالي حسن شيخ محمود بملاحقة المسلحين، وقال في كلمة متلفزة: «لن نسمح للإرهابيين بتحديد مصيرنا»."
    quote = "لن نسمح للإرهابيين بتحديد مصيرنا"
    # from the text alone, the role and name; with the entities layer, the person's canonical name
    assert said(text) == [(quote, "الرئيس الصومالي حسن شيخ محمود", "قال")]
    assert said(text, [("حسن شيخ محمود", "PER", "Hassan Sheikh Mohamud")]) == [(quote, "Hassan Sheikh Mohamud", "قال")]


def test_names_after_ranks_and_roles_but_not_verbal_nouns():
    text = "وقال المتحدث العسكري العميد محمد سمير إن «القوات تواصل تمشيط المنطقة»."
    assert said(text)[0][1] == "المتحدث العسكري العميد محمد سمير"
    text = "وقال الرئيس الروسي فلاديمير بوتين في خطاب: «سينال المنفذون عقابهم»."
    assert said(text)[0][1] == "الرئيس الروسي فلاديمير بوتين"


def test_a_participle_never_takes_the_words_after_it_as_speaker():
    text = "وقال رئيس الوزراء في كلمة إن «ما حدث مؤامرة»، داعيًا المواطنين إلى «حمل السلاح والتطوع للدفاع عن المدن»."
    assert [q[1:] for q in said(text)] == [("رئيس الوزراء", "قال"), ("رئيس الوزراء", "داعيًا")]


def test_transmitted_words_belong_to_the_source_not_the_carrier():
    text = "ونقلت وكالة الأنباء الرسمية عن مسؤول أمني قوله إن «الحدود مغلقة حتى إشعار آخر»."
    assert said(text) == [("الحدود مغلقة حتى إشعار آخر", "مسؤول أمني", "نقلت")]


def test_role_with_a_genitive_of_its_organisation_then_the_name():
    text = "وقال عضو المجلس السياسي للجماعة محمد علي الحوثي إن «الرد سيكون قاسيًا جدًا»."
    assert said(text)[0][1] == "عضو المجلس السياسي للجماعة محمد علي الحوثي"


def test_a_follow_up_quote_keeps_the_previous_speaker():
    text = "وقال وزير الدفاع: «العملية مستمرة حتى تحقيق أهدافها».\nوأضاف: «لن نتوقف قبل تحرير آخر قرية»."
    assert [q[1] for q in said(text)] == ["وزير الدفاع", "وزير الدفاع"]
    assert said(text)[1][2] == "أضاف"


def test_attribution_without_a_verb():
    text = "وبحسب المرصد فإن «الاشتباكات أسفرت عن مقتل عشرين عنصرًا من الطرفين»."
    assert said(text) == [("الاشتباكات أسفرت عن مقتل عشرين عنصرًا من الطرفين", "المرصد", None)]


def test_attribution_after_the_quote():
    text = "«انسحب المسلحون من المدينة تحت غطاء ناري كثيف»، بحسب شهود عيان."
    assert said(text) == [("انسحب المسلحون من المدينة تحت غطاء ناري كثيف", "شهود عيان", None)]


def test_a_one_word_answer_after_a_verb_and_colon_is_speech():
    assert said("سُئل الوزير عن الانسحاب فقال: «لا».") == [("لا", "الوزير", "قال")]


def test_partial_quote_inside_indirect_speech():
    text = "وسارعت الحركة إلى تبني الهجوم، زاعمةً أن الفندق «وكر للمرتدين والمسؤولين الحكوميين»."
    assert said(text) == [("وكر للمرتدين والمسؤولين الحكوميين", "الحركة", "زاعمةً")]


def test_a_description_of_two_words_or_more_is_a_quote():
    # tests/gold/decisions-a.md: attributed words of two or more are quotes, with verbs
    # such as وصف and سمّى; a single quoted word is a label
    assert said("ووصف الوزير الهجوم بأنه «عمل جبان».") == [("عمل جبان", "الوزير", "وصف")]
    assert said("ودان الرئيس ما وصفه بـ«العدوان الغاشم» على البلاد.")[0][0] == "العدوان الغاشم"
    assert said("ووصف الوزير الهجوم بـ«الجبان».") == []


# -- names, titles and terms are not speech ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأطلق الجيش التركي عملية «نبع السلام» في شمال سوريا.",
        "ونشرت مؤسسة «الفرقان» تسجيلًا جديدًا للتنظيم.",
        "وقرأ الطلاب كتاب «إدارة التوحش» خلال الدورة.",
        "زاعمًا أنه استهدف «الرافضة» في بغداد.",
        "أعلنت «قوات سوريا الديمقراطية» سيطرتها على البلدة.",
        "وتبنى الهجوم القيادي في التنظيم «أبو عمر الشيشاني» عبر رسالة صوتية.",
        "وكتب شخص يُدعى «سامر عبد الكريم» منشورًا على فيسبوك.",
        "وانتشر وسم «كلنا مع الجيش» على مواقع التواصل.",
        "ونشر الكاتب مقالًا بعنوان: «الطريق إلى السلام يمر عبر العدالة».",
        "وسيطرت الفصائل على قرى في ريف «حلب» الغربي.",
        "The minister said: «we will win».",
        "«لم يُغلق هذا القوس",
        "",
    ],
)
def test_not_speech(text):
    assert said(text) == []


def test_an_entity_covering_the_quote_makes_it_a_name():
    text = "وقال الجيش إن «الدولة الإسلامية في العراق والشام» فقدت آخر معاقلها."
    assert said(text, [("الدولة الإسلامية في العراق والشام", "ORG", "Islamic State")]) == []
    assert said(text)  # without the entity, the text alone cannot tell


# -- speakers from the entities layer --------------------------------------------------------------------------


def test_speaker_is_the_canonical_name_of_the_entity_after_the_verb():
    text = "وقال قائد الهيئة أبو محمد الجولاني في بيان: «المعركة تهدف إلى إعادة المهجرين»."
    entities = [("أبو محمد الجولاني", "PER", "Abu Mohammad al-Julani")]
    [quote] = analyse(text, entities).quotes
    assert (quote.speaker, quote.verb) == ("Abu Mohammad al-Julani", "قال")
    assert text[quote.speaker_start : quote.speaker_end] == "أبو محمد الجولاني"


def test_speaker_before_the_verb_skips_entities_after_prepositions():
    # the spokesman blames the coalition: «للتحالف الدولي» is not who speaks
    text = (
        "وفي الخطاب نفسه، اشتكى التنظيم من حرب شرسة على أتباعه، محملًا المتحدث المسؤولية "
        "بالتحالف الدولي، قائلًا: «إنه يرتكب مجازر بحق النساء والأطفال»."
    )
    entities = [
        ("التنظيم", "ORG", "Islamic State"),
        ("المتحدث", "PER", "أبو حسن المهاجر"),
        ("التحالف الدولي", "ORG", "Global Coalition Against Daesh"),
    ]
    [quote] = analyse(text, entities).quotes
    assert (quote.text, quote.speaker, quote.verb) == ("إنه يرتكب مجازر بحق النساء والأطفال", "أبو حسن المهاجر", "قائلًا")
    assert text[quote.speaker_start : quote.speaker_end] == "المتحدث"


def test_speaker_before_the_verb_skips_entities_after_a_preposition_word():
    text = "وألقى المتحدث اللوم على التحالف الدولي، قائلًا: «الغارات قتلت العشرات من المدنيين»."
    entities = [("المتحدث", "PER", "أبو حسن المهاجر"), ("التحالف الدولي", "ORG", "Global Coalition Against Daesh")]
    assert [q[1] for q in said(text, entities)] == ["أبو حسن المهاجر"]


def test_entity_without_canonical_name_gives_its_text():
    text = "وقال نبيل نعيم في حديث تلفزيوني: «التنظيم مضطر إلى هذا الخطاب»."
    assert said(text, [("نبيل نعيم", "PER", None)]) == [("التنظيم مضطر إلى هذا الخطاب", "نبيل نعيم", "قال")]


def test_attribution_names_an_organisation_entity():
    text = "ووفقًا لـوكالة أعماق فإن «مقاتلي الدولة نفذوا الهجوم على الثكنة»."
    entities = [("وكالة أعماق", "ORG", "Amaq News Agency")]
    assert said(text, entities) == [("مقاتلي الدولة نفذوا الهجوم على الثكنة", "Amaq News Agency", None)]
    [quote] = analyse(text).quotes  # from the text alone: the words after «وفقًا لـ»
    assert text[quote.speaker_start : quote.speaker_end] == "وكالة أعماق"


def test_seed_quote_is_found_with_its_verb(seed_body):
    quotes = {q.text: q for q in analyse(seed_body).quotes}
    quote = quotes["إنه يرتكب مجازر ضد الدواعش في الباغوز"]
    assert quote.verb == "قائلًا"
    assert quote.speaker == "المتحدث"  # «أبو حسن المهاجر» once the entities layer resolves it
    assert "أبو حسن المهاجر" not in quotes and "قسد" not in quotes and "قوات سوريا الديمقراطية" not in quotes


# -- quotation marks --------------------------------------------------------------------------------------------------


def test_quote_regions_are_outermost_matched_and_stay_in_their_paragraph():
    text = "قال: «إن «داعش» انتهى» ثم \"قال آخر\" و«لم يُغلق\n\nهنا» “وهذا”"
    regions = [text[r.start : r.end] for r in quote_regions(text)]
    assert regions == ["إن «داعش» انتهى", "قال آخر", "وهذا"]


# -- speakers through roles, participles and outlets (with the entities layer) ---------------------


def quotes_with_entities(text: str, published=None):
    from marsad.extract.entities import EntitiesAnalyser

    analysis = Analysis.of(Document("t", "", text, published=published))
    for analyser in (TokensAnalyser(), SentencesAnalyser(), EntitiesAnalyser(), QuotesAnalyser()):
        analyser(analysis)
    return [(q.text, q.speaker, q.verb) for q in analysis.quotes]


def test_the_name_a_role_introduces_is_the_speaker():
    text = "وقال المتحدث باسم العملية، «رضا عيسى»، إن «القوات تتقدم في كل المحاور»."
    assert quotes_with_entities(text) == [("القوات تتقدم في كل المحاور", "رضا عيسى", "قال")]
    text = "وقال القائد العام لـ«قسد» مظلوم عبدي إن «المعركة لم تنته بعد»."
    assert quotes_with_entities(text)[0][1] == "Mazloum Abdi"


def test_a_participle_speaks_for_the_main_clause_not_the_outlet_in_between():
    text = "وتبنى تنظيم «داعش» الهجوم في بيان نشرته وكالة «أعماق»، زاعمًا أن مقاتليه «قتلوا عشرات الجنود في الهجوم»."
    assert quotes_with_entities(text)[0][1:] == ("Islamic State", "زاعمًا")


def test_a_feminine_participle_after_a_masculine_subject_is_the_outlet():
    text = "وتبنى التنظيم الهجوم عبر وكالة «أعماق» التي بثت صورا، زاعمةً أن عناصره «حرروا الأسرى من السجن الكبير»."
    assert quotes_with_entities("وهاجم تنظيم داعش السجن. " + text)[0][1] == "Amaq News Agency"


def test_a_role_resolved_on_the_publication_date_speaks():
    import datetime as dt

    text = "وقال وزير الدفاع الأمريكي إن بلاده «لن تقف مكتوفة الأيدي أمام الهجمات»."
    assert quotes_with_entities(text, dt.date(2019, 12, 30))[0][1] == "Mark Esper"


def test_a_lone_tatweel_after_a_speakers_role_is_no_crash():
    # a word that normalises to nothing (a tatweel used as a dash) inside the speaker's phrase
    text = "وقال المتحدث ـ في مؤتمر صحفي ـ إن «الوضع تحت السيطرة تمامًا»."
    assert [q.text for q in analyse(text).quotes] == ["الوضع تحت السيطرة تمامًا"]
