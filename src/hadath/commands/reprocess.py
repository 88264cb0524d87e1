"""`hadath reprocess [--db URL] [--since DATE] [--source OUTLET] [--where-version-below V] [--all]
[--workers N] [--dask ADDRESS|local] [--dry-run] [--json]`: re-code stored articles with the current
coder; events found again keep their ids (see hadath.store.recode)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from hadath.deadline import article_seconds
from hadath.errors import HadathError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="store: a path, sqlite:///… or postgresql://… (default $HADATH_DB or ./hadath.db)")
    parser.add_argument("--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--source", metavar="OUTLET", help="only articles of this outlet (host, e.g. irna.ir) or source")
    parser.add_argument("--where-version-below", metavar="V", dest="below",
                        help="only articles coded by a coder older than V ('current': this one; see --version)")
    parser.add_argument("--all", action="store_true", dest="everything",
                        help="also articles the current coder has coded already (by default they are skipped)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    parser.add_argument("--dask", metavar="ADDRESS", help="extract on a Dask cluster: tcp://host:port, or 'local'")
    parser.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--version", action="store_true", help="print the current coder version and stop")


def run(args: argparse.Namespace) -> int:
    from hadath.coder_version import coder_version, release_of

    if args.version:
        print(coder_version())
        return 0
    if args.workers < 1:
        raise HadathError("--workers must be at least 1")
    if args.below is not None and args.below != "current" and release_of(args.below) is None:
        raise HadathError(f"--where-version-below {args.below}: not a coder version (such as 0.1.0 or 0.1.0+3f9a0c1d2e4b)")
    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        raise HadathError(f"--since {args.since!r} is not a date in the form YYYY-MM-DD") from None
    article_seconds()
    coder_version()  # a bad HADATH_LEXICON_DIR is one line before the store is opened
    from hadath.store.reprocess import Reprocessor, Selection

    reprocessor = Reprocessor(args.db, workers=args.workers, dask=args.dask, progress=sys.stderr.isatty(),
                              dry_run=args.dry_run)
    summary = reprocessor.reprocess(Selection(since, args.source, args.below, args.everything))
    if summary.alerts and not args.dry_run:
        from hadath.alerts.delivery import deliver_due

        print(f"hadath reprocess: {deliver_due(reprocessor.engine).line()}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print("\n".join(f"hadath reprocess: {line}" if i == 0 else line for i, line in enumerate(summary.lines())))
    return 1 if summary.failed and summary.failed == summary.articles else 0
