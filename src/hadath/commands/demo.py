"""`hadath demo [--path FOLDER] [--db URL] [--no-serve]`: run the pipeline on the example articles, print
what it found, ingest them into the store (./hadath.db or $HADATH_DB) and start the dashboard, printing
its URL (`make demo`). With --no-serve it stops after ingesting.

`describe_article` is the printing others reuse.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
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
    failed = print_summaries(pipeline.run_all(read_inputs([str(path)])), sys.stdout)

    from hadath.commands.serve import serve
    from hadath.store.engine import redact
    from hadath.store.ingest import Ingester

    ingester = Ingester(args.db)
    summary = ingester.ingest([str(path)])
    print(f"\nstore {redact(ingester.url)}: {summary.new} new articles, {summary.duplicate} already there, "
          f"{summary.events_new} new events", flush=True)
    if not args.no_serve:
        serve(ingester.url, "127.0.0.1", args.port)
    return 1 if failed else 0
