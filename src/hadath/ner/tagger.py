"""The trained NER tagger: two CRF passes over a document of tokenised sentences.

The first pass tags each sentence alone; the second sees the first pass's tags for the sentence and
for every other mention of the same word in the document, so a name tagged PER twice is PER the
third time too. Models are loaded once, lazily (`load_tagger`), never at import.

    >>> load_tagger().tag_document([["قال", "الرئيس", "اللبناني", "إميل", "لحود"]])
    [['O', 'O', 'O', 'B-PER', 'I-PER']]
"""

from __future__ import annotations

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
    """An entity found by the tagger: characters [start, end) of the text it was given."""

    text: str
    start: int
    end: int
    type: str


class NerTagger:
    def __init__(self, first_pass: Path = FIRST_PASS_MODEL, second_pass: Path | None = SECOND_PASS_MODEL) -> None:
        self._first = _open(first_pass)
        self._second = _open(second_pass) if second_pass is not None and second_pass.is_file() else None

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each word of each sentence; the sentences are read as one document."""
        split = [_pieces(words) for words in sentences]
        pieces = [piece for parts in split for piece in parts]
        base = first_pass_features(pieces)
        first = [self._first.tag(feats) if feats else [] for feats in base]
        if self._second is None:
            tags = first
        else:
            feats = document_features(pieces, first, base)
            tags = [self._second.tag(f) if f else [] for f in feats]
        tags = [repair_bio(t) for t in tags]
        # Put the pieces of overlong sentences back together.
        out: list[list[str]] = []
        i = 0
        for parts in split:
            joined = [tag for piece_tags in tags[i : i + len(parts)] for tag in piece_tags]
            out.append(repair_bio(joined) if len(parts) > 1 else joined)
            i += len(parts)
        return out

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

    def find_entities(self, text: str, sentences: Sequence[tuple[int, int]], offset: int = 0) -> list[TaggedSpan]:
        """Entities in `text`, given its sentences as (start, end) character offsets; one document."""
        tokenised = [tokenize(text[start:end], start) for start, end in sentences]
        tags = self.tag_document([[t.text for t in tokens] for tokens in tokenised])
        spans = []
        for tokens, sentence_tags in zip(tokenised, tags, strict=True):
            for first, last, kind in bio_spans(sentence_tags):
                start, end = tokens[first].start, tokens[last - 1].end
                spans.append(TaggedSpan(text[start:end], start + offset, end + offset, kind))
        return spans


def _open(path: Path) -> pycrfsuite.Tagger:
    if not path.is_file():
        raise HadathError(f"NER model not found: {path} (run `make train-ner`)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _pieces(words: Sequence[str]) -> list[Sequence[str]]:
    if len(words) <= MAX_SENTENCE_TOKENS:
        return [words]
    return [words[i : i + MAX_SENTENCE_TOKENS] for i in range(0, len(words), MAX_SENTENCE_TOKENS)]


@cache
def load_tagger() -> NerTagger:
    """The committed model, opened on first use."""
    return NerTagger()
