"""Pinned quality of the committed NER model: nothing is trained here, the model file is loaded.

- ANERcorp test micro F1 (conlleval rules) must not fall below FLOOR.
- On the ../shared/samples and news_dev gold (entities match on type and overlapping normalised
  text, as `hadath evaluate` matches them), the NER stage must not lower entity recall, must find
  people the actor dictionary lacks, and alone must find most gold people.
"""

from __future__ import annotations

from datetime import date

import pytest

from hadath.evaluate import load_gold, texts_overlap
from hadath.model import Article
from hadath.ner.conll import load_corpus
from hadath.ner.evaluate import evaluate_corpus
from hadath.ner.stage import tag_entities

# Measured at 0.7575 with the word classes of issue 16 (0.7501 before them; see src/hadath/ner/README.md);
# the goals of 0.78 (issue 16) and 0.82 (the first NER issue) are not reached yet.
FLOOR = 0.752


@pytest.mark.slow
def test_anercorp_test_micro_f1_does_not_fall_below_the_floor(shared):
    corpus = load_corpus(shared / "data" / "anercorp" / "test.txt")
    scores = evaluate_corpus(corpus)
    assert scores["micro"].gold == 2285  # the CAMeL split, read in full
    assert scores["micro"].f1 >= FLOOR, f"micro F1 {scores['micro'].f1:.4f} < {FLOOR}"


def _recall(gold_entities: list[dict], entities: list) -> set[int]:
    """Indices of gold entities matched by some entity: same type, overlapping normalised text."""
    return {
        i for i, g in enumerate(gold_entities)
        if any(e.type == g["type"] and texts_overlap(g["text"], e.text) for e in entities)
    }


def _split(article: Article) -> Article:
    from hadath.clean import clean
    from hadath.sentences import split_sentences

    return split_sentences(clean(article))


def _gold_articles(shared, name: str):
    """(gold, article) pairs of a gold folder: samples (NAME.txt) or a data set's input.jsonl."""
    from hadath.read import article_from_text, read_jsonl

    if name == "samples":
        gold = load_gold(shared / "samples" / "gold")
        for stem, g in gold.items():
            published = date.fromisoformat(g.published) if g.published else None
            path = shared / "samples" / f"{stem}.txt"
            yield g, article_from_text(path.read_text(encoding="utf-8"), str(path), published)
        return
    gold = load_gold(shared / "data" / name / "gold")
    for article in read_jsonl(shared / "data" / name / "input.jsonl"):
        yield gold[article.source], article


@pytest.mark.slow
@pytest.mark.parametrize("name", ["samples", "news_dev"])
def test_ner_never_loses_an_entity_the_dictionary_found(shared, name):
    from hadath.actors.stage import tag_actors

    found_before = found_after = 0
    for gold, article in _gold_articles(shared, name):
        article = tag_actors(_split(article))
        before = _recall(gold.entities, article.entities)
        after = _recall(gold.entities, tag_entities(article).entities)
        assert before <= after, f"{article.source}: NER lost {[gold.entities[i] for i in before - after]}"
        found_before += len(before)
        found_after += len(after)
    assert found_after >= found_before


@pytest.mark.slow
def test_ner_adds_people_the_dictionary_lacks(shared):
    """On news_dev (24 articles, 44 gold PER) the dictionary misses people the model finds
    (measured: 5 of them, e.g. a spokesman named once); on the samples it already has them all."""
    from hadath.actors.stage import tag_actors

    new_people = []
    for gold, article in _gold_articles(shared, "news_dev"):
        article = tag_actors(_split(article))
        before = _recall(gold.entities, article.entities)
        after = _recall(gold.entities, tag_entities(article).entities)
        new_people += [gold.entities[i]["text"] for i in after - before if gold.entities[i]["type"] == "PER"]
    assert len(new_people) >= 3, new_people


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), [("news_dev", 0.85), ("samples", 0.8)])
def test_model_alone_finds_most_gold_people(shared, name, floor):
    """Without the dictionary: PER recall of the model alone (measured 41/44 on news_dev)."""
    found = total = 0
    for gold, article in _gold_articles(shared, name):
        people = [e for e in gold.entities if e["type"] == "PER"]
        found += len(_recall(people, tag_entities(_split(article)).entities))
        total += len(people)
    assert found / total >= floor, f"{found}/{total}"
