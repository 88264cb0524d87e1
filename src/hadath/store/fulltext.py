"""The text the full-text index holds for an article: normalised words, each followed by the stems it
can be read as without its clitics, so that "تركيا" finds "وتركيا" and "حزب" finds "لحزب".

"وصل رئيسي إلى أنقرة" -> "وصل رءيسي الي انقره" plus stems such as "صل" (from و + صل) — a reading
that does not exist only adds a word no one searches for.
"""

from __future__ import annotations

from hadath.text.tokens import clitic_readings, tokenize


def search_document(title: str | None, text: str) -> str:
    words = []
    for token in tokenize(f"{title or ''}\n{text}"):
        if not token.text[0].isalnum():
            continue
        readings = clitic_readings(token.text)
        words.extend(dict.fromkeys(stem for _prefix, stem in readings))
    return " ".join(words)


# A query word longer than this is not searched: no word of any text is, and PostgreSQL refuses a
# tsquery lexeme over 2 kB.
MAX_QUERY_WORD = 200


def query_readings(query: str) -> list[list[str]]:
    """For each query word, every form it can be read as: "وتركيا" -> ["وتركيا", "تركيا"], so a
    query typed with a clitic also finds the bare word. A word that normalises to nothing (a tatweel
    "ـ", a lone diacritic) is no word: "ـ" -> []."""
    groups = []
    for token in tokenize(query):
        if not token.text[0].isalnum():
            continue
        readings = [stem for _prefix, stem in clitic_readings(token.text) if stem and len(stem) <= MAX_QUERY_WORD]
        if readings:
            groups.append(list(dict.fromkeys(readings)))
    return groups


def search_words(query: str) -> list[str]:
    """The query's words as the index holds them (normalised; clitics left as typed); empty when it
    has none to search for."""
    return [group[0] for group in query_readings(query)]


def fts5_match(query: str) -> str:
    """An SQLite FTS5 MATCH expression: every word, each in any of its readings."""
    def quoted(word: str) -> str:
        return '"' + word.replace('"', '""') + '"'

    return " AND ".join("(" + " OR ".join(quoted(w) for w in group) + ")" for group in query_readings(query))


def pg_tsquery(query: str) -> str:
    """A PostgreSQL to_tsquery('simple', …) text: every word, each in any of its readings, each a quoted
    lexeme (quotes doubled, backslashes escaped), so that no word is read as tsquery syntax."""
    def quoted(word: str) -> str:
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    return " & ".join("(" + " | ".join(quoted(w) for w in group) + ")" for group in query_readings(query))
