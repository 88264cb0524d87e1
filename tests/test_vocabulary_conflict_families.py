"""Families of wording of the conflictual CAMEO roots (10-20) that the coder did not know: conditions
as demands, findings and labels as accusations, refusals in the negated future, threats to boycott,
drills and alerts, trade and flights halted, demolition notices, sentences and summonses, downed
aircraft, barrel bombs, orders and forcing to leave. Each family codes its act through the whole
pipeline, and the words that only look like it code nothing of that kind. Sentences written for this
test, not taken from a data set."""

from __future__ import annotations

import pytest

from sentence_events import assert_coded, coded_events, codes_of

# (sentence, cameo code, source key, target key, status)
CODED = [
    # 10 a condition held to is a demand; insisting on what the other side must do
    ("قالت طهران إن رفع العقوبات الأمريكية شرط أساسي لأي اتفاق مع واشنطن.", "100", "IRN", "USA", "occurred"),
    ("تتمسك حماس بشروطها للتوصل إلى اتفاق مع إسرائيل.", "100", "HAMAS", "ISR", "occurred"),
    ("أصرت تركيا على انسحاب القوات الكردية من منبج.", "1056", "TUR", "KUR", "occurred"),
    # 11 a label, a finding, a reprimand
    ("وصفت تركيا العملية الإسرائيلية بأنها إرهاب دولة.", "111", "TUR", "ISR", "occurred"),
    ("خلصت لجنة التحقيق الأممية إلى أن القوات الإثيوبية ارتكبت جرائم حرب.", "112", "UN", "ETH", "occurred"),
    ("خلص تقرير الأمم المتحدة إلى أن الحكومة السورية مسؤولة عن الهجوم.", "112", "UN", "SYR", "occurred"),
    ("أكدت فرنسا مسؤولية النظام السوري عن الهجوم الكيميائي.", "112", "FRA", "SYR", "occurred"),
    ("وبخ الرئيس التركي السفير الأمريكي.", "111", "TUR", "USA", "occurred"),
    # 12 refusals said in the negated future are refusals now
    ("قالت حماس إنها لن تتفاوض مع إسرائيل تحت النار.", "125", "HAMAS", "ISR", "occurred"),
    ("أكد حزب الله أنه لن يسلم سلاحه إلى الدولة اللبنانية.", "124", "HEZBOLLAH", "LBN", "occurred"),
    ("أعلنت إيران أنها لن تفرج عن الناقلة البريطانية.", "1243", "IRN", "GBR", "occurred"),
    ("أعلن المغرب أنه لن يشارك في أي مفاوضات مع الجزائر.", "125", "MAR", "DZA", "occurred"),
    ("أعلنت إثيوبيا أنها لن تعترف بالحكومة الصومالية.", "120", "ETH", "SOM", "occurred"),
    ("تجاهلت إسرائيل قرار محكمة العدل الدولية.", "128", "ISR", "UN", "occurred"),
    # 13 boycotting talks, threatened in the first person
    ("قالت المعارضة التونسية: سنقاطع أي حوار مع الرئيس التونسي.", "134", "TUN", "TUN", "occurred"),
    # 15 drills of one side with live fire or near a border; bombers flown near another's airspace
    ("أجرت كوريا الجنوبية مناورات بالذخيرة الحية قرب الحدود مع كوريا الشمالية.", "150", "KOR", "PRK", "occurred"),
    ("حلقت قاذفات روسية قرب المجال الجوي الياباني.", "150", "RUS", "JPN", "occurred"),
    # 16 exports, arms sales, flights and goods halted; a treaty cancelled
    ("أوقفت روسيا صادرات الغاز إلى بولندا.", "163", "RUS", "POL", "occurred"),
    ("أوقفت ألمانيا تصدير الأسلحة إلى السعودية.", "1622", "DEU", "SAU", "occurred"),
    ("أوقفت الكويت الرحلات الجوية إلى لبنان.", "160", "KWT", "LBN", "occurred"),
    ("منعت الصين دخول المنتجات الأسترالية.", "163", "CHN", "AUS", "occurred"),
    ("ألغت الجزائر معاهدة الصداقة مع إسبانيا.", "160", "DZA", "ESP", "occurred"),
    # 17 demolition notices and demolition; sentences, summonses, warrants, house arrest, bans
    ("أخطرت السلطات الإسرائيلية عائلات فلسطينية بهدم منازلها.", "1712", "ISR", "PSE", "occurred"),
    ("سلمت إسرائيل إخطارات هدم لعشرات المنازل الفلسطينية في القدس.", "1712", "ISR", "PSE", "occurred"),
    ("نسف الجيش الإسرائيلي منازل في رفح.", "1712", "ISR", "ISR", "occurred"),
    ("قضت محكمة مصرية بسجن ناشط مصري خمس سنوات.", "173", "EGY", "EGY", "occurred"),
    ("أصدرت محكمة إيرانية حكما بإعدام متظاهر إيراني.", "173", "IRN", "IRN", "occurred"),
    ("استدعت النيابة التركية صحفيا للتحقيق.", "173", "TUR", "TUR", "occurred"),
    ("أحالت النيابة المصرية المتهمين إلى محكمة الجنايات.", "173", "EGY", "EGY", "occurred"),
    ("وضعت السلطات الجزائرية المعارض تحت الإقامة الجبرية.", "173", "DZA", "DZA", "occurred"),
    ("أصدرت المحكمة الجنائية الدولية مذكرة اعتقال بحق الرئيس الروسي.", "173", "ICC", "RUS", "occurred"),
    ("فرضت السلطات المصرية حظرا على نشاط جماعة الإخوان.", "1722", "EGY", "MB", "occurred"),
    ("رحّلت السلطات الليبية نحو أربعة آلاف مهاجر مصري.", "174", "LBY", "EGY", "occurred"),
    # 18 a soldier captured
    ("أسرت حماس جنديا إسرائيليا.", "181", "HAMAS", "ISR", "occurred"),
    ("صفّت إسرائيل قياديا في حركة الجهاد الإسلامي.", "186", "ISR", None, "occurred"),
    # 19 fire returned at drones; a spy plane downed; barrel bombs; a town's capture told by the noun
    ("ردت القوات الهندية على مسيرات باكستانية.", "190", "IND", "PAK", "occurred"),
    ("أسقطت الدفاعات الجوية الإيرانية طائرة تجسس أمريكية.", "190", "IRN", "USA", "occurred"),
    ("ألقت المروحيات السورية براميل متفجرة على حلب.", "195", "SYR", None, "occurred"),
    ("بعد سيطرة الفصائل السورية على مدينة حلب.", "192", "SYR", None, "occurred"),
    # 20 people ordered or forced out of their homes, villages emptied; gas shelling; a hydrogen bomb
    ("أمر الجيش الإسرائيلي الفلسطينيين بمغادرة شمال غزة.", "201", "ISR", "PSE", "occurred"),
    ("أجبرت قوات الدعم السريع آلاف المدنيين على النزوح من الجنينة.", "201", "SDN", "SDN", "occurred"),
    ("هجّرت القوات الإسرائيلية سكان القرى الفلسطينية.", "201", "ISR", "PSE", "occurred"),
    ("قصف النظام السوري الغوطة بغاز السارين.", "2041", "SYR", "SYR", "occurred"),
    ("فجرت كوريا الشمالية قنبلة هيدروجينية في تجربة تحت الأرض.", "2042", "PRK", None, "occurred"),
]


@pytest.mark.parametrize(("text", "cameo", "source", "target", "status"), CODED)
def test_family_is_coded(text: str, cameo: str, source: str | None, target: str | None, status: str) -> None:
    assert_coded(text, cameo, source, target, status)


def test_a_refusal_to_step_down_is_not_a_concession_denied() -> None:
    roots = {e.root for e in coded_events("أعلنت الحكومة السودانية أن الرئيس السوداني لن يتنحى.")}
    assert "08" not in roots


# (sentence, the roots it must not code): the same words in another meaning
HOMOGRAPHS = [
    ("قالت الوزارة إن الاتفاق يضع شروطا واضحة لتصدير الحبوب.", ("10",)),  # terms of a deal
    ("خلص الاجتماع إلى أن الحل السياسي هو الطريق الوحيد.", ("11",)),  # a meeting's conclusion
    ("أكدت مصر مسؤولية المجتمع الدولي في حماية المدنيين.", ("11",)),  # a duty, not blame
    ("تمسكت مصر بحقها في مياه النيل.", ("10",)),  # holding to a right, not a condition
    ("حكم الرئيس التونسي البلاد ثلاثين عاما.", ("17",)),  # حكم = ruled
    ("لم يبق أمام السودان سوى الحل السياسي.", ("17",)),  # سوى = but, except
    ("جرفت السيول عشرات المنازل في درنة.", ("17",)),  # swept away by floods: no one's act
    ("وقعت مصر والسعودية مذكرة تفاهم للتعاون في مجال الطاقة.", ("17",)),  # a memorandum, not a warrant
    ("زار الرئيس التونسي أسر الشهداء.", ("18",)),  # أسر = families
    ("أعلنت الحكومة تصفية الشركة الوطنية للطيران.", ("18",)),  # winding up a company
    ("ساهمت الطائرات الجزائرية في السيطرة على الحرائق.", ("19",)),  # bringing fires under control
    ("أسقطت طائرات عسكرية أميركية آلاف الوجبات الغذائية على غزة.", ("19",)),  # an airdrop by planes
    ("أجبر المحتجون الرئيس على مغادرة السلطة.", ("20",)),  # forced from power, not from home
    ("قصفت الطائرات الإسرائيلية محطة الغاز في غزة.", ("20",)),  # a gas station, not gas as a weapon
]


@pytest.mark.parametrize(("text", "roots"), HOMOGRAPHS)
def test_homograph_codes_none_of_these_roots(text: str, roots: tuple[str, ...]) -> None:
    found = [(e.cameo, e.trigger.text) for e in coded_events(text) if e.root in roots]
    assert not found, found


def test_the_bare_verb_of_halting_is_still_an_arrest() -> None:
    assert_coded("أوقفت الشرطة التركية عشرة مشتبهين بالانتماء إلى تنظيم داعش.", "173", "TUR", "ISIS", "occurred")


def test_a_veto_wording_is_no_downing() -> None:
    assert not any(code.startswith("19") for code in codes_of("أسقطت روسيا بالفيتو مشروع القرار الأمريكي."))
