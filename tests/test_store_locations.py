"""Event locations in the store (issue 13), on a SQLite file and on PostgreSQL (tests/pg.py): the
location's precision and coordinates written per event and per mention, a merged event keeping the
most precise report's place, read back by the HTTP API, exported (CSV, JSON Lines, Parquet, GDELT's
ActionGeo fields), filtered by place, and added to a store made before migration 7."""

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
from hadath.model import Article, Location
from hadath.store import Store
from hadath.store.engine import resolve_url
from hadath.store.export import export_events
from hadath.store.gdelt import COLUMNS
from hadath.store.ingest import Ingester
from hadath.store.migrations import LATEST
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from store_corpus import VISIT_ARRIVED, make_article, write_jsonl

STRIKE = {"sentence": 0, "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2024-04-02"}
IRAQ = Location("العراق", "IRQ", "Iraq", 33.04, 43.77, "country")
ZAKHO = Location("زاخو", "IRQ", "Zakho", 37.14, 42.68, "place")


def strike_report(sentence: str, url: str, published: str, trigger: str, location: Location) -> Article:
    article = make_article([sentence], published=published, url=url, events=[{**STRIKE, "trigger": trigger}])
    article.events[0].location = location
    return article


VAGUE = strike_report("قصفت المقاتلات التركية مواقع لحزب العمال الكردستاني في العراق.",
                      "https://www.rudaw.net/arabic/21", "2024-04-02", "قصفت", IRAQ)
PRECISE = strike_report("قصفت المقاتلات التركية مواقع لحزب العمال الكردستاني قرب زاخو.",
                        "https://www.kurdistan24.net/ar/22", "2024-04-02", "قصفت", ZAKHO)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("l_" + uuid.uuid4().hex[:12])


def ingest(db: str, tmp_path: Path, articles: list[Article], name: str = "corpus") -> None:
    Ingester(db).ingest([str(write_jsonl(tmp_path / f"{name}.jsonl", articles))])


def strike_event(store: Store) -> dict:
    mentions = store.article(VAGUE.id)["mentions"]
    return store.event(int(mentions["event_id"].iloc[0]))


def where(row: dict) -> tuple:
    return row["location_name"], row["location_key"], row["lat"], row["lon"], row["location_precision"]


def test_the_event_keeps_the_most_precise_place_and_each_mention_its_own(db, tmp_path):
    ingest(db, tmp_path, [VAGUE, PRECISE])
    found = strike_event(Store(db))
    assert found["event"]["num_mentions"] == 2
    assert where(found["event"]) == ("Zakho", "IRQ", 37.14, 42.68, "place")
    mentions = found["mentions"].to_dict("records")
    assert [m["location_precision"] for m in mentions] == ["country", "place"]


def test_a_less_precise_later_report_does_not_move_the_event(db, tmp_path):
    ingest(db, tmp_path, [PRECISE, VAGUE])
    assert where(strike_event(Store(db))["event"]) == ("Zakho", "IRQ", 37.14, 42.68, "place")


def test_api_exports_and_gdelt_carry_the_location(db, tmp_path):
    ingest(db, tmp_path, [VAGUE, PRECISE, VISIT_ARRIVED])
    store = Store(db)
    client = TestClient(create_app(Settings(db=db)))
    item = client.get("/api/events?root=19").json()["items"][0]
    assert where(item) == ("Zakho", "IRQ", 37.14, 42.68, "place")
    places = client.get("/api/locations?status=all").json()["items"]
    zakho = next(p for p in places if p["name"] == "Zakho")
    assert (zakho["precision"], zakho["events"], zakho["event_ids"]) == ("place", 1, [item["id"]])
    assert [e["id"] for e in client.get("/api/events?place=Zakho").json()["items"]] == [item["id"]]
    assert client.get("/api/events?place=IRQ").json()["total"] == 1  # a state's key is a place too

    export_events(store, "csv", str(tmp_path / "e.csv"))
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["cameo"]: r for r in csv.DictReader(handle)}
    assert (rows["195"]["location_precision"], rows["195"]["lat"]) == ("place", "37.14")
    export_events(store, "jsonl", str(tmp_path / "e.jsonl"), root="19")
    line = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert where(line) == ("Zakho", "IRQ", 37.14, 42.68, "place")
    export_events(store, "parquet", str(tmp_path / "e.parquet"))
    by_code = {r["cameo"]: r for r in pq.read_table(tmp_path / "e.parquet").to_pylist()}
    assert by_code["195"]["location_precision"] == "place"

    export_events(store, "gdelt", str(tmp_path / "e.gdelt.csv"), root="19")
    record = dict(zip(COLUMNS, (tmp_path / "e.gdelt.csv").read_text(encoding="utf-8").splitlines()[0].split("\t"),
                      strict=True))
    assert (record["ActionGeo_Type"], record["ActionGeo_FullName"], record["ActionGeo_CountryCode"]) == \
        ("4", "Zakho, Iraq", "IZ")
    assert (record["ActionGeo_Lat"], record["ActionGeo_Long"]) == ("37.1400", "42.6800")


def _as_before_migration_7(db: str) -> None:
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        for table in ("events", "mentions"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN location_precision"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 7"))
    engine.dispose()


def test_a_store_made_before_migration_7_is_brought_up_to_date(db, tmp_path):
    ingest(db, tmp_path, [VAGUE], "old")
    _as_before_migration_7(db)
    store = Store(db)  # opening it migrates
    assert store.stats()["schema_version"] == LATEST >= 7
    assert "location_precision" in {c["name"] for c in inspect(store.engine).get_columns("events")}
    assert where(strike_event(store)["event"]) == ("Iraq", "IRQ", 33.04, 43.77, None)  # stored before: no precision
    ingest(db, tmp_path, [PRECISE], "new")  # a more precise report of the old strike moves it
    assert where(strike_event(Store(db))["event"]) == ("Zakho", "IRQ", 37.14, 42.68, "place")
