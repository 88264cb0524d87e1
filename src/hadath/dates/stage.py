"""The dates stage: find the publication date where the input gave none, then resolve every date expression."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hadath.dates import lexicon
from hadath.dates.arithmetic import plausible_publication
from hadath.dates.resolve import Match, MatchingForm, find_dates, matching_form, resolve, scan
from hadath.model import Article, DateMention
from hadath.text.normalize import normalize

# A dateline sits in the page head: within these many non-empty lines, and on a long line near its start.
DATELINE_LINES = 20
DATELINE_SHORT_LINE = 80
DATELINE_NEAR_START = 16
# what may stand beside a date on a stamp line: a time, "م"/"ص" (pm/am), punctuation
_STAMP_LEFTOVER = re.compile(r"\d{1,2}:\d{2}|(?<!\w)(?:م|ص|مساء|صباحا|am|pm)(?!\w)|[\W_]", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_FULL_DATE_KINDS = ("gregorian_day", "numeric", "dateline_with_time", "hijri")


def resolve_dates(article: Article) -> Article:
    """Set `published` from the text where it is missing, then fill `article.dates`."""
    if article.published is None:
        found = find_publication_date(article.text)
        if found is not None and plausible_publication(found):
            article.published = found
            article.published_from = "text"
    mentions = find_dates(article.text, article.published)
    article.dates = [d for d in mentions if not is_page_stamp(article.text, d, article.published)]
    return article


def is_page_stamp(text: str, mention: DateMention, published: date | None) -> bool:
    """A full date alone on a line of the page head and later than publication: the page's stamp of the
    day it was visited ("الخميس 07 نوفمبر 2024" above a 2023 article), not a date of the story."""
    if published is None or mention.precision != "day" or mention.relative or mention.value is None:
        return False
    if mention.value <= published.isoformat():
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    if sum(1 for line in text[:line_start].split("\n") if line.strip()) >= DATELINE_LINES:
        return False
    rest = normalize(text[line_start : mention.start] + " " + text[mention.end : line_end])
    return not _STAMP_LEFTOVER.sub("", rest)


def find_publication_date(text: str) -> date | None:
    """The publication date the text itself gives, or None.

    1. A dateline: a day, month and year alone on a line of the page head or near a line's start
       ("12 فبراير 2025", "السبت 18/نوفمبر/2023 - 05:56 م", "الخرطوم 7 أغسطس 2022"). Where the head has
       several, one with a time of day on its line is taken first (an archive date in a caption has
       none), then the earliest: the others are page furniture stamped with the day of the visit, which
       is never before the article.
    2. Else a full date that a relative day word pins to publication, anywhere in the text:
       "أمس السبت 20 يناير 2024" -> 2024-01-21; "اليوم الخميس 11 سبتمبر 2025" -> 2025-09-11.
    """
    form = matching_form(text)
    matches = scan(form)
    datelines = [
        (not _time_on_line(form, m), d)
        for m in matches
        if not m.groups.get("rel") and (d := _full_day(m)) is not None and _in_page_head(form, m)
    ]
    if datelines:
        return min(datelines)[1]
    for m in matches:
        day = _full_day(m)
        rel = m.groups.get("rel")
        if day is not None and rel:
            try:
                return day - timedelta(days=int(lexicon.words("relative_day")[lexicon.fold(rel)]))
            except OverflowError:  # "أمس" before 0001-01-01
                return None
    return None


def _full_day(m: Match) -> date | None:
    """The day of an expression that gives day, month and year itself (needing no reference)."""
    if m.kind not in _FULL_DATE_KINDS:
        return None
    resolved = resolve(m, None)
    if resolved is None or resolved.precision != "day" or resolved.relative:
        return None
    return date.fromisoformat(resolved.value)


def _time_on_line(form: MatchingForm, m: Match) -> bool:
    line_start = form.text.rfind("\n", 0, m.start) + 1
    line_end = form.text.find("\n", m.end)
    return bool(_TIME.search(form.text, line_start, len(form.text) if line_end < 0 else line_end))


def _in_page_head(form: MatchingForm, m: Match) -> bool:
    text = form.text
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    lines_before = sum(1 for line in text[:line_start].split("\n") if line.strip())
    if lines_before >= DATELINE_LINES:
        return False
    line = text[line_start:line_end].strip()
    offset = m.start - line_start - (len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip()))
    return len(line) <= DATELINE_SHORT_LINE or offset <= DATELINE_NEAR_START
