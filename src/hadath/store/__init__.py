"""The event store: articles, entities, merged events and their mentions in SQLite or PostgreSQL.

Writing: `hadath.store.ingest.Ingester` (what `hadath ingest` runs). Reading: `Store`.
"""

from hadath.store.api import Store

__all__ = ["Store"]
