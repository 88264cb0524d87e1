"""`hadath extract PATH... [--published YYYY-MM-DD]`: articles in, one JSON object per article out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from hadath import pipeline
from hadath.dates.arithmetic import EARLIEST_PUBLISHED, LATEST_PUBLISHED, plausible_publication
from hadath.deadline import article_seconds
from hadath.errors import HadathError
from hadath.read import read_inputs


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise HadathError(f"--published {value!r} is not a date in the form YYYY-MM-DD") from None
    if not plausible_publication(day):
        raise HadathError(f"--published {value} is outside {EARLIEST_PUBLISHED} to {LATEST_PUBLISHED}")
    return day


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - for stdin")
    parser.add_argument("--published", help="publication date where the input gives none (YYYY-MM-DD)")


def run(args: argparse.Namespace) -> int:
    published = parse_published(args.published)
    article_seconds()  # a bad HADATH_MAX_ARTICLE_SECONDS is one line before any work
    failed = 0
    total = 0
    for article in read_inputs(args.paths, published=published):
        article = pipeline.run(article)
        total += 1
        if article.error is not None:
            failed += 1
            print(f"hadath extract: {article.source}: {article.error}", file=sys.stderr)
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    if total == 0:
        raise HadathError("no articles found in " + " ".join(args.paths))
    return 1 if failed == total else 0

