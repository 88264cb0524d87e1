"""The location stage: where each event happened, with coordinates and a precision, as ACLED's
geo-precision codes it ("place", "region", "country").

For each event, the first of:
1. the clause's place: a place the event's sentence names, one after a locative word first, then one
   after the trigger, then the nearest ("قصفت الطائرات مواقع في ريف حلب" -> Aleppo, place); a province, region or sea is
   "region" ("في محافظة إدلب"); a state after a locative word is that state at "country" precision
   ("غارات في سوريا"). A capital standing for its state without a locative word ("ردت طهران"), the
   event's own parties and the dateline are not the clause's place.
2. the dateline's place ("الخرطوم 7 أغسطس 2022– تظاهر ..."): where the story was filed, taken only
   when it lies in a state of the event's parties, or the event has none (a Cairo dateline does not
   place a meeting in Moscow).
3. the centroid of the target's state, else the source's (data/state_centroids.tsv), "country".

Coordinates come from the place gazetteer (hadath.places, data/places.tsv) and, for states, from
hadath/places/data/state_centroids.tsv. Runs after the event stage; it sets `event.location` whole.
"""

from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from functools import cache
from importlib import resources

from hadath.actors.dictionary import get_dictionary, is_state
from hadath.model import Article, Entity, Event, Location, Participant
from hadath.places import find_places
from hadath.places.gazetteer import Place, PlaceMention, _longest_by_first_word, first_word_forms
from hadath.text.normalize import normalize

PLACE_KINDS = frozenset({"city", "capital", "site"})  # a point: precision "place"; the rest "region"
# Words after which a name is where something happens: "في حلب", "قرب الحدود", "ريف إدلب", "إلى أنقرة".
LOCATIVE_WORDS = frozenset(normalize(w) for w in (
    "في", "قرب", "بالقرب", "داخل", "وسط", "أطراف", "محيط", "ريف", "شمال", "جنوب", "شرق", "غرب", "شمالي",
    "جنوبي", "شرقي", "غربي", "مدينة", "بلدة", "قرية", "مخيم", "منطقة", "محافظة", "ولاية", "إقليم", "على",
    "إلى", "الى", "عند", "حي", "ضواحي", "مطار", "ميناء", "معبر", "قاعدة", "بمدينة", "بلدات", "مدن", "قرى",
))
# A dateline's place is followed by a date, a dash or a bracket: "بيروت (رويترز) -", "دمشق - سانا".
DATELINE_MARKS = "-–—(ـ:"
DATELINE_CHARS = 400  # a dateline is in the article's head


@cache
def _states() -> dict[str, tuple[str, float | None, float | None]]:
    """ISO alpha-3 -> (English name, latitude, longitude of its centroid)."""
    def rows(package: str, filename: str) -> list[dict[str, str]]:
        with resources.files(package).joinpath("data", filename).open(encoding="utf-8") as handle:
            return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))

    centroids = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in rows("hadath.places", "state_centroids.tsv")}
    return {r["iso3"]: (r["name_en"], *centroids.get(r["iso3"], (None, None))) for r in rows("hadath.actors", "states.tsv")}


def state_location(key: str | None, text: str) -> Location | None:
    """A state at country precision: its centroid. None for a key that is no state (PKK, UN)."""
    if not is_state(key) or key not in _states():
        return None
    name, lat, lon = _states()[key]
    if lat is None:
        return None
    return Location(text=text, key=key, name=name, lat=lat, lon=lon, precision="country")


def place_location(mention: PlaceMention) -> Location:
    place: Place = mention.place
    precision = "place" if place.kind in PLACE_KINDS else "region"
    if place.lat is None:  # a place with no coordinates stands at its state's centroid
        fallback = state_location(place.key, mention.text)
        return Location(text=mention.text, key=place.key, name=place.name_en,
                        lat=fallback.lat if fallback else None, lon=fallback.lon if fallback else None,
                        precision="country" if fallback else None)
    return Location(text=mention.text, key=place.key, name=place.name_en, lat=place.lat, lon=place.lon,
                    precision=precision)


def after_locative_word(text: str, start: int, name: str) -> bool:
    """Whether the name at `start` follows a locative word or carries a locative "بـ": "في حلب", "بحلب"."""
    head = normalize(name.split()[0]) if name.split() else ""
    known = _longest_by_first_word()
    stems = [f for f in first_word_forms(head) if f in known]
    if stems:  # what is left before the place's own first word: "ب" of "بحلب", "وب" of "وبالموصل"
        stem = max(stems, key=len)
        core = stem if head.endswith(stem) else stem.removeprefix("ال")
        if head.endswith(core) and head[: len(head) - len(core)].endswith("ب"):
            return True
    before = text[max(0, start - 30) : start].split()
    return bool(before) and normalize(before[-1].strip("،,")) in LOCATIVE_WORDS


def _state_after_b(entity: Entity) -> bool:
    """"بسوريا", "وبلبنان": a state's name with a locative "بـ" on it (not "بريطانيا", which is a name)."""
    head = normalize(entity.text)
    for prefix in ("ب", "وب", "فب"):
        if head.startswith(prefix) and len(head) > len(prefix) + 2:
            match = get_dictionary().lookup(entity.text[len(prefix) :])
            if match is not None and match.key == entity.key:
                return True
    return False


def _overlaps(start: int, end: int, side: Participant | None) -> bool:
    return side is not None and side.start is not None and side.end is not None and start < side.end and side.start < end


def dateline_entity(article: Article) -> Entity | None:
    """The place a story was filed from: a LOC entity that opens a line of the article's head and is
    followed by a dash or a bracket, perhaps after a date ("الخرطوم 7 أغسطس 2022–")."""
    text = article.text
    dates = {d.start: d.end for d in article.dates}
    for entity in sorted(article.entities, key=lambda e: e.start):
        if entity.start > DATELINE_CHARS:
            break
        if entity.type != "LOC" or text[text.rfind("\n", 0, entity.start) + 1 : entity.start].strip():
            continue
        at = entity.end
        while at < len(text) and text[at] in " \t،,":
            at += 1
        if at in dates:
            at = dates[at]
            while at < len(text) and text[at] in " \t،,":
                at += 1
        if at < len(text) and text[at] in DATELINE_MARKS:
            return entity
    return None


class _ArticlePlaces:
    """Places named in each sentence (found once per sentence), and the dateline's place."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.by_sentence: dict[int, list[PlaceMention]] = {}
        self.starts: dict[int, tuple[list[int], list[Entity], list[int]]] = {}
        self.dateline = dateline_entity(article)
        self.dateline_location = self._dateline_location()

    def in_sentence(self, index: int) -> list[PlaceMention]:
        if index not in self.by_sentence:
            sentence = self.article.sentences[index]
            found = find_places(self.article.text[sentence.start : sentence.end])
            self.by_sentence[index] = [PlaceMention(m.text, m.start + sentence.start, m.end + sentence.start, m.place)
                                       for m in found]
        return self.by_sentence[index]

    def near(self, index: int, at: float) -> tuple[list[PlaceMention], list[Entity]]:
        """The sentence's places and state entities within REACH characters of `at` (a clause's reach:
        in a sentence of 40,000 words, each event looks at the places around it, not at all of them)."""
        if index not in self.starts:
            mentions = self.in_sentence(index)
            sentence = self.article.sentences[index]
            states = sorted((e for e in self.article.entities if sentence.start <= e.start < sentence.end
                             and e.type == "LOC" and is_state(e.key)), key=lambda e: e.start)
            self.starts[index] = ([m.start for m in mentions], states, [e.start for e in states])
        mention_starts, states, state_starts = self.starts[index]
        mentions = self.by_sentence[index]
        lo, hi = at - REACH, at + REACH
        return (mentions[bisect_left(mention_starts, lo) : bisect_right(mention_starts, hi)],
                states[bisect_left(state_starts, lo) : bisect_right(state_starts, hi)])

    def _dateline_location(self) -> Location | None:
        entity = self.dateline
        if entity is None:
            return None
        found = find_places(entity.text)
        if found:
            moved = found[0]
            return place_location(PlaceMention(moved.text, moved.start + entity.start, moved.end + entity.start, moved.place))
        return state_location(entity.key, entity.text)


REACH = 1500  # characters either side of the trigger where its clause's place may stand


def clause_location(article: Article, event: Event, places: _ArticlePlaces | None = None) -> Location | None:
    """The place the event's sentence names for it (rule 1 of the module's docstring), or None."""
    if not 0 <= event.sentence < len(article.sentences):
        return None
    places = places or _ArticlePlaces(article)
    text = article.text
    dateline = places.dateline
    trigger = (event.trigger.start + event.trigger.end) / 2
    # (no locative word, before the trigger, distance): a place after the trigger is the act's own more
    # often than one before it ("وصل إلى أربيل حيث هاجم مسلحون قافلة في كركوك")
    candidates: list[tuple[bool, bool, float, Location]] = []

    def free(start: int, end: int) -> bool:
        in_dateline = dateline is not None and start < dateline.end and dateline.start < end
        return not (in_dateline or _overlaps(start, end, event.source) or _overlaps(start, end, event.target))

    taken: list[tuple[int, int]] = []
    nearby, states = places.near(event.sentence, trigger)
    for mention in nearby:
        if not free(mention.start, mention.end):
            continue
        locative = after_locative_word(text, mention.start, mention.text)
        if mention.place.kind == "capital" and not locative:
            continue  # "ردت طهران": the state speaking, not a place
        taken.append((mention.start, mention.end))
        distance = abs((mention.start + mention.end) / 2 - trigger)
        candidates.append((not locative, mention.end <= event.trigger.start, distance, place_location(mention)))
    for entity in states:
        if any(entity.start < end and start < entity.end for start, end in taken) or not free(entity.start, entity.end):
            continue
        if not (after_locative_word(text, entity.start, entity.text) or _state_after_b(entity)):
            continue
        location = state_location(entity.key, entity.text)
        if location is not None:
            distance = abs((entity.start + entity.end) / 2 - trigger)
            candidates.append((False, entity.end <= event.trigger.start, distance, location))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[:3])[3]


def event_location(article: Article, event: Event, places: _ArticlePlaces | None = None) -> Location | None:
    """Where the event happened: the clause's place, else the dateline's, else its parties' state."""
    places = places or _ArticlePlaces(article)
    found = clause_location(article, event, places)
    if found is not None:
        return found
    party_states = {side.key for side in (event.target, event.source) if side is not None and is_state(side.key)}
    dateline = places.dateline_location
    if dateline is not None and (not party_states or dateline.key in party_states):
        return dateline
    for side in (event.target, event.source):
        if side is not None and (located := state_location(side.key, side.text)) is not None:
            return located
    return None


def locate_events(article: Article) -> Article:
    """Set every event's location (the stage the pipeline runs after the event coder)."""
    if not article.events:
        return article
    places = _ArticlePlaces(article)
    for event in article.events:
        event.location = event_location(article, event, places)
    return article
