"""Every setting of `hadath serve`, in one place. Environment variables, overridden by command options:

| variable              | default        | meaning                                                                 |
| --------------------- | -------------- | ----------------------------------------------------------------------- |
| HADATH_DB             | ./hadath.db    | the store: a path, sqlite:///… or postgresql://…                        |
| HADATH_TOKEN          | (unset)        | Bearer token for POST /api/articles; unset: writing is switched off     |
| HADATH_READ_TOKEN     | (unset)        | when set, every /api read needs this token (or HADATH_TOKEN) too        |
| HADATH_MAX_BODY       | 5000000        | largest request body in bytes (413 above it)                            |
| HADATH_MAX_BATCH      | 100            | most articles in one POST                                               |
| HADATH_MAX_PAGE       | 500            | largest `limit` of a list endpoint                                      |
| HADATH_CACHE_ENTRIES  | 2048           | read responses kept in memory until the store changes (0: no cache)     |
| HADATH_CACHE_BYTES    | 64000000       | at most this many bytes of them per server process (0: no cache)        |
| HADATH_CACHE_CHECK_S  | 1.0            | how often (seconds) the cache asks the store whether it changed        |
| HADATH_WORKERS        | CPUs, up to 4  | server processes of `hadath serve` (its --workers)                      |
| HADATH_THREADS        | 4              | threads per server process that compute read answers                     |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from hadath.errors import HadathError


def _int(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise HadathError(f"{name}={value!r} is not a whole number") from None
    if number < minimum:
        raise HadathError(f"{name}={value!r} must be at least {minimum}")
    return number


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError:
        raise HadathError(f"{name}={value!r} is not a number") from None


def check_token(name: str, token: str | None) -> None:
    """A token no client could send is refused when the server starts, not found out at the first 401:
    a Bearer token travels in an HTTP header (ASCII), and the server strips the spaces around it."""
    if token is None:
        return
    if not token.isascii() or not token.isprintable():
        raise HadathError(f"{name} must be printable ASCII (it is sent in an HTTP header); this one could never match")
    if token != token.strip():
        raise HadathError(f"{name} has spaces at an end; the token a client sends is read without them, "
                          "so this one could never match")


def default_workers() -> int:
    """One server process per CPU, at most 4: requests are Python-bound, SQLite reads run in parallel
    across processes, and past a few the clients' own share of the machine is what is left."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    token: str | None = None
    read_token: str | None = None
    max_body: int = 5_000_000
    max_batch: int = 100
    max_page: int = 500
    default_page: int = 50
    cache_entries: int = 2048
    cache_bytes: int = 64_000_000
    cache_check_seconds: float = 1.0
    workers: int = 1
    threads: int = 4

    def __post_init__(self) -> None:
        for name, token in (("HADATH_TOKEN", self.token), ("HADATH_READ_TOKEN", self.read_token)):
            check_token(name, token)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from HADATH_* variables; `overrides` that are not None win (command options)."""
        settings = cls(
            db=os.environ.get("HADATH_DB") or None,
            token=os.environ.get("HADATH_TOKEN") or None,
            read_token=os.environ.get("HADATH_READ_TOKEN") or None,
            max_body=_int("HADATH_MAX_BODY", cls.max_body, minimum=1),
            max_batch=_int("HADATH_MAX_BATCH", cls.max_batch, minimum=1),
            max_page=_int("HADATH_MAX_PAGE", cls.max_page, minimum=1),
            cache_entries=_int("HADATH_CACHE_ENTRIES", cls.cache_entries),
            cache_bytes=_int("HADATH_CACHE_BYTES", cls.cache_bytes),
            cache_check_seconds=_float("HADATH_CACHE_CHECK_S", cls.cache_check_seconds),
            workers=_int("HADATH_WORKERS", default_workers(), minimum=1),
            threads=_int("HADATH_THREADS", cls.threads, minimum=1),
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
