"""Casualty counts in Arabic text: how many people an act killed and how many it injured.

    "أسفرت الغارة عن مقتل 12 شخصاً وإصابة 30 آخرين"  -> killed 12, injured 30
    "قُتل ثلاثة أطفال وامرأة"                        -> killed 4 (a list of people is summed)
    "سقط عشرات القتلى"                                -> killed at least 10 (a lower bound)
    "قتل 10 أشخاص بينهم 3 أطفال"                      -> killed 10 (a breakdown is part of the count)
    "ارتفعت حصيلة القتلى إلى 30"                       -> killed 30, a running total

A number is a count of casualties when a word of death or injury governs it (data/casualty_words.tsv):
a noun of the dead or injured right after it ("12 قتيلاً", "عشرات الجرحى"), a verb or verbal noun a
few words before it ("مقتل 12", "قتل الجيش 5 مسلحين"), a verb after the people counted ("خمسة أشخاص
لقوا حتفهم"), or the list it continues ("… وامرأة"). A number followed by a noun of something else
("12 غارة", "3 أيام") counts no people. Numbers are digits (Arabic or Hindi), number words in every
gender and case, or an order of size ("عشرات", "مئات", "آلاف"; data/casualty_numbers.tsv).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import tokenize

KILLED, INJURED = "killed", "injured"
CUE_GAP = 6  # words between a verb of killing or injury and the number it governs ("قتل الجيش الإسرائيلي 5")
PERSON_GAP = 2  # ... and a noun of one or two people with no number ("مقتل جندي", "أصيب الرئيس")
TOLL_GAP = 10  # ... and the number a running total reaches ("حصيلة ضحايا الهجوم على السوق ارتفعت إلى 40")
AFTER_GAP = 3  # words between the people counted and a verb after them ("خمسة مدنيين لقوا حتفهم")
NEGATION_GAP = 4  # words between a negation and the word of killing it negates ("لم يسفر الانفجار عن مقتل")
RANGE_WORDS = frozenset({"الي", "او", "-"})  # "5 إلى 7", "3 أو 4", "5-7"
THOUSANDS_SEPARATORS = frozenset({",", "٬", "."})  # "1,200", "1٬200", "1.200"
NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يان")  # "إسرائيلي", "إسرائيلية", "مدنيين", normalised
NOT_QUALIFIERS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"})


@dataclass(frozen=True)
class Count:
    """A number of people; `lower_bound` when the text gives only a floor ("عشرات", "أكثر من 20")."""

    value: int
    lower_bound: bool = False

    def __add__(self, other: Count) -> Count:
        return Count(self.value + other.value, self.lower_bound or other.lower_bound)


@dataclass(frozen=True)
class CasualtyMention:
    """One count of the killed or the injured in a text, with its offsets."""

    kind: str  # killed | injured
    count: Count
    start: int
    end: int
    total: bool = False  # a running toll ("ارتفعت الحصيلة إلى 30"): it replaces what was said, not adds to it
    others: bool = False  # people besides those counted before ("وأصيب 12 آخرون")


@dataclass(frozen=True)
class Casualties:
    fatalities: Count | None = None
    injured: Count | None = None


@dataclass(frozen=True)
class Sense:
    """What a word or phrase of data/casualty_words.tsv is: its kind, category and count alone."""

    kind: str
    category: str
    count: int | None


def _data_rows(path: str) -> list[list[str]]:
    text = resources.files("hadath.events").joinpath(path).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)]


@cache
def casualty_words() -> dict[tuple[str, ...], tuple[Sense, ...]]:
    """Normalised word or phrase -> its senses: ("مقتل",) -> act/killed; ("اكثر", "من") -> min."""
    senses: dict[tuple[str, ...], list[Sense]] = {}
    for word, kind, category, count in _data_rows("data/casualty_words.tsv"):
        key = tuple(normalize(part) for part in word.split())
        senses.setdefault(key, []).append(Sense(kind, category, int(count) if count else None))
    return {key: tuple(value) for key, value in senses.items()}


@cache
def number_words() -> dict[str, dict[str, int]]:
    """Normalised number word -> {kind: value}: "خمسه" -> {"unit": 5}; "الاف" -> {"thousand": 1000, "vague": 1000}."""
    numbers: dict[str, dict[str, int]] = {}
    for word, kind, value in _data_rows("data/casualty_numbers.tsv"):
        numbers.setdefault(normalize(word), {})[kind] = int(value)
    return numbers


@cache
def phrase_lengths() -> dict[str, tuple[int, ...]]:
    """First word of a phrase -> the lengths of the phrases it opens, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in casualty_words():
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}


@dataclass(frozen=True)
class _Word:
    norm: str  # normalised
    bare: str  # without a leading conjunction و/ف (the word itself when it has none)
    start: int
    end: int

    @property
    def conj(self) -> bool:
        return self.bare != self.norm

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


def _words(text: str, offset: int) -> list[_Word]:
    words = []
    for token in tokenize(text, offset):
        norm = normalize_word(token.text)
        known = (norm,) in casualty_words() or norm in number_words()  # "وفاة", "واحد" open with no "و"
        bare = norm[1:] if not known and norm[:1] in ("و", "ف") and (len(norm) > 2 or norm[1:].isdigit()) else norm
        words.append(_Word(norm, bare, token.start, token.end))
    return words


def _qualifies(word: _Word) -> bool:
    """A word that may qualify a noun before it: a definite word or a nisba adjective ("الإسرائيلي",
    "إسرائيليين"), not a particle ("على", "إلى", "الذي")."""
    norm = word.norm
    if word.conj or norm in NOT_QUALIFIERS or len(norm) < 4:
        return False
    return norm.startswith("ال") or norm.endswith(NISBA_ENDINGS)


def _forms(norm: str, bare: str, article: bool = False) -> list[tuple[str, bool]]:
    """(form, definite) readings of a word (normalised, and without its conjunction): itself, without
    the conjunction, without a preposition ب/ل ("لمقتل", "بإصابة", "للقتلى"), and, with `article`,
    without the article."""
    plain = [norm] + ([bare] if bare != norm else [])
    for form in list(plain):
        if form.startswith("لل") and len(form) > 4:
            plain.append("ال" + form[2:])
        elif form[:1] in ("ب", "ل") and len(form) > 3:
            plain.append(form[1:])
    forms = [(form, False) for form in plain]
    if article:
        forms += [(f[2:], True) for f in plain if f.startswith("ال") and len(f) > 3]
    return forms


@lru_cache(maxsize=1 << 16)
def _senses(norm: str, bare: str, article: bool) -> tuple[tuple[Sense, bool], ...]:
    """Every (sense, definite) reading of a word, in the order of its forms (memoised: the reader
    asks the same words for one kind after another)."""
    words = casualty_words()
    return tuple((sense, definite) for form, definite in _forms(norm, bare, article)
                 for sense in words.get((form,), ()))


@lru_cache(maxsize=1 << 16)
def _may_open(norm: str, bare: str) -> bool:
    """Whether anything the reader reads can start at this word: a word of the lists, a number, a
    phrase's first word, "بين"/"من" before a range (most words of a sentence are none of these)."""
    numbers = number_words()
    return bool(_senses(norm, bare, True)) or bare.isdigit() or bare in numbers or bare[2:] in numbers \
        or any(form in phrase_lengths() for form, _ in _forms(norm, bare)) or bare in ("بين", "من")


def sense_of(word: _Word, kinds: Iterable[str], article: bool = False) -> tuple[Sense, bool] | None:
    """The first sense of one of `kinds` the word has (and whether it was read with the article)."""
    return next(((sense, definite) for sense, definite in _senses(word.norm, word.bare, article)
                 if sense.kind in kinds), None)


def phrase_at(words: Sequence[_Word], i: int, kind: str) -> int:
    """The length of the longest phrase of `kind` starting at words[i] (a conjunction on its first
    word allowed), 0 when none does."""
    if i >= len(words):
        return 0
    for first, _ in _forms(words[i].norm, words[i].bare):
        for n in phrase_lengths().get(first, ()):
            key = (first, *(w.norm for w in words[i + 1 : i + n]))
            if len(key) == n and any(s.kind == kind for s in casualty_words().get(key, ())):
                return n
    return 0


def is_casualty_word(text: str) -> bool:
    """A word that tells of deaths or injuries itself ("وأصيب", "مقتل", "قتلى"), not of the act that
    caused them ("غارة", "انفجار")."""
    words = _words(text, 0)
    return len(words) == 1 and sense_of(words[0], ("act", "verb", "after", "noun"), article=True) is not None


def tells_outcome(text: str) -> bool:
    """The text tells casualties as the outcome of an act: "وأسفر الانفجار عن مقتل 5", "ما أدى إلى"."""
    return any(sense_of(word, ("outcome",)) for word in _words(text, 0))


# -- numbers --------------------------------------------------------------------------------------

# What may follow each part of a number word joined by "و": units come before tens ("خمسة وعشرون"),
# hundreds and thousands before what is smaller ("مئة وخمسون", "ألف ومئتان").
_FOLLOWS = {"unit": ("ten",), "hundred": ("unit", "ten"), "thousand": ("hundred", "unit", "ten")}


def _number_entry(word: _Word) -> dict[str, int]:
    """The senses of a number word, with a conjunction before it or none ("وعشرون", "عشرون")."""
    return number_words().get(word.bare, {})


def _term_at(words: Sequence[_Word], i: int) -> tuple[int, str, int] | None:
    """One part of a number word at words[i]: (value, kind, next index). "خمسة عشر" -> 15 (a unit);
    "ثلاث مئة" -> 300 (a hundred); "ثلاثة آلاف" -> 3000 (a thousand)."""
    entry = _number_entry(words[i])
    following = number_words().get(words[i + 1].norm, {}) if i + 1 < len(words) else {}
    if "unit" in entry:
        value, kind, end = entry["unit"], "unit", i + 1
        if value < 10 and "teen" in following:
            value, end = value + 10, i + 2
        elif following.get("hundred") == 100:
            value, kind, end = value * 100, "hundred", i + 2
    elif "ten" in entry:
        value, kind, end = entry["ten"], "ten", i + 1
    elif "hundred" in entry:
        value, kind, end = entry["hundred"], "hundred", i + 1
    elif "thousand" in entry:
        return entry["thousand"], "thousand", i + 1
    else:
        return None
    if end < len(words) and "thousand" in number_words().get(words[end].norm, {}):
        value, kind, end = value * 1000, "thousand", end + 1
    return value, kind, end


def _number_words_at(words: Sequence[_Word], i: int) -> tuple[Count, int] | None:
    """A number in words at words[i]: "خمسة وعشرون" -> 25; "ثلاثمئة وخمسة" -> 305; "عشرات الآلاف" -> at
    least 10,000; "الثلاثة" (after its noun: "الجنود الثلاثة") -> 3."""
    word = words[i]
    vague = _number_entry(word).get("vague")
    if vague is not None:
        end = i + 1
        if end < len(words) and "thousand" in number_words().get(words[end].norm.removeprefix("ال"), {}):
            vague, end = vague * 1000, end + 1
        return Count(vague, lower_bound=True), end
    term = _term_at(words, i)
    if term is None:
        # "الجنود الثلاثة"; not "الاثنين" (Monday) or "الأحد" (Sunday)
        unit = number_words().get(word.bare[2:], {}).get("unit") if word.bare.startswith("ال") else None
        return (Count(unit), i + 1) if unit is not None and unit >= 3 else None
    value, kind, end = term
    while end < len(words) and words[end].conj:
        nxt = _term_at(words, end)
        if nxt is None or nxt[1] not in _FOLLOWS.get(kind, ()):
            break
        value, kind, end = value + nxt[0], nxt[1], nxt[2]
    return Count(value), end


def _digits_at(words: Sequence[_Word], i: int) -> tuple[Count, int] | None:
    """Digits at words[i] (Hindi digits are normalised): "12", "و7", "1,200"; "12 ألف" -> 12,000."""
    if not (words[i].bare.isascii() and words[i].bare.isdigit()):  # normalised: Hindi digits are ASCII here
        return None
    text, end = words[i].bare, i + 1
    while (end + 1 < len(words) and words[end].norm in THOUSANDS_SEPARATORS and len(words[end + 1].norm) == 3
           and words[end + 1].norm.isdigit() and words[end - 1].end == words[end].start == words[end + 1].start - 1):
        text, end = text + words[end + 1].norm, end + 2
    value = int(text)
    if end < len(words) and "thousand" in number_words().get(words[end].norm, {}):
        value, end = value * 1000, end + 1
    return Count(value), end


def number_at(words: Sequence[_Word], i: int) -> tuple[Count, int] | None:
    """The number starting at words[i] and the index after it, or None."""
    if i >= len(words):
        return None
    return _digits_at(words, i) or _number_words_at(words, i)


# -- reading --------------------------------------------------------------------------------------


@dataclass
class _Cue:
    """A word of killing or injury whose count is still to come."""

    category: str  # killed | injured | "" for a negated or a combined cue (its count is not read)
    kind: str  # act | verb | toll | none
    end: int  # index after it
    used: bool = False


@dataclass
class _Item:
    """The last count read, which a list joined by "و" continues ("ثلاثة أطفال وامرأة"); its category
    is None while a verb after the list may still give it ("11 مدنياً وأربعة شرطيين قتلوا")."""

    category: str | None
    end: int
    total: bool = False


@dataclass
class _Reader:
    words: Sequence[_Word]
    skip: Sequence[tuple[int, int]]
    mentions: list[CasualtyMention] = field(default_factory=list)
    cue: _Cue | None = None
    last: _Item | None = None
    pending: list[tuple[Count, int, int]] = field(default_factory=list)  # a list still without a category
    breakdown: str | None = None  # the category a breakdown ("بينهم …") belongs to, while it lasts
    toll_at: int = -100  # index of the last running total, for "ارتفع عدد القتلى إلى 12 والجرحى إلى 30"

    def read(self) -> list[CasualtyMention]:
        i = 0
        while i < len(self.words):
            i = self.step(i)
        return self.mentions

    def step(self, i: int) -> int:
        """Read what starts at words[i]; the index of what comes next."""
        word = self.words[i]
        if not _may_open(word.norm, word.bare) or any(start <= word.start < end for start, end in self.skip):
            return i + 1
        for reader in (self.read_breakdown, self.read_toll, self.read_cue, self.read_quantity, self.read_person,
                       self.read_noun_alone):
            end = reader(i)
            if end is not None:
                return end
        return i + 1

    def add(self, category: str, count: Count, start: int, end: int, total: bool = False,
            others: bool = False) -> None:
        """Record the count of words[start:end] and make it the item a list continues."""
        words = self.words
        self.mentions.append(CasualtyMention(category, count, words[start].start, words[end - 1].end, total, others))
        self.last, self.breakdown = _Item(category, end, total), None

    # -- what governs a count

    def read_breakdown(self, i: int) -> int | None:
        """"بينهم 3 أطفال", "بين القتلى 3 جنود": counts that are part of the one just read ("بينهم" only
        after a count: "وقتلوا منهم 5" counts)."""
        word = self.words[i]
        end = None
        if self.last is not None and sense_of(word, ("breakdown",)) is not None:
            end = i + 1
        elif word.bare == "بين" and i + 1 < len(self.words):
            noun = sense_of(self.words[i + 1], ("noun",), article=True)
            if noun is not None and noun[1]:
                end = i + 2
        if end is None:
            return None
        owner = self.last.category if self.last else None
        self.breakdown = owner or (self.cue.category if self.cue and self.cue.category else KILLED)
        self.last = None
        return end

    def read_toll(self, i: int) -> int | None:
        """"حصيلة القتلى", "عدد الجرحى", and after them "والجرحى": a running total follows."""
        word = self.words[i]
        toll = sense_of(word, ("toll",), article=True)
        if toll is None:
            noun = sense_of(word, ("noun",), article=True)
            if noun is None or not noun[1] or noun[0].count is not None or i - self.toll_at > TOLL_GAP:
                return None  # a definite plural noun of the dead right after a running total is another total
            self.start_cue(_Cue(noun[0].category, "toll", i + 1))
            self.toll_at = i
            return i + 1
        for j in range(i + 1, min(i + 3, len(self.words))):
            if self.words[j].bare == "من":
                break  # "عدد من القتلى": some dead, no toll
            noun = sense_of(self.words[j], ("noun",), article=True)
            if noun is not None:
                self.start_cue(_Cue(noun[0].category, "toll", j + 1))
                self.toll_at = i
                return j + 1
        if not toll[0].category:
            return None  # "عدد" is a toll only before a noun of the dead or injured ("عدد من الجنود" is not)
        self.start_cue(_Cue(toll[0].category, "toll", i + 1))
        self.toll_at = i
        return i + 1

    def read_cue(self, i: int) -> int | None:
        """A verb or verbal noun of killing or injury ("مقتل", "أصيب", "قتل"), negated or joined to one of
        the other kind ("مقتل وإصابة 20": killed and injured together, not told apart)."""
        found = sense_of(self.words[i], ("act", "verb"))
        if found is None:
            return None
        sense = found[0]
        if any(sense_of(w, ("negation",)) for w in self.words[max(0, i - NEGATION_GAP) : i]):
            self.start_cue(_Cue("", "none", i + 1))
            return i + 1
        other = self.words[i + 1] if i + 1 < len(self.words) else None
        if other is not None and other.conj:
            joined = sense_of(other, ("act", "verb"))
            if joined is not None and joined[0].category != sense.category:
                self.start_cue(_Cue("", "none", i + 2))
                return i + 2
        self.start_cue(_Cue(sense.category, sense.kind, i + 1))
        return i + 1

    def start_cue(self, cue: _Cue) -> None:
        self.cue, self.breakdown, self.last, self.pending = cue, None, None, []

    # -- what is counted

    def read_quantity(self, i: int) -> int | None:
        """A number, with what qualifies it, and the noun after it."""
        if i > 0 and sense_of(self.words[i - 1], ("not_count",)):
            return None
        start, lower_bound = i, False
        if n := phrase_at(self.words, i, "min"):
            i, lower_bound = i + n, True
        found = self.range_at(i)
        if found is None:
            return None
        count, end = found
        if n := phrase_at(self.words, end, "min_after"):
            end, lower_bound = end + n, True
        if lower_bound:
            count = Count(count.value, True)
        return self.count_people(start, end, count)

    def range_at(self, i: int) -> tuple[Count, int] | None:
        """"بين 5 و7", "من 5 إلى 7", "5 إلى 7", "3 أو 4": the lower figure, a lower bound; after a running
        total ("ارتفعت الحصيلة من 5 إلى 8") the figure reached. A number alone is itself."""
        words = self.words
        opener = words[i].bare if i < len(words) and words[i].bare in ("بين", "من") else None
        first = number_at(words, i + 1 if opener else i)
        if first is None:
            return None
        low, end = first
        second = None
        if end < len(words) and opener == "بين":
            second = number_at(words, end + 1) if words[end].norm == "و" else number_at(words, end) \
                if words[end].conj else None
        elif end < len(words) and words[end].norm in RANGE_WORDS and (opener is None or words[end].norm == "الي"):
            second = number_at(words, end + 1)
        if second is None:
            return None if opener else first
        high, after = second
        if opener == "من" and self.cue is not None and self.cue.kind == "toll":
            return high, after
        return Count(low.value, True), after

    def count_people(self, start: int, end: int, count: Count) -> int:
        """The number words[start:end] read as `count`: whom it counts depends on the words after it."""
        words, k = self.words, end
        if k < len(words) and words[k].bare == "من" and k + 1 < len(words):
            k += 1  # "عشرات من القتلى", "3 من الجنود"
        if phrase_at(words, k, "thing"):
            return end  # "12 غارة", "3 أيام": not people
        categories: list[str] = []
        others = False
        # a noun with "و" opens the next item: "ارتفع عدد القتلى إلى 12 والجرحى إلى 30"
        noun = sense_of(words[k], ("noun",), article=True) if k < len(words) and not words[k].conj else None
        person = sense_of(words[k], ("person",), article=True) if k < len(words) and not words[k].conj else None
        if noun is not None:
            categories, k = [noun[0].category], k + 1
            other = self.other_category_after(k, noun[0].category)
            if other is not None:
                if not count.lower_bound:
                    return other[1]  # "20 قتيلاً وجريحاً": the two not told apart
                categories, k = categories + [other[0]], other[1]  # "عشرات القتلى والجرحى": both
        elif person is not None:
            others, k = person[0].category == "others", self.modifiers_end(k + 1)  # "3 جنود إسرائيليين"
        elif k > end:
            k = self.partitive_end(k)  # "3 من قوات الأمن"
        else:
            k = self.modifiers_end(end)  # "عشرات العراقيين"
        if n := phrase_at(words, k, "min_after"):  # "مئة شخص على الأقل"
            k, count = k + n, Count(count.value, True)
        if split := self.split_after(k):
            return split  # "سقط 20 شخصاً بين قتيل وجريح": the two not told apart
        if self.breakdown is not None and (not categories or categories[0] == self.breakdown):
            return k  # part of the count before: "بينهم 3 أطفال"
        total = False
        if categories:
            cue = self.cue
            total = cue is not None and cue.kind == "toll" and not cue.used and self.usable(start, TOLL_GAP) \
                or self.continues(start) and self.last is not None and self.last.total
            if cue is not None and self.usable(start, TOLL_GAP):
                cue.used = True
        else:
            category, total = self.governing(start, k)
            if category is None:
                self.wait_for_verb(start, k, count)
                return k
            categories = [category]
        for category in categories:
            self.add(category, count, start, k, total, others)
        return k

    def wait_for_verb(self, start: int, end: int, count: Count) -> None:
        """A count with nothing yet to say whom it counts: a verb after the list it opens may tell."""
        if not (self.continues(start) and self.last is not None and self.last.category is None):
            self.pending = []
        self.pending.append((count, start, end))
        self.last = _Item(None, end)

    def partitive_end(self, k: int) -> int:
        """The end of the people a "من" before words[k] names: "3 من قوات الأمن العراقية" (a noun and the
        definite words of its construct, three at most)."""
        words, end = self.words, k + 1
        while end < min(k + 3, len(words)) and words[end].norm.startswith("ال"):
            end += 1
        return end

    def modifiers_end(self, k: int) -> int:
        """The end of the words that qualify a noun of people ending before words[k]: nisba adjectives
        and a definite genitive, two at most ("جندي إسرائيلي", "زعيم التنظيم")."""
        words, end = self.words, k
        while end < min(k + 2, len(words)) and _qualifies(words[end]):
            end += 1
        return end

    def split_after(self, k: int) -> int | None:
        """The index after "بين قتيل وجريح" at words[k], else None."""
        words = self.words
        if k + 2 < len(words) and words[k].bare == "بين":
            first = sense_of(words[k + 1], ("noun",))
            if first is not None and self.other_category_after(k + 2, first[0].category) is not None:
                return k + 3
        return None

    def other_category_after(self, k: int, category: str) -> tuple[str, int] | None:
        """A noun of the other category joined to the one just read: "قتيلاً وجريحاً", "بين قتيل وجريح"."""
        words = self.words
        if k < len(words) and words[k].conj:
            other = sense_of(words[k], ("noun",), article=True)
            if other is not None and other[0].category != category:
                return other[0].category, k + 1
        return None

    def governing(self, start: int, after: int) -> tuple[str | None, bool]:
        """The category of a count with no noun of the dead or injured after it, and whether it is a
        running total: the word of killing before it, the verb after the people it counts (which also
        tells the list before it: "11 مدنياً وأربعة شرطيين قتلوا"), or the list it continues."""
        cue = self.cue
        if cue is not None and not cue.used and self.usable(start, TOLL_GAP if cue.kind == "toll" else CUE_GAP):
            cue.used = True
            return cue.category or None, cue.kind == "toll"  # no category: negated, or killed and injured together
        late = self.after_verb(after)
        if late is not None:
            if self.continues(start) and self.last is not None and self.last.category is None:
                for count, first, end in self.pending:
                    self.add(late, count, first, end)
            self.pending = []
            return late, False
        if self.continues(start) and self.last is not None:
            return self.last.category, self.last.total
        return None, False

    def after_verb(self, k: int) -> str | None:
        """A verb after the people counted: "خمسة أشخاص لقوا حتفهم", "12 شخصاً أصيبوا", "3 بجروح"; not one
        with an object of its own ("شرطيين قتلوا 13 متظاهراً": the police are the killers)."""
        words = self.words
        for j in range(k, min(k + AFTER_GAP, len(words))):
            if not words[j].is_word:
                return None
            found = sense_of(words[j], ("after",))
            if found is not None:
                return None if number_at(words, j + 1) is not None else found[0].category
        return None

    def usable(self, start: int, gap: int) -> bool:
        return self.cue is not None and start - self.cue.end <= gap

    def continues(self, i: int) -> bool:
        """words[i] continues the list of the last count: "و" joins them, a comma at most between."""
        if self.last is None:
            return False
        between = self.words[self.last.end : i]
        if any(w.is_word and w.norm != "و" for w in between) or len(between) > 2:
            return False
        return self.words[i].conj or any(w.norm == "و" for w in between)

    def read_person(self, i: int) -> int | None:
        """A noun of one or two people with no number: "مقتل جندي", "أصيب الرئيس", "وامرأة", "جنديان قتلا"."""
        found = sense_of(self.words[i], ("person",), article=True)
        if found is None or found[0].count is None:
            return None
        sense, definite = found
        if self.breakdown is not None:
            return i + 1
        cue, total = self.cue, False
        category: str | None = None
        if self.continues(i) and self.last is not None:
            category, total = self.last.category, self.last.total
        elif cue is not None and not cue.used and self.usable(i, PERSON_GAP) and (cue.kind == "act" or not definite):
            cue.used = True
            category = cue.category or None
        else:
            category = self.after_verb(i + 1)
        if category is None:
            return i + 1
        end = self.modifiers_end(i + 1)
        same = number_at(self.words, end) if end < len(self.words) and not self.words[end].conj else None
        if same is not None and same[0].value == sense.count:
            end = same[1]  # "جندي واحد", "طفلين اثنين": the number says the noun's count again
        self.add(category, Count(sense.count or 0), i, end, total, sense.category == "others")
        return end

    def read_noun_alone(self, i: int) -> int | None:
        """A noun of one or two dead or injured with no number: "سقوط قتيل", "قتيلان", "وجريح"."""
        found = sense_of(self.words[i], ("noun",), article=True)
        if found is None or found[1] or found[0].count is None or self.breakdown is not None:
            return None
        sense = found[0]
        if i > 0 and (split := self.split_after(i - 1)):
            return split  # "عشرات العراقيين بين قتيل وجريح"
        if self.cue is not None and not self.cue.category and not self.cue.used and self.usable(i, PERSON_GAP):
            return i + 1  # "لم يسقط قتيل"
        self.add(sense.category, Count(sense.count or 0), i, i + 1)
        return i + 1


def read_casualties(text: str, offset: int = 0, skip: Sequence[tuple[int, int]] = ()) -> list[CasualtyMention]:
    """Every count of the killed and injured in `text` (offsets plus `offset`); numbers starting inside a
    `skip` span (date expressions) are not read."""
    return _Reader(_words(text, offset), skip).read()


def larger(a: Count | None, b: Count | None) -> Count | None:
    """The larger count; of two equal ones, the exact one."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda c: (c.value, not c.lower_bound))


def tally(mentions: Iterable[CasualtyMention]) -> Casualties:
    """The counts of one act: the counts it gives added up ("مقتل 3 في دوما و4 في حرستا" = 7), or the
    largest running total where that is more ("قتل 5 … ثم ارتفعت الحصيلة إلى 8" = 8)."""
    out: dict[str, Count | None] = {KILLED: None, INJURED: None}
    totals: dict[str, Count | None] = {KILLED: None, INJURED: None}
    for mention in mentions:
        if mention.total:
            totals[mention.kind] = larger(totals[mention.kind], mention.count)
        else:
            summed = out[mention.kind]
            out[mention.kind] = mention.count if summed is None else summed + mention.count
    return Casualties(larger(out[KILLED], totals[KILLED]), larger(out[INJURED], totals[INJURED]))


def casualties(text: str) -> Casualties:
    """The killed and injured `text` tells of: "مقتل 12 شخصاً وإصابة 30" -> 12 and 30."""
    return tally(read_casualties(text))
