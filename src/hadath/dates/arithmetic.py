"""Date arithmetic relative to a reference day (the publication date): pure functions, no text.

Tense is "past", "future", "current" or None (no direction given: the nearest one).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# A publication date outside these is a placeholder or a typing error (0001-01-01, 9999-12-31), and
# arithmetic from it overflows the calendar: it is ignored.
EARLIEST_PUBLISHED = date(1800, 1, 1)
LATEST_PUBLISHED = date(2200, 12, 31)


def plausible_publication(day: date) -> bool:
    """True for a day a news article can have been published on (1800-01-01 to 2200-12-31)."""
    return EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED


def valid_day(year: int, month: int, day: int) -> date | None:
    """date(year, month, day), or None where there is no such day ("30 فبراير")."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def shift_days(ref: date, days: int) -> date:
    return ref + timedelta(days=days)


def shift_months(ref: date, months: int) -> tuple[int, int]:
    """(year, month) `months` after ref's month: shift_months(2024-01-21, -2) -> (2023, 11)."""
    index = ref.year * 12 + ref.month - 1 + months
    return index // 12, index % 12 + 1


def day_month_near(day: int, month: int, ref: date, tense: str | None) -> date | None:
    """The year that puts day/month nearest ref, in the tense's direction.

    "18 أبريل الماضي" published 2024-01-21 -> 2023-04-18; "24 يناير" -> 2024-01-24;
    "15 أكتوبر الجاري" -> ref's month and year.
    """
    if tense == "current":
        return valid_day(ref.year, month, day)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := valid_day(y, month, day))]
    if tense == "past":
        before = [d for d in candidates if d <= ref]
        return max(before) if before else None
    if tense == "future":
        after = [d for d in candidates if d >= ref]
        return min(after) if after else None
    # no direction: the nearest; a tie goes to the past, as news mostly reports what happened
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref)) if candidates else None


def month_near(month: int, ref: date, tense: str | None) -> tuple[int, int]:
    """The (year, month) of a month name with no year.

    "نوفمبر الماضي" published 2024-01-21 -> (2023, 11) (strictly before ref's month);
    "يناير المقبل" published 2024-01-21 -> (2025, 1); "not_after"/"not_before": ref's month or the
    nearest before/after it; None: the nearest.
    """
    if tense == "current":
        return ref.year, month
    if tense == "not_after":  # a month alone in a clause about the past: this one or the last before
        return (ref.year, month) if month <= ref.month else (ref.year - 1, month)
    if tense == "not_before":
        return (ref.year, month) if month >= ref.month else (ref.year + 1, month)
    if tense == "past":
        return (ref.year, month) if month < ref.month else (ref.year - 1, month)
    if tense == "future":
        return (ref.year, month) if month > ref.month else (ref.year + 1, month)
    here = ref.year * 12 + ref.month - 1
    best = min(
        (ref.year + dy for dy in (-1, 0, 1)),
        key=lambda y: (abs(y * 12 + month - 1 - here), y * 12 + month - 1 > here),
    )
    return best, month


def weekday_near(isoweekday: int, ref: date, tense: str | None) -> date:
    """The weekday nearest ref in the tense's direction.

    tense "past": the last one on or before ref; "recent" (a bare weekday in news): the same, unless that
    is six days back, then tomorrow; "past_strict" ("الأربعاء الماضي"):
    the last one before ref; "future" ("الأربعاء المقبل", "سيزور الأربعاء"): the next one after ref;
    None: the nearest on either side within three days.
    """
    back = (ref.isoweekday() - isoweekday) % 7
    ahead = (isoweekday - ref.isoweekday()) % 7
    if tense == "past":
        return ref - timedelta(days=back)
    if tense == "recent":
        # a bare weekday six days back would be written "الماضي"; bare, it is tomorrow
        return ref - timedelta(days=back) if back < 6 else ref + timedelta(days=ahead)
    if tense == "past_strict":
        return ref - timedelta(days=back or 7)
    if tense == "future":
        return ref + timedelta(days=ahead or 7)
    return ref - timedelta(days=back) if back <= ahead else ref + timedelta(days=ahead)


def window_value(first: date, last: date) -> tuple[str, str]:
    """The value and precision of a span of days: the month holding both ends, else their year.

    Used where the text names a span, not a day ("الأسبوع الماضي" = the seven days before publication).
    """
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    return f"{first.year:04d}", "year"
