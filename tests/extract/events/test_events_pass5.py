"""Fifth pass of the events rules, written against articles the layer had never seen:
a negated verb that only speaks of a definite happening, a claim told in the relative
clause of its attack, defective verbs with a pronoun (sentences written for these tests)."""

from __future__ import annotations

from .test_events import events, of_type


def test_a_negated_copula_does_not_deny_the_definite_attack_it_speaks_of():
    text = (
        "لم يكن التفجير الانتحاري الذي ضرب سوقًا في مدينة كويتا يوم الأحد الماضي حادثًا عابرًا، "
        "بل جزءًا من حملة أوسع."
    )
    of_type(text, "Suicide bomb", location="Quetta")
    assert of_type("ليس الهجوم الانتحاري على سوق مدينة كويتا أمس الأول من نوعه.", "Suicide bomb").location == "Quetta"


def test_a_negated_verb_of_memory_keeps_the_attack_its_relative_clause_tells():
    text = "لم ينس الأهالي الهجوم الذي شنته حركة الشباب على فندق في مدينة كيسمايو يوم 12 يوليو 2019."
    of_type(text, "Attack", actor1="Al-Shabaab", location="Kismayo", date="2019-07-12")


def test_a_negated_light_verb_still_denies_the_strike():
    text = "قال المتحدث إن الطائرات لم تشن الغارة التي تحدثت عنها وسائل إعلام في مدينة إدلب أمس."
    assert "Air/drone strike" not in [e.type for e in events(text)]
    assert events("لم تقع أي غارات على مدينة إدلب أمس الثلاثاء.") == []


def test_a_claim_told_in_the_relative_clause_of_its_attack_is_a_claim():
    text = (
        "أودى التفجير الانتحاري الذي تبناه تنظيم «داعش» في مدينة جلال آباد يوم الجمعة الماضي "
        "بحياة عشرين شخصًا."
    )
    claim = of_type(text, "Claim of responsibility", actor1="Islamic State", location="Jalalabad")
    bombing = of_type(text, "Suicide bomb", location="Jalalabad")
    assert bombing.actor1 == claim.actor1


def test_a_description_in_a_relative_clause_is_still_no_statement():
    text = "سقطت الطائرة التي وصفها المتحدث بالمفخخة قرب مدينة أبها أمس."
    assert "Claim of responsibility" not in [e.type for e in events(text)]
    assert "Statement" not in [e.type for e in events(text)]


def test_the_person_at_the_end_of_a_title_and_its_body_speaks():
    text = "ودان رئيس المجلس الرئاسي لحكومة الوفاق الوطني «فايز السراج» أمس الهجوم على مدينة مصراتة."
    of_type(text, "Statement", actor1="Fayez al-Sarraj")


def test_attackers_who_blew_themselves_up_in_the_next_sentence_made_a_suicide_bombing():
    text = (
        "هاجم مسلحون أمس الثلاثاء مقر وزارة الخارجية في العاصمة الصومالية مقديشو، وقتلوا ستة موظفين. "
        "وبحسب شهود، تبادل المهاجمون إطلاق النار مع الحراس قبل أن يفجروا أنفسهم داخل المبنى."
    )
    types = [e.type for e in events(text)]
    assert types.count("Suicide bomb") == 1 and "Attack" not in types


def test_a_suicide_bombing_elsewhere_in_the_same_sentence_is_another_attack():
    text = (
        "هاجم مسلحون مبنى البلدية في وسط مدينة كابل صباح أمس، فيما فجّر انتحاري نفسه عند مدخل "
        "مسجد جنوبي المدينة."
    )
    types = sorted(e.type for e in events(text))
    assert "Suicide bomb" in types and len(types) == 2


def test_the_headquarters_of_a_civilian_body_is_no_armed_target():
    text = "قتل مسلحون أمس الثلاثاء أربعة موظفين في هجوم استهدف مقر مفوضية الانتخابات في مدينة بنغازي."
    assert "Armed clash" not in [e.type for e in events(text)]
    of_type(text, "Attack", location="Benghazi")


def test_where_the_report_is_made_is_not_where_the_event_it_tells_happened():
    text = (
        "وأعلنت وزارة الدفاع في كابل أمس أن قواتها قصفت بالمدفعية مواقع للجيش الباكستاني "
        "في مدينة جلال آباد."
    )
    assert [e.location for e in events(text) if e.type == "Shelling/artillery/missile attack"] == ["Jalalabad"]


def test_a_preposition_ends_the_name_of_a_place_the_gazetteer_does_not_know():
    text = "اعتقلت الشرطة أمس ثلاثة شبان من أبناء بلدة الزيتونة خلال مداهمة في ريف حلب."
    assert [e.location for e in events(text)] == ["الزيتونة"]


def test_a_word_for_another_weapon_before_an_attack_refers_to_another_event():
    text = (
        "وجاءت الغارات بعد يومين من الهجوم الانتحاري الذي استهدف السبت الماضي موقعًا للجيش "
        "في مدينة بيشاور شمال غربي باكستان."
    )
    of_type(text, "Suicide bomb", location="Peshawar", date="2023-05-06")


def test_a_suicide_bomber_in_a_place_told_before_is_an_event():
    text = (
        "تجمع المئات بعد ظهر أمس في ملعب مدينة كويتا لحضور مهرجان انتخابي. "
        "وفجّر انتحاري حزامه الناسف وسط الحضور قرب المنصة."
    )
    of_type(text, "Suicide bomb", location="Quetta")


def test_a_town_of_the_region_named_first_is_the_place_however_far_on():
    text = (
        "في محافظة درعا، اغتال مسلحون مجهولون، مساء أمس الثلاثاء، رجلًا من أبناء المنطقة بإطلاق "
        "النار عليه أمام منزله في مدينة طفس بالريف الغربي."
    )
    assert [e.location for e in events(text)] == ["Tafas"]


def test_dawn_written_with_its_tanween_is_no_detonation():
    text = "داهمت الشرطة فجرًا 14 منزلًا في مدينة قونية واعتقلت 8 أشخاص يشتبه بانتمائهم إلى تنظيم داعش."
    assert [e.type for e in events(text)] == ["Arrests"]


def test_to_adopt_in_the_present_is_no_claim():
    text = (
        "انفجرت عبوة ناسفة أمس في سوق مدينة الرمادي. ويرى خبراء أن الأفكار التي يتبناها التنظيم "
        "تنتشر بين الشباب، في حملة تتبناها وزارة الداخلية للتوعية."
    )
    assert "Claim of responsibility" not in [e.type for e in events(text)]


def test_the_speakers_country_stays_the_place_when_the_report_names_no_town():
    text = (
        "قالت وزارة الداخلية في البحرين أمس إن السلطات أحبطت محاولة لتهريب أسلحة عن طريق اثنين "
        "من مواطنيها على علاقة بإيران."
    )
    assert [e.location for e in events(text) if e.type == "Disrupted weapons use"] == ["Bahrain"]


def test_the_report_place_gives_way_only_up_to_the_next_saying():
    text = (
        "أعلنت وزارة الداخلية في بغداد أمس أن قواتها اعتقلت خمسة مطلوبين في مدينة الموصل، "
        "وأعلنت استدعاء سفيرها في طهران."
    )
    assert [e.location for e in events(text) if e.type == "Arrests"] == ["Mosul"]


def test_an_armys_fire_is_not_made_a_suicide_bombing_by_the_next_sentence():
    text = (
        "اشتبك الجيش التركي أمس الخميس مع مسلحين قرب بلدة كلس الحدودية. "
        "وفجّر أحد المسلحين نفسه خلال المواجهة."
    )
    of_type(text, "Armed clash", actor1="Turkish Armed Forces", location="Kilis")


def test_strikes_on_two_regions_after_a_dual_region_noun_are_two_events():
    text = "شنت طائرات حربية باكستانية أمس غارات على منازل في ولايتي خوست وبكتيكا شرقي أفغانستان."
    assert sorted(e.location for e in events(text) if e.type == "Air/drone strike") == ["Khost", "Paktika"]


def test_arrests_told_on_without_their_maker_are_made_by_the_one_named_before():
    text = (
        "أوقفت الشرطة التركية، أمس الأربعاء، 27 شخصًا في حملة مداهمات في مدينة إسطنبول. "
        "وفي مدينة قونية، ألقي القبض على ثمانية آخرين، فيما اعتقلت عناصر أخرى خمسة في مدينة أنقرة."
    )
    arrests = {e.location: e.actor1 for e in events(text) if e.type == "Arrests"}
    assert arrests.get("Ankara") == "Police Forces of Turkey"


def test_a_country_or_capital_right_after_that_acts_and_is_no_place():
    text = "وقال المسؤول أمس إن واشنطن حمّلت التنظيم مسؤولية الهجوم الذي استهدف أمس سوقًا شعبية."
    assert "Washington, D.C." not in [e.location for e in events(text)]
    text = "وأعلن الجيش أمس أن طهران أطلقت صواريخ باليستية على مواقع للقوات الأمريكية."
    assert "Tehran" not in [e.location for e in events(text)]
    text = "وقال القائد أمس إن لحج باتت على وشك التحرير بعد معارك عنيفة مع الحوثيين في أطرافها."
    assert [e.location for e in events(text) if e.type == "Armed clash"] == ["Lahij"]


def test_a_speaker_who_visited_a_town_spoke_there():
    text = (
        "قتل 20 شخصًا يوم السبت الماضي في تفجير انتحاري في مدينة مايدوغوري. "
        "وزار حاكم ولاية بورنو «باباغانا زولوم» المدينة أمس، ودان التفجير في كلمة أمام الأهالي."
    )
    of_type(text, "Statement", actor1="Babagana Zulum", location="Maiduguri")


def test_a_visit_the_speaker_asks_for_is_not_where_he_spoke():
    text = (
        "ودعا الرئيس اليمني خلال لقائه اليوم المبعوث الأممي في الرياض إلى زيارة عدن، "
        "مؤكدًا أن المدينة تستقبل المساعدات بعد معارك عنيفة مع الحوثيين."
    )
    assert "Aden" not in [e.location for e in events(text) if e.type == "Statement"]


def test_a_date_between_an_attack_and_its_target_takes_no_room():
    text = (
        "تبنت حركة الشباب الهجوم الذي استهدف فجر أمس الأحد الثاني عشر من الشهر قاعدة عسكرية "
        "تستخدمها القوات الكينية في مقاطعة لامو."
    )
    assert "Attack" not in [e.type for e in events(text)]


def test_a_dateline_is_where_the_report_was_filed_not_where_the_event_was():
    text = "نيامي - قُتل عشرون مدنيًا أمس الثلاثاء في هجوم شنه مسلحون على سوق في إقليم تاهوا غربي النيجر."
    assert [e.location for e in events(text)] == ["Tahoua"]


def test_a_dateline_is_the_place_when_no_other_is_told():
    text = "بغداد - قُتل 35 شخصًا، مساء أمس الثلاثاء، إثر تفجير انتحاري استهدف سوقًا شعبية مكتظة."
    of_type(text, "Suicide bomb", location="Baghdad")
