"""A fetched page as an Article: decoded by its declared charset (else detected as `hadath ingest`
detects files), read by the same HTML reader (hadath.read: title, publication date from the markup,
the main text), dated from the feed's entry when the page itself gives no date."""

from __future__ import annotations

import codecs
import re

from hadath.dates.arithmetic import plausible_publication
from hadath.errors import InputError
from hadath.model import Article
from hadath.read import article_from_html, decode_text, error_article
from hadath.watch.feeds import Entry
from hadath.watch.fetch import Fetched

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_MARKUP_TYPES = ("html", "xml")  # text/html, application/xhtml+xml


def decode_page(body: bytes, content_type: str) -> str:
    """The page's text: by the charset its Content-Type declares, else detected (UTF-8 / Windows-1256)."""
    match = _CHARSET.search(content_type)
    if match:
        try:
            codecs.lookup(match[1])
            return body.decode(match[1], errors="replace")
        except LookupError:
            pass  # an unknown charset name: detect instead
    return decode_text(body)


def article_from_page(fetched: Fetched, url: str, entry: Entry | None = None) -> Article:
    """The Article of a fetched page (source and url: its canonical URL); an error article when the
    page is not an HTML page, cannot be decoded, has no text or is not Arabic."""
    media = fetched.content_type.split(";", 1)[0].strip().lower()
    if media and not any(kind in media for kind in _MARKUP_TYPES):
        return error_article(url, f"not an HTML page ({media})", url)
    try:
        html = decode_page(fetched.body or b"", fetched.content_type)
    except InputError as exc:
        return error_article(url, str(exc), url)
    article = article_from_html(html, url, url=url, title=None)
    if article.error is None and article.published is None and entry is not None and entry.published:
        if plausible_publication(entry.published):
            article.published, article.published_from = entry.published, "metadata"
    return article
