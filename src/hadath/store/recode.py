"""Writing a stored article's events again after the current coder has re-coded it (`hadath reprocess`).

Each article is compared mention by mention with what the store holds for it:

- kept: a new event coded exactly as an old mention (every coded field equal: trigger, parties, code,
  status, date, location, casualties…) keeps that mention's event, and so its event id;
- changed: a new event at the same trigger (sentence and offsets) coded differently; its old event, when
  no other report still holds it, gives its id to the new one unless the new one joins another event;
- removed: an old mention the coder no longer finds; an event left with no mention is deleted;
- added: a new event at a trigger that had none; it joins an event by the merge rules (merge.py) or
  starts one, as `hadath ingest` does.

Events that gained or lost reports are counted again from their mentions (mentions, articles, outlets,
first and last seen, confidence, lead, casualties), as ingest counts them. The summary compares every
touched event row before and after: added, removed and changed events, with examples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update

from hadath.model import Article
from hadath.store import merge
from hadath.store.schema import articles, copies, entities, event_outlets, events, mentions

# The writer's own merge machinery (candidate reads, the merge rules' choice, row shapes), shared so that a
# re-coded article merges exactly as an ingested one does.
from hadath.store.writer import (
    _EVENTS_BY_ID,
    StoreWriter,
    _Batch,
    _chunks,
    _driver_update_event,
    _event_row,
    _insert_rows,
    _NewEvent,
    outlet_of,
)

# What a mention is coded as: every column but where it is stored and how it was merged.
NOT_CODED = frozenset({"article_id", "idx", "event_id", "merged_by", "coder_version"})
CODED_FIELDS = tuple(c.name for c in mentions.c if c.name not in NOT_CODED)
TRIGGER_FIELDS = ("sentence", "trigger_start", "trigger_end")
# Event columns that say how often and where an event was reported, not how it is coded.
COUNT_FIELDS = frozenset({"num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "pub_week"})
# Compared to tell a changed event: all but bookkeeping.
COMPARED_EVENT_FIELDS = tuple(c.name for c in events.c if c.name not in ("coder_version",))


@dataclass
class Recoded:
    """A stored article run through the pipeline again (after cleaning: its text is the stored one)."""

    article_id: str
    article: Article
    coder_version: str


@dataclass
class EventChange:
    kind: str  # added | removed | changed
    event_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class RecodeResult:
    article_id: str
    outcome: str  # changed | unchanged | failed
    error: str | None = None
    changes: list[EventChange] = field(default_factory=list)

    @property
    def alert_candidates(self) -> list[int]:
        """Events new or changed by this article: the ones alerts are checked on."""
        return [c.event_id for c in self.changes if c.kind != "removed"]


def _coded(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[name] for name in CODED_FIELDS)


def pair_mentions(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> tuple[dict[int, int], dict[int, int], list[int], list[int]]:
    """Pair an article's stored mentions with its new ones (indexes into each list): kept (coded
    alike, the same index first), changed (the same trigger), then the removed old and the added new."""
    unused = dict.fromkeys(range(len(old)))
    kept: dict[int, int] = {}
    by_code: dict[tuple[Any, ...], list[int]] = {}
    for j, row in enumerate(old):
        by_code.setdefault(_coded(row), []).append(j)
    for i, row in enumerate(new):
        same = [j for j in by_code.get(_coded(row), ()) if j in unused]
        if same:
            j = next((j for j in same if old[j]["idx"] == i), same[0])
            kept[i] = j
            del unused[j]
    changed: dict[int, int] = {}
    for i, row in enumerate(new):
        if i in kept:
            continue
        j = next((j for j in unused if all(old[j][f] == row[f] for f in TRIGGER_FIELDS)), None)
        if j is not None:
            changed[i] = j
            del unused[j]
    added = [i for i in range(len(new)) if i not in kept and i not in changed]
    return kept, changed, list(unused), added


class RecodeWriter(StoreWriter):
    """Writes re-coded articles over their stored events, on a connection the caller's transaction holds."""

    def recode(self, conn: Connection, item: Recoded) -> RecodeResult:
        article, article_id, version = item.article, item.article_id, item.coder_version
        if article.error is not None:
            return RecodeResult(article_id, "failed", article.error)
        stored = conn.execute(
            select(articles.c.cluster_id, articles.c.coder_version).where(articles.c.id == article_id)
        ).first()
        if stored is None:
            return RecodeResult(article_id, "failed", "no longer in the store")
        old = [dict(r) for r in conn.execute(
            select(mentions).where(mentions.c.article_id == article_id).order_by(mentions.c.idx)
        ).mappings()]
        new = [self._mention_row(article, article_id, i, ev, 0, "new", version) for i, ev in enumerate(article.events)]
        kept, changed, removed, added = pair_mentions(old, new)
        self._replace_entities(conn, article_id, article)
        conn.execute(update(articles).where(articles.c.id == article_id)
                     .values(coder_version=version, num_events=len(article.events)))
        if not changed and not removed and not added and all(old[j]["idx"] == i for i, j in kept.items()):
            conn.execute(update(mentions).where(mentions.c.article_id == article_id)
                         .values(coder_version=version))
            return RecodeResult(article_id, "unchanged")

        before: dict[int, dict[str, Any]] = {}
        self._remember(conn, before, {row["event_id"] for row in old})
        conn.execute(delete(mentions).where(mentions.c.article_id == article_id))
        _insert_rows(conn, mentions, [{**old[j], "idx": i, "coder_version": version} for i, j in kept.items()])
        losing = {old[j]["event_id"] for j in [*changed.values(), *removed]}
        still_held = self._mention_counts(conn, losing)
        vacated = sorted(e for e in losing if not still_held.get(e))
        self._delete_events(conn, vacated)
        # A changed mention may take back the id of the event it alone held.
        reusable = {i: old[j]["event_id"] for i, j in changed.items() if old[j]["event_id"] in vacated}

        week = merge.publication_week(article.published)
        to_merge = sorted([*changed, *added])
        views = {i: self._view(article.events[i], week) for i in to_merge}
        batch = _Batch()
        self._read_candidates(conn, batch, list(views.values()))
        cluster_rows = self._cluster_rows(conn, batch, stored.cluster_id, article_id)
        for event_id, row in batch.events.items():
            before.setdefault(event_id, dict(row))
        outlet = outlet_of(article.url, article.source)
        touched: set[int] = set()
        mention_rows = []
        for i in to_merge:
            ev, view = article.events[i], views[i]
            chosen, merged_by = self._find_event(view, cluster_rows.get(view.dyad, {}).values(), batch)
            if chosen is None:
                event_id = reusable.get(i)
                if event_id is None or event_id in batch.events:
                    event_id = self._fresh_id(conn, batch, article_id, i)
                batch.add_event(self._new_event(event_id, ev, view, article, outlet, version))
                batch.created[event_id] = None
            else:
                event_id = chosen.id
                changes = self._merge_changes(chosen, ev, article, view, touched, int(ev.sentence == 0))
                if set(changes) - COUNT_FIELDS:
                    changes["coder_version"] = version
                chosen.update(changes)
                if event_id not in batch.created:
                    batch.changed[event_id] = None
                if "date_month" in changes or "pub_week" in changes:
                    batch.file(chosen)
            touched.add(event_id)
            mention_rows.append({**new[i], "event_id": event_id, "merged_by": merged_by})
        _insert_rows(conn, events, [batch.events[i] for i in batch.created])
        if batch.changed:
            statement = _driver_update_event(conn.dialect)
            conn.exec_driver_sql(statement.sql, [statement.values_of(batch.events[i]) for i in batch.changed])
        _insert_rows(conn, mentions, mention_rows)
        recount_events(conn, sorted((losing - set(vacated)) | touched))
        return RecodeResult(article_id, "changed", changes=self._compare(conn, before, touched | losing))

    @staticmethod
    def _remember(conn: Connection, before: dict[int, dict[str, Any]], event_ids: Iterable[int]) -> None:
        for chunk in _chunks(sorted(set(event_ids) - before.keys())):
            for row in conn.execute(_EVENTS_BY_ID, {"ids": chunk}).mappings():
                before[row["id"]] = dict(_event_row(row))

    @staticmethod
    def _mention_counts(conn: Connection, event_ids: Iterable[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for chunk in _chunks(sorted(event_ids)):
            query = (select(mentions.c.event_id, func.count()).where(mentions.c.event_id.in_(chunk))
                     .group_by(mentions.c.event_id))
            counts.update(dict(conn.execute(query).all()))
        return counts

    @staticmethod
    def _delete_events(conn: Connection, event_ids: list[int]) -> None:
        for chunk in _chunks(event_ids):
            conn.execute(delete(event_outlets).where(event_outlets.c.event_id.in_(chunk)))
            conn.execute(delete(events).where(events.c.id.in_(chunk)))

    @staticmethod
    def _cluster_rows(
        conn: Connection, batch: _Batch, cluster_id: str | None, article_id: str
    ) -> dict[str | None, dict[int, _NewEvent]]:
        """The events the other articles of the article's near-duplicate cluster mention, by dyad."""
        if cluster_id is None:
            return {}
        ids = conn.execute(
            select(mentions.c.event_id).distinct()
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(articles.c.cluster_id == cluster_id, mentions.c.article_id != article_id)
        ).scalars().all()
        for chunk in _chunks(sorted(set(ids) - batch.events.keys())):
            for row in conn.execute(_EVENTS_BY_ID, {"ids": chunk}).mappings():
                batch.add_event(_event_row(row))
        by_dyad: dict[str | None, dict[int, _NewEvent]] = {}
        for event_id in ids:
            row = batch.events[event_id]
            by_dyad.setdefault(row.dyad, {})[event_id] = row
        return by_dyad

    @staticmethod
    def _fresh_id(conn: Connection, batch: _Batch, article_id: str, index: int) -> int:
        """merge.event_id as ingest makes it, unless an event has it already (an event this article
        keeps from before, under its old index): then the same hash, salted, until free."""
        candidate, salt = merge.event_id(article_id, index), 0
        while candidate in batch.events or conn.execute(
            select(events.c.id).where(events.c.id == candidate)
        ).first() is not None:
            salt += 1
            digest = hashlib.sha256(f"{article_id}:{index}:recoded:{salt}".encode()).hexdigest()
            candidate = int(digest[:15], 16)
        return candidate

    @staticmethod
    def _replace_entities(conn: Connection, article_id: str, article: Article) -> None:
        rows = [
            {"article_id": article_id, "idx": i, "text": e.text, "start": e.start, "end": e.end, "type": e.type,
             "name": e.name, "actor": e.actor, "key": e.key, "origin": e.origin}
            for i, e in enumerate(article.entities)
        ]
        stored = [dict(r) for r in conn.execute(
            select(entities).where(entities.c.article_id == article_id).order_by(entities.c.idx)
        ).mappings()]
        if stored != rows:
            conn.execute(delete(entities).where(entities.c.article_id == article_id))
            _insert_rows(conn, entities, rows)

    @staticmethod
    def _compare(conn: Connection, before: dict[int, dict[str, Any]], ids: set[int]) -> list[EventChange]:
        after: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(sorted(ids | before.keys())):
            for row in conn.execute(_EVENTS_BY_ID, {"ids": chunk}).mappings():
                after[row["id"]] = dict(_event_row(row))
        out = []
        for event_id in sorted(before.keys() | after.keys()):
            old, now = before.get(event_id), after.get(event_id)
            if old is None:
                out.append(EventChange("added", event_id, None, now))
            elif now is None:
                out.append(EventChange("removed", event_id, old, None))
            elif any(old[f] != now[f] for f in COMPARED_EVENT_FIELDS):
                out.append(EventChange("changed", event_id, old, now))
        return out


def reports_of(conn: Connection, article_ids: list[str]) -> dict[int, frozenset[tuple[Any, ...]]]:
    """The events the articles mention, each with all its reports (article and trigger, wherever they
    are): what an event is, across a re-code, whatever its code."""
    event_ids: set[int] = set()
    for chunk in _chunks(article_ids):
        event_ids.update(conn.execute(
            select(mentions.c.event_id).where(mentions.c.article_id.in_(chunk))).scalars())
    return reports_of_events(conn, sorted(event_ids))


def keep_ids(
    conn: Connection, before: dict[int, frozenset[tuple[Any, ...]]], results: list[RecodeResult]
) -> list[EventChange]:
    """An event removed and an event added in the same batch with the same reports (its code changed in
    every article that reports it) are one event found again: the added one takes the removed one's id.
    Returns the changes that say so (the old id now changed, the new id never there)."""
    added = sorted({c.event_id for r in results for c in r.changes if c.kind == "added"})
    removed = {c.event_id for r in results for c in r.changes if c.kind == "removed"}
    gone = {reports: event_id for event_id, reports in before.items()
            if event_id in removed and conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is None}
    if not gone or not added:
        return []
    now = reports_of_events(conn, added)
    out = []
    for new_id in added:
        old_id = gone.pop(now.get(new_id, frozenset()), None)
        if old_id is None:
            continue
        row = dict(conn.execute(select(events).where(events.c.id == new_id)).mappings().one())
        _insert_rows(conn, events, [{**row, "id": old_id}])
        conn.execute(update(mentions).where(mentions.c.event_id == new_id).values(event_id=old_id))
        conn.execute(update(event_outlets).where(event_outlets.c.event_id == new_id).values(event_id=old_id))
        conn.execute(delete(events).where(events.c.id == new_id))
        after = dict(_event_row({**row, "id": old_id}))
        out += [EventChange("changed", old_id, None, after), EventChange("removed", new_id, None, None)]
    return out


def reports_of_events(conn: Connection, event_ids: list[int]) -> dict[int, frozenset[tuple[Any, ...]]]:
    reports: dict[int, set[tuple[Any, ...]]] = {}
    for chunk in _chunks(event_ids):
        for row in conn.execute(select(mentions.c.event_id, mentions.c.article_id, *[
                mentions.c[f] for f in TRIGGER_FIELDS]).where(mentions.c.event_id.in_(chunk))):
            reports.setdefault(row[0], set()).add(tuple(row[1:]))
    return {event_id: frozenset(found) for event_id, found in reports.items()}


def recount_events(conn: Connection, event_ids: list[int]) -> None:
    """Count each event's reports again from its mentions, as ingest counts them one by one: mentions,
    articles, outlets (of the articles and their copies), first and last seen, the highest confidence,
    whether one is in a lead sentence, and the casualties (merge.casualty_count over the reports)."""
    for chunk in _chunks(event_ids):
        reports: dict[int, list[dict[str, Any]]] = {e: [] for e in chunk}
        query = (
            select(mentions.c.event_id, mentions.c.article_id, mentions.c.sentence, mentions.c.confidence,
                   mentions.c.fatalities, mentions.c.fatalities_lower_bound, mentions.c.injured,
                   mentions.c.injured_lower_bound, articles.c.outlet, articles.c.published)
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(mentions.c.event_id.in_(chunk))
        )
        for row in conn.execute(query).mappings():
            reports[row["event_id"]].append(dict(row))
        copies_of: dict[str, list[tuple[str | None, Any]]] = {}
        report_articles = sorted({r["article_id"] for rows in reports.values() for r in rows})
        for ids in _chunks(report_articles):
            for article_id, outlet, published in conn.execute(
                select(copies.c.article_id, copies.c.outlet, copies.c.published).where(copies.c.article_id.in_(ids))
            ):
                copies_of.setdefault(article_id, []).append((outlet, published))
        conn.execute(delete(event_outlets).where(event_outlets.c.event_id.in_(chunk)))
        outlet_rows, updates = [], []
        for event_id, rows in reports.items():
            if not rows:
                continue
            seen = [(r["outlet"], r["published"]) for r in rows]
            seen += [c for r in {r["article_id"] for r in rows} for c in copies_of.get(r, ())]
            outlets = sorted({o for o, _ in seen if o is not None})
            days = [d for _, d in seen if d is not None]
            values: dict[str, Any] = {
                "event_id_": event_id,
                "num_mentions": len(rows),
                "num_articles": len({r["article_id"] for r in rows}),
                "num_sources": len(outlets),
                "first_seen": min(days, default=None),
                "last_seen": max(days, default=None),
                "confidence": max((r["confidence"] for r in rows if r["confidence"] is not None), default=None),
                "in_lead": int(any(r["sentence"] == 0 for r in rows)),
            }
            for count, flag in (("fatalities", "fatalities_lower_bound"), ("injured", "injured_lower_bound")):
                kept: tuple[int | None, bool] = (None, False)
                for r in rows:
                    kept = merge.casualty_count(kept, (r[count], bool(r[flag])))
                values[count], values[flag] = kept  # (None, False) where no report counts any, as ingest writes
            updates.append(values)
            outlet_rows += [{"event_id": event_id, "outlet": o} for o in outlets]
        if updates:
            names = [n for n in updates[0] if n != "event_id_"]
            conn.execute(
                update(events).where(events.c.id == bindparam("event_id_")).values({n: bindparam(n) for n in names}),
                updates,
            )
        _insert_rows(conn, event_outlets, outlet_rows)
