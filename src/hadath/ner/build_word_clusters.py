"""Build src/hadath/ner/data/word_clusters.tsv from running Arabic text (by hand, never at run time).

    pip install -e '.[ner-build]'      # gensim (LGPL-2.1) and scikit-learn (BSD), build time only
    python -m hadath.ner.build_word_clusters --corpus ../shared/data/arwiki/arwiki_2017_comparable.jsonl.gz

Distributional word classes: words used in the same contexts fall in the same class ("ساركوزي" with
other surnames of statesmen, "المولودية" with other clubs), so the tagger can read a name it never
saw in training through the names it did see. The corpus (Arabic Wikipedia, 8.3 M tokens, CC BY-SA
4.0) is read in place; only the class file is written.

1. Each article's text is split into lines and tokenised as the tagger tokenises
   (`hadath.text.tokens.tokenize`), each token normalised as the tagger normalises it
   (`hadath.text.normalize.normalize`: alef, ya, teh marbuta, hamza seats, digits, no diacritics);
   punctuation is dropped. Clitics stay on the word: the tagger looks its classes up under the
   word and under each clitic reading ("والعراق", "العراق", "عراق").
2. word2vec (gensim, skip-gram, 100 dimensions, window 2, 5 epochs, words seen at least
   MIN_COUNT times), seeded, with a seeding hash that does not depend on PYTHONHASHSEED.
3. k-means (scikit-learn) over the unit-length vectors at each granularity of GRANULARITIES, seeded.

Output: one line per word, `word<TAB>class at 64<TAB>at 256<TAB>at 1024`, commonest word first.
With `--workers 1` (the default) the same corpus and versions give the same file; more workers train
word2vec faster but in a nondeterministic order.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

DATA = Path(__file__).resolve().parent / "data"
OUTPUT = DATA / "word_clusters.tsv"
CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "arwiki" / "arwiki_2017_comparable.jsonl.gz"
GRANULARITIES = (64, 256, 1024)
MIN_COUNT = 5
SEED = 13
DIMENSIONS = 100
WINDOW = 2  # a narrow window makes classes of words used alike, not of words on one topic
EPOCHS = 5


def corpus_lines(path: Path) -> Iterator[list[str]]:
    """Normalised word tokens of each non-empty line of each article (one JSON object per line)."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            for paragraph in text.split("\n"):
                words = [normalize(t.text) for t in tokenize(paragraph) if t.text[:1].isalnum() or t.text[:1] == "_"]
                words = [w for w in words if w]
                if words:
                    yield words


def stable_hash(text: str) -> int:
    """The seed of a word's initial vector: CRC-32, the same in every process (Python's `hash` is not)."""
    return zlib.crc32(text.encode("utf-8"))


def build(corpus: Path, workers: int = 1, sizes: tuple[int, ...] = GRANULARITIES, min_count: int = MIN_COUNT,
          window: int = WINDOW) -> tuple[list[str], dict[int, list[int]], dict[str, float]]:
    """(words commonest first, {granularity: class of each word}, timings in seconds)."""
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans

    timings: dict[str, float] = {}
    started = time.perf_counter()
    sentences = list(corpus_lines(corpus))
    timings["read"] = time.perf_counter() - started
    tokens = sum(len(s) for s in sentences)
    print(f"read {len(sentences):,} lines, {tokens:,} tokens in {timings['read']:.0f} s", flush=True)
    started = time.perf_counter()
    model = Word2Vec(
        sentences, vector_size=DIMENSIONS, window=window, min_count=min_count, sg=1, negative=5,
        epochs=EPOCHS, workers=workers, seed=SEED, hashfxn=stable_hash, sorted_vocab=1,
    )
    timings["word2vec"] = time.perf_counter() - started
    words = list(model.wv.index_to_key)  # commonest first
    print(f"word2vec: {len(words):,} words seen {min_count}+ times, {timings['word2vec']:.0f} s", flush=True)
    vectors = model.wv.get_normed_vectors()
    classes: dict[int, list[int]] = {}
    for k in sizes:
        started = time.perf_counter()
        kmeans = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=SEED).fit(vectors)
        classes[k] = [int(c) for c in kmeans.labels_]
        timings[f"kmeans-{k}"] = time.perf_counter() - started
        print(f"k-means {k}: {timings[f'kmeans-{k}']:.0f} s", flush=True)
    return words, classes, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.build_word_clusters", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="arwiki_2017_comparable.jsonl.gz")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="the TSV to write (default: the package's)")
    parser.add_argument("--workers", type=int, default=1, choices=(1, 2),
                        help="word2vec threads (1: reproducible; the machine is shared, so 2 at most)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(GRANULARITIES),
                        help="numbers of classes, one column each (default: %(default)s, what the tagger reads)")
    parser.add_argument("--window", type=int, default=WINDOW, help="word2vec context window (default: %(default)s)")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="keep words seen this often (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"build_word_clusters: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    # k-means' BLAS and OpenMP threads: as many as word2vec's workers, no more.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, str(args.workers))
    try:
        started = time.perf_counter()
        words, classes, _ = build(args.corpus, args.workers, tuple(args.sizes), args.min_count, args.window)
    except ImportError as error:
        print(f"build_word_clusters: {error.name} is needed: pip install -e '.[ner-build]'", file=sys.stderr)
        return 1
    header = "\t".join(f"class of {k}" for k in args.sizes)
    lines = [
        f"# normalised word\t{header} (word2vec + k-means over Arabic Wikipedia, CC BY-SA 4.0); see SOURCES.md",
    ]
    lines += [word + "\t" + "\t".join(str(classes[k][i]) for k in args.sizes) for i, word in enumerate(words)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words):,} words to {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
