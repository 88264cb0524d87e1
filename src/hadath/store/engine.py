"""Opening a store: database URLs, engines with the right connection settings, one-line errors.

A store is named by a path (`./hadath.db`), a `sqlite:///…` URL or a `postgresql://…` URL; `HADATH_DB`
is the default, then `./hadath.db`. SQLite runs in WAL mode with foreign keys on and a busy timeout;
writing connections take the write lock at BEGIN (BEGIN IMMEDIATE) so that two writers queue on the
lock instead of failing half-way through a transaction.

A store in a folder this process cannot write (read-only media, a read-only mount) is opened read-only:
SQLite cannot make the WAL's shared-memory file there, so it is opened as immutable when no WAL is
left beside it (read_only_uri). Before writing, check_integrity runs SQLite's quick_check: a damaged
file is a one-line error, not a store written into.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from hadath.errors import HadathError

DEFAULT_DB = "./hadath.db"
# What reading or writing a store can raise: the driver's errors, and a text that is not UTF-8 (a damaged
# page read as a name or a value: sqlite3 decodes it before SQLAlchemy sees it).
STORE_ERRORS = (DBAPIError, UnicodeDecodeError)
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
            read_only = None if write else read_only_uri(parsed.database)
            if read_only is not None:
                def connect() -> sqlite3.Connection:
                    return sqlite3.connect(read_only, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

                engine = create_engine(url, creator=connect)
            else:
                engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine, write=write)
        else:
            # psycopg also logs the error that ends a pipelined executemany; ours is the one line the user sees.
            logging.getLogger("psycopg").setLevel(logging.ERROR)
            # Timestamps (ingested_at, the DATEADDED of GDELT exports) are UTC whatever the server's zone.
            engine = create_engine(
                url, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S, "options": "-c timezone=UTC"},
                pool_pre_ping=True,
            )
    except NoSuchModuleError:
        raise HadathError(f"unsupported database URL {redact(url)!r}") from None
    return engine


def read_only_uri(database: str | None) -> str | None:
    """A read-only SQLite URI for a store file in a folder this process cannot write, else None.

    Immutable (no locks, no WAL) when there is no WAL file with content beside it: nothing can be
    changing the file then; with one, only mode=ro, which reads the WAL when its -shm file exists."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    if not path.is_file() or os.access(path.parent, os.W_OK):
        return None
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return f"file:{quote(str(path))}?mode=ro" + ("" if pending else "&immutable=1")


def is_read_only(engine: Engine) -> bool:
    """True for a SQLite store opened read-only by read_only_uri."""
    return is_sqlite(engine) and read_only_uri(engine.url.database) is not None


def check_integrity(engine: Engine, url: str) -> None:
    """Before writing into a SQLite store: its pages must be sound (PRAGMA quick_check, which reads the
    whole file once: about a second per GB). PostgreSQL checks its own pages."""
    if not is_sqlite(engine):
        return
    try:
        with engine.connect() as conn:
            problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(5)")]
    except STORE_ERRORS as exc:
        raise database_error(exc, url, "cannot write to the store") from None
    if problems != ["ok"]:
        # The first problem, on one line ("*** in database main ***" heads the list).
        first = next((line for p in problems for line in str(p).splitlines() if not line.startswith("***")), "?")
        raise HadathError(f"cannot write to the store {redact(url)}: the database disk image is malformed "
                          f"({first}); restore it from a backup or rebuild it (sqlite3 FILE .recover)")


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


def database_error(exc: DBAPIError | UnicodeDecodeError, url: str, doing: str) -> HadathError:
    """One line for a driver error: what we were doing, on which store, and the driver's first line."""
    if isinstance(exc, UnicodeDecodeError):
        return HadathError(f"{doing} {redact(url)}: the database disk image is malformed (it holds text that is "
                           "not UTF-8); restore it from a backup or rebuild it (sqlite3 FILE .recover)")
    original = getattr(exc, "orig", None) or exc
    reason = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if "malformed" in reason or "not a database" in reason:
        reason += "; restore it from a backup or rebuild it (sqlite3 FILE .recover)"
    elif "readonly" in reason or "read-only" in reason:
        reason = f"the database is read-only ({reason})"
    elif "database is locked" in reason:
        reason = "the database is locked by another process; try again when it has finished"
    return HadathError(f"{doing} {redact(url)}: {reason}")
