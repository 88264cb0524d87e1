"""Take an article back out of the store: when a watched page's text changed, its old text's article is
retracted and the new text written, so the page is re-coded, not counted twice.

Retracting removes the article's rows (article, entities, bands, copies, mentions) and, for each event
it mentioned, the event itself when no other article mentions it, else the event's counts recomputed
from the mentions left (num_mentions, num_articles, and its outlets and num_sources from the articles
and copies left). The event's other merged fields (dates seen, confidence, the largest casualty count,
the most precise location) keep what the retracted mention may have added: they are maxima over
mentions that the store does not keep apart, and they are refreshed by the next mention merged in.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, distinct, func, select, union, update

from hadath.store.schema import articles, bands, copies, entities, event_outlets, events, mentions


def retract_article(conn: Connection, article_id: str) -> int:
    """Remove article `article_id` and its mentions inside the caller's transaction; returns how many
    events were deleted with it (their only mention was in it). An id not in the store is no error."""
    event_ids = sorted(
        conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == article_id).distinct()).scalars()
    )
    for table in (mentions, entities, bands, copies):
        conn.execute(delete(table).where(table.c.article_id == article_id))
    conn.execute(delete(articles).where(articles.c.id == article_id))
    deleted = 0
    for event_id in event_ids:
        left = conn.execute(
            select(func.count(), func.count(distinct(mentions.c.article_id))).where(mentions.c.event_id == event_id)
        ).one()
        if left[0] == 0:
            conn.execute(delete(event_outlets).where(event_outlets.c.event_id == event_id))
            conn.execute(delete(events).where(events.c.id == event_id))
            deleted += 1
            continue
        reporting = select(mentions.c.article_id).where(mentions.c.event_id == event_id)
        outlets = set(
            conn.execute(
                union(
                    select(articles.c.outlet).where(articles.c.id.in_(reporting), articles.c.outlet.is_not(None)),
                    select(copies.c.outlet).where(copies.c.article_id.in_(reporting), copies.c.outlet.is_not(None)),
                )
            ).scalars()
        )
        stored = set(conn.execute(select(event_outlets.c.outlet).where(event_outlets.c.event_id == event_id)).scalars())
        for outlet in sorted(stored - outlets):
            conn.execute(delete(event_outlets).where(event_outlets.c.event_id == event_id, event_outlets.c.outlet == outlet))
        conn.execute(
            update(events)
            .where(events.c.id == event_id)
            .values(num_mentions=left[0], num_articles=left[1], num_sources=len(stored & outlets))
        )
    return deleted
