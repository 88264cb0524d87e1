"""`hadath tag`: named-entity tagging of CoNLL token files or plain Arabic text.

    hadath tag --conll FILE   one token per line (first column; other columns ignored), blank line
                              between sentences -> TOKEN<TAB>TAG per line, blank lines kept, BIO tags
                              with types PER, ORG, LOC, MISC.
    hadath tag FILE           plain text -> one JSON object per entity, one per line:
                              {"text": "عباس عراقجي", "start": 27, "end": 38, "type": "PER", "score": 0.97}
                              start/end are character offsets into the text as read (end exclusive);
                              score is how sure the model is: the lowest probability it gives one of
                              the span's BIO tags (0-1), for thresholding.

FILE may be - for standard input. Both read and write as they go, so a file of any length is tagged
in bounded memory; every 30 sentences are read as one document (names repeated in it agree).
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from hadath.errors import InputError
from hadath.ner.tagger import DOC_SENTENCES, load_tagger
from hadath.sentences import split_text

# A token line has a token and a few tag or feature columns (CoNLL-U has ten); more is prose.
MAX_COLUMNS = 12
_SNIFF = 65536
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE", help="a file, or - for standard input")
    parser.add_argument("--conll", action="store_true", help="FILE is one token per line (CoNLL); write TOKEN<TAB>TAG")


def run(args: argparse.Namespace) -> int:
    name = "standard input" if args.file == "-" else args.file
    with _open_binary(args.file) as raw:
        lines = _text_lines(raw, name)
        if args.conll:
            written = tag_conll(lines, sys.stdout, name)
        else:
            written = tag_text(lines, sys.stdout)
    if written == 0:
        raise InputError(f"{name}: empty: no tokens to tag")
    return 0


def tag_conll(lines: Iterator[str], out: TextIO, name: str = "input") -> int:
    """Write TOKEN<TAB>TAG for every token line and keep every blank line; returns tokens written."""
    tagger = load_tagger()
    pending: list[list[str] | None] = []  # sentences (tokens) and blank lines (None) in input order
    sentence: list[str] = []
    sentences_pending = 0
    written = 0

    def flush() -> None:
        nonlocal written, sentences_pending
        tags = iter(tagger.tag_document([item for item in pending if item is not None]))
        for item in pending:
            if item is None:
                out.write("\n")
                continue
            out.write("".join(f"{token}\t{tag}\n" for token, tag in zip(item, next(tags), strict=True)))
            written += len(item)
        pending.clear()
        sentences_pending = 0

    for number, line in enumerate(lines, 1):
        columns = line.split()
        if columns:
            if len(columns) > MAX_COLUMNS:
                raise InputError(
                    f"{name}: line {number} has {len(columns)} columns: not one token per line "
                    "(for running text use `hadath tag FILE` without --conll)"
                )
            sentence.append(columns[0])
            continue
        if sentence:
            pending.append(sentence)
            sentence = []
            sentences_pending += 1
        pending.append(None)
        if sentences_pending >= DOC_SENTENCES:
            flush()
    if sentence:
        pending.append(sentence)
    flush()
    return written


def tag_text(lines: Iterator[str], out: TextIO) -> int:
    """Write one JSON object per entity of running text; returns the number of words read."""
    tagger = load_tagger()
    offset = 0
    words = 0
    batch: list[tuple[int, int]] = []  # sentences as offsets into `buffer`
    buffer = ""
    buffer_offset = 0

    def flush() -> None:
        for span in tagger.find_entities(buffer, batch, buffer_offset, scored=True):
            entity = {"text": span.text, "start": span.start, "end": span.end, "type": span.type, "score": span.score}
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")

    for line in lines:
        local = len(buffer)
        buffer += line
        for sentence in split_text(line):
            batch.append((sentence.start + local, sentence.end + local))
            words += len(line[sentence.start : sentence.end].split())
        offset += len(line)
        if len(batch) >= DOC_SENTENCES:
            flush()
            batch, buffer, buffer_offset = [], "", offset
    if batch:
        flush()
    return words


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        if sys.stdin is None:
            raise InputError("-: standard input is closed")
        return sys.stdin.buffer
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{path}: is a folder; give a file")
    try:
        return open(file, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def _text_lines(raw: BinaryIO, name: str) -> Iterator[str]:
    """Lines of text as they are read; UTF-8 or, where the start is not UTF-8, Windows-1256."""
    head = raw.read(_SNIFF)
    if not head.strip():
        raise InputError(f"{name}: empty file")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if any(b in _CONTROL for b in head[:8192]):
        raise InputError(f"{name}: binary file, not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "cp1256"  # Arabic text that is not UTF-8 is nearly always Windows-1256
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    number = 0
    chunk = head
    while chunk:
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid {encoding} text after line {number}") from None
        *complete, pending = pending.split("\n")
        for line in complete:
            number += 1
            yield line + "\n"
        chunk = raw.read(1 << 20)
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending
