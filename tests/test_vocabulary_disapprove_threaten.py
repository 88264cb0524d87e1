"""The vocabulary of CAMEO roots 11 (disapprove), 13 (threaten), 14 (protest) and 15 (exhibit force
posture), data/lexicon/11.tsv, 13.tsv, 14.tsv, 15.tsv: one sentence or more per family of wording,
through the whole pipeline, and the homograph readings that must code nothing of these roots."""

from __future__ import annotations

import pytest

from sentence_events import coded_events, keys

events = coded_events


def coded(text: str, cameo: str, source: str | None = None, target: str | None = None,
          status: str | None = None):
    """The event of this code (a root "14" or a full code "1123") found in the text, checked."""
    found = [e for e in events(text) if (e.root if len(cameo) == 2 else e.cameo) == cameo]
    assert found, f"no {cameo} in {text!r}: {[(e.cameo, keys(e), e.trigger.text) for e in events(text)]}"
    if source is not None:
        found = [e for e in found if keys(e)[0] == source]
        assert found, f"no {cameo} from {source} in {text!r}"
    if target is not None:
        found = [e for e in found if keys(e)[1] == target]
        assert found, f"no {cameo} against {target} in {text!r}"
    if status is not None:
        assert found[0].status == status, (found[0].status, text)
    return found[0]


def no_root(text: str, *roots: str) -> None:
    wrong = [(e.cameo, keys(e), e.trigger.text) for e in events(text) if e.root in roots]
    assert not wrong, f"{text!r} coded {wrong}"


# ---- 11 disapprove ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, cameo, source, target", [
    ("انتقدت تركيا السويد بشدة.", "111", "TUR", "SWE"),
    # labels of unlawfulness or hostility after a labelling verb
    ("وصفت الصين الرسوم الأمريكية بأنها غير شرعية.", "111", "CHN", "USA"),
    ("واعتبرت الجزائر القرار الفرنسي غير مقبول.", "111", "DZA", "FRA"),
    ("ندد الأردن بالاعتداءات الإسرائيلية.", "111", "JOR", "ISR"),
    ("أعربت الصين عن استيائها من الولايات المتحدة.", "110", "CHN", "USA"),  # displeasure voiced
    ("أعربت مصر عن غضبها من إسرائيل.", "110", "EGY", "ISR"),
    ("شنت إيران هجوما حادا على السعودية.", "111", "IRN", "SAU"),  # a verbal attack
    ("اتهمت روسيا أوكرانيا بارتكاب جرائم حرب.", "1124", "RUS", "UKR"),
    ("اتهمت إيران الولايات المتحدة بالتجسس.", "1125", "IRN", "USA"),
    ("حملت إيران إسرائيل مسؤولية الهجوم.", "112", "IRN", "ISR"),
    ("ألقت إيران باللوم على الولايات المتحدة في تصاعد التوتر.", "112", "IRN", "USA"),
    ("وصفت إيران الضربات الإسرائيلية بأنها عدوان سافر.", "1123", "IRN", "ISR"),  # a label, no accusing verb
    ("استدعت وزارة الخارجية المصرية السفير الإسرائيلي.", "114", "EGY", "ISR"),  # a foreign ambassador
    ("قدمت مصر مذكرة احتجاج إلى إسرائيل.", "114", "EGY", "ISR"),
    ("احتجت الخارجية الأردنية لدى إسرائيل على إغلاق المعابر.", "114", "JOR", "ISR"),
    ("تقدمت مصر بشكوى إلى مجلس الأمن ضد إثيوبيا.", "114", "EGY", None),
    ("رفعت جنوب أفريقيا دعوى ضد إسرائيل.", "115", "ZAF", "ISR"),
    ("قضت محكمة إيرانية بإدانة صحفي أمريكي.", "116", "IRN", "USA"),  # a court's conviction
])
def test_disapprove_families(text, cameo, source, target):
    coded(text, cameo, source, target)


def test_verbal_attack_is_no_military_attack():
    no_root("شنت إيران هجوما حادا على السعودية.", "18", "19")


def test_own_ambassador_recalled_is_no_complaint():
    no_root("استدعت الأردن سفيرها في إسرائيل للتشاور.", "11")


def test_the_accused_in_court_accuse_nobody():
    no_root("مثل المتهمين أمام المحكمة في القاهرة.", "11")


def test_a_label_of_praise_is_no_disapproval():
    no_root("وصف الرئيس المصري الاتفاق مع السعودية بأنه تاريخي.", "11")


# ---- 13 threaten ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cameo, source, target", [
    ("هددت كوريا الشمالية اليابان بضربة صاروخية.", "130", "PRK", "JPN"),
    ("توعدت إيران إسرائيل برد قاس.", "13", "IRN", "ISR"),
    ("لوحت الولايات المتحدة بفرض عقوبات على روسيا.", "130", "USA", "RUS"),
    ("أمهلت تركيا السويد أسبوعا.", "139", "TUR", "SWE"),
    ("وجهت الولايات المتحدة إنذارا أخيرا إلى إيران.", "139", "USA", "IRN"),
    ("قالت إسرائيل إن كل الخيارات مطروحة للتعامل مع إيران.", "138", "ISR", "IRN"),
])
def test_threaten_families(text, cameo, source, target):
    coded(text, cameo, source, target, status="occurred")


def test_threat_and_threatened_act_both_coded():
    """The threat does not swallow the act it threatens: that is a second, hypothetical event."""
    coded("هددت كوريا الشمالية اليابان بضربة صاروخية.", "19", status="hypothetical")


@pytest.mark.parametrize("text", [
    "دوت صفارات الإنذار في تل أبيب.",  # the alarm, no ultimatum
    "تلوح في الأفق أزمة جديدة بين مصر وإثيوبيا.",  # looms, no threat
])
def test_threaten_homographs(text):
    no_root(text, "13")


# ---- 14 protest -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cameo, source", [
    ("تظاهر آلاف العراقيين في بغداد.", "141", "IRQ"),
    ("نظم ناشطون فلسطينيون وقفة تضامنية أمام مقر الأمم المتحدة في غزة.", "141", "PSE"),
    ("أضرب الأسرى الفلسطينيون عن الطعام في السجون الإسرائيلية.", "142", "PSE"),
    ("أضرب المعلمون في الأردن عن العمل.", "143", "JOR"),
    ("قطع محتجون لبنانيون الطريق إلى المطار.", "144", "LBN"),
    ("أحرق محتجون عراقيون الإطارات في البصرة.", "144", "IRQ"),  # burning tyres to block roads
    ("أضرم محتجون إيرانيون النار في مصارف في طهران.", "145", "IRN"),
    ("رشق شبان فلسطينيون الجنود الإسرائيليين بالحجارة.", "145", "PSE"),
])
def test_protest_families(text, cameo, source):
    coded(text, cameo, source)


@pytest.mark.parametrize("text", [
    "انسحب الوفد المصري احتجاجا على كلمة إسرائيل.",  # "in protest at": why it walked out, no march
    "قصفت المدفعية الإسرائيلية بلدة حولا وأحرقت سيارة.",  # burning is no riot
])
def test_protest_homographs(text):
    no_root(text, "14")


# ---- 15 exhibit force posture -----------------------------------------------------------------

@pytest.mark.parametrize("text, cameo, source", [
    ("رفعت كوريا الجنوبية حالة التأهب العسكري.", "152", "KOR"),
    ("رفعت إيران جاهزية قواتها تحسبا لهجوم إسرائيلي.", "152", "IRN"),
    ("رفعت الداخلية المصرية حالة الاستنفار الأمني.", "151", "EGY"),
    ("نشرت تركيا آلاف الجنود على الحدود مع سوريا.", "154", "TUR"),
    ("أرسلت الولايات المتحدة حاملة طائرات إلى إسرائيل.", "154", "USA"),
    ("أعلنت روسيا تعبئة عسكرية جزئية.", "154", "RUS"),
])
def test_force_posture_families(text, cameo, source):
    coded(text, cameo, source)


@pytest.mark.parametrize("text", [
    "نشرت صحيفة نيويورك تايمز تقريرا عن القوات الإيرانية.",  # published, not deployed
    "انتشر فيروس كورونا في إيران.",  # spread
])
def test_force_posture_homographs(text):
    no_root(text, "15")
