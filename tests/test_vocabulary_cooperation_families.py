"""Families of cooperative wording (CAMEO roots 01-09) that the coder did not know: declining to
comment in other words; a cry for help; mediation asked for; standing by another; offers of help or
of hosting talks; intents to cooperate militarily, on security or against terrorism; commitments and
promises; arrival on a visit told in the present; sessions of joint committees; talks told by "تناول
مع"; praise told as a label ("وصفها بالتاريخية"); congratulations on a win or an occasion; an
agreement reached named before its verb; intelligence given or shared; detainees received; energy
traded; tranches disbursed; sums granted or allocated; air defence delivered; refugees sheltered;
weapons burnt or handed in by their own bearers; a halt to hostilities; deaths and abuses
documented, testimonies gathered. Each family codes its act through the whole pipeline, and the same
words in another meaning code nothing of that kind. Sentences written for this test, not taken from
a data set."""

from __future__ import annotations

import pytest

from sentence_events import assert_coded, coded_events, codes_of

# (sentence, cameo code, source key, target key, status)
CODED = [
    # 01 declining to comment in other words; 02 a cry for help
    ("فضلت الخارجية المصرية عدم التعليق.", "011", "EGY", None, "occurred"),
    ("رفض المتحدث باسم الجيش الإسرائيلي الإدلاء بأي تصريحات.", "011", "ISR", None, "occurred"),
    ("استغاث لبنان بالأمم المتحدة.", "0233", "LBN", "UN", "occurred"),
    ("طلبت الحكومة السودانية وساطة السعودية.", "028", "SDN", "SAU", "occurred"),
    # 03 offers of help and of hosting talks between others
    ("عرضت تركيا المساعدة على ليبيا.", "033", "TUR", "LBY", "occurred"),
    ("عرضت قطر استضافة محادثات بين إيران والولايات المتحدة.", "039", "QAT", "IRN", "occurred"),
    # 03 intent to cooperate: the aim names the kind (0312 military, 0314 security and intelligence)
    ("أكد العراق والأردن عزمهما تطوير التعاون العسكري.", "0312", "IRQ", "JOR", "occurred"),
    ("أعلنت مصر والسودان نيتهما تعزيز التعاون في مجال الدفاع.", "0312", "EGY", "SDN", "occurred"),
    ("تعهدت فرنسا بالتعاون مع المغرب في مكافحة الإرهاب.", "0314", "FRA", "MAR", "occurred"),
    ("أبدت تونس رغبتها في تعاون أمني أوسع مع الجزائر.", "0314", "TUN", "DZA", "occurred"),
    # 03 commitments and promises that name what is committed or promised
    ("التزمت اليابان بتقديم 50 مليون دولار لأفغانستان.", "0331", "JPN", "AFG", "occurred"),
    ("جدد الاتحاد الأوروبي التزامه بدعم أوكرانيا.", "030", "EU", "UKR", "occurred"),
    ("وعدت الصين باكستان بقروض جديدة.", "0331", "CHN", "PAK", "occurred"),
    # 04 arrival on a visit told in the present; a joint committee's session held
    ("ستصل وزيرة الخارجية الألمانية إلى عمان الأحد في زيارة رسمية.", "042", "DEU", "JOR", "planned"),
    ("يصل الرئيس التركي إلى القاهرة غدا في زيارة رسمية.", "042", "TUR", "EGY", "planned"),
    ("عقدت مصر والأردن الدورة الثلاثين للجنة العليا المشتركة.", "040", "EGY", "JOR", "occurred"),
    ("انطلقت في الرياض أعمال الدورة الأولى لمجلس التنسيق السعودي العراقي.", "040", "SAU", "IRQ", "occurred"),
    ("تناول الرئيس الجزائري مع نظيره التونسي الأوضاع الإقليمية.", "040", "DZA", "TUN", "occurred"),
    # 05 praise told as a label; an agreement named before the verb that reached it
    ("وصف الرئيس الفلسطيني قرار إسبانيا بالتاريخي.", "051", "PSE", "ESP", "occurred"),
    ("وصف الرئيس الفلسطيني قرار النرويج بالشجاع.", "051", "PSE", "NOR", "occurred"),
    ("تعهدت القاهرة بتنفيذ الاتفاق الذي توصلت إليه مع الخرطوم.", "057", "EGY", "SDN", "occurred"),
    ("هنأ الرئيس المصري نظيره الجزائري بمناسبة عيد الاستقلال.", "051", "EGY", "DZA", "occurred"),
    ("تقف مصر إلى جانب السودان في أزمته.", "051", "EGY", "SDN", "occurred"),
    # 06 intelligence given or shared; detainees received or handed over
    ("قدمت بريطانيا لفرنسا معلومات استخباراتية عن الخلية.", "064", "GBR", "FRA", "occurred"),
    ("تتقاسم ألمانيا معلومات عن المقاتلين الأجانب مع تركيا.", "064", "DEU", "TUR", "occurred"),
    ("تسلمت الجزائر محتجزين من تونس.", "063", "DZA", "TUN", "occurred"),
    ("استلمت مصر المطلوب من الكويت.", "063", "EGY", "KWT", "occurred"),
    ("سلمت تركيا المحتجزين السوريين إلى دمشق.", "063", "TUR", "SYR", "occurred"),
    # 06 energy traded between states
    ("استوردت مصر الغاز من إسرائيل.", "061", "EGY", "ISR", "occurred"),
    ("بدأت قطر تزويد مصر بالغاز المسال.", "061", "QAT", "EGY", "occurred"),
    # 07 a tranche disbursed; air defence and batteries delivered; meals dropped; refugees sheltered
    ("صرف صندوق النقد الدولي شريحة جديدة من القرض لمصر.", "071", "IMF", "EGY", "occurred"),
    ("دعمت قطر لبنان بمبلغ 20 مليون دولار.", "071", "QAT", "LBN", "occurred"),
    ("خصصت السعودية 500 مليون دولار لليمن.", "071", "SAU", "YEM", "occurred"),
    ("ستزود الولايات المتحدة أوكرانيا بأنظمة دفاع جوي.", "072", "USA", "UKR", "planned"),
    ("سلمت ألمانيا بطاريات باتريوت لأوكرانيا.", "072", "DEU", "UKR", "occurred"),
    ("أسقطت طائرات أردنية آلاف الوجبات على غزة.", "073", "JOR", "PSE", "occurred"),
    ("تؤوي تركيا ملايين اللاجئين السوريين.", "075", "TUR", "SYR", "occurred"),
    ("استقبلت ألمانيا مليون لاجئ سوري.", "075", "DEU", "SYR", "occurred"),
    # 08 weapons handed in by their own bearers (the singular, the plural with the pronoun)
    ("سلمت الفصائل المسلحة في الجنوب سلاحها للجيش السوري.", "0873", "SYR", "SYR", "occurred"),
    ("أعلنت حركة حماس أنها ستسلم أسلحتها للسلطة الفلسطينية.", "0873", "HAMAS", "PSE", "planned"),
    ("أعلنت الفصائل الفلسطينية وقف الأعمال العدائية مع إسرائيل.", "0871", "PSE", "ISR", "occurred"),
    # 09 deaths documented; testimonies gathered
    ("وثقت الأمم المتحدة وفاة معتقلين تحت التعذيب.", "092", "UN", None, "occurred"),
    (
        "جمعت الأمم المتحدة شهادات لاجئين من الروهينغا عن انتهاكات جيش ميانمار.",
        "092",
        "UN",
        "MMR",
        "occurred",
    ),
]


@pytest.mark.parametrize(("text", "cameo", "source", "target", "status"), CODED)
def test_family_is_coded(text: str, cameo: str, source: str | None, target: str | None, status: str) -> None:
    assert_coded(text, cameo, source, target, status)


def test_own_weapons_handed_in_are_a_disarmament_not_a_delivery() -> None:
    codes = codes_of("أعلنت حركة حماس أنها ستسلم أسلحتها للسلطة الفلسطينية.")
    assert "0873" in codes and "072" not in codes


def test_refusing_to_make_statements_is_declining_comment_not_a_rejection() -> None:
    roots = {e.root for e in coded_events("رفض المتحدث باسم الجيش الإسرائيلي الإدلاء بأي تصريحات.")}
    assert "01" in roots and "12" not in roots


def test_an_aid_ship_arriving_is_aid_not_a_visit() -> None:
    codes = codes_of("ومن المقرر أن تصل سفينة مساعدات إماراتية إلى ميناء اللاذقية الأسبوع المقبل.")
    assert "073" in codes and "042" not in codes


# (sentence, the roots it must not code): the same words in another meaning
HOMOGRAPHS = [
    ("صرف الجيش المصري رواتب الجنود.", ("07",)),  # صرف = paid out salaries
    ("وثق الرئيس السوري بوعود موسكو.", ("09",)),  # وثق = trusted
    ("عقدت وزارة الدفاع الأردنية دورة تدريبية للضباط العراقيين.", ("04",)),  # a training course
    ("وصفت وزارة السياحة المصرية المدينة بأنها تاريخية.", ("05",)),  # a historic town, no act praised
    ("يتقاسم العراق وسوريا حدودا طويلة.", ("06",)),  # share a border
    ("شاركت مصر في القمة العربية.", ("06",)),  # شارك = took part
    ("تسلم الرئيس المصري أوراق اعتماد السفير السعودي.", ("06",)),  # received credentials
    ("أحرق المتظاهرون العلم الإسرائيلي أمام السفارة.", ("08",)),  # burnt a flag
    ("يصل حجم التبادل التجاري بين مصر والسعودية إلى 10 مليارات دولار.", ("04",)),  # reaches an amount
    ("تعد الصين أكبر مقرض لباكستان.", ("03",)),  # تعد = is (considered), not promises
    ("عرض التلفزيون المصري فيلما وثائقيا.", ("03",)),  # عرض = showed
    ("التزمت إسرائيل بوقف إطلاق النار.", ("03",)),  # abided by a truce (08), no pledge of cooperation
    ("ومن هنا جاء فوز الحزب في الانتخابات.", ("05",)),  # هنا = here, not congratulated
    ("رصدت الحكومة المصرية مليار دولار لإعادة الإعمار.", ("07",)),  # a state's own spending
    ("أعلنت تركيا وقف إطلاق النار إلى جانب الانسحاب.", ("05",)),  # وقف = the halting (a truce), not stood by
]


@pytest.mark.parametrize(("text", "roots"), HOMOGRAPHS)
def test_homograph_codes_none_of_these_roots(text: str, roots: tuple[str, ...]) -> None:
    found = [(e.cameo, e.trigger.text) for e in coded_events(text) if e.root in roots]
    assert not found, found
