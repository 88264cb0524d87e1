"""The regular expressions of date expressions, built once from the vocabulary in data/.

They run over the matching form of the text (see `resolve.matching_form`): normalised, diacritics removed,
Eastern digits made Western, ASCII lower-cased. Each pattern's groups are read by `resolve`.
"""

from __future__ import annotations

import re
from functools import cache

from hadath.dates import lexicon

START = r"(?<!\w)"
# an expression ends before a word character, or right after a closing bracket ("(تموز)الماضي")
END = r"(?:(?<=\))|(?!\w))"
TENSE_GAP = r"(?:\s+|(?<=\)))"
# an optional conjunction and preposition glued to the first word: "وفي 2012", "لعام 2020"
CLITIC = r"(?:[وف])?(?:[بل]|لل)?"


def alternation(phrases: object) -> str:
    """A regex alternative of phrases, longest first, spaces matching any run of spaces."""
    items = sorted({str(p) for p in phrases if p}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items) + ")"


def _months(hijri: bool) -> str:
    return alternation(name for name, m in lexicon.month_names().items() if m.hijri == hijri)


def _ordinal_day(prefix: str) -> str:
    """ "الثالث والعشرين", "للتاسع والعشرين", "الحادي عشر", "العشرين": groups {prefix}ord, {prefix}tens."""
    units = alternation(lexicon.number_words("ordinal"))
    tens = alternation(lexicon.number_words("tens"))
    article = r"(?:ال|لل|بال|وال)"
    return (
        rf"(?:{article}(?P<{prefix}ord>{units})(?:\s+(?:و\s*ال|و|ال)?(?P<{prefix}tens>{tens}))?"
        rf"|{article}(?P<{prefix}tensonly>{tens}))"
    )


def _day(prefix: str) -> str:
    """A day of the month in digits, a range of two, or an ordinal word."""
    return (
        rf"(?:(?:من|بين|يومي)\s*)?(?:ال)?(?P<{prefix}d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:\s*(?:الي|حتي|-|–|و)\s*(?:ال)?(?P<{prefix}d2>\d{{1,2}}))?"
        rf"|{_ordinal_day(prefix)}"
    )


def _lead(prefix: str) -> str:
    """What may stand before a day: "أمس السبت", "اليوم، الأحد", "الأربعاء المقبل", "يوم الأحد"."""
    rel = alternation(lexicon.words("relative_day"))
    lead = alternation(lexicon.words("day_lead"))
    weekday = alternation(lexicon.weekday_names())
    tense = alternation(lexicon.words("tense"))
    return (
        rf"(?:(?:{lead}\s+)?(?P<{prefix}rel>{rel})\s*[,،]?\s*)?(?:{lead}\s+)?"
        rf"(?P<{prefix}wd>{weekday})(?:\s+(?P<{prefix}wt>{tense}))?\s*[,،\-–]?\s*"
    )


def _compile(source: str) -> re.Pattern[str]:
    # spaces inside an expression never cross a line break: a weekday ending a headline is not the
    # start of the dateline below it
    return re.compile(source.replace(r"\s", r"[^\S\n]"))


YEAR = r"(?P<y>\d{4})(?:\s*م(?!\w))?"
# a year after a month, maybe in brackets: "يونيو 2023", "حزيران (1984)", "January, 2022"
MONTH_YEAR = rf"\s*[,،/\-–]?\s*(?P<yparen>\(\s*)?{YEAR}(?(yparen)\s*\))"


@cache
def gregorian_day() -> re.Pattern[str]:
    """ "الأربعاء المقبل 24 يناير", "18/نوفمبر/2023", "من 17 إلى 19 أبريل/ نيسان", "يومي 23 و24 من الشهر الحالي"."""
    month = _months(False)
    tense = alternation(lexicon.words("tense"))
    month_part = (
        rf"(?:(?P<m>{month})(?:(?:\s*[/(\-]\s*|\s+)(?P<m2>{month})\s*\)?)?"
        rf"|(?:هذا\s+)?الشهر(?:\s+(?P<mt>{tense}))?)"
    )
    after = (
        rf"(?:{MONTH_YEAR}"
        rf"|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<yt>{tense})"
        rf"|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+{YEAR.replace('<y>', '<y3>')}"
        rf"|{TENSE_GAP}(?P<t>{tense}))?"
    )
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?:{_lead('')})?(?:{_day('')})\s*(?:[/\-.]\s*)?(?:من\s+)?(?:شهر\s+)?{month_part}{after}){END}"
    )


@cache
def gregorian_month() -> re.Pattern[str]:
    """A month with no day: "يونيو 2023", "ديسمبر/كانون الأول الماضي", "شهر مارس", "جانفي"."""
    month = _months(False)
    tense = alternation(lexicon.words("tense"))
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?P<shahr>شهر\s+)?(?P<m>{month})(?:(?:\s*[/(\-]\s*|\s+)(?P<m2>{month})\s*\)?)?"
        rf"(?:{MONTH_YEAR}"
        rf"|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<yt>{tense})"
        rf"|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+{YEAR.replace('<y>', '<y3>')}"
        rf"|{TENSE_GAP}(?P<t>{tense}))?){END}"
    )


@cache
def numeric() -> re.Pattern[str]:
    """ "18/11/2023", "16 /11م2011م", "السبت 18-11-2023", "2023-11-18", "2023/11/18"."""
    return _compile(
        rf"(?<![\w/.\-])(?P<x>(?:{_lead('')})?"
        r"(?:(?P<d>\d{1,2})\s*[/\-.]\s*(?P<mo>\d{1,2})(?:\s*م\s*[/\-.]?|\s*[/\-.])\s*(?P<y>\d{4})(?:\s*م(?!\w))?"
        r"|(?P<y_>\d{4})(?P<sep>[/\-.])(?P<mo_>\d{1,2})(?P=sep)(?P<d_>\d{1,2})))(?![\w/.\-]*\d)"
    )


@cache
def dateline_with_time() -> re.Pattern[str]:
    """Some Maghreb sites print day, time, year, month: "01 10:50 2020 أوت"."""
    return _compile(
        rf"{START}(?P<x>(?P<d>\d{{1,2}})\s+\d{{1,2}}:\d{{2}}\s+(?P<y>\d{{4}})\s+(?P<m>{_months(False)})){END}"
    )


@cache
def hijri() -> re.Pattern[str]:
    """ "15 ذي القعدة 1434هـ", "الأحد 15 ذو القعدة 1434هـ الموافق 22 سبتمبر 2013",
    "يوم الأحد الثالث والعشرين من شهر ذي القعدة الجاري، الموافق للتاسع والعشرين من شهر سبتمبر"."""
    tense = alternation(lexicon.words("tense"))
    equivalence = alternation(lexicon.words("equivalence"))
    return _compile(
        rf"{START}(?P<x>(?:{_lead('')})?(?:{_day('h')})\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{_months(True)})"
        rf"(?:\s*(?P<hy>\d{{4}})\s*(?:ه(?!\w))?|\s+(?P<ht>{tense}))?"
        rf"(?:\s*[,،(\-–]?\s*{equivalence}\s*(?:ل(?=\s|\d))?\s*(?:{_day('g')})\s*(?:من\s+)?(?:شهر\s+)?"
        rf"(?P<gm>{_months(False)})(?:\s*[/(\-]\s*{_months(False)}\s*\)?)?(?:\s*[,،]?\s*(?P<gy>\d{{4}})(?:\s*م(?!\w))?)?\s*\)?)?)"
        rf"{END}"
    )


@cache
def relative_day() -> re.Pattern[str]:
    """ "أمس", "أمس الأول", "يوم غد", "أمس السبت", "اليوم، الثلاثاء", "غدا الأحد"."""
    rel = alternation(lexicon.words("relative_day"))
    lead = alternation(lexicon.words("day_lead"))
    weekday = alternation(lexicon.weekday_names())
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?:{lead}\s+)?(?P<rel>{rel})(?:\s*[,،(]?\s*(?:{lead}\s+)?(?P<wd>{weekday})\)?)?){END}"
    )


@cache
def weekday() -> re.Pattern[str]:
    """ "السبت", "يوم الأربعاء", "الأربعاء الماضي", "الثلاثاء الفائت", "مساء الأحد"."""
    lead = alternation(lexicon.words("day_lead"))
    weekdays = alternation(lexicon.weekday_names())
    tense = alternation(lexicon.words("tense"))
    # "الاثنين والثلاثاء الماضيين": the tense after the second weekday is the first one's too
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?:{lead}\s+)?(?P<wd>{weekdays})"
        rf"(?:\s+(?P<wt>{tense})|(?=\s+و\s*{weekdays}\s+(?P<wt2>{tense})))?){END}"
    )


@cache
def relative_unit() -> re.Pattern[str]:
    """ "الأسبوع الماضي", "الشهر الجاري", "العام المقبل", "السنة الماضية", "هذا الشهر"."""
    tense = alternation(lexicon.words("tense"))
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<t>{tense})"
        rf"|(?:هذا|هذه)\s+(?P<thisunit>الاسبوع|الشهر|العام|السنه)){END}"
    )


@cache
def recent_days() -> re.Pattern[str]:
    """ "خلال الأيام القليلة الماضية" -> the month of publication."""
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?:(?:خلال|في)\s+)?(?P<recent>{alternation(lexicon.words('recent_days'))})){END}"
    )


@cache
def ago() -> re.Pattern[str]:
    """ "منذ ثلاثة أيام", "قبل شهر", "قبل يومين", "منذ أيام" (but not "قبل يومين من الانتخابات")."""
    ago_words = alternation(lexicon.words("ago"))
    cardinal = alternation(lexicon.number_words("cardinal"))
    units = alternation(lexicon.words("unit"))
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?P<ago>{ago_words})\s+(?:(?P<n>\d{{1,3}}|{cardinal})\s+)?(?P<u>{units})){END}"
        r"(?!\s+من(?!\w))(?!\s*\d)"
    )


@cache
def year() -> re.Pattern[str]:
    """A year after a cue: "عام 2001", "في 2012", "مطلع عام 2017", "لسنتي 2026-2027"."""
    cue = alternation(lexicon.words("year_cue"))
    return _compile(
        rf"{START}{CLITIC}(?P<x>(?P<cue>{cue})\s*(?:(?P<cue2>عام|العام|سنه|السنه|عامي|سنتي)\s+)?(?P<paren>\(\s*)?(?P<y>\d{{4}})"
        r"(?:\s*(?P<join>-|–|/|و|الي|حتي)\s*(?P<y2>\d{4}))?(?(paren)\s*\)))"
        r"(?!\w|\s*ه(?!\w)|\s*هجري|[/.\-:]\d)"
        # "قبل 2000 عام": a count of years, not a year
        rf"(?!\s+{alternation(lexicon.words('unit'))}(?!\w))"
    )


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) in order of preference where two match the same span."""
    return [
        ("hijri", hijri()),
        ("gregorian_day", gregorian_day()),
        ("numeric", numeric()),
        ("dateline_with_time", dateline_with_time()),
        ("gregorian_month", gregorian_month()),
        ("relative_day", relative_day()),
        ("weekday", weekday()),
        ("relative_unit", relative_unit()),
        ("recent_days", recent_days()),
        ("ago", ago()),
        ("year", year()),
    ]
