"""`hadath alerts [list|deliver|rules] [--rules FILE] [--db URL]`: the alert rules in the store, the alerts
they raised, and sending those not yet delivered to their webhooks (see hadath.alerts)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hadath.errors import HadathError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "deliver", "rules"), default="list",
                        help="list: the alerts, newest first (default); deliver: send those not delivered; "
                             "rules: the rules")
    parser.add_argument("--db", help="store: a path, sqlite:///… or postgresql://… (default $HADATH_DB or ./hadath.db)")
    parser.add_argument("--rules", metavar="FILE",
                        help="a TOML rules file to load first: its rules replace the store's file rules")
    parser.add_argument("--rule", metavar="NAME", help="list: only this rule's alerts")
    parser.add_argument("--limit", type=int, default=50, help="list: at most this many (default 50)")
    parser.add_argument("--due", action="store_true",
                        help="deliver: only alerts whose retry time has come (for cron), not every undelivered one")
    parser.add_argument("--json", action="store_true", help="JSON output")


def _open(db: str | None, *, create: bool):  # type: ignore[no-untyped-def]
    """The store's writing engine. Only loading rules creates a store (rules may come before the first
    ingest); listing or delivering on a mistyped path is an error, not a new empty store."""
    from hadath.store import Store
    from hadath.store.engine import make_engine, resolve_url
    from hadath.store.migrations import migrate

    url = resolve_url(db)
    if not create:
        url = Store(url).url  # "no Hadath store at …" where there is none; migrates an older one
    engine = make_engine(url, write=True)
    migrate(engine, url)
    return engine, url


def _load_rules(engine, url: str, path: str) -> str:  # type: ignore[no-untyped-def]
    from hadath.alerts.rules import parse_rules_toml
    from hadath.store.alerts import sync_file_rules
    from hadath.store.engine import STORE_ERRORS, database_error

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HadathError(f"cannot read the rules file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    rules = parse_rules_toml(text, path)
    try:
        with engine.begin() as conn:
            saved, removed = sync_file_rules(conn, rules)
    except STORE_ERRORS as exc:
        raise database_error(exc, url, "cannot write to the store") from None
    return f"{saved} rules loaded from {path}" + (f", {removed} no longer in it removed" if removed else "")


def run(args: argparse.Namespace) -> int:
    from hadath.store.alerts import alert_rows, load_rules
    from hadath.store.engine import STORE_ERRORS, database_error

    if args.limit < 1:
        raise HadathError("--limit must be at least 1")
    engine, url = _open(args.db, create=bool(args.rules))
    if args.rules:
        print(f"hadath alerts: {_load_rules(engine, url, args.rules)}", file=sys.stderr)
    try:
        if args.action == "deliver":
            from hadath.alerts.delivery import deliver_due

            report = deliver_due(engine, everything=not args.due)
            print(json.dumps(report.__dict__) if args.json else f"hadath alerts: {report.line()}")
            return 0
        with engine.connect() as conn:
            if args.action == "rules":
                rules = [rule.as_dict() for rule in load_rules(conn)]
                if args.json:
                    print(json.dumps(rules, ensure_ascii=False))
                for rule in [] if args.json else rules:
                    conditions = ", ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}"
                                           for k, v in rule.items()
                                           if k not in ("name", "webhook") and v not in (None, [], False))
                    print(f"{rule['name']}: {conditions}; webhook {rule['webhook'] or 'none'}")
                return 0
            rows, total = alert_rows(conn, limit=args.limit, rule=args.rule)
    except STORE_ERRORS as exc:
        raise database_error(exc, url, "cannot read the store") from None
    if args.json:
        print(json.dumps({"total": total, "items": rows}, ensure_ascii=False, default=str))
        return 0
    for row in rows:
        event = (f"{row['cameo']} {row['source_key'] or '-'}→{row['target_key'] or '-'} {row['status']} "
                 f"{row['date'] or 'undated'} Goldstein {row['goldstein']}, {row['num_sources']} sources"
                 if row["event_present"] else "(event re-coded away)")
        tried = f", {row['attempts']} attempts: {row['last_error']}" if row["last_error"] else ""
        print(f"{row['id']}\t{row['matched_at']:%Y-%m-%d %H:%M}\t{row['rule']}\tevent {row['event_id']}: {event}\t"
              f"{row['delivery']}{tried}")
    print(f"hadath alerts: {total} alerts" + (f" (the newest {len(rows)} shown)" if total > len(rows) else ""),
          file=sys.stderr)
    return 0
