"""Precision on ordinary news: sport, ordinary voices, wishes and sources are no conflict
events (sentences written for these tests)."""

from __future__ import annotations

from .test_events import events


def types(text: str) -> list[str]:
    return [event.type for event in events(text)]


def test_clashes_in_a_match_are_sport():
    assert types("وكان أداء الفريق متذبذبا خلال مواجهات الدور الأول في المباراة أمام تشيلي.") == []


def test_a_bombing_near_a_match_is_still_an_event():
    assert "Remote explosive/landmine/IED" in types("قتل ثلاثة أشخاص في انفجار عبوة ناسفة قرب ملعب بعد مباراة في كرة القدم ببغداد أمس الأحد.")


def test_clashes_without_sport_words_stay():
    assert "Armed clash" in types("اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحي تنظيم داعش في دير الزور أمس الأحد.")


def test_military_trainers_are_not_sport():
    assert "Statement" in types("ودانت الولايات المتحدة الهجوم على المدينة، وقالت إنها سترسل مدربين عسكريين إلى الجيش.")


BOMBING = "فجر انتحاري نفسه في سوق ببغداد أمس الأحد. "


def test_an_ordinary_voice_in_a_statement_is_no_statement():
    # a businessman speaking to the press holds no formal position
    assert types(BOMBING + "وقال رجل الأعمال خالد العتيبي في تصريح صحفي إن الأسعار ارتفعت.") == ["Suicide bomb"]


def test_a_minister_in_a_statement_is_a_statement():
    assert "Statement" in types("وقال وزير الخارجية الأردني في بيان إن بلاده ترفض الاعتداءات على المسجد الأقصى.")


def test_a_wish_to_say_is_no_statement():
    assert types(BOMBING + "وأراد تنظيم داعش أن يؤكد في بيانه أنه قادر على الوصول إلى أي مكان.") == ["Suicide bomb"]


def test_an_armed_group_in_a_statement_is_a_statement():
    assert "Statement" in types(BOMBING + "وأكد تنظيم داعش في بيانه أنه قادر على الوصول إلى أي مكان.")


def test_as_he_described_it_is_no_statement():
    assert types(BOMBING + "وقرر الوزير عزل الوكيل خالد العتيبي على حد وصفه في بيان الوزارة.") == ["Suicide bomb"]


def test_freeing_prices_is_no_take_over():
    assert types("وستبقى الأسعار في الإمارات منخفضة رغم تحرير أسعار الوقود هذا العام.") == []


def test_fighting_in_an_essay_is_no_clash():
    assert types("وتحدث الكاتب في مقاله عن قتال الكفار في كتب التراث وعن أثر المدارس في تربية الطلاب بالرياض.") == []


def test_a_municipality_stopping_encroachments_is_no_disrupted_weapon():
    assert types("ونجحت البلدية في إحباط التعديات على الأراضي العامة جنوب جدة.") == []


def test_a_car_bomb_needs_no_named_side():
    assert types("أوضحت الشرطة أن سيارتين مفخختين انفجرتا قرب الوزارة في مقديشو بعد ظهر السبت.") == ["Remote explosive/landmine/IED"]


def test_gunmen_make_a_clash_without_a_named_side():
    assert types("هاجم مسلحون مجهولون حاجزا للشرطة في مدينة العريش أمس الأحد.") == ["Armed clash"]


def test_a_take_over_by_an_armed_group_stays():
    assert "Non-state actor overtakes territory" in types("سيطر تنظيم داعش على مدينة الرمادي بعد معارك عنيفة أمس الأحد.")


def test_a_title_after_the_name_or_at_an_earlier_mention_makes_a_formal_speaker():
    text = (
        "قتل ثلاثة جنود في هجوم بعبوة ناسفة في عدن أمس الأحد. "
        "وأوضح وزير الداخلية اليمني عبده الحذيفي أن الحكومة ستعيد فتح مطار عدن بعد تحريره من مسلحي الحوثي. "
        "وقال الحذيفي في تصريح صحفي إن المسؤولين سيعملون على إعادة فتح الميناء."
    )
    assert "Statement" in types(text)
    text = "قتل جنديان في هجوم بعبوة ناسفة في جوبا أمس الأحد. وقال سامي دانيال المتحدث باسم بعثة الأمم المتحدة في بيان إن البعثة قلقة."
    assert "Statement" in types(text.replace("سامي دانيال المتحدث باسم بعثة", "سامي دانيال رئيس بعثة"))



def test_a_spokesmans_title_or_a_title_after_a_long_name_makes_a_formal_speaker():
    spokesman = BOMBING + "وقال الناطق باسم الرئاسة الفلسطينية نبيل أبو ردينة في بيان إن القيادة تطالب بحماية دولية."
    assert "Statement" in types(spokesman)
    minister = BOMBING + "وأكد الشيخ راشد بن عبدالله آل خليفة وزير الداخلية في كلمة أن التدخلات في شؤون بلاده مرفوضة."
    assert "Statement" in types(minister)


def test_a_coach_leading_a_team_is_no_bombing():
    assert types("وكان فجر إبراهيم المدير الفني للمنتخب قاد فريقه للفوز على ضيفه بستة أهداف دون رد.") == []


def test_a_website_is_no_armed_target():
    # «موقع النادي» is the club's website, not a military position
    assert types("وشعر المدير التنفيذي لنادي روما بإحباط بسبب منعه من السفر، ونقل موقع النادي عنه قوله إن الاستقبال في جاكرتا كان رائعا.") == []


def test_foiling_an_attack_on_barracks_stays():
    assert "Disrupted weapons use" in types("ونجحت الشرطة في إحباط هجوم على ثكنة في العريش أمس الأحد.")
