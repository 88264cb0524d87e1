"""Relations briefs: Arabic number agreement and news dates, the previous period, and whole briefs built
from a real store (events kept apart by status, every claim citing stored events, deterministic output)."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.brief import build_brief, to_html, to_markdown
from hadath.brief.generate import previous_period
from hadath.brief.language import (
    actor_label,
    actor_with_code,
    cameo_label,
    count_phrase,
    news_date,
    templates,
)
from hadath.cli import main
from hadath.errors import HadathError
from hadath.store import Store
from hadath.store.ingest import Ingester
from store_corpus import CORPUS, make_article, write_jsonl


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


def test_feminine_nouns_and_english_counts():
    assert count_phrase(1, "party", "acc") == "جهةً واحدةً"
    assert count_phrase(2, "source", "gen") == "مصدرين"
    assert count_phrase(7, "report", "gen") == "7 تقارير"
    assert count_phrase(1, "event", lang="en") == "1 event"
    assert count_phrase(3, "event", lang="en") == "3 events"
    with pytest.raises(ValueError):
        count_phrase(-1, "event")


def test_dates_as_arabic_news_writes_them():
    assert news_date("2024-01-24") == "24 يناير 2024"
    assert news_date(date(2024, 8, 5)) == "5 أغسطس 2024"
    assert news_date("2024-03") == "مارس 2024"
    assert news_date("2024") == "2024"
    assert news_date("2024-12-01", "en") == "1 December 2024"
    assert news_date(None) == "تاريخ غير معروف"


def test_names_of_codes_and_actors():
    assert cameo_label("042") == "زيارة"
    assert cameo_label("0429") == "زيارة"  # falls back to the longest named prefix
    assert cameo_label("195", "en") == "Employ aerial weapons"
    assert actor_label("TURGOV") == "تركيا (الحكومة)"
    assert actor_label("IRNMIL", "en") == "Iran (military)"
    assert actor_label("PKK") == "حزب العمال الكردستاني"
    assert actor_label("XQZ") == "XQZ"
    assert actor_label(None) == "طرف غير محدد"
    assert actor_with_code("TURGOV") == "تركيا (الحكومة، TURGOV)"
    assert actor_with_code("IRN", "en") == "Iran (IRN)"


def test_every_template_has_both_languages_and_the_same_placeholders():
    import string

    for key, texts in templates().items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in ("ar", "en")]
        assert texts["ar"] and texts["en"], key
        assert fields[0] <= fields[1] | {"were"} and fields[1] <= fields[0] | {"were"}, key


def test_previous_period_has_the_same_length():
    assert previous_period(date(2024, 1, 1), date(2024, 3, 31)) == (date(2023, 10, 2), date(2023, 12, 31))
    assert previous_period(date(2024, 3, 1), date(2024, 3, 1)) == (date(2024, 2, 29), date(2024, 2, 29))


DENIED_STRIKE = make_article(
    ["نفت وزارة الدفاع التركية أن تكون مقاتلاتها قد قصفت مواقع لحزب العمال الكردستاني في سنجار أمس."],
    published="2024-02-15",
    url="https://www.trt.net.tr/arabic/20",
    events=[{"sentence": 0, "trigger": "قصفت", "source": "TURMIL", "target": "PKK", "cameo": "195", "status": "denied",
             "date": "2024-02-14"}],
)
HYPOTHETICAL_STRIKE = make_article(
    ["ورأى محللون أن تركيا قد تقصف مواقع حزب العمال الكردستاني في قنديل إذا فشلت المفاوضات."],
    published="2024-02-20",
    url="https://www.alquds.co.uk/21",
    events=[{"sentence": 0, "trigger": "تقصف", "source": "TUR", "target": "PKK", "cameo": "195", "status": "hypothetical",
             "date": "2024-02-20"}],
)
PLANNED_TALKS = make_article(
    ["ومن المقرر أن يزور وزير الخارجية الإيراني أنقرة في الخامس من أبريل لإجراء محادثات."],
    published="2024-03-20",
    url="https://www.irna.ir/news/22",
    events=[{"sentence": 0, "trigger": "يزور", "source": "IRN", "target": "TUR", "cameo": "042", "status": "planned",
             "date": "2024-04-05"}],
)
EARLIER_STRIKE = make_article(
    ["قصفت المقاتلات التركية مواقع لحزب العمال الكردستاني في منطقة هاكورك شمالي العراق."],
    published="2023-12-01",
    url="https://aawsat.com/23",
    events=[{"sentence": 0, "trigger": "قصفت", "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2023-12-01"}],
)
EARLIER_VISIT = make_article(
    ["زار وفد تركي طهران لبحث التعاون التجاري."],
    published="2023-11-10",
    url="https://www.irna.ir/news/24",
    events=[{"sentence": 0, "trigger": "زار", "source": "TUR", "target": "IRN", "cameo": "042", "date": "2023-11-10"},
            {"sentence": 0, "trigger": "زار", "source": "TUR", "target": "IRN", "cameo": "141", "date": "2023-11-11"}],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    folder = tmp_path_factory.mktemp("brief")
    db = str(folder / "store.db")
    extra = [DENIED_STRIKE, HYPOTHETICAL_STRIKE, PLANNED_TALKS, EARLIER_STRIKE, EARLIER_VISIT]
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS + extra))])
    return Store(db)


def claims(brief, key: str) -> list:
    return next(s for s in brief.sections if s.key == key).claims


def test_brief_lists_main_events_and_keeps_denied_and_hypothetical_apart(store):
    brief = build_brief(store, "TUR", "PKK", "2024-01-01", "2024-03-31")
    assert brief.figures["events"] == 2 and brief.figures["denied"] == 1 and brief.figures["hypothetical"] == 1
    events = claims(brief, "event")
    assert [c.text for c in events] == [
        "24 يناير 2024: غارة جوية من تركيا (القوات المسلحة) إلى حزب العمال الكردستاني، ورد في تقرير واحد "
        "من مصدر واحد (مؤشر غولدستاين -10.0).",
        "9 مارس 2024: غارة جوية من تركيا (القوات المسلحة) إلى حزب العمال الكردستاني، ورد في تقريرين "
        "من مصدرين (مؤشر غولدستاين -10.0).",
    ]
    analysis = [c.text for c in claims(brief, "analysis")]
    assert analysis[0] == "شهدت الفترة حدثين بين الطرفين: 0 في خانة التعاون و2 في خانة الصراع."
    assert any(t.startswith("وأُبقي خارج الحساب ما نُفي: غارة جوية من تركيا (القوات المسلحة)") for t in analysis)
    assert any(t.startswith("وما ورد على سبيل الافتراض أو الاحتمال: غارة جوية من تركيا") for t in analysis)
    # The denied strike is cited only where it is kept apart, never among the main events or the counts.
    denied_id = store.events(status="denied")["id"].iloc[0]
    assert all(denied_id not in c.events for c in events + claims(brief, "analysis")[:2])
    bottom = [c.text for c in claims(brief, "bottom")]
    assert bottom[0] == "سُجِّل بين تركيا وحزب العمال الكردستاني من 1 يناير 2024 إلى 31 مارس 2024 حدثان، وغلب على العلاقة الصراع."
    assert 2 <= len(bottom) <= 3


def test_brief_compares_with_the_previous_period_and_lists_what_is_to_come(store):
    brief = build_brief(store, "IRN", "TUR", "2024-01-01", "2024-03-31")
    assert (brief.previous_start, brief.previous_end) == ("2023-10-02", "2023-12-31")
    assert brief.figures["previous_events"] == 2 and brief.figures["trend"] == "warmer"
    analysis = [c.text for c in claims(brief, "analysis")]
    assert analysis[1].startswith("ومالت العلاقة إلى التعاون أكثر من الفترة السابقة (2 أكتوبر 2023 – 31 ديسمبر 2023)")
    assert "ومن المرتقب: زيارة من إيران (الحكومة) إلى تركيا في 5 أبريل 2024." in analysis
    # Announced on 21 January for the 24th: scheduled inside the period, not "to come".
    assert ("وكان مقررًا خلال الفترة: زيارة من إيران (الحكومة) إلى تركيا (24 يناير 2024) "
            "وتشاور من إيران (الحكومة) إلى تركيا (24 يناير 2024).") in analysis
    assert brief.figures["planned"] == 1 and brief.figures["scheduled"] == 2
    assert claims(brief, "bottom")[-1].text == "والاتجاه نحو تعاون أكبر مما كانت عليه الفترة السابقة."


def test_every_cited_id_is_a_stored_event_and_briefs_are_deterministic(store):
    first = build_brief(store, "IRN", "TUR", "2024-01", "2024-03")
    again = build_brief(store, "TUR", "IRN", "2024-01", "2024-03")
    assert [c.events for s in first.sections for c in s.claims] == [c.events for s in again.sections for c in s.claims]
    for claim in (c for s in first.sections for c in s.claims):
        for event_id in claim.events:
            assert store.event(event_id) is not None
    assert to_markdown(first) == to_markdown(build_brief(store, "IRN", "TUR", "2024-01", "2024-03"))


def test_brief_with_nothing_in_the_period(store):
    brief = build_brief(store, "IRN", "TUR", "2022-01-01", "2022-01-31", lang="en")
    assert [c.text for c in claims(brief, "event")] == ["The store holds no event that occurred between Iran and Turkey in this period."]
    assert claims(brief, "bottom")[0].events == []


def test_markdown_and_html_renderings(store):
    brief = build_brief(store, "TUR", "PKK", "2024-01-01", "2024-03-31")
    markdown = to_markdown(brief, "/#/event/{id}")
    assert markdown.splitlines()[0] == "# تركيا وحزب العمال الكردستاني: موجز العلاقة من 1 يناير 2024 إلى 31 مارس 2024"
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == ["## الحدث", "## الرأي", "## الخلاصة"]
    assert "(/#/event/" in markdown
    html = to_html(brief)
    assert html.startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in html
    assert "<h2>الرأي</h2>" in html


def test_bad_brief_arguments(store):
    with pytest.raises(HadathError, match="two actors"):
        build_brief(store, "IRN", "IRN", "2024", "2024")
    with pytest.raises(HadathError, match="ends"):
        build_brief(store, "IRN", "TUR", "2024-03", "2024-01")
    with pytest.raises(HadathError, match="lang"):
        build_brief(store, "IRN", "TUR", "2024", "2024", lang="fr")


def test_brief_command(store, capsys):
    db = store.url
    assert main(["brief", "irn", "tur", "--from", "2024-01-01", "--to", "2024-03-31", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# إيران وتركيا: موجز العلاقة") and "## الخلاصة" in out
    assert main(["brief", "IRN", "TUR", "--from", "2024-01", "--to", "2024-03", "--db", db, "--format", "html",
                 "--lang", "en"]) == 0
    assert '<html lang="en" dir="ltr">' in capsys.readouterr().out
    assert main(["brief", "IRN", "TUR", "--from", "2024-13", "--to", "2024-03", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath brief: ") and err.count("\n") == 1
