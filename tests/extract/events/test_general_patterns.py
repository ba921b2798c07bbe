"""General patterns of news found by probing the layer with sentences of our own (not from
any gold article): who acts (fighters of a group, a unit of a force, a weapon with a
demonym, «قواتنا»), who is hit, what is announced, what a message's place is, and what is
not an event (a court case's charges)."""

from __future__ import annotations

import pytest

from .test_events import events, of_type


@pytest.mark.parametrize(
    ("text", "type_name", "actor"),
    [
        ("هاجم مسلحون من حركة الشباب قاعدة عسكرية في مدينة بلدوين.", "Armed clash", "Al-Shabaab"),
        ("اختطف مسلحون ينتمون إلى جماعة بوكو حرام عشرة مزارعين في ولاية بورنو.", "Abduction/forced disappearance", "Boko Haram"),
        ("هاجم مسلحون تابعون لتنظيم داعش حاجزًا للجيش العراقي في قضاء الطارمية.", "Armed clash", "Islamic State"),
        # «شنه»: a light verb with its object pronoun still names the doer after it
        ("قُتل ثلاثة جنود في هجوم شنه مسلحون من حركة الشباب على قاعدة عسكرية في مدينة بلدوين.", "Armed clash", "Al-Shabaab"),
    ],
)
def test_fighters_of_a_named_group_are_that_group(text, type_name, actor):
    assert of_type(text, type_name).actor1 == actor


@pytest.mark.parametrize(
    "text",
    [
        "اختطف مسلحون مجهولون عشرة مزارعين في ولاية بورنو.",
        "هاجم مسلحون يشتبه في انتمائهم إلى بوكو حرام قرية في ولاية بورنو وقتلوا خمسة مزارعين.",
    ],
)
def test_unknown_or_suspected_gunmen_stay_unknown(text):
    violent = [event for event in events(text) if event.type in ("Abduction/forced disappearance", "Attack")]
    assert violent and all(event.actor1 is None for event in violent)


def test_the_owner_of_what_was_hit_is_the_target_not_the_actor():
    event = of_type("انفجرت عبوة ناسفة بدورية للجيش الصومالي قرب مقديشو، ما أدى إلى مقتل جنديين.", "Remote explosive/landmine/IED")
    assert event.actor1 is None and event.actor2 == "Somali National Army"


def test_a_unit_after_the_verb_acts_for_the_force_it_belongs_to():
    assert of_type("اعتقلت دورية للجيش العراقي ثلاثة مطلوبين في الموصل.", "Arrests").actor1 == "Iraqi Security Forces"


def test_the_group_of_a_member_killed_does_not_do_the_killing():
    event = of_type("أعلنت وزارة الدفاع الأمريكية مقتل قيادي في تنظيم القاعدة بغارة جوية في إدلب.", "Air/drone strike")
    assert event.actor1 != "Al-Qaeda"


def test_a_member_still_speaks_for_his_group():
    assert of_type("أدان قيادي في حركة حماس الغارة الإسرائيلية على مخيم جنين.", "Statement").actor1 == "Hamas"


def test_a_weapon_with_a_demonym_after_the_verb_acts_for_that_country():
    event = of_type("قصفت المدفعية التركية قرى في محيط منبج شمال سوريا.", "Shelling/artillery/missile attack")
    assert event.actor1 == "Turkish Armed Forces"


def test_our_forces_in_a_spokesmans_words_are_his_group():
    text = "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواتنا سيطرت على مدينة سرت."
    assert of_type(text, "Non-state actor overtakes territory").actor1 == "Libyan National Army"


def test_a_definite_noun_announced_by_ilan_is_news_not_a_reference():
    event = of_type("أعلنت وزارة الداخلية السعودية القبض على خلية إرهابية مكونة من ستة أشخاص في محافظة القطيف.", "Arrests")
    assert event.location == "Qatif"


def test_the_definite_object_of_a_condemnation_is_still_a_reference():
    assert [e.type for e in events("دان الاتحاد الأوروبي الهجوم على السفارة.")] == ["Statement"]


def test_a_group_after_its_head_noun_and_a_demonym_with_tanween():
    text = "قتل 14 جنديًا نيجيريًا على الأقل في هجوم شنه مسلحون من تنظيم ولاية غرب إفريقيا على قاعدة عسكرية."
    event = of_type(text, "Armed clash")
    assert event.actor1 == "Islamic State West Africa Province"
    assert event.location is None  # «نيجيريًا» (Nigerian, with tanween) is not Nigeria


def test_fighters_in_construct_with_their_group_are_left_to_the_name():
    text = "تواصلت المعارك العنيفة في مدينة رأس العين بين مقاتلي «قسد» وفصائل «الجيش الوطني السوري»."
    event = of_type(text, "Armed clash")
    assert (event.actor1, event.actor2) == ("Syrian Democratic Forces", "Syrian National Army")


def test_a_country_a_message_is_aimed_at_is_not_where_it_was_said():
    text = "قتلت غارة أمريكية قائد فيلق القدس قرب مطار بغداد أمس. وتوعد المرشد الإيراني علي خامنئي بـ«انتقام قاس» من الولايات المتحدة."
    event = of_type(text, "Threat")
    assert event.location is None


def test_the_charges_of_a_court_case_are_not_events():
    assert events("أدانت المحكمة المدعى عليه بقيامه بإطلاق نار على دورية أمنية في القطيف.") == []


def test_two_speakers_joined_by_wa_make_a_statement_each():
    text = "قتل عشرون مدنيًا في قصف على مدينة الفاشر أمس. ودعا الاتحاد الأوروبي والجامعة العربية إلى وقف فوري لإطلاق النار."
    speakers = sorted(e.actor1 for e in events(text) if e.type == "Statement")
    assert speakers == ["Arab League", "European Union"]


def test_an_earlier_attack_told_with_its_own_day_and_town_is_an_event():
    text = (
        "قتل مسلح 12 شخصًا في مطعم بمدينة إزمير ليلة السبت. "
        "ويأتي الهجوم بعد أسبوعين من تفجير قرب محطة للحافلات في أنقرة في 3 مارس الماضي، تبنته جماعة «صقور حرية كردستان»."
    )
    past = of_type(text, "Remote explosive/landmine/IED")
    assert (past.location, past.date) == ("Ankara", "2023-03-03")


def test_a_demonym_on_a_strike_names_the_countrys_army_not_its_coast_guard():
    assert of_type("قتل ثلاثة أشخاص في غارة يمنية على موقع للحوثيين في مأرب.", "Air/drone strike").actor1 == "Yemeni Armed Forces"
