"""The dates layer on real Arabic expressions (our own sentences), resolved against a
publication date: absolute, Hijri, partial, weekday-anchored and relative dates,
conflicts, no anchor, and text that holds no date."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Document
from marsad.pipeline import build_pipeline

THURSDAY = dt.date(2019, 3, 21)  # the seed's publication day
FRIDAY = dt.date(2019, 3, 22)


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(["dates"])


def dates(pipeline, text: str, published: dt.date | None = THURSDAY):
    analysis = pipeline(Document("t", "", text, published=published))
    for date in analysis.dates:
        assert text[date.start : date.end] == date.text
    return analysis.dates


def found(pipeline, text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.precision) for d in dates(pipeline, text, published)]


# -- absolute dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وصل الوفد إلى عمّان في 20 مارس 2019 بعد جولة خليجية.", ("20 مارس 2019", "2019-03-20")),
        ("صدر الحكم بتاريخ 20/3/2019 عن محكمة الجنايات.", ("20/3/2019", "2019-03-20")),
        ("نُشر البيان في 2019-03-20 على موقع الوزارة.", ("2019-03-20", "2019-03-20")),
        ("وُقّع الاتفاق في 20.3.2019 بين الطرفين.", ("20.3.2019", "2019-03-20")),
        ("اجتمع البرلمان في ٥ كانون الثاني ٢٠١٨ لمناقشة الموازنة.", ("٥ كانون الثاني ٢٠١٨", "2018-01-05")),
        ("انسحبت القوات في 30 حزيران 2009 من المدن العراقية.", ("30 حزيران 2009", "2009-06-30")),
        ("بدأت الانتفاضة في 17 تشرين الأول 2019 في بيروت.", ("17 تشرين الأول 2019", "2019-10-17")),
        ("انطلقت الحملة الانتخابية في 3 جانفي 2019 بالجزائر.", ("3 جانفي 2019", "2019-01-03")),
        ("أجريت الانتخابات في 12 ديسمبر 2019 رغم المقاطعة.", ("12 ديسمبر 2019", "2019-12-12")),
        ("احتجّ السكان في 22 فيفري 2019 في العاصمة.", ("22 فيفري 2019", "2019-02-22")),
        ("عُقدت الجلسة في 9 أفريل 2021 بتونس.", ("9 أفريل 2021", "2021-04-09")),
        ("صدر الظهير في 14 غشت 2020 بالرباط.", ("14 غشت 2020", "2020-08-14")),
        ("عاد اللاجئون في التاسع من يوليو 2017 إلى الموصل.", ("التاسع من يوليو 2017", "2017-07-09")),
        ("أُعلن القرار في الحادي والعشرين من مارس 2019 رسميًا.", ("الحادي والعشرين من مارس 2019", "2019-03-21")),
        ("وقعت المجزرة يوم 20 أغسطس 2013 في الغوطة.", ("يوم 20 أغسطس 2013", "2013-08-20")),
        ("وصل في الخميس، 21 مارس 2019 إلى المطار.", ("الخميس، 21 مارس 2019", "2019-03-21")),
        ("ودّع اللاعب جمهوره في 26 يوليو 2015م بعد المباراة.", ("26 يوليو 2015م", "2015-07-26")),
    ],
)
def test_absolute_day(pipeline, text, expected):
    assert found(pipeline, text) == [(*expected, "day")]


def test_absolute_dates_need_no_publication_date(pipeline):
    assert found(pipeline, "انتهت المعركة في 23 مارس 2019 بإعلان النصر.", published=None) == [
        ("23 مارس 2019", "2019-03-23", "day")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("بدأ المشروع في مارس 2019 بتمويل أوروبي.", ("مارس 2019", "2019-03", "month")),
        ("أعلن الجيش في سبتمبر (أيلول) 2015 بدء العملية.", ("سبتمبر (أيلول) 2015", "2015-09", "month")),
        ("تراجعت الليرة في أيلول/سبتمبر 2018 بشدة.", ("أيلول/سبتمبر 2018", "2018-09", "month")),
        ("تأسست الجمعية عام 2017 في الرياض.", ("عام 2017", "2017", "year")),
        ("هُزم التنظيم في العراق نهاية العام 2017 بعد معارك طويلة.", ("العام 2017", "2017", "year")),
        ("انسحبت القوات سنة 2011 من البلاد.", ("سنة 2011", "2011", "year")),
        ("تأسس المركز في 1998م على يد مجموعة من الباحثين.", ("1998م", "1998", "year")),
        ("وفي 2019، أعلن التحالف انتهاء العمليات.", ("2019", "2019", "year")),
    ],
)
def test_month_and_year_precision(pipeline, text, expected):
    assert found(pipeline, text) == [expected]


def test_month_and_year_cover_their_whole_range(pipeline):
    [month, year] = dates(pipeline, "في شباط 2016 ثم عام 2020 تغيّر كل شيء.")
    assert (month.earliest, month.latest) == ("2016-02-01", "2016-02-29")
    assert (year.earliest, year.latest) == ("2020-01-01", "2020-12-31")


# -- Hijri -----------------------------------------------------------------------------------------


def test_hijri_day_converts_with_umm_al_qura(pipeline):
    [date] = dates(pipeline, "أعلنت الوزارة في 15 رجب 1440 هـ عن القرار.")
    assert (date.text, date.value, date.precision, date.note) == ("15 رجب 1440 هـ", "2019-03-22", "day", None)


def test_hijri_numeric_date(pipeline):
    assert found(pipeline, "صدر التعميم بتاريخ 16 / 9 / 1436هـ للمدارس.") == [("16 / 9 / 1436هـ", "2015-07-03", "day")]


def test_hijri_and_gregorian_side_by_side_agree(pipeline):
    text = "يستمر المهرجان حتى الأحد 10 شوال 1436هـ الموافق 26 يوليو 2015م."
    [hijri, gregorian] = dates(pipeline, text)
    assert (hijri.text, hijri.value) == ("الأحد 10 شوال 1436هـ", "2015-07-26")
    assert (gregorian.text, gregorian.value) == ("26 يوليو 2015م", "2015-07-26")
    assert hijri.note is None  # 2015-07-26 is a Sunday


def test_hijri_month_is_the_gregorian_month_holding_its_middle(pipeline):
    [date] = dates(pipeline, "تراجعت المبيعات خلال رمضان 1440هـ في الأسواق.")
    assert (date.text, date.value, date.precision) == ("رمضان 1440هـ", "2019-05", "month")
    assert (date.earliest, date.latest) == ("2019-05-06", "2019-06-03")


def test_hijri_year(pipeline):
    [date] = dates(pipeline, "أُنشئت الهيئة في عام 1432هـ بأمر ملكي.")
    assert (date.text, date.value, date.precision) == ("عام 1432هـ", "2011", "year")
    assert date.earliest < "2011-01-01" < date.latest


def test_unmarked_hijri_year_in_gulf_style(pipeline):
    [date] = dates(pipeline, "بلغت الميزانية لعام 1436 أرقامًا قياسية.", published=dt.date(2015, 7, 21))
    assert (date.text, date.precision) == ("عام 1436", "year") and date.value in ("2014", "2015")


def test_hijri_before_umm_al_qura_uses_the_arithmetic_calendar(pipeline):
    [date] = dates(pipeline, "وُلد الشاعر في 3 محرم 1300 هـ في مكة.")
    assert date.value == "1882-11-14"
    assert "arithmetic" in date.note


def test_hijri_day_without_year_takes_it_from_publication(pipeline):
    # 1 Shawwal 1440 (Eid al-Fitr) is 2019-06-04; published 2019-06-10
    assert found(pipeline, "احتفل السكان في 1 شوال الجاري بالعيد.", dt.date(2019, 6, 10)) == [
        ("1 شوال الجاري", "2019-06-04", "day")
    ]


# -- partial dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("سيطرت القوات على البلدة في 20 مارس الجاري.", THURSDAY, ("20 مارس الجاري", "2019-03-20", "day")),
        ("نشرت الصحيفة المقال في 12 جوان الماضي.", THURSDAY, ("12 جوان الماضي", "2018-06-12", "day")),
        ("تنطلق القمة في 5 مايو المقبل في تونس.", THURSDAY, ("5 مايو المقبل", "2019-05-05", "day")),
        ("قُتل الجندي في 2 فبراير خلال دورية.", THURSDAY, ("2 فبراير", "2019-02-02", "day")),
        ("قُتل الجندي في 2 أبريل خلال دورية.", THURSDAY, ("2 أبريل", "2018-04-02", "day")),
        ("تُفتتح المعرض في 25 مارس بحضور الوزير.", THURSDAY, ("25 مارس", "2019-03-25", "day")),
        ("وقع الهجوم في 28 ديسمبر على الحدود.", dt.date(2019, 1, 3), ("28 ديسمبر", "2018-12-28", "day")),
        ("من المقرر أن تُعقد الجولة في 10 أبريل في جنيف.", THURSDAY, ("10 أبريل", "2019-04-10", "day")),
        ("حدث ذلك في العاشر من الشهر الجاري.", THURSDAY, ("العاشر من الشهر الجاري", "2019-03-10", "day")),
        ("تراجعت الصادرات في مارس الماضي.", dt.date(2019, 4, 2), ("مارس الماضي", "2019-03", "month")),
        ("تراجعت الصادرات في يناير الماضي.", THURSDAY, ("يناير الماضي", "2019-01", "month")),
        ("تنتهي المهلة في شهر مايو.", THURSDAY, ("شهر مايو", "2019-05", "month")),
        ("انتهت المهلة في شهر يناير.", THURSDAY, ("شهر يناير", "2019-01", "month")),
        ("تُجرى الانتخابات في يوليو (تموز) وسط توتر.", THURSDAY, ("يوليو (تموز)", "2019-07", "month")),
        ("جرت الانتخابات في سبتمبر وسط توتر.", THURSDAY, ("سبتمبر", "2018-09", "month")),  # a tie goes to the past
        ("يبدأ شهر رمضان المقبل بعد أسابيع.", THURSDAY, ("شهر رمضان المقبل", "2019-05", "month")),
        ("يُفتتح المعبر في أغسطس بقرار أمني.", THURSDAY, ("أغسطس", "2019-08", "month")),
        ("أُغلق المعبر في أكتوبر بقرار أمني.", THURSDAY, ("أكتوبر", "2018-10", "month")),
    ],
)
def test_partial_dates_take_what_they_lack_from_publication(pipeline, text, published, expected):
    assert found(pipeline, text, published) == [expected]


def test_named_event_days_are_not_this_years(pipeline):
    assert found(pipeline, "أحيا المحتجون ذكرى ثورة 25 يناير في الميدان.") == [("25 يناير", "2011-01-25", "day")]
    assert found(pipeline, "غيّرت هجمات 11 سبتمبر السياسة الأمريكية.") == [("11 سبتمبر", "2001-09-11", "day")]
    assert found(pipeline, "دعت حركة 3 أكتوبر إلى التظاهر.") == []  # a name we do not know: left out


# -- weekdays and relative days -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أحكمت القوات سيطرتها أمس الأربعاء 20 مارس الجاري على البلدة.", ("أمس الأربعاء 20 مارس الجاري", "2019-03-20")),
        ("أعلنت القوات، أول أمس الثلاثاء، سيطرتها على المخيم.", ("أول أمس الثلاثاء", "2019-03-19")),
        ("سقط الضحايا الجمعة الماضية في هجوم على مسجدين.", ("الجمعة الماضية", "2019-03-15")),
        ("عُقد الاجتماع يوم الخميس في العاصمة.", ("يوم الخميس", "2019-03-21")),
        ("قُتل ثلاثة جنود فجر اليوم في هجوم انتحاري.", ("فجر اليوم", "2019-03-21")),
        ("أعلن الوزير اليوم الخميس استقالته.", ("اليوم الخميس", "2019-03-21")),
        ("وصل الرئيس صباح اليوم (الخميس) إلى القاهرة.", ("صباح اليوم (الخميس)", "2019-03-21")),
        ("أطلق سراح الرهائن الأحد في صفقة تبادل.", ("الأحد", "2019-03-17")),
        ("نشر الجيش بيانًا ظهر يوم الجمعة الماضي.", ("ظهر يوم الجمعة الماضي", "2019-03-15")),
        ("تُستأنف المفاوضات السبت المقبل في جنيف.", ("السبت المقبل", "2019-03-23")),
        ("من المقرر أن يزور الوفد المدينة الاثنين لبحث الملف.", ("الاثنين", "2019-03-25")),
        ("قال الوزير أمس إن الوضع مستقر.", ("أمس", "2019-03-20")),
        ("وعاد الأمير إلى البلاد مساء أمس الأول.", ("مساء أمس الأول", "2019-03-19")),
        ("تبدأ الامتحانات غدًا في كل المدارس.", ("غدًا", "2019-03-22")),
        ("تُعلن النتائج بعد غد في مؤتمر صحفي.", ("بعد غد", "2019-03-23")),
        ("وأمس، أعلنت الوزارة خطة جديدة.", ("أمس", "2019-03-20")),
        ("ما زال التنظيم يتجاهل منذ أمس الحديث عن المعركة.", ("أمس", "2019-03-20")),
        ("وأكد بيان صدر بالأمس أن المعارك مستمرة.", ("بالأمس", "2019-03-20")),
    ],
)
def test_weekday_and_relative_days(pipeline, text, expected):
    assert found(pipeline, text) == [(*expected, "day")]


def test_past_weekday_is_strictly_before_publication(pipeline):
    # published on a Friday, «الجمعة الماضية» is the Friday before, «الجمعة» is today
    assert found(pipeline, "خرجت مظاهرات الجمعة الماضية.", FRIDAY) == [("الجمعة الماضية", "2019-03-15", "day")]
    assert found(pipeline, "خرجت مظاهرات يوم الجمعة.", FRIDAY) == [("يوم الجمعة", "2019-03-22", "day")]


def test_relative_word_and_weekday_that_disagree_keep_the_weekday_with_a_note(pipeline):
    [date] = dates(pipeline, "أعلنت القوات أمس الأربعاء سيطرتها على البلدة.", FRIDAY)
    assert date.value == "2019-03-20"
    assert "Wednesday" in date.note and "weekday is kept" in date.note


def test_a_past_relative_word_never_keeps_a_weekday_after_publication(pipeline):
    # «أمس السبت» told on a Thursday: the Saturday before, not the one two days ahead
    [date] = dates(pipeline, "أعلنت القوات أمس السبت سيطرتها على البلدة.", THURSDAY)
    assert date.value == "2019-03-16"


def test_explicit_date_and_weekday_that_disagree_keep_the_date_with_a_note(pipeline):
    [date] = dates(pipeline, "وصل الوفد الأربعاء 21 مارس 2019 إلى بيروت.")
    assert date.value == "2019-03-21"
    assert "Wednesday" in date.note and "explicit date is kept" in date.note


def test_explicit_date_and_relative_word_that_disagree_keep_the_date_with_a_note(pipeline):
    [date] = dates(pipeline, "وصل الوفد أمس الخميس 21 مارس إلى بيروت.")
    assert date.value == "2019-03-21" and "2019-03-20" in date.note


# -- relative units -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الوزير منذ يومين إن الوضع مستقر.", ("منذ يومين", "2019-03-19", "day")),
        ("وقع الانفجار قبل ثلاثة أيام في السوق.", ("قبل ثلاثة أيام", "2019-03-18", "day")),
        ("اختفى الصحفي منذ 10 أيام في ظروف غامضة.", ("منذ 10 أيام", "2019-03-11", "day")),
        ("تراجعت الأسعار الشهر الماضي بنسبة كبيرة.", ("الشهر الماضي", "2019-02", "month")),
        ("ارتفعت الصادرات خلال الشهر الجاري.", ("الشهر الجاري", "2019-03", "month")),
        ("عاد المقاتلون قبل شهرين إلى قراهم.", ("قبل شهرين", "2019-01", "month")),
        ("ارتفعت الصادرات العام الماضي.", ("العام الماضي", "2018", "year")),
        ("تأمل الحكومة أن تنتهي الأزمة السنة المقبلة.", ("السنة المقبلة", "2020", "year")),
        ("تناول الاجتماع هذا العام ملفات عدة.", ("هذا العام", "2019", "year")),
        ("خرج التنظيم من المدينة قبل خمس سنوات.", ("قبل خمس سنوات", "2014", "year")),
    ],
)
def test_relative_units(pipeline, text, expected):
    assert found(pipeline, text) == [expected]


def test_same_year_as_the_date_before(pipeline):
    text = "أدين الشاب في نيسان 2019، وأفرج عنه في كانون الأول من العام نفسه."
    assert found(pipeline, text, dt.date(2020, 11, 4)) == [
        ("نيسان 2019", "2019-04", "month"),
        ("كانون الأول من العام نفسه", "2019-12", "month"),
    ]


def test_since_a_weekday_is_that_weekday_not_a_day_ago(pipeline):
    text = "فرّ آلاف السكان من المدينة منذ يوم الثلاثاء."
    assert found(pipeline, text, dt.date(2014, 6, 12)) == [("يوم الثلاثاء", "2014-06-10", "day")]


def test_last_week_is_the_previous_iso_week_given_by_its_monday(pipeline):
    [date] = dates(pipeline, "شهد الأسبوع الماضي معارك عنيفة.")
    assert (date.value, date.precision) == ("2019-03-11", "week")
    assert (date.earliest, date.latest) == ("2019-03-11", "2019-03-17")


def test_last_month_across_the_new_year(pipeline):
    assert found(pipeline, "تراجعت الأسعار الشهر الماضي.", dt.date(2020, 1, 5)) == [("الشهر الماضي", "2019-12", "month")]


# -- no anchor -----------------------------------------------------------------------------------------------


def test_without_publication_date_relative_dates_are_unresolved_never_guessed(pipeline):
    text = "أعلنت القوات أمس الأربعاء سيطرتها، بعد معارك بدأت الأسبوع الماضي، وفي 20 مارس الجاري انسحب التنظيم، ثم في 23 مارس 2019 أعلن النصر."
    result = dates(pipeline, text, published=None)
    assert [(d.text, d.value, d.precision, d.earliest) for d in result] == [
        ("أمس الأربعاء", None, None, None),
        ("الأسبوع الماضي", None, None, None),
        ("20 مارس الجاري", None, None, None),
        ("23 مارس 2019", "2019-03-23", "day", "2019-03-23"),
    ]


# -- what is not a date -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "مارس الضغط على الحكومة لتغيير القرار.",  # a verb, not March
        "اشترى سيارة نيسان جديدة من المعرض.",  # a car maker
        "التقى رجب طيب أردوغان بالرئيس الروسي.",  # a given name
        "يؤدي المسلمون صلاة الجمعة في المسجد الكبير.",  # Friday prayer
        "عاش السكان في ذلك اليوم أحداثًا صعبة.",  # that day
        "وفي اليوم التالي عاد الهدوء إلى المدينة.",  # the next day
        "يحتفل البلد باليوم الوطني كل عام.",  # national day
        "وقال رئيس تحرير جريدة اليوم إن الصحيفة تطور موقعها.",  # a newspaper
        "يتحدث الكتاب عن جيل الغد وتحدياته.",  # the future
        "غادر آلاف السكان المدينة منذ سنوات.",  # years, how many?
        "بدأ الإضراب قبل يومين من الانتخابات.",  # counted from the elections
        "قُتل 2015 شخصًا خلال المعارك.",  # a count
        "اجتمع الأعضاء الأحد عشر في القاعة.",  # eleven, not Sunday
        "The delegation arrived on 20 March 2019 in Beirut.",  # no Arabic
        "",
    ],
)
def test_not_dates(pipeline, text):
    assert found(pipeline, text) == []


def test_spans_leave_proclitics_out_and_keep_diacritics_in(pipeline):
    text = "وَأَمْسِ أعلنت الوزارة، ولعام 2020 خطة، وبيومِ الخميس اجتماع."
    assert [d.text for d in dates(pipeline, text)] == ["أَمْسِ", "عام 2020", "يومِ الخميس"]


def test_seed_dates(pipeline, seed_body):
    result = {(d.text, d.value) for d in dates(pipeline, seed_body)}
    assert ("أمس الأربعاء 20 مارس الجاري", "2019-03-20") in result
    assert ("أول أمس الثلاثاء", "2019-03-19") in result
    assert ("الجمعة الماضية", "2019-03-15") in result
    assert ("أمس", "2019-03-20") in result  # «منذ أمس»
