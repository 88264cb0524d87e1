"""Versioned schema migrations: `schema_version` holds the versions applied; MIGRATIONS are applied in
order, each in its own transaction, so a store made by an older Hadath is brought up to date on open.

Add a migration by appending (version, function) to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, inspect, select

from hadath.errors import HadathError
from hadath.store import schema
from hadath.store.engine import STORE_ERRORS, database_error, is_sqlite


def _v1_tables(conn: Connection) -> None:
    """The tables of schema.py as first released."""
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]
    schema.metadata.create_all(conn, tables=tables)


def _v2_full_text(conn: Connection) -> None:
    """Full-text search over articles.search_text (normalised title and text)."""
    if conn.dialect.name == "sqlite":
        # External-content FTS5 over articles' rowid, kept in step by triggers.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE article_fts USING fts5("
            "search_text, content='articles', content_rowid='rowid', tokenize='unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO article_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO article_fts(article_fts, rowid, search_text) "
            "VALUES ('delete', old.rowid, old.search_text); END"
        )
    else:
        conn.exec_driver_sql(
            "CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('simple', coalesce(search_text, '')))"
        )


def _v3_pair_index(conn: Connection) -> None:
    """Events by ordered pair and day: dyad lists, counts and timelines (the HTTP API) read a range of it
    instead of filtering one party's events row by row."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_pair ON events (source_key, target_key, event_day)")


def _v4_read_indexes(conn: Connection) -> None:
    """Indexes that answer the HTTP API's event pages, counts and dyad timelines from the index alone.

    Each holds the columns its queries filter, sort and sum on, so a page is read in order and stops at
    its limit, and a count or a timeline never visits the table. Each supersedes an older index that is
    a prefix of it; those are dropped, so writing an event updates two more indexes than before, not six.
    The `actor` filter (a key or an actor code on either side) is read as four disjoint parts (see
    hadath.api.queries.EventQuery.branches), hence the key columns carried in the actor-code indexes."""
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_events_pair_cover ON events "
        "(source_key, target_key, event_day, id, status, quad_class, cameo, goldstein, num_mentions)",
        "CREATE INDEX IF NOT EXISTS ix_events_day_cover ON events (event_day, id, status, quad_class)",
        "CREATE INDEX IF NOT EXISTS ix_events_source_cover ON events (source_key, event_day, status)",
        "CREATE INDEX IF NOT EXISTS ix_events_target_cover ON events (target_key, event_day, status, source_key)",
        "CREATE INDEX IF NOT EXISTS ix_events_source_actor ON events "
        "(source_actor, event_day, status, source_key, target_key)",
        "CREATE INDEX IF NOT EXISTS ix_events_target_actor ON events "
        "(target_actor, event_day, status, source_key, target_key, source_actor)",
        "DROP INDEX IF EXISTS ix_events_pair",
        "DROP INDEX IF EXISTS ix_events_day",
        "DROP INDEX IF EXISTS ix_events_source_key",
        "DROP INDEX IF EXISTS ix_events_target_key",
    ):
        conn.exec_driver_sql(statement)


def _v5_casualties(conn: Connection) -> None:
    """Casualty counts on events and mentions (issue 12): fatalities, injured and whether each is a
    lower bound. Rows stored before keep nulls: their casualties were not read (ingest again to have
    them). A store created by this version has the columns from migration 1, which makes tables from
    schema.py as it is now."""
    inspector = inspect(conn)
    for table in (schema.events, schema.mentions):
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for name in schema.CASUALTY_COLUMNS:
            if name not in present:
                sql_type = table.c[name].type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {sql_type}")


def _v6_long_keys(conn: Connection) -> None:
    """PostgreSQL: an index row holds at most ~2.7 kB, so a long URL failed its article's transaction.
    The URL index holds md5(url) and a copy is unique on (article, md5(where)) instead of a primary key
    on the text itself; the full values are still stored. SQLite has no such limit: nothing changes."""
    if conn.dialect.name != "postgresql":
        return
    for statement in (
        "DROP INDEX IF EXISTS ix_articles_url",
        "CREATE INDEX ix_articles_url ON articles (md5(url))",
        "ALTER TABLE copies DROP CONSTRAINT IF EXISTS copies_pkey",
        'CREATE UNIQUE INDEX IF NOT EXISTS ux_copies_where ON copies (article_id, md5("where"))',
    ):
        conn.exec_driver_sql(statement)


def _v7_location_precision(conn: Connection) -> None:
    """How precise an event's coordinates are (issue 13: place, region, country), on events and
    mentions. Rows stored before keep nulls (ingest their articles into a new store to locate them);
    a store created by this version has the column from migration 1."""
    inspector = inspect(conn)
    for table in (schema.events, schema.mentions):
        if "location_precision" not in {column["name"] for column in inspector.get_columns(table.name)}:
            sql_type = table.c.location_precision.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN location_precision {sql_type}")


def _v8_watch_state(conn: Connection) -> None:
    """The state of `hadath watch` (issue 15): feeds, pages seen with their raw copy, errors. A store
    created by this version has them from migration 1."""
    schema.metadata.create_all(conn, tables=list(schema.WATCH_TABLES), checkfirst=True)


def _v9_coder_version(conn: Connection) -> None:
    """Which coder made each article's events, event and mention (issue 15: `hadath reprocess` re-codes
    what an older coder made). Rows stored before keep nulls: coder unknown, re-coded by any reprocess."""
    inspector = inspect(conn)
    for table in (schema.articles, schema.events, schema.mentions):
        if "coder_version" not in {column["name"] for column in inspector.get_columns(table.name)}:
            sql_type = table.c.coder_version.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN coder_version {sql_type}")



def _v10_alerts(conn: Connection) -> None:
    """Alert rules and the alerts they raised (issue 15, part 3). A store created by this version has
    them from migration 1."""
    schema.metadata.create_all(conn, tables=list(schema.ALERT_TABLES), checkfirst=True)


def _v11_date_source(conn: Connection) -> None:
    """Where each report's date came from (issue 13: the event page shows it): text, context or
    publication, on mentions. Rows stored before keep nulls; a store created by this version has the
    column from migration 1."""
    if "date_source" not in {column["name"] for column in inspect(conn).get_columns("mentions")}:
        sql_type = schema.mentions.c.date_source.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE mentions ADD COLUMN date_source {sql_type}")


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _v1_tables),
    (2, _v2_full_text),
    (3, _v3_pair_index),
    (4, _v4_read_indexes),
    (5, _v5_casualties),
    (6, _v6_long_keys),
    (7, _v7_location_precision),
    (8, _v8_watch_state),
    (9, _v9_coder_version),
    (10, _v10_alerts),
    (11, _v11_date_source),
]
LATEST = MIGRATIONS[-1][0]
# The oldest schema the read side reads as it is: a store on read-only media at an older version that
# this one is opened without migrating (the read side selects migration 11's column).
READABLE_FROM = 11


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine, url: str) -> int:
    """Bring the store at `engine` to the latest schema; returns the version it is at."""
    try:
        with engine.begin() as conn:
            if not is_sqlite(engine):
                # Two ingests opening a new PostgreSQL store at once: one migrates, the other waits.
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72010)")
            schema.schema_version.create(conn, checkfirst=True)
            version = current_version(conn)
        if version > LATEST:
            raise HadathError(
                f"the store {url} has schema version {version}, newer than this Hadath ({LATEST}); upgrade Hadath"
            )
        for number, apply in MIGRATIONS:
            if number <= version:
                continue
            with engine.begin() as conn:
                if not is_sqlite(engine):
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72010)")
                if current_version(conn) >= number:
                    continue
                apply(conn)
                conn.execute(insert(schema.schema_version).values(version=number, applied_at=datetime.now(UTC)))
            version = number
        return version
    except STORE_ERRORS as exc:
        raise database_error(exc, url, "cannot open the store") from None
