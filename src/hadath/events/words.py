"""Small word lists the coder consults (data/*.tsv): light verbs, discourse words."""

from __future__ import annotations

from functools import cache

from hadath.events.morphology import past_forms, present_forms
from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import Token
from hadath.text.wordlists import read_words

CONJUNCTIONS = ("و", "ف")


def word_list(filename: str) -> frozenset[str]:
    """The first column of a one-word-per-line data file of this package, normalised."""
    return read_words("hadath.events", f"data/{filename}")


def _one_between(tokens: list[Token], lo: int, hi: int, forms: frozenset[str]) -> bool:
    """One of `forms` among tokens[lo:hi], bare or behind a conjunction."""
    for token in tokens[max(lo, 0) : hi]:
        word = normalize_word(token.text)
        if word in forms or (word[:1] in CONJUNCTIONS and word[1:] in forms):
            return True
    return False


def light_verb_between(tokens: list[Token], lo: int, hi: int) -> bool:
    """A light verb among tokens[lo:hi]: "قام … بزيارة", "لم تنفذ أي هجوم"."""
    return _one_between(tokens, lo, hi, word_list("light_verbs.tsv"))


@cache
def control_verb_forms() -> frozenset[str]:
    """Every form of the verbs that lend a verbal-noun object their subject (control_verbs.tsv)."""
    forms: set[str] = set()
    for pair in word_list("control_verbs.tsv"):
        past, _, present = pair.partition("/")
        forms |= past_forms(past) | present_forms(present)
    return frozenset(forms)


def subject_lender_between(tokens: list[Token], lo: int, hi: int) -> bool:
    """A light verb or a verb whose verbal-noun object is its subject's act among tokens[lo:hi]:
    "قام … بزيارة", "وأعلنت توقيف", "قررت حظر"."""
    return light_verb_between(tokens, lo, hi) or _one_between(tokens, lo, hi, control_verb_forms())


def future_light_verb(tokens: list[Token], lo: int, hi: int) -> bool:
    """A light verb with the future prefix among tokens[lo:hi]: "سيقوم … بزيارة"."""
    verbs = word_list("light_verbs.tsv")
    for token in tokens[max(lo, 0) : hi]:
        word = normalize(token.text).lstrip("وف")
        if word[:1] == "س" and word[1:] in verbs:
            return True
    return False


OWN_PEOPLE_PRONOUNS = ("ه", "ها", "هم", "هما", "نا")


@cache
def own_people_forms() -> frozenset[str]:
    """"أنصاره", "جنودها", "مواطنينا": an actor's own people (own_people.tsv with a possessive pronoun)."""
    return frozenset(stem + pronoun for stem in word_list("own_people.tsv") for pronoun in OWN_PEOPLE_PRONOUNS)


def own_people(text: str) -> bool:
    """"أنصاره", "ومواطنيها", "لجنودنا": a word for an actor's own people, one clitic aside."""
    word = normalize_word(text)
    forms = own_people_forms()
    return word in forms or word[:1] in ("و", "ف", "ل", "ب") and word[1:] in forms
