"""The trained NER tagger: two CRF passes over a document of tokenised sentences.

The first pass tags each sentence alone; the second sees the first pass's tags for the sentence and
for every other mention of the same word in the document, so a name tagged PER twice is PER the
third time too. Models are loaded once, lazily (`load_tagger`), never at import.

    >>> load_tagger().tag_document([["قال", "الرئيس", "اللبناني", "إميل", "لحود"]])
    [['O', 'O', 'O', 'B-PER', 'I-PER']]
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from hadath.errors import HadathError
from hadath.ner.conll import repair_bio
from hadath.ner.features import document_features, first_pass_features
from hadath.ner.scoring import bio_spans
from hadath.text.tokens import tokenize

HERE = Path(__file__).resolve().parent
FIRST_PASS_MODEL = HERE / "pass1.crfsuite"
SECOND_PASS_MODEL = HERE / "pass2.crfsuite"
# A CoNLL file has no document breaks: this many consecutive sentences are taken as one document
# (ANERcorp stories run 10-40 sentences); training cuts its corpus the same way.
DOC_SENTENCES = 30
# Longer "sentences" (a file with no blank lines) are tagged in pieces of this many tokens.
MAX_SENTENCE_TOKENS = 400


@dataclass(frozen=True)
class TaggedSpan:
    """An entity found by the tagger: characters [start, end) of the text it was given, and how
    sure the model is of it: the lowest probability it gives any of the span's tags (None where
    scores were not asked for)."""

    text: str
    start: int
    end: int
    type: str
    score: float | None = None


class NerTagger:
    def __init__(self, first_pass: Path = FIRST_PASS_MODEL, second_pass: Path | None = SECOND_PASS_MODEL) -> None:
        self._first = _open(first_pass)
        self._second = _open(second_pass) if second_pass is not None and second_pass.is_file() else None
        # Features no model has weights for change no tag (CRFsuite drops them when it reads a
        # sentence); most words and bigrams of news are such, so they are not passed to it.
        models = [self._first] if self._second is None else [self._first, self._second]
        self._known: frozenset[str] | None = _known_attributes(models)

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each word of each sentence; the sentences are read as one document."""
        return self._tag(sentences, scored=False)[0]

    def _tag(self, sentences: Sequence[Sequence[str]], scored: bool) -> tuple[list[list[str]], list[list[float]]]:
        """BIO tags, and with `scored` for each word the probability the deciding pass gives its tag."""
        split = [_pieces(words) for words in sentences]
        pieces = [piece for parts in split for piece in parts]
        base = first_pass_features(pieces, keep=self._known)
        tags = [self._first.tag(feats) if feats else [] for feats in base]
        last, decided = self._first, base  # the pass whose tags stand, and the features it read
        if self._second is not None:
            last, decided = self._second, document_features(pieces, tags, base)
            tags = [self._second.tag(f) if f else [] for f in decided]
        tags = [repair_bio(t) for t in tags]
        probabilities: list[list[float]] = []
        if scored:
            for piece_feats, piece_tags in zip(decided, tags, strict=True):
                if any(tag != "O" for tag in piece_tags):  # only entities' tags are scored
                    last.set(piece_feats)
                    probabilities.append([last.marginal(tag, t) if tag != "O" else 1.0 for t, tag in enumerate(piece_tags)])
                else:
                    probabilities.append([1.0] * len(piece_tags))
        # Put the pieces of overlong sentences back together.
        out: list[list[str]] = []
        out_probabilities: list[list[float]] = []
        i = 0
        for parts in split:
            joined = [tag for piece_tags in tags[i : i + len(parts)] for tag in piece_tags]
            out.append(repair_bio(joined) if len(parts) > 1 else joined)
            if scored:
                out_probabilities.append([p for piece in probabilities[i : i + len(parts)] for p in piece])
            i += len(parts)
        return out, out_probabilities

    def tag_sentences(self, sentences: Iterable[Sequence[str]], doc_size: int = DOC_SENTENCES) -> Iterator[list[str]]:
        """Stream of tags for a stream of sentences, `doc_size` sentences held at a time."""
        batch: list[Sequence[str]] = []
        for words in sentences:
            batch.append(words)
            if len(batch) >= doc_size:
                yield from self.tag_document(batch)
                batch = []
        if batch:
            yield from self.tag_document(batch)

    def find_entities(self, text: str, sentences: Sequence[tuple[int, int]], offset: int = 0,
                      scored: bool = False) -> list[TaggedSpan]:
        """Entities in `text`, given its sentences as (start, end) character offsets; one document.
        With `scored`, each span carries the lowest probability the model gives one of its tags."""
        tokenised = [tokenize(text[start:end], start) for start, end in sentences]
        tags, probabilities = self._tag([[t.text for t in tokens] for tokens in tokenised], scored)
        spans = []
        for index, (tokens, sentence_tags) in enumerate(zip(tokenised, tags, strict=True)):
            for first, last, kind in bio_spans(sentence_tags):
                start, end = tokens[first].start, tokens[last - 1].end
                score = round(min(probabilities[index][first:last]), 3) if scored else None
                spans.append(TaggedSpan(text[start:end], start + offset, end + offset, kind, score))
        return spans


def _open(path: Path) -> pycrfsuite.Tagger:
    if not path.is_file():
        raise HadathError(f"NER model not found: {path} (run `make train-ner`)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _known_attributes(models: Sequence[pycrfsuite.Tagger]) -> frozenset[str] | None:
    """The attributes (feature strings) the models have weights for, read from CRFsuite's dump of
    each; None (nothing dropped) when a dump does not list as many as its header says it has."""
    known: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        for number, model in enumerate(models):
            path = os.path.join(folder, f"model{number}.txt")
            model.dump(path)
            with open(path, encoding="utf-8", newline="\n") as handle:
                dump = handle.read()
            header = re.search(r"^ *num_attrs: (\d+)$", dump, re.MULTILINE)
            section = dump.split("\nATTRIBUTES = {\n", 1)
            if header is None or len(section) != 2:
                return None
            lines = section[1].split("\n}\n", 1)[0].split("\n") if not section[1].startswith("}") else []
            attributes = [line.split(": ", 1)[1] for line in lines]
            if len(attributes) != int(header.group(1)):
                return None
            known.update(attributes)
    return frozenset(known)


def _pieces(words: Sequence[str]) -> list[Sequence[str]]:
    if len(words) <= MAX_SENTENCE_TOKENS:
        return [words]
    return [words[i : i + MAX_SENTENCE_TOKENS] for i in range(0, len(words), MAX_SENTENCE_TOKENS)]


@cache
def load_tagger() -> NerTagger:
    """The committed model, opened on first use."""
    return NerTagger()
