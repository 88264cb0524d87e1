"""`hadath watch [SOURCES.toml] [--feed URL]... [--once] [--db URL] [--status [--json]]`: keep the store
current from news feeds and sitemaps (hadath.watch). Settings: HADATH_WATCH_* (hadath.watch.settings)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="?", metavar="SOURCES.toml",
                        help="outlets and their feeds (default: the curated list shipped with Hadath)")
    parser.add_argument("--feed", action="append", default=[], metavar="URL",
                        help="a feed or sitemap URL to watch as well (repeatable); alone, only these are watched")
    parser.add_argument("--once", action="store_true", help="run one round and exit (for cron)")
    parser.add_argument("--db", help="store: a path, sqlite:///… or postgresql://… (default $HADATH_DB or ./hadath.db)")
    parser.add_argument("--status", action="store_true", help="print per outlet what the watcher has done, and exit")
    parser.add_argument("--json", action="store_true", help="with --status: JSON instead of a table")


ALERT_WAIT_S = 10.0


def run(args: argparse.Namespace) -> int:
    from hadath.watch.settings import WatchSettings
    from hadath.watch.sources import feed_sources, load_sources

    if args.status:
        return _status(args)
    settings = WatchSettings.from_env()  # a bad setting is one line before anything is opened
    outlets = load_sources(args.sources) if args.sources or not args.feed else []
    sources = feed_sources(outlets, args.feed)

    from hadath.watch.watcher import Watcher, check_sources

    check_sources(sources)
    watcher = Watcher(args.db, sources, settings)

    def stop(signum: int, _frame: Any) -> None:
        print(f"hadath watch: {signal.Signals(signum).name}: stopping after the current page", file=sys.stderr)
        watcher.stopping.set()

    signal.signal(signal.SIGTERM, stop)
    failed_rounds = 0

    def report(summary: Any) -> None:
        nonlocal failed_rounds
        print(f"hadath watch: {summary.line()}", flush=True)
        failed_rounds += summary.feeds > 0 and summary.feed_errors == summary.feeds

    try:
        if args.once:
            report(watcher.run_round())
        else:
            watcher.run_forever(report)
    finally:
        # Alerts the round raised are sent in the background; give them a moment before the process ends
        # (what is not sent by then stays due: the next round or `hadath alerts deliver` sends it).
        watcher.ingester.writer.wait_for_delivery(ALERT_WAIT_S)
        watcher.close()
    if args.once and failed_rounds:
        print("hadath watch: every feed failed", file=sys.stderr)
        return 1
    return 0


def _status(args: argparse.Namespace) -> int:
    from sqlalchemy import inspect

    from hadath.store import Store
    from hadath.store.engine import STORE_ERRORS, database_error
    from hadath.watch.status import outlet_status, status_table

    store = Store(args.db)  # a mistyped path is one line, not a new empty store
    try:
        # A store on read-only media below migration 8 has no watch tables: nothing was watched into it.
        rows = outlet_status(store.engine) if inspect(store.engine).has_table("watch_feeds") else []
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif rows:
        print(status_table(rows))
    else:
        print("hadath watch: nothing watched yet in this store")
    return 0
