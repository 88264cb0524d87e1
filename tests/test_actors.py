"""The actor dictionary and stage, on invented Arabic sentences, and entity recall on the shared gold."""

from __future__ import annotations

import importlib.util
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from hadath.actors import ActorDictionary, get_dictionary, tag_actors
from hadath.actors.stage import mention_entities
from hadath.model import Article

REPO = Path(__file__).resolve().parents[1]
ON = date(2024, 1, 21)


def entities(text: str, on: date | None = ON, dictionary: ActorDictionary | None = None) -> list[tuple]:
    """(text, type, actor, key) of every entity the stage would add, in order."""
    d = dictionary or get_dictionary()
    found = [e for m in d.find_mentions(text, on) for e in mention_entities(m)]
    return [(e.text, e.type, e.actor, e.key) for e in found]


# -- names with clitics ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("وتركيا", ("تركيا", "LOC", "TUR", "TUR")),
        ("لطهران", ("طهران", "LOC", "IRN", "IRN")),
        ("بأنقرة", ("أنقرة", "LOC", "TUR", "TUR")),
        ("والعراق", ("العراق", "LOC", "IRQ", "IRQ")),
        ("للسعودية", ("للسعودية", "LOC", "SAU", "SAU")),  # "لل" cannot be cut off: the text keeps it
        ("فإيران", ("إيران", "LOC", "IRN", "IRN")),
        ("وبموسكو", ("موسكو", "LOC", "RUS", "RUS")),
        ("المملكة العربية السعودية", ("المملكة العربية السعودية", "LOC", "SAU", "SAU")),
        ("أمريكا", ("أمريكا", "LOC", "USA", "USA")),
        ("أميركا", ("أميركا", "LOC", "USA", "USA")),
        ("واشنطن", ("واشنطن", "LOC", "USA", "USA")),
        ("قطاع غزة", ("قطاع غزة", "LOC", "PSE", "PSE")),
        ("برام الله", ("رام الله", "LOC", "PSE", "PSE")),
        ("إقليم كردستان", ("إقليم كردستان", "LOC", "IRQ", "IRQ")),
        ("سلطنة عمان", ("سلطنة عمان", "LOC", "OMN", "OMN")),
        ("عمان", ("عمان", "LOC", "JOR", "JOR")),
        ("كازاخستان", ("كازاخستان", "LOC", "KAZ", "KAZ")),
        ("سويسرا", ("سويسرا", "LOC", "CHE", "CHE")),
        ("زيمبابوي", ("زيمبابوي", "LOC", "ZWE", "ZWE")),  # from CLDR, not curated
    ],
)
def test_states_and_capitals_with_clitics(text: str, expected: tuple) -> None:
    assert entities(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وحزب العمال الكردستاني", ("حزب العمال الكردستاني", "ORG", "PKK", "PKK")),
        ("بي كا كا", ("بي كا كا", "ORG", "PKK", "PKK")),
        ("PKK", ("PKK", "ORG", "PKK", "PKK")),
        ("بيجاك", ("بيجاك", "ORG", "PJAK", "PJAK")),
        ("قسد", ("قسد", "ORG", "SDF", "SDF")),
        ("وحدات حماية الشعب", ("وحدات حماية الشعب", "ORG", "SDF", "SDF")),
        ("لتنظيم الدولة الإسلامية", ("تنظيم الدولة الإسلامية", "ORG", "ISIS", "ISIS")),
        ("وحماس", ("حماس", "ORG", "HAMAS", "HAMAS")),
        ("كتائب القسام", ("كتائب القسام", "ORG", "HAMAS", "HAMAS")),
        ("حزب الله", ("حزب الله", "ORG", "HEZBOLLAH", "HEZBOLLAH")),
        ("جماعة أنصار الله", ("جماعة أنصار الله", "ORG", "HOUTHI", "HOUTHI")),
        ("هيئة تحرير الشام", ("هيئة تحرير الشام", "ORG", "HTS", "HTS")),
        ("حركة طالبان", ("حركة طالبان", "ORG", "TALIBAN", "TALIBAN")),
        ("مجلس الأمن", ("مجلس الأمن", "ORG", "UN", "UN")),
        ("الجامعة العربية", ("الجامعة العربية", "ORG", "ARL", "ARL")),
        ("حلف الناتو", ("حلف الناتو", "ORG", "NATO", "NATO")),
        ("الوكالة الدولية للطاقة الذرية", ("الوكالة الدولية للطاقة الذرية", "ORG", "IAEA", "IAEA")),
        ("قوات الدعم السريع", ("قوات الدعم السريع", "ORG", "SDNREB", "SDN")),
        ("الحشد الشعبي", ("الحشد الشعبي", "ORG", "IRQMIL", "IRQ")),
        ("الحرس الثوري", ("الحرس الثوري", "ORG", "IRNMIL", "IRN")),
        ("الموساد", ("الموساد", "ORG", "ISRSPY", "ISR")),
        ("الكنيست", ("الكنيست", "ORG", "ISRLEG", "ISR")),
        ("وكالة تسنيم", ("وكالة تسنيم", "ORG", "IRNMED", "IRN")),
        ("رويترز", ("رويترز", "ORG", "GBRMED", "GBR")),
        ("فرانس برس", ("فرانس برس", "ORG", "FRAMED", "FRA")),
        ("قناة الجزيرة", ("قناة الجزيرة", "ORG", "QATMED", "QAT")),
        ("الاحتلال", ("الاحتلال", "ORG", "ISRMIL", "ISR")),
        ("كيان الاحتلال", ("كيان الاحتلال", "ORG", "ISR", "ISR")),
        ("الشرق الأوسط", ("الشرق الأوسط", "LOC", None, None)),
        ("القدس", ("القدس", "LOC", None, None)),
    ],
)
def test_organisations_and_groups(text: str, expected: tuple) -> None:
    assert entities(text) == [expected]


# -- role phrases ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("الجيش التركي", [("الجيش التركي", "ORG", "TURMIL", "TUR")]),
        ("وزارة الخارجية التونسية", [("وزارة الخارجية التونسية", "ORG", "TUNGOV", "TUN")]),
        ("والحكومة المغربية", [("الحكومة المغربية", "ORG", "MARGOV", "MAR")]),
        ("الشرطة العراقية", [("الشرطة العراقية", "ORG", "IRQCOP", "IRQ")]),
        ("المتظاهرون الإيرانيون", [("المتظاهرون الإيرانيون", "ORG", "IRNCVL", "IRN")]),
        ("قوات الاحتلال الإسرائيلي", [("قوات الاحتلال الإسرائيلي", "ORG", "ISRMIL", "ISR")]),
        ("رئيس حكومة الاحتلال", [("رئيس حكومة الاحتلال", "ORG", "ISRGOV", "ISR")]),
        ("الاحتلال الأمريكي", [("الاحتلال الأمريكي", "ORG", "USAMIL", "USA")]),
        ("النظام السوري", [("النظام السوري", "ORG", "SYRGOV", "SYR")]),
        ("النظام الإيراني", [("النظام الإيراني", "ORG", "IRNGOV", "IRN")]),
        ("قوات تركية", [("قوات تركية", "ORG", "TURMIL", "TUR")]),
        ("الحكومة السعودية", [("الحكومة السعودية", "ORG", "SAUGOV", "SAU")]),
        ("الكوري الجنوبي", []),  # an adjective alone is not an entity
        ("الجيش الكوري الجنوبي", [("الجيش الكوري الجنوبي", "ORG", "KORMIL", "KOR")]),
        ("وزارة الدفاع الوطني الجزائرية", [("وزارة الدفاع الوطني الجزائرية", "ORG", "DZAMIL", "DZA")]),
        ("المتحدث باسم الجيش الإسرائيلي", [("المتحدث باسم الجيش الإسرائيلي", "ORG", "ISRMIL", "ISR")]),
        ("القوات الكردية", [("القوات الكردية", "ORG", "KUR", "KUR")]),
        ("المبعوث الأممي", [("المبعوث الأممي", "ORG", "UN", "UN")]),
        ("وزير الخارجية التركي", [("وزير الخارجية التركي", "ORG", "TURGOV", "TUR")]),
        ("الرئيس الأمريكي السابق", [("الرئيس الأمريكي السابق", "ORG", "USAELI", "USA")]),
        ("الرئيس السابق", [("الرئيس السابق", "ORG", "ELI", None)]),
        ("المرشد الأعلى", [("المرشد الأعلى", "ORG", "IRNGOV", "IRN")]),
        ("الأزهر", [("الأزهر", "ORG", "EGYREL", "EGY")]),
        ("وزير خارجية تركيا", [("وزير خارجية", "ORG", "TURGOV", "TUR"), ("تركيا", "LOC", "TUR", "TUR")]),
        ("حكومة طهران", [("حكومة", "ORG", "IRNGOV", "IRN"), ("طهران", "LOC", "IRN", "IRN")]),
        ("قائد الحرس الثوري", [("الحرس الثوري", "ORG", "IRNMIL", "IRN")]),
        ("الأمين العام للأمم المتحدة", [("للأمم المتحدة", "ORG", "UN", "UN")]),
        # a dual adjective: "the Egyptian embassy and consulate"
        ("والقنصلية المصريتين", [("القنصلية المصريتين", "ORG", "EGYGOV", "EGY")]),
    ],
)
def test_role_phrases(text: str, expected: list) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("الشرطة", ("الشرطة", "ORG", "COP", None)),
        ("والجيش", ("الجيش", "ORG", "MIL", None)),
        ("المدنيين", ("المدنيين", "ORG", "CVL", None)),
        ("قوى الأمن", ("قوى الأمن", "ORG", "COP", None)),
        ("المعارضة", ("المعارضة", "ORG", "OPP", None)),
    ],
)
def test_role_word_alone_has_no_key(text: str, expected: tuple) -> None:
    # (bare "الأمن", "الداخلية", "الإعلام" are common words: an organ only with a nationality)
    assert entities(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "النظام",  # "the system"
        "قوات",  # an indefinite role alone names nobody
        "وزير",
        "الأمن القومي",  # security as a concern, not the police
        "الدعم المالي",  # "المالي" is "financial", not Mali
        "وزارة المالية",  # a ministry with no state in reach, but not Mali either
        "تركيات",  # "تركيا" must not match inside a longer word
        "يصر على موقفه",  # not مصر
        "الأمل",
        "اللواء",  # a rank or a brigade: an actor only with a state or a name
    ],
)
def test_common_words_are_not_actors(text: str) -> None:
    assert [e for e in entities(text) if e[3] is not None] == []
    assert not any(e[2] == "MLI" for e in entities(text))


# -- people after and before titles ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        # unknown people: the role gives the code
        ("أكد وزير الخارجية الإيراني حسن رضائي أن", ("حسن رضائي", "PER", "IRNGOV", "IRN")),
        ("وقال الرئيس الأمريكي دونالد ترامب إن", ("دونالد ترامب", "PER", "USAGOV", "USA")),
        ("رئيس جهاز الاستخبارات التركي أحمد يلماز", ("أحمد يلماز", "PER", "TURSPY", "TUR")),
        ("وزير خارجية النظام السوري فيصل المقداد", ("فيصل المقداد", "PER", "SYRGOV", "SYR")),
        ("وزيرة الدولة القطرية للتعاون الدولي مريم الكواري", ("مريم الكواري", "PER", "QATGOV", "QAT")),
        ("الرئيس الإيراني، محمد كريمي،", ("محمد كريمي", "PER", "IRNGOV", "IRN")),
        ("السفير التركي السابق علي أوزتورك", ("علي أوزتورك", "PER", "TURELI", "TUR")),
        ("وزير خارجية مصر سامي فؤاد ونظيره", ("سامي فؤاد", "PER", "EGYGOV", "EGY")),
        ("الرئيس عبد الكريم بن سالم", ("عبد الكريم بن سالم", "PER", "GOV", None)),
        ("أعلن العقيد سامي الحداد، المتحدث", ("سامي الحداد", "PER", "MIL", None)),
        ("اللواء الإيراني حسن نوري", ("حسن نوري", "PER", "IRNMIL", "IRN")),
    ],
)
def test_unknown_person_after_a_title(text: str, expected: tuple) -> None:
    assert expected in entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "وزير الخارجية التركي يزور طهران",  # a verb, not a name
        "الرئيس المصري سيقوم بزيارة",  # a verb with the future prefix
        "الرئيس الإيراني خلال لقائه",  # a function word
        "الرئيس الإيراني الجديد",  # a definite word after a title
        "وزير الخارجية التركي ونظيره",  # a conjunction starting the next phrase
        "الرئيس الجزائري بمقر الرئاسة",  # a noun behind a clitic
        "الرئيس محمد",  # one word and no state: too little to go on
        "الجيش الإيراني حسن",  # a body does not name a person
        "قال قائد عسكري بارز إن",  # an indefinite title with no state names nobody in particular
        "اللواء الثالث مشاة",  # a brigade, not a general
        "ودعا الرئيس العراقي أنصاره إلى",  # a common noun with a possessive pronoun
        "وحث وزير الدفاع الأمريكي حلفاءه على",  # one too rare for the frequency list as written
        "وأجرى وزير الخارجية التركي اتصالين هاتفيين",  # the dual of a common noun
    ],
)
def test_no_person_where_no_name_follows(text: str) -> None:
    assert [e for e in entities(text) if e[1] == "PER"] == []


def people_table(rows: list[str]) -> list:
    people = pytest.importorskip("hadath.actors.people")
    header = "names_ar\tname_en\tcountry\troles\tnote"
    return people.parse_people([header, *rows], source="test")


def test_known_people_are_coded_by_date() -> None:
    table = people_table(
        [
            "إبراهيم رئيسي|رئيسي الإيراني\tEbrahim Raisi\tIRN\tIRNGOV 20210803-20240519\t",
            "رجب طيب أردوغان|أردوغان\tRecep Tayyip Erdogan\tTUR\tTURGOV 20030314-\t",
        ]
    )
    d = ActorDictionary(people=table)
    assert entities("التقى أردوغان", dictionary=d) == [("أردوغان", "PER", "TURGOV", "TUR")]
    assert entities("وإبراهيم رئيسي", on=date(2024, 1, 21), dictionary=d) == [
        ("إبراهيم رئيسي", "PER", "IRNGOV", "IRN")
    ]
    assert entities("إبراهيم رئيسي", on=date(2024, 6, 1), dictionary=d) == [
        ("إبراهيم رئيسي", "PER", "IRNELI", "IRN")
    ]
    # a title before or after a known person gives its own code
    assert entities("الرئيس التركي رجب طيب أردوغان", dictionary=d) == [
        ("رجب طيب أردوغان", "PER", "TURGOV", "TUR")
    ]
    assert entities("الرئيس رجب طيب أردوغان", dictionary=d) == [("رجب طيب أردوغان", "PER", "TURGOV", "TUR")]
    assert entities("أردوغان، رئيس الوزراء التركي السابق", dictionary=d)[0] == ("أردوغان", "PER", "TURELI", "TUR")


# -- the stage and the lookup API ------------------------------------------------------------------

def test_tag_actors_adds_entities_with_offsets() -> None:
    text = "استقبل الرئيس الإيراني حسن رضائي في طهران وزير الخارجية التركي، ووصل الوفد لاحقا إلى أنقرة."
    article = tag_actors(Article(text=text, published=ON))
    got = [(e.text, e.type, e.actor, e.key, e.origin) for e in article.entities]
    assert got == [
        ("حسن رضائي", "PER", "IRNGOV", "IRN", "role"),
        ("طهران", "LOC", "IRN", "IRN", "dictionary"),
        ("أنقرة", "LOC", "TUR", "TUR", "dictionary"),
    ]
    # a title with no name, and a role with no state, are hints for the event coder, not entities
    assert [(e.text, e.actor, e.key) for e in article.hints] == [
        ("وزير الخارجية التركي", "TURGOV", "TUR"), ("الوفد", "GOV", None)]
    for entity in article.entities + article.hints:
        assert text[entity.start : entity.end] == entity.text
    assert article.entities[1].name == "Iran"


def test_lookup_whole_names() -> None:
    d = get_dictionary()
    assert d.lookup("وزير الخارجية التركي").actor == "TURGOV"
    assert d.lookup("الجيش التركي").key == "TUR"
    match = d.lookup("تركيا")
    assert (match.actor, match.key, match.type, match.kind, match.name) == ("TUR", "TUR", "LOC", "state", "Turkey")
    assert d.lookup("التركية").kind == "adjective"
    assert d.lookup("قسد").key == "SDF"
    assert d.lookup("تركيا وإيران") is None  # two names, not one
    assert d.lookup("صباح الخير") is None


def test_dictionary_is_built_once() -> None:
    assert get_dictionary() is get_dictionary()


def test_tables_have_no_name_for_two_states_or_groups() -> None:
    assert get_dictionary().collisions == []


def test_every_state_has_iso3_and_coordinates() -> None:
    d = get_dictionary()
    states = d._states
    assert len(states) > 240
    for iso3 in ("TUR", "IRN", "PSE", "SSD", "USA", "CHE", "KAZ", "AZE", "ARM", "ROU"):
        assert states[iso3]["lat"] and states[iso3]["lon"], iso3
    assert float(states["TUR"]["lat"]) == pytest.approx(39.0, abs=2)


def test_speed_of_the_matcher() -> None:
    """≥ 3,000 sentences/s for the actor matcher (the place gazetteer it calls has its own budget)."""
    sentence = (
        "وقال وزير الخارجية الإيراني حسن رضائي إن بلاده ستواصل التعاون مع تركيا والعراق في مواجهة"
        " حزب العمال الكردستاني، بحسب وكالة تسنيم."
    )
    text = " ".join([sentence] * 200)
    d = get_dictionary()
    assert len(d.find_mentions(text, places=False)) == 200 * 6
    started = time.process_time()  # CPU time: other processes on the machine do not count against us
    for _ in range(5):
        d.find_mentions(text, places=False)
    rate = 5 * 200 / (time.process_time() - started)
    assert rate >= 3000, f"{rate:.0f} sentences/s"


# -- real data -----------------------------------------------------------------------------------------

def _benchmark():
    spec = importlib.util.spec_from_file_location("actor_recall", REPO / "benchmarks" / "actor_recall.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["actor_recall"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("set_name, floor", [("samples", 0.85), ("news_dev", 0.85)])
def test_loc_org_recall_on_gold(shared: Path, set_name: str, floor: float) -> None:
    gold, found, keys = _benchmark().recall_figures(set_name)["LOC+ORG"]
    assert gold > 30
    assert found / gold >= floor
    assert keys / found >= 0.9


def test_an_act_after_an_untitled_role_is_no_name() -> None:
    from datetime import date

    from hadath.actors.dictionary import get_dictionary

    mentions = get_dictionary().find_mentions("لوح الرئيس التركي بشن عملية عسكرية جديدة.", date(2024, 3, 10))
    assert not any("عملية" in m.text for m in mentions)
    # a name of words the lists do not hold is still read after the title
    mentions = get_dictionary().find_mentions("قال وزير الخارجية الإيراني عباس عراقجي إن بلاده لن تتفاوض.",
                                             date(2024, 9, 10))
    assert any(m.text.endswith("عراقجي") for m in mentions)
