"""Opening a store: database URLs, engines with the right connection settings, one-line errors.

A store is named by a path (`./hadath.db`), a `sqlite:///…` URL or a `postgresql://…` URL; `HADATH_DB`
is the default, then `./hadath.db`. SQLite runs in WAL mode with foreign keys on and a busy timeout;
writing connections take the write lock at BEGIN (BEGIN IMMEDIATE) so that two writers queue on the
lock instead of failing half-way through a transaction.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from hadath.errors import HadathError

DEFAULT_DB = "./hadath.db"
BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 5


def resolve_url(value: str | None = None) -> str:
    """The SQLAlchemy URL for `--db` (or `HADATH_DB`, or ./hadath.db).

    "runs/x.db" -> "sqlite:////abs/runs/x.db"; "postgresql://u@h/db" -> "postgresql+psycopg://u@h/db".
    """
    value = value or os.environ.get("HADATH_DB") or DEFAULT_DB
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        if not path.parent.is_dir():
            raise HadathError(f"database folder {path.parent} does not exist")
        return f"sqlite:///{path}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    if scheme in ("sqlite", "postgresql+psycopg"):
        return value
    raise HadathError(f"unsupported database URL {redact(value)!r}: use a file path, sqlite:/// or postgresql://")


def redact(url: str) -> str:
    """The URL as the user wrote it, without its password, for error messages."""
    url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, write: bool = False) -> Engine:
    """An engine for `url` (already resolved); `write=True` makes SQLite take its lock at BEGIN."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise HadathError(f"not a database URL: {redact(url)!r}") from None
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine, write=write)
        else:
            # psycopg also logs the error that ends a pipelined executemany; ours is the one line the user sees.
            logging.getLogger("psycopg").setLevel(logging.ERROR)
            engine = create_engine(
                url, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S}, pool_pre_ping=True
            )
    except NoSuchModuleError:
        raise HadathError(f"unsupported database URL {redact(url)!r}") from None
    return engine


def _configure_sqlite(engine: Engine, *, write: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Autocommit at the driver level so that SQLAlchemy's "begin" below decides how to BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if write:
            cursor.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses no committed transaction on a process crash (only on power loss).
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def database_error(exc: DBAPIError, url: str, doing: str) -> HadathError:
    """One line for a driver error: what we were doing, on which store, and the driver's first line."""
    original = getattr(exc, "orig", None) or exc
    reason = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if "readonly" in reason or "read-only" in reason:
        reason = f"the database is read-only ({reason})"
    elif "database is locked" in reason:
        reason = "the database is locked by another process; try again when it has finished"
    return HadathError(f"{doing} {redact(url)}: {reason}")
