"""NER speed: tokens per second for tagging on one core, and the time of a full training run.

    python benchmarks/ner_speed.py            # tag ANERcorp test; training time from model.json
    python benchmarks/ner_speed.py --train    # also run `python -m hadath.ner.train` and time it

Tagging runs in this one process (one core), features included, on a loaded model. Two figures,
each the best of --repeats timed passes over the file: with the word-feature caches cleared first,
so every word is featurised anew (a short text), and with them filled by the pass before (a long
stream or a 1-million-token file, where nearly every word has been seen before in the same run).
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


def tagging_speed(path: Path, repeats: int) -> tuple[int, float, float]:
    """Tokens, and the best time to tag them with every word new to the caches and in steady state."""
    sentences = [words for words, _ in load_corpus(path)]
    tokens = sum(len(s) for s in sentences)
    tagger = load_tagger()
    list(tagger.tag_sentences(sentences, DOC_SENTENCES))  # warm-up: model load
    cold = warm = float("inf")
    for _ in range(repeats):
        features.clear_word_caches()
        normalize_word.cache_clear()
        started = time.perf_counter()
        list(tagger.tag_sentences(sentences, DOC_SENTENCES))
        cold = min(cold, time.perf_counter() - started)
        started = time.perf_counter()
        list(tagger.tag_sentences(sentences, DOC_SENTENCES))
        warm = min(warm, time.perf_counter() - started)
    return tokens, cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=SHARED / "data" / "anercorp" / "test.txt")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--train", action="store_true", help="run a full training and time it")
    args = parser.parse_args()
    tokens, cold, warm = tagging_speed(args.file, args.repeats)
    for label, seconds in (("every word new", cold), ("steady state, words seen before", warm)):
        rate = tokens / seconds
        print(f"tagging ({label}): {tokens:,} tokens in {seconds:.2f} s = {rate:,.0f} tokens/s on one core "
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
