"""The text the full-text index holds for an article: normalised words, each followed by the stems it
can be read as without its clitics, so that "تركيا" finds "وتركيا" and "حزب" finds "لحزب".

"وصل رئيسي إلى أنقرة" -> "وصل رءيسي الي انقره" plus stems such as "صل" (from و + صل) — a reading
that does not exist only adds a word no one searches for.
"""

from __future__ import annotations

from hadath.text.normalize import normalize
from hadath.text.tokens import clitic_readings, tokenize


def search_document(title: str | None, text: str) -> str:
    words = []
    for token in tokenize(f"{title or ''}\n{text}"):
        if not token.text[0].isalnum():
            continue
        readings = clitic_readings(token.text)
        words.extend(dict.fromkeys(stem for _prefix, stem in readings))
    return " ".join(words)


def search_words(query: str) -> list[str]:
    """The query's words as the index holds them (normalised; clitics left as typed)."""
    return [normalize(t.text) for t in tokenize(query) if t.text[0].isalnum()]


def query_readings(query: str) -> list[list[str]]:
    """For each query word, every form it can be read as: "وتركيا" -> ["وتركيا", "تركيا"], so a
    query typed with a clitic also finds the bare word."""
    return [list(dict.fromkeys(stem for _prefix, stem in clitic_readings(t.text)))
            for t in tokenize(query) if t.text[0].isalnum()]


def fts5_match(query: str) -> str:
    """An SQLite FTS5 MATCH expression: every word, each in any of its readings."""
    def quoted(word: str) -> str:
        return '"' + word.replace('"', '""') + '"'

    return " AND ".join("(" + " OR ".join(quoted(w) for w in group) + ")" for group in query_readings(query))


def pg_tsquery(query: str) -> str:
    """A PostgreSQL to_tsquery('simple', …) text: every word, each in any of its readings. Tokens
    are word characters only, so quoting each lexeme is enough."""
    return " & ".join("(" + " | ".join(f"'{w}'" for w in group) + ")" for group in query_readings(query))
