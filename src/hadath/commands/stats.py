"""`hadath stats [--db URL] [--json]`: what the store holds."""

from __future__ import annotations

import argparse
import json

from hadath.commands.export import add_store_argument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object")


def run(args: argparse.Namespace) -> int:
    from hadath.store import Store

    stats = Store(args.db).stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    for name, value in stats.items():
        if isinstance(value, dict):
            value = "  ".join(f"{k}:{v}" for k, v in value.items()) or "-"
        print(f"{name:24} {value}")
    return 0
