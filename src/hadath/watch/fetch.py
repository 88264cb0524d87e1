"""Polite, bounded HTTP for the watcher: one `PoliteFetcher` shared by the fetching threads.

- robots.txt of each host is read once per round (RFC 9309: a 4xx means no rules, a 5xx or no answer
  means keep off the host this round) and obeyed for every URL and every redirect hop;
- a host gets at most `host_concurrency` requests at once, their starts `host_delay` apart (robots.txt's
  Crawl-delay when longer, up to a cap);
- conditional GETs (If-None-Match / If-Modified-Since) when validators are known: 304 costs no body;
- timeouts, a size limit read as the body streams in (never past it), redirects followed within a
  limit, retries with doubling backoff on timeouts, connection errors, 429 and 5xx, and a Retry-After
  obeyed (up to a cap) on 429 and 503.

Nothing here raises for a bad response: every outcome is a `Fetched` with `error` set or not.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from hadath.watch.settings import WatchSettings

log = logging.getLogger(__name__)

RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TOTAL_TIMEOUTS = 4  # a whole response may take this many timeouts
ROBOTS_BYTES = 500_000  # Google reads the first 500 KiB of a robots.txt; so do we


@dataclass
class Fetched:
    """What one GET came to."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int | None = None  # the last HTTP status; None when no response came
    body: bytes | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    error: str | None = None  # why this is not a usable response
    retryable: bool = False  # the error may go away (a timeout, a 5xx): try again in a later round
    attempts: int = 0  # requests made, retries and redirects included

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error is None


class _HostGate:
    """A host's pace: at most `concurrency` requests in flight, their starts `delay` seconds apart."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self.slots = threading.Semaphore(concurrency)
        self.delay = delay
        self.lock = threading.Lock()
        self.next_start = 0.0

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        if start > now:
            time.sleep(start - now)

    def hold_off(self, seconds: float) -> None:
        """Retry-After: no request to this host before `seconds` from now."""
        with self.lock:
            self.next_start = max(self.next_start, time.monotonic() + seconds)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class TooLarge(Exception):
    pass


class PoliteFetcher:
    """GETs within the settings' politeness and limits; thread-safe."""

    def __init__(self, settings: WatchSettings) -> None:
        self.settings = settings
        # One client per fetching thread: httpcore's shared pool can close one socket from two threads
        # under load (an OSError "Bad file descriptor" out of a request).
        self._local = threading.local()
        self._clients: list[httpx.Client] = []
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | str] = {}  # host -> rules, or why the host is off
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.requests = 0  # every request sent, for the round's summary

    def _client(self) -> httpx.Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = httpx.Client(
                timeout=httpx.Timeout(self.settings.timeout),
                follow_redirects=False,  # followed here: each hop is checked against robots.txt and paced
                headers={"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"},
                limits=httpx.Limits(max_connections=self.settings.host_concurrency * 4, max_keepalive_connections=4),
            )
            with self._lock:
                self._clients.append(client)
        return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client.close()

    def new_round(self) -> None:
        """robots.txt is read again each round (sites change it; RFC 9309 caches it up to a day)."""
        with self._lock:
            self._robots.clear()

    # -- pace ------------------------------------------------------------------------------------

    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(self.settings.host_concurrency, self.settings.host_delay)
            return gate

    # -- robots.txt ------------------------------------------------------------------------------

    def robots_refusal(self, url: str) -> str | None:
        """Why robots.txt keeps us off `url`, or None when it may be fetched."""
        host = host_of(url)
        with self._lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:  # one thread reads a host's robots.txt; the others wait for it
            rules = self._robots.get(host)
            if rules is None:
                rules = self._robots[host] = self._read_robots(host)
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(self.settings.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def _read_robots(self, host: str) -> RobotFileParser | str:
        url = host + "/robots.txt"
        fetched = self._get(url, limit=ROBOTS_BYTES, redirects_checked=False)
        rules = RobotFileParser(url)
        if fetched.error is None and fetched.status == 200 and fetched.body is not None:
            rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
        elif fetched.status is not None and 400 <= fetched.status < 500:
            rules.parse([])  # "unavailable": no rules (RFC 9309 2.3.1.3)
        else:
            # "unreachable" (5xx, no answer, too large): assume everything is disallowed, this round.
            return f"robots.txt unreachable ({fetched.error or fetched.status}); the host is skipped this round"
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay is not None:
            gate = self._gate(host)
            gate.delay = max(gate.delay, min(float(delay), self.settings.crawl_delay_cap))
        return rules

    # -- GET -------------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` politely (robots.txt, pace, validators, retries, redirects, size limit)."""
        refusal = self.robots_refusal(url)
        if refusal is not None:
            return Fetched(url, url, error=refusal)
        return self._get(url, etag=etag, last_modified=last_modified, limit=self.settings.max_page_bytes)

    def _get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        limit: int,
        redirects_checked: bool = True,
    ) -> Fetched:
        result = Fetched(url, url)
        current = url
        redirects = 0
        retries = 0
        while True:
            headers = {}
            if current == url and etag:
                headers["If-None-Match"] = etag
            if current == url and last_modified:
                headers["If-Modified-Since"] = last_modified
            gate = self._gate(host_of(current))
            result.attempts += 1
            with gate.slots:
                gate.wait_turn()
                outcome = self._request(current, headers, limit)
            status, response_headers, body, error = outcome
            result.status, result.final_url = status, current
            if status in REDIRECTS and error is None:
                location = response_headers.get("location")
                if not location:
                    return self._fail(result, f"HTTP {status} with no Location")
                redirects += 1
                if redirects > self.settings.max_redirects:
                    return self._fail(result, f"more than {self.settings.max_redirects} redirects")
                current = urljoin(current, location)
                if urlsplit(current).scheme not in ("http", "https"):
                    return self._fail(result, f"redirected to a URL that is not http(s): {current[:200]}")
                if redirects_checked and (refusal := self.robots_refusal(current)) is not None:
                    return self._fail(result, f"redirected to {current[:200]}: {refusal}")
                continue
            transient = error is not None and status is None or status in RETRYABLE
            if transient and retries < self.settings.retries:
                wait = self.settings.backoff * (2**retries)
                if status in (429, 503):
                    asked = retry_after_seconds(response_headers.get("retry-after"))
                    if asked is not None:
                        if asked > self.settings.max_retry_after:
                            return self._fail(
                                result,
                                f"HTTP {status}, Retry-After {asked:.0f} s is over the "
                                f"{self.settings.max_retry_after:.0f} s waited for",
                                retryable=True,
                            )
                        wait = asked
                        gate.hold_off(asked)  # every request to this host waits, not only this one
                retries += 1
                log.info("%s: %s; retry %d in %.1f s", current, error or f"HTTP {status}", retries, wait)
                time.sleep(wait)
                continue
            if error is not None:
                return self._fail(result, error, retryable=transient)
            if status == 304:
                result.etag = response_headers.get("etag")
                result.last_modified = response_headers.get("last-modified")
                return result
            if status != 200:
                return self._fail(result, f"HTTP {status}", retryable=transient)
            result.body = body
            result.content_type = response_headers.get("content-type", "")
            result.etag = response_headers.get("etag")
            result.last_modified = response_headers.get("last-modified")
            result.fetched_at = datetime.now(UTC)
            return result

    @staticmethod
    def _fail(result: Fetched, error: str, *, retryable: bool = False) -> Fetched:
        result.error, result.retryable, result.body = error, retryable, None
        return result

    def _request(self, url: str, headers: dict[str, str], limit: int) -> tuple[int | None, httpx.Headers, bytes | None, str | None]:
        """(status, headers, body, error) of one request; the body is read up to `limit` bytes only."""
        with self._lock:
            self.requests += 1
        empty = httpx.Headers()
        try:
            with self._client().stream("GET", url, headers=headers) as response:
                if response.status_code != 200:
                    return response.status_code, response.headers, None, None
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    return 200, response.headers, None, f"{int(declared):,} bytes; the limit is {limit:,} bytes"
                chunks: list[bytes] = []
                size = 0
                # The timeout bounds each read; this bounds a body trickled in a byte at a time.
                deadline = time.monotonic() + TOTAL_TIMEOUTS * self.settings.timeout
                for chunk in response.iter_bytes():  # decoded (gzip, deflate) as it comes
                    if time.monotonic() > deadline:
                        return None, empty, None, f"timed out (body not read within {TOTAL_TIMEOUTS * self.settings.timeout:g} s)"
                    size += len(chunk)
                    if size > limit:
                        return 200, response.headers, None, f"over {limit:,} bytes (the limit); not read further"
                    chunks.append(chunk)
                return 200, response.headers, b"".join(chunks), None
        except httpx.TimeoutException:
            return None, empty, None, f"timed out (no answer within {self.settings.timeout:g} s)"
        except httpx.TransportError as exc:
            return None, empty, None, f"connection failed: {type(exc).__name__}: {exc}"[:300]
        except httpx.HTTPError as exc:  # a malformed response (bad headers, bad encoding)
            return None, empty, None, f"bad response: {type(exc).__name__}: {exc}"[:300]
        except OSError as exc:  # the socket failed under the transport (reset, closed): a connection error
            return None, empty, None, f"connection failed: {exc.strerror or exc}"[:300]


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """A gzip body (a sitemap.xml.gz served as a file), decompressed up to `limit` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise TooLarge(f"over {limit:,} bytes once decompressed (the limit)")
    return out

