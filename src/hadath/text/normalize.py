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
_DIGIT_PAIRS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))
_DIGITS = str.maketrans(dict(_DIGIT_PAIRS))
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


# The functions above at once. Each drops or replaces single characters, and none yields a character
# that another one changes, so one `str.translate` table does them all on a word. On a longer text,
# where most characters stay, looking up every character costs more than searching the text for each
# character that changes: a text over SHORT_TEXT characters is done that way (the same result).
SHORT_TEXT = 16
_DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # DIACRITICS and TATWEEL
_LETTERS = {**{chr(c): r for c, r in _ALEF.items()}, "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"}
_DIGIT = re.compile("[٠-٩۰-۹]")
_DROPPED_CHARACTERS = _DROPPED.findall("".join(map(chr, range(0x0600, 0x0700))))  # all in the Arabic block
_NORMALIZE = {**str.maketrans(_LETTERS), **_DIGITS, **str.maketrans(dict.fromkeys(_DROPPED_CHARACTERS))}
_NORMALIZE_KEEP_LENGTH = {**_NORMALIZE, **str.maketrans(dict.fromkeys(_DROPPED_CHARACTERS, _PLACEHOLDER))}


def normalize(text: str) -> str:
    """All of the above: the form dictionaries are keyed on."""
    if len(text) <= SHORT_TEXT:
        return text.translate(_NORMALIZE)
    return _replace_letters(_DROPPED.sub("", text))


def normalize_keep_length(text: str) -> str:
    """Like `normalize` but one output character per input character.

    Diacritics and tatweel become U+200B so that a regex over the result can skip them
    with `\u200b*` and every offset still points into the original.
    """
    if len(text) <= SHORT_TEXT:
        return text.translate(_NORMALIZE_KEEP_LENGTH)
    return _replace_letters(_DROPPED.sub(_PLACEHOLDER, text))


def _replace_letters(text: str) -> str:
    for letter, replacement in _LETTERS.items():
        text = text.replace(letter, replacement)
    if _DIGIT.search(text):
        for digit, replacement in _DIGIT_PAIRS:
            text = text.replace(digit, replacement)
    return text


_UPPER_ASCII = re.compile("[A-Z]+")


def lower_ascii(text: str) -> str:
    """"PKK" -> "pkk": A-Z only (`str.lower` changes other letters too); quicker than `str.translate` on
    a long text."""
    return _UPPER_ASCII.sub(lambda match: match.group().lower(), text)


@lru_cache(maxsize=1 << 18)
def normalize_word(word: str) -> str:
    """`normalize` for one token, memoised: the coders normalise the same words over and over."""
    return normalize(word)
