"""The sources file: outlets and the feeds and sitemaps to poll for each (TOML, read with tomllib).

    [[outlet]]
    name = "BBC Arabic"          # required
    name_ar = "بي بي سي عربي"     # optional
    country = "GBR"              # optional: ISO 3166 alpha-3 of where it publishes from
    feeds = ["https://feeds.bbci.co.uk/arabic/rss.xml"]      # RSS or Atom
    sitemaps = ["https://example.com/news-sitemap.xml"]      # news sitemaps or sitemap indexes
    verified = false             # optional: whether the URLs were checked to work

`hadath watch` reads the curated default (data/sources.toml) when no file is given. A mistake in the
file (not TOML, an outlet without a name or a URL, a URL that is not http(s)) is a one-line error.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hadath.errors import HadathError

DEFAULT_SOURCES = "sources.toml"


@dataclass(frozen=True)
class FeedSource:
    """One URL to poll: an RSS/Atom feed or a sitemap, and whose it is."""

    url: str
    outlet: str
    kind: str  # feed | sitemap
    country: str | None = None


@dataclass(frozen=True)
class Outlet:
    name: str
    feeds: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    country: str | None = None
    name_ar: str | None = None
    verified: bool = False

    def sources(self) -> list[FeedSource]:
        return [FeedSource(u, self.name, "feed", self.country) for u in self.feeds] + [
            FeedSource(u, self.name, "sitemap", self.country) for u in self.sitemaps
        ]


def check_url(url: Any, where: str) -> str:
    if not isinstance(url, str) or not url.strip():
        raise HadathError(f"{where}: a URL must be a non-empty string")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HadathError(f"{where}: {url!r} is not an http(s) URL")
    return url


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise HadathError(f"{where}: must be a list of URLs")
    return tuple(check_url(v, where) for v in value)


def parse_sources(text: str, where: str) -> list[Outlet]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise HadathError(f"{where}: not valid TOML: {exc}") from None
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise HadathError(f"{where}: 'outlet' must be an array of tables ([[outlet]])")
    outlets = []
    for number, entry in enumerate(entries, 1):
        here = f"{where}: outlet {number}"
        if not isinstance(entry, dict):
            raise HadathError(f"{here}: must be a table")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise HadathError(f"{here}: needs a name")
        here = f"{where}: outlet {name!r}"
        feeds = _strings(entry.get("feeds"), f"{here}: feeds")
        sitemaps = _strings(entry.get("sitemaps"), f"{here}: sitemaps")
        if not feeds and not sitemaps:
            raise HadathError(f"{here}: needs at least one URL in feeds or sitemaps")
        country = entry.get("country")
        if country is not None and not isinstance(country, str):
            raise HadathError(f"{here}: country must be a string")
        outlets.append(
            Outlet(name.strip(), feeds, sitemaps, country, entry.get("name_ar"), bool(entry.get("verified", False)))
        )
    return outlets


def load_sources(path: str | None) -> list[Outlet]:
    """The outlets of the file at `path`, or of the curated default list when `path` is None."""
    if path is None:
        text = resources.files("hadath.watch").joinpath("data", DEFAULT_SOURCES).read_text(encoding="utf-8")
        return parse_sources(text, "the default sources")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise HadathError(f"{path}: cannot read the sources file: {reason}") from None
    return parse_sources(text, path)


def feed_sources(outlets: list[Outlet], extra_feeds: list[str] = ()) -> list[FeedSource]:
    """Every URL to poll, in file order, each once; `--feed URL` adds a feed of its host's outlet."""
    seen: dict[str, FeedSource] = {}
    for outlet in outlets:
        for source in outlet.sources():
            seen.setdefault(source.url, source)
    for url in extra_feeds:
        url = check_url(url, "--feed")
        host = (urlsplit(url).hostname or url).removeprefix("www.")
        seen.setdefault(url, FeedSource(url, host, "feed"))
    return list(seen.values())
