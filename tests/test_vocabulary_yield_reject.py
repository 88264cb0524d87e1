"""Vocabulary of CAMEO roots 08 (yield), 09 (investigate), 12 (reject) and 16 (reduce relations):
one sentence per family of wording, through the whole pipeline, and the homograph readings that
must code nothing of these roots. Sentences are written for these tests, not taken from a data set."""

from __future__ import annotations

import pytest

from sentence_events import coded_events, keys

events_of = coded_events


# (sentence, cameo code, source key, target key)
CODED = [
    # 08 yield
    ("أفرجت مصر عن ثلاثة صحفيين أتراك.", "0841", "EGY", "TUR"),
    ("أطلقت روسيا سراح جنديين أوكرانيين.", "0841", "RUS", "UKR"),
    ("رفعت الولايات المتحدة العقوبات عن سوريا.", "085", "USA", "SYR"),
    ("انسحبت القوات الروسية من أوكرانيا.", "0874", "RUS", "UKR"),
    ("سمحت إسرائيل بدخول المساعدات إلى قطاع غزة.", "0863", "ISR", "PSE"),
    ("سمحت إيران لمفتشي الوكالة الدولية للطاقة الذرية بزيارة منشأة نطنز.", "0862", "IRN", "IAEA"),
    ("تراجعت الولايات المتحدة عن قرار فرض رسوم جمركية على الصين.", "0832", "USA", "CHN"),
    ("أعلنت إسرائيل هدنة مع حماس.", "0871", "ISR", "HAMAS"),
    # 09 investigate
    ("فتحت فرنسا تحقيقا في قضية فساد تطال مسؤولا لبنانيا.", "091", "FRA", "LBN"),
    ("فتحت النيابة المالية الوطنية في فرنسا تحقيقًا قضائيًا في شبهات فساد تطال وزيرا لبنانيا.", "091", "FRA", "LBN"),
    ("تجري الأمم المتحدة تحقيقا في الغارة الإسرائيلية على مخيم جباليا.", "093", "UN", "PSE"),  # an inquiry into a raid: military action
    ("يحقق الجيش الإسرائيلي في مقتل صحفي فلسطيني.", "090", "ISR", "PSE"),
    # 12 reject
    ("رفضت مصر الخطة الأمريكية.", "127", "EGY", "USA"),
    ("رفضت إيران الإفراج عن الناقلة البريطانية.", "1243", "IRN", "GBR"),
    ("رفضت الولايات المتحدة رفع العقوبات عن إيران.", "1244", "USA", "IRN"),
    ("رفضت الهند عرض الحوار الباكستاني.", "125", "IND", "PAK"),
    ("رفضت الجزائر الوساطة السعودية.", "126", "DZA", "SAU"),
    ("استخدمت روسيا حق النقض ضد مشروع قرار أمريكي.", "129", "RUS", "USA"),
    ("إسرائيل لن تتعاون مع الأمم المتحدة.", "121", "ISR", "UN"),
    ("ترفض روسيا الاتهامات الأوكرانية.", "120", "RUS", "UKR"),
    # 16 reduce relations
    ("قطعت الجزائر علاقاتها الدبلوماسية مع المغرب.", "161", "DZA", "MAR"),
    ("استدعت إسرائيل سفيرها لدى إسبانيا للتشاور.", "161", "ISR", "ESP"),
    ("علقت الولايات المتحدة مساعداتها العسكرية لمصر.", "1622", "USA", "EGY"),
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", "163", "USA", "IRN"),
    ("حظرت السعودية استيراد المنتجات اللبنانية.", "163", "SAU", "LBN"),
    ("انسحبت إيران من المفاوضات مع الولايات المتحدة.", "164", "IRN", "USA"),
    ("طردت روسيا عشرة دبلوماسيين أمريكيين.", "166", "RUS", "USA"),
]


@pytest.mark.parametrize(("text", "cameo", "source", "target"), CODED)
def test_family_is_coded(text: str, cameo: str, source: str, target: str) -> None:
    found = [e for e in events_of(text) if e.cameo == cameo]
    assert found, f"no {cameo} in {[(e.cameo, e.trigger.text) for e in events_of(text)]}"
    assert keys(found[0]) == (source, target)
    assert found[0].status == "occurred"


def test_refused_release_is_one_refusal_not_a_release() -> None:
    codes = {e.cameo for e in events_of("رفضت إيران الإفراج عن الناقلة البريطانية.")}
    assert "1243" in codes and "0841" not in codes


def test_refused_sanctions_relief_is_not_sanctions_relief() -> None:
    codes = {e.cameo for e in events_of("رفضت الولايات المتحدة رفع العقوبات عن إيران.")}
    assert "1244" in codes and "085" not in codes


def test_recalling_own_ambassador_is_161_summoning_a_foreign_one_is_not() -> None:
    assert any(e.cameo == "161" for e in events_of("استدعت تركيا سفيرها لدى الإمارات."))
    assert not any(e.root == "16" for e in events_of("استدعت الخارجية المصرية السفير الإسرائيلي."))


def test_future_release_is_planned() -> None:
    found = [e for e in events_of("ستفرج إسرائيل عن أسرى فلسطينيين الأسبوع المقبل.") if e.cameo == "0841"]
    assert found and found[0].status == "planned" and keys(found[0]) == ("ISR", "PSE")


# Homographs: the same words in another meaning code nothing of roots 08, 09, 12, 16.
HOMOGRAPHS = [
    "رفعت الحكومة التركية أسعار الوقود.",  # رفع = raise, not lift
    "قطع محتجون الطريق الدولي في إدلب.",  # قطع a road, not relations
    "تراجع سعر صرف الليرة التركية أمام الدولار.",  # تراجع = fall, not back away
    "تراجعت أسعار النفط عن مستوياتها القياسية.",
    "أطلقت إيران صاروخا على إسرائيل.",  # أطلق = launch, not release
    "حققت تركيا نموا اقتصاديا في العام الماضي.",  # حقق = achieved
    "حقق المنتخب المصري فوزا كبيرا على المنتخب التونسي.",
    "دعت مصر إلى تحقيق السلام في الشرق الأوسط.",  # تحقيق = achieving
    "اعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من لبنان.",  # اعترض = intercepted
    "علق وزير الخارجية السعودي على قرار الولايات المتحدة.",  # علق على = commented
    "رفض المتحدث باسم الخارجية التعليق على الاتهامات الروسية.",  # declined to comment (01)
    "تظاهر آلاف المغاربة في الرباط رفضا للتطبيع مع إسرائيل.",  # "in rejection of": the protest is the act
    "استقبل الرئيس المصري نظيره التركي في القاهرة.",
]


@pytest.mark.parametrize("text", HOMOGRAPHS)
def test_homograph_codes_none_of_these_roots(text: str) -> None:
    found = [(e.cameo, e.trigger.text) for e in events_of(text) if e.root in ("08", "09", "12", "16")]
    assert not found, found
