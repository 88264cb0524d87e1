"""The `hadath` command: a thin dispatcher. Each subcommand is a module in hadath.commands with
`add_arguments(parser)` and `run(args) -> int`; adding a command is one line in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import Any

from hadath.errors import HadathError

COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("hadath.commands.extract", "extract articles to JSON Lines (no database)"),
    "tag": ("hadath.commands.tag", "named-entity tagging (CoNLL or plain text)"),
    "evaluate": ("hadath.commands.evaluate", "score extraction output against gold files"),
    "demo": ("hadath.commands.demo", "run Hadath on the example articles and print a summary"),
    "ingest": ("hadath.commands.ingest", "extract articles into an event store (SQLite or PostgreSQL)"),
    "reprocess": ("hadath.commands.reprocess", "re-code stored articles with the current coder"),
    "alerts": ("hadath.commands.alerts", "alert rules, the alerts they raised, and webhook delivery"),
    "export": ("hadath.commands.export", "export stored events: csv, jsonl, parquet or GDELT 2.0"),
    "query": ("hadath.commands.query", "analyst queries over the store: dyad timelines, actors"),
    "stats": ("hadath.commands.stats", "counts of the store's articles, events and mentions"),
    "show": ("hadath.commands.show", "one stored event with its mentions and sentences"),
    "serve": ("hadath.commands.serve", "the HTTP API and the Arabic dashboard over a store"),
    "brief": ("hadath.commands.brief", "a relations brief (الحدث / الرأي / الخلاصة) for two actors"),
    "watch": ("hadath.commands.watch", "poll news feeds and sitemaps and ingest new articles as they appear"),
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


class OutputError(HadathError):
    """Standard output cannot be written (a full disk, `> /dev/full`, a device error)."""


class StandardOutput:
    """sys.stdout while a command runs: a failed write or flush is an OutputError, one line, not a
    traceback. A reader that went away (BrokenPipeError) is left to main."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _occupy_closed_descriptors() -> None:
    """Open /dev/null on standard descriptors the command was started without (`<&-`, `>&-`, `2>&-`).

    Otherwise the next file opened (the store) takes descriptor 0, 1 or 2, and a write meant for the
    terminal lands in it. sys.stdin and sys.stdout stay None, so that reading `-` and writing output
    can say the stream is closed; errors written to a closed stderr go nowhere.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # for the life of the process


def _silence(stream: Any) -> None:
    """Point the descriptor under `stream` at /dev/null, so that the flush of what is left in its buffer
    at exit cannot fail again (a stream with no descriptor, as under a test's capture, is left alone)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _occupy_closed_descriptors()
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if sys.stdout is None:
        print(f"hadath {args.command}: standard output is closed", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(message)s")
    stdout = sys.stdout
    sys.stdout = StandardOutput(stdout)  # type: ignore[assignment]
    try:
        status = int(args._module.run(args) or 0)
        sys.stdout.flush()  # a full disk is found here, not in Python's flush at exit
        return status
    except OutputError as exc:
        print(f"hadath {args.command}: {exc}", file=sys.stderr)
        _silence(stdout)
        return 1
    except HadathError as exc:
        print(f"hadath {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"hadath {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `hadath extract … | head`: the reader went away; not an error of ours.
        _silence(stdout)
        return 0
    except OSError as exc:  # the system refused something (a device, a permission): a line, not a traceback
        logging.debug("%s failed", args.command, exc_info=True)
        print(f"hadath {args.command}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout
