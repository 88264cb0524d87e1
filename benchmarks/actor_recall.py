"""Entity recall of the actor stage alone, by type, with key accuracy and the misses.

Runs clean -> tag_actors on ../shared/samples and ../shared/data/news_dev and scores the entities
by the rule of `hadath evaluate` (same type, overlapping normalised text; key of the closest match).
PER recall depends on the people table and the NER model: it is reported, not pinned.

    .venv/bin/python benchmarks/actor_recall.py [--misses] [--speed]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from hadath.actors.stage import tag_actors
from hadath.clean import clean
from hadath.evaluate import gold_name_of, matching_form, shared_words, texts_overlap
from hadath.model import Article
from hadath.read import read_file, read_jsonl

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {
    "samples": (SHARED / "samples", SHARED / "samples" / "gold"),
    "news_dev": (SHARED / "data" / "news_dev" / "input.jsonl", SHARED / "data" / "news_dev" / "gold"),
}


def read_set(source: Path) -> list[Article]:
    if source.is_dir():
        return [a for path in sorted(source.glob("*.txt")) for a in read_file(path)]
    return list(read_jsonl(source))


def tagged_articles(source: Path) -> list[Article]:
    return [tag_actors(clean(article)) for article in read_set(source)]


def score(articles: list[Article], gold_dir: Path) -> tuple[Counter, Counter, Counter, list[str]]:
    """(gold by type, found by type, key agreement by type, misses) over the gold entities."""
    gold_files = {p.stem: p for p in gold_dir.glob("*.json")}
    gold_by_type: Counter = Counter()
    found: Counter = Counter()
    key_agree: Counter = Counter()
    misses: list[str] = []
    for article in articles:
        name = gold_name_of(article.source, gold_files)
        if name is None:
            continue
        gold = json.loads(gold_files[name].read_text(encoding="utf-8"))
        for entity in gold.get("entities", []):
            kind, text = entity["type"], entity["text"]
            gold_by_type[kind] += 1
            best = None
            for predicted in article.entities:
                if predicted.type != kind or not texts_overlap(text, predicted.text):
                    continue
                closeness = 1000 if matching_form(predicted.text) == matching_form(text) else shared_words(text, predicted.text)
                if best is None or closeness > best[0]:
                    best = (closeness, predicted)
            if best is None:
                misses.append(f"{name}: {kind} {text} ({entity.get('key')})")
                continue
            found[kind] += 1
            if best[1].key == entity.get("key"):
                key_agree[kind] += 1
            else:
                misses.append(f"{name}: key {kind} {text}: gold {entity.get('key')}, predicted {best[1].key}")
    return gold_by_type, found, key_agree, misses


def recall_figures(set_name: str) -> dict[str, tuple[int, int, int]]:
    """type -> (gold, found, key agreeing), plus "LOC+ORG" and "all"."""
    source, gold_dir = SETS[set_name]
    gold, found, keys, _ = score(tagged_articles(source), gold_dir)
    figures = {t: (gold[t], found[t], keys[t]) for t in sorted(gold)}
    for label, types in (("LOC+ORG", ("LOC", "ORG")), ("all", tuple(gold))):
        figures[label] = tuple(sum(figures[t][i] for t in types if t in figures) for i in range(3))  # type: ignore[assignment]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed gold entities and wrong keys")
    parser.add_argument("--speed", action="store_true", help="time the stage on the news_dev sentences")
    args = parser.parse_args()
    for set_name, (source, gold_dir) in SETS.items():
        if not source.exists():
            print(f"{set_name}: {source} is missing", file=sys.stderr)
            return 1
        articles = tagged_articles(source)
        gold, found, keys, misses = score(articles, gold_dir)
        print(f"{set_name}: {len(articles)} articles")
        rows = [(t, gold[t], found[t], keys[t]) for t in sorted(gold)]
        rows.append(("LOC+ORG", gold["LOC"] + gold["ORG"], found["LOC"] + found["ORG"], keys["LOC"] + keys["ORG"]))
        rows.append(("all", sum(gold.values()), sum(found.values()), sum(keys.values())))
        for label, g, f, k in rows:
            recall = f / g if g else 0.0
            key_acc = k / f if f else 0.0
            print(f"  {label:8} gold {g:4}  found {f:4}  recall {recall:.3f}  key accuracy {key_acc:.3f}")
        if args.misses:
            for miss in misses:
                print("    miss", miss)
    if args.speed:
        from hadath.actors import get_dictionary
        from hadath.sentences import split_sentences

        articles = [clean(a) for a in read_set(SETS["news_dev"][0]) + read_set(SETS["samples"][0])]
        sentences = sum(len(split_sentences(Article(text=a.text)).sentences) for a in articles)
        dictionary = get_dictionary()  # built outside the timing
        rounds = 20
        for places in (False, True):
            started = time.perf_counter()
            for _ in range(rounds):
                for article in articles:
                    dictionary.find_mentions(article.text, article.published, places=places)
            rate = rounds * sentences / (time.perf_counter() - started)
            label = "with the place gazetteer" if places else "actor matcher alone"
            print(f"speed ({label}): {rate:.0f} sentences/s ({sentences} sentences x {rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
