"""Families of event wording found as distributional neighbours of lexicon entries in Arabic Wikipedia
(scripts/lexicon_neighbours.py) and kept after reading: skirmishes, routing fighters, control wrested,
remand in custody, abuse of detainees, calling for, admiration voiced, travel to a place, towns
liberated, responsibility denied, opposing a measure, freedoms restricted. Each family
codes its act through the whole pipeline, and the words that only look like it code nothing of that
kind. Sentences written for this test, not taken from a data set."""

from __future__ import annotations

import pytest

from sentence_events import assert_coded, coded_events

# (sentence, cameo code, source key, target key, status)
CODED = [
    # 190 skirmishes (the sound plural) between two sides; fighters routed
    ("اندلعت مناوشات بين الجيش السوداني والجيش الإثيوبي على الحدود.", "190", "SDN", "ETH", "occurred"),
    ("دحرت القوات العراقية مسلحي تنظيم داعش من القرية.", "190", "IRQ", "ISIS", "occurred"),
    ("يدحر الجيش العراقي مسلحي تنظيم داعش من البلدات الحدودية.", "190", "IRQ", "ISIS", "occurred"),
    # 192 control wrested
    ("انتزع الجيش الأوكراني السيطرة على بلدة من القوات الروسية.", "192", "UKR", "RUS", "occurred"),
    # 173 remand in custody (the noun, with its genitive the detainee)
    ("قررت السلطات المصرية حبس مواطن إيطالي أربعة أيام.", "173", "EGY", "ITA", "occurred"),
    # 182 abuse of detainees
    ("نكلت قوات الأمن الإيرانية بالمعتقلين الأفغان.", "182", "IRN", "AFG", "occurred"),
    # 020 calling for (the present, and the written feminine past)
    ("تنادي فرنسا بالحوار مع إيران.", "020", "FRA", "IRN", "occurred"),
    # 051 admiration voiced
    ("أعرب الرئيس الفرنسي عن إعجابه بالتجربة المغربية.", "051", "FRA", "MAR", "occurred"),
    ("أبدى وزير الخارجية الصيني إعجابه بالتجربة الإماراتية.", "051", "CHN", "ARE", "occurred"),
    # 042 travel to a place, done and planned
    ("سافر وزير الخارجية الإيراني إلى موسكو.", "042", "IRN", "RUS", "occurred"),
    ("سيسافر الرئيس التركي إلى الدوحة الأسبوع المقبل.", "042", "TUR", "QAT", "planned"),
    # 192 a town liberated (verb and noun), from the side that held it
    ("حررت القوات العراقية مدينة الموصل من تنظيم داعش.", "192", "IRQ", "ISIS", "occurred"),
    ("يحرر الجيش الليبي مناطق جديدة من قبضة تنظيم داعش.", "192", "LBY", "ISIS", "occurred"),
    # 016 responsibility denied with "أنكر"
    ("أنكرت إسرائيل مسؤوليتها عن الهجوم على القنصلية الإيرانية.", "016", "ISR", "IRN", "occurred"),
    # 120 opposing a resolution or a measure
    ("عارضت روسيا مشروع القرار الأمريكي في مجلس الأمن.", "120", "RUS", "USA", "occurred"),
    ("تعارض ألمانيا فرض عقوبات جديدة على إيران.", "120", "DEU", "IRN", "occurred"),
    # 1721 freedoms restricted
    ("قيدت الحكومة الإيرانية حرية التعبير على الإنترنت.", "1721", "IRN", "IRN", "occurred"),
]


@pytest.mark.parametrize(("text", "cameo", "source", "target", "status"), CODED)
def test_neighbour_family_is_coded(text: str, cameo: str, source: str, target: str | None, status: str) -> None:
    assert_coded(text, cameo, source, target, status)


# (sentence, the roots it must not code): the same words in another meaning
HOMOGRAPHS = [
    ("ستبقى المقاومة حتى دحر الاحتلال.", ("19",)),  # a slogan's aim: the noun, no act
    ("انتزع المنتخب المغربي لقب البطولة الإفريقية.", ("19",)),  # won a title
    ("انتزعت الشرطة اعترافات من المتهمين.", ("19",)),  # extracted confessions
    ("حبست المنطقة أنفاسها بانتظار الرد الإيراني.", ("17",)),  # held its breath
    ("فاز نادي الزمالك على نادي الأهلي.", ("02",)),  # نادي = a club
    ("وصفت إيران الضربات الأمريكية بأنها عدوان سافر على سيادتها.", ("04",)),  # سافر = blatant
    ("رفضت الصين التدخل السافر في شؤونها الداخلية وفي شؤون جيرانها.", ("04",)),
    ("قال رئيس تحرير الصحيفة المصرية إن المقال لم يخضع للرقابة.", ("19",)),  # editor-in-chief
    ("طالبت حماس بتحرير الأسرى الفلسطينيين من السجون الإسرائيلية.", ("19",)),  # freeing prisoners
    ("حرر المواطن محضرا في قسم الشرطة.", ("19",)),  # filed a police report
    ("لا تعارض بين الاتفاق المصري السوداني والقانون الدولي.", ("12",)),  # تعارض = a contradiction
    ("التقى وفد المعارضة السورية بوزير الخارجية التركي في أنقرة.", ("12",)),  # the opposition, a party
]


@pytest.mark.parametrize(("text", "roots"), HOMOGRAPHS)
def test_homograph_codes_none_of_these_roots(text: str, roots: tuple[str, ...]) -> None:
    found = [(e.cameo, e.trigger.text) for e in coded_events(text) if e.root in roots]
    assert not found, found
