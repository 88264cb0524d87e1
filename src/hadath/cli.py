"""The `hadath` command: a thin dispatcher. Each subcommand is a module in hadath.commands with
`add_arguments(parser)` and `run(args) -> int`; adding a command is one line in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from hadath.errors import HadathError

COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("hadath.commands.extract", "extract articles to JSON Lines (no database)"),
    "tag": ("hadath.commands.tag", "named-entity tagging (CoNLL or plain text)"),
    "evaluate": ("hadath.commands.evaluate", "score extraction output against gold files"),
    "demo": ("hadath.commands.demo", "run Hadath on the example articles and print a summary"),
    "ingest": ("hadath.commands.ingest", "extract articles into an event store (SQLite or PostgreSQL)"),
    "export": ("hadath.commands.export", "export stored events: csv, jsonl, parquet or GDELT 2.0"),
    "query": ("hadath.commands.query", "analyst queries over the store: dyad timelines, actors"),
    "stats": ("hadath.commands.stats", "counts of the store's articles, events and mentions"),
    "show": ("hadath.commands.show", "one stored event with its mentions and sentences"),
    "serve": ("hadath.commands.serve", "the HTTP API and the Arabic dashboard over a store"),
    "brief": ("hadath.commands.brief", "a relations brief (الحدث / الرأي / الخلاصة) for two actors"),
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen command's module is imported (the server's and the cluster's
    imports are heavy, and one command's missing dependency must not break the others)."""
    parser = argparse.ArgumentParser(prog="hadath", description="Arabic-first political event data.")
    parser.add_argument("--verbose", "-v", action="store_true", help="log progress and tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(command)
            command.set_defaults(_module=module)
    return parser


def chosen_command(argv: list[str]) -> str | None:
    return next((word for word in argv if not word.startswith("-")), None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return int(args._module.run(args) or 0)
    except HadathError as exc:
        print(f"hadath {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"hadath {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `hadath extract … | head`: the reader went away; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
