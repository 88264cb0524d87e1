"""Alerts in the store: the rules (alert_rules), and the alerts they raised (alerts), one per (event, rule)
whatever happens to the event later, so an event is announced once per rule.

`record_alerts` runs inside the writer's transaction with the ids of the events it created or changed:
an alert is stored with the event it matched or not at all. Delivery (hadath.alerts.delivery) claims
an alert for a while before sending it, so two senders do not send it twice, and a sender that dies
mid-way lets it go when its claim runs out: each alert is sent at least once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from hadath.alerts.rules import AlertRule, RuleError, matches, parse_rule
from hadath.store.schema import alert_rules, alerts, events

log = logging.getLogger(__name__)
IN_CHUNK = 1000
# Sent on its own schedule this many times at most (the last tries an hour apart: about two days);
# after that only an operator's `hadath alerts deliver` tries it again.
MAX_ATTEMPTS = 50
# The event as a webhook receives it (merge keys and bookkeeping left out).
PAYLOAD_FIELDS = tuple(c.name for c in events.c if c.name not in ("dyad", "date_month", "pub_week"))


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive, in UTC, on both stores


def load_rules(conn: Connection) -> list[AlertRule]:
    """The store's rules. One this Hadath cannot read (saved by a newer one with a field it does not know)
    is left out with a warning: a rule must never stop the store being written."""
    rules = []
    for name, definition in conn.execute(
        select(alert_rules.c.name, alert_rules.c.definition).order_by(alert_rules.c.name)
    ).all():
        try:
            rules.append(parse_rule(name, json.loads(definition)))
        except (RuleError, ValueError) as exc:
            log.warning("alert rule %s is left out: %s", name, exc)
    return rules


def save_rule(conn: Connection, rule: AlertRule, origin: str) -> None:
    """Add or replace a rule (by name). Alerts it raised before stay: each event is announced once."""
    definition = json.dumps({k: v for k, v in rule.as_dict().items() if k != "name" and v not in (None, [], False)})
    conn.execute(delete(alert_rules).where(alert_rules.c.name == rule.name))
    conn.execute(insert(alert_rules).values(name=rule.name, definition=definition, origin=origin, created_at=now()))


def sync_file_rules(conn: Connection, rules: list[AlertRule]) -> tuple[int, int]:
    """Make the store's file rules those of a rules file: its rules added or replaced, file rules it no
    longer has removed (rules made through the API stay). Returns (saved, removed)."""
    names = {rule.name for rule in rules}
    stale = [n for n in conn.execute(select(alert_rules.c.name).where(alert_rules.c.origin == "file")).scalars()
             if n not in names]
    for name in stale:
        conn.execute(delete(alert_rules).where(alert_rules.c.name == name))
    for rule in rules:
        save_rule(conn, rule, "file")
    return len(rules), len(stale)


def delete_rule(conn: Connection, name: str) -> bool:
    return conn.execute(delete(alert_rules).where(alert_rules.c.name == name)).rowcount > 0


def payload(rule: AlertRule, row: dict[str, Any], matched_at: datetime) -> dict[str, Any]:
    """What the webhook receives: the rule, the event as it matched (ids as strings: 64-bit) and when."""
    event = {name: row.get(name) for name in PAYLOAD_FIELDS}
    event["id"] = str(row["id"])
    for name, value in event.items():
        if hasattr(value, "isoformat"):
            event[name] = value.isoformat()
    return {"rule": rule.name, "event": event, "matched_at": matched_at.isoformat() + "Z",
            "url": f"/api/events/{row['id']}"}


def record_alerts(conn: Connection, event_ids: Iterable[int]) -> int:
    """Check the rules on these events (new or changed in the caller's transaction) and store an alert
    for each match not stored before (by event and rule); returns how many were stored."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    rules = load_rules(conn)
    if not rules:
        return 0
    stored = 0
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        rows = [dict(r) for r in conn.execute(select(events).where(events.c.id.in_(chunk))).mappings()]
        found = [(rule, row) for row in rows for rule in rules if matches(rule, row)]
        if not found:
            continue
        seen = {(event_id, name) for event_id, name in conn.execute(select(alerts.c.event_id, alerts.c.rule).where(
            alerts.c.event_id.in_({row["id"] for _, row in found})))}
        when = now()
        new_rows = []
        for rule, row in found:
            if (row["id"], rule.name) in seen:
                continue
            new_rows.append({
                "event_id": row["id"], "rule": rule.name, "matched_at": when,
                "payload": json.dumps(payload(rule, row, when), ensure_ascii=False), "webhook": rule.webhook,
                "attempts": 0, "next_attempt_at": when if rule.webhook else None,
            })
            seen.add((row["id"], rule.name))
        if new_rows:
            conn.execute(insert(alerts), new_rows)
            stored += len(new_rows)
    return stored


@dataclass
class Claimed:
    id: int
    webhook: str
    payload: str
    attempts: int


def claim_due(
    conn: Connection, *, limit: int, lease: timedelta, everything: bool = False, after_id: int = 0
) -> list[Claimed]:
    """Alerts to send now (not delivered, due, not held by another sender), each claimed for `lease`.
    `everything`: due or not (an operator's `hadath alerts deliver`), unless another sender holds it."""
    moment = now()
    free = or_(alerts.c.sending_until.is_(None), alerts.c.sending_until < moment)
    due = free if everything else and_(free, alerts.c.next_attempt_at <= moment, alerts.c.attempts < MAX_ATTEMPTS)
    query = (select(alerts.c.id, alerts.c.webhook, alerts.c.payload, alerts.c.attempts)
             .where(alerts.c.delivered_at.is_(None), alerts.c.webhook.is_not(None), alerts.c.id > after_id, due)
             .order_by(alerts.c.id).limit(limit))
    claimed = []
    for row in conn.execute(query).all():
        # The same condition again: only one of two senders reading the same row gets it.
        taken = conn.execute(update(alerts).where(alerts.c.id == row.id, alerts.c.delivered_at.is_(None), free)
                             .values(sending_until=moment + lease, attempts=alerts.c.attempts + 1)).rowcount
        if taken:
            claimed.append(Claimed(row.id, row.webhook, row.payload, row.attempts + 1))
    return claimed


def mark_delivered(conn: Connection, alert_id: int) -> None:
    conn.execute(update(alerts).where(alerts.c.id == alert_id)
                 .values(delivered_at=now(), sending_until=None, last_error=None))


def mark_failed(conn: Connection, alert_id: int, error: str, retry_after: timedelta) -> None:
    conn.execute(update(alerts).where(alerts.c.id == alert_id)
                 .values(sending_until=None, last_error=error[:500], next_attempt_at=now() + retry_after))


def alert_rows(conn: Connection, *, limit: int = 100, offset: int = 0, rule: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Alerts newest first, each with its delivery state and its event as it now is (null if re-coded away)."""
    where = alerts.c.rule == rule if rule else True
    total = conn.execute(select(func.count()).select_from(alerts).where(where)).scalar_one()
    query = (
        select(alerts.c.id, alerts.c.event_id, alerts.c.rule, alerts.c.matched_at, alerts.c.webhook,
               alerts.c.attempts, alerts.c.next_attempt_at, alerts.c.delivered_at, alerts.c.last_error,
               events.c.cameo, events.c.source_key, events.c.source_actor, events.c.target_key,
               events.c.target_actor, events.c.status, events.c.date, events.c.goldstein, events.c.num_sources,
               events.c.id.label("event_present"))
        .select_from(alerts.outerjoin(events, events.c.id == alerts.c.event_id))
        .where(where).order_by(alerts.c.id.desc()).limit(limit).offset(offset)
    )
    rows = []
    for r in conn.execute(query).mappings():
        row = dict(r)
        row["delivery"] = delivery_state(row)
        row["event_present"] = row["event_present"] is not None
        rows.append(row)
    return rows, total


def delivery_state(row: dict[str, Any]) -> str:
    """delivered | pending (not tried yet) | retrying (failed, will try again) | none (no webhook)."""
    if row["webhook"] is None:
        return "none"
    if row["delivered_at"] is not None:
        return "delivered"
    return "retrying" if row["attempts"] else "pending"
