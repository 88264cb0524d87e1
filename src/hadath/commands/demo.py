"""`hadath demo [--path FOLDER] [--db URL] [--no-serve]`: run the pipeline on the example articles, print
what it found, ingest them into the store (./hadath.db or $HADATH_DB) and start the dashboard, printing
its URL (`make demo`). With --no-serve it stops after ingesting.

A newcomer's first screen shows only what Hadath codes right: each example is checked against its gold
(`gold/NAME.json` beside the articles, the format of `hadath evaluate`), and only the articles whose
events all match it (none missed, none extra, status and date agreeing) are shown and stored; the
others are named in one line. The choice is made by checking on every run, never from a fixed list.
A folder with no gold is shown whole, unchecked.

`describe_article` is the printing others reuse.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import hadath
from hadath.errors import InputError
from hadath.events.cameo import cameo_name
from hadath.model import Article, Event, Participant

SENTENCE_WIDTH = 90


def find_examples() -> Path:
    """The examples/ folder of the checkout the package runs from, else ./examples."""
    beside_package = Path(hadath.__file__).resolve().parents[2] / "examples"
    for candidate in (beside_package, Path.cwd() / "examples"):
        if candidate.is_dir():
            return candidate
    raise InputError(f"no examples folder (looked in {beside_package} and ./examples); give one with --path")


def shorten(text: str, width: int = SENTENCE_WIDTH) -> str:
    """One line of at most `width` characters: "…" marks a cut, made at a space where there is one."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    return text[: cut if cut > width // 2 else width - 1] + "…"


def describe_party(party: Participant | None) -> str:
    """"Turkey (TURGOV)" from the dictionary name, else the words of the text; "—" for none."""
    if party is None:
        return "—"
    label = party.name or " ".join(party.text.split()) or "?"
    return f"{label} ({party.actor})" if party.actor else label


def describe_event(article: Article, event: Event) -> str:
    """Date, status, source → target, CAMEO code and name, then the trigger sentence shortened."""
    date = event.date or "date unknown"
    if event.date and event.date_precision not in ("day", "unknown"):
        date += f" ({event.date_precision})"
    name = cameo_name(event.cameo) or "unknown code"
    sentence = article.sentence_text(event.sentence) if 0 <= event.sentence < len(article.sentences) else ""
    return (
        f"  {date:<15} {event.status:<12} {describe_party(event.source)} → {describe_party(event.target)}"
        f"  {event.cameo} {name}\n      «{event.trigger.text}» {shorten(sentence)}"
    )


def describe_article(article: Article) -> str:
    """The demo summary of one article: title, publication date, one block per event."""
    title = article.title or shorten(article.text.strip().split("\n", 1)[0], 70) or "(untitled)"
    lines = [f"== {title}", f"   {article.source}"]
    if article.error is not None:
        lines.append(f"   error: {article.error}")
        return "\n".join(lines)
    published = article.published.isoformat() if article.published else "unknown"
    lines.append(
        f"   published {published} (from {article.published_from}); {len(article.sentences)} sentences,"
        f" {len(article.entities)} entities, {len(article.dates)} dates, {len(article.events)} events"
    )
    lines += [describe_event(article, event) for event in article.events] or ["  (no events found)"]
    return "\n".join(lines)


def print_summaries(articles: Iterable[Article], out: TextIO) -> int:
    """Write `describe_article` for each article, a blank line between; returns how many failed."""
    failed = 0
    for number, article in enumerate(articles):
        if number:
            out.write("\n")
        out.write(describe_article(article) + "\n")
        failed += article.error is not None
    return failed


def gold_folder(path: Path) -> Path | None:
    """The gold of the examples at `path`: `gold/` inside a folder, or beside a file; None without one."""
    folder = (path if path.is_dir() else path.parent) / "gold"
    return folder if folder.is_dir() else None


@dataclass
class Choice:
    """The examples to show (coded as their gold says) and those left out, with why."""

    shown: list[Article] = field(default_factory=list)
    left_out: list[tuple[Article, str]] = field(default_factory=list)


def gold_disagreement(article: Article, gold: object) -> str | None:
    """Why `article`'s events differ from its gold (hadath.evaluate.GoldArticle), or None when they agree:
    every required gold event found with its status and date, and no event the gold lacks."""
    from hadath.evaluate import score_article

    result = score_article(gold, article.to_dict())  # type: ignore[arg-type]
    problems = []
    if result.missed_events:
        problems.append(f"{len(result.missed_events)} missed")
    if result.spurious_events:
        problems.append(f"{len(result.spurious_events)} not in the gold")
    if result.disagreements:
        problems.append(f"{len(result.disagreements)} with another status or date")
    return ", ".join(problems) or None


def choose_examples(articles: Iterable[Article], gold_dir: Path | None) -> Choice:
    """Articles whose events match their gold are shown; a failed article, one without gold, or one
    Hadath codes otherwise is left out. Without a gold folder every article is shown."""
    from hadath.evaluate import gold_name_of, load_gold

    choice = Choice()
    gold = load_gold(gold_dir) if gold_dir is not None else None
    for article in articles:
        if gold is None:
            choice.shown.append(article)
            continue
        name = gold_name_of(article.source, gold)
        if article.error is not None:
            choice.left_out.append((article, f"not read: {article.error}"))
        elif name is None:
            choice.left_out.append((article, "no gold"))
        elif (why := gold_disagreement(article, gold[name])) is not None:
            choice.left_out.append((article, why))
        else:
            choice.shown.append(article)
    return choice


def describe_left_out(choice: Choice, gold_dir: Path) -> str:
    """One line naming the examples not shown, and how to see their errors."""
    names = "; ".join(f"{Path(a.source).name or a.source} ({why})" for a, why in choice.left_out)
    return (f"{len(choice.left_out)} more examples not shown, as Hadath's events there differ from their gold "
            f"in {gold_dir}: {names}. See them with `hadath extract` and `hadath evaluate`.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--path", type=Path, help="folder or file of articles (default: the examples/ folder)")
    parser.add_argument("--db", help="store to ingest into (default $HADATH_DB or ./hadath.db)")
    parser.add_argument("--no-serve", action="store_true", help="ingest and print, but start no dashboard")
    parser.add_argument("--port", type=int, default=8000, help="dashboard port (default 8000)")


def run(args: argparse.Namespace) -> int:
    # Imported here: the CLI loads every command module, and `hadath evaluate` needs no reader.
    from hadath import pipeline
    from hadath.read import read_inputs

    path = args.path or find_examples()
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())  # shorter sources in the printout
    gold_dir = gold_folder(path)
    choice = choose_examples(pipeline.run_all(read_inputs([str(path)])), gold_dir)
    failed = print_summaries(choice.shown, sys.stdout) + sum(a.error is not None for a, _ in choice.left_out)
    if gold_dir is None:
        print(f"\n(no gold folder beside {path}: the examples are shown unchecked)")
    elif choice.left_out:
        print("\n" + describe_left_out(choice, gold_dir))

    from hadath.commands.serve import serve
    from hadath.store.engine import redact
    from hadath.store.ingest import Ingester

    ingester = Ingester(args.db)
    summary = ingester.ingest_extracted(choice.shown, inputs=f"hadath demo {path}")
    print(f"\nstore {redact(ingester.url)}: {summary.new} new articles, {summary.duplicate} already there, "
          f"{summary.events_new} new events", flush=True)
    if not args.no_serve:
        serve(ingester.url, "127.0.0.1", args.port)
    return 1 if failed else 0
