"""The event store on SQLite and on a real PostgreSQL server (tests/pg.py): ingest, merging,
idempotence, crash safety, exports read back by their standard readers, queries and errors."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, select

import pg
from hadath.errors import HadathError
from hadath.model import Article
from hadath.store import Store, schema
from hadath.store import engine as store_engine
from hadath.store import writer as store_writer
from hadath.store.engine import resolve_url
from hadath.store.export import export_events
from hadath.store.gdelt import COLUMNS
from hadath.store.ingest import Ingester
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from store_corpus import (
    CORPUS,
    MINISTER_VISIT,
    PROTEST,
    STRIKE_QANDIL,
    VISIT_ARRIVED,
    VISIT_PLANNED,
    VISIT_REPORTED,
    WIRE_COPY,
    WIRE_FIRST,
    make_article,
    write_jsonl,
)

REPO = Path(__file__).resolve().parents[1]
HADATH = [sys.executable, "-m", "hadath"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new store's URL: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", CORPUS)


def contents(db: str) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted, without bookkeeping timestamps: equal stores compare equal."""
    engine = create_engine(resolve_url(db))
    out = {}
    with engine.connect() as conn:
        for table in schema.DATA_TABLES:
            columns = [c for c in table.c if c.name != "ingested_at"]
            out[table.name] = sorted(tuple(r) for r in conn.execute(select(*columns)))
    engine.dispose()
    return out


def assert_same_store(db: str, reference: str) -> None:
    """Table by table, so that a failure names the table and shows the rows that differ."""
    got, want = contents(db), contents(reference)
    for table in want:
        extra = sorted(set(got[table]) - set(want[table]))[:3]
        missing = sorted(set(want[table]) - set(got[table]))[:3]
        assert got[table] == want[table], f"{table}: extra {extra}, missing {missing}"


def event_of(store: Store, article, index: int = 0) -> dict:
    """The merged event that event `index` of `article` was attached to."""
    frame = store.article(article.id)["mentions"]
    event_id = int(frame.loc[frame["idx"] == index, "event_id"].iloc[0])
    return store.event(event_id)


def cli(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*HADATH, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO, env={**os.environ, **(env or {})}
    )


# -- merging ---------------------------------------------------------------------------------------


def test_same_visit_in_other_words_from_two_outlets_is_one_event(db, corpus):
    summary = Ingester(db).ingest([str(corpus)])
    assert (summary.read, summary.new, summary.duplicate, summary.failed) == (9, 8, 1, 0)
    store = Store(db)
    found = event_of(store, VISIT_ARRIVED)
    event, mentions = found["event"], found["mentions"]
    assert (event["cameo"], event["source_key"], event["target_key"], event["status"]) == ("042", "IRN", "TUR", "occurred")
    assert event["date"] == "2024-01-24" and str(event["event_day"]) == "2024-01-24"
    # irna.ir and alarabiya.net wrote it; kayhan.ir carried irna's text word for word (a copy).
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (2, 2, 3)
    assert (str(event["first_seen"]), str(event["last_seen"])) == ("2024-01-24", "2024-01-25")
    assert sorted(mentions["outlet"]) == ["alarabiya.net", "irna.ir"]
    assert list(mentions["trigger_text"]) == ["زيارة", "يزور"]
    assert mentions["sentence_text"].iloc[1] == (
        "التقى الرئيس التركي رجب طيب أردوغان في أنقرة نظيره الإيراني إبراهيم رئيسي الذي يزور تركيا منذ الأربعاء."
    )
    assert list(mentions["merged_by"]) == ["new", "rules"]


def test_planned_visit_talks_agreement_and_a_later_visit_stay_apart(db, corpus):
    Ingester(db).ingest([str(corpus)])
    store = Store(db)
    planned = event_of(store, VISIT_PLANNED)["event"]
    occurred = event_of(store, VISIT_ARRIVED)["event"]
    talks = event_of(store, VISIT_REPORTED, 1)["event"]
    agreement = event_of(store, VISIT_REPORTED, 2)["event"]
    later = event_of(store, MINISTER_VISIT)["event"]
    strike = event_of(store, STRIKE_QANDIL)["event"]
    # Same dyad and day: the planned visit is not the visit, talks (040) are not the visit (042),
    # the agreement is not the talks; a visit on 5 February is another visit; the strike is another dyad.
    ids = {planned["id"], occurred["id"], talks["id"], agreement["id"], later["id"], strike["id"]}
    assert len(ids) == 6
    assert planned["status"] == "planned" and planned["num_mentions"] == 1
    # The planned talks (IRN->TUR, planned) do not absorb the talks that happened (TUR->IRN).
    planned_talks = event_of(store, VISIT_PLANNED, 1)["event"]
    assert planned_talks["id"] != talks["id"]
    assert store.count_events() == 9


def test_wire_copy_on_another_site_joins_the_story_event_despite_its_own_date(db, corpus):
    Ingester(db).ingest([str(corpus)])
    store = Store(db)
    first, copy = store.article(WIRE_FIRST.id), store.article(WIRE_COPY.id)
    assert copy["cluster_id"] == first["cluster_id"] == WIRE_FIRST.id
    found = event_of(store, WIRE_COPY)
    assert found["event"]["id"] == event_of(store, WIRE_FIRST)["event"]["id"]
    assert list(found["mentions"]["merged_by"]) == ["new", "cluster"]
    assert found["event"]["date"] == "2024-03-09"  # the first report's date stays
    assert store.article(STRIKE_QANDIL.id)["cluster_id"] == STRIKE_QANDIL.id


def test_symmetric_talks_written_either_way_round_merge(db, tmp_path):
    one = make_article(
        ["أجرى وزير الخارجية التركي محادثات مع نظيره الإيراني في طهران يوم الاثنين حول الوضع في سوريا."],
        published="2024-05-06", url="https://www.trt.net.tr/arabic/20",
        events=[{"sentence": 0, "trigger": "محادثات", "source": "TUR", "target": "IRN", "cameo": "040", "date": "2024-05-06"}],
    )
    other = make_article(
        ["بحث وزير الخارجية الإيراني مع نظيره التركي خلال اجتماعهما في طهران اليوم تطورات الأزمة السورية."],
        published="2024-05-06", url="https://www.irna.ir/news/21",
        events=[{"sentence": 0, "trigger": "بحث", "source": "IRN", "target": "TUR", "cameo": "040", "date": "2024-05-06"}],
    )
    Ingester(db).ingest([str(write_jsonl(tmp_path / "talks.jsonl", [one, other]))])
    store = Store(db)
    assert store.count_events() == 1
    assert event_of(store, other)["event"]["num_sources"] == 2



def _extracted_corpus() -> list[store_writer.Extracted]:
    """The test corpus as the writer receives it, with a failed input in the middle, the visit's text
    again under another outlet's URL (a copy) and the same input twice."""
    from hadath.store.ingest import Pending, extract, input_hash

    def fresh(article: Article, url: str | None = None) -> store_writer.Extracted:
        copy = Article.from_dict(article.to_dict())
        copy.url = url or copy.url
        return extract(Pending(copy, input_hash(copy), True))

    items = [fresh(CORPUS[0])]
    items.append(store_writer.Extracted(Article(text="", source="bad.jsonl:2", error="unreadable line: x"), "e" * 64))
    items += [fresh(a) for a in CORPUS[1:]]
    items.append(fresh(VISIT_ARRIVED, "https://www.alalam.ir/news/11"))
    items.append(fresh(MINISTER_VISIT))
    items.append(fresh(PROTEST))
    return items


def test_one_transaction_of_many_articles_gives_the_store_of_one_article_per_transaction(db, tmp_path):
    # The writer merges a transaction's articles in memory and writes them together: in-batch merges,
    # wire copies joining a cluster started in the same batch, copies and failures in the middle of it
    # must end exactly as writing one article after another.
    batched = Ingester(db).writer.write_many(_extracted_corpus())
    one_by_one_db = str(tmp_path / "one_by_one.db")
    writer = Ingester(one_by_one_db).writer
    one_by_one = [writer.write(item) for item in _extracted_corpus()]
    assert [r.outcome for r in batched] == [r.outcome for r in one_by_one] == (
        ["new", "failed"] + ["new"] * 5 + ["duplicate", "new", "new", "duplicate", "duplicate", "duplicate"]
    )
    assert batched == one_by_one
    assert_same_store(db, one_by_one_db)
    visit = event_of(Store(db), VISIT_ARRIVED)["event"]
    assert (visit["num_mentions"], visit["num_articles"], visit["num_sources"]) == (2, 2, 4)

# -- idempotence, crashes, concurrency ----------------------------------------------------------------


def test_ingesting_twice_changes_nothing(db, corpus):
    Ingester(db).ingest([str(corpus)])
    before = contents(db)
    again = Ingester(db).ingest([str(corpus)])
    assert (again.read, again.new, again.duplicate, again.events_new, again.mentions) == (9, 0, 9, 0, 0)
    assert contents(db) == before


def test_kill_9_mid_ingest_then_rerun_gives_the_clean_store(db, tmp_path):
    # A corpus long enough to be killed in the middle: the test articles under 60 publication dates.
    articles = []
    for day in range(60):
        for base in CORPUS:
            copy = Article.from_dict(base.to_dict())
            copy.text = copy.text + f" ({day})"  # another text, another article id
            copy.published = copy.published.replace(day=1 + day % 28, month=1 + day // 28)
            articles.append(copy)
    big = write_jsonl(tmp_path / "big.jsonl", articles)
    clean = str(tmp_path / "clean.db")
    Ingester(clean).ingest([str(big)])

    Ingester(db)  # create the schema first, so that progress can be watched
    count_engine = create_engine(resolve_url(db))

    def stored() -> int:
        with count_engine.connect() as conn:
            return len(conn.execute(select(schema.articles.c.id)).all())

    proc = subprocess.Popen([*HADATH, "ingest", str(big), "--db", db], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert pg.wait_until(lambda: stored() >= 40, timeout=120), proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = stored()
    assert 40 <= partial < len(contents(clean)["articles"])  # killed in the middle
    count_engine.dispose()
    rerun = cli("ingest", str(big), "--db", db)
    assert rerun.returncode == 0, rerun.stderr
    assert_same_store(db, clean)


def test_two_ingests_into_one_sqlite_file_at_once_lose_nothing(tmp_path, corpus):
    db = str(tmp_path / "shared.db")
    Ingester(db)
    procs = [
        subprocess.Popen([*HADATH, "ingest", str(corpus), "--db", db], cwd=REPO, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    clean = str(tmp_path / "clean.db")
    Ingester(clean).ingest([str(corpus)])
    assert contents(db)["articles"] == contents(clean)["articles"]
    assert len(contents(db)["mentions"]) == len(contents(clean)["mentions"])
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_locked_sqlite_file_is_a_one_line_error_and_nothing_is_half_written(tmp_path, corpus, monkeypatch):
    db = str(tmp_path / "locked.db")
    Ingester(db)
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(store_writer, "LOCK_RETRIES", 2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(HadathError, match="locked by another process"):
            Ingester(db).ingest([str(corpus)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert contents(db)["articles"] == []
    monkeypatch.undo()
    assert Ingester(db).ingest([str(corpus)]).new == 8


def _install_failing_writer(db: str) -> None:
    """A trigger that makes every mention insert fail, as a full disk would."""
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        if db.startswith("postgresql"):
            conn.exec_driver_sql(
                "CREATE FUNCTION no_space() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql("CREATE TRIGGER full_disk BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION no_space()")
        else:
            conn.exec_driver_sql(
                "CREATE TRIGGER full_disk BEFORE INSERT ON mentions "
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
    engine.dispose()


def test_failing_writer_stops_with_one_line_and_a_rerun_completes_the_store(db, corpus, tmp_path):
    Ingester(db)
    _install_failing_writer(db)
    result = cli("ingest", str(corpus), "--db", db, "--workers", "2")  # the worker pool must shut down too
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("hadath ingest: cannot write to the store")
    assert contents(db)["articles"] == [] and contents(db)["events"] == []  # the first article rolled back whole
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER full_disk" + (" ON mentions" if db.startswith("postgresql") else ""))
    engine.dispose()
    assert cli("ingest", str(corpus), "--db", db).returncode == 0
    clean = str(tmp_path / "clean.db")
    Ingester(clean).ingest([str(corpus)])
    assert_same_store(db, clean)


def test_bad_database_urls_and_read_only_files_are_one_line_errors(tmp_path, corpus):
    cases = {
        "postgresql://nobody@127.0.0.1:1/none": "cannot open the store postgresql://nobody@127.0.0.1:1/none",
        "mysql://u@h/db": "unsupported database URL",
        str(tmp_path / "missing" / "x.db"): "does not exist",
    }
    for url, message in cases.items():
        result = cli("ingest", str(corpus), "--db", url)
        assert result.returncode == 1, url
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    db = tmp_path / "ro.db"
    Ingester(str(db))
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = cli("ingest", str(corpus), "--db", read_only)
    assert result.returncode == 1 and "read-only" in result.stderr and result.stderr.count("\n") == 1
    assert contents(str(db))["articles"] == []
    result = cli("ingest", str(corpus), "--db", str(tmp_path / "d.db"), "--dask", "tcp://127.0.0.1:1")
    assert result.returncode == 1 and "cannot connect to the Dask scheduler at tcp://127.0.0.1:1" in result.stderr
    assert result.stderr.count("\n") == 1
    result = cli("stats", "--db", str(tmp_path / "nothing.db"))
    assert result.returncode == 1 and "no Hadath store" in result.stderr
    assert not (tmp_path / "nothing.db").exists()
    (tmp_path / "notes.db").write_text("not a database\n", encoding="utf-8")
    result = cli("ingest", str(corpus), "--db", str(tmp_path / "notes.db"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "file is not a database" in result.stderr
    assert (tmp_path / "notes.db").read_text(encoding="utf-8") == "not a database\n"


def test_failed_articles_are_recorded_and_counted(db, tmp_path):
    good = VISIT_ARRIVED.to_dict()
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + '{"id": "x", "events": [], "sentences": 3}\n', encoding="utf-8")
    summary = Ingester(db).ingest([str(path)])
    assert (summary.new, summary.failed) == (1, 1)
    failed = Store(db).articles(status="failed")
    assert len(failed) == 1 and failed["error"].iloc[0].startswith("unreadable line")


# -- workers and Dask -------------------------------------------------------------------------------


def test_two_worker_processes_and_dask_give_the_single_process_store(tmp_path, corpus, shared):
    # Real articles through the whole pipeline, and the hand-coded corpus.
    inputs = [str(shared / "data" / "news_dev" / "input.jsonl"), str(corpus)]
    single, workers, dask = (str(tmp_path / f"{n}.db") for n in ("single", "workers", "dask"))
    summary = Ingester(single).ingest(inputs)
    assert summary.read == 24 + 9 and summary.new + summary.failed + summary.duplicate == summary.read
    Ingester(workers, workers=2).ingest(inputs)
    Ingester(dask, dask="local", workers=2).ingest(inputs)
    assert_same_store(workers, single)
    assert_same_store(dask, single)


def test_retry_failed_extracts_the_kept_input_again(db, shared):
    line = (shared / "data" / "news_dev" / "input.jsonl").read_text(encoding="utf-8").splitlines()[0]
    data = json.loads(line)
    # A failure recorded as a worker that died in a stage would leave it: error, and the input as read.
    failed = Article(text=data["text"], source=data["source"], url=data["url"], error="events stage failed: MemoryError")
    ingester = Ingester(db)
    ingester.writer.write(store_writer.Extracted(failed, "f" * 64, None, json.dumps(data, ensure_ascii=False)))
    store = Store(db)
    assert list(store.articles(status="failed")["error"]) == ["events stage failed: MemoryError"]
    summary = ingester.retry_failed()
    assert (summary.read, summary.new, summary.failed) == (1, 1, 0), summary.failures
    assert store.articles(status="failed").empty
    stored = store.articles(status="ok")
    assert list(stored["url"]) == [data["url"]] and str(stored["published"].iloc[0]) == data["published"]
    assert len(contents(db)["articles"]) == 1  # the failure row gave way to the article


# -- exports and queries ------------------------------------------------------------------------------


def test_exports_read_back_by_their_standard_readers(db, corpus, tmp_path):
    Ingester(db).ingest([str(corpus)])
    store = Store(db)
    export_events(store, "csv", str(tmp_path / "e.csv"))
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9 and rows[0]["event_day"] == "2024-01-24"
    assert {r["num_mentions"] for r in rows} == {"1", "2"}

    export_events(store, "jsonl", str(tmp_path / "e.jsonl"), actor="PKK")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["cameo"], e["num_mentions"]) for e in lines] == [("195", 1), ("195", 2)]

    export_events(store, "parquet", str(tmp_path / "e.parquet"), start="2024-02", end="2024-03")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 3 and str(table.schema.field("event_day").type) == "date32[day]"
    assert sorted(table.column("cameo").to_pylist()) == ["042", "141", "195"]

    written = export_events(store, "gdelt", str(tmp_path / "e.gdelt.csv"))
    records = [line.split("\t") for line in (tmp_path / "e.gdelt.csv").read_text(encoding="utf-8").splitlines()]
    assert written == len(records) == 9 and {len(r) for r in records} == {61}
    by_id = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in records}
    planned = by_id[str(event_of(store, VISIT_PLANNED)["event"]["id"])]
    assert (planned["EventCode"], planned["EventRootCode"], planned["QuadClass"], planned["GoldsteinScale"]) == (
        "036", "03", "1", "4")
    protest = by_id[str(event_of(store, PROTEST)["event"]["id"])]
    assert (protest["EventCode"], protest["QuadClass"], protest["Actor1Code"], protest["Actor1CountryCode"],
            protest["Actor1Type1Code"]) == ("141", "3", "IRNCVL", "IRN", "CVL")
    strike = by_id[str(event_of(store, STRIKE_QANDIL)["event"]["id"])]
    assert (strike["SQLDATE"], strike["Actor2Code"], strike["Actor2KnownGroupCode"], strike["Actor2CountryCode"],
            strike["QuadClass"], strike["IsRootEvent"], strike["SOURCEURL"]) == (
        "20240124", "PKK", "PKK", "", "4", "1", "https://aawsat.com/4")
    visit = by_id[str(event_of(store, VISIT_PLANNED)["event"]["id"])]
    assert (visit["ActionGeo_CountryCode"], visit["ActionGeo_FullName"]) == ("TU", "Ankara")
    # DATEADDED: when the event was stored (its first article's ingest, UTC), to the second.
    ingested = store.article(VISIT_PLANNED.id)["ingested_at"]
    assert visit["DATEADDED"] == ingested.strftime("%Y%m%d%H%M%S")


def test_dyad_timeline_actor_network_stats_and_search(db, corpus):
    Ingester(db).ingest([str(corpus)])
    store = Store(db)
    months = store.dyad_timeline("IRN", "TUR", "2024-01", "2024-12", by="month")
    assert list(months["period"]) == ["2024-01", "2024-02", "2024-03"]
    assert list(months["events"]) == [5, 1, 1]
    assert list(months["quad1"]) == [5, 1, 0] and list(months["quad3"]) == [0, 0, 1]
    assert months["goldstein_sum"].iloc[0] == pytest.approx(1.9 + 1.9 + 1.0 + 1.0 + 8.0)
    assert months["top_cameo"].iloc[0] == "040:2 042:2 057:1"
    directed = store.dyad_timeline("IRN", "TUR", by="week", directed=True)
    assert list(directed["period"]) == ["2024-01-22", "2024-02-05", "2024-03-11"]
    assert list(directed["events"]) == [3, 1, 1]

    turkey = store.actor_summary("TUR")
    assert list(turkey["counterpart"]) == ["IRN", "PKK"]
    assert turkey.iloc[1][["events", "as_source", "quad4"]].tolist() == [2, 2, 2]
    edges = store.network()
    assert edges.iloc[0][["source_key", "target_key", "events"]].tolist() == ["IRN", "TUR", 5]

    stats = store.stats()
    assert (stats["articles"], stats["copies"], stats["events"], stats["merged_events"], stats["mentions"]) == (
        8, 1, 9, 2, 11)
    assert stats["by_status"] == {"occurred": 7, "planned": 2}

    found = store.search("حزب العمال")  # the texts have "لحزب العمال": the clitic is read off
    assert set(found["id"]) == {STRIKE_QANDIL.id, WIRE_FIRST.id, WIRE_COPY.id}
    assert set(store.search("رئيسي يزور")["id"]) == {VISIT_PLANNED.id, VISIT_REPORTED.id}
    assert list(store.search("قنديل")["id"]) == [STRIKE_QANDIL.id]
    page = store.events(limit=4, offset=4)
    assert len(page) == 4 and list(page["id"]) == list(store.events(limit=None)["id"])[4:8]


def test_cli_ingest_show_export_query_stats(tmp_path, corpus):
    db = str(tmp_path / "cli.db")
    result = cli("ingest", str(corpus), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "9 articles read: 8 new, 1 duplicate, 0 failed; 9 new events, 11 mentions" in result.stdout
    event_id = event_of(Store(db), VISIT_ARRIVED)["event"]["id"]
    shown = cli("show", str(event_id), "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "2 mentions in 2 articles from 3 sources" in shown.stdout
    assert "«وصل الرئيس الإيراني إبراهيم رئيسي اليوم الأربعاء إلى العاصمة التركية أنقرة في زيارة رسمية.»" in shown.stdout
    assert "alarabiya.net" in shown.stdout and "irna.ir" in shown.stdout
    gdelt = cli("export", "--format", "gdelt", "--db", db, "--status", "occurred", "--root", "04")
    assert [len(line.split("\t")) for line in gdelt.stdout.splitlines()] == [61, 61, 61]
    dyad = cli("query", "dyad", "IRN", "TUR", "--from", "2024-01", "--to", "2024-02", "--by", "month", "--db", db,
               "--format", "csv", "--status", "all")
    assert dyad.stdout.splitlines()[1].startswith("2024-01,5,5,0,0,0,13.8,2.76,6,")
    # By default what happened (occurred or ongoing), as the dashboard counts: the planned visits are left out.
    actual = cli("query", "dyad", "IRN", "TUR", "--from", "2024-01", "--to", "2024-02", "--db", db, "--format", "csv")
    assert actual.stdout.splitlines()[1].startswith("2024-01,3,3,0,0,0,")
    env = {"HADATH_DB": db}
    assert '"events": 9' in cli("stats", "--json", env=env).stdout
    missing = cli("show", "12345", "--db", db)
    assert missing.returncode == 1 and missing.stderr == "hadath show: no event 12345 in the store\n"


def test_real_articles_keep_every_extracted_event_with_its_offsets(db, shared):
    from hadath import pipeline
    from hadath.read import read_inputs

    inputs = [str(shared / "samples"), str(shared / "data" / "news_dev" / "input.jsonl")]
    extracted = [pipeline.run(a) for a in read_inputs(inputs, published=None)]
    expected = {a.id: len(a.events) for a in extracted if a.error is None}
    summary = Ingester(db).ingest(inputs)
    assert summary.read == len(extracted) == 26
    assert summary.new == len(expected) and summary.mentions == sum(expected.values())
    store = Store(db)
    for article_id, count in expected.items():
        stored = store.article(article_id)
        mentions = stored["mentions"]
        assert len(mentions) == count
        for m in mentions.to_dict("records"):
            assert stored["text"][m["trigger_start"] : m["trigger_end"]] == m["trigger_text"]
            assert m["sentence_start"] <= m["trigger_start"] < m["trigger_end"] <= m["sentence_end"]
    events = store.events(limit=None)
    assert int(events["num_mentions"].sum()) == summary.mentions
    assert Store(db).stats()["mentions"] == summary.mentions


def test_same_text_in_two_files_is_one_article_with_a_copy(db, tmp_path):
    text = (
        "أنقرة - قالت وزارة الخارجية التركية اليوم الأحد إن الوزير هاكان فيدان سيزور طهران الأسبوع المقبل "
        "لبحث العلاقات الثنائية والأوضاع في المنطقة مع نظيره الإيراني.\n"
    )
    for name in ("site_a.txt", "site_b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = Ingester(db).ingest([str(tmp_path / "site_a.txt"), str(tmp_path / "site_b.txt")], date(2024, 2, 4))
    assert (first.read, first.new, first.duplicate) == (2, 1, 1)
    again = Ingester(db).ingest([str(tmp_path / "site_b.txt")], date(2024, 2, 4))
    assert (again.read, again.new, again.duplicate) == (1, 0, 1)  # skipped before extraction
    stored = Store(db).articles()
    assert len(stored) == 1 and stored["source"].iloc[0].endswith("site_a.txt")
    copies = Store(db).article(stored["id"].iloc[0])["copies"]
    assert [w.endswith("site_b.txt") for w in copies["where"]] == [True]


def test_store_is_reachable_from_the_package() -> None:
    import hadath
    from hadath.store import Store

    assert hadath.Store is Store


def test_a_query_typed_with_a_clitic_finds_the_bare_word(tmp_path) -> None:
    from hadath.store.ingest import Ingester

    db = str(tmp_path / "search.db")
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"source": "s1", "published": "2024-05-01",
                                  "text": "زار وزير الخارجية التركي طهران أمس وبحث مع نظيره الإيراني ملف الحدود."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    Ingester(db).ingest([str(source)])
    store = Store(db)
    assert len(store.search("وطهران")) == 1  # the text has "طهران" only
    assert len(store.search("طهران موسكو")) == 0  # every word must be found
