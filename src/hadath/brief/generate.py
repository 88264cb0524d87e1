"""A relations brief for two actors over a period, from the event store, in the analysts' form:
الحدث (the period's main events), الرأي (what the data says against the previous period), الخلاصة
(the bottom line). Deterministic: the same store and arguments give the same brief.

Every sentence carries the ids of the events behind it (`Claim.events`), so a reader can check it.
Only events that happened (occurred, ongoing) are counted and scored; planned ones are listed as still
to come, denied and hypothetical ones are kept apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from hadath.api.queries import ACTUAL, check_period, pair_events
from hadath.brief.language import (
    LANGS,
    actor_label,
    actor_with_code,
    cameo_label,
    count_phrase,
    join_list,
    news_date,
    phrase,
)
from hadath.errors import HadathError
from hadath.store import Store

MAIN_BY_REPORTS = 3  # the most reported events listed under الحدث
MAIN_BY_INTENSITY = 2  # then the highest |Goldstein| not already listed
MAX_ACTORS = 3
MAX_LISTED = 4  # planned, denied, hypothetical events named in a sentence
TREND_THRESHOLD = 1.0  # a change of mean Goldstein below this is "steady"
TONE_THRESHOLD = 1.0  # a mean Goldstein within ±this is "mixed"


@dataclass
class Claim:
    """One sentence of the brief and the events it rests on."""

    text: str
    events: list[int] = field(default_factory=list)


@dataclass
class Section:
    key: str  # event | analysis | bottom
    title: str
    claims: list[Claim]


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
    figures: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of equal length just before [start, end]: 2024-01-01..2024-03-31 -> 2023-10-03..2023-12-31.

    Cut at the first day of the calendar; a period starting on it has none before it (the day itself).
    """
    length = min((end - start).days + 1, (start - date.min).days)
    if length == 0:
        return start, start
    return start - timedelta(days=length), start - timedelta(days=1)


def _mean(rows: list[dict[str, Any]]) -> float | None:
    scores = [r["goldstein"] for r in rows if r["goldstein"] is not None]
    return round(sum(scores) / len(scores), 2) if scores else None


def _what(row: dict[str, Any], lang: str) -> str:
    return cameo_label(row["cameo"], lang)


def _party(row: dict[str, Any], side: str, lang: str) -> str:
    return actor_label(row[f"{side}_actor"] or row[f"{side}_key"], lang)


def _day(row: dict[str, Any], lang: str) -> str:
    return news_date(row["date"] or row["event_day"], lang)


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}".replace("+0.0", "0.0").replace("-0.0", "0.0")


def build_brief(store: Store, a: str, b: str, start: str, end: str, lang: str = "ar") -> Brief:
    """The brief for actors `a` and `b` (keys such as IRN, TUR) from `start` to `end` (YYYY[-MM[-DD]])."""
    if lang not in LANGS:
        raise HadathError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not start or not end:
        raise HadathError("a brief needs a period: give both --from and --to")
    if a == b:
        raise HadathError(f"a brief is about two actors, not {a} with itself")
    low, high = check_period(start, end)
    assert low is not None and high is not None
    prev_low, prev_high = previous_period(low, high)

    rows = pair_events(store, a, b, low, high)
    actual = [r for r in rows if r["status"] in ACTUAL]
    previous = pair_events(store, a, b, prev_low, prev_high, status="actual")
    # Planned events still to come: announced in the period or after it, dated after the period's start.
    # Planned events reported by the period's end: those dated after it are still to come; those dated
    # inside it were scheduled then (whether they happened is another record, counted above if it did).
    planned = [
        r for r in pair_events(store, a, b, low, None, status="planned")
        if r["first_seen"] is None or r["first_seen"] <= high.isoformat()
    ]
    upcoming = [r for r in planned if r["date"] is None or (r["event_day"] or "") > high.isoformat()]
    scheduled = [r for r in planned if r not in upcoming]
    denied = [r for r in rows if r["status"] in ("denied", "cancelled")]
    hypothetical = [r for r in rows if r["status"] == "hypothetical"]

    names = {"a": actor_label(a, lang), "b": actor_label(b, lang)}
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

    # الحدث: the most reported events, then the most intense ones not yet listed.
    by_reports = sorted(actual, key=lambda r: (-r["num_mentions"], -abs(r["goldstein"] or 0), r["event_day"] or "", r["id"]))
    main = by_reports[:MAIN_BY_REPORTS]
    by_intensity = sorted(actual, key=lambda r: (-abs(r["goldstein"] or 0), -r["num_mentions"], r["event_day"] or "", r["id"]))
    main += [r for r in by_intensity if r not in main][:MAIN_BY_INTENSITY]
    main.sort(key=lambda r: (r["event_day"] or "", r["id"]))
    event_claims = [
        Claim(
            phrase(
                "event.line", lang, date=_day(r, lang), what=_what(r, lang), source=_party(r, "source", lang),
                target=_party(r, "target", lang),
                place=phrase("event.place", lang, place=r["location_name"]) if r["location_name"] else "",
                reports_gen=count_phrase(r["num_mentions"], "report", "gen", lang),
                sources_gen=count_phrase(r["num_sources"], "source", "gen", lang),
                goldstein=_score(r["goldstein"]),
            ),
            [r["id"]],
        )
        for r in main
    ] or [Claim(phrase("event.none", lang, **names))]

    # الرأي
    analysis: list[Claim] = []
    ids = [r["id"] for r in actual]
    if actual:
        cooperation = [r for r in actual if r["quad_class"] in (1, 2)]
        analysis.append(
            Claim(
                phrase("analysis.count", lang, events_acc=count_phrase(len(actual), "event", "acc", lang),
                       cooperation=len(cooperation), conflict=len(actual) - len(cooperation)),
                ids,
            )
        )
        if trend is not None:
            analysis.append(
                Claim(phrase(f"analysis.{trend}", lang, mean=_score(mean), prev_mean=_score(prev_mean), **prev),
                      ids + [r["id"] for r in previous])
            )
        else:
            analysis.append(Claim(phrase("analysis.no_previous", lang, mean=_score(mean), **prev), ids))
        counts: dict[str, list[int]] = {}
        for r in actual:
            for side in ("source", "target"):
                code = r[f"{side}_actor"] or r[f"{side}_key"]
                if code and r["id"] not in counts.setdefault(code, []):
                    counts[code].append(r["id"])
        busiest = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_ACTORS]
        analysis.append(
            Claim(
                phrase("analysis.actors", lang, actors=join_list(
                    [phrase("analysis.actor", lang, actor=actor_with_code(code, lang),
                            events_gen=count_phrase(len(event_ids), "event", "gen", lang))
                     for code, event_ids in busiest], lang)),
                sorted({i for _, event_ids in busiest for i in event_ids}),
            )
        )

    def when(r: dict[str, Any]) -> str:
        if r["date"] and r["date_precision"] in ("day", "month", "year"):
            return phrase("analysis.when_day", lang, date=news_date(r["date"], lang))
        return phrase("analysis.when_unknown", lang)

    if upcoming:
        listed = upcoming[:MAX_LISTED]
        analysis.append(
            Claim(
                phrase("analysis.planned", lang, items=join_list(
                    [phrase("analysis.planned_item", lang, what=_what(r, lang), source=_party(r, "source", lang),
                            target=_party(r, "target", lang), when=when(r)) for r in listed], lang)),
                [r["id"] for r in listed],
            )
        )
    for key, group in (("analysis.scheduled", scheduled), ("analysis.denied", denied),
                       ("analysis.hypothetical", hypothetical)):
        if group:
            listed = group[:MAX_LISTED]
            analysis.append(
                Claim(
                    phrase(key, lang, items=join_list(
                        [phrase("analysis.other_item", lang, what=_what(r, lang), source=_party(r, "source", lang),
                                target=_party(r, "target", lang), date=_day(r, lang)) for r in listed], lang)),
                    [r["id"] for r in listed],
                )
            )

    if not analysis:
        analysis.append(Claim(phrase("analysis.empty", lang)))

    # الخلاصة: two or three sentences.
    bottom: list[Claim] = []
    if not actual:
        bottom.append(Claim(phrase("bottom.none", lang, **names, **period)))
    elif len(actual) == 1:
        side = "cooperation" if actual[0]["quad_class"] in (1, 2) else "conflict"
        bottom.append(Claim(phrase("bottom.summary_one", lang, tone=phrase(f"tone.{side}", lang), **names, **period), ids))
    else:
        bottom.append(
            Claim(
                phrase("bottom.summary", lang, events_nom=count_phrase(len(actual), "event", "nom", lang),
                       tone=phrase(f"tone.{tone}", lang), **names, **period),
                ids,
            )
        )
    if actual:
        top = by_reports[0]
        bottom.append(
            Claim(phrase("bottom.top", lang, what=_what(top, lang), source=_party(top, "source", lang),
                         target=_party(top, "target", lang), date=_day(top, lang)), [top["id"]])
        )
    if trend is not None:
        bottom.append(Claim(phrase(f"bottom.{trend}", lang), ids + [r["id"] for r in previous]))
    elif upcoming:
        first = upcoming[0]
        bottom.append(Claim(phrase("bottom.planned", lang, what=_what(first, lang), when=when(first)), [first["id"]]))

    return Brief(
        a=a, b=b, start=low.isoformat(), end=high.isoformat(),
        previous_start=prev_low.isoformat(), previous_end=prev_high.isoformat(), lang=lang,
        title=phrase("title", lang, **names, **period),
        sections=[
            Section("event", phrase("section.event", lang), event_claims),
            Section("analysis", phrase("section.analysis", lang), analysis),
            Section("bottom", phrase("section.bottom", lang), bottom[:3]),
        ],
        figures={
            "events": len(actual), "planned": len(upcoming), "scheduled": len(scheduled), "denied": len(denied), "hypothetical": len(hypothetical),
            "goldstein_mean": mean, "previous_events": len(previous), "previous_goldstein_mean": prev_mean,
            "trend": trend, "tone": tone,
        },
    )
