"""The split stage: sentences as (start, end) offsets into `article.text`.

A line break always ends a sentence (headlines and datelines are lines of their own). Within a
line a sentence ends at . ؟ ? ! ؛ except:
- inside a number: "3.5", "2.000";
- after a single letter or an initial ("د. محمد", "أ. د.", "U.S.") or a listed abbreviation;
- after the number of a list item at the start of a line ("1. الرياضة: ...");
- inside quotes or brackets that close on the same line ('قال: "انتهى. ونمضي"');
- in a run of two or more dots ("..", "…"), which Arabic headlines and prose use as a pause
  ("زيارة الرئيس الإيراني إلى تركيا.. لماذا الآن؟").
Sentences are stripped of surrounding white space; pieces with no letter or digit are left out.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hadath.model import Article, Sentence

DATA = Path(__file__).parent / "clean_data"

TERMINATORS = ".؟?!؛"
OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "”"}
CLOSERS = set(OPENERS.values())
TRAILING_CLOSERS = set(CLOSERS) | {'"', "'"}
ALNUM = re.compile(r"[^\W_]")
WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)$")
MAX_NESTING = 16
LIST_NUMBER = re.compile(r"^\s*[0-9٠-٩]{1,3}$")


@cache
def abbreviations() -> frozenset[str]:
    """clean_data/abbreviations.tsv, lower case, without the final full stop."""
    found = set()
    with (DATA / "abbreviations.tsv").open(encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#") or not line.strip():
                continue
            word = line.split("\t")[0].strip()
            if word != "abbreviation":
                found.add(word.lower().rstrip("."))
    return frozenset(found)


def quoted_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) positions of quotes and brackets that close within the line."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(line):
        if char == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], i))
            else:
                stack.append((char, i))
        elif char in OPENERS:
            stack.append((char, i))
        elif char in CLOSERS:
            # Close the nearest matching opener; openers left open inside it never closed.
            # Bounded search: a page with thousands of unclosed brackets must stay linear.
            for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - MAX_NESTING), -1):
                opener = stack[depth][0]
                if opener != '"' and OPENERS[opener] == char:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return spans


def _is_abbreviation_dot(line: str, dot: int, sentence_start: int) -> bool:
    """"د." "م." "U.S." "Dr." and list numbers "1." at the start of a sentence."""
    if dot - sentence_start <= 5 and LIST_NUMBER.match(line[sentence_start:dot]):
        return True
    match = WORD_BEFORE.search(line[max(0, dot - 40) : dot])  # bounded: lines can be megabytes long
    if not match:
        return False
    word = match[1]
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1:  # a single letter: an initial or a one-letter abbreviation
        return True
    return word.lower() in abbreviations() or last.lower() in abbreviations()


def protected_positions(line: str, spans: list[tuple[int, int]]) -> bytearray:
    """1 at each position strictly inside a quote or bracket pair (a difference array: linear time)."""
    depth = [0] * (len(line) + 1)
    for start, end in spans:
        depth[start + 1] += 1
        depth[end] -= 1
    inside = bytearray(len(line))
    level = 0
    for position in range(len(line)):
        level += depth[position]
        inside[position] = level > 0
    return inside


def _is_boundary(line: str, i: int, run_end: int, inside: bytearray, sentence_start: int) -> bool:
    """Whether the terminator run line[i:run_end] ends a sentence."""
    run = line[i:run_end]
    if inside[i]:
        return False
    if run_end >= len(line):
        return True
    dots = run.count(".")
    if dots >= 2 and dots == len(run):
        return False  # ".." and "..." are pauses
    if run == ".":
        before, after = line[i - 1 : i], line[run_end : run_end + 1]
        if before.isdigit() and after.isdigit():
            return False  # "3.5", "2.000"
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            return False  # "example.com", "U.S"
        if _is_abbreviation_dot(line, i, sentence_start):
            return False
    return True


def split_line(line: str, offset: int = 0) -> list[Sentence]:
    """The sentences of one line, offsets shifted by `offset`."""
    spans = quoted_spans(line)
    inside = protected_positions(line, spans)
    openings = {start for start, _ in spans}
    sentences: list[Sentence] = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        char = line[i]
        if char in TERMINATORS or char == "…":
            run_end = i
            while run_end < n and (line[run_end] in TERMINATORS or line[run_end] == "…"):
                run_end += 1
            if "…" in line[i:run_end] and not any(c in "؟?!؛" for c in line[i:run_end]):
                i = run_end  # an ellipsis is a pause, like ".."
                continue
            if _is_boundary(line, i, run_end, inside, start):
                end = run_end
                while end < n and line[end] in TRAILING_CLOSERS and end not in openings:
                    end += 1  # a closing quote after the full stop belongs to the sentence
                _add(sentences, line, start, end, offset)
                start = end
            i = run_end
        else:
            i += 1
    _add(sentences, line, start, n, offset)
    return sentences


def _add(sentences: list[Sentence], line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped or not ALNUM.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    sentences.append(Sentence(offset + start + lead, offset + start + lead + len(stripped)))


def split_text(text: str) -> list[Sentence]:
    """Sentences of a text, line by line."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        sentences.extend(split_line(line, offset))
        offset += len(line) + 1
    return sentences


def split_sentences(article: Article) -> Article:
    """Fill `article.sentences` with offsets into `article.text`."""
    article.sentences = split_text(article.text)
    return article
