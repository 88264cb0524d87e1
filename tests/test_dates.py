"""The date resolver: each rule on literal Arabic sentences of our own, then recall on the shared gold."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.dates import find_dates
from hadath.dates.arithmetic import day_month_near, month_near, weekday_near, window_value
from hadath.dates.hijri import hijri_day_month_near, hijri_to_gregorian, pin_year
from hadath.dates.stage import find_publication_date, resolve_dates
from hadath.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import date_recall  # noqa: E402

WED = date(2024, 5, 15)  # a Wednesday
SAT = date(2024, 5, 18)


def values(text: str, published: date | None) -> list[str]:
    return [m.value for m in find_dates(text, published)]  # type: ignore[misc]


def only(text: str, published: date | None):
    found = find_dates(text, published)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


# -- Gregorian month families ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("التقى الوزيران في 5 مارس 2022 بالرياض.", date(2022, 6, 1), "2022-03-05"),
        ("وصل الوفد يوم 3 فبراير.", date(2023, 2, 10), "2023-02-03"),
        ("افتتح المعرض في 14 ابريل 2019.", None, "2019-04-14"),
        ("افتتح المعرض في 14 إبريل 2019.", None, "2019-04-14"),
        ("تجري الانتخابات في 2 يونيه 2030.", None, "2030-06-02"),
        ("وقّع الاتفاق في 9 يوليه 2015.", None, "2015-07-09"),
        ("سقطت الطائرة في 30 اغسطس 2016.", None, "2016-08-30"),
        # Levantine
        ("عقد الاجتماع في 9 شباط 2021 في دمشق.", None, "2021-02-09"),
        ("انطلقت المحادثات في 1 كانون الأول 2020.", None, "2020-12-01"),
        ("صدر القرار في 6 كانون الثاني 2018.", None, "2018-01-06"),
        ("جرت الجولة في 11 آذار 2017.", None, "2017-03-11"),
        ("زار الوفد بيروت في 3 أيار 2022.", None, "2022-05-03"),
        ("أعلنت الهدنة في 26 حزيران 2014.", None, "2014-06-26"),
        ("انفجر المرفأ في 4 آب 2020.", None, "2020-08-04"),
        ("بدأ العام الدراسي في 12 أيلول 2019.", None, "2019-09-12"),
        ("استقالت الحكومة في 29 تشرين الأول 2019.", None, "2019-10-29"),
        ("جرت الانتخابات في 7 تشرين الثاني 2021.", None, "2021-11-07"),
        ("وصل المبعوث في 12 تموز الماضي.", date(2022, 7, 20), "2022-07-12"),
        ("صدر الحكم في 4 أيلول الماضي.", date(2022, 3, 1), "2021-09-04"),
        # Maghreb
        ("انعقدت القمة يوم 6 جوان 2019 بتونس.", None, "2019-06-06"),
        ("أمضى الطرفان الاتفاق في 2 فيفري.", date(2020, 2, 10), "2020-02-02"),
        ("انطلق الحوار في 8 جويلية 2021.", None, "2021-07-08"),
        ("أعلنت النتائج في 17 أفريل 2016.", None, "2016-04-17"),
        ("تظاهر المحتجون في 1 ماي 2018.", None, "2018-05-01"),
        ("وصل الرئيس في 13 أوت 2017.", None, "2017-08-13"),
        # Moroccan spellings
        ("صادق البرلمان في 8 شتنبر 2021.", None, "2021-09-08"),
        # English in a bilingual dateline
        ("Monday 3 June, 2019", None, "2019-06-03"),
    ],
)
def test_day_month_year_in_every_family(text, published, value):
    assert values(text, published) == [value]


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("جرت الانتخابات في تشرين الثاني 2019.", None, "2019-11"),
        ("ارتفعت الأسعار في آب 2015.", None, "2015-08"),
        ("صدر التقرير في أفريل 2018.", None, "2018-04"),
        ("تراجع الإنتاج في ماي 2016.", None, "2016-05"),
        ("بدأت الأزمة في يونيو/حزيران 2012.", None, "2012-06"),
        ("انتهت المهلة في شهر مارس.", date(2024, 5, 1), "2024-03"),
        ('احتج الشباب في "جويلية" كما في كل صيف.', date(2021, 7, 20), "2021-07"),
    ],
)
def test_month_and_year(text, published, value):
    found = only(text, published)
    assert (found.value, found.precision) == (value, "month")


@pytest.mark.parametrize(
    "text",
    [
        "مارس الوزير ضغوطا على الحكومة.",  # مارس: practised
        "قال أب الضحية إن التحقيق لم ينته.",  # أب father ~ آب
        "اشترت الشركة سيارات نيسان جديدة.",
        "التقى الرئيس رجب طيب أردوغان نظيره.",
        "ارتفع المؤشر من صفر إلى عشرة.",
    ],
)
def test_ambiguous_month_names_alone_are_not_dates(text):
    assert values(text, date(2024, 5, 15)) == []


def test_double_month_forms_are_one_expression():
    found = only("وقعت الاشتباكات في 30 أبريل/ نيسان 2020.", None)
    assert (found.text, found.value) == ("30 أبريل/ نيسان 2020", "2020-04-30")
    found = only("تستمر المعارض بين 5 و7 مايو/ أيار.", date(2023, 4, 1))
    assert (found.value, found.end_value) == ("2023-05-05", "2023-05-07")
    found = only("أعلنت الهيئة في 3 كانون الثاني/ يناير أنها ستنسحب.", date(2021, 1, 20))
    assert found.value == "2021-01-03"


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("وصل في الـ15 من ديسمبر.", date(2023, 12, 20), "2023-12-15"),
        ("بدأت العملية في 3 من شهر أغسطس.", date(2020, 8, 10), "2020-08-03"),
        ("تنتهي المهلة في الـ30 من الشهر الجاري.", date(2024, 5, 15), "2024-05-30"),
        ("صدر القرار بتاريخ 02/03/2021.", None, "2021-03-02"),
        ("صدر القرار بتاريخ 2019-07-14.", None, "2019-07-14"),
        ("صدر القرار بتاريخ 4/22/1948.", None, "1948-04-22"),  # month first: a day cannot be the 22nd month
        ("صدر القرار بتاريخ 2023/11/18.", None, "2023-11-18"),
        ("نشر يوم 5/يونيو/2017 على الموقع.", None, "2017-06-05"),
        ("نشر يوم 5 / يونيو / 2017 على الموقع.", None, "2017-06-05"),
        ("يبدأ التطبيق في 1 /7م2012م.", None, "2012-07-01"),
        ("اندلعت المواجهات في ٢٤ يناير ٢٠٢٤.", None, "2024-01-24"),
        ("جرى التصويت في ١٥ مارس.", date(2024, 3, 20), "2024-03-15"),
        ("نشر في 7st مارس 2021.", None, "2021-03-07"),
        ("وقع الهجوم في الحادي عشر من سبتمبر 2001.", None, "2001-09-11"),
        ("أقيم الحفل في العشرين من يناير 2020.", None, "2020-01-20"),
        ("صدر العدد 4يونيو 2015 عن الدار.", None, "2015-06-04"),
    ],
)
def test_day_forms(text, published, value):
    assert values(text, published) == [value]


def test_day_with_time_and_year_before_the_month():
    assert values("تونس 14 09:30 2021 جانفي", None) == ["2021-01-14"]


# -- weekdays --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, tense",
    [
        ("التقى الرئيسان الاثنين في القصر.", "2024-05-13", "past"),
        ("أعلنت الوزارة يوم الأربعاء نتائج التحقيق.", "2024-05-15", "past"),  # publication day itself
        ("ناقش المجلس الأربعاء الماضي الموازنة.", "2024-05-08", "past"),
        ("يلتقي الوفدان الأربعاء المقبل.", "2024-05-22", "future"),
        ("تصل البعثة الخميس القادم.", "2024-05-16", "future"),
        ("والتقى الوزير السفير الثلاثاء الفائت.", "2024-05-14", "past"),
        ("سيلتقي الوزير نظيره الجمعة في عمّان.", "2024-05-17", "future"),
        ("ومن المقرر أن يصل الوفد السبت إلى الدوحة.", "2024-05-18", "future"),
        ("وسوف تعقد الجلسة الأحد.", "2024-05-19", "future"),
        ("شهدت الساحة السياسية الأحد احتجاجات.", "2024-05-12", "past"),  # "السياسية" is no future verb
        ("قالت ستيفاني ويليامز الاثنين إن الهدنة صامدة.", "2024-05-13", "past"),  # a name, not "ست" + verb
        ("تظاهر الآلاف الجمعة في العاصمة.", "2024-05-10", "past"),  # five days back
        ("تنطلق القمة الخميس في المنامة.", "2024-05-16", "future"),  # six days back would be "الماضي"
    ],
)
def test_weekday_alone_in_the_clause_tense(text, value, tense):
    found = only(text, WED)
    assert (found.value, found.precision, found.tense) == (value, "day", tense)


def test_weekday_with_day_and_month():
    assert only("تبدأ الزيارة الأحد 7 يوليو.", date(2024, 7, 9)).value == "2024-07-07"
    found = only("تعقد القمة الثلاثاء المقبل 21 مايو في الرياض.", WED)
    assert (found.text, found.value, found.tense) == ("الثلاثاء المقبل 21 مايو", "2024-05-21", "future")


def test_weekday_beside_a_day_without_year_picks_the_year_it_fits():
    # 5 January is a Friday in 2024 and a Thursday in 2023: the weekday decides
    assert only("وقع الانفجار الخميس 5 يناير.", date(2024, 6, 1)).value == "2023-01-05"


def test_recurring_weekday_is_no_date():
    assert values("يتظاهر المحتجون كل جمعة أمام السفارة.", WED) == []


def test_weekday_ending_a_headline_does_not_join_the_next_line():
    text = "الوزير يزور عمّان الأحد\n\n3 مايو 2024\nنص الخبر"
    assert [(m.text, m.value) for m in find_dates(text, date(2024, 5, 3))] == [
        ("الأحد", "2024-04-28"),
        ("3 مايو 2024", "2024-05-03"),
    ]


# -- relative words --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("أعلن الجيش اليوم انسحابه.", "2024-05-15"),
        ("أعلن الجيش أمس انسحابه.", "2024-05-14"),
        ("أعلن الجيش أمس الأول انسحابه.", "2024-05-13"),
        ("أعلن الجيش أول أمس انسحابه.", "2024-05-13"),
        ("أعلن الجيش أول من أمس انسحابه.", "2024-05-13"),
        ("ينسحب الجيش غدًا من المدينة.", "2024-05-16"),
        ("ينسحب الجيش غدا من المدينة.", "2024-05-16"),
        ("ينسحب الجيش يوم غد من المدينة.", "2024-05-16"),
        ("ينسحب الجيش بعد غد من المدينة.", "2024-05-17"),
        ("وقالت الوزارة البارحة إن المفاوضات توقفت.", "2024-05-14"),
        ("أعلن الجيش منذ ثلاثة أيام انسحابه.", "2024-05-12"),
        ("أعلن الجيش قبل يومين انسحابه.", "2024-05-13"),
        ("أعلن الجيش قبل 5 أيام انسحابه.", "2024-05-10"),
    ],
)
def test_relative_days(text, value):
    found = only(text, WED)
    assert (found.value, found.precision, found.relative) == (value, "day", True)


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("أكدت الحكومة أمس الجمعة التزامها بالهدنة.", SAT, "2024-05-17"),
        ("أكدت الحكومة اليوم، السبت التزامها بالهدنة.", SAT, "2024-05-18"),
        ("تصل البعثة غدا الأحد.", SAT, "2024-05-19"),
        # the weekday wins where it disagrees with the relative word (a late-night story stamped next day)
        ("أكدت الحكومة أمس الخميس التزامها بالهدنة.", SAT, "2024-05-16"),
    ],
)
def test_relative_day_with_weekday(text, published, value):
    assert only(text, published).value == value


@pytest.mark.parametrize(
    "text, published, value, precision",
    [
        ("تراجعت الاشتباكات الأسبوع الماضي.", WED, "2024-05", "month"),
        # the seven days before 3 May span April and May: only the year is sure
        ("تراجعت الاشتباكات الأسبوع الماضي.", date(2024, 5, 3), "2024", "year"),
        ("تعقد الجولة الأسبوع المقبل.", WED, "2024-05", "month"),
        ("تعقد الجولة الأسبوع القادم.", date(2024, 5, 28), "2024", "year"),
        ("تعقد الجولة هذا الأسبوع.", WED, "2024-05", "month"),
        ("ارتفع التضخم الشهر الماضي.", date(2024, 1, 10), "2023-12", "month"),
        ("ارتفع التضخم خلال الشهر الجاري.", date(2024, 1, 10), "2024-01", "month"),
        ("تبدأ الحملة الشهر المقبل.", date(2024, 12, 10), "2025-01", "month"),
        ("تراجع النمو العام الماضي.", WED, "2023", "year"),
        ("تراجع النمو السنة الماضية.", WED, "2023", "year"),
        ("يتوقع نمو الاقتصاد العام الحالي.", WED, "2024", "year"),
        ("تجرى الانتخابات العام المقبل.", WED, "2025", "year"),
        ("ازدادت الغارات خلال الأيام القليلة الماضية.", WED, "2024-05", "month"),
        ("تتواصل الاحتجاجات منذ أيام في العاصمة.", WED, "2024-05", "month"),
        ("بدأت الأزمة قبل شهر.", date(2024, 3, 31), "2024-02", "month"),
        ("بدأت الأزمة قبل ثلاثة أشهر.", WED, "2024-02", "month"),
        ("انتخب قبل عامين.", WED, "2022", "year"),
    ],
)
def test_relative_units(text, published, value, precision):
    found = only(text, published)
    assert (found.value, found.precision) == (value, precision)


def test_days_of_the_current_month_as_a_range():
    found = only("تعقد المحادثات يومي 10 و11 من الشهر الجاري.", WED)
    assert (found.value, found.end_value, found.precision) == ("2024-05-10", "2024-05-11", "day")


@pytest.mark.parametrize(
    "text",
    [
        "لم نأخذ الإذن من أحد حتى اليوم.",  # up to now
        "قال الأمين العام الحالي للمنظمة إن الوضع خطير.",  # العام = general
        "اتهم المدعي العام السابق الحكومة.",
        "أكد النائب العام المقبل على القضية.",
    ],
)
def test_words_that_are_not_relative_dates(text):
    assert values(text, WED) == []


def test_ago_relative_to_another_event_is_not_from_publication():
    assert values("وصل قبل يومين من الانتخابات.", WED) == []


# -- more forms seen in news wire copy --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("وفي يناير كانون الثاني عام 2006 اندلعت المواجهات.", WED, "2006-01"),
        ("اعتقل في أكتوبر (تشرين الأول)الماضي.", WED, "2023-10"),
        ("تراجعت الأسعار في يناير وفبراير (شباط) من العام الماضي.", WED, "2023-02"),
        ("صدر الحكم في 3 كانون اول 2019.", WED, "2019-12-03"),
        ("وقعت المعاهدة عام ( 1948 ).", WED, "1948"),
    ],
)
def test_wire_copy_forms(text, published, value):
    assert values(text, published)[-1] == value


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("تراجعت الصادرات في مارس/آذار.", WED, "2024-03"),
        ("وفي أغسطس أعلنت الحكومة خطتها.", WED, "2023-08"),  # a report: the last August
        ("سيفتتح المصنع في أغسطس.", WED, "2024-08"),  # a plan: the next one
        ('يعود "ديسمبر" هذا العام محملا بالغضب.', date(2021, 12, 5), "2021-12"),
    ],
)
def test_month_alone_with_a_cue_or_in_quotes(text, published, value):
    assert values(text, published)[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "ما زالت ذكرى أحداث أيلول الأسود حاضرة.",
        "كتب الشاعر قصيدة عن يناير الحزين.",  # a month alone, after no cue
        "افتتح سوق الخميس في المدينة.",
        "منذ ذلك اليوم لم يعد إلى بلده.",
        "وفي اليوم التالي انسحبت القوات.",
        "احتفلت المنظمة باليوم العالمي للاجئين.",
        "توفي عام 1325 هجري.",
    ],
)
def test_names_and_story_days_are_not_dates(text):
    assert values(text, WED) == []


def test_last_night_and_bracketed_weekdays():
    assert values("قتل ثلاثة أشخاص الليلة الماضية في غارة.", WED) == ["2024-05-14"]
    found = only("قال المتحدث إن عبوة انفجرت اليوم (الأربعاء) في السوق.", WED)
    assert (found.text, found.value) == ("اليوم (الأربعاء)", "2024-05-15")
    assert values("أُطلق سراحه قبل عشرين عاما.", WED) == ["2004"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("بدأ الحصار في حزيران ( 1984 ).", "1984-06"),
        ("صدر المرسوم بتاريخ ( 1996 ).", "1996"),
        ("خطة التنمية للعام 2030.", "2030"),
        ("لم يكن الوضع كذلك قبل 2011.", "2011"),
        ("تغير كل شيء بعد 2003.", "2003"),
        ("رح يوصل الوفد بكرا.", "2024-05-16"),
        ("التقيت فيه مبارح بالسوق.", "2024-05-14"),
    ],
)
def test_more_year_cues_and_dialect(text, value):
    assert values(text, WED) == [value]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("تقام الدورة ما بين12 يوليوز الجاري و3 غشت القادم.", date(2003, 7, 1), ["2003-07-12", "2003-08-03"]),
        ("ألّف السيمفونية عام1781 في فيينا.", WED, ["1781"]),
        ("زار الموفدون الاثنين والثلاثاء الماضيين بيروت.", date(2003, 6, 15), ["2003-06-09", "2003-06-10"]),
    ],
)
def test_glued_words_and_shared_tense(text, published, expected):
    assert values(text, published) == expected


def test_a_count_of_years_is_not_a_year():
    assert values("بنيت المدينة قبل 2000 عام.", WED) == []


# -- day and month with no year ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("ألغيت الزيارة التي كانت مقررة في 18 أبريل الماضي.", date(2024, 1, 21), "2023-04-18"),
        ("صدر الحكم في 2 يناير.", date(2023, 12, 28), "2024-01-02"),  # nearest, across the new year
        ("صدر الحكم في 28 ديسمبر.", date(2024, 1, 3), "2023-12-28"),
        ("يفتتح المعرض في 10 فبراير المقبل.", date(2024, 2, 20), "2025-02-10"),
        ("تعقد القمة في 15 يونيو الجاري.", date(2024, 6, 3), "2024-06-15"),
    ],
)
def test_day_month_takes_the_nearest_year_in_the_tense(text, published, value):
    assert values(text, published) == [value]


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("جرت المحادثات في نوفمبر الماضي.", date(2024, 1, 21), "2023-11"),
        ("جرت المحادثات في نوفمبر الماضي.", date(2023, 11, 10), "2022-11"),
        ("تستأنف المحادثات في يناير المقبل.", date(2024, 1, 21), "2025-01"),
        ("تستأنف المحادثات في مارس المقبل.", date(2024, 1, 21), "2024-03"),
        ("أغلق المعبر في أغسطس المنصرم.", date(2024, 9, 2), "2024-08"),
        ("وقع الهجوم في مايو من العام الماضي.", date(2024, 9, 2), "2023-05"),
    ],
)
def test_month_with_tense(text, published, value):
    found = only(text, published)
    assert (found.value, found.precision) == (value, "month")


# -- years -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("تأسست الحركة عام 2001.", "2001"),
        ("قطعت العلاقات في 2012.", "2012"),
        ("أطلق المسار مطلع عام 2017.", "2017"),
        ("تراجعت الصادرات منتصف 2020.", "2020"),
        ("جرت الانتخابات في العام 2019.", "2019"),
        ("يستمر البرنامج حتى 2030.", "2030"),
        ("هاجر كثيرون أواخر 1990.", "1990"),
        ("تعيش البلاد أزمة منذ 2015.", "2015"),
        ("وقعت المعاهدة سنة 1648.", "1648"),
    ],
)
def test_years_after_a_cue(text, value):
    found = only(text, WED)
    assert (found.value, found.precision) == (value, "year")


def test_two_years_are_two_mentions():
    found = find_dates("برنامج تعاون لسنتي 2024-2025 في الزراعة.", WED)
    assert [(m.text, m.value) for m in found] == [("سنتي 2024", "2024"), ("2025", "2025")]
    assert values("خلال عامي 2020 و2021.", WED) == ["2020", "2021"]


@pytest.mark.parametrize(
    "text",
    [
        "من المتوقع توقيع 10 عقود في مجالات عدة.",
        "بلغ عدد الضحايا 2011 قتيلا.",
        "انتشرت القوات في 1500 موقع.",
        "للاستفسار اتصلوا على 2025 1234 أو 0123456789.",
        "شهدت الثمانينيات حروبا كثيرة.",
        "أعلن ذلك عام 1445هـ.",  # a Hijri year is not a Gregorian one
        "بدأ الاجتماع الساعة 14:50 واستمر حتى 16:30.",
    ],
)
def test_numbers_and_times_are_not_dates(text):
    assert values(text, WED) == []


# -- Hijri -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("صدر الأمر الملكي في 15 ذو القعدة 1434.", "2013-09-21"),
        ("صدر الأمر الملكي في 15 ذي القعدة 1434هـ.", "2013-09-21"),
        ("صدر الأمر الملكي في 15 ذوالقعدة 1434 هـ.", "2013-09-21"),
        ("يبدأ الصيام في 1 رمضان 1445هـ.", "2024-03-11"),
        ("ذكرى عاشوراء في 10 محرم 1446.", "2024-07-16"),
        ("الاحتفال في 12 ربيع الأول 1445.", "2023-09-27"),
        ("صدر القرار في 5 ربيع الآخر 1444.", "2022-10-30"),
        ("صدر القرار في 5 ربيع الثاني 1444.", "2022-10-30"),
        ("تم التوقيع في 20 جمادى الأولى 1443.", "2021-12-24"),
        ("تم التوقيع في 7 جمادى الآخرة 1442.", "2021-01-20"),
        ("تم التوقيع في 7 جمادى الثانية 1442.", "2021-01-20"),
        ("ذكرى الإسراء في 27 رجب 1441.", "2020-03-22"),
        ("ليلة النصف من شعبان: 15 شعبان 1440.", "2019-04-20"),
        ("عيد الفطر في 1 شوال 1439.", "2018-06-15"),
        ("عيد الأضحى في 10 ذي الحجة 1438.", "2017-09-01"),
        ("بدأ العام الدراسي في 2 صفر 1444.", "2022-08-29"),
    ],
)
def test_hijri_dates_convert(text, value):
    found = only(text, None)
    assert (found.value, found.precision) == (value, "day")


def test_hijri_with_gregorian_equivalent_is_one_expression():
    text = "أعلن الديوان الخميس 1 رمضان 1445هـ الموافق 11 مارس 2024 بدء الصيام."
    found = only(text, None)
    assert found.text == "الخميس 1 رمضان 1445هـ الموافق 11 مارس 2024"
    assert found.value == "2024-03-11"


def test_weekday_hijri_and_gregorian_day_month_pin_the_year():
    found = only("يصل الوفد يوم الاثنين الأول من شهر رمضان، الموافق للحادي عشر من شهر مارس.", None)
    assert found.value == "2024-03-11"
    assert pin_year(1, 9, 11, 3, 1) == date(2024, 3, 11)
    # without the weekday the pair recurs every 33 years or so: no single year
    assert pin_year(1, 9, 11, 3, None) is None


def test_hijri_day_month_without_year_is_nearest_publication():
    assert values("تبدأ الشعائر في 10 ذي الحجة.", date(2024, 6, 10)) == ["2024-06-16"]
    assert hijri_day_month_near(10, 12, date(2024, 6, 10), None) == date(2024, 6, 16)


def test_hijri_out_of_table_range_is_none():
    assert hijri_to_gregorian(1200, 1, 1) is None
    assert hijri_to_gregorian(1445, 1, 30) is None  # Muharram 1445 has 29 days


# -- ranges ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, value, end_value",
    [
        ("يعقد المؤتمر من 3 إلى 6 يونيو.", date(2024, 5, 20), "2024-06-03", "2024-06-06"),
        ("يعقد المؤتمر بين 3 و5 مايو.", date(2024, 5, 20), "2024-05-03", "2024-05-05"),
        ("يعقد المؤتمر 17-19 أبريل 2023.", None, "2023-04-17", "2023-04-19"),
        ("يعقد المؤتمر من 8 حتى 12 تشرين الأول 2022.", None, "2022-10-08", "2022-10-12"),
    ],
)
def test_ranges(text, published, value, end_value):
    found = only(text, published)
    assert (found.value, found.end_value) == (value, end_value)


# -- no publication date ---------------------------------------------------------------------------------


def test_without_publication_date_or_year_nothing_is_resolved():
    assert values("التقى الوزيران أمس ثم الأربعاء وفي 5 مارس والشهر الماضي.", None) == []


def test_without_publication_date_the_first_full_day_stands_in():
    text = (
        "أعلنت الوزارة أمس الأحد أن الاجتماع سيعقد في 20/5/2024 بالقاهرة، وكانت قد أعلنت الشهر الماضي خطتها."
    )
    assert values(text, None) == ["2024-05-19", "2024-05-20", "2024-04"]


def test_a_story_date_does_not_fix_a_bare_weekday_or_yesterday():
    text = "اندلعت الحرب في 5 يونيو 1967. وقال الوزير أمس إن الاجتماع يعقد الخميس."
    assert values(text, None) == ["1967-06-05"]


# -- offsets ---------------------------------------------------------------------------------------------


def test_offsets_point_into_the_original_text_with_diacritics_and_tatweel():
    text = "وقال الـــوزير إنّه سيصل غدًا، وإن الاتفاق وُقِّع في ١٢ تمّوز ٢٠٢٣."
    found = find_dates(text, date(2024, 5, 15))
    assert [text[m.start : m.end] for m in found] == [m.text for m in found] == ["غدًا", "١٢ تمّوز ٢٠٢٣"]
    assert [m.value for m in found] == ["2024-05-16", "2023-07-12"]


# -- arithmetic ------------------------------------------------------------------------------------------


def test_arithmetic():
    assert day_month_near(18, 4, date(2024, 1, 21), "past") == date(2023, 4, 18)
    assert day_month_near(29, 2, date(2023, 3, 1), None) == date(2024, 2, 29)
    assert month_near(1, date(2024, 1, 21), "future") == (2025, 1)
    assert month_near(12, date(2024, 1, 21), None) == (2023, 12)
    assert weekday_near(3, WED, "past") == WED
    assert weekday_near(4, WED, "past") == date(2024, 5, 9)
    assert weekday_near(4, WED, "recent") == date(2024, 5, 16)
    assert weekday_near(5, WED, "recent") == date(2024, 5, 10)
    assert weekday_near(3, WED, "past_strict") == date(2024, 5, 8)
    assert weekday_near(3, WED, "future") == date(2024, 5, 22)
    assert window_value(date(2024, 4, 28), date(2024, 5, 4)) == ("2024", "year")
    assert window_value(date(2023, 12, 28), date(2024, 1, 3)) == ("2023", "year")


# -- publication date from the text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published",
    [
        (
            "وكالة الأنباء\n\nالأربعاء 3 أبريل 2024 - 10:15 ص\nأعلنت الحكومة اليوم خطة جديدة.",
            date(2024, 4, 3),
        ),
        ("عنوان الخبر\n3 مارس 2025\nنص الخبر الطويل هنا.", date(2025, 3, 3)),
        ("عنوان الخبر\n2023/11/18\nنص الخبر.", date(2023, 11, 18)),
        (
            "عمّان 5 يونيو 2022 – أعلنت الحكومة الأردنية عن خطة اقتصادية جديدة تشمل إصلاحات واسعة في قطاعات الطاقة والمياه والنقل.",
            date(2022, 6, 5),
        ),
        # the page's own date stamp (the day of the visit) is later than the article's dateline
        (
            "الجمعة 9 مايو 2025\nأخبار\nعنوان الخبر\nالاثنين 3 مارس 2025 - 11:20 ص\nنص الخبر.",
            date(2025, 3, 3),
        ),
        # an archive date in a caption has no time of day; the article's dateline has
        ("عنوان الخبر\nصورة أرشيفية 5 يونيو 2017\nالأحد 9 مارس 2025 - 14:05\nنص الخبر.", date(2025, 3, 9)),
        # no dateline: "أمس" beside a full date gives the day after it
        ("قال الوزير في مؤتمر صحفي عقده أمس الثلاثاء 4 يونيو 2024 إن المفاوضات ستستأنف.", date(2024, 6, 5)),
        ("وقّع الطرفان مساء اليوم الخميس 6 يونيو 2024 اتفاقا للتعاون.", date(2024, 6, 6)),
    ],
)
def test_publication_date_from_text(text, published):
    assert find_publication_date(text) == published


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت الحكومة اليوم خطة جديدة.",
        # deep in a long body line: a date of the story, not of the article
        "أعلنت الحكومة الأردنية عن خطة اقتصادية جديدة تشمل إصلاحات واسعة، بعد أن كانت قد وعدت في 5 يونيو 2022 بذلك.",
    ],
)
def test_no_publication_date_in_text(text):
    assert find_publication_date(text) is None


def test_stage_sets_publication_from_text_then_resolves_against_it():
    article = resolve_dates(Article(text="عنوان\nالأحد 2 يونيو 2024\nوصل الوزير أمس إلى بغداد."))
    assert (article.published, article.published_from) == (date(2024, 6, 2), "text")
    assert [(d.text, d.value) for d in article.dates] == [
        ("الأحد 2 يونيو 2024", "2024-06-02"),
        ("أمس", "2024-06-01"),
    ]


def test_stage_keeps_a_given_publication_date():
    article = Article(
        text="عنوان\nالأحد 2 يونيو 2024\nوصل الوزير أمس.",
        published=date(2024, 6, 3),
        published_from="metadata",
    )
    article = resolve_dates(article)
    assert (article.published, article.published_from) == (date(2024, 6, 3), "metadata")
    assert article.dates[-1].value == "2024-06-02"


# -- recall on the shared gold ---------------------------------------------------------------------------


def test_date_recall_on_samples(shared):
    result = date_recall.score(date_recall.sample_cases(shared))
    assert result.total >= 10
    assert result.recall >= 0.9, result.misses


def test_date_recall_on_news_dev(shared):
    result = date_recall.score(date_recall.news_dev_cases(shared))
    assert result.total >= 50
    assert result.recall >= 1.0, result.misses


def test_publication_dates_found_in_shared_texts_are_right(shared):
    result = date_recall.score(date_recall.sample_cases(shared) + date_recall.news_dev_cases(shared))
    wrong = [m for m in result.published_misses if not m.endswith("found None")]
    assert wrong == []
    assert result.published_right >= 15


# -- robustness ------------------------------------------------------------------------------------------

_PIECES = [
    "أمس",
    "اليوم",
    "غدا",
    "الأربعاء",
    "المقبل",
    "الماضي",
    "الجاري",
    "من",
    "إلى",
    "و",
    "بين",
    "يومي",
    "الشهر",
    "العام",
    "الأسبوع",
    "عام",
    "في",
    "منذ",
    "قبل",
    "ثلاثة",
    "أيام",
    "يناير",
    "كانون الثاني",
    "آب",
    "جوان",
    "ذو القعدة",
    "ذي الحجة",
    "الموافق",
    "للتاسع",
    "والعشرين",
    "الحادي",
    "عشر",
    "هـ",
    "م",
    "/",
    "-",
    "(",
    ")",
    "،",
    ".",
    "\n",
    "٢٤",
    "31",
    "30",
    "29",
    "2",
    "12",
    "1434",
    "2024",
    "1999",
    "9999",
    "14:50",
    "الـ",
    "ـ",
    "\u064b",
    "\u0651",
    "Sunday",
    "January",
    ",",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  "])), max_size=14),
    st.one_of(st.none(), st.dates(min_value=date(1930, 1, 1), max_value=date(2070, 12, 31))),
)
def test_any_mix_of_date_words_resolves_without_error_and_with_valid_offsets(pieces, published):
    text = "".join(word + gap for word, gap in pieces)
    for m in find_dates(text, published):
        assert text[m.start : m.end] == m.text and m.text.strip()
        assert m.precision in ("day", "month", "year")
        assert len(m.value) == {"day": 10, "month": 7, "year": 4}[m.precision]
        if m.end_value is not None:
            assert m.end_value > m.value


def test_page_stamp_later_than_publication_is_dropped():
    text = "الجمعة 9 مايو 2025\nأخبار\nالوزير يلتقي نظيره\nالاثنين 3 مارس 2025 - 11:20 ص\nالتقى الوزير نظيره أمس."
    article = resolve_dates(Article(text=text))
    assert article.published == date(2025, 3, 3)
    assert [(d.text, d.value) for d in article.dates] == [
        ("الاثنين 3 مارس 2025", "2025-03-03"),
        ("أمس", "2025-03-02"),
    ]


def test_a_later_date_inside_a_sentence_is_kept():
    text = "عنوان\nأعلنت اللجنة أن الانتخابات ستجرى في 9 مايو 2025 في كل المحافظات."
    article = resolve_dates(Article(text=text, published=date(2025, 3, 3)))
    assert [d.value for d in article.dates] == ["2025-05-09"]
