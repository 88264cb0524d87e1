"""What a feed or a sitemap lists: page URLs with their update stamps, in the listing's order.

RSS and Atom are read by feedparser (BSD-2-Clause), which recovers from much broken XML; a feed it
cannot read any entry from is an error. Sitemaps (`<urlset>`, with or without the Google News
extension, and `<sitemapindex>`) are read with the standard library's XML parser after refusing any
DOCTYPE (no entity expansion: a "billion laughs" sitemap is an error, not a memory explosion).
The kind is told from the content, so `--feed` takes either.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from time import strftime, struct_time

import feedparser

from hadath.read import parse_published

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_SITEMAP_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)\b")
_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Entry:
    """A page a listing names."""

    url: str
    updated: str | None = None  # the listing's time of its last change, ISO in UTC (iso_stamp)
    published: date | None = None
    title: str | None = None


@dataclass
class Listing:
    kind: str  # feed | sitemap | sitemapindex
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[Entry] = field(default_factory=list)  # a sitemap index's children
    warning: str | None = None  # read, but the XML was broken somewhere


class ListingError(ValueError):
    """A listing with nothing readable in it."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(node: ElementTree.Element, name: str) -> str | None:
    for child in node.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(data: bytes) -> Listing:
    if _DOCTYPE.search(data[:4096]) or _DOCTYPE.search(data):
        raise ListingError("sitemap with a DOCTYPE or ENTITY declaration: refused")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ListingError(f"malformed sitemap XML: {exc}") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise ListingError(f"not a sitemap: the root element is <{kind}>")
    listing = Listing("sitemap" if kind == "urlset" else "sitemapindex")
    wanted = "url" if kind == "urlset" else "sitemap"
    for node in root:
        if _local(node.tag) != wanted:
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        updated = iso_stamp(_child_text(node, "lastmod") or _child_text(node, "publication_date"))
        published = parse_published(_child_text(node, "publication_date") or updated)
        entry = Entry(loc, updated, published, _child_text(node, "title"))
        (listing.entries if kind == "urlset" else listing.sitemaps).append(entry)
    return listing


def iso_stamp(value: str | None) -> str | None:
    """A listing's date or time as an ISO UTC stamp ("2024-03-03T09:00:00Z"), comparable as text; None
    when it cannot be read."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _struct_stamp(value: struct_time | None) -> str | None:
    return strftime("%Y-%m-%dT%H:%M:%SZ", value) if value is not None else None  # feedparser gives UTC


def _struct_date(value: struct_time | None) -> date | None:
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def parse_feed(data: bytes) -> Listing:
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    listing = Listing("feed")
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            links = [x.get("href") for x in item.get("links", []) if x.get("href")]
            link = links[0] if links else None
        if not link:
            continue
        # dict.get: FeedParserDict.get("updated") falls back to "published" with a DeprecationWarning.
        updated_parsed = dict.get(item, "updated_parsed") or dict.get(item, "published_parsed")
        updated = _struct_stamp(updated_parsed)
        published = _struct_date(dict.get(item, "published_parsed") or updated_parsed)
        listing.entries.append(Entry(link.strip(), updated, published, item.get("title")))
    if parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        message = f"{type(reason).__name__}: {reason}" if reason is not None else "unknown"
        if not listing.entries:
            raise ListingError(f"malformed feed, no entries read ({message})"[:300])
        listing.warning = f"malformed feed, {len(listing.entries)} entries read ({message})"[:300]
    elif not listing.entries and not parsed.get("version"):
        raise ListingError("not an RSS or Atom feed")
    return listing


def parse_listing(data: bytes) -> Listing:
    """A feed or a sitemap, whichever `data` is."""
    head = data[:2048]
    if _LOOKS_HTML.match(head):
        raise ListingError("an HTML page, not a feed or a sitemap")
    if _SITEMAP_ROOT.search(head):
        return parse_sitemap(data)
    return parse_feed(data)
