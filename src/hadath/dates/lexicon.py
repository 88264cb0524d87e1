"""The date vocabulary, read once from the TSV files in data/ (month, weekday, number and relative words).

Every key is in the form `hadath.text.normalize.normalize` gives (alef, ya, teh marbuta, hamza seats and
digits folded; diacritics gone), lower-cased for the English names, so the matcher compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from hadath.text.normalize import normalize


@dataclass(frozen=True)
class MonthName:
    calendar: str  # gregorian | levantine | maghreb | english | hijri
    month: int
    ambiguous: bool  # also an ordinary word: a date only with a day, a year or a tense word beside it

    @property
    def hijri(self) -> bool:
        return self.calendar == "hijri"


def fold(phrase: str) -> str:
    """The matching form of a data entry: normalised, lower-cased, one space between words."""
    return " ".join(normalize(phrase).lower().split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("hadath.dates").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@cache
def month_names() -> dict[str, MonthName]:
    """ "ذي القعده" -> MonthName("hijri", 11, False); "اب" -> MonthName("levantine", 8, True)."""
    names = {}
    for row in _rows("months.tsv"):
        ambiguous = len(row) > 3 and row[3].strip() == "1"
        names[fold(row[0])] = MonthName(row[1], int(row[2]), ambiguous)
    return names


@cache
def weekday_names() -> dict[str, int]:
    """ "الاربعاء" -> 3 (ISO weekday, Monday 1)."""
    return {fold(row[0]): int(row[1]) for row in _rows("weekdays.tsv")}


@cache
def number_words(kind: str) -> dict[str, int]:
    """kind "cardinal" ("ثلاثه" -> 3), "ordinal" ("ثالث" -> 3) or "tens" ("عشرين" -> 20)."""
    return {fold(row[0]): int(row[2]) for row in _rows("numbers.tsv") if row[1] == kind}


@cache
def words(kind: str) -> dict[str, str]:
    """The phrases of one kind in words.tsv with their value ("" where the kind has none)."""
    return {
        fold(row[0]): (row[2].strip() if len(row) > 2 else "") for row in _rows("words.tsv") if row[1] == kind
    }
