"""Fourth pass of the events rules: suicide bombings told inside a claim, deals between two
named sides, strikes told by their speaker, sources after «بحسب», and weapon words inside a
channel's name (sentences written for these tests)."""

from __future__ import annotations

from .test_events import events, of_type


def test_a_suicide_bombing_described_inside_a_claim_is_an_event_of_its_own():
    text = (
        "أعلن تنظيم داعش في بيان نشرته وكالة أعماق مسؤوليته عن التفجير الانتحاري الذي ضرب سوقًا "
        "شعبية في مدينة الرمادي صباح أمس الثلاثاء، وأسفر عن مقتل 12 مدنيًا."
    )
    of_type(text, "Suicide bomb", actor1="Islamic State", location="Ramadi", date="2023-05-09")
    of_type(text, "Claim of responsibility", actor1="Islamic State", location="Ramadi")


def test_a_later_mention_of_the_bombing_without_place_and_day_stays_evidence():
    text = (
        "فجّر انتحاري سيارة مفخخة قرب حاجز للجيش في مدينة الرمادي صباح أمس الثلاثاء. "
        "ودان رئيس الوزراء العراقي التفجير الذي وصفه بالجبان."
    )
    assert [e.type for e in events(text)].count("Suicide bomb") == 1


def test_the_first_side_of_a_deal_joined_by_and_is_actor1():
    text = "وقّعت الولايات المتحدة وحركة طالبان أمس الثلاثاء في الدوحة اتفاقًا لانسحاب القوات الأجنبية من أفغانستان."
    of_type(text, "Agreement", actor1="United States", actor2="Taliban")
    text = "توصل الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان أمس في موسكو إلى اتفاق لوقف إطلاق النار في إدلب."
    of_type(text, "Agreement", actor1="Vladimir Putin", actor2="Recep Tayyip Erdoğan", location="Moscow")


def test_a_force_told_with_the_speakers_pronoun_acts_for_the_speaker():
    text = "أعلن التحالف العربي بقيادة السعودية أن مقاتلاته شنت أمس سلسلة غارات على مواقع لجماعة الحوثي في مدينة صعدة."
    of_type(text, "Air/drone strike", actor1="Saudi-led Coalition", actor2="Houthis")


def test_a_name_after_according_to_is_the_source_not_the_target():
    text = "اغتال مسلحون من حركة طالبان أمس مدير مركز إعلامي حكومي في كابل، بحسب وزارة الداخلية الأفغانية."
    event = of_type(text, "Attack", actor1="Taliban", location="Kabul")
    assert event.actor2 == "Civilians"


def test_a_channels_name_gives_no_weapon():
    text = (
        "أعلن المتحدث العسكري باسم الحوثيين يحيى سريع في بيان بثته قناة «المسيرة» أن الجماعة "
        "استهدفت أمس مطار أبها بصاروخ مجنح."
    )
    assert "Air/drone strike" not in [e.type for e in events(text)]


def test_a_projectile_launched_at_an_airport_is_a_missile_attack():
    text = "أصيب 26 مدنيًا أمس إثر سقوط مقذوف أطلقته جماعة الحوثي على صالة القدوم في مطار أبها الدولي."
    of_type(text, "Shelling/artillery/missile attack", actor1="Houthis", location="Abha")


def test_what_a_group_says_it_will_do_is_a_statement():
    text = (
        "وقّعت الولايات المتحدة وحركة طالبان أمس في الدوحة اتفاقًا. وأعلنت الحركة في بيان نشره "
        "المتحدث باسمها على «تويتر» أن مقاتليها سيوقفون الهجمات على القوات الأجنبية."
    )
    of_type(text, "Statement", actor1="Taliban")


def test_a_claimed_series_told_by_country_is_upgraded_by_its_town_and_gives_the_claim_its_place():
    text = (
        "أعلن تنظيم داعش عبر وكالة أعماق، أمس الثلاثاء، مسؤوليته عن سلسلة التفجيرات الانتحارية التي ضربت "
        "العراق يوم الأحد الماضي. وكان انتحاريون قد فجّروا أنفسهم صباح الأحد في سوق مزدحمة في مدينة كركوك. "
        "ونشرت الوكالة صورة قالت إنها لمنفذي الهجمات."
    )
    bombing = of_type(text, "Suicide bomb", actor1="Islamic State", location="Kirkuk")
    assert bombing.date == "2023-05-07"
    of_type(text, "Claim of responsibility", actor1="Islamic State", location="Kirkuk")
    of_type(text, "Propaganda release", actor1="Islamic State", location="Kirkuk")


def test_a_group_that_claimed_an_attack_telling_of_it_again_makes_no_new_attack():
    text = (
        "تبنت حركة الشباب التفجيرين اللذين استهدفا وزارة التعليم في العاصمة مقديشو يوم السبت. "
        "وقالت الحركة في بيان إن مقاتليها استهدفوا الوزارة، مهددة بمواصلة الهجمات."
    )
    found = [e.type for e in events(text)]
    assert "Armed clash" not in found and found.count("Remote explosive/landmine/IED") == 1, found
    of_type(text, "Threat", actor1="Al-Shabaab")


def test_a_statement_made_at_the_site_of_an_attack_is_located_there():
    text = (
        "قُتل عشرات المدنيين يوم السبت في تفجيرين بسيارتين مفخختين استهدفا وزارة التعليم في العاصمة مقديشو. "
        "ودان الرئيس الصومالي حسن شيخ محمود خلال زيارته موقع التفجيرين الهجوم، واصفًا إياه بالجبان."
    )
    of_type(text, "Statement", actor1="Hassan Sheikh Mohamud", location="Mogadishu")


def test_a_leader_named_after_his_title_and_group_noun_is_the_speaker():
    text = (
        "اغتال الجيش الإسرائيلي فجر أمس قياديًا في حركة الجهاد الإسلامي في مدينة غزة. "
        "وتوعّد الأمين العام للحركة «زياد النخالة» إسرائيل بردّ قاسٍ."
    )
    of_type(text, "Threat", actor1="Ziyad al-Nakhalah")


def test_what_a_release_says_is_the_release_not_a_statement():
    text = (
        "سيطرت قوات سوريا الديمقراطية أمس على بلدة الباغوز بعد معارك مع تنظيم داعش. "
        "في المقابل، قال المتحدث باسم التنظيم في تسجيل صوتي بثته مؤسسة «الفرقان» أمس إن مقاتليه ثابتون."
    )
    found = [e.type for e in events(text)]
    assert "Statement" not in found, found
    of_type(text, "Propaganda release", actor1="Islamic State")
