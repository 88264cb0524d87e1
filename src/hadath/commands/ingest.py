"""`hadath ingest PATH... [--db URL] [--published D] [--workers N] [--dask ADDRESS|local] [--retry-failed]`:
extract articles and store them, their entities, events and mentions (see hadath.store)."""

from __future__ import annotations

import argparse
import sys

from hadath.commands.extract import parse_published
from hadath.deadline import article_seconds
from hadath.errors import HadathError

DELIVERY_WAIT_S = 30.0  # at the end of an ingest, for the alerts still being sent


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    parser.add_argument("--db", help="store: a path, sqlite:///… or postgresql://… (default $HADATH_DB or ./hadath.db)")
    parser.add_argument("--published", help="publication date where the input gives none (YYYY-MM-DD)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    parser.add_argument("--dask", metavar="ADDRESS", help="extract on a Dask cluster: tcp://host:port, or 'local'")
    parser.add_argument("--retry-failed", action="store_true", help="extract the failed articles of the store again")


def run(args: argparse.Namespace) -> int:
    from hadath.read import check_inputs
    from hadath.store.ingest import Ingester

    if args.workers < 1:
        raise HadathError("--workers must be at least 1")
    if not args.paths and not args.retry_failed:
        raise HadathError("give files or folders to ingest, or --retry-failed")
    published = parse_published(args.published)
    article_seconds()  # a bad HADATH_MAX_ARTICLE_SECONDS is one line before the store is opened
    if args.paths:
        check_inputs(args.paths)  # before the store is opened: a mistyped path creates no empty store
    ingester = Ingester(args.db, workers=args.workers, dask=args.dask, progress=sys.stderr.isatty())
    summaries = []
    if args.retry_failed:
        summaries.append(("retried", ingester.retry_failed()))
    if args.paths:
        summaries.append(("ingested", ingester.ingest(args.paths, published)))
    for what, summary in summaries:
        for failure in summary.failures:
            print(f"hadath ingest: failed: {failure}", file=sys.stderr)
        if summary.failed > len(summary.failures) and summary.failures:
            print(f"hadath ingest: … and {summary.failed - len(summary.failures)} more failed "
                  "(hadath query failed lists them)", file=sys.stderr)
        print(f"hadath ingest: {what} {summary.line()}")
    if ingester.writer.alerts_raised:
        # Sent in the background as they were raised; what is not sent by now stays due (hadath alerts deliver).
        ingester.writer.wait_for_delivery(DELIVERY_WAIT_S)
        print(f"hadath ingest: {ingester.writer.alerts_raised} alerts raised (hadath alerts list)")
    every_failed = [(what, s) for what, s in summaries if s.failed and s.failed == s.read]
    for what, summary in every_failed:
        again = " retried" if what == "retried" else ""
        print(f"hadath ingest: every{again} article failed ({summary.failed} of {summary.read})", file=sys.stderr)
    return 1 if every_failed else 0
