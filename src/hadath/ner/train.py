"""Train the NER model: `python -m hadath.ner.train` (or `make train-ner`).

Two CRF passes (see tagger.py). The second pass learns from first-pass tags that must look like
those it will see on new text, so on the training corpus they come from a 4-fold jackknife: each
fold tagged by a first-pass model trained on the other three.

Model selection is on the last sixth of ANERcorp train (the test split is never looked at): each
candidate (c1, c2) is trained on the first five sixths and scored there; the best is retrained on
all of train and written to src/hadath/ner/pass1.crfsuite and pass2.crfsuite, with a log of what
was done beside them (model.json: parameters, held-out scores, training time).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path

import pycrfsuite

from hadath.ner import features
from hadath.ner.conll import load_corpus
from hadath.ner.features import document_features, first_pass_features
from hadath.ner.scoring import score
from hadath.ner.tagger import DOC_SENTENCES, FIRST_PASS_MODEL, SECOND_PASS_MODEL, NerTagger

HERE = Path(__file__).resolve().parent
LOG_PATH = HERE / "model.json"
SHARED = HERE.parents[2] / ".." / "shared"
TRAIN_FILE = SHARED / "data" / "anercorp" / "train.txt"
SEED = 13
FOLDS = 4
# (c1, c2) tried on the held-out tail: L1 keeps the model small, L2 smooths rare features.
GRID = [(0.05, 0.01), (0.05, 0.05)]
MAX_ITERATIONS = 200

Corpus = Sequence[tuple[list[str], list[str]]]


def fit(features: Sequence[list[list[str]]], tags: Sequence[list[str]], model_path: Path, c1: float, c2: float) -> None:
    """Train a linear-chain CRF (L-BFGS) and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(features, tags, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS, "feature.possible_transitions": True}
    )
    trainer.train(str(model_path))


def documents(corpus: Corpus) -> list[Corpus]:
    """Consecutive runs of DOC_SENTENCES sentences, as the tagger reads a CoNLL file."""
    return [corpus[i : i + DOC_SENTENCES] for i in range(0, len(corpus), DOC_SENTENCES)]


def first_pass_rows(corpus: Corpus) -> list[list[list[str]]]:
    """First-pass features of each sentence, read by documents as the tagger reads them."""
    return [feats for doc in documents(corpus) for feats in first_pass_features([words for words, _ in doc])]


def second_pass_features(corpus: Corpus, first_pass: Sequence[list[str]]) -> list[list[list[str]]]:
    feats: list[list[list[str]]] = []
    i = 0
    for doc in documents(corpus):
        feats.extend(document_features([words for words, _ in doc], first_pass[i : i + len(doc)]))
        i += len(doc)
    return feats


def _fit_first_pass(corpus: Corpus, path: Path, c1: float, c2: float) -> None:
    fit(first_pass_rows(corpus), [t for _, t in corpus], path, c1, c2)


def _first_pass_job(job: tuple[Corpus, Corpus, float, float]) -> list[list[str]]:
    """Train a first pass on one part, tag another (a worker process)."""
    train_part, tag_part, c1, c2 = job
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pass1.crfsuite"
        fit(first_pass_rows(train_part), [t for _, t in train_part], path, c1, c2)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return [tagger.tag(feats) for feats in first_pass_rows(tag_part)]


def train_two_pass(corpus: Corpus, out_dir: Path, c1: float, c2: float, workers: int = 2) -> None:
    """Write pass1.crfsuite and pass2.crfsuite trained on `corpus` into `out_dir`."""
    n = len(corpus)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    jobs = [
        (list(corpus[: bounds[k]]) + list(corpus[bounds[k + 1] :]), corpus[bounds[k] : bounds[k + 1]], c1, c2)
        for k in range(FOLDS)
    ]
    with Pool(workers) as pool:
        folds = pool.map(_first_pass_job, jobs)
        jackknifed = [tags for fold in folds for tags in fold]
        first = pool.apply_async(_fit_first_pass, (corpus, out_dir / FIRST_PASS_MODEL.name, c1, c2))
        fit(second_pass_features(corpus, jackknifed), [t for _, t in corpus], out_dir / SECOND_PASS_MODEL.name, c1, c2)
        first.get()


def evaluate_two_pass(model_dir: Path, corpus: Corpus) -> float:
    tagger = NerTagger(model_dir / FIRST_PASS_MODEL.name, model_dir / SECOND_PASS_MODEL.name)
    predicted = [tags for doc in documents(corpus) for tags in tagger.tag_document([w for w, _ in doc])]
    return score([t for _, t in corpus], predicted)["micro"].f1


def held_out_split(corpus: Corpus) -> tuple[Corpus, Corpus]:
    """First five sixths to fit, last sixth to choose on (sequential, as the official split is)."""
    cut = len(corpus) * 5 // 6
    return corpus[:cut], corpus[cut:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=TRAIN_FILE, help="CoNLL training file (ANERcorp train)")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write pass1/pass2.crfsuite to")
    parser.add_argument("--no-select", action="store_true", help="skip the grid; use the first (c1, c2)")
    args = parser.parse_args(argv)
    if not args.train.is_file():
        print(f"train-ner: training file not found: {args.train}", file=sys.stderr)
        return 1
    random.seed(SEED)  # L-BFGS is deterministic; the seed pins anything else that samples
    started = time.perf_counter()
    corpus = load_corpus(args.train)
    fit_part, held_out = held_out_split(corpus)
    trials = []
    for c1, c2 in GRID[:1] if args.no_select else GRID:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            train_two_pass(fit_part, Path(tmp), c1, c2)
            f1 = evaluate_two_pass(Path(tmp), held_out)
        trials.append({"c1": c1, "c2": c2, "held_out_f1": round(f1, 4), "seconds": round(time.perf_counter() - t0, 1)})
        print(f"c1={c1} c2={c2}: held-out micro F1 {f1:.4f} ({trials[-1]['seconds']} s)", flush=True)
    best = max(trials, key=lambda t: t["held_out_f1"])
    t0 = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    train_two_pass(corpus, args.out, best["c1"], best["c2"])
    final_seconds = time.perf_counter() - t0
    total_seconds = time.perf_counter() - started
    log = {
        "data": "ANERcorp (CAMeL Lab split) train.txt, CC BY-SA 4.0",
        "word_classes": f"data/word_clusters.tsv ({len(features.lexicon().classes)} words; groups: "
                        f"{', '.join(sorted(features.CLUSTER_GROUPS))})",
        "sentences": len(corpus),
        "tokens": sum(len(words) for words, _ in corpus),
        "seed": SEED,
        "folds": FOLDS,
        "doc_sentences": DOC_SENTENCES,
        "max_iterations": MAX_ITERATIONS,
        "selection": trials,
        "chosen": {"c1": best["c1"], "c2": best["c2"]},
        "final_fit_seconds": round(final_seconds, 1),
        "total_seconds": round(total_seconds, 1),
    }
    if args.out.resolve() == HERE:
        LOG_PATH.write_text(json.dumps(log, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out / FIRST_PASS_MODEL.name} and {SECOND_PASS_MODEL.name} "
          f"(c1={best['c1']} c2={best['c2']}); full run {total_seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
