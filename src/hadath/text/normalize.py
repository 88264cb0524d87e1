"""Normalisation for matching only; the stored text is never changed.

Each function does one thing (as camel_tools.utils.normalize does). `normalize` applies them all.
`normalize_keep_length` maps character for character so offsets into the result are offsets into
the original: diacritics and tatweel become a placeholder that `normalize` drops.
"""

from __future__ import annotations

import re
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PLACEHOLDER = "\u200b"


def normalize_alef(text: str) -> str:
    """"إيران" -> "ايران"; "أنقرة" -> "انقرة"."""
    return text.translate(_ALEF)


def normalize_alef_maqsura(text: str) -> str:
    """"موسى" -> "موسي" (ya and alef maqsura are spelt either way in news)."""
    return text.replace("ى", "ي")


def normalize_teh_marbuta(text: str) -> str:
    """"أنقرة" -> "أنقره"."""
    return text.replace("ة", "ه")


def normalize_hamza_seats(text: str) -> str:
    """"مسؤول" -> "مسءول", "رئيس" -> "رءيس": hamza on waw or ya spelt either way."""
    return text.replace("ؤ", "ء").replace("ئ", "ء")


def strip_diacritics(text: str) -> str:
    return DIACRITICS.sub("", text)


def strip_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def normalize_digits(text: str) -> str:
    """"٢٤" -> "24"."""
    return text.translate(_DIGITS)


def normalize(text: str) -> str:
    """All of the above: the form dictionaries are keyed on."""
    text = strip_tatweel(strip_diacritics(text))
    text = normalize_alef(text)
    text = normalize_alef_maqsura(text)
    text = normalize_teh_marbuta(text)
    text = normalize_hamza_seats(text)
    return normalize_digits(text)


def normalize_keep_length(text: str) -> str:
    """Like `normalize` but one output character per input character.

    Diacritics and tatweel become U+200B so that a regex over the result can skip them
    with `\u200b*` and every offset still points into the original.
    """
    text = DIACRITICS.sub(_PLACEHOLDER, text).replace(TATWEEL, _PLACEHOLDER)
    text = normalize_alef(text)
    text = normalize_alef_maqsura(text)
    text = normalize_teh_marbuta(text)
    text = normalize_hamza_seats(text)
    return normalize_digits(text)


@lru_cache(maxsize=1 << 18)
def normalize_word(word: str) -> str:
    """`normalize` for one token, memoised: the coders normalise the same words over and over."""
    return normalize(word)
