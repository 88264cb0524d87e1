"""Exports of stored events: csv, jsonl, parquet (pyarrow) and gdelt (GDELT 2.0 event records).

Rows are streamed from the store a chunk at a time and written to a new file of a unique name beside the
target, which replaces the target only when complete: an interrupted export leaves no half-written file,
and no existing file or link is ever opened in its place (see _output).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

from hadath.errors import HadathError
from hadath.store import gdelt
from hadath.store.api import Store

FORMATS = ("csv", "jsonl", "parquet", "gdelt")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _row(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """A row as written: dates as ISO text, the event id as text (its 19 digits are rounded as a
    JavaScript number and in a spreadsheet's number cells)."""
    out = {c: _plain(row[c]) for c in columns}
    if out.get("id") is not None:
        out["id"] = str(out["id"])
    return out


@contextmanager
def _output(out: str | None, binary: bool = False) -> Iterator[IO[Any]]:
    """Where an export goes: stdout for `-` (or no --out); a FIFO or a character device (a pipe,
    /dev/null) written through as it is; otherwise a regular file, new or replaced whole when the
    export is complete (write_replacing). A symbolic link is refused, not followed."""
    if out is None or out == "-":
        if binary and sys.stdout.isatty():
            raise HadathError("parquet is binary: give --out FILE or redirect the standard output")
        try:
            yield sys.stdout.buffer if binary else sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (`| head`): the command's caller ends quietly
        except OSError as exc:
            raise HadathError(f"cannot write to the standard output: {exc.strerror or exc}") from None
        return
    target = Path(out)
    try:
        found = target.lstat()
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise HadathError(f"cannot write {out}: {exc.strerror or exc}") from None
    if found is not None and stat.S_ISLNK(found.st_mode):
        raise HadathError(f"cannot write {out}: it is a symbolic link (to {os.readlink(target)}); give the file "
                          "itself, or - for the standard output")
    if found is not None and (stat.S_ISFIFO(found.st_mode) or stat.S_ISCHR(found.st_mode)):
        with _written_through(target, out, binary) as handle:
            yield handle
        return
    if found is not None and not stat.S_ISREG(found.st_mode):
        kind = "a folder" if stat.S_ISDIR(found.st_mode) else "not a regular file"
        raise HadathError(f"cannot write {out}: it is {kind}")
    with write_replacing(target, binary=binary, mode=None if found is None else stat.S_IMODE(found.st_mode)) as handle:
        yield handle


@contextmanager
def _written_through(target: Path, out: str, binary: bool) -> Iterator[IO[Any]]:
    """A pipe or a device, opened without creating or following anything."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NOFOLLOW | getattr(os, "O_NOCTTY", 0))
        if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a file since we looked: write no file in place
            os.close(fd)
            raise HadathError(f"cannot write {out}: it changed while it was being opened")
        handle = os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""}))
    except OSError as exc:
        raise HadathError(f"cannot write {out}: {exc.strerror or exc}") from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        raise HadathError(f"cannot write {out}: {exc.strerror or exc}") from None


@contextmanager
def write_replacing(target: Path, *, binary: bool = False, mode: int | None = None) -> Iterator[IO[Any]]:
    """A new file in the target's folder under a unique name (mkstemp: O_EXCL, never an existing path or
    a link), renamed over the target once written and flushed to disk: an interrupted export leaves the
    target as it was and no stray file. `mode`: the permissions of the file it replaces (default: a new
    file's, 0666 less the umask)."""
    folder = target.parent
    if not folder.is_dir():
        raise HadathError(f"cannot write {target}: folder {folder} does not exist")
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
    except OSError as exc:
        raise HadathError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise HadathError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export_events(store: Store, fmt: str, out: str | None = None, **filters: Any) -> int:
    """Write the events matching `filters` (Store.event_filter) as `fmt`; returns the rows written."""
    if fmt not in FORMATS:
        raise HadathError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    columns = [c.name for c in Store.EVENT_COLUMNS]
    chunks = store.iter_events(added=fmt == "gdelt", **filters)
    written = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(pa)
        with _output(out, binary=True) as handle:
            with pq.ParquetWriter(handle, schema) as writer:
                for rows in chunks:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    written += len(rows)
        return written
    with _output(out) as handle:
        if fmt == "csv":
            # Text quoted, numbers not: a spreadsheet told to read quoted fields as text keeps the ids whole.
            csv.writer(handle).writerow(columns)
            writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
            for rows in chunks:
                writer.writerows([list(_row(r, columns).values()) for r in rows])
                written += len(rows)
        elif fmt == "jsonl":
            for rows in chunks:
                for r in rows:
                    handle.write(json.dumps(_row(r, columns), ensure_ascii=False) + "\n")
                written += len(rows)
        else:
            tsv = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            for rows in chunks:
                for r in rows:
                    fields = gdelt.gdelt_row(r)
                    if fields is not None:
                        tsv.writerow(f.replace("\t", " ").replace("\n", " ") for f in fields)
                        written += 1
    return written


def _arrow_schema(pa: Any) -> Any:
    from hadath.store import schema as tables

    types = {"BIGINT": pa.int64(), "INTEGER": pa.int64(), "FLOAT": pa.float64(), "DATE": pa.date32(),
             "BOOLEAN": pa.bool_()}
    fields = []
    for column in Store.EVENT_COLUMNS:
        sql_type = str(tables.events.c[column.name].type)
        fields.append(pa.field(column.name, types.get(sql_type, pa.string())))
    return pa.schema(fields)
