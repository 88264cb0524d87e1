"""What the watcher has done, per outlet: `hadath watch --status` and the dashboard's sources page
(/api/sources) read this one function."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Engine, case, distinct, func, select

from hadath.store.schema import mentions, watch_errors, watch_feeds, watch_pages


def outlet_status(engine: Engine, *, day: datetime | None = None) -> list[dict[str, Any]]:
    """One row per outlet: feeds, failing feeds, last success, pages stored, articles and events
    stored today (UTC), errors today and the last error."""
    start = datetime.combine((day or datetime.now(UTC)).date(), time.min)
    rows: dict[str, dict[str, Any]] = {}

    def row(outlet: str | None) -> dict[str, Any]:
        name = outlet or "-"
        return rows.setdefault(name, {
            "outlet": name, "feeds": 0, "feeds_failing": 0, "last_success": None, "pages": 0,
            "articles_today": 0, "events_today": 0, "errors_today": 0, "last_error": None, "last_error_at": None,
        })

    with engine.connect() as conn:
        for r in conn.execute(
            select(watch_feeds.c.outlet, func.count(),
                   func.sum(case((watch_feeds.c.consecutive_errors > 0, 1), else_=0)),
                   func.max(watch_feeds.c.last_success)).group_by(watch_feeds.c.outlet)
        ):
            out = row(r[0])
            out.update(feeds=r[1], feeds_failing=int(r[2] or 0), last_success=_iso(r[3]))
        stored = watch_pages.c.status == "stored"
        for r in conn.execute(select(watch_pages.c.outlet, func.count()).where(stored).group_by(watch_pages.c.outlet)):
            row(r[0])["pages"] = r[1]
        today = stored & (watch_pages.c.stored_at >= start)
        for r in conn.execute(select(watch_pages.c.outlet, func.count()).where(today).group_by(watch_pages.c.outlet)):
            row(r[0])["articles_today"] = r[1]
        for r in conn.execute(
            select(watch_pages.c.outlet, func.count(distinct(mentions.c.event_id)))
            .join(mentions, mentions.c.article_id == watch_pages.c.article_id)
            .where(today).group_by(watch_pages.c.outlet)
        ):
            row(r[0])["events_today"] = r[1]
        for r in conn.execute(select(watch_errors.c.outlet, func.count()).where(watch_errors.c.at >= start)
                              .group_by(watch_errors.c.outlet)):
            row(r[0])["errors_today"] = r[1]
        last = (select(watch_errors.c.outlet, func.max(watch_errors.c.id).label("id"))
                .group_by(watch_errors.c.outlet).subquery())
        for r in conn.execute(select(watch_errors.c.outlet, watch_errors.c.at, watch_errors.c.url, watch_errors.c.message)
                              .join(last, last.c.id == watch_errors.c.id)):
            out = row(r.outlet)
            out.update(last_error=f"{r.url}: {r.message}", last_error_at=_iso(r.at))
    return sorted(rows.values(), key=lambda r: r["outlet"])


def _iso(value: datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() + "Z" if value is not None else None


def status_table(rows: list[dict[str, Any]]) -> str:
    """The rows as an aligned text table (times in UTC)."""
    header = ("outlet", "last success", "feeds failing", "articles today", "events today", "errors today", "last error")
    lines = [header]
    for r in rows:
        lines.append((
            r["outlet"], (r["last_success"] or "never").replace("T", " ").removesuffix("Z"),
            f"{r['feeds_failing']}/{r['feeds']}", str(r["articles_today"]), str(r["events_today"]),
            str(r["errors_today"]), (r["last_error"] or "")[:80],
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line[:-1], widths, strict=True)) + "  " + line[-1]
        for line in lines
    ).rstrip()
