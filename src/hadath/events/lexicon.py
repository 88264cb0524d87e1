"""The trigger lexicon (data/lexicon/*.tsv, one file per CAMEO root) and the matcher that finds triggers among tokens.

Entries are written once in their base form, one file per CAMEO root (data/lexicon/, format in its
README); `hadath.events.morphology.generate` derives the inflections news uses ("زار/يزور" -> زارت،
زاروا، زرنا، تزور، يزورون؛ "زيارة" -> زيارات، زيارتين، زيارته). Matching strips the
clitics و ف ب ل ك ال and, on verbs, the future prefix سـ (which the status stage reads as planned).
"""

from __future__ import annotations

import itertools
import os
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from hadath.derived_cache import cached
from hadath.events.cameo import load_cameo
from hadath.events.morphology import generate, noun_forms, number_forms, possessive_suffix
from hadath.text.normalize import normalize, normalize_word, strip_diacritics
from hadath.text.tokens import Token, clitic_readings
from hadath.text.wordlists import read_words

KINDS = ("past", "present", "noun", "passive", "word", "verbform", "phrase")
VERB_KINDS = ("past", "present", "passive", "participle", "verbform")
PRESENT_PREFIXES = ("ي", "ت", "ن")  # the future سـ goes before these; first person "سأ" is rare


@dataclass(frozen=True)
class TriggerEntry:
    form: str  # as written in the lexicon
    tokens: tuple[str, ...]  # normalised, one per word
    cameo: str
    kind: str
    target_preps: tuple[str, ...]  # "-" = a direct object
    note: str
    head: str = "word"  # the kind of the first word: a phrase opening on a verb is read as one
    later: tuple[frozenset[str], ...] = ()  # a phrase's later words: the forms each may take (empty: a gap)

    @property
    def is_verb(self) -> bool:
        """Read with a verb's parties: a verb or a participle (a phrase keeps a noun's, see `opens_on_verb`)."""
        return self.kind in VERB_KINDS

    @property
    def opens_on_verb(self) -> bool:
        """A phrase whose first word is a verb or a participle ("شن/يشن * غارات")."""
        return self.head in VERB_KINDS


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    first: int  # index of the first token in the sentence's token list
    last: int  # index of the last token (inclusive)
    start: int  # character offsets in the article text
    end: int
    future: bool  # the verb carried the future prefix سـ
    prefix: str  # the clitics stripped from the first word


def opening_within(triggers: list[TriggerMatch], lo: int, hi: int) -> list[TriggerMatch]:
    """The triggers whose first token is lo..hi. `triggers` in text order, as `TriggerLexicon.match`
    finds them: found by bisection, not by a scan of a sentence's thousands of triggers for each."""
    return triggers[bisect_left(triggers, lo, key=_first_token) : bisect_right(triggers, hi, key=_first_token)]


def ending_within(triggers: list[TriggerMatch], lo: int, hi: int) -> list[TriggerMatch]:
    """The triggers whose last token is lo..hi; `triggers` in text order (no two of them overlap, so
    their last tokens are in order too)."""
    return triggers[bisect_left(triggers, lo, key=_last_token) : bisect_right(triggers, hi, key=_last_token)]


def possessive_pronoun(trigger: TriggerMatch, tokens: list[Token]) -> str | None:
    """The possessive pronoun on a one-word verbal-noun trigger: "هجومها" -> "ها"; None otherwise."""
    entry = trigger.entry
    if entry.is_verb or entry.kind != "noun" or len(entry.tokens) != 1:
        return None
    word = normalize_word(tokens[trigger.first].text)[len(normalize(trigger.prefix)):]
    return possessive_suffix(word, entry.tokens[0])


def _first_token(trigger: TriggerMatch) -> int:
    return trigger.first


def _last_token(trigger: TriggerMatch) -> int:
    return trigger.last


@dataclass
class TriggerLexicon:
    single: dict[str, list[TriggerEntry]]
    phrases: dict[str, list[TriggerEntry]]  # keyed on the first word
    blocked: frozenset[str] = frozenset()  # whole words that only look like triggers (not_triggers.tsv)
    # word as written -> what it may open (`_openings`), worked out once per word
    _openings_of: dict[str, tuple[bool, tuple[Opening, ...]]] = field(default_factory=dict, init=False, repr=False,
                                                                       compare=False)
    # the phrases opening on a word -> their index (the forms of one verb open the same phrases)
    _indexes: dict[tuple[TriggerEntry, ...], PhraseIndex] = field(default_factory=dict, init=False, repr=False,
                                                                   compare=False)

    def match(self, tokens: list[Token], joined: frozenset[int] = frozenset()) -> list[TriggerMatch]:
        """Longest match at each token, left to right, without overlaps. A phrase coded "-" in the
        lexicon ("طائرة مسيرة", a drone) is matched so that its words trigger nothing. `joined`: the
        tokens that continue a name or a date begun before them; a gap counts a name or a date as one
        word ("تفقد الرئيس المصري عبد الفتاح السيسي، أمس السبت، وحدات")."""
        found: list[TriggerMatch] = []
        i = 0
        while i < len(tokens):
            best = self._match_at(tokens, i, joined)
            if best is None:
                i += 1
                continue
            best = self._refined(tokens, best, joined)
            if best.entry.cameo != "-":
                found.append(best)
            i = best.last + 1
        return found

    def _refined(self, tokens: list[Token], match: TriggerMatch, joined: frozenset[int] = frozenset()) -> TriggerMatch:
        """A gapped phrase whose last word opens a more specific phrase of the same root takes its
        code: "فتحت النيابة … تحقيقا قضائيا" is the judicial inquiry (091), not any inquiry (090)."""
        if "*" not in match.entry.tokens:
            return match
        for _, stem, _ in _readings(tokens[match.last].text):
            for entry in self.phrases.get(stem, ()):
                end = _phrase_end(tokens, match.last, entry, joined)
                if end is not None and end > match.last and entry.cameo[:2] == match.entry.cameo[:2] \
                        and entry.cameo != match.entry.cameo:
                    return replace(match, entry=replace(match.entry, cameo=entry.cameo), last=end,
                                   end=tokens[end].end)
        return match

    def _openings(self, word: str) -> tuple[bool, tuple[Opening, ...]]:
        """Whether the word is blocked alone, and its readings (prefix, stem, future) that open a
        phrase or a single-word entry, each with those entries, in the order of `_readings`."""
        found = self._openings_of.get(word)
        if found is None:
            if len(self._openings_of) >= MAX_OPENINGS_KEPT:
                self._openings_of.clear()  # a bound on memory over a long run; most words open nothing
            openings = tuple((prefix, stem, future, self._index(self.phrases.get(stem, ())), self.single.get(stem, ()))
                             for prefix, stem, future in _readings(word)
                             if stem in self.phrases or stem in self.single)
            found = self._openings_of[word] = (normalize_word(word) in self.blocked, openings)
        return found

    def _index(self, phrases: list[TriggerEntry]) -> PhraseIndex:
        """The index of the phrases opening on a word, made once for each set of phrases."""
        key = tuple(phrases)
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = PhraseIndex.of(key)
        return index

    def _match_at(self, tokens: list[Token], i: int, joined: frozenset[int] = frozenset()) -> TriggerMatch | None:
        # a word blocked alone ("وقعت": occurred or signed) may still open a phrase ("وقعت * اتفاقية")
        blocked, openings = self._openings(tokens[i].text)
        best: TriggerMatch | None = None
        for prefix, stem, future, phrases, singles in openings:
            for entry in phrases.candidates(tokens, i, joined):
                if entry.opens_on_verb and not (_prefix_fits(prefix.rstrip("س"), entry.head)
                                                and (not future or entry.head == "present")):
                    continue  # "لشن هجوم" is the verbal noun of a purpose, not the verb
                last = _phrase_end(tokens, i, entry, joined)
                if last is not None and (best is None or last - i > best.last - best.first):
                    best = TriggerMatch(entry, i, last, tokens[i].start, tokens[last].end, future, prefix)
            if best is not None or blocked:
                continue
            for entry in singles:
                if future and entry.kind != "present":
                    continue
                if not _prefix_fits(prefix, entry.kind):
                    continue
                if entry.kind == "past" and not prefix and stem == entry.tokens[0] and i > 0 \
                        and any(word in NOUN_GOVERNORS for _, word in clitic_readings(tokens[i - 1].text)):
                    entry = _as_verbal_noun(entry)  # "في قصف مواقع": after a preposition, the noun
                return TriggerMatch(entry, i, i, tokens[i].start, tokens[i].end, future, prefix)
        return best


@dataclass(frozen=True)
class PhraseIndex:
    """The phrases opening on one word, indexed on their first later word that is no gap: at a
    token, only those whose word may be reached from it (the next word, or one a gap may lead to)
    are tried ("شن * غارات" where "غارات" or a form of it follows)."""

    entries: tuple[TriggerEntry, ...]
    by_form: dict[str, tuple[int, ...]]  # a form of that word -> the positions in `entries` of the phrases
    always: tuple[int, ...]  # phrases with no later word but gaps

    @classmethod
    def of(cls, entries: tuple[TriggerEntry, ...]) -> PhraseIndex:
        by_form: dict[str, list[int]] = {}
        always: list[int] = []
        for position, entry in enumerate(entries):
            words = zip(entry.tokens[1:], entry.later, strict=True)
            forms = next((forms for word, forms in words if word != GAP), None)
            if forms is None:
                always.append(position)
            for form in forms or ():
                by_form.setdefault(form, []).append(position)
        return cls(entries, {form: tuple(found) for form, found in by_form.items()}, tuple(always))

    def candidates(self, tokens: list[Token], i: int, joined: frozenset[int] = frozenset()) -> list[TriggerEntry]:
        """The phrases that may match from token i, in lexicon order; `_phrase_end` decides. The
        word they need may be any a gap reaches: up to MAX_GAP words on, not counting punctuation
        nor the tokens `joined` to a name or a date begun before them (as `_phrase_end` counts)."""
        if not self.by_form:
            return [self.entries[position] for position in self.always]
        found = set(self.always)
        skipped = 0
        for position, token in enumerate(itertools.islice(tokens, i + 1, None), i + 1):
            stems, bare = _later_word_forms(normalize_word(token.text))
            for form in stems + bare:
                found.update(self.by_form.get(form, ()))
            if token.text in GAP_ENDS:
                break
            skipped += any(c.isalpha() for c in token.text) and position not in joined
            if skipped > MAX_GAP:
                break
        return [self.entries[position] for position in sorted(found)]


# A reading that opens entries: prefix, stem, future prefix, phrases, single-word entries.
Opening = tuple[str, str, bool, PhraseIndex, list[TriggerEntry]]
MAX_OPENINGS_KEPT = 1 << 17


# Words after which the bare past form of a verb ("قصف", "قتل") is read as its verbal noun: the
# unvowelled text writes them alike, and no verb follows a preposition ("وفي قصف", "بعد قصف") or a
# noun of halting ("بوقف قتل المدنيين"). "من" is left out: "من قتل" may be "who killed".
NOUN_GOVERNORS = frozenset(normalize_word(w) for w in (
    "في", "على", "إلى", "عن", "بعد", "قبل", "خلال", "حول", "منذ", "إثر", "عقب", "جراء", "بسبب",
    "وقف", "إنهاء"))


@cache
def _as_verbal_noun(entry: TriggerEntry) -> TriggerEntry:
    return replace(entry, kind="noun")


VERB_PREFIXES = {"", "و", "ف", "س", "وس", "فس"}
PRESENT_ONLY_PREFIXES = {"ل", "ول", "فل"}  # "ليبحث": the subjunctive of purpose


def _prefix_fits(prefix: str, kind: str) -> bool:
    """A verb takes only the conjunctions و/ف (and سـ or لـ on the imperfect): "لبحث" is a noun."""
    if kind in ("past", "passive"):
        return prefix in ("", "و", "ف")
    if kind == "present":
        return prefix in VERB_PREFIXES or prefix in PRESENT_ONLY_PREFIXES
    return True


GAP_STOPS = frozenset(normalize_word(w) for w in (
    "عن", "حول", "لوقف", "بوقف", "لمنع", "لتجنب", "لتفادي", "لإنهاء", "ولوقف", "ولمنع"))
GAP = "*"  # in a phrase: up to MAX_GAP words of anything ("حمل * مسؤولية": حملت واشنطن إيران مسؤولية)
MAX_GAP = 5  # words: a comma or a quotation mark in the gap is not one ("سلمت السلطات، أمس، الناشط")
GAP_ENDS = frozenset({".", "؛", ";", "؟", "?", "!", ":"})  # a gap never crosses the end of a clause


def _phrase_end(tokens: list[Token], i: int, entry: TriggerEntry, joined: frozenset[int] = frozenset()) -> int | None:
    """The index of the phrase's last token when its words match from tokens[i], else None. A gap
    holds the subject and adverbs: never a clause's end, "عن"/"حول" or an aim of halting ("أطلقت
    مصر مبادرة لوقف إطلاق النار" is no firing)."""
    position = i
    gap = False
    for expected, forms in zip(entry.tokens[1:], entry.later, strict=True):
        if expected == GAP:
            gap = True
            continue
        skipped = 0  # words passed over in a gap
        step = 1
        while True:
            if position + step >= len(tokens):
                return None
            if step > 1 and normalize_word(tokens[position + step - 1].text) in GAP_STOPS:
                return None  # a gap holds the subject, not a prepositional phrase ("نشرت الصحيفة تقريرا عن قوات")
            word = tokens[position + step].text
            # (never a word inside a name: "أعلن … قوات الدعم السريع" holds no "أعلن * دعم")
            if position + step not in joined and _word_matches(normalize_word(word), forms):
                position += step
                break
            if not gap or word in GAP_ENDS or word in ("،", ",") and _participle_follows(tokens, position + step):
                return None  # (nor a comma before an adverbial participle: "رفضت نيودلهي العرض، مطالبة")
            skipped += any(c.isalpha() for c in word) and position + step not in joined
            if skipped > MAX_GAP:
                return None
            step += 1
        gap = False
    return position


def _participle_follows(tokens: list[Token], comma: int) -> bool:
    """An adverbial participle right after the comma at `comma` ("مطالبة", "مؤكدا") opens a clause of its own."""
    return comma + 1 < len(tokens) and adverbial_participle(normalize_word(tokens[comma + 1].text).lstrip("و"))


def adverbial_participle(word: str) -> bool:
    """A normalised word, its conjunction off, shaped like an accusative participle of manner: "مطالبة",
    "مؤكدا", "مشددين" (what opens a clause of its own after a comma)."""
    return len(word) >= 4 and word[0] == "م" and word.endswith(("ا", "ه", "ين"))


def _word_matches(word: str, forms: frozenset[str] | set[str]) -> bool:
    """A phrase's later words may carry the article or a clitic and inflect as nouns do: "فرض
    العقوبات" ~ "فرض عقوبات", "أجرى اتصالين" ~ "أجرى اتصالا"."""
    stems, bare = _later_word_forms(word)
    return any(stem in forms for stem in stems) or (not isinstance(forms, OwnedForms)
                                                     and any(stem in forms for stem in bare))


@lru_cache(maxsize=1 << 17)
def _later_word_forms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What `_word_matches` looks up for a word, once per word: its clitic readings' stems, and
    those stems that carry the article without it."""
    stems = tuple(stem for _, stem in clitic_readings(word, min_stem=1))
    return stems, tuple(stem[2:] for stem in stems if stem[:2] == "ال")


@lru_cache(maxsize=1 << 17)
def _readings(word: str) -> tuple[tuple[str, str, bool], ...]:
    readings = [(prefix, stem, False) for prefix, stem in clitic_readings(word)]
    for prefix, stem, _ in list(readings):
        # Future prefix on an imperfect verb: "سيزور", "وستبحث"; not on "سلام" (stem must look like a verb).
        if stem[:1] == "س" and len(stem) > 3 and stem[1:2] in PRESENT_PREFIXES:
            readings.append((prefix + "س", stem[1:], True))
    return tuple(readings)


class LexiconError(ValueError):
    """A bad line of a lexicon file: the message names the file and line."""


LEXICON_DIR = "data/lexicon"
# A folder of lexicon files read instead of the package's (01.tsv … 20.tsv, not_events.tsv): to try a
# changed lexicon, or re-code the store with one (`hadath reprocess`), without editing the package.
LEXICON_SETTING = "HADATH_LEXICON_DIR"
ROW_KINDS = KINDS + ("verb", "plural", "participle")


@dataclass(frozen=True)
class LexiconRow:
    """One line of a lexicon file, as written, with where it stands."""

    path: str
    line: int
    form: str
    cameo: str
    kind: str
    target: str
    note: str


def lexicon_folder() -> Path | Traversable:
    """The folder the lexicon is read from: $HADATH_LEXICON_DIR when set, else the package's."""
    override = os.environ.get(LEXICON_SETTING)
    if override:
        folder = Path(override)
        if not folder.is_dir():
            raise LexiconError(f"{LEXICON_SETTING}={override}: not a folder")
        return folder
    return resources.files("hadath.events").joinpath(LEXICON_DIR)


def lexicon_files() -> list:
    """The lexicon's files: 01.tsv … 20.tsv, then not_events.tsv."""
    folder = lexicon_folder()
    return sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")),
                  key=lambda f: (not f.name[:2].isdigit(), f.name))


def read_rows(files: list | None = None) -> list[LexiconRow]:
    """Every entry of the lexicon files, checked: columns, kind, code and its root, duplicates."""
    codes = load_cameo()
    rows: list[LexiconRow] = []
    seen: dict[tuple[str, str], str] = {}
    for file in files if files is not None else lexicon_files():
        name = file.name
        root = name[:2] if name[:2].isdigit() else None
        lines = file.read_text(encoding="utf-8").splitlines()
        header_seen = False
        for number, line in enumerate(lines, start=1):
            where = f"{name}:{number}"
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            if not header_seen:
                if columns[:4] != ["form", "cameo", "kind", "target"]:
                    raise LexiconError(f"{where}: the header must be form, cameo, kind, target, note")
                header_seen = True
                continue
            if not 4 <= len(columns) <= 5:
                raise LexiconError(f"{where}: {len(columns)} columns, expected form, cameo, kind, target, note")
            form, cameo, kind, target = (c.strip() for c in columns[:4])
            note = columns[4].strip() if len(columns) == 5 else ""
            if not form or any(c.isspace() for c in form.replace(" ", "")) or "  " in form:
                raise LexiconError(f"{where}: empty or badly spaced form {form!r}")
            if kind not in ROW_KINDS:
                raise LexiconError(f"{where}: unknown kind {kind!r} (one of {', '.join(ROW_KINDS)})")
            if cameo == "-":
                if root is not None:
                    raise LexiconError(f"{where}: code '-' belongs in not_events.tsv")
            elif cameo not in codes:
                raise LexiconError(f"{where}: unknown CAMEO code {cameo!r}")
            elif root is not None and cameo[:2] != root:
                raise LexiconError(f"{where}: code {cameo} is not of root {root}")
            head, *later = form.split()
            if (kind == "verb") != ("/" in head) or head.count("/") > 1 or any("/" in w for w in later):
                raise LexiconError(f"{where}: kind verb takes 'past/present' as its first word, other kinds no '/'")
            if kind == "verb" and not normalize(head.split("/")[1]).startswith("ي"):
                raise LexiconError(f"{where}: the present of a verb is written in the 3rd person, 'يـ'")
            if not target or any(not p for p in target.split("|")):
                raise LexiconError(f"{where}: empty target (write '-' for a direct object)")
            key = (normalize(form), kind)
            if key in seen:
                raise LexiconError(f"{where}: {form!r} ({kind}) is already at {seen[key]}")
            seen[key] = where
            rows.append(LexiconRow(name, number, form, cameo, kind, target, note))
        if not header_seen:
            raise LexiconError(f"{name}:1: no header line")
    return rows


def _entry(row: LexiconRow, form: str, kind: str) -> TriggerEntry:
    words = form.split()
    return TriggerEntry(
        form=form,
        tokens=tuple(normalize_word(w.split("/")[0]) for w in words),
        cameo=row.cameo,
        kind="phrase" if len(words) > 1 else kind,
        target_preps=tuple(normalize(p) for p in row.target.split("|")),
        note=row.note,
        head=kind,
        later=tuple(frozenset() if w == GAP else _later_forms(normalize_word(w), _with_pronoun(w)) for w in words[1:]),
    )


class OwnedForms(frozenset):
    """The forms of a later word written with a possessive pronoun ("سفيره", "سفيرها"): never matched
    with the article, which such a word cannot take ("السفيرة" is "the ambassador", not "his")."""


def _with_pronoun(written: str) -> bool:
    """A lexicon word written with a possessive pronoun: "سفيره", "سفيرها", "قواتها" (not "ة")."""
    bare = strip_diacritics(written)
    return len(bare) > 4 and bare.endswith(("ه", "ها", "هم", "هما")) and not bare.endswith("ة")


def _later_forms(word: str, with_pronoun: bool = False) -> frozenset[str]:
    """The forms a phrase's later word matches: its noun inflections, with or without the article
    it was written with ("رفض * المطالب" matches "رفضت مطالب المجلس")."""
    if with_pronoun:
        return OwnedForms(noun_forms(word) | {word})
    if not (word.startswith("ال") and len(word) > 4):
        return frozenset(noun_forms(word) | {word})
    # written definite: its number may change, but it takes no pronoun ("السفير" is not "سفيرها")
    return frozenset(number_forms(word[2:]) | {word})


def entries_of(row: LexiconRow) -> list[tuple[TriggerEntry, set[str]]]:
    """The trigger entries one lexicon row makes, each with the surface forms of its (first) word."""
    words = row.form.split()
    head = words[0]
    if row.kind == "verb":
        past, present = head.split("/")
        rest = " ".join(words[1:])
        return [(_entry(row, f"{past} {rest}".strip(), "past"), generate(past, "past")),
                (_entry(row, f"{present} {rest}".strip(), "present"), generate(present, "present"))]
    kind = "word" if row.kind == "phrase" else row.kind
    return [(_entry(row, row.form, kind), generate(head, kind))]


@cache
def load_lexicon() -> TriggerLexicon:
    """The lexicon with every generated form, built once per change of its files (hadath.derived_cache)."""
    return cached("event-lexicon", _lexicon_inputs(), _build_lexicon)


def _lexicon_inputs() -> list:
    """Every file the lexicon is built from: its rows, the lists it consults and the code that generates."""
    here = Path(__file__).resolve().parent
    code = [Path(__file__).resolve(), here / "morphology.py", here / "coverage.py", here / "cameo.py",
            here.parent / "text" / "normalize.py", here.parent / "text" / "tokens.py"]
    data = [here / "data" / name for name in ("lexicon_collisions.tsv", "not_triggers.tsv", "cameo.tsv")]
    return [*lexicon_files(), *data, *code]


def _build_lexicon() -> TriggerLexicon:
    single: dict[str, list[tuple[int, TriggerEntry]]] = {}
    phrases: dict[str, list[TriggerEntry]] = {}
    collided = _blocked_collisions()
    for row in read_rows():
        for entry, forms in entries_of(row):
            base = entry.tokens[0]
            for form in forms:
                if form != base and form in collided and len(entry.tokens) == 1:
                    continue  # alone, a generated form that is usually another word ("توقع": expected)
                if len(entry.tokens) > 1:
                    phrases.setdefault(form, []).append(entry)
                else:
                    # the entry whose base form this is ("ضربة" a strike) is read before one whose
                    # inflection it also is ("ضربه" he hit him), and both before a bare `word` entry
                    rank = 2 if entry.kind in ("word", "verbform") else int(form != base)
                    single.setdefault(form, []).append((rank, entry))
    ordered = {form: [entry for _, entry in sorted(found, key=lambda pair: pair[0])] for form, found in single.items()}
    return TriggerLexicon(ordered, phrases, read_words("hadath.events", "data/not_triggers.tsv"))


def _blocked_collisions() -> frozenset[str]:
    """Generated forms decided "block" in data/lexicon_collisions.tsv (see hadath.events.coverage)."""
    from hadath.events.coverage import blocked_forms

    return blocked_forms()
