"""`hadath watch`: keep the store current from news feeds and sitemaps (issue 15).

The data flow, one module per concern:

    sources (TOML: outlets and their feed URLs)
      -> fetch (polite HTTP: robots.txt, per-host pace, conditional GETs, retries, limits)
      -> feeds (RSS/Atom via feedparser, sitemaps) -> canonical page URLs
      -> fetch the new or updated pages -> page (HTML -> Article)
      -> hadath.store.ingest (the pipeline, then the one store writer, as `hadath ingest`)
      -> state (what was seen, validators, raw pages, errors: tables of the store)

`watcher.Watcher` runs rounds of this; `status` reports per outlet.
"""
