"""Where an event happened (hadath.events.locations): the clause's place, else the dateline's, else the
centroid of its parties' state, with ACLED-style precision. Sentences of our own; the events are made
by hand on articles run through the stages before the event coder, so the location choice is tested
alone."""

from __future__ import annotations

from datetime import date

import pytest

from hadath import pipeline
from hadath.events.locations import dateline_entity, locate_events, state_location
from hadath.model import Article, Event, Participant, Trigger

BEFORE_EVENTS = ("clean", "split", "dates", "actors", "ner", "names")


def prepared(text: str) -> Article:
    article = Article(text=text, published=date(2024, 1, 21))
    for name, stage in pipeline.stages():
        if name in BEFORE_EVENTS:
            article = stage(article)
    return article


def party(article: Article, words: str | None) -> Participant | None:
    if words is None:
        return None
    start = article.text.index(words)
    entity = next(e for e in [*article.entities, *article.hints] if e.start <= start < e.end)
    return Participant(entity.text, entity.actor, entity.key, entity.name, entity.start, entity.end)


def located(text: str, trigger: str, source: str | None, target: str | None):
    article = prepared(text)
    start = article.text.index(trigger)
    sentence = next(i for i, s in enumerate(article.sentences) if s.start <= start < s.end)
    event = Event(sentence, Trigger(trigger, start, start + len(trigger)), party(article, source),
                  party(article, target), "190", "19", 4, -10.0, "ASSAULT")
    article.events = [event]
    return locate_events(article).events[0].location


def test_a_city_in_the_clause_is_the_place():
    loc = located("قصفت الطائرات التركية مواقع في مدينة دهوك شمال العراق.", "قصفت", "التركية", None)
    assert (loc.name, loc.key, loc.precision) == ("Duhok", "IRQ", "place")
    assert loc.lat == pytest.approx(36.87, abs=0.2) and loc.lon == pytest.approx(42.99, abs=0.2)


def test_the_place_nearest_the_trigger_after_a_locative_word_wins():
    loc = located("وصل الوفد القادم من الموصل إلى أربيل حيث هاجم مسلحون قافلة في كركوك.", "هاجم", None, None)
    assert loc.name == "Kirkuk" and loc.precision == "place"


def test_a_province_or_countryside_is_a_region():
    loc = located("استهدفت غارات روسية بلدات في ريف إدلب الجنوبي.", "استهدفت", "روسية", None)
    assert loc.key == "SYR" and loc.precision == "region"


def test_a_state_after_a_locative_word_is_the_country():
    loc = located("شنت إسرائيل غارات جوية في سوريا فجر اليوم.", "شنت", "إسرائيل", None)
    assert (loc.key, loc.precision) == ("SYR", "country")
    assert (loc.lat, loc.lon) == (state_location("SYR", "").lat, state_location("SYR", "").lon)


def test_a_capital_standing_for_its_state_is_no_place():
    # "طهران" is the one who answers, not where: the target's state (USA) at country level
    loc = located("ردت طهران على واشنطن بتهديد شديد.", "ردت", "طهران", "واشنطن")
    assert (loc.key, loc.precision) == ("USA", "country")


def test_the_dateline_places_an_event_with_no_place_in_its_clause():
    text = "الخرطوم 7 أغسطس 2022– تظاهر عشرات السودانيين تضامنا مع المعتقلين."
    article = prepared(text)
    assert dateline_entity(article).text == "الخرطوم"
    loc = located(text, "تظاهر", "السودانيين", None)
    assert (loc.name, loc.key, loc.precision) == ("Khartoum", "SDN", "place")


def test_a_dateline_in_another_state_than_the_parties_is_not_used():
    loc = located("القاهرة - التقى الرئيس الروسي نظيره الصيني أمس.", "التقى", "الروسي", "الصيني")
    assert (loc.key, loc.precision) == ("CHN", "country")


def test_with_no_place_the_target_state_then_the_source_state():
    assert located("هاجمت القوات الأمريكية مواقع للجيش العراقي.", "هاجمت", "القوات الأمريكية",
                   "للجيش العراقي").key == "IRQ"
    loc = located("هدد الجيش الإيراني بالرد.", "هدد", "الجيش الإيراني", None)
    assert (loc.key, loc.precision) == ("IRN", "country")


def test_a_group_with_no_state_and_no_place_has_no_location():
    assert located("أعلن حزب العمال الكردستاني وقف القتال.", "أعلن", "حزب العمال", None) is None


def test_every_state_centroid_lies_near_its_state():
    # the largest polygon's centroid, not the sea: the United States are not placed by Alaska
    usa, fra = state_location("USA", ""), state_location("FRA", "")
    assert 30 < usa.lat < 45 and -110 < usa.lon < -85
    assert 43 < fra.lat < 49 and -2 < fra.lon < 6
    assert state_location("PKK", "") is None
