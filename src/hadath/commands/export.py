"""`hadath export --format csv|jsonl|parquet|gdelt [--out FILE] [--from D] [--to D] [--actor K] [--root R] [--status S]`:
stored events (with their mention, source and article counts) in a format analysts load."""

from __future__ import annotations

import argparse
import sys

from hadath.store.export import FORMATS


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="store: a path, sqlite:///… or postgresql://… (default $HADATH_DB or ./hadath.db)")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="first event day: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last event day (a month or year includes all of it)")
    parser.add_argument("--actor", help="a key or actor code on either side (TUR, IRNGOV, PKK)")
    parser.add_argument("--root", help="CAMEO root code (04, 19)")
    parser.add_argument("--status", help="occurred, ongoing, planned, postponed, cancelled, denied or hypothetical")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS, help="gdelt: GDELT 2.0 event records (61 columns)")
    parser.add_argument("--out", metavar="FILE",
                        help="file to write (default or -: stdout); a file is replaced only when complete, "
                             "a pipe or device is written through, a symbolic link is refused")
    add_store_argument(parser)
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from hadath.store import Store
    from hadath.store.export import export_events

    store = Store(args.db)
    written = export_events(
        store, args.format, args.out, start=args.start, end=args.end, actor=args.actor, root=args.root, status=args.status
    )
    if args.out and args.out != "-":
        print(f"hadath export: {written} events written to {args.out}", file=sys.stderr)
    return 0
