"""The casualty stage: how many people each violent act (CAMEO roots 18-20) killed and injured.

Reads article.events (after the event stage), article.sentences and article.dates; sets `fatalities`,
`injured` and their lower-bound flags on the events of roots 18-20 (hadath.events.casualties reads
the counts). A count belongs to the act its sentence tells of: with several violent acts in one
sentence, to the act told last before it ("هاجم مسلحون حاجزاً وقتلوا جندياً، ثم فجروا سيارة قتلت
خمسة"). The sentence right after the report adds what the report lacks ("انفجرت سيارة مفخخة …
ما أدى إلى مقتل 5 أشخاص. وأصيب 12 آخرون بجروح." -> 5 killed, 12 injured) or raises its toll
("وارتفعت الحصيلة لاحقاً إلى 8"), when it tells of no violent act of its own (see _continues_toll);
the toll is counted once, on the report's act, not again on an event of that sentence.
"""

from __future__ import annotations

from collections import defaultdict

from hadath.events.casualties import CasualtyMention, is_casualty_word, read_casualties, tally, tells_outcome
from hadath.model import Article, Event

VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def count_casualties(article: Article) -> Article:
    """Set the casualty counts of the article's violent events (see the module docstring)."""
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in article.events:
        if event.root in VIOLENT_ROOTS:
            by_sentence[event.sentence].append(event)
    if not by_sentence:
        return article
    dates = [(d.start, d.end) for d in article.dates]
    readings = {index: _read(article, index, dates) for index in _sentences_to_read(article, by_sentence)}
    for index in sorted(by_sentence):
        mentions = readings.get(index, [])
        following = index + 1
        if following in readings and _continues_toll(article.sentence_text(following), by_sentence.get(following, []),
                                                     readings[following]):
            carried = _carried(mentions, readings[following])
            readings[following] = [m for m in readings[following] if m not in carried]
            mentions = mentions + carried
        _set_counts(by_sentence[index], mentions)
    return article


def _sentences_to_read(article: Article, by_sentence: dict[int, list[Event]]) -> set[int]:
    """The sentences of violent acts and the sentence after each."""
    wanted = set(by_sentence) | {i + 1 for i in by_sentence}
    return {i for i in wanted if 0 <= i < len(article.sentences)}


def _read(article: Article, index: int, dates: list[tuple[int, int]]) -> list[CasualtyMention]:
    sentence = article.sentences[index]
    return read_casualties(article.text[sentence.start : sentence.end], sentence.start, dates)


def _continues_toll(text: str, events: list[Event], mentions: list[CasualtyMention]) -> bool:
    """The sentence after a report continues its toll when it tells of no violent act of its own, or
    only by words of killing or injury that tell an outcome, others besides those counted, or a running
    total: "وأسفر الانفجار عن مقتل 5", "وأصيب 12 آخرون بجروح", "وارتفعت الحصيلة إلى 8" (not "وقتل
    جنديان في انفجار آخر", nor "استشهد متظاهر وأصيب 448 شخصاً في الاشتباكات", acts of their own)."""
    if not events:
        return True
    if not all(is_casualty_word(e.trigger.text) for e in events):
        return False
    return any(m.total or m.others for m in mentions) or tells_outcome(text)


def _carried(report: list[CasualtyMention], following: list[CasualtyMention]) -> list[CasualtyMention]:
    """What the next sentence adds to the report's toll: a count of a kind the report gives none of,
    of others besides those it counted, and running totals; not a count it repeats ("قتل 5 … وقال
    مسؤول إن خمسة قتلوا")."""
    told = {m.kind for m in report}
    return [m for m in following if m.kind not in told or m.total or m.others]


def _set_counts(events: list[Event], mentions: list[CasualtyMention]) -> None:
    """Each count goes to the act told last before it (the first act for a count before any);
    events of one trigger (one act, one event per party) share its counts."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    owned: dict[int, list[CasualtyMention]] = defaultdict(list)
    for mention in mentions:
        before = [e.trigger.start for e in ordered if e.trigger.start <= mention.start]
        owned[before[-1] if before else ordered[0].trigger.start].append(mention)
    for event in events:
        counts = tally(owned.get(event.trigger.start, []))
        event.fatalities = counts.fatalities.value if counts.fatalities else None
        event.injured = counts.injured.value if counts.injured else None
        event.fatalities_lower_bound = bool(counts.fatalities and counts.fatalities.lower_bound)
        event.injured_lower_bound = bool(counts.injured and counts.injured.lower_bound)
