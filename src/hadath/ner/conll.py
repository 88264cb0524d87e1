"""Reading CoNLL-style files one sentence at a time, and mapping corpus tags to ours.

A token line is whitespace-separated columns, the token first; a blank line ends a sentence.
ANERcorp writes `TOKEN TAG`, Wojood `TOKEN TAG [TAG…]` (nested layers, outermost first).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from hadath.errors import InputError

TYPES = ("PER", "ORG", "LOC", "MISC")
# ANERcorp spells PER as PERS; the rest are ours already.
ANERCORP_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# Wojood's 21 types onto our four. States, places and facilities are LOC, as ANERcorp tags them;
# events, laws, products, currencies and websites are what ANERcorp calls MISC ("كأس العالم",
# "الدولار", "ويكيبيديا"); nationalities (NORP), occupations, dates, times and numbers are O in
# ANERcorp ("الفلسطينيين" O), so they are O here. The two MISC definitions still differ at the edges.
WOJOOD_TYPES = {
    "PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "CURR": "MISC", "WEBSITE": "MISC",
}
# Lines that are not tokens: Wojood's in-file document separator.
SEPARATORS = {"$#$"}


def read_sentences(lines: Iterable[str], source: str = "input") -> Iterator[list[list[str]]]:
    """Yield each sentence as a list of token rows (columns), streaming: one sentence in memory."""
    sentence: list[list[str]] = []
    for number, line in enumerate(lines, 1):
        columns = line.split()
        if not columns:
            if sentence:
                yield sentence
                sentence = []
            continue
        if "\x00" in line:
            raise InputError(f"{source}: line {number} is binary, not a CoNLL token line")
        sentence.append(columns)
    if sentence:
        yield sentence


def map_tag(tag: str, types: dict[str, str]) -> str:
    """"B-PERS" -> "B-PER" with ANERCORP_TYPES; a type not in `types` becomes O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    mapped = types.get(kind)
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def repair_bio(tags: list[str]) -> list[str]:
    """An I- that does not continue an entity of its type starts one (conlleval reads it so)."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def load_corpus(path: Path, types: dict[str, str] = ANERCORP_TYPES) -> list[tuple[list[str], list[str]]]:
    """(words, tags) per sentence, tags mapped to ours from the outermost layer (second column)."""
    corpus = []
    with open(path, encoding="utf-8") as handle:
        for sentence in read_sentences(handle, str(path)):
            rows = [row for row in sentence if row[0] not in SEPARATORS]
            if not rows:
                continue
            words = [row[0] for row in rows]
            tags = repair_bio([map_tag(row[1] if len(row) > 1 else "O", types) for row in rows])
            corpus.append((words, tags))
    return corpus
