"""Score the committed NER model: `python -m hadath.ner.evaluate` (or `make eval-ner`).

Prints conlleval-style precision/recall/F1 per type and micro over all entities (an entity counts
when its type and exact token span agree) on ANERcorp test, and on the Wojood sample with
Wojood's 21 types mapped to ours (hadath.ner.conll.WOJOOD_TYPES: PERS->PER, ORG->ORG,
GPE/LOC/FAC->LOC, EVENT/LAW/PRODUCT/CURR/WEBSITE->MISC, the rest O; nested layers: the outermost).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hadath.ner.conll import ANERCORP_TYPES, WOJOOD_TYPES, load_corpus
from hadath.ner.scoring import Score, format_table, score, score_overlap
from hadath.ner.tagger import DOC_SENTENCES, NerTagger, load_tagger

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
ANERCORP_TEST = SHARED / "data" / "anercorp" / "test.txt"
WOJOOD_FILES = [SHARED / "data" / "wojood_sample" / name for name in ("train.txt", "val.txt", "test.txt")]


def tag_corpus(corpus: list[tuple[list[str], list[str]]], tagger: NerTagger | None = None) -> list[list[str]]:
    """Tags for `corpus` in documents of DOC_SENTENCES sentences, as `hadath tag --conll` reads it."""
    tagger = tagger or load_tagger()
    return list(tagger.tag_sentences([words for words, _ in corpus], DOC_SENTENCES))


def evaluate_corpus(corpus: list[tuple[list[str], list[str]]], tagger: NerTagger | None = None) -> dict[str, Score]:
    return score([tags for _, tags in corpus], tag_corpus(corpus, tagger))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--anercorp", type=Path, default=ANERCORP_TEST, help="ANERcorp test file")
    parser.add_argument("--wojood", type=Path, nargs="*", default=WOJOOD_FILES, help="Wojood sample files")
    args = parser.parse_args(argv)
    missing = [str(p) for p in [args.anercorp, *args.wojood] if not p.is_file()]
    if missing:
        print("eval-ner: not found: " + ", ".join(missing), file=sys.stderr)
        return 1
    corpus = load_corpus(args.anercorp, ANERCORP_TYPES)
    started = time.perf_counter()
    scores = evaluate_corpus(corpus)
    seconds = time.perf_counter() - started
    tokens = sum(len(w) for w, _ in corpus)
    print(format_table(scores, f"ANERcorp test ({args.anercorp.name}: {len(corpus)} sentences, {tokens} tokens)"))
    print(f"micro F1 {scores['micro'].f1:.4f}   ({tokens / seconds:,.0f} tokens/s including feature extraction)")
    if args.wojood:
        wojood = [s for path in args.wojood for s in load_corpus(path, WOJOOD_TYPES)]
        gold = [tags for _, tags in wojood]
        predicted = tag_corpus(wojood)
        w_scores = score(gold, predicted)
        lenient = score_overlap(gold, predicted)
        print()
        print(format_table(w_scores, f"Wojood sample ({len(wojood)} sentences; 21 types mapped to PER/ORG/LOC/MISC)"))
        print(f"micro F1 {w_scores['micro'].f1:.4f}   (MISC is defined differently in the two corpora)")
        print(f"overlap micro F1 {lenient.f1:.4f} (P {lenient.precision:.2%}, R {lenient.recall:.2%}): a span counts "
              "when it overlaps a gold span of its type; Wojood's spans include the cue word (\"قرية المجدل\")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
