"""Casualty counts in the event store, on a SQLite file and on PostgreSQL (tests/pg.py): written per
mention and merged per event, read back by Store and the HTTP API, exported, and added to a store
made before migration 5."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.model import Article
from hadath.store import Store
from hadath.store.engine import resolve_url
from hadath.store.export import export_events
from hadath.store.gdelt import COLUMNS
from hadath.store.ingest import Ingester
from hadath.store.migrations import LATEST
from hadath.store.schema import CASUALTY_COLUMNS
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from store_corpus import VISIT_ARRIVED, make_article, write_jsonl

STRIKE = {"sentence": 0, "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2024-04-02"}


def strike_report(sentence: str, url: str, published: str, trigger: str, fatalities: int | None,
                  injured: int | None, fatalities_min: bool = False, injured_min: bool = False) -> Article:
    """One outlet's report of the same air strike, with the casualties it gives."""
    article = make_article([sentence], published=published, url=url, events=[{**STRIKE, "trigger": trigger}])
    event = article.events[0]
    event.fatalities, event.injured = fatalities, injured
    event.fatalities_lower_bound, event.injured_lower_bound = fatalities_min, injured_min
    return article


FIRST = strike_report("قصفت المقاتلات التركية قرية في قضاء زاخو ما أسفر عن مقتل 5 أشخاص وإصابة العشرات.",
                      "https://www.rudaw.net/arabic/11", "2024-04-02", "قصفت", 5, 10, injured_min=True)
LATER = strike_report("ارتفعت حصيلة الغارة التركية على قرية في زاخو إلى 9 قتلى و12 جريحاً.",
                      "https://www.kurdistan24.net/ar/12", "2024-04-03", "الغارة", 9, 12)
FLOOR = strike_report("أكثر من 9 قتلى في الغارة التركية على زاخو.",
                      "https://www.shafaq.com/ar/13", "2024-04-03", "الغارة", 9, None, fatalities_min=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new store's URL: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("c_" + uuid.uuid4().hex[:12])


def ingest(db: str, tmp_path: Path, articles: list[Article], name: str = "corpus") -> None:
    Ingester(db).ingest([str(write_jsonl(tmp_path / f"{name}.jsonl", articles))])


def strike_event(store: Store, article: Article) -> dict:
    mentions = store.article(article.id)["mentions"]
    return store.event(int(mentions["event_id"].iloc[0]))


def casualties(row: dict) -> tuple:
    return tuple(row[name] for name in CASUALTY_COLUMNS)


def test_each_report_keeps_its_counts_and_the_event_the_largest(db, tmp_path):
    ingest(db, tmp_path, [FIRST, LATER, FLOOR, VISIT_ARRIVED])
    store = Store(db)
    found = strike_event(store, FIRST)
    # 9 killed (9 exact before "more than 9"), 12 injured (12 exact over "dozens", at least 10)
    assert casualties(found["event"]) == (9, 12, False, False)
    mentions = found["mentions"].to_dict("records")
    assert [casualties(m) for m in mentions] == [(5, 10, False, True), (9, 12, False, False), (9, None, True, False)]
    assert [type(m["fatalities"]) for m in mentions] == [int, int, int]  # not floats
    visit = strike_event(store, VISIT_ARRIVED)
    assert casualties(visit["event"]) == (None, None, False, False)


def test_a_lower_bound_larger_than_every_exact_count_wins(db, tmp_path):
    dozens = strike_report("عشرات القتلى في الغارة التركية على زاخو.", "https://www.basnews.com/ar/14",
                           "2024-04-03", "الغارة", 10, None, fatalities_min=True)
    ingest(db, tmp_path, [FIRST, dozens])
    assert casualties(strike_event(Store(db), FIRST)["event"]) == (10, 10, True, True)


def test_exports_carry_the_counts_and_gdelt_keeps_its_61_columns(db, tmp_path):
    ingest(db, tmp_path, [FIRST, LATER, VISIT_ARRIVED])
    store = Store(db)
    export_events(store, "csv", str(tmp_path / "e.csv"))
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["cameo"]: r for r in csv.DictReader(handle)}
    assert casualties(rows["195"]) == ("9", "12", "False", "False")
    assert casualties(rows["042"]) == ("", "", "False", "False")

    export_events(store, "jsonl", str(tmp_path / "e.jsonl"), root="19")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [casualties(e) for e in lines] == [(9, 12, False, False)]

    export_events(store, "parquet", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("injured_lower_bound").type) == "bool"
    by_code = {r["cameo"]: r for r in table.to_pylist()}
    assert casualties(by_code["195"]) == (9, 12, False, False) and by_code["042"]["fatalities"] is None

    export_events(store, "gdelt", str(tmp_path / "e.gdelt.csv"))
    records = [line.split("\t") for line in (tmp_path / "e.gdelt.csv").read_text(encoding="utf-8").splitlines()]
    assert {len(r) for r in records} == {len(COLUMNS)} == {61}


def test_the_api_event_objects_carry_the_counts(db, tmp_path):
    ingest(db, tmp_path, [FIRST, LATER])
    client = TestClient(create_app(Settings(db=db)))
    item = client.get("/api/events?root=19").json()["items"][0]
    assert casualties(item) == (9, 12, False, False)
    one = client.get(f"/api/events/{item['id']}").json()
    assert casualties(one["event"]) == (9, 12, False, False)
    assert [casualties(m) for m in one["mentions"]] == [(5, 10, False, True), (9, 12, False, False)]
    article = client.get(f"/api/articles/{FIRST.id}").json()
    assert casualties(article["events"][0]) == (5, 10, False, True)


def _as_before_migration_5(db: str) -> None:
    """Take the casualty columns and migration 5 out of a store: the store an older Hadath made."""
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        for table in ("events", "mentions"):
            for name in CASUALTY_COLUMNS:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {name}"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 5"))  # made before 5: none after it either
    engine.dispose()


def test_a_store_made_before_migration_5_is_brought_up_to_date(db, tmp_path):
    ingest(db, tmp_path, [FIRST, VISIT_ARRIVED], "old")
    _as_before_migration_5(db)

    store = Store(db)  # opening it migrates
    assert store.stats()["schema_version"] == LATEST >= 5
    columns = {c["name"] for c in inspect(store.engine).get_columns("events")}
    assert set(CASUALTY_COLUMNS) <= columns
    old = strike_event(store, FIRST)
    assert casualties(old["event"]) == (None, None, None, None)  # stored before: never read
    assert store.count_events() == 2

    ingest(db, tmp_path, [LATER], "new")  # a new report of the old strike merges into it
    store = Store(db)
    merged = strike_event(store, FIRST)
    assert merged["event"]["num_mentions"] == 2
    assert casualties(merged["event"]) == (9, 12, False, False)
    export_events(store, "csv", str(tmp_path / "after.csv"))
    with (tmp_path / "after.csv").open(encoding="utf-8", newline="") as handle:
        assert {r["cameo"]: r["fatalities"] for r in csv.DictReader(handle)} == {"195": "9", "042": ""}
