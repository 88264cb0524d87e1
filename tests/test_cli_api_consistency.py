"""The CLI and the HTTP API answer alike on one store of the news_dev articles and the hand-coded
reports of tests/store_corpus.py (issue 13, item 2):
`hadath query dyad` counts what the dashboard's dyad view counts for the same status (by default what
happened), and an unknown actor code is an error naming the nearest known codes in both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.store.ingest import Ingester
from store_corpus import CORPUS, write_jsonl

REPO = Path(__file__).resolve().parents[1]
HADATH = [sys.executable, "-m", "hadath"]
COMPARED = ("period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean", "mentions")


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([*HADATH, *args], capture_output=True, text=True, timeout=300, cwd=REPO, env=env)


@pytest.fixture(scope="module")
def store(shared, tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("consistency") / "news_dev.db")
    summary = Ingester(db).ingest([str(shared / "data" / "news_dev" / "input.jsonl")])
    assert summary.new == 24
    # And the hand-coded reports of tests/store_corpus.py: one visit told by three outlets.
    Ingester(db).ingest([str(write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", CORPUS))])
    return db


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(Settings(db=store)))


def cli_series(db: str, a: str, b: str, *options: str) -> list[dict]:
    result = cli("query", "dyad", a, b, "--db", db, "--by", "month", "--format", "json", *options)
    assert result.returncode == 0, result.stderr
    return [{k: row[k] for k in COMPARED} for row in json.loads(result.stdout)]


def api_series(client: TestClient, a: str, b: str, query: str = "") -> list[dict]:
    response = client.get(f"/api/dyad/{a}/{b}/timeline?by=month{query}")
    assert response.status_code == 200, response.text
    return [{k: row[k] for k in COMPARED} for row in response.json()["series"]]


def test_dyad_counts_default_to_what_happened_in_the_cli_and_the_dashboard(store, client):
    cli_default = cli_series(store, "USA", "IRN")
    assert cli_default == api_series(client, "USA", "IRN")  # both defaults
    assert cli_default == cli_series(store, "USA", "IRN", "--status", "actual")
    # The dashboard's dyad view asks for status=actual unless the menu says otherwise.
    dashboard = (REPO / "src" / "hadath" / "api" / "static" / "app.js").read_text(encoding="utf-8")
    assert 'query.get("status") || "actual"' in dashboard
    # What happened is less than every status here (planned and denied strikes in June 2019).
    every = cli_series(store, "USA", "IRN", "--status", "all")
    assert sum(p["events"] for p in every) > sum(p["events"] for p in cli_default) > 0


@pytest.mark.parametrize("status", ["all", "occurred", "planned", "denied,hypothetical", "occurred,planned"])
def test_dyad_counts_agree_for_each_status(store, client, status):
    for a, b in (("USA", "IRN"), ("IRN", "TUR")):
        assert cli_series(store, a, b, "--status", status) == api_series(client, a, b, f"&status={status}")


def test_actor_and_network_counts_take_the_same_status(store, client):
    edges = {(e["source_key"], e["target_key"]): e["events"] for e in client.get("/api/network").json()["edges"]}
    result = cli("query", "network", "--db", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert {(e["source_key"], e["target_key"]): e["events"] for e in json.loads(result.stdout)} == edges
    every = client.get("/api/network?status=all").json()["edges"]
    assert sum(e["events"] for e in every) > sum(edges.values())
    counterparts = json.loads(cli("query", "actor", "IRN", "--db", store, "--format", "json").stdout)
    every_status = json.loads(cli("query", "actor", "IRN", "--db", store, "--format", "json", "--status", "all").stdout)
    assert sum(c["events"] for c in every_status) > sum(c["events"] for c in counterparts) > 0


def test_an_unknown_actor_is_one_line_with_the_nearest_codes_in_the_cli(store):
    result = cli("query", "dyad", "USA", "IRAN", "--db", store)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "hadath query: unknown actor code 'IRAN': no event in the store has it; did you mean IRN?\n")
    typo = cli("query", "actor", "TRK", "--db", store)
    assert typo.returncode == 1 and "did you mean TUR" in typo.stderr and typo.stderr.count("\n") == 1
    bad_status = cli("query", "dyad", "USA", "IRN", "--db", store, "--status", "happened")
    assert bad_status.returncode == 1 and "status must be actual, all or one of" in bad_status.stderr


def test_an_unknown_actor_is_a_404_or_422_with_suggestions_in_the_api(client):
    response = client.get("/api/dyad/USA/IRAN/timeline")
    assert response.status_code == 404
    assert response.json() == {
        "error": "unknown actor code 'IRAN': no event in the store has it (see /api/actors); did you mean IRN?",
        "suggestions": ["IRN"],
    }
    listed = client.get("/api/events?actor=TRK")
    assert listed.status_code == 422 and listed.json()["suggestions"][0] == "TUR"
    brief = client.get("/api/brief/USA/TRK?from=2019&to=2026")
    assert brief.status_code == 404 and brief.json()["suggestions"][0] == "TUR"


def test_minimum_sources_filters_the_cli_and_every_view_of_the_api_alike(store, client):
    total = client.get("/api/events?limit=1").json()["total"]
    by_sources = {n: client.get(f"/api/events?min_sources={n}&limit=500").json() for n in (1, 2)}
    assert by_sources[1]["total"] == total
    assert 0 < by_sources[2]["total"] < total
    assert by_sources[2]["total"] == sum(1 for e in by_sources[1]["items"] if e["num_sources"] >= 2)
    placed = client.get("/api/locations?min_sources=2").json()["items"]
    assert sum(p["events"] for p in placed) <= by_sources[2]["total"]
    series = client.get("/api/timeline?min_sources=2&by=year").json()["series"]
    assert sum(p["events"] for p in series) == sum(1 for e in by_sources[2]["items"] if e["event_day"])
    listed = cli("query", "events", "--db", store, "--min-sources", "2", "--limit", "500", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in by_sources[2]["items"])
    assert all(isinstance(r["id"], str) for r in rows)  # 19 digits survive JSON readers only as text
    assert client.get("/api/events?min_sources=0").status_code == 422


def test_filters_declared_once_are_each_part_of_the_cache_key(client):
    # EventFilters is a dependency: its parameters must still tell cached answers apart.
    planned = client.get("/api/events?status=planned").json()["total"]
    every = client.get("/api/events?status=all").json()["total"]
    assert planned < every
    assert client.get("/api/timeline?status=planned&by=year").json() != client.get("/api/timeline?by=year").json()


def test_ids_are_text_in_the_api_and_in_exports(store, client, tmp_path):
    import csv

    api_ids = {e["id"] for e in client.get("/api/events?limit=500").json()["items"]}
    assert all(isinstance(i, str) and i.isdigit() for i in api_ids)
    out = tmp_path / "events.csv"
    assert cli("export", "--format", "csv", "--db", store, "--out", str(out)).returncode == 0
    first_row = out.read_text(encoding="utf-8").splitlines()[1]
    assert first_row.startswith('"') and first_row.split(",")[0].strip('"').isdigit()  # quoted: text
    with out.open(encoding="utf-8", newline="") as handle:
        assert {r["id"] for r in csv.DictReader(handle)} == api_ids
    lines = cli("export", "--format", "jsonl", "--db", store).stdout.splitlines()
    assert {json.loads(line)["id"] for line in lines} == api_ids


def test_an_article_without_a_title_is_titled_by_its_first_line(store, client):
    from hadath.store import Store

    untitled = Store(store).articles(limit=None)
    untitled = untitled[untitled["title"].isna()]
    assert len(untitled) >= 5  # news_dev has pages without a title
    for article_id in untitled["id"]:
        article = client.get(f"/api/articles/{article_id}").json()
        assert article["title_from"] == "text"
        lines = [line.strip() for line in article["text"].splitlines()]
        title = article["title"]
        assert title and len(title) <= 90
        assert any(line.startswith(title.rstrip("…")) for line in lines[:3])  # one of its first lines
    titled = client.get("/api/search?q=الحوثي").json()["articles"]
    assert titled and all(a["title"] for a in titled)


def test_actors_are_named_by_their_own_names(client):
    actors = {a["key"]: a for a in client.get("/api/actors?limit=500").json()["items"]}
    assert actors["IRN"]["name"] == actors["IRN"]["name_en"] == "Iran"
    assert actors["IRN"]["name_ar"] == "إيران"
    assert actors["USA"]["name"] == "United States"
