"""Words used like a lexicon entry that the lexicon does not know: candidates to READ, never to add blindly.

    .venv/bin/python scripts/lexicon_neighbours.py                       # word2vec (trained once, cached in /tmp) + clusters
    .venv/bin/python scripts/lexicon_neighbours.py --root 19 --top 15    # one root, more neighbours
    .venv/bin/python scripts/lexicon_neighbours.py --no-vectors          # the 1024-classes of word_clusters.tsv only

For the first word of every lexicon entry (its normalised base form, as `hadath.events.lexicon`
reads it: the past of a verb, the singular of a noun), two sources of distributional similarity
over Arabic Wikipedia (../shared/data/arwiki, 8.3 M tokens, CC BY-SA 4.0):

- the words sharing its 1024-class in src/hadath/ner/data/word_clusters.tsv (word2vec + k-means,
  built by hadath.ner.build_word_clusters);
- its top-k cosine neighbours in a small skip-gram word2vec trained here (gensim, workers=1, a few
  epochs, about ten minutes on one core), cached outside the repository (--model; never committed).

A neighbour is dropped when any clitic reading of it ("والهجمات" -> "الهجمات", "هجمات") is a form
the lexicon already generates or a word of not_triggers.tsv, when it is a function word (wordfreq
rank under --min-cb), or when it is shorter than three letters. Candidates that only open a phrase
of the lexicon ("عقد" in "عقد * اجتماع") are kept and marked "~". Each is printed under the CAMEO
code of the entry it was found from, commonest first (wordfreq centibels: lower is commoner), with
the entry words it neighbours and the source ("c" cluster, "v" vectors, "cv" both).

The output is a reading list: a candidate goes into the lexicon only after it was judged an
ordinary way news tells an act of that code, written as a family with its test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from hadath.events.cameo import load_cameo
from hadath.events.lexicon import entries_of, read_rows
from hadath.text.normalize import normalize
from hadath.text.tokens import clitic_readings, tokenize
from hadath.text.wordlists import read_words

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "data" / "arwiki" / "arwiki_2017_comparable.jsonl.gz"
CLUSTERS = ROOT / "src" / "hadath" / "ner" / "data" / "word_clusters.tsv"
FREQUENCIES = ROOT / "src" / "hadath" / "ner" / "data" / "word_frequencies.tsv"
MODEL = Path("/tmp/hadath_lexicon_neighbours.w2v")
SEED = 13


def corpus_lines(path: Path) -> Iterator[list[str]]:
    """Normalised word tokens of each non-empty paragraph (tokenised and normalised as the coder does)."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n"):
                words = [normalize(t.text) for t in tokenize(paragraph) if t.text[:1].isalnum()]
                words = [w for w in words if w]
                if words:
                    yield words


def train_vectors(corpus: Path, model_path: Path, epochs: int, dimensions: int, min_count: int):
    """A skip-gram word2vec on one core (the machine is shared), saved for the next run."""
    from gensim.models import Word2Vec

    started = time.perf_counter()
    sentences = list(corpus_lines(corpus))
    print(f"# read {len(sentences):,} paragraphs in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    started = time.perf_counter()
    model = Word2Vec(sentences, vector_size=dimensions, window=5, min_count=min_count, sg=1, negative=5,
                     epochs=epochs, workers=1, seed=SEED, hashfxn=lambda w: zlib.crc32(w.encode("utf-8")))
    print(f"# trained {len(model.wv):,} words in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    model.wv.save(str(model_path))
    return model.wv


def load_vectors(args: argparse.Namespace):
    from gensim.models import KeyedVectors

    if args.model.exists() and not args.retrain:
        return KeyedVectors.load(str(args.model))
    return train_vectors(args.corpus, args.model, args.epochs, args.dimensions, args.min_count)


def read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def known_forms() -> tuple[set[str], set[str]]:
    """(forms that trigger alone, first words of phrases) over every lexicon row, and not_triggers."""
    single: set[str] = set(read_words("hadath.events", "data/not_triggers.tsv"))
    heads: set[str] = set()
    for row in read_rows():
        for entry, forms in entries_of(row):
            (heads if len(entry.tokens) > 1 else single).update(forms)
    return single, heads


def stems(word: str) -> list[str]:
    return [stem for _, stem in clitic_readings(word)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", action="append", help="only entries of this CAMEO root (repeatable)")
    parser.add_argument("--top", type=int, default=10, help="vector neighbours per entry word")
    parser.add_argument("--per-code", type=int, default=40, help="candidates printed per code")
    parser.add_argument("--min-cb", type=int, default=300, help="drop words commoner than this (function words)")
    parser.add_argument("--max-cb", type=int, default=650, help="drop words rarer than this (or unknown to wordfreq)")
    parser.add_argument("--no-vectors", action="store_true", help="the word clusters only")
    parser.add_argument("--no-clusters", action="store_true", help="the vectors only")
    parser.add_argument("--max-class", type=int, default=400, help="skip 1024-classes larger than this")
    parser.add_argument("--model", type=Path, default=MODEL, help="where the trained vectors are cached")
    parser.add_argument("--retrain", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--dimensions", type=int, default=100)
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args(argv)

    ranks = {cols[0]: int(cols[1]) for cols in read_tsv(FREQUENCIES)}
    single, heads = known_forms()

    def rank(word: str) -> int:
        return min((ranks.get(s, 10_000) for s in stems(word)), default=10_000)

    def status(word: str) -> str | None:
        """None: known or not worth reading; "" a new word; "~" a phrase head only."""
        readings = stems(word)
        if any(s in single for s in readings) or len(readings[-1]) < 3:
            return None
        r = ranks.get(word, rank(word))
        if r < args.min_cb or r > args.max_cb:
            return None
        return "~" if any(s in heads for s in readings) else ""

    def canonical(word: str) -> str:
        """One spelling per word and its clitic forms: the commonest reading ("والهجمات" -> "الهجمات")."""
        return min(stems(word), key=lambda s: (ranks.get(s, 10_000), len(s)))

    classes: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    if not args.no_clusters and CLUSTERS.exists():
        for cols in read_tsv(CLUSTERS):
            if len(cols) >= 4:
                classes[cols[0]] = cols[3]
                members[cols[3]].append(cols[0])
    vectors = None if args.no_vectors else load_vectors(args)

    # entry words per code: the normalised first word of each row (the past and the present of a verb)
    words_of_code: dict[str, set[str]] = defaultdict(set)
    for row in read_rows():
        if row.cameo == "-" or (args.root and row.cameo[:2] not in args.root):
            continue
        for entry, _ in entries_of(row):
            words_of_code[row.cameo].add(entry.tokens[0])

    names = load_cameo()
    read = 0
    for code in sorted(words_of_code):
        found: dict[str, tuple[set[str], set[str]]] = {}  # candidate -> (entry words, sources)
        for word in sorted(words_of_code[code]):
            neighbours: list[tuple[str, str]] = []
            cls = classes.get(word)
            if cls is not None and len(members[cls]) <= args.max_class:
                neighbours += [(n, "c") for n in members[cls] if n != word]
            if vectors is not None and word in vectors.key_to_index:
                neighbours += [(n, "v") for n, _ in vectors.most_similar(word, topn=args.top)]
            for neighbour, source in neighbours:
                mark = status(neighbour)
                if mark is None:
                    continue
                key = mark + canonical(neighbour)
                entry_words, sources = found.setdefault(key, (set(), set()))
                entry_words.add(word)
                sources.add(source)
        if not found:
            continue
        ordered = sorted(found, key=lambda k: (-len(found[k][0]), rank(k.lstrip("~"))))[: args.per_code]
        read += len(ordered)
        print(f"\n## {code} {names[code].name if code in names else ''}")
        for key in ordered:
            entry_words, sources = found[key]
            print(f"{key}\t{rank(key.lstrip('~'))}\t{''.join(sorted(sources))}\t{' '.join(sorted(entry_words))}")
    print(f"\n# {read} candidates over {len(words_of_code)} codes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
