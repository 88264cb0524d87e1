"""Exports of stored events: csv, jsonl, parquet (pyarrow) and gdelt (GDELT 2.0 event records).

Rows are streamed from the store a chunk at a time and written to a temporary file beside the target,
which replaces the target only when complete: an interrupted export leaves no half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import sys
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


@contextmanager
def _output(out: str | None, binary: bool = False) -> Iterator[IO[Any]]:
    """The file to write (atomically replaced when done) or stdout."""
    if out is None or out == "-":
        if binary:
            raise HadathError("parquet needs --out FILE")
        yield sys.stdout
        return
    target = Path(out)
    if not target.parent.is_dir():
        raise HadathError(f"cannot write {out}: folder {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
        os.replace(partial, target)
    except OSError as exc:
        raise HadathError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)


def export_events(store: Store, fmt: str, out: str | None = None, **filters: Any) -> int:
    """Write the events matching `filters` (Store.event_filter) as `fmt`; returns the rows written."""
    if fmt not in FORMATS:
        raise HadathError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    columns = [c.name for c in Store.EVENT_COLUMNS]
    chunks = store.iter_events(**filters)
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
            writer = csv.writer(handle)
            writer.writerow(columns)
            for rows in chunks:
                writer.writerows([[_plain(r[c]) for c in columns] for r in rows])
                written += len(rows)
        elif fmt == "jsonl":
            for rows in chunks:
                for r in rows:
                    handle.write(json.dumps({c: _plain(r[c]) for c in columns}, ensure_ascii=False) + "\n")
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
