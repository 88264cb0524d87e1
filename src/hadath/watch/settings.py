"""Every setting of `hadath watch`, in one place: environment variables (the project's one home for
settings), read once per run. A bad value is a one-line error before anything is fetched.

| variable                          | default | meaning                                                        |
| --------------------------------- | ------- | -------------------------------------------------------------- |
| HADATH_WATCH_INTERVAL             | 900     | seconds from the start of one round to the next                |
| HADATH_WATCH_HOST_DELAY           | 2.0     | seconds between two requests to one host (robots.txt's Crawl-delay, when longer, wins) |
| HADATH_WATCH_HOST_CONCURRENCY     | 2       | requests in flight to one host at most                          |
| HADATH_WATCH_WORKERS              | 8       | requests in flight in all                                       |
| HADATH_WATCH_TIMEOUT              | 20      | seconds to connect, and between two reads of a response         |
| HADATH_WATCH_MAX_PAGE_BYTES       | 5000000 | a larger page or feed is an error, not read past the limit      |
| HADATH_WATCH_RETRIES              | 3       | retries of a request that timed out, failed to connect, or got 429/5xx |
| HADATH_WATCH_BACKOFF              | 2.0     | seconds before the first retry; doubled for each next one       |
| HADATH_WATCH_MAX_RETRY_AFTER      | 300     | a longer Retry-After is not waited for: the request fails this round |
| HADATH_WATCH_MAX_REDIRECTS        | 5       | redirects followed per request                                   |
| HADATH_WATCH_PAGES_PER_FEED       | 100     | new pages taken from one feed per round (the newest first in the feed's order) |
| HADATH_WATCH_MAX_ATTEMPTS         | 5       | rounds a page that keeps failing is tried in                     |
| HADATH_WATCH_CRAWL_DELAY_CAP      | 60      | the longest Crawl-delay obeyed (a site asking for more is polled at this pace) |
| HADATH_WATCH_USER_AGENT           | Hadath-watch/0.1 (+https://github.com/hadath) | the User-Agent sent and matched in robots.txt |
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hadath.errors import HadathError

DEFAULT_USER_AGENT = "Hadath-watch/0.1 (+https://github.com/hadath)"


def _number(name: str, default: float, *, minimum: float, whole: bool = False) -> float:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        raise HadathError(f"{name}={value!r} is not a {'whole ' if whole else ''}number") from None
    if number < minimum or number != number:  # NaN
        raise HadathError(f"{name}={value!r} must be at least {minimum:g}")
    return number


@dataclass(frozen=True)
class WatchSettings:
    interval: float = 900.0
    host_delay: float = 2.0
    host_concurrency: int = 2
    workers: int = 8
    timeout: float = 20.0
    max_page_bytes: int = 5_000_000
    retries: int = 3
    backoff: float = 2.0
    max_retry_after: float = 300.0
    max_redirects: int = 5
    pages_per_feed: int = 100
    max_attempts: int = 5
    crawl_delay_cap: float = 60.0
    user_agent: str = DEFAULT_USER_AGENT

    @classmethod
    def from_env(cls) -> WatchSettings:
        agent = os.environ.get("HADATH_WATCH_USER_AGENT", "").strip() or DEFAULT_USER_AGENT
        if not agent.isascii() or not agent.isprintable():
            raise HadathError("HADATH_WATCH_USER_AGENT must be printable ASCII (it is sent in an HTTP header)")
        return cls(
            interval=_number("HADATH_WATCH_INTERVAL", cls.interval, minimum=0),
            host_delay=_number("HADATH_WATCH_HOST_DELAY", cls.host_delay, minimum=0),
            host_concurrency=int(_number("HADATH_WATCH_HOST_CONCURRENCY", cls.host_concurrency, minimum=1, whole=True)),
            workers=int(_number("HADATH_WATCH_WORKERS", cls.workers, minimum=1, whole=True)),
            timeout=_number("HADATH_WATCH_TIMEOUT", cls.timeout, minimum=0.001),
            max_page_bytes=int(_number("HADATH_WATCH_MAX_PAGE_BYTES", cls.max_page_bytes, minimum=1, whole=True)),
            retries=int(_number("HADATH_WATCH_RETRIES", cls.retries, minimum=0, whole=True)),
            backoff=_number("HADATH_WATCH_BACKOFF", cls.backoff, minimum=0),
            max_retry_after=_number("HADATH_WATCH_MAX_RETRY_AFTER", cls.max_retry_after, minimum=0),
            max_redirects=int(_number("HADATH_WATCH_MAX_REDIRECTS", cls.max_redirects, minimum=0, whole=True)),
            pages_per_feed=int(_number("HADATH_WATCH_PAGES_PER_FEED", cls.pages_per_feed, minimum=1, whole=True)),
            max_attempts=int(_number("HADATH_WATCH_MAX_ATTEMPTS", cls.max_attempts, minimum=1, whole=True)),
            crawl_delay_cap=_number("HADATH_WATCH_CRAWL_DELAY_CAP", cls.crawl_delay_cap, minimum=0),
            user_agent=agent,
        )
