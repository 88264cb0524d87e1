"""Extraction speed on one core: articles/s, sentences/s and peak memory of `pipeline.run`.

Composes the articles in memory from ../shared: the two sample pages and the 24 news_dev excerpts as
they are, the UniversalPetrarch sentences four to an article, and ANERcorp sentences joined into
articles of 3 to 9 sentences (a different grouping on each pass, so no two composed articles are the
same text). Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/extract_speed.py [--limit 2000] [--by-stage] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from hadath import pipeline
from hadath.model import Article
from hadath.read import article_from_text, read_inputs

REPO = Path(__file__).resolve().parents[1]
UP_SENTENCES_PER_ARTICLE = 4
ANER_GROUP_SIZES = (6, 3, 9, 4, 8, 5, 7)  # one per pass over ANERcorp


def real_articles(shared: Path) -> list[Article]:
    """The sample pages and news_dev excerpts, read as `hadath extract` reads them."""
    paths = [str(shared / "samples"), str(shared / "data" / "news_dev" / "input.jsonl")]
    return list(read_inputs(paths))


def up_articles(shared: Path) -> list[Article]:
    """UniversalPetrarch gold sentences, four consecutive ones to an article (dated by the first)."""
    with open(shared / "data" / "up_arabic_gsr_dev" / "input.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    articles = []
    for start in range(0, len(rows), UP_SENTENCES_PER_ARTICLE):
        group = rows[start : start + UP_SENTENCES_PER_ARTICLE]
        published = date.fromisoformat(group[0]["published"]) if group[0].get("published") else None
        text = "\n".join(row["text"] for row in group)
        articles.append(article_from_text(text, f"up-bench-{start}", published))
    return articles


def conll_sentences(path: Path) -> list[str]:
    """Sentences of a CoNLL file (token in the first column), tokens joined by spaces."""
    sentences, tokens = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if fields:
                tokens.append(fields[0])
            elif tokens:
                sentences.append(" ".join(tokens))
                tokens = []
    if tokens:
        sentences.append(" ".join(tokens))
    return sentences


def aner_articles(shared: Path) -> Iterator[Article]:
    """ANERcorp sentences joined into articles, pass after pass with a different group size."""
    folder = shared / "data" / "anercorp"
    sentences = conll_sentences(folder / "train.txt") + conll_sentences(folder / "test.txt")
    published = date(2008, 1, 1)  # ANERcorp is news of about 2008; the date only anchors relative dates
    for number, size in enumerate(ANER_GROUP_SIZES):
        for start in range(0, len(sentences) - size + 1, size):
            text = "\n".join(sentences[start : start + size])
            yield article_from_text(text, f"anercorp-{number}-{start}", published)


def compose_articles(shared: Path, limit: int) -> list[Article]:
    articles = real_articles(shared) + up_articles(shared)
    if len(articles) < limit:
        for article in aner_articles(shared):
            articles.append(article)
            if len(articles) >= limit:
                break
    return articles[:limit]


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    parser.add_argument("--by-stage", action="store_true", help="also time each stage on a second pass")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"extract_speed: no shared data at {args.shared}", file=sys.stderr)
        return 1

    pinned = pin_to_one_core()
    memory_before = peak_memory_mb()
    articles = compose_articles(args.shared, args.limit)
    characters = sum(len(a.text) for a in articles)
    memory_composed = peak_memory_mb()

    started, cpu_started = time.perf_counter(), time.process_time()
    first = pipeline.run(articles[0])  # loads dictionaries and models: timed apart
    first_seconds = time.perf_counter() - started
    results = [first]
    steady_started, steady_cpu_started = time.perf_counter(), time.process_time()
    results += [pipeline.run(article) for article in articles[1:]]
    finished, cpu_finished = time.perf_counter(), time.process_time()

    total_seconds = finished - started
    steady_seconds = finished - steady_started
    # CPU time too: on a shared machine the wall clock also counts time the core gave to others.
    steady_cpu = cpu_finished - steady_cpu_started
    sentences = sum(len(a.sentences) for a in results)
    events = sum(len(a.events) for a in results)
    errors = sum(a.error is not None for a in results)
    steady_sentences = sentences - len(first.sentences)
    print(f"articles {len(results)} ({characters:,} characters), sentences {sentences:,}, events {events:,}, errors {errors}")
    print(f"one core: {pinned}; python {sys.version.split()[0]}")
    print(
        f"first article (loads data) {first_seconds:.2f} s; all {total_seconds:.2f} s wall,"
        f" {cpu_finished - cpu_started:.2f} s CPU"
    )
    if steady_seconds > 0 and steady_cpu > 0:
        print(
            f"after loading: {(len(results) - 1) / steady_seconds:.1f} articles/s,"
            f" {steady_sentences / steady_seconds:.1f} sentences/s wall clock;"
            f" {(len(results) - 1) / steady_cpu:.1f} articles/s, {steady_sentences / steady_cpu:.1f} sentences/s"
            " per CPU second"
        )
    print(f"with loading:  {len(results) / total_seconds:.1f} articles/s, {sentences / total_seconds:.1f} sentences/s")
    print(
        f"peak memory (ru_maxrss) {peak_memory_mb():.0f} MB"
        f" (at start {memory_before:.0f} MB, articles composed {memory_composed:.0f} MB)"
    )
    if args.by_stage:
        print_stage_times(articles)
    return 0


def print_stage_times(articles: list[Article]) -> None:
    """Seconds per stage over all articles, run stage by stage as pipeline.run does."""
    seconds: dict[str, float] = {}
    for article in articles:
        article = Article(
            text=article.raw_text or article.text,
            raw_text=article.raw_text,
            source=article.source,
            title=article.title,
            published=article.published,
            published_from=article.published_from,
            error=article.error,
        )
        if article.error is not None:
            continue
        for name, stage in pipeline.stages():
            started = time.perf_counter()
            try:
                article = stage(article)
            except Exception:  # counted in the main pass already; stop this article here too
                break
            finally:
                seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    total = sum(seconds.values()) or 1.0
    for name, value in seconds.items():
        print(f"  stage {name:<8} {value:7.2f} s  {100 * value / total:5.1f} %")


if __name__ == "__main__":
    raise SystemExit(main())
