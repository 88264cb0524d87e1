"""Reading the one- and two-column word lists kept as TSV data beside the code that uses them.

A header line, then one entry per line; lines starting with "#" are comments. Words are normalised
(hadath.text.normalize) so they can be compared with normalised tokens.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from hadath.text.normalize import normalize


def _rows(package: str, path: str) -> list[list[str]]:
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@cache
def read_words(package: str, path: str) -> frozenset[str]:
    """The first column, normalised: "data/light_verbs.tsv" -> {"قام", "يقوم", …}."""
    return frozenset(normalize(row[0].strip()) for row in _rows(package, path))


@cache
def read_table(package: str, path: str) -> dict[str, str]:
    """First column (normalised) -> second column: "data/topic_words.tsv" -> {"ملف": "drop", …}."""
    return {normalize(row[0].strip()): row[1].strip() for row in _rows(package, path) if len(row) > 1}
