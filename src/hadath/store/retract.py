"""Take an article back out of the store: when a watched page's text changed, its old text's article is
retracted and the new text written, so the page is re-coded, not counted twice.

Retracting removes the article's rows (article, entities, bands, copies, mentions); an event it was the
only report of goes too, and every other event it reported is counted again from the reports left
(recode.recount_events, as `hadath reprocess` counts: mentions, articles, outlets, first and last seen,
confidence, lead, casualties). What the merges chose from the retracted report (an event's date or
location, taken as the most precise any report gave) stays until the next report refines it.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, select

from hadath.store.recode import recount_events
from hadath.store.schema import articles, bands, copies, entities, event_outlets, events, mentions


def retract_article(conn: Connection, article_id: str) -> int:
    """Remove article `article_id` and its mentions inside the caller's transaction; returns how many
    events were deleted with it (their only report was in it). An id not in the store is no error."""
    event_ids = sorted(
        conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == article_id).distinct()).scalars()
    )
    for table in (mentions, entities, bands, copies):
        conn.execute(delete(table).where(table.c.article_id == article_id))
    conn.execute(delete(articles).where(articles.c.id == article_id))
    left = dict(
        conn.execute(
            select(mentions.c.event_id, func.count()).where(mentions.c.event_id.in_(event_ids)).group_by(mentions.c.event_id)
        ).all()
    ) if event_ids else {}
    gone = [e for e in event_ids if e not in left]
    if gone:
        conn.execute(delete(event_outlets).where(event_outlets.c.event_id.in_(gone)))
        conn.execute(delete(events).where(events.c.id.in_(gone)))
    recount_events(conn, sorted(left))
    return len(gone)
