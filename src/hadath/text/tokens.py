"""Tokens with offsets, and the clitic-stripped forms a word may stand for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hadath.text.normalize import normalize

TOKEN = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+|[^\w\s]", re.UNICODE)

# Proclitics in the order they stack: conjunction, preposition, article.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


@dataclass(frozen=True, slots=True)  # slots: made by the hundred thousand, a fifth faster to make
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation with offsets into `text` (plus `offset`)."""
    if len(text) > MAX_KEPT_TEXT:
        return _tokens(text, offset)
    return list(_kept_tokens(text, offset))


# The stages tokenise the same article text and the same sentences again (actors, places, names;
# NER, events): the last texts' tokens are kept, each caller getting its own list of the frozen
# tokens. A longer text is tokenised each time, so that what is kept stays small.
MAX_KEPT_TEXT = 20_000


@lru_cache(maxsize=256)
def _kept_tokens(text: str, offset: int) -> tuple[Token, ...]:
    return tuple(_tokens(text, offset))


def _tokens(text: str, offset: int) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def clitic_readings(word: str, min_stem: int = 2) -> list[tuple[str, str]]:
    """Every (prefix, stem) a word can be read as, the bare word first, on the normalised form.

    "وتركيا" -> [("", "وتركيا"), ("و", "تركيا")]; "لطهران" -> [..., ("ل", "طهران")];
    "والعراق" -> [..., ("و", "العراق"), ("وال", "عراق")]; "للأمن" -> [..., ("لل", "امن")].
    """
    return list(_clitic_readings(word, min_stem))


@lru_cache(maxsize=1 << 17)
def _clitic_readings(word: str, min_stem: int) -> tuple[tuple[str, str], ...]:
    """`clitic_readings`, once per word: every stage reads the readings of the same words."""
    word = normalize(word)
    readings = [("", word)]
    seen = {word}

    def add(prefix: str, stem: str) -> None:
        if len(stem) >= min_stem and stem not in seen:
            seen.add(stem)
            readings.append((prefix, stem))

    heads = [("", word)]
    if word[:1] in CONJUNCTIONS:
        heads.append((word[0], word[1:]))
    for prefix, rest in list(heads):
        if rest[:1] in PREPOSITIONS:
            heads.append((prefix + rest[0], rest[1:]))
        if rest.startswith("لل"):  # ل + ال with the alef dropped: "للأمن"
            heads.append((prefix + "لل", rest[2:]))
    for prefix, rest in heads:
        add(prefix, rest)
        if rest.startswith(ARTICLE):
            add(prefix + ARTICLE, rest[2:])
    return tuple(readings)
