"""`hadath query dyad A B [--from D --to D --by day|week|month|year --status actual]`, `hadath query actor
KEY`, `hadath query network`, `hadath query events`, `hadath query failed`, `hadath query search WORDS`:
analyst tables from the store.

Counts (dyad, actor, network) take `--status` with the dashboard's default, `actual` (occurred or
ongoing), so `hadath query dyad USA IRN` and the dashboard's dyad view give the same numbers; an actor
code no event of the store has is an error naming the nearest codes it does have."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from hadath.commands.export import add_store_argument

STATUS_HELP = ("actual (occurred or ongoing), all, or statuses joined by commas: occurred, ongoing, planned, "
               "postponed, cancelled, denied, hypothetical")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="query", metavar="QUERY", required=True)
    dyad = sub.add_parser("dyad", help="events between two actors per period (QuadClass counts, Goldstein, top codes)")
    dyad.add_argument("a", metavar="KEY")
    dyad.add_argument("b", metavar="KEY")
    dyad.add_argument("--by", default="month", choices=("day", "week", "month", "year"))
    dyad.add_argument("--directed", action="store_true", help="only events from the first to the second")
    actor = sub.add_parser("actor", help="an actor's counterparts, in both directions")
    actor.add_argument("key", metavar="KEY")
    sub.add_parser("network", help="directed edges between actors")
    events = sub.add_parser("events", help="the events themselves")
    events.add_argument("--actor")
    events.add_argument("--root")
    events.add_argument("--status", help=f"{STATUS_HELP} (default: all, as the dashboard's events view)")
    events.add_argument("--limit", type=int, default=50)
    events.add_argument("--offset", type=int, default=0)
    failed = sub.add_parser("failed", help="articles that failed extraction, with their errors")
    failed.add_argument("--limit", type=int, default=100)
    search = sub.add_parser("search", help="articles holding every word (normalised full-text search)")
    search.add_argument("words", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    for command in (dyad, actor, sub.choices["network"]):
        command.add_argument("--status", default="actual", help=f"{STATUS_HELP} (default: actual, as the dashboard)")
    events.add_argument("--min-sources", type=int, metavar="N", help="events reported by N outlets or more")
    for command in (dyad, actor, sub.choices["network"], events, failed, search):
        add_store_argument(command)
        command.add_argument("--from", dest="start", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
        command.add_argument("--to", dest="end", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
        command.add_argument("--format", default="table", choices=("table", "csv", "json"), dest="output")


def write_frame(frame: pd.DataFrame, output: str) -> None:
    if output == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif output == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    elif frame.empty:
        print("(no rows)")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            print(frame.to_string(index=False))


def run(args: argparse.Namespace) -> int:
    from hadath.api.queries import check_period, known_keys
    from hadath.store import Store
    from hadath.store.api import chosen_statuses

    if getattr(args, "status", None):
        chosen_statuses(args.status)  # a mistyped status is one line before the store is read
    check_period(args.start, args.end)
    store = Store(args.db)
    if args.query in ("dyad", "actor") or (args.query == "events" and args.actor):
        keys, codes = known_keys(store)
        known = keys if args.query in ("dyad", "actor") else keys | codes
        if args.query == "dyad":
            args.a, args.b = (_known(k, known) for k in (args.a, args.b))
        elif args.query == "actor":
            args.key = _known(args.key, known)
        else:
            args.actor = _known(args.actor, known)
    if args.query == "dyad":
        frame = store.dyad_timeline(args.a, args.b, args.start, args.end, by=args.by, directed=args.directed,
                                    status=args.status)
    elif args.query == "actor":
        frame = store.actor_summary(args.key, args.start, args.end, status=args.status)
    elif args.query == "network":
        frame = store.network(args.start, args.end, status=args.status)
    elif args.query == "events":
        frame = store.events(
            start=args.start, end=args.end, actor=args.actor, root=args.root, status=args.status,
            min_sources=args.min_sources, limit=args.limit, offset=args.offset,
        )
        frame = string_ids(frame)
    elif args.query == "failed":
        frame = store.articles(status="failed", start=args.start, end=args.end, limit=args.limit)
        frame = frame[["id", "source", "url", "published", "error"]]
    else:
        frame = store.search(" ".join(args.words), limit=args.limit)
    write_frame(frame, args.output)
    return 0


def _known(code: str, known: set[str]) -> str:
    from hadath.actors.suggest import check_actor_code

    return check_actor_code(code, known, where=": no event in the store has it")


def string_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """Event ids as text: 19 digits survive JSON readers (JavaScript numbers) and spreadsheets only so."""
    if "id" in frame.columns:
        frame["id"] = frame["id"].astype(str)
    return frame
