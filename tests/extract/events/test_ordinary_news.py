"""False events in ordinary news (found on SaudiNewsNet, sentences written for these
tests): figurative objects, adopting ideas, dawn read as a bombing, future offensives,
cooperation agreements, volleyball."""

from __future__ import annotations

from .test_events import events


def types(text: str) -> list[str]:
    return [event.type for event in events(text)]


CLAIM = "Claim of responsibility"


# --- «تبنى»: adopting ideas or a resolution is no claim of responsibility


def test_adopting_ideas_is_no_claim():
    assert types("وتبنى تنظيم القاعدة منذ نشأته أفكارا متطرفة تكفر المجتمعات المسلمة.") == []


def test_adopting_a_resolution_is_no_claim():
    assert CLAIM not in types("وتبنى مجلس الأمن بالإجماع أمس قرارًا بتشكيل لجنة تحقيق في الهجمات الكيمياوية في سوريا.")


def test_claiming_an_attack_is_still_a_claim():
    assert CLAIM in types("وتبنى تنظيم داعش الهجوم الانتحاري على المسجد في الكويت أمس الجمعة.")


def test_claiming_responsibility_is_still_a_claim():
    assert CLAIM in types("وتبنت حركة الشباب مسؤولية التفجير الذي وقع في مقديشو أمس الأحد.")


# --- abstract objects


def test_exploding_a_surprise_is_no_bombing():
    assert types("وفجر النائب مفاجأة كبيرة بالكشف عن تورط قادة في الجيش العراقي في سقوط الموصل بيد تنظيم داعش.") == []


def test_restoring_legitimacy_is_no_territory():
    found = types("وأكد التحالف العربي بقيادة السعودية عزمه على دعم المقاومة الشعبية حتى استعادة الشرعية في اليمن.")
    assert not any("territory" in kind for kind in found), found


def test_controlling_a_fire_is_no_takeover():
    assert types("تمكن رجال الدفاع المدني من السيطرة على الحريق الذي اندلع في مستودع للأسلحة بمدينة عدن أمس.") == []


def test_taking_a_city_is_still_a_takeover():
    assert "Non-state actor overtakes territory" in types("وسيطر مسلحو الحوثي على مدينة عدن أمس الأحد بعد معارك مع الجيش.")


def test_a_bomb_detonated_is_still_a_bombing():
    assert "Remote explosive/landmine/IED" in types("وفجر مسلحون عبوة ناسفة لدى مرور دورية للجيش في العريش أمس الأحد.")


# --- a verb after a preposition is a noun


def test_dawn_after_a_preposition_is_no_bombing():
    assert types("بدأ الشباب في فجر القرن العشرين يتوسعون في الدراسات الغربية في الهند.") == []


# --- future offensives


def test_an_offensive_that_will_be_launched_has_not_happened():
    assert types("أعلنت تركيا الأربعاء أنها ستطلق قريبا هجوما واسعا ضد تنظيم داعش في شمال سوريا.") == []


def test_an_offensive_launched_is_an_event():
    assert types("شنت الطائرات التركية هجوما واسعا على مواقع تنظيم داعش في شمال سوريا أمس.") != []


def test_working_on_a_deal_is_no_deal():
    assert "Agreement" not in types("وقال رئيس المفوضية الأوروبية نعمل على صفقة عادلة مع بريطانيا قبل الاستفتاء.")


# --- cooperation agreements


def test_a_cooperation_agreement_is_no_conflict_agreement():
    assert types("ووقع مدير جامعة الملك عبدالعزيز اتفاقية تعاون علمي مع جامعة أكسفورد أمس.") == []
    assert "Agreement" not in types("ووقع الجيش اللبناني اتفاقية تعاون عسكري مع الجيش الأمريكي في بيروت أمس.")


def test_a_ceasefire_agreement_stays():
    assert "Agreement" in types("ووقعت الحكومة اليمنية والحوثيون اتفاقا لوقف إطلاق النار في تعز أمس.")


# --- sport


def test_volleyball_matches_are_no_clashes():
    assert types("ويشهد اليوم الأول من البطولة العربية للكرة الطائرة مواجهات قوية عندما يلتقي منتخبا مصر وتونس، إضافة إلى لقاء عمان والبحرين.") == []


def test_an_abstract_adjective_of_the_subject_is_no_object():
    # «الشرعية» describes the forces, «الاستراتيجية» the base: the take-over stays
    assert "Non-state actor overtakes territory" in types("وسيطرت القوات الشرعية على مدينة الحوطة أمس الأحد بعد معارك مع الحوثيين.")
    assert "Government regains territory" in types(
        "قالت وكالة رويترز إن قوات الجيش الوطني سيطرت على قاعدة العند العسكرية الاستراتيجية في محافظة لحج بعد معارك ضارية مع الحوثيين."
    )
    # «للشرعية» (ل + ال) after «الموالية» describes the forces too
    assert "Non-state actor overtakes territory" in types("وسيطرت القوات الموالية للشرعية على مدينة شقرة الساحلية في محافظة أبين أمس بعد معارك مع الحوثيين.")


def test_an_abstract_noun_joined_by_and_is_no_object():
    assert "Peaceful protest" in types(
        "وشارك مئات المحتجين في مسيرة سلمية في فيرغسون أمس، وشهدت المدينة احتجاجات والجدل بشأن عنف الشرطة."
    )


def test_a_claim_by_pronoun_needs_no_attack_in_its_clause():
    found = types("قتل عشرة أشخاص في تفجير انتحاري استهدف سوقا في بغداد أمس الاثنين. وتبناه تنظيم داعش في بيان.")
    assert CLAIM in found, found


def test_an_exchange_of_fire_after_a_preposition_is_a_clash():
    found = types("وقال المتحدث العسكري إن القوات قتلت خمسة مسلحين خلال تبادل لإطلاق النار في العريش أمس الأحد.")
    assert "Armed clash" in found, found



def test_a_verbal_noun_after_a_preposition_stays():
    # «تبني» and «خطف» after a preposition are verbal nouns of the same sense
    assert CLAIM in types("وسارعت حركة الشباب إلى تبني الهجوم على الفندق في مقديشو عبر إذاعتها أمس.")


def test_an_abstract_predicate_of_a_definite_trigger_is_no_object():
    # «الألغام مشكلة»: a nominal sentence, the mines are not an abstract thing done
    found = types("قتل ثلاثة مدنيين أمس الأحد في انفجار لغم زرعه الحوثيون قرب تعز. وقال خبير إن الألغام مشكلة عالمية.")
    assert "Remote explosive/landmine/IED" in found, found


def test_a_protest_against_a_decision_is_a_protest():
    found = types("احتج متظاهرون ضد قرار شركة الكهرباء إعادة تشغيل المفاعل النووي في طوكيو أمس الاثنين.")
    assert "Peaceful protest" in found, found


# --- a past time told in passing


def test_a_bombing_told_then_is_no_event_of_its_own():
    assert types("وقال الخبير إن الجماعة نفسها فجرت حينها سيارة مفخخة عند مدخل مقر الشرطة في الرياض.") == []


def test_then_in_another_clause_leaves_the_bombing():
    found = types("فجر مسلحون سيارة مفخخة عند مدخل مقر الشرطة في الرياض أمس الأحد، وقال شهود إن الانفجار سمع حينها في أنحاء المدينة.")
    assert "Remote explosive/landmine/IED" in found, found


def test_forces_of_legitimacy_are_the_subject():
    # «قوات الشرعية»: the abstract noun completes the subject, it is not the object
    found = types("واستعادت قوات الشرعية مدينة شقرة الساحلية في محافظة أبين أمس دون مقاومة تذكر من الحوثيين.")
    assert any("territory" in kind for kind in found), found


def test_an_abstract_object_after_a_demonstrative():
    found = types("وسيطر الجيش على هذه الأزمة بعد معارك مع الحوثيين في تعز.")
    assert not any("territory" in kind for kind in found), found


def test_a_fair_targeting_people_with_special_needs_is_no_attack():
    found = events("وأرى أن يتميز معرض الكتاب في جدة باستهداف ذوي الاحتياجات الخاصة وتبني مبادراتهم، بعد هجوم المسلحين على المعرض العام الماضي.", None)
    assert not any(event.cue.startswith("استهداف") for event in found), [(e.type, e.cue) for e in found]


def test_a_claim_of_the_terrorist_act():
    assert CLAIM in types("وتبنى تنظيم داعش العمل الإرهابي الذي استهدف المسجد في أبها أمس.")


def test_claiming_a_killing_is_a_claim():
    assert CLAIM in types("وتبنى حزب العمال الكردستاني مقتل ثلاثة جنود أتراك في ديار بكر أمس الأحد.")
