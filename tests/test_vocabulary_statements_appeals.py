"""The vocabulary of CAMEO roots 01 (statements), 02 (appeals), 03 (intent to cooperate) and 10
(demands): each family of wording written in data/lexicon/01.tsv, 02.tsv, 03.tsv and 10.tsv codes its
act through the whole pipeline, and the words that only look like it code nothing.

The sentences are written for these tests, one or more per family."""

from __future__ import annotations

import pytest

from sentence_events import coded_events, keys


def events_of(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.cameo, *keys(e), e.status) for e in coded_events(text)]


# (sentence, code, source key, target key): the event must be among those coded, as occurred
CODED = [
    # 010 a statement that is an act of its own: a speech delivered
    ("ألقى الرئيس الأمريكي كلمة أمام الجمعية العامة للأمم المتحدة.", "010", "USA", "UN"),
    # 011 declining to comment ("رفض" + "التعليق" is no rejection)
    ("وامتنع الكرملين عن التعليق على التقارير الأمريكية.", "011", "RUS", "USA"),
    ("ورفضت الخارجية الروسية التعليق على تصريحات الرئيس الأوكراني.", "011", "RUS", "UKR"),
    # 012 concern, regret voiced; a gap after "عن" ("عن بالغ قلقها")
    ("أعربت الخارجية المصرية عن بالغ قلقها إزاء التصعيد الإسرائيلي في لبنان.", "012", "EGY", "ISR"),
    ("وأبدت الصين قلقها من العقوبات الأمريكية.", "012", "CHN", "USA"),
    # 019 accord: a proposal, an offer, an initiative accepted; its author is the target
    ("وافقت الحكومة اليمنية على المقترح السعودي لتمديد الهدنة.", "019", "YEM", "SAU"),
    ("أعلن المجلس العسكري السوداني قبوله مبادرة الاتحاد الأفريقي.", "019", "SDN", "AU"),
    ("وافق حزب الله على خطة فرنسية لوقف التصعيد.", "019", "HEZBOLLAH", "FRA"),
    # 013 optimism, satisfaction voiced
    ("أبدت تركيا تفاؤلها بنتائج المحادثات مع روسيا.", "013", "TUR", "RUS"),
    ("وأعربت موسكو عن ارتياحها لقرار أنقرة.", "013", "RUS", "TUR"),
    # 014 a policy option under consideration
    ("تدرس الحكومة البريطانية فرض عقوبات على إيران.", "014", "GBR", "IRN"),
    # 015 claiming an attack
    ("وتبنى تنظيم داعش الهجوم على الجيش العراقي.", "015", "ISIS", "IRQ"),
    # 016 denying responsibility, denying a link
    ("ونفت إيران مسؤوليتها عن الهجوم على الناقلة الإسرائيلية.", "016", "IRN", "ISR"),
    # 017 a symbolic act: a landmark lit in another state's colours
    ("أضاءت الإمارات برج خليفة بألوان العلم الفرنسي.", "017", "ARE", "FRA"),
    # 018 condolences with the subject between verb and noun; solidarity
    ("قدمت تركيا تعازيها لمصر.", "018", "TUR", "EGY"),
    ("وأعربت السعودية عن تضامنها مع المغرب.", "018", "SAU", "MAR"),
    ("وأكد الأردن تضامنه مع مصر.", "018", "JOR", "EGY"),
    # 019 views said to match
    ("أكد الأردن تطابق وجهات النظر مع مصر.", "019", "JOR", "EGY"),
    ("وأكدت السعودية تطابق مواقفها مع الإمارات.", "019", "SAU", "ARE"),
    # 020 appeals: the bare verbs, the light-verb "وجه نداء", "تقدم بطلب", "جدد دعوته"
    ("ناشدت الأمم المتحدة الدول المانحة تقديم المساعدات للسودان.", "0233", "UN", "SDN"),  # an appeal for aid (the gap reaches "المساعدات")
    ("وجهت الأمم المتحدة نداء عاجلا إلى المجتمع الدولي لمساعدة السودان.", "020", "UN", "SDN"),
    ("وتقدمت مصر بطلب رسمي إلى الأمم المتحدة لعقد جلسة طارئة.", "020", "EGY", "UN"),
    ("وجدد الرئيس الفلسطيني دعوته إسرائيل إلى وقف العدوان.", "020", "PSE", "ISR"),
    # 023 asking for aid
    ("وطلبت أوكرانيا من ألمانيا مساعدات عسكرية.", "023", "UKR", "DEU"),
    # 0253 / 0254 / 026: what is appealed for names the code
    ("دعت قطر إيران إلى الإفراج عن البحارة المحتجزين.", "0253", "QAT", "IRN"),
    ("دعت الجامعة العربية إسرائيل إلى رفع الحصار عن غزة.", "0254", "ARL", "ISR"),
    ("قال وزير الخارجية الإيراني: أدعو السعودية إلى الحوار.", "026", "IRN", "SAU"),
    # 030 readiness, resolve, wish, keenness with an aim of cooperation
    ("وأكدت تركيا أنها على استعداد للتعاون مع العراق.", "030", "TUR", "IRQ"),
    ("وأكد أردوغان استعداد بلاده للتعاون مع مصر.", "030", "TUR", "EGY"),
    ("تعتزم السعودية تعزيز التعاون الاقتصادي مع العراق.", "030", "SAU", "IRQ"),
    ("وأكدت روسيا عزمها تطوير العلاقات مع الصين.", "030", "RUS", "CHN"),
    ("وأعربت ألمانيا عن رغبتها في تعزيز الشراكة مع المغرب.", "030", "DEU", "MAR"),
    ("وأكدت إيران حرصها على تعزيز العلاقات مع الإمارات.", "030", "IRN", "ARE"),
    # 0334 ready to send peacekeepers
    ("وقالت بريطانيا إنها مستعدة لإرسال قوات حفظ السلام إلى أوكرانيا.", "0334", "GBR", "UKR"),
    # 036 open to dialogue; the door to dialogue opened
    ("أعلنت إيران أنها منفتحة على الحوار مع السعودية.", "036", "IRN", "SAU"),
    ("فتحت الحكومة المغربية باب الحوار مع الجزائر.", "036", "MAR", "DZA"),
    # 039 offering to mediate or to host talks between others
    ("وعرضت تركيا وساطتها بين روسيا وأوكرانيا.", "039", "TUR", "RUS"),
    ("أبدت تركيا استعدادها لاستضافة محادثات بين روسيا وأوكرانيا.", "039", "TUR", "UKR"),
    ("وأبدت قطر استعدادها للتوسط بين إسرائيل وحماس.", "039", "QAT", "HAMAS"),
    # 10 demands: what is demanded names the code
    ("طالبت مصر إسرائيل بالانسحاب من محور فيلادلفيا.", "1056", "EGY", "ISR"),
    ("طالب الاتحاد الأوروبي روسيا بالإفراج عن المعارض الروسي.", "1053", "EU", "RUS"),
    ("ويطالب الفلسطينيون إسرائيل برفع الحصار عن غزة.", "1054", "PSE", "ISR"),
    ("وطالب العراق تركيا بسحب قواتها من أراضيه.", "1056", "IRQ", "TUR"),
    ("وجدد العراق مطالبته تركيا بسحب قواتها من أراضيه.", "1056", "IRQ", "TUR"),  # a withdrawal demanded: de-escalation
    ("واشترطت حماس انسحاب إسرائيل من غزة قبل أي اتفاق.", "100", "HAMAS", "ISR"),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), CODED)
def test_family_codes_its_act(text: str, code: str, source: str, target: str) -> None:
    found = events_of(text)
    assert (code, source, target, "occurred") in found, found


# Sentences where a word of these families reads otherwise: no event of the root may be coded.
NOT_CODED = [
    # "تعليق" with no article after "رفض" is a suspension rejected (12), not a comment declined
    ("ورفضت حماس تعليق المفاوضات مع إسرائيل.", "01"),
    # "للأسف" (unfortunately) is no regret expressed
    ("وقال الرئيس المصري إن إسرائيل للأسف لم تلتزم بالاتفاق مع حماس.", "01"),
    # "عبوة ناسفة": the present of "أسف" would make "نأسف" = "ناسف"
    ("انفجرت عبوة ناسفة قرب دورية للجيش العراقي في الموصل.", "01"),
    # "أقر" + object is "approved"; "تبنى" + a resolution is "adopted"
    ("أقر البرلمان العراقي اتفاقية التعاون مع الأردن.", "01"),
    ("وتبنى مجلس الأمن قرارا يطالب إسرائيل بوقف إطلاق النار.", "01"),
    # "لا داعي" (no need) is no appeal
    ("وقال وزير الخارجية التركي إنه لا داعي للقلق من التدريبات الروسية.", "02"),
    # an intent to attack is no intent to cooperate
    ("وتعتزم إسرائيل شن هجوم بري على رفح.", "03"),
    # "استعدادا لـ" is "in preparation for", not readiness offered
    ("وصل الوفد المصري إلى الدوحة استعدادا لجولة جديدة من المفاوضات مع حماس.", "03"),
    # "مستعدون للرد" is a threat, not an intent to cooperate
    ("وقال الجيش الإيراني إنه مستعد للرد على أي هجوم إسرائيلي.", "03"),
]


@pytest.mark.parametrize(("text", "root"), NOT_CODED)
def test_homograph_codes_nothing_of_the_root(text: str, root: str) -> None:
    found = events_of(text)
    assert not [e for e in found if e[0].startswith(root)], found


def test_appeal_is_not_a_ceasefire() -> None:
    """The ceasefire appealed for is the appeal's aim: no ceasefire (0871) is coded beside it."""
    found = events_of("دعت الجامعة العربية إسرائيل إلى وقف إطلاق النار في غزة.")
    assert any(code.startswith("02") for code, *_ in found), found
    assert not any(code.startswith("087") for code, *_ in found), found
