"""NER speed: tokens per second for tagging on one core, and the time of a full training run.

    python benchmarks/ner_speed.py            # tag ANERcorp test; training time from model.json
    python benchmarks/ner_speed.py --train    # also run `python -m hadath.ner.train` and time it

Tagging runs in this one process (one core), features included, on a warm model: the first pass
over the file loads the model and fills the word-feature caches; the figure is the best of the
timed passes that follow, each with the caches cleared so every word is featurised anew.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from hadath.ner import features
from hadath.ner.conll import load_corpus
from hadath.ner.tagger import DOC_SENTENCES, load_tagger
from hadath.ner.train import LOG_PATH
from hadath.text.normalize import normalize_word

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TARGET = 20_000


def tagging_speed(path: Path, repeats: int) -> tuple[int, float]:
    sentences = [words for words, _ in load_corpus(path)]
    tokens = sum(len(s) for s in sentences)
    tagger = load_tagger()
    list(tagger.tag_sentences(sentences, DOC_SENTENCES))  # warm-up: model load
    best = float("inf")
    for _ in range(repeats):
        for cached in (features.word_features, features.stems, features._context_view,
                       features.name_kinds, normalize_word, features.entity_key):
            cached.cache_clear()
        started = time.perf_counter()
        list(tagger.tag_sentences(sentences, DOC_SENTENCES))
        best = min(best, time.perf_counter() - started)
    return tokens, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=SHARED / "data" / "anercorp" / "test.txt")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--train", action="store_true", help="run a full training and time it")
    args = parser.parse_args()
    tokens, seconds = tagging_speed(args.file, args.repeats)
    rate = tokens / seconds
    print(f"tagging: {tokens:,} tokens in {seconds:.2f} s = {rate:,.0f} tokens/s on one core "
          f"(target {TARGET:,}: {'met' if rate >= TARGET else 'NOT met'})")
    if args.train:
        out = Path("/tmp/hadath-ner-bench-model")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hadath.ner.train", "--out", str(out)], check=True)
        print(f"training: full run {time.perf_counter() - started:.0f} s (2 worker processes)")
    elif LOG_PATH.is_file():
        log = json.loads(LOG_PATH.read_text(encoding="utf-8"))
        print(f"training: full run {log['total_seconds']:.0f} s, of which the final fit {log['final_fit_seconds']:.0f} s "
              f"(from {LOG_PATH.name}; --train to time it again)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
