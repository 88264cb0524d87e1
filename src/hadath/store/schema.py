"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

articles   every article read, keyed by `Article.id` (hash of the cleaned text); failed articles too,
           keyed "failed-<hash of the input>", with their error and their input for `--retry-failed`.
copies     the same text seen again under another URL or outlet (an exact wire copy).
bands      MinHash LSH bands of each article, to find near-duplicate articles (see neardup.py).
entities   the names found in each article.
events     merged happenings (GDELT's Events table): one row per happening, with counts over mentions.
mentions   one row per event found in an article (GDELT's Mentions table), pointing to its event.
event_outlets  which outlets reported each event (num_sources without rescanning mentions).
ingest_runs    one row per `hadath ingest`, with its summary.
watch_feeds, watch_pages, watch_errors   the state of `hadath watch` (migration 8): each feed's
           validators and last success, each page seen (its article, validators, the raw page
           compressed with its fetch time), and the errors met.

Dates are ISO strings as the pipeline writes them ("2024-01-24", "2024-01", "2024"); `event_day` is a
real DATE for range queries: the date itself, the first day of its month or year, or the publication
date where the event date is unknown.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()
CASUALTY_COLUMNS = ("fatalities", "injured", "fatalities_lower_bound", "injured_lower_bound")


def casualty_columns() -> list[Column]:
    """The killed and the injured of a violent act and whether each is a lower bound (migration 5)."""
    return [Column("fatalities", Integer), Column("injured", Integer),
            Column("fatalities_lower_bound", Boolean), Column("injured_lower_bound", Boolean)]


articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("status", String(10), nullable=False),  # ok | failed
    Column("url", Text),
    Column("source", Text),
    Column("outlet", Text),  # the URL's host without www., else the input's source
    Column("title", Text),
    Column("published", Date),
    Column("published_from", String(10)),
    Column("text", Text),
    Column("search_text", Text),  # normalised title and text, for full-text search
    Column("raw_hash", String(64), nullable=False),  # hash of the input as read, before extraction
    Column("cluster_id", String(40)),  # near-duplicate cluster: the id of its first article
    Column("minhash", LargeBinary),
    Column("num_events", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("input_json", Text),  # failed articles: the input as read, to retry
    Column("ingested_at", DateTime),
    # The coder that coded its events (hadath.coder_version; migration 8): null where unknown (stored
    # before migration 8, or ingested from `hadath extract` output). `hadath reprocess` re-codes by it.
    Column("coder_version", String(40)),
    Index("ix_articles_raw_hash", "raw_hash"),
    Index("ix_articles_url", "url"),  # PostgreSQL: on md5(url), migration 6 (a btree row holds ~2.7 kB)
    Index("ix_articles_cluster", "cluster_id"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_status", "status"),
)

copies = Table(
    "copies",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
    Column("where", Text, primary_key=True),  # url, else source (PostgreSQL: unique on md5, migration 6)
    Column("outlet", Text),
    Column("published", Date),
)

bands = Table(
    "bands",
    metadata,
    Column("key", BigInteger, primary_key=True),  # hash of (band number, the band's MinHash values)
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
)

entities = Table(
    "entities",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("type", String(8)),
    Column("name", Text),
    Column("actor", String(32)),
    Column("key", String(16)),
    Column("origin", String(16)),
    Index("ix_entities_key", "key"),
)

events = Table(
    "events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("cameo", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("plover", String(16)),
    Column("source_actor", String(32)),
    Column("source_key", String(16)),
    Column("source_name", Text),
    Column("target_actor", String(32)),
    Column("target_key", String(16)),
    Column("target_name", Text),
    Column("status", String(12), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8), nullable=False),
    Column("event_day", Date),
    Column("location_key", String(16)),
    Column("location_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    # How precise lat/lon are (hadath.events.locations): place | region | country; migration 7.
    Column("location_precision", String(8)),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("confidence", Float),
    Column("in_lead", Integer, nullable=False),  # 1 where some mention is in an article's first sentence
    Column("source_url", Text),  # the first mention's article URL (GDELT's SOURCEURL)
    # Casualties of a violent act (roots 18-20): the largest count any mention gives, with whether it is
    # a lower bound ("عشرات القتلى"); null where none gives one, and on events stored before migration 5.
    *casualty_columns(),
    # Merge keys (merge.py): the dyad (unordered for roots 03-06), the month of the date, the week of
    # the first publication; candidates for a new mention are looked up on these.
    Column("dyad", String(40)),
    Column("date_month", String(7)),
    Column("pub_week", String(10)),
    Column("coder_version", String(40)),  # the coder that made it, or last changed its coding (migration 8)
    Index("ix_events_merge_month", "dyad", "root", "date_month"),
    Index("ix_events_merge_week", "dyad", "root", "pub_week"),
    Index("ix_events_day", "event_day"),
    Index("ix_events_source_key", "source_key", "event_day"),
    Index("ix_events_target_key", "target_key", "event_day"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),  # the event's index in the article
    Column("event_id", BigInteger, ForeignKey("events.id"), nullable=False),
    Column("sentence", Integer),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("source_text", Text),
    Column("source_actor", String(32)),
    Column("source_key", String(16)),
    Column("target_text", Text),
    Column("target_actor", String(32)),
    Column("target_key", String(16)),
    Column("cameo", String(4)),
    Column("root", String(2)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("plover", String(16)),
    Column("status", String(12)),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("location_text", Text),
    Column("location_key", String(16)),
    Column("location_precision", String(8)),  # migration 7
    # Where the date came from (EVENT.date_source: text, context, publication); migration 11.
    Column("date_source", String(12)),
    Column("attribution", Text),
    Column("confidence", Float),
    *casualty_columns(),  # as this article reported them
    Column("merged_by", String(16)),  # new | rules | cluster: how this mention found its event
    Column("coder_version", String(40)),  # the coder that found it (migration 8)
    Index("ix_mentions_event", "event_id"),
)

event_outlets = Table(
    "event_outlets",
    metadata,
    Column("event_id", BigInteger, ForeignKey("events.id"), primary_key=True),
    Column("outlet", Text, primary_key=True),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Column("inputs", Text),
    Column("read", Integer),
    Column("new", Integer),
    Column("duplicate", Integer),
    Column("failed", Integer),
    Column("events_new", Integer),
    Column("mentions", Integer),
    Column("seconds", Float),
)

# `hadath watch` (hadath.watch; migration 8). Keyed on a hash of the canonical URL: a URL may be longer
# than an index row allows on PostgreSQL.
watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the feed URL
    Column("url", Text, nullable=False),
    Column("outlet", Text),  # the sources file's outlet name
    Column("kind", String(8)),  # feed | sitemap
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_attempt", DateTime),
    Column("last_success", DateTime),
    Column("last_error", Text),
    Column("errors", Integer, nullable=False, default=0),  # failed polls, ever
    Column("consecutive_errors", Integer, nullable=False, default=0),
)

watch_pages = Table(
    "watch_pages",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the canonical URL
    Column("url", Text, nullable=False),  # canonical
    Column("outlet", Text),
    Column("feed_url", Text),  # the first feed that listed it
    Column("entry_updated", Text),  # the feed's updated / the sitemap's lastmod when last fetched
    Column("status", String(12), nullable=False),  # stored | duplicate | failed | disallowed
    Column("article_id", String(40)),  # the stored article of its current text
    Column("etag", Text),
    Column("last_modified", Text),
    Column("attempts", Integer, nullable=False, default=0),  # fetches that failed since the last success
    Column("error", Text),
    Column("raw", LargeBinary),  # the page as fetched, zlib-compressed
    Column("fetched_at", DateTime),  # when `raw` was fetched
    Column("stored_at", DateTime),  # when its current article was written
    Index("ix_watch_pages_outlet", "outlet"),
    Index("ix_watch_pages_article", "article_id"),
)

watch_errors = Table(
    "watch_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("kind", String(8)),  # feed | page | robots
    Column("message", Text),
    Index("ix_watch_errors_at", "at"),
)

WATCH_TABLES = (watch_feeds, watch_pages, watch_errors)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime),
)

alert_rules = Table(
    "alert_rules",
    metadata,
    Column("name", String(100), primary_key=True),  # an alert is deduplicated by (event, rule name)
    Column("definition", Text, nullable=False),  # the rule as JSON (hadath.alerts.rules.AlertRule)
    Column("origin", String(8), nullable=False),  # file (`hadath alerts rules --rules FILE`) | api
    Column("created_at", DateTime),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", BigInteger, nullable=False),  # no foreign key: an alert outlives a re-coded event
    Column("rule", String(100), nullable=False),
    Column("matched_at", DateTime, nullable=False),
    Column("payload", Text, nullable=False),  # the JSON POSTed to the webhook: the event as it matched
    Column("webhook", Text),  # null: shown in the dashboard only
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime),  # not before this (backoff after a failed delivery)
    Column("sending_until", DateTime),  # a sender holds it until then (a crashed sender's lease expires)
    Column("delivered_at", DateTime),
    Column("last_error", Text),
    Index("ux_alerts_event_rule", "event_id", "rule", unique=True),
    Index("ix_alerts_due", "delivered_at", "next_attempt_at"),
)
ALERT_TABLES = (alert_rules, alerts)

# Tables whose contents define the store (ingest_runs and timestamps are bookkeeping).
DATA_TABLES = (articles, copies, bands, entities, events, mentions, event_outlets)
