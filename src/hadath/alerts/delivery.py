"""Sending alerts to their webhooks: each one POSTed as JSON until a receiver answers 2xx, at least once.

A failed delivery (refused, timed out, a non-2xx answer) is tried again later, after 30 s, 1, 2, 4 …
minutes, at most an hour apart; every write that stores alerts, `hadath alerts deliver` and the next
run of ingest, reprocess or the API's writes send what is due. Each request carries the alert's id in
`Idempotency-Key` ("EVENT:RULE"), so a receiver can drop the rare second copy of an alert that was
delivered but whose answer was lost.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Engine

from hadath.store.alerts import claim_due, mark_delivered, mark_failed

log = logging.getLogger(__name__)

TIMEOUT_S = 10.0  # per request
LEASE = timedelta(minutes=2)  # how long a sender holds an alert (more than a request's timeout)
FIRST_RETRY_S = 30
LONGEST_RETRY_S = 3600
BATCH = 100


def retry_after(attempts: int) -> timedelta:
    """30 s after the first failure, then doubling, at most an hour."""
    return timedelta(seconds=min(LONGEST_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1)))


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)  # the first few

    def line(self) -> str:
        text = f"{self.delivered} alerts delivered, {self.failed} failed (tried again later)"
        return text + (f": {'; '.join(self.errors)}" if self.errors else "")


def deliver_due(engine: Engine, *, everything: bool = False, limit: int | None = None) -> DeliveryReport:
    """Send the alerts that are due (`everything`: every one not delivered); returns what happened."""
    import httpx

    report = DeliveryReport()
    last = 0  # each alert is tried once per call: one that fails now waits for its backoff
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=False) as client:
        while limit is None or report.delivered + report.failed < limit:
            with engine.begin() as conn:
                batch = claim_due(conn, limit=BATCH, lease=LEASE, everything=everything, after_id=last)
            if not batch:
                break
            last = batch[-1].id
            for alert in batch:
                body = json.loads(alert.payload)
                body["alert_id"] = alert.id
                key = f"{body['event']['id']}:{body['rule']}"
                error = None
                try:
                    answer = client.post(alert.webhook, json=body, headers={"Idempotency-Key": key})
                    if not 200 <= answer.status_code < 300:
                        error = f"HTTP {answer.status_code}"
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                with engine.begin() as conn:
                    if error is None:
                        mark_delivered(conn, alert.id)
                        report.delivered += 1
                    else:
                        mark_failed(conn, alert.id, error, retry_after(alert.attempts))
                        report.failed += 1
                        if len(report.errors) < 3:
                            report.errors.append(f"alert {alert.id} to {alert.webhook}: {error}")
    return report


class BackgroundDelivery:
    """Delivers due alerts in a thread after a write stored some, so a slow receiver never holds up a
    writer (the API, the watcher). One thread at a time: a kick while it runs makes it go round again.
    While some alert waits for a retry the thread stays, sleeping until the earliest is due, so a
    long-running process (`hadath serve`, `hadath watch`) retries on time without a new write."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False
        self._wake = threading.Event()  # a kick during the wait for a retry
        self._idle = threading.Event()  # set when a pass has sent what was due and nothing new was asked

    def kick(self) -> None:
        with self._lock:
            self._idle.clear()
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                self._wake.set()
                return
            self._again = False
            self._thread = threading.Thread(target=self._run, name="hadath-alerts", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                deliver_due(self.engine)
                delay = seconds_to_next_retry(self.engine)
            except Exception:  # a store error here must not kill the writer's process; the alerts stay due
                log.warning("alert delivery failed; the alerts stay due", exc_info=True)
                delay = float(FIRST_RETRY_S)
            with self._lock:
                if self._again:
                    self._again = False
                    continue
                self._idle.set()
                if delay is None:
                    self._thread = None
                    return
            self._wake.wait(delay)
            self._wake.clear()

    def wait(self, timeout: float | None = None) -> None:
        """Until the sending of what is due now is over (not the retries later), at most `timeout` s."""
        if self._thread is not None:
            self._idle.wait(timeout)


def seconds_to_next_retry(engine: Engine) -> float | None:
    """How long until the earliest undelivered alert is due again; None when none waits."""
    from sqlalchemy import func, select

    from hadath.store.alerts import MAX_ATTEMPTS, now
    from hadath.store.schema import alerts

    with engine.connect() as conn:
        earliest = conn.execute(select(func.min(alerts.c.next_attempt_at)).where(
            alerts.c.delivered_at.is_(None), alerts.c.webhook.is_not(None),
            alerts.c.attempts < MAX_ATTEMPTS)).scalar_one()
    if earliest is None:
        return None
    if isinstance(earliest, str):  # SQLite through a plain select of an aggregate
        from datetime import datetime

        earliest = datetime.fromisoformat(earliest)
    return min(float(LONGEST_RETRY_S), max(1.0, (earliest - now()).total_seconds()))
