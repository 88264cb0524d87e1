"""Hijri dates to Gregorian with the `hijridate` library (Umm al-Qura calendar, AH 1343-1500 = 1924-2077)."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri

# Umm al-Qura tables cover these years; outside them there is no conversion.
FIRST_GREGORIAN_YEAR = 1925
LAST_GREGORIAN_YEAR = 2076


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """ "15 ذو القعدة 1434" -> 2013-09-21; None out of the table's range or for a day the month lacks."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) in the Hijri calendar, or None out of the table's range."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return None
    return h.year, h.month, h.day


def hijri_day_month_near(day: int, month: int, ref: date, tense: str | None) -> date | None:
    """A Hijri day and month with no year: the Hijri year that puts it nearest ref (in the tense's direction).

    "23 ذي القعدة الجاري" published 2013-09-20 -> 2013-09-29.
    """
    ref_hijri = gregorian_to_hijri(ref)
    if ref_hijri is None:
        return None
    if tense == "current":
        return hijri_to_gregorian(ref_hijri[0], month, day)
    candidates = [
        d for y in range(ref_hijri[0] - 1, ref_hijri[0] + 2) if (d := hijri_to_gregorian(y, month, day))
    ]
    if tense == "past":
        candidates = [d for d in candidates if d <= ref]
    elif tense == "future":
        candidates = [d for d in candidates if d >= ref]
    return min(candidates, key=lambda d: abs((d - ref).days)) if candidates else None


def pin_year(
    hijri_day: int, hijri_month: int, greg_day: int, greg_month: int, isoweekday: int | None = None
) -> date | None:
    """The one Gregorian day whose Hijri date, month day and weekday all agree, where the text gives no year.

    "الأحد 23 ذي القعدة الموافق 29 سبتمبر" -> 2013-09-29. A Hijri day may be off by one from Umm al-Qura
    (local moon sighting), so an exact match is preferred and a one-day miss accepted; None where no
    single day fits.
    """
    exact, near = [], []
    for year in range(FIRST_GREGORIAN_YEAR, LAST_GREGORIAN_YEAR + 1):
        try:
            day = date(year, greg_month, greg_day)
        except ValueError:
            continue
        if isoweekday is not None and day.isoweekday() != isoweekday:
            continue
        h = gregorian_to_hijri(day)
        if h is None:
            continue
        if (h[1], h[2]) == (hijri_month, hijri_day):
            exact.append(day)
        elif _off_by_one(h, hijri_month, hijri_day):
            near.append(day)
    if len(exact) == 1:
        return exact[0]
    if not exact and len(near) == 1:
        return near[0]
    return None


def _off_by_one(h: tuple[int, int, int], month: int, day: int) -> bool:
    if h[1] == month:
        return abs(h[2] - day) == 1
    # "1 رمضان" that Umm al-Qura counts as 30 شعبان, or the reverse
    return (day == 1 and h[2] >= 29 and (h[1] % 12) + 1 == month) or (
        h[2] == 1 and day >= 29 and (month % 12) + 1 == h[1]
    )
