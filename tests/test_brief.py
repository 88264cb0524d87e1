"""Briefs an analyst could send (issue 13, item 4).

Pure parts on literal strings: Arabic number agreement (1, 2, 3-10, 11-99, 100+) of counted nouns and of
"and N more", news dates, actors' names in their case and gender, places and outlets, each status told
in its own words with the verb agreeing with its subject.

Whole briefs from a real store: the 24 news_dev articles run through the pipeline into a temporary
SQLite store, with the hand-made articles of store_corpus and 100 monthly Turkish strikes on the PKK
(2010-2018) for counts of 1, 2, 3, 11 and 100 events. On every brief in Arabic: no Latin letter outside
the footnotes' links, no bare event id, every event of the period cited with outlet and date, each
event's sentence in the words of its own status.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from hadath.brief import build_brief, to_html, to_markdown
from hadath.brief.acts import tell
from hadath.brief.generate import previous_period
from hadath.brief.language import (
    actor_label,
    cameo_label,
    count_phrase,
    news_date,
    others_phrase,
    templates,
)
from hadath.brief.names import actor_name, outlet_name, place_name
from hadath.cli import main
from hadath.errors import HadathError
from hadath.store import Store
from hadath.store.ingest import Ingester
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from store_corpus import CORPUS, make_article, write_jsonl

NEWS_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "news_dev" / "input.jsonl"
STATUSES = ("occurred", "ongoing", "planned", "postponed", "cancelled", "denied", "hypothetical")


# --- Agreement, dates, names -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("n", "case", "expected"),
    [
        (1, "nom", "حدث واحد"),
        (1, "acc", "حدثًا واحدًا"),
        (1, "gen", "حدث واحد"),
        (2, "nom", "حدثان"),
        (2, "acc", "حدثين"),
        (2, "gen", "حدثين"),
        (3, "nom", "3 أحداث"),
        (10, "gen", "10 أحداث"),
        (11, "nom", "11 حدثًا"),
        (99, "acc", "99 حدثًا"),
        (100, "nom", "100 حدث"),
        (102, "nom", "102 حدث"),
        (105, "nom", "105 أحداث"),
        (1000, "nom", "1000 حدث"),
        (1015, "nom", "1015 حدثًا"),
    ],
)
def test_counted_nouns_agree_with_their_number(n, case, expected):
    assert count_phrase(n, "event", case) == expected


@pytest.mark.parametrize(
    ("n", "noun", "case", "expected"),
    [
        (1, "event", "nom", "حدث آخر"),
        (1, "event", "acc", "حدثًا آخر"),
        (2, "event", "nom", "حدثان آخران"),
        (2, "event", "gen", "حدثين آخرين"),
        (3, "event", "nom", "3 أحداث أخرى"),
        (11, "event", "nom", "11 حدثًا آخر"),
        (100, "event", "nom", "100 حدث آخر"),
        (1, "party", "nom", "جهة أخرى"),
        (2, "party", "nom", "جهتان أخريان"),
        (11, "storyline", "nom", "11 مسارًا آخر"),
    ],
)
def test_and_n_more_agrees_with_its_number_and_gender(n, noun, case, expected):
    assert others_phrase(n, noun, case) == expected


def test_english_counts():
    assert count_phrase(1, "event", lang="en") == "1 event"
    assert count_phrase(3, "event", lang="en") == "3 events"
    assert others_phrase(1, "event", lang="en") == "1 more event"
    assert others_phrase(100, "storyline", lang="en") == "100 more storylines"
    with pytest.raises(ValueError):
        count_phrase(-1, "event")


def test_dates_as_arabic_news_writes_them():
    assert news_date("2024-01-24") == "24 يناير 2024"
    assert news_date(date(2024, 8, 5)) == "5 أغسطس 2024"
    assert news_date("2024-03") == "مارس 2024"
    assert news_date("2024-12-01", "en") == "1 December 2024"


def test_labels_the_api_shows_are_unchanged():
    assert cameo_label("0429") == "زيارة"
    assert actor_label("TURGOV") == "تركيا (الحكومة)"
    assert actor_label("IRNMIL", "en") == "Iran (military)"


def test_actor_names_in_prose_with_case_and_gender():
    houthis = actor_name("HOUTHI", "Houthis (Ansar Allah)")
    assert (houthis.ar["nom"], houthis.ar["gen"], houthis.gender) == ("الحوثيون", "الحوثيين", "m")
    assert houthis.en == "the Houthis (Ansar Allah)"
    muhandis = actor_name("IRQMIL", "Abu Mahdi al-Muhandis")
    assert (muhandis.ar["nom"], muhandis.ar["acc"], muhandis.ar["gen"]) == (
        "أبو مهدي المهندس", "أبا مهدي المهندس", "أبي مهدي المهندس")
    government = actor_name("IRNGOV", "Iran")  # a state's organ, not a person: role and adjective
    assert (government.ar["nom"], government.gender, government.en) == ("الحكومة الإيرانية", "f", "Iran's government")
    civilians = actor_name("SYRCVL")
    assert (civilians.ar["nom"], civilians.ar["gen"], civilians.en) == (
        "المدنيون السوريون", "المدنيين السوريين", "civilians in Syria")
    assert actor_name("USAGOV", "Donald Trump").ar["nom"] == "دونالد ترامب"
    assert actor_name("QATGOV", "Lolwah Al-Khater").gender == "f"
    assert actor_name("IRQ").gender == "m" and actor_name("IRN").gender == "f"
    assert actor_name("USA").en == "the United States"
    assert actor_name(None).known is False


def test_places_and_outlets_by_language():
    assert place_name("Strait of Hormuz", None, "region", "ar") == "مضيق هرمز"
    assert place_name("Strait of Hormuz", None, "region", "en") == "the Strait of Hormuz"
    assert place_name("Iran", "IRN", "country", "ar") == "إيران"
    assert place_name("Nowhere-on-Sea", None, "place", "ar") is None  # never the English name in Arabic
    assert outlet_name("https://www.bbc.com/arabic/x", "bbc.com", "ar") == "بي بي سي عربي"
    assert outlet_name("https://mubasher.aljazeera.net/x", None, "ar") == "الجزيرة مباشر"
    assert outlet_name("https://news.example.org/x", None, "ar") is None
    assert outlet_name("https://news.example.org/x", None, "en") == "news.example.org"


def _event(source: str, target: str, cameo: str, status: str) -> dict:
    return {"source_actor": source, "source_key": source[:3], "source_name": None, "target_actor": target,
            "target_key": target[:3], "target_name": None, "cameo": cameo, "status": status}


@pytest.mark.parametrize(
    ("status", "feminine", "masculine", "english"),
    [
        ("occurred", "زارت إيران العراق", "زار العراق إيران", "Iran visited Iraq"),
        ("ongoing", "زارت إيران العراق، ولا يزال ذلك جاريًا", "زار العراق إيران، ولا يزال ذلك جاريًا",
         "Iran visited Iraq, and this is still going on"),
        ("planned", "من المرتقب أن تزور إيران العراق", "من المرتقب أن يزور العراق إيران", "Iran is expected to visit Iraq"),
        ("postponed", "كان من المقرر أن تزور إيران العراق، لكن ذلك تأجّل",
         "كان من المقرر أن يزور العراق إيران، لكن ذلك تأجّل", "Iran was due to visit Iraq, but this was postponed"),
        ("cancelled", "كان من المقرر أن تزور إيران العراق، لكن ذلك أُلغي",
         "كان من المقرر أن يزور العراق إيران، لكن ذلك أُلغي", "Iran was due to visit Iraq, but this was called off"),
        ("denied", "نُفي أن تكون إيران قد زارت العراق", "نُفي أن يكون العراق قد زار إيران",
         "it was denied that Iran visited Iraq"),
        ("hypothetical", "طُرح احتمال أن تزور إيران العراق", "طُرح احتمال أن يزور العراق إيران",
         "it was suggested that Iran might visit Iraq"),
    ],
)
def test_each_status_in_its_own_words_with_the_verb_agreeing(status, feminine, masculine, english):
    assert tell(_event("IRN", "IRQ", "042", status), "ar") == feminine
    assert tell(_event("IRQ", "IRN", "042", status), "ar") == masculine
    assert tell(_event("IRN", "IRQ", "042", status), "en") == english


def test_a_plan_dated_by_the_end_of_the_period_was_expected():
    visit = {**_event("IRN", "IRQ", "042", "planned"), "event_day": "2024-01-24"}
    assert tell(visit, "ar", as_of="2024-03-31") == "كان من المرتقب أن تزور إيران العراق"
    assert tell(visit, "en", as_of="2024-03-31") == "Iran was expected to visit Iraq"
    assert tell(visit, "ar", as_of="2024-01-23") == "من المرتقب أن تزور إيران العراق"


def test_the_target_takes_its_case():
    houthis = {**_event("USA", "HOUTHI", "195", "occurred"), "target_key": "HOUTHI"}
    assert tell(houthis, "ar") == "شنّت الولايات المتحدة غارات جوية على الحوثيين"  # after a preposition
    houthis["cameo"] = "173"
    assert tell(houthis, "ar") == "اعتقلت الولايات المتحدة الحوثيين"  # the direct object
    praise = _event("IRN", "USA", "051", "occurred")
    assert tell(praise, "ar") == "أشادت إيران بالولايات المتحدة"  # an attached preposition
    support = _event("IRN", "USA", "053", "occurred")
    assert tell(support, "ar") == "حشدت إيران الدعم للولايات المتحدة"


def test_every_template_has_both_languages():
    for key, texts in templates().items():
        assert texts["ar"] and texts["en"], key


def test_previous_period_has_the_same_length():
    assert previous_period(date(2024, 1, 1), date(2024, 3, 31)) == (date(2023, 10, 2), date(2023, 12, 31))
    assert previous_period(date(2024, 3, 1), date(2024, 3, 1)) == (date(2024, 2, 29), date(2024, 2, 29))


# --- Whole briefs from a store of news_dev --------------------------------------------------------------

def monthly_strikes() -> list:
    """100 Turkish air strikes on the PKK, one a month from January 2010; texts too short for a
    near-duplicate signature (neardup.MIN_SHINGLES), so each stays its own event."""
    articles = []
    for i in range(100):
        year, month = 2010 + i // 12, i % 12 + 1
        day = f"{year}-{month:02d}-15"
        articles.append(make_article(
            [f"قصفت المقاتلات التركية مواقع الحزب رقم {i + 1}."],
            published=day, url=f"https://aawsat.com/strike/{i + 1}",
            events=[{"sentence": 0, "trigger": "قصفت", "source": "TURMIL", "target": "PKK", "cameo": "195",
                     "date": day}],
        ))
    return articles


def possible_strikes() -> list:
    """Six analysts' guesses in 2019 that Turkey might strike the PKK again (hypothetical)."""
    return [make_article([f"ورأى محللون أن تركيا قد تقصف مواقع الحزب {i + 1}."], published=f"2019-0{i + 1}-10",
                         url=f"https://www.alquds.co.uk/guess/{i + 1}",
                         events=[{"sentence": 0, "trigger": "تقصف", "source": "TUR", "target": "PKK", "cameo": "195",
                                  "status": "hypothetical", "date": f"2019-0{i + 1}-10"}])
            for i in range(6)]


PLANNED_TALKS = make_article(
    ["ومن المقرر أن يزور وزير الخارجية الإيراني أنقرة في الخامس من أبريل لإجراء محادثات."],
    published="2024-03-20",
    url="https://www.irna.ir/news/22",
    events=[{"sentence": 0, "trigger": "يزور", "source": "IRN", "target": "TUR", "cameo": "042", "status": "planned",
             "date": "2024-04-05"}],
)
EARLIER_VISIT = make_article(
    ["زار وفد تركي طهران لبحث التعاون التجاري."],
    published="2023-11-10",
    url="https://www.irna.ir/news/24",
    events=[{"sentence": 0, "trigger": "زار", "source": "TUR", "target": "IRN", "cameo": "042", "date": "2023-11-10"},
            {"sentence": 0, "trigger": "زار", "source": "TUR", "target": "IRN", "cameo": "141", "date": "2023-11-11"}],
)

# An event the coder was unsure of (a doer read from context, not named in its clause): marked low.
UNSURE_STRIKE = make_article(
    ["وقالت مصادر محلية إن طائرة مسيرة قصفت مخزنا للأسلحة قرب الحدود."],
    published="2021-05-12",
    url="https://www.aljazeera.net/news/unsure",
    events=[{"sentence": 0, "trigger": "قصفت", "source": "TUR", "target": "IRN", "cameo": "195",
             "date": "2021-05-11", "confidence": 0.45}],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    if not NEWS_DEV.exists():
        pytest.skip(f"{NEWS_DEV} is missing")
    folder = tmp_path_factory.mktemp("brief")
    db = str(folder / "store.db")
    extra = CORPUS + [PLANNED_TALKS, EARLIER_VISIT, UNSURE_STRIKE] + monthly_strikes() + possible_strikes()
    Ingester(db).ingest([str(NEWS_DEV), str(write_jsonl(folder / "corpus.jsonl", extra))])
    return Store(db)


# Dyads and periods of news_dev (and of the hand-made articles) that the checks below run over.
BRIEFS = [
    ("USA", "IRN", "2019-01-01", "2026-12-31"),
    ("ISR", "LBN", "2023-10-01", "2023-10-31"),
    ("SYR", "TUN", "2012-01-01", "2023-12-31"),
    ("IRN", "SAU", "2016-01-01", "2016-01-31"),
    ("HOUTHI", "USA", "2024-01-01", "2024-03-31"),
    ("EGY", "ISR", "2017-01-01", "2018-12-31"),
    ("RUS", "IRQ", "2025-10-01", "2025-10-31"),
    ("SDN", "USA", "2025-01-01", "2025-12-31"),
    ("IRN", "TUR", "2024-01-01", "2024-03-31"),
    ("TUR", "PKK", "2010-01-01", "2018-12-31"),
    ("ISR", "PSE", "2023-11-01", "2024-02-29"),
    ("USA", "IRN", "2021-01-01", "2026-06-30"),
]
LINK = re.compile(r"\(<[^>]*>\)|<[^>]*>")  # the footnotes' links: <https://…> and [text](<…>)


def claims(brief, key: str | None = None) -> list:
    return [c for s in brief.sections if key is None or s.key == key for c in s.claims]


@pytest.mark.parametrize(("a", "b", "start", "end"), BRIEFS)
def test_arabic_briefs_have_no_latin_letters_and_no_bare_ids(store, a, b, start, end):
    brief = build_brief(store, a, b, start, end, "ar")
    for event_link in (None, "http://127.0.0.1:8000/#/event/{id}"):
        markdown = to_markdown(brief, event_link)
        prose = LINK.sub("", markdown)
        assert not re.findall(r"[A-Za-z]", prose), prose
        assert not re.findall(r"\d{6,}", prose)  # event ids have 15-19 digits; no date or count has 6
    assert not re.findall(r"\d{6,}", LINK.sub("", to_markdown(build_brief(store, a, b, start, end, "en"))))


@pytest.mark.parametrize(("a", "b", "start", "end"), BRIEFS)
def test_every_event_is_cited_with_outlet_and_date(store, a, b, start, end):
    for lang in ("ar", "en"):
        brief = build_brief(store, a, b, start, end, lang)
        notes = {n.number: n for n in brief.notes}
        cited = {i for n in brief.notes for i in n.events}
        period = {int(r) for r in store.events(start=start, end=end, limit=None)["id"]}
        pair = {int(i) for c in claims(brief, "event") for i in c.events}
        assert pair <= cited and pair <= period
        for claim in claims(brief):
            if claim.status is not None:  # a sentence telling one event cites it
                assert claim.notes and set(claim.events) <= {i for n in claim.notes for i in notes[n].events}
        for note in brief.notes:
            assert note.sources
            for source in note.sources:
                assert source.outlet and source.date and source.url.startswith("http")
        markdown = to_markdown(brief)
        for note in brief.notes:
            line = next(x for x in markdown.splitlines() if x.startswith(f"[^{note.number}]: "))
            assert note.sources[0].outlet in line and note.sources[0].date in line and "<http" in line
            assert f"[^{note.number}]" in markdown.split("\n[^1]: ")[0]  # cited in the text above


@pytest.mark.parametrize(("a", "b", "start", "end"), BRIEFS)
def test_each_event_is_told_in_the_words_of_its_status(store, a, b, start, end):
    words = {s: templates()[f"status_word.{s}"] for s in STATUSES if s != "occurred"}
    for lang in ("ar", "en"):
        brief = build_brief(store, a, b, start, end, lang)
        told = [c for c in claims(brief) if c.status is not None]
        for claim in told:
            stored = store.event(claim.events[0])
            assert claim.status == stored["event"]["status"]
            for status, text in words.items():
                assert (text[lang] in claim.text) == (status == claim.status), (status, claim.text)


def test_news_dev_statuses_are_all_told(store):
    """Across the briefs, every status news_dev holds is told at least once, in its words."""
    seen = {c.status for a, b, s, e in BRIEFS for c in claims(build_brief(store, a, b, s, e))}
    assert set(STATUSES) <= seen


@pytest.mark.parametrize(
    ("end", "count", "more"),
    [
        ("2010-01-31", "حدث واحد", None),
        ("2010-02-28", "حدثان", None),
        ("2010-03-31", "3 أحداث", None),
        ("2010-11-30", "11 حدثًا", "و8 أحداث أخرى في هذا المسار."),
        ("2018-04-30", "100 حدث", "و97 حدثًا آخر في هذا المسار."),
    ],
)
def test_counts_agree_in_the_brief(store, end, count, more):
    brief = build_brief(store, "TUR", "PKK", "2010-01-01", end)
    assert claims(brief, "analysis")[0].text.startswith(f"سُجّل في هذه الفترة {count} مما وقع فعلًا")
    tail = [c.text for c in claims(brief, "event") if c.status is None]
    assert tail == ([more] if more else [])
    english = build_brief(store, "TUR", "PKK", "2010-01-01", end, "en")
    assert claims(english, "analysis")[0].text.startswith(f"The period saw {count_phrase(brief.figures['events'], 'event', lang='en')} ")


def test_what_did_not_happen_beyond_four_is_counted_and_cited(store):
    brief = build_brief(store, "TUR", "PKK", "2019-01-01", "2019-12-31")
    analysis = claims(brief, "analysis")
    told = [c for c in analysis if c.status == "hypothetical"]
    assert len(told) == 4 and told[0].text.startswith("ومما لم يقع فعلًا: في 10 يناير 2019، طُرح احتمال أن تشنّ تركيا غارات جوية")
    assert analysis[-1].text == "وحدثان آخران من هذا النوع." and len(analysis[-1].events) == 2
    assert brief.notes[analysis[-1].notes[0] - 1].more
    assert claims(brief, "event")[-1].text == "و3 أحداث أخرى في هذا المسار."


def test_storylines_are_told_with_names_places_dates_and_outlets(store):
    brief = build_brief(store, "HOUTHI", "USA", "2024-01-01", "2024-03-31")
    first = claims(brief, "event")[0].text
    assert first == "في 31 يناير 2024، شنّ الحوثيون غارات جوية على الولايات المتحدة في البحر الأحمر، بحسب آي إم ليبانون."
    assert brief.title == "الحوثيون والولايات المتحدة: موجز من 1 يناير 2024 إلى 31 مارس 2024"
    assert claims(brief, "bottom")[0].text.startswith("يغلب على العلاقة بين الحوثيين والولايات المتحدة")
    english = build_brief(store, "HOUTHI", "USA", "2024-01-01", "2024-03-31", "en")
    assert claims(english, "event")[0].text == (
        "On 31 January 2024, the Houthis (Ansar Allah) carried out air strikes on the United States in the Red Sea, "
        "according to IMLebanon.")
    assert not re.search(r"[\u0600-\u06ff]", to_markdown(english))


def test_low_confidence_events_are_marked(store):
    brief = build_brief(store, "TUR", "IRN", "2021-05-01", "2021-05-31")
    low = [n for n in brief.notes if n.low_confidence]
    assert low, "the hand-made strike has confidence 0.45"
    marked = [c for c in claims(brief) if set(c.notes) & {n.number for n in low} and c.status is not None]
    assert marked and all("(ثقة منخفضة)" in c.text for c in marked)
    markdown = to_markdown(brief)
    assert all("(ثقة منخفضة)" in next(x for x in markdown.splitlines() if x.startswith(f"[^{n.number}]: ")) for n in low)


def test_assessment_against_the_previous_period_and_what_is_ahead(store):
    brief = build_brief(store, "IRN", "TUR", "2024-01-01", "2024-03-31")
    assert (brief.previous_start, brief.previous_end) == ("2023-10-02", "2023-12-31")
    assert brief.figures["previous_events"] == 2 and brief.figures["trend"] == "warmer"
    analysis = [c.text for c in claims(brief, "analysis")]
    assert analysis[0].startswith("سُجّل في هذه الفترة 5 أحداث مما وقع فعلًا، مقابل حدثين في الفترة السابقة")
    assert any(t.startswith("وارتفع متوسط مؤشر غولدستاين من") for t in analysis)
    assert any(t.startswith("وبلغت حصة الصراع") for t in analysis)
    assert any(t.startswith("وجاء التحوّل") for t in analysis)
    assert any(t.startswith("وأكثر الأطراف أثرًا في هذا التغيّر") for t in analysis)
    ahead = next(t for t in analysis if t.startswith("وفي ما هو مرتقب بعد الفترة"))
    assert "في 5 أبريل 2024، من المرتقب أن تزور الحكومة الإيرانية تركيا" in ahead
    bottom = [c.text for c in claims(brief, "bottom")]
    assert bottom[0].startswith("تتجه العلاقة بين إيران وتركيا نحو التهدئة مقارنة بالفترة السابقة")
    assert bottom[1].startswith("وما يجدر رصده: من المرتقب أن تزور الحكومة الإيرانية تركيا في 5 أبريل 2024")
    assert bottom[2] == "وتقود التغيير تركيا."  # the verb before a feminine actor is feminine
    assert len(bottom) == 3


def test_a_change_driven_by_an_actor_falling_silent_is_said_so(store):
    brief = build_brief(store, "USA", "IRN", "2021-01-01", "2026-06-30")
    analysis = [c.text for c in claims(brief, "analysis")]
    assert ("ويعود هذا التغيّر أساسًا إلى تراجع ما يصدر عن إيران: لا حدث في هذه الفترة مقابل حدث واحد "
            "في الفترة السابقة.") in analysis
    assert claims(brief, "bottom")[-1].text == "ويعود التغيير أساسًا إلى تراجع ما يصدر عن إيران."


def test_more_storylines_than_told_are_counted_and_cited(store):
    brief = build_brief(store, "USA", "IRN", "2019-01-01", "2026-12-31")
    told = {c.group for c in claims(brief, "event")}
    assert len(told) == min(brief.figures["storylines"], 6)
    every = {int(r["id"]) for r in store.events(start="2019-01-01", end="2026-12-31", limit=None).to_dict("records")
             if {r["source_key"], r["target_key"]} == {"USA", "IRN"}}
    assert every <= {i for n in brief.notes for i in n.events}


def test_news_dev_briefs_with_nothing_that_happened_and_storylines_cut(store):
    brief = build_brief(store, "EGY", "QAT", "2010-01-01", "2026-12-31")
    assert claims(brief, "analysis")[0].text == (
        "لم يُسجَّل في هذه الفترة ولا في الفترة السابقة (1 يناير 1993 – 31 ديسمبر 2009) أي حدث وقع فعلًا.")
    assert claims(brief, "event")[0].text.startswith("في 19 نوفمبر 2023، كان من المرتقب أن يستقبل سامح شكري لولوة الخاطر")
    assert claims(brief, "bottom")[0].text == "لم يُسجَّل بين مصر وقطر من 1 يناير 2010 إلى 31 ديسمبر 2026 أي حدث وقع فعلًا."
    cut = build_brief(store, "IRQ", "USA", "2010-01-01", "2026-12-31")
    assert brief.figures["storylines"] == 1 and cut.figures["storylines"] == 6
    assert claims(cut, "event")[-1].text == "وثمة مسار آخر يضم حدثًا واحدًا."  # the verb agrees with "مسار"
    assert cut.notes[claims(cut, "event")[-1].notes[0] - 1].more
    english = build_brief(store, "IRQ", "USA", "2010-01-01", "2026-12-31", "en")
    assert claims(english, "event")[-1].text == "There is 1 more storyline, with 1 event."


def test_briefs_are_deterministic_and_cite_stored_events(store):
    first = build_brief(store, "IRN", "TUR", "2024-01", "2024-03")
    again = build_brief(store, "TUR", "IRN", "2024-01", "2024-03")
    assert [c.events for c in claims(first)] == [c.events for c in claims(again)]
    for note in first.notes:
        assert all(store.event(i) is not None for i in note.events)
    assert to_markdown(first) == to_markdown(build_brief(store, "IRN", "TUR", "2024-01", "2024-03"))


def test_brief_with_nothing_in_the_period(store):
    brief = build_brief(store, "IRN", "TUR", "2022-01-01", "2022-01-31", lang="en")
    assert [c.text for c in claims(brief, "event")] == ["No event between Iran and Turkey is recorded in this period."]
    assert brief.notes == [] and claims(brief, "bottom")[0].events == []


def test_markdown_and_html_renderings(store):
    brief = build_brief(store, "TUR", "PKK", "2024-01-01", "2024-03-31")
    markdown = to_markdown(brief, "/#/event/{id}")
    assert markdown.splitlines()[0] == "# تركيا وحزب العمال الكردستاني: موجز من 1 يناير 2024 إلى 31 مارس 2024"
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == ["## الحدث", "## الرأي", "## الخلاصة"]
    assert "[صفحة الحدث](</#/event/" in markdown and "[^1]: " in markdown
    html = to_html(brief, "#/event/{id}")
    assert html.startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in html
    assert '<ol class="notes">' in html and 'href="#note-1"' in html and 'href="https://' in html


def test_bad_brief_arguments(store):
    with pytest.raises(HadathError, match="two actors"):
        build_brief(store, "IRN", "IRN", "2024", "2024")
    with pytest.raises(HadathError, match="ends"):
        build_brief(store, "IRN", "TUR", "2024-03", "2024-01")
    with pytest.raises(HadathError, match="lang"):
        build_brief(store, "IRN", "TUR", "2024", "2024", lang="fr")
    with pytest.raises(HadathError, match="did you mean TUR"):
        build_brief(store, "TRK", "IRN", "2024", "2024")


def test_brief_command(store, capsys):
    db = store.url
    assert main(["brief", "irn", "tur", "--from", "2024-01-01", "--to", "2024-03-31", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# إيران وتركيا: موجز") and "## الخلاصة" in out and "\n[^1]: " in out
    assert main(["brief", "IRN", "TUR", "--from", "2024-01", "--to", "2024-03", "--db", db, "--format", "html",
                 "--lang", "en"]) == 0
    assert '<html lang="en" dir="ltr">' in capsys.readouterr().out
    assert main(["brief", "IRN", "TUR", "--from", "2024-01", "--to", "2024-03", "--db", db, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notes"] and all(isinstance(i, str) and i.isdigit() for n in data["notes"] for i in n["events"])
    assert main(["brief", "IRN", "TUR", "--from", "2024-13", "--to", "2024-03", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath brief: ") and err.count("\n") == 1
    assert main(["brief", "TRK", "IRN", "--from", "2024-01", "--to", "2024-03", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "TRK" in err and "TUR" in err and "Traceback" not in err


def test_the_same_brief_from_postgresql(store, postgres, tmp_path):  # noqa: F811  (the fixture)
    url = postgres.new_database("brief_" + tmp_path.name[-8:].lower().replace("-", "_"))
    Ingester(url).ingest([str(NEWS_DEV)])
    for lang in ("ar", "en"):
        made = build_brief(Store(url), "USA", "IRN", "2019-01-01", "2026-06-30", lang)
        assert to_markdown(made) == to_markdown(build_brief(store, "USA", "IRN", "2019-01-01", "2026-06-30", lang))
        assert made.notes and made.figures["events"] == 4
