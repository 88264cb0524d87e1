"""Find date expressions in Arabic text and resolve each to a calendar value.

`find_dates(text, published)` -> [DateMention]. Expressions are matched on the normalised text
(hadath.text.normalize.normalize_keep_length, so offsets point into `text`), months, weekdays and relative
words come from data/. Where two expressions overlap the longer wins.

How values are resolved:
- a full date is itself; a day and month with no year take the year that puts them nearest the
  publication date, in the direction a tense word gives ("18 أبريل الماضي" -> the last 18 April before);
- a bare weekday is the last one on or before publication (but tomorrow rather than six days back, which
  news would call "الماضي"), or the next one after it where the clause speaks of the future
  ("سيزور ... الأربعاء", "الأربعاء المقبل"); "الأربعاء الماضي" is the last one before;
- "أمس السبت": the named weekday nearest the relative day (the weekday wins a disagreement);
- "الأسبوع الماضي" is the seven days before publication, "الأسبوع المقبل" the seven after; week starts differ
  across the Arab world (Saturday, Sunday, Monday), so a week is given as the month holding those days,
  else their year, never as a day;
- "خلال الأيام القليلة الماضية" / "منذ أيام" -> the month of publication;
- a Hijri date converts with hijridate; with no year, a weekday plus Hijri and Gregorian day and month
  pin the year (`hijri.pin_year`);
- ranges ("من 17 إلى 19 أبريل", "بين 3 و5 مايو") have value the first day, end_value the last.

With no publication date the first fully given day in the text (a day, month and year, or a pinned
Hijri/Gregorian pair) stands in for it, for what that day is close enough to fix: a month, a year, a
day and month, "أمس السبت" (the weekday names the day); not a bare weekday or "أمس" alone. Where the
text gives no such day, expressions that need a reference cannot be resolved and are left out of the
result: every DateMention returned has a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hadath.dates import arithmetic, hijri, lexicon, patterns
from hadath.model import DateMention
from hadath.text.normalize import lower_ascii, normalize_keep_length

_PLACEHOLDER = "\u200b"
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")
_OPEN_QUOTES = {'"', "«", "“", "'"}
_CLOSE_QUOTES = {'"', "»", "”", "'"}

# Years a bare 4-digit number may stand for; wider after "عام"/"سنة", which rarely precede a count.
_BARE_YEARS = range(1900, 2101)
_CUED_YEARS = range(1000, 2200)
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "عامي", "سنتي"}


@dataclass
class MatchingForm:
    """The text as the patterns see it, and where each of its characters came from in the original."""

    text: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def matching_form(text: str) -> MatchingForm:
    """Normalised text with diacritics and tatweel dropped and ASCII lower-cased, with offsets back."""
    norm = normalize_keep_length(text)
    if _PLACEHOLDER not in norm:
        return MatchingForm(lower_ascii(norm), list(range(len(norm))))
    origin = [i for i, ch in enumerate(norm) if ch != _PLACEHOLDER]
    return MatchingForm(lower_ascii(norm.replace(_PLACEHOLDER, "")), origin)


@dataclass
class Match:
    """One expression found in the matching form, before resolution."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    future_context: bool = False
    # where the two years of "عامي 2026 و2027" end and start: the first mention ends, the second starts
    pair_split: tuple[int, int] | None = None


@dataclass
class Resolved:
    """The calendar value of one expression (the fields of DateMention besides text and offsets)."""

    value: str
    precision: str
    end_value: str | None = None
    relative: bool = False
    tense: str | None = None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published`, in text order.

    find_dates("يزور تركيا الأربعاء المقبل 24 يناير", date(2024, 1, 21))
    -> [DateMention("الأربعاء المقبل 24 يناير", 11, 35, "2024-01-24", "day", tense="future", ...)]
    """
    form = matching_form(text)
    matches = scan(form)
    ref = published or reference_from_text(matches)
    estimated = published is None
    mentions = []
    for m in matches:
        resolved = resolve(m, ref)
        if resolved is None or (estimated and not _safe_on_estimate(m, resolved)):
            continue
        start, end = form.span(m.start, m.end)
        mentions.append(
            DateMention(
                text=text[start:end],
                start=start,
                end=end,
                value=resolved.value,
                precision=resolved.precision,
                end_value=resolved.end_value,
                relative=resolved.relative,
                tense=resolved.tense,
            )
        )
    return mentions


def scan(form: MatchingForm) -> list[Match]:
    """All expressions in the text, overlaps settled (longest first, then pattern order), in text order."""
    found: list[tuple[int, int, Match]] = []
    for order, (kind, pattern) in enumerate(patterns.all_patterns()):
        for rm in pattern.finditer(form.text):
            start, end = rm.span("x")
            if end <= start or _rejected(kind, rm, form.text, start):
                continue
            match = Match(kind, start, end, rm.groupdict())
            if kind == "year" and rm.group("y2"):
                match.pair_split = (rm.end("y"), rm.start("y2"))
            found.append((order, start, match))
    found.sort(key=lambda item: (-(item[2].end - item[2].start), item[0], item[1]))
    taken: list[Match] = []
    for _, _, m in found:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    for m in taken:
        if m.kind in ("weekday", "gregorian_day", "gregorian_month", "hijri"):
            m.future_context = _future_context(form.text, m.start, m.end)
    return _split_year_pairs(taken)


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30) : start])
    return words[-1] if words else ""


def _next_word(text: str, end: int) -> str:
    found = _WORD.search(text, end, end + 30)
    return found.group() if found and not text[end : found.start()].strip(" \t") else ""


def _rejected(kind: str, rm: re.Match[str], text: str, start: int) -> bool:
    """Readings that look like dates and are not."""
    before = _previous_word(text, start)
    if kind == "relative_day":
        after = _next_word(text, rm.end("x"))
        if before in lexicon.words("until"):
            return True  # "حتى اليوم": up to now
        if not rm.group("wd") and (
            before in lexicon.words("day_not_before") or after in lexicon.words("day_not_after")
        ):
            return True  # "منذ ذلك اليوم", "اليوم التالي": a day of the story, not of publication
    if kind == "weekday" and before in lexicon.words("recurring"):
        return True  # "كل جمعة": every Friday
    if kind == "relative_unit" and rm.group("unit") == "العام" and before in lexicon.words("general_noun"):
        return True  # "الأمين العام الحالي": العام is the adjective "general"
    if kind == "gregorian_month":
        m = lexicon.month_names()[lexicon.fold(rm.group("m"))]
        if rm.group("y") or rm.group("y3") or rm.group("yt") or rm.group("t") or rm.group("shahr"):
            return False
        if m.ambiguous or m.calendar == "english":
            return not rm.group("m2")
        return not (rm.group("m2") or _month_cue(before) or _quoted(text, start, rm.end("x")))
    return False


def _month_cue(word: str) -> bool:
    """ "في", "وفي", "منتصف", "شهر": a word after which a month name alone is a date."""
    for stem in (word, word[1:] if word[:1] in "وفبل" else ""):
        if stem and (stem in lexicon.words("year_cue") or stem in lexicon.words("month_cue")):
            return True
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] in _OPEN_QUOTES and text[end : end + 1] in _CLOSE_QUOTES


def _split_year_pairs(matches: list[Match]) -> list[Match]:
    """ "لسنتي 2026-2027", "عامي 2011 و2014": two years, not a span; "2011-2014" after another cue is a span."""
    out = []
    for m in matches:
        g = m.groups
        is_pair = (
            m.kind == "year"
            and g.get("y2")
            and (
                g.get("join") == "و"
                or lexicon.words("year_cue").get(g.get("cue") or "") == "pair"
                or g.get("cue2") in ("عامي", "سنتي")
            )
        )
        if not is_pair:
            out.append(m)
            continue
        assert m.pair_split is not None
        first = Match("year", m.start, m.pair_split[0], {**g, "y2": None})
        second = Match("year", m.pair_split[1], m.end, {**g, "y": g["y2"], "y2": None})
        out.extend([first, second])
    return out


def _future_context(text: str, start: int, end: int) -> bool:
    """Whether the clause around an expression speaks of the future ("سيزور", "من المقرر", "سوف")."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    before = _WORD.findall(text[left:start])[-8:]
    after = _WORD.findall(text[end:right])[:3]
    return any(_is_future_word(w) for w in before + after)


def _is_future_word(word: str) -> bool:
    """ "سيزور", "وستبدأ", "سنعمل", "سوف", "المقرر" -> True; "سياسة", "سيطرت" -> False."""
    if word in lexicon.words("future_marker"):
        return True
    for stem in (word, word[1:] if word[:1] in "وف" else ""):
        if stem in lexicon.words("future_marker"):
            return True
        if len(stem) >= 5 and stem[0] == "س" and stem[1] in "يتن" and stem not in lexicon.words("not_future"):
            return True
    return False


def _safe_on_estimate(m: Match, resolved: Resolved) -> bool:
    """Whether a value resolved against a date of the story, not of publication, can stand.

    That date may be days from publication: a bare weekday or "أمس" would be a guess, but "أمس السبت"
    (the weekday names the day), a month, a year or a day and month with no year stay right.
    """
    if m.kind == "weekday":
        return False
    if m.kind == "relative_day":
        return bool(m.groups.get("wd"))
    if m.kind == "ago":
        return resolved.precision != "day"
    return True


def reference_from_text(matches: list[Match]) -> date | None:
    """Where there is no publication date: the first day the text gives in full, to resolve the rest by."""
    for m in matches:
        resolved = resolve(m, None)
        if resolved is not None and resolved.precision == "day":
            return date.fromisoformat(resolved.value)
    return None


# -- resolution -------------------------------------------------------------------------------------------


def resolve(m: Match, ref: date | None) -> Resolved | None:
    """The value of one expression against the reference day; None where it cannot be resolved,
    also where it falls outside the calendar ("بعد عامين" from 9999-12-31; "منذ 3000 عام")."""
    try:
        resolved = _RESOLVERS[m.kind](m, ref)
    except OverflowError:
        return None
    if resolved is not None and not (_in_calendar(resolved.value) and _in_calendar(resolved.end_value)):
        return None
    return resolved


def _in_calendar(value: str | None) -> bool:
    """A value whose year is 1 to 9999, as every date can have ("10000-01" is not one)."""
    if value is None:
        return True
    year = value.split("-", 1)[0]
    return len(year) == 4 and year.isdigit() and year != "0000"


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _tense(word: str | None) -> str | None:
    return lexicon.words("tense").get(word) if word else None


def _output_tense(tense: str | None) -> str | None:
    return tense if tense in ("past", "future") else None


def _month_number(name: str | None) -> int | None:
    return lexicon.month_names()[lexicon.fold(name)].month if name else None


def _weekday_number(name: str | None) -> int | None:
    return lexicon.weekday_names()[lexicon.fold(name)] if name else None


def _day_number(g: dict[str, str | None], prefix: str = "") -> int | None:
    """The day in digits, or from ordinal words: "الثالث والعشرين" -> 23, "الحادي عشر" -> 11, "العشرين" -> 20."""
    if g.get(prefix + "d"):
        return int(g[prefix + "d"])  # type: ignore[arg-type]
    if g.get(prefix + "tensonly"):
        return lexicon.number_words("tens")[g[prefix + "tensonly"]]  # type: ignore[index]
    unit = g.get(prefix + "ord")
    if not unit:
        return None
    day = lexicon.number_words("ordinal")[unit]
    tens = g.get(prefix + "tens")
    if tens:
        day = lexicon.number_words("tens")[tens] + (1 if unit == "حادي" else day)
    return day


def _iso(d: date) -> str:
    return d.isoformat()


def _year_ok(y: int | None, cued: bool = True) -> bool:
    return y is not None and y in (_CUED_YEARS if cued else _BARE_YEARS)


def _resolve_gregorian_day(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    day = _day_number(g)
    day2 = _int(g.get("d2"))
    if day is None:
        return None
    tense = _tense(g.get("t")) or _tense(g.get("mt")) or _tense(g.get("wt"))
    if g.get("m"):
        month = _month_number(g["m"])
        year = _int(g.get("y")) or _int(g.get("y3"))
        if year is not None and not _year_ok(year):
            return None
        if year is None and g.get("yt") and ref is not None:
            year = ref.year + {"past": -1, "future": 1}.get(_tense(g["yt"]) or "", 0)
    else:  # "23 و24 من الشهر الحالي"
        if ref is None:
            return None
        year, month = arithmetic.shift_months(ref, {"past": -1, "future": 1}.get(tense or "", 0))
    assert month is not None
    if year is not None:
        first = arithmetic.valid_day(year, month, day)
        relative = g.get("m") is None
    else:
        if ref is None:
            return None
        wd = _weekday_number(g.get("wd"))
        first = _day_month_with_weekday(day, month, ref, tense, wd)
        relative = True
    if first is None:
        return None
    end_value = None
    if day2 is not None and day2 > day:
        last = arithmetic.valid_day(first.year, first.month, day2)
        end_value = _iso(last) if last else None
    return Resolved(_iso(first), "day", end_value, relative, _output_tense(tense))


def _day_month_with_weekday(
    day: int, month: int, ref: date, tense: str | None, wd: int | None
) -> date | None:
    """Nearest day/month; a weekday given beside it picks among the nearby years ("الخميس 18 يناير")."""
    nearest = arithmetic.day_month_near(day, month, ref, tense)
    if wd is None or tense is not None or (nearest is not None and nearest.isoweekday() == wd):
        return nearest
    fitting = [
        d
        for y in (ref.year - 1, ref.year, ref.year + 1)
        if (d := arithmetic.valid_day(y, month, day)) and d.isoweekday() == wd
    ]
    return min(fitting, key=lambda d: abs((d - ref).days)) if fitting else nearest


def _resolve_gregorian_month(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    month = _month_number(g["m"])
    assert month is not None
    year = _int(g.get("y")) or _int(g.get("y3"))
    if year is not None:
        return Resolved(f"{year:04d}-{month:02d}", "month") if _year_ok(year) else None
    if ref is None:
        return None
    if g.get("yt"):
        year = ref.year + {"past": -1, "future": 1}.get(_tense(g["yt"]) or "", 0)
        return Resolved(f"{year:04d}-{month:02d}", "month", relative=True)
    tense = _tense(g.get("t"))
    # a month alone takes the clause's tense: "في يناير" in a report is the last January, or this one
    direction = tense or ("not_before" if m.future_context else "not_after")
    year, month = arithmetic.month_near(month, ref, direction)
    return Resolved(f"{year:04d}-{month:02d}", "month", relative=True, tense=_output_tense(tense))


def _resolve_numeric(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    if g.get("y_"):
        year, month, day = int(g["y_"]), int(g["mo_"]), int(g["d_"])  # type: ignore[arg-type]
    else:
        year, month, day = int(g["y"]), int(g["mo"]), int(g["d"])  # type: ignore[arg-type]
    if not _year_ok(year, cued=False):
        return None
    if month > 12 >= day:  # "4/22/1948": month first, as English-language sources write it
        day, month = month, day
    found = arithmetic.valid_day(year, month, day)
    return Resolved(_iso(found), "day") if found else None


def _resolve_dateline_with_time(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    year = int(g["y"])  # type: ignore[arg-type]
    found = arithmetic.valid_day(year, _month_number(g["m"]) or 0, int(g["d"]))  # type: ignore[arg-type]
    return Resolved(_iso(found), "day") if found and _year_ok(year, cued=False) else None


def _resolve_hijri(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    hday, hmonth = _day_number(g, "h"), lexicon.month_names()[lexicon.fold(g["hm"])].month  # type: ignore[arg-type]
    gday, gmonth = _day_number(g, "g"), _month_number(g.get("gm"))
    wd = _weekday_number(g.get("wd"))
    if hday is None:
        return None
    found: date | None = None
    relative = False
    if gday is not None and gmonth is not None and g.get("gy"):
        found = arithmetic.valid_day(int(g["gy"]), gmonth, gday)  # type: ignore[arg-type]
    elif g.get("hy"):
        found = hijri.hijri_to_gregorian(int(g["hy"]), hmonth, hday)  # type: ignore[arg-type]
    elif gday is not None and gmonth is not None:
        found = hijri.pin_year(hday, hmonth, gday, gmonth, wd)
        if found is None and ref is not None:
            found = arithmetic.day_month_near(gday, gmonth, ref, None)
            relative = True
    elif ref is not None:
        found = hijri.hijri_day_month_near(hday, hmonth, ref, _tense(g.get("ht")))
        relative = True
    if found is None:
        return None
    return Resolved(_iso(found), "day", relative=relative, tense=_output_tense(_tense(g.get("ht"))))


def _resolve_relative_day(m: Match, ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    g = m.groups
    target = arithmetic.shift_days(ref, int(lexicon.words("relative_day")[lexicon.fold(g["rel"])]))  # type: ignore[arg-type]
    wd = _weekday_number(g.get("wd"))
    if wd is not None and target.isoweekday() != wd:
        target = arithmetic.weekday_near(wd, target, None)
    offset = (target - ref).days
    tense = "past" if offset < 0 else "future" if offset > 0 else None
    return Resolved(_iso(target), "day", relative=True, tense=tense)


def _resolve_weekday(m: Match, ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    g = m.groups
    wd = _weekday_number(g["wd"])
    assert wd is not None
    said = _tense(g.get("wt") or g.get("wt2"))
    if said == "past":
        direction = "past_strict"
    elif said == "future" or (said is None and m.future_context):
        direction = "future"
    else:
        direction = "recent" if said is None else "past"
    found = arithmetic.weekday_near(wd, ref, direction)
    tense = "future" if found > ref else "past"
    return Resolved(_iso(found), "day", relative=True, tense=tense)


_UNIT_OF = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
_STEP = {"past": -1, "future": 1, "current": 0}


def _unit_value(unit: str, step: int, ref: date) -> Resolved:
    if unit == "week":
        if step < 0:
            first, last = ref - timedelta(days=7), ref - timedelta(days=1)
        elif step > 0:
            first, last = ref + timedelta(days=1), ref + timedelta(days=7)
        else:
            first, last = ref - timedelta(days=3), ref + timedelta(days=3)
        value, precision = arithmetic.window_value(first, last)
        return Resolved(value, precision, relative=True)
    if unit == "month":
        year, month = arithmetic.shift_months(ref, step)
        return Resolved(f"{year:04d}-{month:02d}", "month", relative=True)
    return Resolved(f"{ref.year + step:04d}", "year", relative=True)


def _resolve_relative_unit(m: Match, ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    g = m.groups
    if g.get("thisunit"):
        return _unit_value(_UNIT_OF[g["thisunit"]], 0, ref)  # type: ignore[index]
    tense = _tense(g["t"])
    value = _unit_value(_UNIT_OF[g["unit"]], _STEP.get(tense or "", 0), ref)  # type: ignore[index]
    value.tense = _output_tense(tense)
    return value


def _resolve_recent_days(m: Match, ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    direction = int(lexicon.words("recent_days")[lexicon.fold(m.groups["recent"])])  # type: ignore[arg-type]
    return Resolved(
        f"{ref.year:04d}-{ref.month:02d}", "month", relative=True, tense="past" if direction < 0 else "future"
    )


def _resolve_ago(m: Match, ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    g = m.groups
    unit_word = lexicon.words("unit")[lexicon.fold(g["u"])]  # type: ignore[arg-type]
    unit, _, dual = unit_word.partition(":")
    count: int | None
    if g.get("n"):
        n = g["n"]
        count = int(n) if n.isdigit() else lexicon.number_words("cardinal")[n]  # type: ignore[union-attr]
    elif dual:
        count = int(dual)
    elif _is_plural(g["u"]):  # type: ignore[arg-type]
        count = None  # "منذ أيام": some days
    else:
        count = 1
    if count is None:
        if unit != "day":
            return None  # "منذ سنوات" names no time
        return Resolved(f"{ref.year:04d}-{ref.month:02d}", "month", relative=True, tense="past")
    if unit == "day":
        return Resolved(_iso(ref - timedelta(days=count)), "day", relative=True, tense="past")
    if unit == "week":
        centre = ref - timedelta(days=7 * count)
        value, precision = arithmetic.window_value(centre - timedelta(days=3), centre + timedelta(days=3))
        return Resolved(value, precision, relative=True, tense="past")
    if unit == "month":
        year, month = arithmetic.shift_months(ref, -count)
        return Resolved(f"{year:04d}-{month:02d}", "month", relative=True, tense="past")
    return Resolved(f"{ref.year - count:04d}", "year", relative=True, tense="past")


def _is_plural(unit: str) -> bool:
    return lexicon.fold(unit) in {
        lexicon.fold(w) for w in ("أيام", "أسابيع", "أشهر", "شهور", "أعوام", "سنوات", "سنين")
    }


def _resolve_year(m: Match, ref: date | None) -> Resolved | None:
    g = m.groups
    year = int(g["y"])  # type: ignore[arg-type]
    cued = g.get("cue") in _YEAR_WORDS or g.get("cue2") is not None
    if not _year_ok(year, cued=cued):
        return None
    end_value = None
    if g.get("y2"):
        last = int(g["y2"])  # type: ignore[arg-type]
        if not (_year_ok(last, cued=cued) and last > year):
            return None
        end_value = f"{last:04d}"
    return Resolved(f"{year:04d}", "year", end_value)


_RESOLVERS = {
    "gregorian_day": _resolve_gregorian_day,
    "gregorian_month": _resolve_gregorian_month,
    "numeric": _resolve_numeric,
    "dateline_with_time": _resolve_dateline_with_time,
    "hijri": _resolve_hijri,
    "relative_day": _resolve_relative_day,
    "weekday": _resolve_weekday,
    "relative_unit": _resolve_relative_unit,
    "recent_days": _resolve_recent_days,
    "ago": _resolve_ago,
    "year": _resolve_year,
}
