"""`hadath evaluate GOLD_DIR PRED.jsonl`: precision, recall and F1 of extraction output against gold.

The scoring rules are in hadath.evaluate; the last three lines of the plain report are the summary.
"""

from __future__ import annotations

import argparse
import sys

from hadath.evaluate import evaluate_paths, format_report, report_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold NAME.json files")
    parser.add_argument("predictions", metavar="PRED.jsonl", help="output of `hadath extract`; - for stdin")
    parser.add_argument("--per-article", action="store_true", help="one row of counts per gold article")
    parser.add_argument(
        "--show-errors", action="store_true", help="list missed gold events, unmatched predictions and disagreements"
    )
    parser.add_argument("--json", action="store_true", help="write the whole report as JSON instead")


def run(args: argparse.Namespace) -> int:
    report = evaluate_paths(args.gold_dir, args.predictions)
    if args.json:
        sys.stdout.write(report_json(report) + "\n")
    else:
        sys.stdout.write(format_report(report, per_article=args.per_article, show_errors=args.show_errors) + "\n")
    return 0
