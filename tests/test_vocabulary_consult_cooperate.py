"""The lexicon's vocabulary of CAMEO roots 04-07 (consult, diplomatic and material cooperation, aid),
through the full pipeline, on sentences written for these tests: each family of wording codes its act,
and the homograph readings of the same words code nothing of these roots."""

from __future__ import annotations

import pytest

from sentence_events import coded_events, keys

events_of = coded_events


def find(events: list, code: str):
    return next((e for e in events if e.cameo == code), None)


# (sentence, code, source key, target key, status); roots 04-06 are symmetric, so the pair may come
# either way round ("either" below), the others one way.
CODED = [
    # 040: light verbs with the meeting noun, rounds of consultations
    ("عقد وزير الخارجية المصري اجتماعا مع نظيره الأردني في عمان.", "040", "EGY", "JOR", "occurred"),
    ("وتعقد مصر وقطر جولة مشاورات سياسية الشهر المقبل.", "040", "EGY", "QAT", "planned"),
    ("أجرت الأردن مباحثات مع العراق حول الربط الكهربائي.", "040", "JOR", "IRQ", "occurred"),
    # 041: a call made, received ("تلقى": the subject is the one called), talk by phone
    ("وأجرى وزير الخارجية السعودي اتصالا هاتفيا بنظيره الفرنسي.", "041", "SAU", "FRA", "occurred"),
    ("تلقى الرئيس الجزائري اتصالا هاتفيا من الرئيس التونسي.", "041", "DZA", "TUN", "occurred"),
    ("وتحدث الرئيس الروسي هاتفيا مع الرئيس التركي.", "041", "RUS", "TUR", "occurred"),
    ("وبحث أمير قطر هاتفيا مع الرئيس الإيراني التطورات في المنطقة.", "041", "QAT", "IRN", "occurred"),
    # 042: travel and arrival
    ("توجه وزير الخارجية الإيراني إلى بيروت.", "042", "IRN", "LBN", "occurred"),
    ("ووصل وزير الخارجية التركي إلى الرياض في زيارة رسمية.", "042", "TUR", "SAU", "occurred"),
    # 043 / 045: hosting; mediation by the go-between
    ("وتوسطت قطر بين إسرائيل وحماس.", "045", "QAT", "ISR", "occurred"),
    # 046: negotiations resumed
    ("واستأنفت إيران والولايات المتحدة المفاوضات النووية في مسقط.", "046", "IRN", "USA", "occurred"),
    # 051: commending, appreciating
    ("وأثنى وزير الخارجية الأمريكي على الدور المصري.", "051", "USA", "EGY", "occurred"),
    ("وثمنت السعودية جهود الكويت.", "051", "SAU", "KWT", "occurred"),
    # 052: verbal defence
    ("ودافعت روسيا عن إيران في مجلس الأمن.", "052", "RUS", "IRN", "occurred"),
    # 053: rallying support
    ("وتسعى تركيا إلى حشد دعم دولي لأذربيجان.", "053", "TUR", "AZE", "occurred"),
    # 054: an embassy reopened
    ("وأعادت الإمارات فتح سفارتها لدى سوريا.", "054", "ARE", "SYR", "occurred"),
    # 057: signing, ratifying, reaching an agreement
    ("ووقعت الجزائر وإيطاليا اتفاقية لتوريد الغاز.", "057", "DZA", "ITA", "occurred"),
    ("وصادق البرلمان الأردني على اتفاقية مع مصر.", "057", "JOR", "EGY", "occurred"),
    ("وتوصلت إثيوبيا والصومال إلى اتفاق في أنقرة.", "057", "ETH", "SOM", "occurred"),
    # 062: joint exercises and patrols
    ("وأجرت مصر والسودان مناورات عسكرية مشتركة.", "062", "EGY", "SDN", "occurred"),
    ("وتسير روسيا وتركيا دوريات مشتركة في سوريا.", "062", "RUS", "TUR", "occurred"),
    # 063: handing over the wanted
    ("وسلمت تركيا مطلوبين إلى العراق.", "063", "TUR", "IRQ", "occurred"),
    # 064: intelligence shared
    ("وتبادلت المغرب وإسبانيا معلومات استخباراتية.", "064", "MAR", "ESP", "occurred"),
    # 071-073: aid sent, loans, weapons supplied, convoys
    ("وأرسلت السعودية مساعدات إنسانية إلى السودان.", "073", "SAU", "SDN", "occurred"),
    ("وقدمت اليابان قرضا لمصر.", "071", "JPN", "EGY", "occurred"),
    ("وزودت الولايات المتحدة أوكرانيا بصواريخ باتريوت.", "072", "USA", "UKR", "occurred"),
    ("وأرسلت ألمانيا 14 دبابة إلى أوكرانيا.", "072", "DEU", "UKR", "occurred"),
    ("وعبرت قافلة مساعدات أردنية إلى غزة.", "073", "JOR", "PSE", "occurred"),
    # 075: asylum granted
    ("ومنحت فرنسا المعارض الروسي اللجوء.", "075", "FRA", "RUS", "occurred"),
]


@pytest.mark.parametrize("text, code, source, target, status", CODED, ids=[c[1] + ":" + c[0][:24] for c in CODED])
def test_family_codes_its_act(text: str, code: str, source: str, target: str, status: str) -> None:
    events = events_of(text)
    event = find(events, code)
    assert event is not None, f"no {code} in {[(e.cameo, keys(e)) for e in events]}"
    if code[:2] in ("04", "05", "06") and code not in ("051", "052", "053", "054", "055", "056"):
        assert set(keys(event)) == {source, target}
    else:
        assert keys(event) == (source, target)
    assert event.status == status


def test_phone_call_is_041_not_plain_consultation() -> None:
    events = events_of("أجرى الرئيس التركي اتصالا هاتفيا بنظيره الإيراني.")
    assert [e.cameo for e in events] == ["041"]


def test_humanitarian_aid_verb_phrase_beats_generic_aid() -> None:
    # the longer "أرسل * مساعدات إنسانية" (073) wins over "أرسل * مساعدات" (070)
    assert [e.cameo for e in events_of("أرسلت تركيا مساعدات إنسانية إلى السودان.")] == ["073"]


def test_hosting_talks_between_two_is_hosting_and_talks() -> None:
    events = events_of("واحتضنت مسقط جولة محادثات بين إيران والولايات المتحدة.")
    assert {e.cameo for e in events} == {"043", "040"}
    assert set(keys(find(events, "040"))) == {"IRN", "USA"}


def test_sponsorship_is_mediation() -> None:
    events = events_of("برعاية صينية، اتفقت السعودية وإيران على استئناف العلاقات.")
    mediation = [e for e in events if e.cameo == "045"]
    assert {keys(e) for e in mediation} == {("CHN", "SAU"), ("CHN", "IRN")}


# Homograph readings: the same letters, another meaning; nothing of roots 04-07 may be coded.
NOT_CODED = [
    "ووقع زلزال في تركيا.",  # وقع: happened
    "ووصل عدد القتلى في غزة إلى 100.",  # وصل: a figure reached
    "ويصل سعر النفط في السعودية إلى مئة دولار.",  # يصل: a price reaches (the present is left out)
    "وقدم الوزير استقالته إلى رئيس الحكومة.",  # قدم: generic, no aid noun
    "وحل الجيش السوداني البرلمان.",  # حل: dissolved, no guest
    "وتوجه الاتهامات إلى إيران بدعم الحوثيين.",  # توجه: charges directed, not travel
    "ودافع الجيش الأوكراني عن مدينة باخموت.",  # a military defence of a town: no second actor
    "وتوقع صندوق النقد الدولي نمو الاقتصاد المصري.",  # توقع: expected, not signed
    "قال الوزير إن الوفد سيبقى هنا حتى الغد.",  # هنا: here (not the past of هنأ)
    "وارتفع ثمن القمح في مصر.",  # ثمن: a price
    "وأودع المتهم السجن بعد إدانته.",  # أودع: committed to prison
    "وأسقطت الدفاعات الجوية السورية طائرة مسيرة.",  # أسقط without aid: shot down, not an airdrop
    "وقال الوزير: مرحبا بكم في القاهرة.",  # a greeting
]


@pytest.mark.parametrize("text", NOT_CODED)
def test_homograph_codes_nothing_of_roots_04_to_07(text: str) -> None:
    found = [(e.cameo, keys(e), e.trigger.text) for e in events_of(text) if e.root in ("04", "05", "06", "07")]
    assert found == []
