"""Rebuild src/hadath/ner/data/word_frequencies.tsv from the wordfreq wheel (by hand, not at run time).

`python -m hadath.ner.build_word_frequencies --wheel wordfreq-3.1.1-py3-none-any.whl` (the wheel comes
from `pip download --no-deps wordfreq==3.1.1`; it is read as a zip file, never installed or imported).

wordfreq's "large" Arabic list ranks 620,000 words by how often they occur across Wikipedia, subtitles,
news, web text and social media (data CC BY-SA 4.0, code Apache-2.0; Speer, 2022). A word's rank is
its frequency in centibels: rank r means a frequency of 10^(-r/100). What the tagger reads is the
normalised spelling of each Arabic word and its best rank, down to RANK_LIMIT (about one word in ten
million): a name is rare or absent ("كافو"), and a common noun's definite and plural forms are
frequent where a name's are not ("البنك" beside "بنك", no "الساركوزي" beside "ساركوزي").
"""

from __future__ import annotations

import argparse
import gzip
import re
import struct
import zipfile
from pathlib import Path

from hadath.text.normalize import normalize

DATA = Path(__file__).resolve().parent / "data"
OUTPUT = DATA / "word_frequencies.tsv"
MEMBER = "wordfreq/data/large_ar.msgpack.gz"
# Ranks past this are mostly typos and rare inflections; chosen on the held-out part of ANERcorp
# train (650 / 700 / 750 / all), where 700 scored best and keeps the file small.
RANK_LIMIT = 700
ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")


class _Reader:
    """The part of MessagePack that wordfreq's files use: arrays, maps, strings and small integers."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def _take(self, n: int) -> bytes:
        chunk = self.data[self.at : self.at + n]
        self.at += n
        return chunk

    def _uint(self, size: int) -> int:
        return int.from_bytes(self._take(size), "big")

    def value(self) -> object:
        head = self.data[self.at]
        self.at += 1
        if head <= 0x7F:
            return head
        if 0x80 <= head <= 0x8F:
            return self._map(head & 0x0F)
        if 0x90 <= head <= 0x9F:
            return self._array(head & 0x0F)
        if 0xA0 <= head <= 0xBF:
            return self._take(head & 0x1F).decode("utf-8")
        if head == 0xC0:
            return None
        if head in (0xD9, 0xDA, 0xDB):
            return self._take(self._uint({0xD9: 1, 0xDA: 2, 0xDB: 4}[head])).decode("utf-8")
        if head in (0xDC, 0xDD):
            return self._array(self._uint(2 if head == 0xDC else 4))
        if head in (0xDE, 0xDF):
            return self._map(self._uint(2 if head == 0xDE else 4))
        if head in (0xCC, 0xCD, 0xCE):
            return self._uint({0xCC: 1, 0xCD: 2, 0xCE: 4}[head])
        if head == 0xCB:
            return struct.unpack(">d", self._take(8))[0]
        raise ValueError(f"unexpected MessagePack byte 0x{head:02x} at {self.at - 1}")

    def _array(self, n: int) -> list[object]:
        return [self.value() for _ in range(n)]

    def _map(self, n: int) -> dict[object, object]:
        return {self.value(): self.value() for _ in range(n)}


def ranked_words(wheel: Path) -> dict[str, int]:
    """Normalised Arabic word -> its best rank (centibels below a frequency of one), up to RANK_LIMIT."""
    with zipfile.ZipFile(wheel) as archive:
        buckets = _Reader(gzip.decompress(archive.read(MEMBER))).value()
    if not isinstance(buckets, list) or not isinstance(buckets[0], dict) or buckets[0].get("format") != "cB":
        raise SystemExit(f"build_word_frequencies: {wheel} does not hold wordfreq's cB format")
    ranks: dict[str, int] = {}
    for rank, words in enumerate(buckets[1 : RANK_LIMIT + 1], 1):
        for word in words:
            if ARABIC_WORD.match(word):
                key = normalize(word)
                ranks.setdefault(key, rank)
    return ranks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.build_word_frequencies", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", type=Path, required=True, help="wordfreq-3.1.1-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="the TSV to write (default: the package's)")
    args = parser.parse_args(argv)
    if not args.wheel.is_file():
        raise SystemExit(f"build_word_frequencies: no such wheel: {args.wheel}")
    ranks = ranked_words(args.wheel)
    lines = ["# normalised word\trank in centibels (wordfreq 3.1.1 large_ar, CC BY-SA 4.0); see SOURCES.md"]
    lines += [f"{word}\t{rank}" for word, rank in sorted(ranks.items())]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(ranks)} words to {args.out}")


if __name__ == "__main__":
    main()
