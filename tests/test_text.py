"""Normalisation and tokens (hadath.text), on literal Arabic strings."""

from __future__ import annotations

from hadath.text.normalize import SHORT_TEXT, lower_ascii, normalize, normalize_keep_length
from hadath.text.tokens import tokenize

# every kind of character normalisation changes: alef seats, alef maqsura, teh marbuta, hamza
# seats, diacritics, tatweel, Arabic-Indic and Persian digits
WORDS = ["أنقرة", "إيران", "آسيا", "ٱلله", "موسى", "مسؤول", "رئيس", "وَزِيرُ", "الـخارجية", "٢٤", "۱۴۰۲", "PKK"]
NORMALISED = ["انقره", "ايران", "اسيا", "الله", "موسي", "مسءول", "رءيس", "وزير", "الخارجيه", "24", "1402", "PKK"]


def test_normalize_a_word():
    assert [normalize(word) for word in WORDS] == NORMALISED
    assert all(len(word) <= SHORT_TEXT for word in WORDS)


def test_a_long_text_is_normalised_as_its_words_are():
    text = " ".join(WORDS * 3)
    assert len(text) > SHORT_TEXT
    assert normalize(text) == " ".join(NORMALISED * 3)
    kept = normalize_keep_length(text)
    assert len(kept) == len(text) and kept.replace("\u200b", "") == normalize(text)
    assert [normalize_keep_length(word) for word in WORDS] == kept.split(" ")[: len(WORDS)]


def test_lower_ascii_changes_only_a_to_z():
    assert lower_ascii("PKK وISIS Élysée") == "pkk وisis Élysée"


def test_tokenize_gives_each_caller_its_own_list():
    first = tokenize("زار رئيسي أنقرة.", offset=10)
    first.pop()
    again = tokenize("زار رئيسي أنقرة.", offset=10)
    assert [(t.text, t.start, t.end) for t in again] == [("زار", 10, 13), ("رئيسي", 14, 19), ("أنقرة", 20, 25), (".", 25, 26)]
