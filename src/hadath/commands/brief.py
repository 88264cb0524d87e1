"""`hadath brief A B --from DATE --to DATE [--lang ar|en] [--format md|html|json] [--db URL]`: a brief
(الحدث / الرأي / الخلاصة) on two actor keys over a period, written from the event store, with footnotes
citing the articles; an unknown key is a one-line error naming the nearest known ones."""

from __future__ import annotations

import argparse
import json
import sys

from hadath.commands.export import add_store_argument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="KEY", help="first actor key (IRN, TUR, PKK …)")
    parser.add_argument("b", metavar="KEY", help="second actor key")
    parser.add_argument("--from", dest="start", metavar="DATE", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--to", dest="end", metavar="DATE", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    parser.add_argument("--lang", default="ar", choices=("ar", "en"))
    parser.add_argument("--format", default="md", choices=("md", "html", "json"), dest="output")
    parser.add_argument("--link", metavar="PATTERN",
                        help="add each event's page to its footnote, e.g. 'http://127.0.0.1:8000/#/event/{id}' "
                             "(default: the articles' links only)")
    add_store_argument(parser)


def run(args: argparse.Namespace) -> int:
    from hadath.brief import build_brief, to_html, to_markdown
    from hadath.store import Store

    brief = build_brief(Store(args.db), args.a.upper(), args.b.upper(), args.start, args.end, args.lang)
    if args.output == "json":
        sys.stdout.write(json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.output == "html":
        sys.stdout.write(to_html(brief, args.link))
    else:
        sys.stdout.write(to_markdown(brief, args.link))
    return 0
