"""Issue 14, the store's side: exports never write through a planted link or replace what is not a
regular file; one bad article never fails the others (savepoints, on SQLite and PostgreSQL); a damaged
store is a one-line error; search of a query with no words; a store on read-only media; GDELT dates."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine

from hadath.errors import HadathError
from hadath.model import Article
from hadath.store import Store
from hadath.store.engine import resolve_url
from hadath.store.export import export_events
from hadath.store.gdelt import COLUMNS
from hadath.store.ingest import Ingester
from hadath.store.migrations import LATEST
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from store_corpus import CORPUS, write_jsonl

REPO = Path(__file__).resolve().parents[1]
HADATH = [sys.executable, "-m", "hadath"]
HEADER = "id,cameo,root"


def cli(*args: str, cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*HADATH, *args], capture_output=True, text=True, timeout=300, cwd=cwd, **kwargs)


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("exports")
    db = str(folder / "store.db")
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    return db


def export_csv(db: str, out: Path | str) -> subprocess.CompletedProcess:
    return cli("export", "--format", "csv", "--db", db, "--out", str(out))


def strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


# -- H1: exports ------------------------------------------------------------------------------------


def test_a_planted_partial_link_is_not_followed(store_db, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out.csv"
    (tmp_path / "out.csv.partial").symlink_to(victim)
    done = export_csv(store_db, out)
    assert done.returncode == 0, done.stderr
    assert victim.read_text() == "precious\n"
    assert not out.is_symlink() and out.read_text(encoding="utf-8").startswith(HEADER)
    assert (tmp_path / "out.csv.partial").is_symlink()  # someone else's link is left alone


def test_a_link_given_as_out_is_refused_in_one_line(store_db, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out.csv"
    out.symlink_to(victim)
    done = export_csv(store_db, out)
    assert done.returncode == 1 and "symbolic link" in done.stderr and len(done.stderr.splitlines()) == 1
    assert out.is_symlink() and victim.read_text() == "precious\n"
    assert strays(tmp_path) == []


def test_a_fifo_is_written_through_and_stays_a_fifo(store_db, tmp_path):
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    done = export_csv(store_db, fifo)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(HEADER) and len(received[0].splitlines()) == 10
    assert strays(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_full_device_is_written_through_not_replaced(store_db, tmp_path):
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # the kernel's /dev/full
    done = export_csv(store_db, full)
    assert done.returncode == 1 and "No space left on device" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert strays(tmp_path) == []


def test_a_folder_is_refused_and_a_file_is_replaced_keeping_its_permissions(store_db, tmp_path):
    done = export_csv(store_db, tmp_path)
    assert done.returncode == 1 and "folder" in done.stderr
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    done = export_csv(store_db, out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADER) and stat.S_IMODE(out.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.csv"
    old_mask = os.umask(0o022)
    try:
        export_events(Store(store_db), "csv", str(fresh))
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    assert strays(tmp_path) == []


def test_an_interrupted_export_leaves_the_target_and_no_temporary_file(store_db, tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    store = Store(store_db)

    def failing(**_filters):
        yield [dict.fromkeys(c.name for c in Store.EVENT_COLUMNS)]
        raise HadathError("cannot read the store: gone")

    monkeypatch.setattr(store, "iter_events", failing)
    with pytest.raises(HadathError):
        export_events(store, "csv", str(out))
    assert out.read_text() == "old\n" and strays(tmp_path) == []


def test_dash_writes_to_stdout_parquet_too(store_db, tmp_path):
    done = cli("export", "--format", "csv", "--db", store_db, "--out", "-")
    assert done.returncode == 0 and done.stdout.startswith(HEADER) and done.stderr == ""
    parquet = subprocess.run([*HADATH, "export", "--format", "parquet", "--db", store_db, "--out", "-"],
                             capture_output=True, timeout=300, cwd=REPO)
    assert parquet.returncode == 0, parquet.stderr
    assert pq.read_table(io.BytesIO(parquet.stdout)).num_rows == 9
    assert not list(REPO.glob(".-*"))


# -- M3: one article's values never fail the others ---------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new store's URL: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("h_" + uuid.uuid4().hex[:12])


def hostile_copies() -> list:
    """Copies of the corpus articles (new texts, so new ids): one with a 9,000-character URL, one with NUL
    in its text and title, one with a lone surrogate in its title, one whose source is 5,000 characters."""
    articles = [Article.from_dict(a.to_dict()) for a in CORPUS[:5]]
    articles[0].url = "https://example.com/" + "a" * 9000
    articles[0].text += " ...."
    articles[1].text = articles[1].text + " \x00 " + "x"
    articles[1].title = "عنوان\x00"
    articles[2].title = "عنوان \ud800"
    articles[2].text += " ."
    articles[3].url, articles[3].source = None, "مصدر " * 1000
    articles[3].text += " .."
    articles[4].text += " ..."
    return articles


def test_long_urls_nul_and_surrogates_are_stored_with_every_other_article(db, tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    Ingester(db).ingest([str(corpus)])
    hostile = tmp_path / "hostile.jsonl"  # escaped: a lone surrogate is "\\ud800" in JSON, as a reader sends it
    hostile.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in hostile_copies()), encoding="utf-8")
    summary = Ingester(db).ingest([str(hostile)])
    assert (summary.new, summary.failed) == (5, 0), summary.line()
    store = Store(db)
    long_url = max(len(u) for u in store.articles(limit=None).url.dropna())
    assert long_url == len("https://example.com/") + 9000  # stored whole
    titles = set(store.articles(limit=None).title.dropna())
    assert {"عنوان\ufffd", "عنوان \ufffd"} <= titles
    # A copy of an article seen again under a long URL is recorded too.
    again = Article.from_dict(CORPUS[0].to_dict())
    again.url = "https://mirror.example/" + "b" * 9000
    summary = Ingester(db).ingest([str(write_jsonl(tmp_path / "copy.jsonl", [again]))])
    assert summary.duplicate == 1 and summary.failed == 0
    # A re-run changes nothing and fails nothing.
    summary = Ingester(db).ingest([str(hostile)])
    assert (summary.new, summary.failed, summary.duplicate) == (0, 0, 5)


def test_an_article_the_store_refuses_is_a_failure_record_and_the_others_are_stored(db, tmp_path):
    """A value only PostgreSQL refuses (a PLOVER label longer than its column, from hand-made
    `hadath extract` output): on PostgreSQL that article fails alone; SQLite stores it."""
    articles = [Article.from_dict(a.to_dict()) for a in CORPUS[:4]]
    articles[1].events[0].plover = "CONSULT-" * 5
    path = write_jsonl(tmp_path / "corpus.jsonl", articles)
    summary = Ingester(db).ingest([str(path)])
    store = Store(db)
    if db.startswith("postgresql"):
        assert (summary.new, summary.failed) == (len(articles) - 1, 1), summary.line()
        failed = store.articles(status="failed")
        assert len(failed) == 1 and failed.error.iloc[0].startswith("the store refused it: value too long")
        assert "postgresql://" not in failed.error.iloc[0]
        again = Ingester(db).ingest([str(path)])
        assert (again.new, again.failed) == (0, 1)
    else:
        assert (summary.new, summary.failed) == (len(articles), 0)
    assert store.stats()["articles"] == summary.new



@pytest.mark.parametrize(("field", "value", "says"), [
    ("sentence", "x", "sentence is str, not int"),
    ("cameo", None, "cameo is NoneType, not str"),
    ("date", 20240101, "date is int, not str or NoneType"),
    ("status", ["occurred"], "status is list, not str"),
    ("goldstein", "big", "goldstein is str, not float"),
    ("fatalities", 10**30, "the store refused it"),  # SQLite: "too large"; PostgreSQL: "out of range"
])
def test_hand_made_extract_output_with_values_of_the_wrong_shape_fails_alone(db, tmp_path, field, value, says):
    """`hadath extract` output written by hand can hold anything JSON can: the article with a value of
    the wrong shape is a failure record that says which, and the others are stored."""
    lines = [a.to_dict() for a in CORPUS[:3]]
    lines[1]["events"][0][field] = value
    path = tmp_path / "extracted.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    summary = Ingester(db).ingest([str(path)])
    assert (summary.new, summary.failed) == (2, 1), summary.line()
    [error] = Store(db).articles(status="failed").error
    assert says in error and "postgresql://" not in error


def test_a_store_made_before_migration_6_takes_long_urls_after_it(db, tmp_path):
    Ingester(db).ingest([str(write_jsonl(tmp_path / "corpus.jsonl", CORPUS[:2]))])
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:  # the indexes an older Hadath made
        if db.startswith("postgresql"):
            conn.exec_driver_sql("DROP INDEX ix_articles_url")
            conn.exec_driver_sql("CREATE INDEX ix_articles_url ON articles (url)")
            conn.exec_driver_sql("DROP INDEX ux_copies_where")
            conn.exec_driver_sql('ALTER TABLE copies ADD PRIMARY KEY (article_id, "where")')
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version >= 6")
    engine.dispose()
    assert Store(db).stats()["schema_version"] == LATEST  # opening it migrates
    long = Article.from_dict(CORPUS[2].to_dict())
    long.url = "https://example.com/" + "z" * 5000
    copy = Article.from_dict(CORPUS[0].to_dict())
    copy.url = "https://mirror.example/" + "y" * 5000
    summary = Ingester(db).ingest([str(write_jsonl(tmp_path / "long.jsonl", [long, copy]))])
    assert (summary.new, summary.duplicate, summary.failed) == (1, 1, 0)

# -- M8: a query with no words to search for ----------------------------------------------------------


@pytest.mark.parametrize("query", ["ـ", "ـً", "ـــ ً", "'", "\\", "ـ'ـ"])
def test_a_query_that_normalises_to_nothing_finds_nothing(db, tmp_path, query):
    Ingester(db).ingest([str(write_jsonl(tmp_path / "corpus.jsonl", CORPUS))])
    store = Store(db)
    assert store.search(query).empty
    assert len(store.search("ـتركيا")) == len(store.search("تركيا")) > 0  # a tatweel inside a word is ignored
    done = cli("query", "search", query, "--db", db)
    assert done.returncode == 0 and done.stderr == "" and "(no rows)" in done.stdout


def test_quotes_and_backslashes_in_a_query_are_words_not_syntax(db, tmp_path):
    Ingester(db).ingest([str(write_jsonl(tmp_path / "corpus.jsonl", CORPUS))])
    store = Store(db)
    for query in ("تركيا'", "'تركيا' | !إيران", "تركيا\\", "تركيا & (", "\"تركيا\" OR", "تركيا:*"):
        assert len(store.search(query)) >= 0  # no syntax error of either store's query language
    assert len(store.search("تركيا'")) == len(store.search("تركيا"))


# -- M10: a damaged store ------------------------------------------------------------------------------


def damaged_copies(db: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The store with a name in its schema that is not UTF-8, and with three data pages overwritten."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    [(articles_root,)] = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchall()
    con.close()
    data = bytearray(db.read_bytes())
    at = data.find(b"tableschema_versionschema_version")  # a schema row: type, name, table name
    assert at > 0
    data[at + 5 : at + 8] = b"\xff\xfe\xfd"
    schema = tmp_path / "bad_schema.db"
    schema.write_bytes(bytes(data))
    data = bytearray(db.read_bytes())
    for number in range(articles_root, articles_root + 3):  # pages count from 1
        start = (number - 1) * page
        data[start + 8 : start + page - 8] = b"\x5a" * (page - 16)
    pages = tmp_path / "bad_pages.db"
    pages.write_bytes(bytes(data))
    return schema, pages


def test_a_damaged_store_is_a_one_line_error_and_is_not_written_into(tmp_path):
    db = tmp_path / "store.db"
    Ingester(str(db)).ingest([str(write_jsonl(tmp_path / "corpus.jsonl", CORPUS))])
    schema, pages = damaged_copies(db, tmp_path)
    for command in (["stats"], ["query", "events"], ["export", "--format", "csv"]):
        done = cli(*command, "--db", str(schema))
        assert done.returncode == 1 and "malformed" in done.stderr, done.stderr
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    more = write_jsonl(tmp_path / "more.jsonl", [Article.from_dict(CORPUS[0].to_dict() | {"text": "نص آخر"})])
    for store in (schema, pages):
        before = store.read_bytes()
        done = cli("ingest", str(more), "--db", str(store))
        assert done.returncode == 1 and "malformed" in done.stderr, done.stderr
        assert len(done.stderr.splitlines()) == 1
        assert store.read_bytes() == before


# -- a store on read-only media ------------------------------------------------------------------------


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """`folder` as read-only media: a read-only bind mount of it (root writes any folder it only may
    not write by its mode), else its mode; the folder to read the store from."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mount = folder.with_name(folder.name + "-ro")
    mount.mkdir()
    try:
        for command in (["mount", "--bind", str(folder), str(mount)], ["mount", "-o", "remount,ro,bind", str(mount)]):
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                subprocess.run(["umount", str(mount)], capture_output=True)
                pytest.skip(f"no read-only mount for root here: {done.stderr.strip()}")
        try:
            yield mount
        finally:
            subprocess.run(["umount", str(mount)], capture_output=True, check=True)
    finally:
        mount.rmdir()


def test_a_wal_store_in_a_read_only_folder_is_read(tmp_path):
    """Two copies on the media: one closed cleanly (the file alone), one copied while it was open (with
    its -wal, holding the last transactions, and -shm)."""
    folder = tmp_path / "media"
    folder.mkdir()
    db = tmp_path / "store.db"
    ingester = Ingester(str(db))
    ingester.ingest([str(write_jsonl(tmp_path / "corpus.jsonl", CORPUS))])
    assert db.with_name("store.db-wal").stat().st_size > 0
    for name in ("store.db", "store.db-wal", "store.db-shm"):
        shutil.copy(tmp_path / name, folder / name.replace("store", "open"))
    ingester.engine.dispose()  # the last connection closes: the WAL is checkpointed and removed
    shutil.copy(db, folder / "closed.db")
    with contextlib.closing(sqlite3.connect(folder / "closed.db")) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with read_only_folder(folder) as media:
        for name in ("closed.db", "open.db"):
            done = cli("stats", "--db", str(media / name))
            assert done.returncode == 0, done.stderr
            assert "events                   9" in done.stdout
        assert sorted(p.name for p in media.iterdir()) == ["closed.db", "open.db", "open.db-shm", "open.db-wal"]


# -- GDELT dates ---------------------------------------------------------------------------------------


def test_gdelt_dates_of_an_event_with_no_date_and_no_publication_date(db, tmp_path):
    undated = Article.from_dict(CORPUS[0].to_dict())
    undated.text += " (بلا تاريخ)"
    undated.published, undated.published_from = None, "none"
    for ev in undated.events:
        ev.date, ev.date_precision = None, "unknown"
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    Ingester(db).ingest([str(write_jsonl(tmp_path / "undated.jsonl", [undated]))])
    after = datetime.now(UTC).replace(tzinfo=None)
    out = tmp_path / "e.gdelt"
    written = export_events(Store(db), "gdelt", str(out), status="planned")
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(rows) >= 1
    for row in rows:
        added = datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S")
        assert before <= added <= after
        assert row["SQLDATE"] == row["DATEADDED"][:8] and row["MonthYear"] == row["DATEADDED"][:6]
        assert row["Year"] == row["DATEADDED"][:4] and row["FractionDate"]
