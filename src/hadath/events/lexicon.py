"""The trigger lexicon (data/triggers.tsv) and the matcher that finds triggers among tokens.

Entries are written once in their base form; `expand_forms` derives the inflections news uses
("زار" -> زارت، زاروا؛ "يزور" -> تزور، يزورون؛ "زيارة" -> زيارات، زيارته). Matching strips the
clitics و ف ب ل ك ال and, on verbs, the future prefix سـ (which the status stage reads as planned).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import Token, clitic_readings

KINDS = ("past", "present", "noun", "passive", "word", "phrase")
PRESENT_PREFIXES = ("ي", "ت", "ن")  # not first person "أ": "أوقع" is a past verb
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما")
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True)
class TriggerEntry:
    form: str  # as written in the lexicon
    tokens: tuple[str, ...]  # normalised, one per word
    cameo: str
    kind: str
    target_preps: tuple[str, ...]  # "-" = a direct object
    note: str

    @property
    def is_verb(self) -> bool:
        return self.kind in ("past", "present", "passive")


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    first: int  # index of the first token in the sentence's token list
    last: int  # index of the last token (inclusive)
    start: int  # character offsets in the article text
    end: int
    future: bool  # the verb carried the future prefix سـ
    prefix: str  # the clitics stripped from the first word


def expand_forms(form: str, kind: str) -> set[str]:
    """Normalised surface forms of one lexicon word."""
    base = normalize(form)
    forms = {base}
    if kind == "past":
        forms |= {base + "ت", base + "وا", base + "ا", base + "تا"}
        if base.endswith("ي"):  # "التقى" -> "التقت", "التقوا"
            stem = base[:-1]
            forms |= {stem + "ت", stem + "وا", stem + "يا", stem + "تا"}
        if base.endswith("ا"):  # "دعا" -> "دعت", "دعوا"
            stem = base[:-1]
            forms |= {stem + "ت", stem + "وا", stem + "تا"}
        # object pronouns: "قتلهم", "هاجمتهم", "استقبله", "قتلوهم"
        forms |= {form + pronoun for form in list(forms) for pronoun in OBJECT_PRONOUNS
                  if not form.endswith("وا")} | {base + "وه", base + "وها", base + "وهم"}
    elif kind == "present" and base[:1] == "ي":
        stem = base[1:]
        for prefix in PRESENT_PREFIXES:
            forms |= {prefix + stem, prefix + stem + "ون", prefix + stem + "ان"}
            forms |= {prefix + stem + pronoun for pronoun in OBJECT_PRONOUNS}
    elif kind == "noun":
        stem = base[:-1] + "ت" if base.endswith("ه") else base
        forms |= {stem + pronoun for pronoun in NOUN_PRONOUNS}
        plural = (base[:-1] if base.endswith("ه") else base) + "ات"
        forms.add(plural)
        if not base.endswith("ه"):
            forms.add(base + "ا")  # accusative tanween alef: "هجوما"
    return forms


@dataclass
class TriggerLexicon:
    single: dict[str, list[TriggerEntry]]
    phrases: dict[str, list[TriggerEntry]]  # keyed on the first word
    blocked: frozenset[str] = frozenset()  # whole words that only look like triggers (not_triggers.tsv)

    def match(self, tokens: list[Token]) -> list[TriggerMatch]:
        """Longest match at each token, left to right, without overlaps. A phrase coded "-" in the
        lexicon ("طائرة مسيرة", a drone) is matched so that its words trigger nothing."""
        found: list[TriggerMatch] = []
        i = 0
        while i < len(tokens):
            best = self._match_at(tokens, i)
            if best is None:
                i += 1
                continue
            if best.entry.cameo != "-":
                found.append(best)
            i = best.last + 1
        return found

    def _match_at(self, tokens: list[Token], i: int) -> TriggerMatch | None:
        if normalize_word(tokens[i].text) in self.blocked:
            return None
        best: TriggerMatch | None = None
        for prefix, stem, future in _readings(tokens[i].text):
            for entry in self.phrases.get(stem, ()):
                last = _phrase_end(tokens, i, entry.tokens)
                if last is not None and (best is None or last - i > best.last - best.first):
                    best = TriggerMatch(entry, i, last, tokens[i].start, tokens[last].end, future, prefix)
            if best is not None:
                continue
            for entry in self.single.get(stem, ()):
                if future and entry.kind != "present":
                    continue
                if not _prefix_fits(prefix, entry.kind):
                    continue
                if entry.kind == "past" and not prefix and stem == entry.tokens[0] and i > 0 \
                        and any(word in NOUN_GOVERNORS for _, word in clitic_readings(tokens[i - 1].text)):
                    entry = _as_verbal_noun(entry)  # "في قصف مواقع": after a preposition, the noun
                return TriggerMatch(entry, i, i, tokens[i].start, tokens[i].end, future, prefix)
        return best


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


GAP = "*"  # in a phrase: up to MAX_GAP words of anything ("حمل * مسؤولية": حملت واشنطن إيران مسؤولية)
MAX_GAP = 3


def _phrase_end(tokens: list[Token], i: int, words: tuple[str, ...]) -> int | None:
    """The index of the phrase's last token when `words` match from tokens[i], else None."""
    position = i
    gap = False
    for expected in words[1:]:
        if expected == GAP:
            gap = True
            continue
        reach = MAX_GAP + 1 if gap else 1
        gap = False
        for step in range(1, reach + 1):
            if position + step < len(tokens) and _word_matches(normalize_word(tokens[position + step].text), expected):
                position += step
                break
        else:
            return None
    return position


def _word_matches(word: str, expected: str) -> bool:
    """A phrase's later words may carry the article or a clitic: "فرض العقوبات" ~ "فرض عقوبات"."""
    return any(stem == expected or stem == "ال" + expected for _, stem in clitic_readings(word, min_stem=1))


@lru_cache(maxsize=1 << 17)
def _readings(word: str) -> tuple[tuple[str, str, bool], ...]:
    readings = [(prefix, stem, False) for prefix, stem in clitic_readings(word)]
    for prefix, stem, _ in list(readings):
        # Future prefix on an imperfect verb: "سيزور", "وستبحث"; not on "سلام" (stem must look like a verb).
        if stem[:1] == "س" and len(stem) > 3 and stem[1:2] in PRESENT_PREFIXES:
            readings.append((prefix + "س", stem[1:], True))
    return tuple(readings)


@cache
def load_lexicon() -> TriggerLexicon:
    single: dict[str, list[TriggerEntry]] = {}
    phrases: dict[str, list[TriggerEntry]] = {}
    text = resources.files("hadath.events").joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                          delimiter="\t", quoting=csv.QUOTE_NONE)
    for line_no, row in enumerate(rows, start=2):
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"triggers.tsv row {line_no}: unknown kind {kind!r}")
        words = row["form"].split()
        entry = TriggerEntry(
            form=row["form"],
            tokens=tuple(normalize_word(w) for w in words),
            cameo=row["cameo"],
            kind="phrase" if len(words) > 1 else kind,
            target_preps=tuple(normalize(p) for p in (row["target"] or "-").split("|")),
            note=row.get("note") or "",
        )
        if len(words) > 1:
            phrases.setdefault(entry.tokens[0], []).append(entry)
            continue
        for form in expand_forms(words[0], kind):
            single.setdefault(form, []).append(entry)
    blocked_text = resources.files("hadath.events").joinpath("data/not_triggers.tsv").read_text(encoding="utf-8")
    blocked = frozenset(normalize(line.split("\t")[0]) for line in blocked_text.splitlines()[1:]
                        if line.strip() and not line.startswith("#"))
    return TriggerLexicon(single, phrases, blocked)
