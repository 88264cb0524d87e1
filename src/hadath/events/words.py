"""Small word lists the coder consults (data/*.tsv): light verbs, discourse words."""

from __future__ import annotations

from functools import cache
from importlib import resources

from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import Token

CONJUNCTIONS = ("و", "ف")


@cache
def word_list(filename: str) -> frozenset[str]:
    """The first column of a one-word-per-line data file, normalised."""
    text = resources.files("hadath.events").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    return frozenset(normalize(line.split("\t")[0].strip()) for line in text.splitlines()[1:]
                     if line.strip() and not line.startswith("#"))


def light_verb_between(tokens: list[Token], lo: int, hi: int) -> bool:
    """A light verb among tokens[lo:hi]: "قام … بزيارة", "لم تنفذ أي هجوم"."""
    verbs = word_list("light_verbs.tsv")
    for token in tokens[max(lo, 0) : hi]:
        word = normalize_word(token.text)
        if word in verbs or (word[:1] in CONJUNCTIONS and word[1:] in verbs):
            return True
    return False


def future_light_verb(tokens: list[Token], lo: int, hi: int) -> bool:
    """A light verb with the future prefix among tokens[lo:hi]: "سيقوم … بزيارة"."""
    verbs = word_list("light_verbs.tsv")
    for token in tokens[max(lo, 0) : hi]:
        word = normalize(token.text).lstrip("وف")
        if word[:1] == "س" and word[1:] in verbs:
            return True
    return False
