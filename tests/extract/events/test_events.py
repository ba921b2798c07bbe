"""The events analyser on sentences written for these tests (Arabic news style, general
situations; not the gold set's or the seed's sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.service import analyse_text

PUBLISHED = dt.date(2023, 5, 10)  # a Wednesday


def events(text: str, published: dt.date | None = PUBLISHED):
    analysis = analyse_text(text, "", published, only=["events"])
    for event in analysis.events:
        assert analysis.text[event.start : event.end] == analysis.text[event.evidence[0]["start"] : event.evidence[0]["end"]]
        for span in event.evidence:
            assert analysis.text[span["start"] : span["end"]] == span["text"]
        assert 0 < event.confidence <= 1
    return analysis.events


def one(text: str, **expected):
    found = events(text)
    assert len(found) == 1, [(e.type, e.actor1, e.location) for e in found]
    event = found[0]
    for field, value in expected.items():
        assert getattr(event, field) == value, (field, getattr(event, field), value)
    return event


def of_type(text: str, type_name: str, **expected):
    found = [event for event in events(text) if event.type == type_name]
    assert len(found) == 1, [(e.type, e.actor1, e.location) for e in events(text)]
    for field, value in expected.items():
        assert getattr(found[0], field) == value, (field, getattr(found[0], field), value)
    return found[0]


def kinds(text: str) -> list[str]:
    return [event.type for event in events(text)]


# --- territory -------------------------------------------------------------------------


def test_a_group_taking_a_town_overtakes_territory_and_the_fighting_is_a_clash():
    text = "سيطرت قوات سوريا الديمقراطية أمس الثلاثاء على بلدة هجين بعد معارك عنيفة مع تنظيم داعش."
    of_type(text, "Armed clash", actor1="Syrian Democratic Forces", actor2="Islamic State", location="Hajin")
    of_type(
        text,
        "Non-state actor overtakes territory",
        event_type="Battles",
        actor1="Syrian Democratic Forces",
        location="Hajin",
        date="2023-05-09",
    )


def test_a_state_force_retaking_a_city_regains_territory_and_from_names_the_loser():
    one(
        "استعاد الجيش العراقي السيطرة على مدينة الفلوجة من تنظيم داعش يوم الأحد.",
        type="Government regains territory",
        actor1="Iraqi Security Forces",
        actor2="Islamic State",
        location="Fallujah",
        date="2023-05-07",
    )


def test_the_most_specific_place_wins_over_the_region_and_the_country():
    event = events("سيطرت هيئة تحرير الشام على مدينة سراقب في ريف إدلب شمال غربي سوريا فجر اليوم.")[0]
    assert event.location == "Saraqib"
    assert event.country == "Syria" and event.latitude is not None


def test_seizing_a_ship_is_an_abduction_of_its_crew_not_territory():
    event = events("استولت جماعة الحوثي على سفينة شحن في البحر الأحمر يوم الأحد الماضي.")[0]
    assert event.type == "Abduction/forced disappearance" and event.actor1 == "Houthis"


# --- violence and its weapons --------------------------------------------------------


def test_a_light_verb_gives_the_noun_its_actor_and_a_target_marker_its_victim():
    one(
        "شنّ طيران التحالف الدولي غارات على مواقع لتنظيم داعش في مدينة الرقة فجر الجمعة.",
        type="Air/drone strike",
        event_type="Explosions/Remote violence",
        actor1="Global Coalition Against Daesh",
        actor2="Islamic State",
        location="Raqqa",
        date="2023-05-05",
    )


def test_a_demonym_on_the_weapon_names_that_countrys_army():
    one("استهدفت غارة إسرائيلية سيارة في مدينة غزة مساء أمس.", type="Air/drone strike", actor1="Israel Defense Forces", location="Gaza")
    one("سقطت قذائف مدفعية تركية على قرى قرب مدينة منبج يوم الاثنين.", type="Shelling/artillery/missile attack", actor1="Turkish Armed Forces")


def test_the_weapon_decides_the_type_of_an_attack_and_the_words_of_one_clause_make_one_event():
    one(
        "فجّر انتحاري حزامًا ناسفًا وسط حشد من المصلين في مسجد بمدينة كويتا الباكستانية صباح أمس.",
        type="Suicide bomb",
        actor2="Civilians",
        location="Quetta",
    )
    one("قُتل خمسة مدنيين بانفجار عبوة ناسفة في سوق ببغداد صباح أمس.", type="Remote explosive/landmine/IED", actor1=None, actor2="Civilians", location="Baghdad")


def test_an_attack_on_soldiers_is_a_clash_and_on_passers_by_an_attack_on_civilians():
    assert kinds("هاجم مسلحون من حركة الشباب حاجزًا للجيش الصومالي قرب مدينة كيسمايو أمس.") == ["Armed clash"]
    event = one("فتح مسلح النار على رواد مقهى في مدينة ميونخ مساء السبت.", type="Attack", actor2="Civilians")
    assert event.actor1 is None  # «مسلح»: an unnamed gunman, not a guess


def test_unknown_gunmen_are_no_actor_and_their_victims_are_civilians():
    one(
        "اختطف مسلحون مجهولون صحفيًا فرنسيًا في مدينة غاو شمالي مالي يوم السبت.",
        type="Abduction/forced disappearance",
        actor1=None,
        actor2="Civilians",
        location="Gao",
        date="2023-05-06",
    )


def test_a_passive_verb_makes_its_subject_the_victim():
    event = events("اختُطف الصحفي «جون سميث» في مدينة الرقة يوم 3 أيار 2023.")[0]
    assert event.type == "Abduction/forced disappearance"
    assert event.actor1 is None and event.date == "2023-05-03"


def test_coalition_support_is_the_associated_actor_not_actor1():
    one(
        "اقتحمت قوات سوريا الديمقراطية بلدة الشعفة بمعاونة طيران التحالف الدولي يوم الجمعة.",
        type="Armed clash",
        actor1="Syrian Democratic Forces",
        assoc_actor_1="Global Coalition Against Daesh",
        date="2023-05-05",
    )
    # a backer named as an adjective of the actor is not support in this event
    event = events("سيطرت قوات سوريا الديمقراطية المدعومة من الولايات المتحدة على بلدة هجين.")[0]
    assert event.assoc_actor_1 is None


# --- negation, modality, threats, claims ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "لم تسيطر قوات سوريا الديمقراطية على الباغوز حتى الآن.",
        "لن يسمح الجيش العراقي بسقوط الموصل مرة أخرى.",
        "نفى الجيش العراقي أن يكون قد قصف مواقع في الموصل.",
        "تعتزم حركة الشباب شن هجمات على القواعد العسكرية في مقديشو.",
        "ستسيطر القوات على المدينة خلال أيام بحسب مصادر عسكرية.",
        "حاول انتحاري تفجير نفسه قرب حاجز للشرطة في كركوك.",
        "دخلت الهدنة حيز التنفيذ من دون تسجيل أي اشتباكات في ريف حماة.",
    ],
)
def test_negated_denied_and_hypothetical_happenings_are_no_events(text):
    assert [e for e in events(text) if e.event_type != "Communication"] == []


def test_a_threat_is_a_threat_and_what_it_threatens_is_no_event():
    event = one("هدد تنظيم داعش بتنفيذ هجمات في أوروبا خلال الأعياد.", type="Threat", event_type="Communication", actor1="Islamic State")
    assert event.date is None  # no day in the text: the publication date is not the day of the event
    assert event.confidence < 0.7  # ... with lower confidence
    assert kinds("توعدت جماعة الحوثي بقصف السفن في البحر الأحمر.") == ["Threat"]


def test_an_event_known_only_from_a_claim_is_marked_claimed_by():
    event = one(
        "زعم تنظيم داعش أن عناصره هاجموا حاجزًا للجيش العراقي قرب كركوك أمس.",
        type="Armed clash",
        claimed_by="Islamic State",
        location="Kirkuk",
        date="2023-05-09",
    )
    assert event.actor1 is None


def test_a_claim_takes_the_place_and_target_of_the_attack_it_claims():
    found = events(
        "فجّر انتحاري نفسه وسط المصلين في مسجد بمدينة كويتا أمس الثلاثاء. "
        "وتبنى تنظيم داعش الهجوم في بيان نشرته وكالة أعماق."
    )
    assert [e.type for e in found] == ["Suicide bomb", "Claim of responsibility"]
    attack, claim = found
    assert claim.actor1 == "Islamic State" and claim.location == "Quetta" and claim.actor2 == "Civilians"
    assert attack.actor1 == "Islamic State"  # the attack nobody else named gets the claimer
    assert "Propaganda release" not in kinds("وتبنى تنظيم داعش الهجوم في بيان نشرته وكالة أعماق.")


def test_a_negated_claim_is_no_claim():
    assert kinds("ولم تعلن أي جهة مسؤوليتها عن التفجير حتى الآن.") == []


# --- communication -------------------------------------------------------------------


def test_a_media_foundation_releases_for_its_group():
    one("بثت مؤسسة الفرقان التابعة لتنظيم داعش تسجيلًا صوتيًا لزعيم التنظيم.", type="Propaganda release", actor1="Islamic State")


def test_a_news_agency_publishing_a_report_is_no_propaganda_release():
    assert kinds("نشرت وكالة هاوار تقريرًا عن الأوضاع في مدينة القامشلي.") == []


def test_a_condemnation_is_a_statement_of_its_speaker():
    one("دان الرئيس المصري عبد الفتاح السيسي في بيان الهجوم على الكنيسة.", type="Statement", actor1="Abdel Fattah el-Sisi")


def test_a_spokesman_telling_what_happened_is_a_source_not_a_statement():
    assert "Statement" not in kinds("وقال المتحدث باسم الجيش العراقي في بيان إن القوات سيطرت على قرية البوعيثة.")


# --- strategic developments and protests ---------------------------------------------


def test_arrests_name_the_group_the_arrested_are_suspected_of_belonging_to():
    one(
        "اعتقلت قوات الأمن العراقية خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش في الموصل.",
        type="Arrests",
        actor1="Iraqi Security Forces",
        actor2="Islamic State",
        location="Mosul",
    )


def test_a_protest_without_a_named_organiser_is_by_protesters():
    one("تظاهر آلاف المواطنين في مدينة البصرة أمس احتجاجًا على انقطاع الكهرباء.", type="Peaceful protest", actor1="Protesters", location="Basra")


def test_an_agreement_needs_to_be_concluded_and_has_both_parties():
    one(
        "توصلت الحكومة اليمنية وجماعة الحوثي إلى اتفاق لتبادل الأسرى يوم الخميس.",
        type="Agreement",
        actor1="Government of Yemen",
        actor2="Houthis",
        date="2023-05-04",
    )
    assert kinds("قال مسؤولون إن الاتفاق ما زال صامدًا.") == []


def test_a_withdrawal_hands_the_place_to_the_side_named_after_ila():
    one(
        "انسحبت قوات سوريا الديمقراطية من مدينة منبج وسلمت مواقعها إلى الجيش السوري.",
        type="Non-violent transfer of territory",
        actor1="Syrian Arab Army",
        actor2="Syrian Democratic Forces",
        location="Manbij",
    )


def test_weapons_found_in_a_raid_are_disrupted_weapons_use_not_an_explosion():
    assert kinds("عثرت الشرطة المصرية على عبوة ناسفة قرب كنيسة في مدينة الإسكندرية وفككتها.") == ["Disrupted weapons use"]


# --- one event per happening; dates ----------------------------------------------------


def test_repeated_mentions_of_one_happening_are_one_event_with_all_their_evidence():
    found = events(
        "أعلنت قوات سوريا الديمقراطية سيطرتها على بلدة هجين. "
        "وأكدت القوات أنها أحكمت سيطرتها على هجين أمس الثلاثاء بعد فرار عناصر داعش."
    )
    territory = [e for e in found if e.type == "Non-state actor overtakes territory"]
    assert len(territory) == 1
    assert len(territory[0].evidence) == 2
    assert territory[0].date == "2023-05-09"  # the dated mention gives the date


def test_a_past_event_dated_only_by_a_month_is_background():
    assert kinds("ويأتي ذلك بعد هجمات باريس التي نفذها تنظيم داعش في نوفمبر 2015.") == []


def test_without_a_publication_date_an_undated_event_has_no_date():
    event = events("سيطرت قوات سوريا الديمقراطية على بلدة هجين.", published=None)[0]
    assert event.date is None


def test_names_and_dates_are_not_triggers():
    assert kinds("التقى وفد من هيئة تحرير الشام بمسؤولين أتراك فجر أمس.") == []


@pytest.mark.parametrize(
    "text",
    ["", "   ", "The army took the town on Tuesday.", "ـــ ً ٌ", "«»، .. ؟", "قصف\n\nقصف", "فجّر ـ نفسه ًـ"],
)
def test_odd_inputs_give_events_or_nothing_but_never_fail(text):
    assert isinstance(events(text), list)


def test_an_armed_group_announcing_its_own_attack_claims_it():
    found = events(
        "استهدف صاروخ باليستي معسكرًا للجيش في مدينة مأرب صباح أمس. "
        "وأعلن المتحدث العسكري باسم الحوثيين أن قوات الجماعة استهدفت المعسكر بصاروخ باليستي."
    )
    claims = [e for e in found if e.type == "Claim of responsibility"]
    assert len(claims) == 1 and claims[0].actor1 == "Houthis" and claims[0].location == "Marib"
    attack = next(e for e in found if e.type == "Shelling/artillery/missile attack")
    assert attack.actor1 == "Houthis"  # the claimer, since the report named nobody


def test_an_event_of_last_week_has_no_day_but_is_news_and_an_old_one_is_background():
    event = one("زعمت جماعة الحوثي الأسبوع الماضي أنها أطلقت صواريخ على مدينة إيلات.", type="Shelling/artillery/missile attack")
    assert event.date is None and event.claimed_by == "Houthis"
    assert kinds("وكانت جماعة الحوثي قد أطلقت صواريخ على مدينة إيلات في مارس 2018.") == []


def test_where_a_ship_was_taken_to_is_not_where_it_was_seized():
    event = events("استولت جماعة الحوثي على سفينة شحن في البحر الأحمر أمس، واقتادتها إلى سواحل محافظة الحديدة.")[0]
    assert event.location == "Red Sea"


@pytest.mark.parametrize(
    "text",
    [
        "لماذا يتأخر تسليح العشائر لمواجهة تنظيم داعش في الأنبار؟",  # a purpose, not a clash
        "تمتلك إيران صواريخ يزيد مداها على ألفي كيلومتر.",  # weapons, not a strike
        "سلّمت الشركة عشرات الطائرات المدنية إلى عملائها في الخليج.",  # not territory
        "تظل المعركة ضد الفكر المتطرف هي الأهم.",  # a figurative battle
    ],
)
def test_analytic_prose_is_no_event(text):
    assert kinds(text) == []


def test_a_weapon_used_is_an_event_and_an_attack_suffered_is_no_purpose():
    assert kinds("قُتل جنديان حين استُهدفت دوريتهما بصاروخ موجه قرب مدينة الحديدة أمس.") == ["Shelling/artillery/missile attack"]
    assert "Attack" in kinds("تعرض مسجد في مدينة كابل لهجوم أسفر عن مقتل عشرة مصلين أمس.")


def test_who_holds_a_place_is_no_take_over():
    assert kinds("تقع القرى تحت سيطرة تنظيم داعش منذ عامين.") == []
    assert kinds("المنطقة الشرقية تخضع لسيطرة القوات الفرنسية.") == []
    taken = kinds("بعد ثلاث سنوات من اجتياح التنظيم لمدينة الموصل في العاشر من حزيران 2014.")
    assert taken == ["Non-state actor overtakes territory"]


def test_a_name_in_guillemets_is_the_actor_as_a_whole_and_after_a_title_a_speaker():
    event = one("وكان المهاجم «كريم عبد الله بوزيد» قد فتح النار على المارة في مدينة نيس في 14 يوليو 2016.", type="Attack")
    assert event.actor1 == "كريم عبد الله بوزيد" and event.date == "2016-07-14"
    one("ووصف وزير الداخلية الفرنسي «جيرار موران» الهجوم، في مؤتمر صحفي، بأنه عمل إرهابي.", type="Statement", actor1="جيرار موران")


def test_strikes_counted_out_over_two_towns_are_one_event_per_town():
    found = events(
        "شنّت مقاتلات أمريكية، أمس الأحد، غارات على ستة مواقع لتنظيم داعش، "
        "أربعة منها في مدينة الرقة واثنان في مدينة دير الزور."
    )
    assert sorted(e.location for e in found) == ["Deir ez-Zor", "Raqqa"]
    assert {(e.type, e.actor1, e.actor2, e.date) for e in found} == {
        ("Air/drone strike", "United States Armed Forces", "Islamic State", "2023-05-07")
    }


def test_a_town_the_gazetteer_does_not_know_is_reported_as_written_in_its_country():
    event = one("سيطرت هيئة تحرير الشام على بلدة كفر حمرا في ريف حلب الغربي أمس.", type="Non-state actor overtakes territory")
    assert event.location == "كفر حمرا" and event.country == "Syria" and event.latitude is None
    assert one("وقعت اشتباكات عنيفة في منطقة جبلية قرب مدينة حلب أمس.", type="Armed clash").location == "Aleppo"
    # a quarter is located at its town
    assert one("قُتل مدنيان بانفجار لغم في حي الميدان بمدينة الموصل أمس.", type="Remote explosive/landmine/IED").location == "Mosul"


def test_a_quoted_threat_without_a_subject_of_its_own_is_the_speakers():
    of_type(
        "شنّت طائرات حوثية مسيّرة، أمس الثلاثاء، هجومًا على منشأة نفطية في جازان، وقالت وزارة الخارجية السعودية في بيان "
        "إن المملكة «تحتفظ بحق الرد على هذا الاعتداء الإرهابي».",
        "Threat", actor1="Ministry of Foreign Affairs (Saudi Arabia)",
    )


def test_a_country_right_after_a_light_verb_is_its_subject():
    of_type("شنت فرنسا وبريطانيا، فجر اليوم الأربعاء، غارات جوية على مواقع لتنظيم «داعش» في مدينة الرقة.",
            "Air/drone strike", actor1="France", location="Raqqa")


def test_a_name_after_a_place_noun_carries_no_preposition():
    event = of_type("قُتل أربعة جنود سوريين، مساء أمس، في قصف مدفعي تركي استهدف مواقعهم قرب بلدة بليون في جبل الزاوية.",
                    "Shelling/artillery/missile attack")
    assert event.location != "Lyon"  # «بليون» is a Syrian village, not ب + «ليون»


def test_a_statement_is_not_located_past_a_clause_boundary_nor_at_an_origin_it_tells_of():
    event = of_type(
        "فجّر انتحاري حزامه الناسف في سوق شعبي ببغداد أمس. وقال وزير الخارجية الأمريكي «مايك بومبيو» إنه لا دليل على أن "
        "المهاجم جاء من سوريا، بينما نفت طهران أي صلة بالهجوم.",
        "Statement", actor1="Mike Pompeo",
    )
    assert event.location is None


def test_taking_control_is_an_armed_sides_not_a_persons_or_a_courts():
    for text in (
        "وانفجرت عبوة ناسفة أمس قرب دورية للشرطة في مدينة العريش. وقالت المحكمة الجنائية الدولية إنها فتحت تحقيقًا "
        "في تدمير المتطرفين أضرحة في مدينة تمبكتو خلال سيطرتهم على شمال مالي.",
        "وانفجرت عبوة ناسفة أمس قرب دورية للشرطة في مدينة العريش. واستولى «باراك أوباما» على اهتمام الحضور في حفل أقيم في نيويورك.",
    ):
        assert kinds(text) == ["Remote explosive/landmine/IED"]
