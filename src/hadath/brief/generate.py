"""A brief on two actors over a period, from the event store alone, in the analysts' form:

الحدث / What happened   the period's storylines, most significant first, told in sentences (actors'
                        names, places, dates, outlets), "and N more" where cut;
الرأي / Assessment      direction against the previous period of the same length (counts, mean
                        Goldstein, QuadClass mix), the turning point, who drives the change, what is
                        planned ahead, what did not happen (postponed, cancelled, denied, hypothetical)
                        and the threats, each told in the words of its status;
الخلاصة / Bottom line   direction and what to watch, in two or three sentences.

Every sentence that tells events cites them in footnotes (outlet, date, link to the article); the
same store and arguments give the same brief.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from hadath.actors.suggest import check_actor_code
from hadath.api.queries import ACTUAL, check_period, known_keys, pair_events
from hadath.brief.acts import tell
from hadath.brief.evidence import Report, reports
from hadath.brief.language import LANGS, count_phrase, join_list, news_date, others_phrase, phrase
from hadath.brief.names import actor_name, outlet_name, place_name
from hadath.brief.storylines import Storyline, significance, storylines
from hadath.errors import HadathError
from hadath.store import Store

MAX_STORYLINES = 5  # storylines told under الحدث; the rest are counted ("and N more")
EVENTS_PER_STORYLINE = 3  # events told in a storyline; the rest are counted
MAX_LISTED = 4  # events told in each group of the assessment (ahead, not happened, threats)
TREND_THRESHOLD = 1.0  # a change of mean Goldstein below this is "steady"
TONE_THRESHOLD = 1.0  # a mean Goldstein within ±this is "mixed"
LOW_CONFIDENCE = 0.6  # events below this confidence are marked in the text and the footnote
THREAT_ROOT = "13"


@dataclass
class Claim:
    """One sentence of the brief, the events it tells and its footnotes. `status` is the status of the
    one event a sentence tells in its status's words (None for sentences about several)."""

    text: str
    events: list[int] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    group: int = 0  # sentences of one storyline share a group (one paragraph)
    status: str | None = None


@dataclass
class Section:
    key: str  # event | analysis | bottom
    title: str
    claims: list[Claim]


@dataclass
class Source:
    outlet: str | None  # in the brief's language; None: no name in it (the link names it)
    date: str | None
    url: str | None


@dataclass
class Note:
    """A footnote: the articles that reported its events."""

    number: int
    events: list[int]
    sources: list[Source]
    low_confidence: bool
    more: bool = False  # the events counted in an "and N more" sentence


@dataclass
class Brief:
    a: str
    b: str
    start: str
    end: str
    previous_start: str
    previous_end: str
    lang: str
    title: str
    sections: list[Section]
    notes: list[Note]
    figures: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> dict[str, Any]:
        """to_dict with event ids as text (64-bit ids lose digits as JavaScript numbers and in spreadsheets)."""
        data = self.to_dict()
        for section in data["sections"]:
            for claim in section["claims"]:
                claim["events"] = [str(i) for i in claim["events"]]
        for note in data["notes"]:
            note["events"] = [str(i) for i in note["events"]]
        return data


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of equal length just before [start, end]: 2024-01-01..2024-03-31 -> 2023-10-02..2023-12-31.

    Cut at the first day of the calendar; a period starting on it has none before it (the day itself).
    """
    length = min((end - start).days + 1, (start - date.min).days)
    if length == 0:
        return start, start
    return start - timedelta(days=length), start - timedelta(days=1)


def _mean(rows: list[dict[str, Any]]) -> float | None:
    scores = [r["goldstein"] for r in rows if r["goldstein"] is not None]
    return round(sum(scores) / len(scores), 2) if scores else None


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}".replace("+0.0", "0.0").replace("-0.0", "0.0")


def _name(code: str, case: str, lang: str) -> str:
    name = actor_name(code)
    return name.ar[case] if lang == "ar" else name.en


def _side(row: dict[str, Any]) -> str:
    return "cooperation" if row["quad_class"] in (1, 2) else "conflict"


class Writer:
    """Sentences of one brief in one language, and the footnotes they cite, numbered as first cited."""

    def __init__(self, store: Store, lang: str, rows: list[dict[str, Any]], as_of: str) -> None:
        self.lang = lang
        self.as_of = as_of  # the period's last day: a plan dated by it "was expected"
        self.reports = reports(store, [int(r["id"]) for r in rows])
        self.notes: list[Note] = []
        self._numbers: dict[tuple[int, ...], int] = {}

    def cite(self, events: list[dict[str, Any]], *, more: bool = False) -> int:
        ids = tuple(int(r["id"]) for r in events)
        if ids in self._numbers:
            return self._numbers[ids]
        sources: list[Source] = []
        for row in events:
            for report in self.reports.get(int(row["id"]), []):
                source = self._source(report)
                if source not in sources:
                    sources.append(source)
        low = any((r["confidence"] if r["confidence"] is not None else 1.0) < LOW_CONFIDENCE for r in events)
        note = Note(len(self.notes) + 1, list(ids), sources, low, more)
        self.notes.append(note)
        self._numbers[ids] = note.number
        return note.number

    def _source(self, report: Report) -> Source:
        return Source(outlet_name(report.url, report.outlet, self.lang),
                      news_date(report.published, self.lang) if report.published else None, report.url)

    def tell(self, row: dict[str, Any], place: str = "") -> str:
        return tell(row, self.lang, place, self.as_of)

    def when(self, row: dict[str, Any]) -> str:
        precision = row["date_precision"]
        if row["date"] and precision in ("day", "month", "year"):
            return phrase(f"when.{precision}", self.lang, date=news_date(row["date"], self.lang))
        return phrase("when.unknown", self.lang, date=news_date(row["first_seen"] or row["event_day"], self.lang))

    def place(self, row: dict[str, Any]) -> str:
        precision = row.get("location_precision")
        if precision == "country" and row["location_key"] in (row["source_key"], row["target_key"]):
            return ""  # "زار مصر في مصر"
        name = place_name(row["location_name"], row["location_key"], precision, self.lang)
        return phrase("place", self.lang, place=name) if name else ""

    def low(self, row: dict[str, Any]) -> str:
        confidence = row["confidence"] if row["confidence"] is not None else 1.0
        return phrase("low_confidence", self.lang) if confidence < LOW_CONFIDENCE else ""

    def outlets(self, row: dict[str, Any]) -> str:
        names: list[str] = []
        for report in self.reports.get(int(row["id"]), []):
            name = outlet_name(report.url, report.outlet, self.lang) or phrase("unknown_outlet", self.lang)
            if name not in names:
                names.append(name)
        return phrase("according", self.lang, outlets=join_list(names, self.lang)) if names else ""

    def event(self, row: dict[str, Any], key: str, group: int = 0) -> Claim:
        """One event told in full: what, where, when, confidence, outlets; cited."""
        text = phrase(key, self.lang, clause=self.tell(row, self.place(row)), when=self.when(row),
                      low=self.low(row), according=self.outlets(row))
        return Claim(_sentence(text), [int(row["id"])], [self.cite([row])], group, row["status"])

    def item(self, row: dict[str, Any], intro: str | None) -> Claim:
        """One event in the assessment: its clause, date and confidence; the first of a group with its
        group's introduction."""
        item = phrase("analysis.item", self.lang, clause=self.tell(row, self.place(row)), when=self.when(row),
                      low=self.low(row))
        text = phrase(intro, self.lang, items=item) if intro else phrase("analysis.item_next", self.lang, item=item)
        return Claim(_sentence(text), [int(row["id"])], [self.cite([row])], 0, row["status"])


def _sentence(text: str) -> str:
    """One sentence: no space before its end, one full stop."""
    text = " ".join(text.split())
    text = text.replace(" ،", "،").replace(" ,", ",").replace(" .", ".")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "؟", "?")) else text + "."


def _what_happened(writer: Writer, lines: list[Storyline], lang: str, names: dict[str, str]) -> list[Claim]:
    if not lines:
        return [Claim(phrase("event.none", lang, **names))]
    claims: list[Claim] = []
    for group, line in enumerate(lines[:MAX_STORYLINES]):
        told = line.events[:EVENTS_PER_STORYLINE]
        for i, row in enumerate(told):
            claims.append(writer.event(row, "event.first" if i == 0 else "event.next", group))
        rest = line.events[EVENTS_PER_STORYLINE:]
        if rest:
            text = phrase("event.more", lang, others=others_phrase(len(rest), "event", "nom", lang))
            claims.append(Claim(_sentence(text), [int(r["id"]) for r in rest], [writer.cite(rest, more=True)], group))
    cut = lines[MAX_STORYLINES:]
    if cut:
        rest = [r for line in cut for r in line.events]
        contain = "يضم" if len(cut) == 1 else "يضمان" if len(cut) == 2 else "تضم"  # agrees with "مسار"
        text = phrase("event.more_storylines", lang, storylines=others_phrase(len(cut), "storyline", "nom", lang),
                      contain=contain, be="is" if len(cut) == 1 else "are",
                      events_acc=count_phrase(len(rest), "event", "acc", lang))
        claims.append(Claim(_sentence(text), [int(r["id"]) for r in rest], [writer.cite(rest, more=True)], len(lines)))
    return claims


def _counts(actual: list[dict[str, Any]], previous: list[dict[str, Any]], lang: str, prev: dict[str, str]) -> str:
    if actual and previous:
        key = "analysis.counts"
    elif actual:
        key = "analysis.counts_no_previous"
    elif previous:
        key = "analysis.counts_none"
    else:
        key = "analysis.counts_nothing"
    return phrase(key, lang, events_nom=count_phrase(len(actual), "event", "nom", lang) if actual else "",
                  prev_gen=count_phrase(len(previous), "event", "gen", lang) if previous else "", **prev)


def _mix(actual: list[dict[str, Any]], lang: str) -> str:
    counts = defaultdict(int)
    for row in actual:
        if row["quad_class"] in (1, 2, 3, 4):
            counts[row["quad_class"]] += 1
    quads = sorted(counts)
    if not quads:
        return ""
    if len(quads) == 1:
        quad = phrase(f"quad.{quads[0]}", lang)
        return phrase("analysis.mix_one" if len(actual) > 1 else "analysis.mix_single", lang, quad=quad)
    parts = [phrase("analysis.mix_part", lang, count_gen=count_phrase(counts[q], "event", "gen", lang),
                    quad=phrase(f"quad.{q}", lang)) for q in quads]
    return phrase("analysis.mix", lang, parts=join_list(parts, lang))


def _turning_point(actual: list[dict[str, Any]], previous: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event of the period where the relation turned (from cooperation to conflict or back, against
    the event before it), the most intense such turn; None without one."""
    ordered = sorted(previous + actual, key=lambda r: (r["event_day"] or "", int(r["id"])))
    inside = {int(r["id"]) for r in actual}
    turns = [row for before, row in zip(ordered, ordered[1:], strict=False)
             if int(row["id"]) in inside and _side(row) != _side(before)]
    if not turns:
        return None
    return min(turns, key=lambda r: (-abs(r["goldstein"] or 0.0), r["event_day"] or "", int(r["id"])))


def _driver(actual: list[dict[str, Any]], previous: list[dict[str, Any]]) -> tuple[str, int, int] | None:
    """The acting party whose events moved the sum of Goldstein scores most between the two periods:
    (its code, its events now, its events before); None without a previous period or a change of 1."""
    if not previous:
        return None
    change: dict[str, float] = defaultdict(float)
    now: dict[str, int] = defaultdict(int)
    before: dict[str, int] = defaultdict(int)
    for rows, sign, counter in ((actual, 1.0, now), (previous, -1.0, before)):
        for row in rows:
            code = row["source_actor"] or row["source_key"]
            if code:
                change[code] += sign * (row["goldstein"] or 0.0)
                counter[code] += 1
    if not change:
        return None
    code = min(change, key=lambda c: (-abs(change[c]), c))
    if abs(change[code]) < TREND_THRESHOLD:
        return None
    return code, now[code], before[code]


def build_brief(store: Store, a: str, b: str, start: str, end: str, lang: str = "ar") -> Brief:
    """The brief for actors `a` and `b` (keys such as IRN, TUR) from `start` to `end` (YYYY[-MM[-DD]])."""
    if lang not in LANGS:
        raise HadathError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not start or not end:
        raise HadathError("a brief needs a period: give both --from and --to")
    if a == b:
        raise HadathError(f"a brief is about two actors, not {a} with itself")
    low, high = check_period(start, end)
    keys = known_keys(store)[0]
    a, b = (check_actor_code(k, keys, where=": no event in the store has it as a party") for k in (a, b))
    assert low is not None and high is not None
    prev_low, prev_high = previous_period(low, high)

    rows = pair_events(store, a, b, low, high)
    actual = [r for r in rows if r["status"] in ACTUAL]
    previous = pair_events(store, a, b, prev_low, prev_high, status="actual")
    # Planned acts ahead: dated after the period, announced by its end.
    after = [] if high == date.max else pair_events(store, a, b, high + timedelta(days=1), None, status="planned")
    upcoming = [r for r in after if r["first_seen"] is None or r["first_seen"] <= high.isoformat()]
    upcoming.sort(key=lambda r: (r["event_day"] or "9999", int(r["id"])))
    scheduled = [r for r in rows if r["status"] == "planned"]
    not_happened = sorted((r for r in rows if r["status"] in ("postponed", "cancelled", "denied", "hypothetical")),
                          key=lambda r: (-significance(r), r["event_day"] or "", int(r["id"])))
    threats = sorted((r for r in actual if r["root"] == THREAT_ROOT),
                     key=lambda r: (-significance(r), r["event_day"] or "", int(r["id"])))

    writer = Writer(store, lang, rows + upcoming, high.isoformat())
    names = {"a": _name(a, "nom", lang), "b": _name(b, "nom", lang)}  # "إيران وتركيا"
    between = {"a": _name(a, "gen", lang), "b": _name(b, "gen", lang)}  # "بين الحوثيين والولايات المتحدة"
    period = {"start": news_date(low, lang), "end": news_date(high, lang)}
    prev = {"prev_start": news_date(prev_low, lang), "prev_end": news_date(prev_high, lang)}

    mean, prev_mean = _mean(actual), _mean(previous)
    trend = None
    if mean is not None and prev_mean is not None:
        delta = mean - prev_mean
        trend = "warmer" if delta >= TREND_THRESHOLD else "cooler" if delta <= -TREND_THRESHOLD else "steady"
    tone = None
    if mean is not None:
        tone = "cooperation" if mean > TONE_THRESHOLD else "conflict" if mean < -TONE_THRESHOLD else "mixed"

    lines = storylines(rows)
    event_claims = _what_happened(writer, lines, lang, between)

    # الرأي
    analysis: list[Claim] = []
    driver = None
    if rows or previous or upcoming:
        ids = [int(r["id"]) for r in actual]
        analysis.append(Claim(_sentence(_counts(actual, previous, lang, prev)), ids))
        if trend is not None:
            analysis.append(Claim(phrase(f"analysis.{trend}", lang, mean=_score(mean), prev_mean=_score(prev_mean)), ids))
        elif mean is not None:
            analysis.append(Claim(phrase("analysis.no_previous", lang, mean=_score(mean)), ids))
        if (mix := _mix(actual, lang)):
            analysis.append(Claim(mix, ids))
        if actual and previous:
            share = round(100 * sum(_side(r) == "conflict" for r in actual) / len(actual))
            prev_share = round(100 * sum(_side(r) == "conflict" for r in previous) / len(previous))
            analysis.append(Claim(phrase("analysis.conflict_share", lang, share=share, prev_share=prev_share), ids))
        if (turn := _turning_point(actual, previous)) is not None:
            text = phrase("analysis.turning", lang, when=writer.when(turn), clause=writer.tell(turn)) + writer.low(turn)
            analysis.append(Claim(_sentence(text), [int(turn["id"])], [writer.cite([turn])], 0, turn["status"]))
        driver = _driver(actual, previous)
        if driver is not None:
            code, now, before = driver
            key = "analysis.driver" if now and before else "analysis.driver_new" if now else "analysis.driver_gone"
            analysis.append(Claim(phrase(key, lang, actor=_name(code, "nom", lang), actor_gen=_name(code, "gen", lang),
                                         now_nom=count_phrase(now, "event", "nom", lang),
                                         prev_gen=count_phrase(before, "event", "gen", lang))))
        for intro, group in (("analysis.ahead", upcoming), ("analysis.scheduled", scheduled),
                             ("analysis.not_happened", not_happened), ("analysis.threats", threats)):
            for i, row in enumerate(group[:MAX_LISTED]):
                analysis.append(writer.item(row, intro if i == 0 else None))
            if rest := group[MAX_LISTED:]:
                text = phrase("analysis.more", lang, others=others_phrase(len(rest), "event", "nom", lang))
                analysis.append(Claim(_sentence(text), [int(r["id"]) for r in rest], [writer.cite(rest, more=True)]))
    else:
        analysis.append(Claim(phrase("analysis.empty", lang)))

    # الخلاصة
    bottom: list[Claim] = []
    if not actual:
        bottom.append(Claim(phrase("bottom.nothing", lang, **between, **period)))
    else:
        key = f"bottom.{trend}" if trend is not None else "bottom.no_previous"
        bottom.append(Claim(phrase(key, lang, tone=phrase(f"tone.{tone}", lang), **between), [int(r["id"]) for r in actual]))
    watch = None
    if upcoming:
        watch = ("bottom.watch_planned", upcoming[0])
    elif threats:
        watch = ("bottom.watch_threat", threats[0])
    elif actual:
        top = min(actual, key=lambda r: (-significance(r), r["event_day"] or "", int(r["id"])))
        watch = ("bottom.watch_top", top)
    if watch is not None:
        key, row = watch
        when = writer.when(row)
        text = phrase(key, lang, clause=writer.tell(row) + writer.low(row), when=when,
                      when_bare=when.removeprefix("on ").removeprefix("in "))
        bottom.append(Claim(_sentence(text), [int(row["id"])], [writer.cite([row])], 0, row["status"]))
    if driver is not None:
        code, now, _ = driver
        key = "bottom.driver" if now else "bottom.driver_gone"
        lead = "تقود" if actor_name(code).gender == "f" else "يقود"  # the verb agrees with the actor after it
        bottom.append(Claim(phrase(key, lang, actor=_name(code, "nom", lang), actor_gen=_name(code, "gen", lang),
                                   lead=lead)))

    return Brief(
        a=a, b=b, start=low.isoformat(), end=high.isoformat(),
        previous_start=prev_low.isoformat(), previous_end=prev_high.isoformat(), lang=lang,
        title=_sentence(phrase("title", lang, **names, **period)).rstrip("."),
        sections=[
            Section("event", phrase("section.event", lang), event_claims),
            Section("analysis", phrase("section.analysis", lang), analysis),
            Section("bottom", phrase("section.bottom", lang), bottom[:3]),
        ],
        notes=writer.notes,
        figures={
            "events": len(actual), "storylines": len(lines), "planned": len(upcoming), "scheduled": len(scheduled),
            "not_happened": len(not_happened), "threats": len(threats),
            "goldstein_mean": mean, "previous_events": len(previous), "previous_goldstein_mean": prev_mean,
            "trend": trend, "tone": tone,
        },
    )
