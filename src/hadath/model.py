"""The one document model that flows through every stage: an Article and what the stages add to it.

Offsets (start, end) always point into `Article.text`, the cleaned body. Stages add to the lists;
none rewrites `text` after cleaning.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Entity:
    """A name in the text: a person, organisation, place or other, with its actor code where known.

    "الرئيس الإيراني، إبراهيم رئيسي" -> type PER, name "Ebrahim Raisi", actor IRNGOV, key IRN.
    """

    text: str
    start: int
    end: int
    type: str  # PER | ORG | LOC | MISC
    name: str | None = None
    actor: str | None = None
    key: str | None = None
    origin: str = "dictionary"  # dictionary | ner | role (a role word such as "وزير الخارجية التركي")


@dataclass
class DateMention:
    """A date expression resolved against the publication date.

    "الأربعاء المقبل 24 يناير" published 2024-01-21 -> value "2024-01-24", precision "day".
    `value` is YYYY-MM-DD, YYYY-MM or YYYY following `precision`; None where it cannot be resolved.
    `end_value` is set for ranges ("من 17 إلى 19 أبريل").
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str  # day | month | year
    end_value: str | None = None
    relative: bool = False  # resolved from the publication date ("أمس", "الشهر الماضي")
    tense: str | None = None  # past | future | None: what the expression itself says ("الماضي", "المقبل")


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Participant:
    """The source or target of an event: the words in the text and the actor they resolve to."""

    text: str
    actor: str | None
    key: str | None
    name: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Location:
    """Where an event happened (hadath.events.locations): the words naming it, the state it lies in,
    its English name, coordinates, and how precise they are, as ACLED's geo-precision: "place" (a city,
    town or site the text names), "region" (a province, region or sea), "country" (the state's centroid)."""

    text: str
    key: str | None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # place | region | country


@dataclass
class Event:
    sentence: int
    trigger: Trigger
    source: Participant | None
    target: Participant | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    status: str = "occurred"  # occurred|planned|postponed|cancelled|denied|hypothetical|ongoing
    date: str | None = None
    date_precision: str = "unknown"  # day | month | year | unknown
    # Where `date` comes from: "text" (the trigger's clause), "context" (an earlier date the act
    # refers back to), "publication" (no date in the text: the report's day bounds it), or None.
    date_source: str | None = None
    location: Location | None = None
    attribution: str | None = None
    confidence: float = 0.5
    # Casualties of a violent act (roots 18-20; hadath.events.casualty_stage): the killed and the injured
    # the text counts, None where it gives no count; a lower bound where it gives only a floor ("عشرات
    # القتلى" -> 10, "أكثر من 20" -> 20, "بين 5 و7" -> 5).
    fatalities: int | None = None
    injured: int | None = None
    fatalities_lower_bound: bool = False
    injured_lower_bound: bool = False


@dataclass
class Article:
    text: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: date | None = None
    published_from: str = "none"  # metadata | text | option | none
    raw_text: str | None = None  # the text as read, before cleaning; not written out
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # boilerplate lines the cleaner dropped
    # Actor hints that are not entities: state adjectives ("الجماعات الكردية", "طائرة أميركية").
    # The event coder may take them as parties; they are not written out.
    hints: list[Entity] = field(default_factory=list)
    error: str | None = None

    @property
    def id(self) -> str:
        """Stable hash of the cleaned text, whitespace folded."""
        folded = " ".join(self.text.split())
        return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_dict(self) -> dict[str, Any]:
        """The article object of the output contract (spec/OUTPUT.md)."""
        if self.error is not None and not self.text:
            return {"source": self.source, "url": self.url, "error": self.error}
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "text": self.text,
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(e) for e in self.entities],
            "dates": [asdict(d) for d in self.dates],
            "events": [asdict(e) for e in self.events],
        }
        if self.error is not None:
            out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Read back an article object written by `to_dict` (the store and API use this)."""
        published = data.get("published")
        art = cls(
            text=data.get("text") or "",
            source=data.get("source") or "",
            url=data.get("url"),
            title=data.get("title"),
            published=date.fromisoformat(published) if published else None,
            published_from=data.get("published_from") or "none",
            error=data.get("error"),
        )
        art.sentences = [Sentence(**s) for s in data.get("sentences", [])]
        art.entities = [Entity(**e) for e in data.get("entities", [])]
        art.dates = [DateMention(**d) for d in data.get("dates", [])]
        art.events = [_event_from_dict(e) for e in data.get("events", [])]
        return art


def _event_from_dict(data: dict[str, Any]) -> Event:
    data = dict(data)
    data["trigger"] = Trigger(**data["trigger"])
    for side in ("source", "target"):
        if data.get(side) is not None:
            data[side] = Participant(**data[side])
    if data.get("location") is not None:
        data["location"] = Location(**data["location"])
    return Event(**data)
