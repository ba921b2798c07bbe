"""Coverage of the actors and persons of unseen news: new aliases resolve in running text
(with clitics and with or without «حركة/جماعة»), guarded aliases stay quiet on everyday
uses, and every person's affiliation is a name the gazetteer knows.  Sentences written
for these tests in the style of Arab news sites."""

from __future__ import annotations

import pytest

from marsad.extract.entities import EntitiesAnalyser
from marsad.extract.events.actors import _country_armies
from marsad.extract.gazetteer import load_gazetteer
from marsad.model import Analysis


@pytest.fixture(scope="module")
def analyser():
    return EntitiesAnalyser()


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def found(analyser, text):
    analysis = Analysis(id="t", title="", text=text)
    analyser(analysis)
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
    return [(entity.text, entity.canonical) for entity in analysis.entities]


@pytest.mark.parametrize(
    "text, span, canonical",
    [
        ("قال قيادي في حركة العدل والمساواة إن قواته صدّت هجومًا قرب الطينة.", "حركة العدل والمساواة", "Justice and Equality Movement"),
        ("وجّه الجيش اتهامات لحركة العدل والمساواة بخرق الهدنة.", "حركة العدل والمساواة", "Justice and Equality Movement"),
        ("انسحبت قوات العدل والمساواة من المدينة بعد معارك عنيفة.", "قوات العدل والمساواة", "Justice and Equality Movement"),
        ("وتقدّم مقاتلو العدل والمساواة نحو المدينة.", "العدل والمساواة", "Justice and Equality Movement"),
        ("أعلنت حركة تحرير السودان جناح مني أركو مناوي انحيازها إلى الجيش.", "حركة تحرير السودان جناح مني أركو مناوي", "Sudan Liberation Movement/Army (Minnawi)"),
        ("ورفضت حركة عبد الواحد نور المشاركة في المفاوضات.", "حركة عبد الواحد نور", "Sudan Liberation Movement/Army (Abdul Wahid)"),
        ("سيطرت الحركة الشعبية جناح الحلو على بلدة في جنوب كردفان.", "الحركة الشعبية جناح الحلو", "Sudan People's Liberation Movement–North (al-Hilu)"),
        ("هاجمت ميليشيا الجنجويد قرى في غرب دارفور عام 2004.", "ميليشيا الجنجويد", "Janjaweed"),
        ("قصفت مسيّرات تابعة لقوات دفاع تيغراي مواقع في أمهرة.", "قوات دفاع تيغراي", "Tigray Defense Forces"),
        ("واتهمت الحكومة الإثيوبية جيش تحرير أورومو بقتل مدنيين.", "جيش تحرير أورومو", "Oromo Liberation Army"),
        ("وخاضت ميليشيا فانو معارك مع القوات الفيدرالية.", "ميليشيا فانو", "Fano (militia)"),
        ("اشتبكت كتائب الزنتان مع قوات من مصراتة جنوب العاصمة.", "كتائب الزنتان", "Zintan Brigades"),
        ("ونفّذت سرايا الدفاع عن بنغازي هجومًا على الهلال النفطي.", "سرايا الدفاع عن بنغازي", "Benghazi Defense Brigades"),
        ("واعترض خفر السواحل الليبي قاربًا يقل مهاجرين.", "خفر السواحل الليبي", "Libyan Coast Guard"),
        ("تقدمت ألوية العمالقة الجنوبية في مديرية بيحان.", "ألوية العمالقة الجنوبية", "Giants Brigades"),
        ("وأعلن المجلس السياسي الأعلى في صنعاء التعبئة العامة.", "المجلس السياسي الأعلى", "Supreme Political Council"),
        ("وتبنّت كتائب سيد الشهداء ضمن فصائل عراقية الهجوم، كما تبنّته سرايا الخراساني.", "سرايا الخراساني", "Saraya al-Khorasani"),
        ("وقصفت فرقة السلطان سليمان شاه قرى في ريف عفرين.", "فرقة السلطان سليمان شاه", "Sultan Suleiman Shah Division"),
        ("وانسحب عناصر فصيل العمشات من مواقعهم.", "فصيل العمشات", "Sultan Suleiman Shah Division"),
        ("وقاتل لواء أبي الفضل العباس إلى جانب قوات النظام.", "لواء أبي الفضل العباس", "Liwa Abu al-Fadl al-Abbas"),
        ("وتبنّت كتائب أبو علي مصطفى إطلاق النار على دورية.", "كتائب أبو علي مصطفى", "Abu Ali Mustafa Brigades"),
        ("هاجمت منظمة مجاهدي خلق السلطات الإيرانية في بيان.", "منظمة مجاهدي خلق", "People's Mojahedin Organization of Iran"),
        ("وأعلن حزب كومله مقتل اثنين من عناصره.", "حزب كومله", "Komala Party of Iranian Kurdistan"),
        ("تبنّت جماعة دعم الإسلام والمسلمين الهجوم على ثكنة في وسط مالي.", "جماعة دعم الإسلام والمسلمين", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("وتصدّى صيادو الدوزو لهجوم على قريتهم.", "صيادو الدوزو", "Dozo"),
        ("قتلت ميليشيا كوديكو عشرات النازحين في إيتوري.", "ميليشيا كوديكو", "CODECO"),
        ("واشتبكت ميليشيات ماي ماي مع متمردي إم 23.", "ميليشيات ماي ماي", "Mai-Mai"),
        ("وتبنّت جماعة حافظ غل بهادر الهجوم على قافلة الجيش في وزيرستان.", "جماعة حافظ غل بهادر", "Hafiz Gul Bahadur Group"),
        ("وقالت جبهة حرية أفغانستان إنها استهدفت موقعًا لطالبان.", "جبهة حرية أفغانستان", "Afghanistan Freedom Front"),
        ("وانتشرت قوات بعثة يونميس في جوبا.", "بعثة يونميس", "United Nations Mission in South Sudan"),
        ("ودعا مجلس السلم والأمن الأفريقي إلى وقف القتال.", "مجلس السلم والأمن الأفريقي", "African Union Peace and Security Council"),
    ],
)
def test_new_actor_aliases_resolve_in_running_text(analyser, text, span, canonical):
    assert (span, canonical) in found(analyser, text)


def test_a_group_name_that_is_also_a_phrase_needs_a_cue(analyser):
    """«جيش المهدي» is also the Mahdi's army of apocalyptic rhetoric (ambiguous.tsv)."""
    assert ("جيش المهدي", "Mahdi Army") in found(analyser, "وأعلن مسلحو جيش المهدي انسحابهم من المدينة.")
    assert found(analyser, "ويزعم الكاتب أن جيش المهدي سيخرج من الشرق.") == []


@pytest.mark.parametrize(
    "text, span, canonical",
    [
        ("وقال عبد العزيز الحلو إن الحركة لن توقّع الاتفاق.", "عبد العزيز الحلو", "Abdelaziz al-Hilu"),
        ("ووصل مني أركو مناوي حاكم إقليم دارفور إلى بورتسودان.", "مني أركو مناوي", "Minni Minnawi"),
        ("وقال القيادي في الجبهة الشعبية لتحرير تيغراي دبرصيون جبراميكائيل إن الاتفاق صامد.", "دبرصيون جبراميكائيل", "Debretsion Gebremichael"),
        ("واستقبل الرئيس الأوغندي يويري موسيفيني نظيره الرواندي بول كاغامي.", "بول كاغامي", "Paul Kagame"),
        ("وأعلن غنيوة الككلي دعمه لحكومة الوحدة.", "غنيوة الككلي", "Abdel Ghani al-Kikli"),
        ("وقال نائب رئيس مجلس السيادة مالك عقار إن المعارك ستتوقف.", "مالك عقار", "Malik Agar"),
        ("وقال العميد طارق صالح إن قواته جاهزة.", "طارق صالح", "Tareq Saleh"),
    ],
)
def test_new_persons_resolve(analyser, text, span, canonical):
    assert (span, canonical) in found(analyser, text)


@pytest.mark.parametrize(
    "text, alias",
    [
        ("وقال إن أصحاب الكهف لبثوا في كهفهم سنين عددًا.", "أصحاب الكهف"),
        ("ودعا الخطيب جند الخلافة إلى الثبات في المعركة.", "جند الخلافة"),
        ("ورفع المتظاهرون لواء القدس في الساحة.", "لواء القدس"),
        ("وتحدث المؤرخ عن فتح الإسلام بلاد الشام.", "فتح الإسلام"),
        ("وطالب المشجعون بالعدل والمساواة بين الأندية.", "العدل والمساواة"),
        ("ورحل حامل لواء التوحيد والإصلاح في بلاده.", "لواء التوحيد"),
        ("وباع مالك عقار في وسط المدينة شقته الأسبوع الماضي.", "مالك عقار"),
        ("وقال المواطن طارق صالح إنه انتظر ساعات أمام المخبز.", "طارق صالح"),
    ],
)
def test_guarded_aliases_stay_quiet_on_everyday_uses(analyser, gazetteer, text, alias):
    resolved = gazetteer.resolve(alias)
    assert resolved is not None  # the alias is in the gazetteer ...
    assert resolved.canonical not in {canonical for _, canonical in found(analyser, text)}  # ... but not read here


def test_everyday_words_are_not_new_aliases(analyser):
    """«إيقاد» (kindling) is no alias of IGAD; «الصحوات» in militant writing is not the Sons of Iraq."""
    assert found(analyser, "جرى إيقاد الشموع في الساحة إحياءً للذكرى.") == []
    assert all(canonical != "Sons of Iraq" for _, canonical in found(analyser, "وهاجم البيان فصائل الصحوات في الشمال."))


def test_every_person_affiliation_and_actor_parent_is_known(gazetteer):
    for canonical, entries in gazetteer.entries.items():
        for entry in entries:
            if entry.affiliation:
                assert gazetteer.entry(entry.affiliation) is not None, (canonical, entry.affiliation)
            if entry.parent:
                assert gazetteer.entry(entry.parent) is not None, (canonical, entry.parent)


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("JEM", "Justice and Equality Movement"),
        ("SPLM-N", "Sudan People's Liberation Movement–North"),
        ("TPLF", "Tigray People's Liberation Front"),
        ("Hemedti", "Mohamed Hamdan Dagalo"),
        ("FDLR", "Democratic Forces for the Liberation of Rwanda"),
        ("Mai Mai", "Mai-Mai"),
        ("Kataib Jund al-Imam", "Kata'ib Jund al-Imam"),
    ],
)
def test_english_names_of_new_actors_resolve(gazetteer, name, canonical):
    assert gazetteer.resolve(name).canonical == canonical


@pytest.mark.parametrize(
    "country, army",
    [
        ("Libya", None),  # the coast guard is the GNU's, not Libya's army
        ("South Sudan", "South Sudan People's Defence Forces"),  # the SPLA is the SPLM's
        ("Tunisia", "Military Forces of Tunisia"),  # not the National Guard
        ("Morocco", "Military Forces of Morocco"),  # not the BCIJ or the DGST
        ("Eritrea", "Eritrean Defence Forces"),
    ],
)
def test_a_new_state_body_does_not_stand_as_its_countrys_army(gazetteer, country, army):
    """The events layer names «غارة ليبية» after the country's first parentless state force."""
    assert _country_armies(gazetteer).get(country) == army
