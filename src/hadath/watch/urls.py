"""Canonical page URLs: one key for the forms one page is linked under.

    canonical_url("HTTPS://WWW.Example.com:443/a/b?utm_source=rss&id=7#top")
    -> "https://www.example.com/a/b?id=7"

Lower-case scheme and host, no default port, no fragment, no tracking parameters (utm_*, fbclid …),
the remaining query parameters sorted, percent-escapes in one form (Arabic paths are linked both raw
and escaped: "/أخبار" and "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1" are one page). "www." is kept: some sites
serve other things without it.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

_TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref_src", "_ga")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def _tracking(name: str) -> bool:
    name = name.lower()
    return any(name == t or (t.endswith("_") and name.startswith(t)) for t in _TRACKING)


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL (see the module's docstring); ValueError if it is not one."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url[:200]!r}")
    host = parts.hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # kept as written: the fetch will say whether it resolves
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = quote(unquote(parts.path or "/"), safe=_PATH_SAFE)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def url_key(url: str) -> str:
    """The store's key of a URL (a hash: a URL may be longer than an index row allows)."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
