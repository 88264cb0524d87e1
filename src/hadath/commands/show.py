"""`hadath show EVENT_ID [--db URL] [--json]`: one merged event and every mention of it, with the
sentence each came from and the outlet that published it: why these reports were merged."""

from __future__ import annotations

import argparse
import json

from hadath.commands.export import add_store_argument
from hadath.errors import HadathError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event_id", metavar="EVENT_ID", help="an event id (from export or query)")
    add_store_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object")


def _side(actor: str | None, key: str | None, name: str | None) -> str:
    return " ".join(x for x in (actor or key or "-", f"({name})" if name else "") if x)


def casualties(row: dict) -> str:
    """"12 killed, at least 10 injured" from a row's casualty columns; "" where it has none."""
    parts = []
    for count, flag, word in (("fatalities", "fatalities_lower_bound", "killed"),
                              ("injured", "injured_lower_bound", "injured")):
        value = row.get(count)
        if value is not None and value == value:  # NaN: a mention column pandas read without a value
            parts.append(f"{'at least ' if row.get(flag) else ''}{int(value)} {word}")
    return ", ".join(parts)


def run(args: argparse.Namespace) -> int:
    from hadath.store import Store

    try:
        event_id = int(args.event_id)
    except ValueError:
        raise HadathError(f"{args.event_id!r} is not an event id (a number)") from None
    found = Store(args.db).event(event_id)
    if found is None:
        raise HadathError(f"no event {event_id} in the store")
    event, mentions = found["event"], found["mentions"]
    if args.json:
        out = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in event.items()}
        out["mentions"] = json.loads(mentions.to_json(orient="records", force_ascii=False, date_format="iso"))
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(
        f"event {event['id']}: {event['cameo']} (root {event['root']}, quad {event['quad_class']}, "
        f"goldstein {event['goldstein']}) {_side(event['source_actor'], event['source_key'], event['source_name'])}"
        f" -> {_side(event['target_actor'], event['target_key'], event['target_name'])}"
    )
    print(
        f"  {event['status']}, date {event['date'] or '-'} ({event['date_precision']}), "
        f"location {event['location_name'] or event['location_key'] or '-'}; "
        f"{event['num_mentions']} mentions in {event['num_articles']} articles from {event['num_sources']} sources, "
        f"seen {event['first_seen'] or '-'} to {event['last_seen'] or '-'}"
    )
    if told := casualties(event):
        print(f"  casualties: {told}")
    for m in mentions.to_dict("records"):
        print(
            f"- {m['published'] or '-'} {m['outlet'] or m['article_source'] or '-'} article {m['article_id']} "
            f"event {m['idx']} ({m['merged_by']}): {m['cameo']} {m['status']} "
            f"{m['source_key'] or '-'} -> {m['target_key'] or '-'}, trigger \"{m['trigger_text']}\", "
            f"confidence {m['confidence']}" + (f", {told}" if (told := casualties(m)) else "")
        )
        if m["url"]:
            print(f"  {m['url']}")
        if m["sentence_text"]:
            print(f"  «{' '.join(m['sentence_text'].split())}»")
    return 0
