"""Vocabulary of CAMEO roots 17 (coerce), 18 (assault), 19 (fight) and 20 (mass violence): each family
of news wording in lexicon/17.tsv … 20.tsv codes its act through the whole pipeline, and the words
that only look like it (weather, idioms, time words, other senses) code none of these roots.
Sentences written for this test."""

from __future__ import annotations

import pytest

from sentence_events import coded_events, keys

VIOLENT = ("17", "18", "19", "20")


def events(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(*keys(e), e.cameo, e.status) for e in coded_events(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # 19: air strikes with a light verb, missiles fired, drone attacks, shelling by artillery
    ("شنت إسرائيل غارات جوية على مواقع لحزب الله في جنوب لبنان.", ("ISR", "HEZBOLLAH", "195", "occurred")),
    ("أطلق حزب الله صواريخ على شمال إسرائيل.", ("HEZBOLLAH", "ISR", "195", "occurred")),
    ("شن الجيش التركي هجوما بطائرات مسيرة على مواقع حزب العمال الكردستاني في شمال العراق.",
     ("TUR", "PKK", "195", "occurred")),
    ("قصفت المدفعية الإسرائيلية بلدات في جنوب لبنان.", ("ISR", "LBN", "194", "occurred")),
    # shooting down (the shooter between the verb and the plane)
    ("أسقطت روسيا طائرة أوكرانية مسيرة فوق القرم.", ("RUS", "UKR", "190", "occurred")),
    # incursion, siege, blocking aid, taking a town, extending control
    ("توغلت القوات الإسرائيلية في مدينة جنين.", ("ISR", "PSE", "192", "occurred")),
    ("حاصرت القوات الإسرائيلية مستشفى الشفاء في غزة.", ("ISR", "PSE", "191", "occurred")),
    ("منعت إسرائيل دخول المساعدات إلى غزة.", ("ISR", "PSE", "191", "occurred")),
    ("بسط الجيش السوري سيطرته على ريف حلب.", ("SYR", "SYR", "192", "occurred")),
    # ceasefire and truce violations, past verb with the violator between
    ("خرقت إسرائيل وقف إطلاق النار مع حزب الله.", ("ISR", "HEZBOLLAH", "196", "occurred")),
    ("انتهكت روسيا الهدنة في أوكرانيا.", ("RUS", "UKR", "196", "occurred")),
    # 17: curfew imposed (longer than the embargo phrase "فرض * حظر", 163), arrests, charges
    ("فرضت السلطات الإسرائيلية حظر التجول على الفلسطينيين في الخليل.", ("ISR", "PSE", "1723", "occurred")),
    ("اعتقلت السلطات الإيرانية صحفية أمريكية.", ("IRN", "USA", "173", "occurred")),
    ("وجهت النيابة العامة الفرنسية تهما إلى رئيس الوزراء الفرنسي السابق.", ("FRA", "FRA", "173", "occurred")),
    # confiscation, demolition, expulsion, dispersal of protesters
    ("صادرت إسرائيل أراضي فلسطينية في الضفة الغربية.", ("ISR", "PSE", "1711", "occurred")),
    ("هدمت إسرائيل منازل فلسطينيين في القدس الشرقية.", ("ISR", "PSE", "1712", "occurred")),
    ("طردت فرنسا عشرات المهاجرين الجزائريين.", ("FRA", "DZA", "174", "occurred")),
    ("فرقت قوات الأمن السودانية المتظاهرين بالغاز المسيل للدموع في الخرطوم.", ("SDN", "SDN", "175", "occurred")),
    ("أطلقت قوات الأمن السورية النار على المتظاهرين في درعا.", ("SYR", "SYR", "175", "occurred")),
    # 18: abduction, assassination, torture, suicide attack (accusative head), execution
    ("اختطف الحوثيون موظفين في الأمم المتحدة في صنعاء.", ("HOUTHI", "*", "181", "occurred")),
    ("اغتالت إسرائيل قياديا في حماس في بيروت.", ("ISR", "*", "186", "occurred")),
    ("نفذ تنظيم داعش هجوما انتحاريا على مسجد في باكستان.", ("ISIS", "PAK", "1831", "occurred")),
    ("أعدمت السعودية مواطنا سعوديا.", ("SAU", "*", "1823", "occurred")),
    # 20: chemical weapons used, genocide, a nuclear test
    ("استخدمت الحكومة السورية غاز السارين ضد المدنيين في الغوطة.", ("SYR", "SYR", "2041", "occurred")),
    ("أجرت كوريا الشمالية تجربة نووية جديدة.", ("PRK", "*", "2042", "occurred")),
])
def test_family_codes_its_act(text: str, expected: tuple) -> None:
    source, target, cameo, status = expected
    found = events(text)
    assert any(e[0] == source and (target == "*" or e[1] == target) and e[2] == cameo and e[3] == status
               for e in found), found


@pytest.mark.parametrize(("text", "root"), [
    ("اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون.", "19"),  # interception: 190
    ("فجر انتحاري نفسه في سوق ببغداد.", "18"),
    ("وفجر المهاجمون قنابلهم في محطة للمترو في بغداد.", "18"),  # "فجر" the verb, no time word
    ("سيطرت قوات الدعم السريع على مدينة ود مدني في السودان.", "19"),
    ("ارتكبت قوات الدعم السريع إبادة جماعية في دارفور.", "20"),
    ("عذبت قوات الأمن السورية معتقلين من المعارضة السورية.", "18"),
])
def test_family_codes_its_root(text: str, root: str) -> None:
    assert any(cameo[:2] == root for _, _, cameo, _ in events(text)), events(text)


@pytest.mark.parametrize("text", [
    "ضربت عاصفة ترابية العاصمة العراقية بغداد.",  # weather, not a strike
    "اجتاحت عاصفة رملية الكويت.",  # a storm swept, not an invasion
    "أسقطت طائرات عسكرية أردنية مساعدات غذائية على شمال غزة.",  # an airdrop, not a shooting down
    "وصل وزير الخارجية الأمريكي إلى بيروت فجر اليوم.",  # dawn, not "blew up"
    "فككت الشرطة المغربية عبوة ناسفة في طنجة.",  # a bomb defused, not used
    "رحل الرئيس الجزائري الأسبق عن عمر ناهز 80 عاما.",  # passed away, not deported
    "اعترض الأردن على القرار الإسرائيلي.",  # objected, not intercepted
    "حجب البرلمان العراقي الثقة عن وزير المالية العراقي.",  # no-confidence vote, not blocking websites
    "تحسن الاقتصاد المصري نسبيا.",  # "relatively", not a form of "سبى"
    "وصلت فرق الإنقاذ التركية إلى المنطقة.",  # rescue teams, not dispersal
    "طعن المرشح الجزائري في نتائج الانتخابات أمام المحكمة.",  # appealed, not stabbed
    "سيطرت فرق الإطفاء على الحريق في عمان.",  # a fire brought under control
    "أصدرت الخارجية المصرية بيانا صادرا عن الوزارة.",  # "issued by", not confiscated
])
def test_look_alike_codes_no_violence(text: str) -> None:
    assert not [e for e in events(text) if e[2][:2] in VIOLENT], events(text)
