"""Date recall against the hand-made gold in ../shared: every gold `dates` entry should be found with its value.

    .venv/bin/python benchmarks/date_recall.py [--shared ../shared] [--misses]

Each text is run through the dates stage with the gold publication date (None where the gold has none, so
the stage must find it in the text). A gold date is found when a predicted mention has its value, or a more
precise value inside it (the scoring rule of spec/OUTPUT.md); each prediction matches one gold date.
Also printed: the precision of the distinct predicted values (as `hadath evaluate` counts it: a value is
right when it falls inside a gold value of its article), and publication dates found in the text, when
the stage is given none, against the gold ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hadath.dates import patterns
from hadath.dates.stage import find_publication_date, resolve_dates
from hadath.model import Article

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Case:
    name: str
    text: str
    published: date | None
    gold: list[dict]


@dataclass
class Score:
    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    published_right: int = 0
    published_total: int = 0
    published_misses: list[str] = field(default_factory=list)
    mentions: int = 0
    seconds: float = 0.0
    values: int = 0  # distinct predicted values per article, as `hadath evaluate` counts them
    values_right: int = 0
    extra_values: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.values_right / self.values if self.values else 0.0


def _published(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def sample_cases(shared: Path) -> list[Case]:
    cases = []
    for gold_path in sorted((shared / "samples" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (shared / "samples" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        cases.append(Case(gold_path.stem, text, _published(gold.get("published")), gold.get("dates", [])))
    return cases


def news_dev_cases(shared: Path) -> list[Case]:
    root = shared / "data" / "news_dev"
    texts = {}
    for line in (root / "input.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["source"]] = row["text"]
    cases = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cases.append(
            Case(
                gold_path.stem,
                texts[gold_path.stem],
                _published(gold.get("published")),
                gold.get("dates", []),
            )
        )
    return cases


def value_matches(predicted: str, gold: str) -> bool:
    """Same value, or a prediction more precise than a gold month or year and inside it."""
    return predicted == gold or (predicted.startswith(gold) and predicted[len(gold) : len(gold) + 1] == "-")


def score(cases: list[Case]) -> Score:
    result = Score()
    patterns.all_patterns()  # compile before timing
    for case in cases:
        started = time.perf_counter()
        article = resolve_dates(Article(text=case.text, published=case.published))
        result.seconds += time.perf_counter() - started
        result.mentions += len(article.dates)
        unused = [m.value for m in article.dates if m.value]
        for gold in case.gold:
            result.total += 1
            hit = next((v for v in unused if value_matches(v, gold["value"])), None)
            if hit is not None:
                unused.remove(hit)
                result.found += 1
            else:
                got = ", ".join(f"{m.text!r}={m.value}" for m in article.dates) or "nothing"
                result.misses.append(f"{case.name}: {gold['text']!r} = {gold['value']}; found {got}")
        gold_values = [g["value"] for g in case.gold]
        for value in sorted({m.value for m in article.dates if m.value}):
            result.values += 1
            if any(value_matches(value, g) for g in gold_values):
                result.values_right += 1
            else:
                texts = ", ".join(repr(m.text) for m in article.dates if m.value == value)
                result.extra_values.append(f"{case.name}: {value} from {texts}")
        if case.published is not None:
            result.published_total += 1
            detected = find_publication_date(case.text)
            if detected == case.published:
                result.published_right += 1
            else:
                result.published_misses.append(f"{case.name}: gold {case.published}, found {detected}")
    return result


def report(label: str, result: Score, show_misses: bool) -> None:
    rate = result.mentions / result.seconds if result.seconds else 0.0
    print(
        f"{label}: date recall {result.recall:.3f} ({result.found}/{result.total}), "
        f"precision of distinct values {result.precision:.3f} ({result.values_right}/{result.values}); "
        f"publication date from text {result.published_right}/{result.published_total}; "
        f"{result.mentions} expressions, {rate:,.0f} expressions/s"
    )
    if show_misses:
        for miss in result.misses:
            print("  miss", miss)
        for extra in result.extra_values:
            print("  not in gold", extra)
        for miss in result.published_misses:
            print("  publication", miss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--misses", action="store_true", help="list the gold dates not found")
    args = parser.parse_args(argv)
    if not (args.shared / "samples").is_dir():
        print(f"date_recall: no shared data at {args.shared}", file=sys.stderr)
        return 1
    report("samples", score(sample_cases(args.shared)), args.misses)
    report("news_dev", score(news_dev_cases(args.shared)), args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
