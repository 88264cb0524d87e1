"""The HTTP API over a real store, on SQLite and on PostgreSQL (tests/pg.py): reads, filters, pagination,
search, briefs, the token-protected write endpoint, and 4xx (never 500) for bad requests."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.store.ingest import Ingester
from pg import postgres  # noqa: F401  (the session's PostgreSQL server, a fixture)
from store_corpus import CORPUS, PROTEST, STRIKE_QANDIL, make_article, write_jsonl

REPO = Path(__file__).resolve().parents[1]
TOKEN = "s3cret-token"


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def store_url(request, tmp_path_factory) -> str:
    """A store holding the hand-coded corpus of tests/store_corpus.py (9 events, 3 actors)."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("api") / "store.db")
    else:
        db = request.getfixturevalue("postgres").new_database("api_" + uuid.uuid4().hex[:12])
    corpus = write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", CORPUS)
    Ingester(db).ingest([str(corpus)])
    return db


@pytest.fixture(scope="module")
def client(store_url) -> TestClient:
    return TestClient(create_app(Settings(db=store_url, token=TOKEN)))


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_events_filter_by_dyad_status_quad_class_and_period(client):
    page = get(client, "/api/events?dyad=IRN-TUR&status=actual")
    assert page["total"] == 5
    assert [e["date"] for e in page["items"]][:2] == ["2024-03-12", "2024-02-05"]  # newest first
    first = page["items"][0]
    assert first["date"] == "2024-03-12" and first["status"] == "occurred"
    assert first["cameo_name"] == {"en": "Demonstrate or rally", "ar": "تظاهر"}
    assert first["source_label"] == {"ar": "إيران (المدنيون)", "en": "Iran (civilians)"}
    assert isinstance(first["id"], str)  # 64-bit ids: strings so JavaScript cannot round them

    assert get(client, "/api/events?dyad=TUR-IRN&status=planned")["total"] == 2
    strikes = get(client, "/api/events?quad_class=4")["items"]
    assert {(e["source_actor"], e["target_key"], e["date"]) for e in strikes} == {
        ("TURMIL", "PKK", "2024-01-24"), ("TURMIL", "PKK", "2024-03-09")}
    assert get(client, "/api/events?root=19&from=2024-02&to=2024-03")["total"] == 1
    assert get(client, "/api/events?actor=PKK")["total"] == 2
    assert get(client, "/api/events?actor=IRN")["total"] == 7  # a key: every organ of the state
    assert get(client, "/api/events?actor=IRNCVL")["total"] == 1  # an actor code: that organ only
    assert get(client, "/api/events?cameo=057")["items"][0]["source_key"] == "TUR"
    assert get(client, "/api/events?min_mentions=2")["total"] == 2


def test_event_pages_do_not_overlap_and_sort_orders(client):
    whole = get(client, "/api/events?limit=9")["items"]
    pages = [get(client, f"/api/events?limit=4&offset={o}")["items"] for o in (0, 4, 8)]
    assert [e["id"] for page in pages for e in page] == [e["id"] for e in whole]
    days = [e["event_day"] for e in get(client, "/api/events?sort=date")["items"]]
    assert days == sorted(days)
    reported = get(client, "/api/events?sort=-mentions")["items"]
    assert reported[0]["num_mentions"] == max(e["num_mentions"] for e in whole)


# Both sides keyed TUR, by different codes: an event the four parts of an actor filter must count once.
INTRA_STATE = make_article(
    ["اجتمع مسؤولون في تركيا مع قادة المقاتلات التركية في قاعدة إنجرليك لبحث العمليات شمالي العراق."],
    published="2024-02-14",
    url="https://www.aa.com.tr/ar/turkey/30",
    events=[{"sentence": 0, "trigger": "اجتمع", "source": "TUR", "target": "TURMIL", "cameo": "040", "date": "2024-02-14"}],
)


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def mixed_store(request, tmp_path_factory) -> str:
    """The corpus and an event inside one state (TUR -> TURMIL)."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("mixed") / "store.db")
    else:
        db = request.getfixturevalue("postgres").new_database("mixed_" + uuid.uuid4().hex[:12])
    corpus = write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", [*CORPUS, INTRA_STATE])
    Ingester(db).ingest([str(corpus)])
    return db


def test_actor_and_dyad_pages_merged_from_index_ranges_equal_one_plain_filter(mixed_store):
    """/api/events reads an actor (a key or a code, either side) as four disjoint index ranges and a dyad
    as two, merging their heads; every page and total must be what one OR filter over the table gives."""
    from sqlalchemy import func, select

    from hadath.api import queries
    from hadath.store import Store

    store = Store(mixed_store)
    client = TestClient(create_app(Settings(db=mixed_store)))
    events = queries.events
    with store.engine.connect() as conn:
        sides = conn.execute(select(events.c.source_key, events.c.target_key, events.c.source_actor,
                                    events.c.target_actor)).all()
    names = sorted({name for row in sides for name in row if name})
    assert {"IRN", "IRNCVL", "TUR", "TURMIL", "PKK"} <= set(names)  # keys and codes both
    filters = [queries.EventQuery(actor=name) for name in names]
    filters += [queries.EventQuery(actor="IRN", status="actual"), queries.EventQuery(actor="TUR", start="2024-02")]
    filters += [queries.EventQuery(dyad=pair) for pair in (("IRN", "TUR"), ("TUR", "IRN"), ("TUR", "PKK"), ("TUR", "TUR"))]
    filters += [queries.EventQuery(dyad=("TUR", "IRN"), actor="IRNCVL")]
    checked = 0
    for query in filters:
        where = query.where(store)
        with store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(events).where(where)).scalar()
        for sort in queries.SORTS:
            with store.engine.connect() as conn:
                ordered = conn.execute(select(events.c.id).where(where).order_by(*queries._ordered(events.c, sort))).scalars().all()
            for limit, offset in ((50, 0), (2, 0), (2, 1), (3, 2)):
                rows, counted = queries.event_page(store, query, limit=limit, offset=offset, sort=sort)
                assert counted == total, (query, sort)
                assert [r["id"] for r in rows] == ordered[offset : offset + limit], (query, sort, limit, offset)
                checked += len(rows)
    assert checked > 100
    page = get(client, "/api/events?actor=IRNCVL&limit=1")
    assert page["total"] == 1 and page["items"][0]["source_actor"] == "IRNCVL"
    inside = get(client, "/api/events?actor=TUR&from=2024-02-14&to=2024-02-14")
    assert inside["total"] == 1 and [(e["source_actor"], e["target_actor"]) for e in inside["items"]] == [("TUR", "TURMIL")]
    assert get(client, "/api/events?dyad=TUR-TUR")["total"] == 1


def test_pages_counts_and_timelines_are_read_from_covering_indexes(client, store_url):
    """The query plans SQLite chooses (migration 4): a dyad timeline and every count never visit the table."""
    from sqlalchemy import func, select

    from hadath.api import queries
    from hadath.store import Store

    if not store_url.endswith(".db"):
        pytest.skip("SQLite's query plans")
    store = Store(store_url)

    def plan(query) -> str:
        with store.engine.connect() as conn:
            compiled = query.compile(conn, compile_kwargs={"render_postcompile": True})
            params = tuple(compiled.params[name] for name in compiled.positiontup)
            return " | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params))

    for query in (queries.EventQuery(actor="TUR", status="actual"), queries.EventQuery(dyad=("IRN", "TUR"), start="2024")):
        for branch in query.branches(store):
            counted = plan(select(func.count()).select_from(queries.events).where(branch))
            assert "USING COVERING INDEX" in counted and "SCAN events" not in counted, counted
    series_plan = plan(select(queries.events.c.cameo, func.sum(queries.events.c.num_mentions)).where(
        queries.pair_parts("IRN", "TUR")[0], queries.status_clause("actual")).group_by(queries.events.c.cameo))
    assert "COVERING INDEX ix_events_pair_cover" in series_plan, series_plan


def test_text_query_finds_events_through_their_reports(client):
    # "قنديل" appears in one report only: the January strike on the PKK.
    found = get(client, "/api/events?q=قنديل")["items"]
    assert [(e["cameo"], e["date"]) for e in found] == [("195", "2024-01-24")]


def test_event_detail_has_mentions_with_sentence_context_and_trigger(client):
    protest = get(client, "/api/events?cameo=141")["items"][0]
    detail = get(client, f"/api/events/{protest['id']}")
    assert detail["event"]["id"] == protest["id"]
    [mention] = detail["mentions"]
    assert mention["outlet"] == "isna.ir" and mention["published"] == "2024-03-12"
    assert mention["sentence_text"] == PROTEST.text
    start, end = mention["trigger_in_sentence"]
    assert mention["sentence_text"][start:end] == "تظاهر"
    assert mention["event_id"] == protest["id"]

    merged = get(client, "/api/events?cameo=195&from=2024-03")["items"][0]
    outlets = {m["outlet"] for m in get(client, f"/api/events/{merged['id']}")["mentions"]}
    assert outlets == {"trt.net.tr", "aljazeera.net"}


def test_article_has_text_entities_and_event_offsets(client):
    article = get(client, f"/api/articles/{STRIKE_QANDIL.id}")
    assert article["text"] == STRIKE_QANDIL.text
    assert article["outlet"] == "aawsat.com"
    [event] = article["events"]
    assert article["text"][event["trigger_start"]:event["trigger_end"]] == event["trigger_text"] == "قصفت"
    assert event["cameo_name"]["ar"] == "غارة جوية"


def test_actors_network_locations_and_timeline(client):
    actors = get(client, "/api/actors")["items"]
    assert [(a["key"], a["events"]) for a in actors] == [("TUR", 9), ("IRN", 7), ("PKK", 2)]
    assert actors[0]["name_ar"] == "تركيا"
    assert [a["key"] for a in get(client, "/api/actors?q=pkk")["items"]] == ["PKK"]

    network = get(client, "/api/network")
    edges = {(e["source_key"], e["target_key"]): e for e in network["edges"]}
    assert edges[("TUR", "PKK")]["events"] == 2 and edges[("TUR", "PKK")]["goldstein_mean"] == -10.0
    assert {n["key"] for n in network["nodes"]} == {"TUR", "IRN", "PKK"}

    timeline = get(client, "/api/dyad/IRN/TUR/timeline?by=month&from=2024&to=2024")
    assert [(p["period"], p["events"], p["quad1"], p["quad3"]) for p in timeline["series"]] == [
        ("2024-01", 3, 3, 0), ("2024-02", 1, 1, 0), ("2024-03", 1, 0, 1)]
    assert timeline["series"][2]["goldstein_mean"] == -6.5
    weekly = get(client, "/api/dyad/TUR/IRN/timeline?by=week&status=all")["series"]
    assert weekly[0]["period"] == "2024-01-22" and weekly[0]["events"] == 5  # Monday of 24 January

    places = get(client, "/api/locations")["items"]
    assert [(p["key"], p["name"], p["events"]) for p in places] == [("TUR", "Ankara", 1)]


def test_search_folds_arabic_spelling(client):
    # The stored text has "أنقرة"; the query writes it with a bare alef and a final heh.
    by_hamza = get(client, "/api/search?q=أنقرة")
    by_bare = get(client, "/api/search?q=انقره")
    assert by_hamza["articles"] and [a["id"] for a in by_hamza["articles"]] == [a["id"] for a in by_bare["articles"]]
    assert by_hamza["events"]["total"] >= 1
    clitic = get(client, "/api/search?q=العراق")
    assert {a["id"] for a in clitic["articles"]} >= {STRIKE_QANDIL.id, PROTEST.id}


def test_brief_json_cites_stored_events(client):
    brief = get(client, "/api/brief/IRN/TUR?from=2024-01-01&to=2024-03-31")
    assert [s["title"] for s in brief["sections"]] == ["الحدث", "الرأي", "الخلاصة"]
    assert brief["figures"]["events"] == 5
    ids = {e["id"] for e in get(client, "/api/events?limit=50")["items"]}
    cited = {i for s in brief["sections"] for c in s["claims"] for i in c["events"]}
    assert cited and cited <= ids
    assert "## الخلاصة" in brief["markdown"] and "#/event/" in brief["markdown"]
    noted = {i for n in brief["notes"] for i in n["events"]}
    assert cited <= noted <= ids and all(n["sources"][0]["url"].startswith("https://") for n in brief["notes"])
    english = get(client, "/api/brief/IRN/TUR?from=2024-01-01&to=2024-03-31&lang=en")
    assert english["title"] == "Iran and Turkey: brief, 1 January 2024 to 31 March 2024"


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/events?from=2024-13", 422, "is not a date"),
        ("/api/events?from=yesterday", 422, "from"),
        ("/api/events?from=2024-03&to=2024-01", 422, "ends"),
        ("/api/events?limit=100000", 422, "limit"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?actor=XYZ", 422, "unknown actor code 'XYZ'"),
        ("/api/events?dyad=IRN", 422, "dyad"),
        ("/api/events?quad_class=5", 422, "quad_class"),
        ("/api/events?status=maybe", 422, "status"),
        ("/api/events?q=%00", 422, "q"),
        ("/api/events?q=...", 422, "no words"),
        ("/api/events/123", 404, "no event 123"),
        ("/api/events/99999999999999999999999", 422, "event_id"),
        ("/api/events/abc", 422, "event_id"),
        ("/api/articles/nope", 404, "no article"),
        ("/api/dyad/IRN/XYZ/timeline", 404, "unknown actor code 'XYZ'"),
        ("/api/dyad/IRN/TUR/timeline?by=decade", 422, "by"),
        ("/api/brief/IRN/TUR", 422, "from"),
        ("/api/brief/IRN/IRN?from=2024&to=2024", 422, "two different actors"),
        ("/api/search?q=", 422, "q"),
        ("/api/nowhere", 404, "Not Found"),
    ],
)
def test_bad_requests_are_4xx_with_a_message(client, url, status, says):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert says in response.json()["error"]


def test_write_needs_the_token_and_stores_nothing_without_it(store_url, tmp_path):
    client = TestClient(create_app(Settings(db=store_url, token=TOKEN, max_body=20_000, max_batch=2)))
    before = get(client, "/api/stats")
    article = {"text": "تظاهر مئات الطلاب أمام السفارة الفرنسية في بيروت.", "title": "تظاهرة", "source": "api-test"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = client.post("/api/articles", json=article, headers=headers)
        assert response.status_code == 401 and "Bearer" in response.json()["error"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/articles", content=b"{not json", headers=auth).status_code == 400
    assert client.post("/api/articles", json=[article] * 3, headers=auth).status_code == 413
    assert client.post("/api/articles", content=b"[" + b" " * 30_000 + b"]", headers=auth).status_code == 413
    unknown = client.post("/api/articles", json={"body": "x"}, headers=auth)
    assert unknown.status_code == 422 and "unknown field(s) body" in unknown.json()["error"]
    assert client.post("/api/articles", json={"text": "  "}, headers=auth).status_code == 422
    assert client.post("/api/articles", json=[], headers=auth).status_code == 422
    assert get(client, "/api/stats") == before


def test_posted_articles_are_extracted_by_the_pipeline_and_stored(tmp_path):
    from hadath import pipeline
    from hadath.read import read_inputs

    db = str(tmp_path / "posted.db")
    client = TestClient(create_app(Settings(db=db, token=TOKEN)))
    assert get(client, "/api/stats")["articles"] == 0  # a new store is created empty
    example = next(read_inputs([str(REPO / "examples" / "strike.txt")]))
    record = {"text": example.raw_text, "title": example.title, "source": "examples/strike.txt"}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/articles", json=record, headers=auth)
    assert response.status_code == 201, response.text
    [result] = response.json()["results"]
    expected = pipeline.run(next(read_inputs([str(REPO / "examples" / "strike.txt")])))
    assert result["error"] == expected.error
    if expected.error is None:
        assert result["outcome"] == "new" and result["id"] == expected.id
        assert len(get(client, f"/api/articles/{expected.id}")["events"]) == len(expected.events)
    again = client.post("/api/articles", json=[record], headers=auth).json()["results"]
    assert again[0]["outcome"] in ("duplicate", "failed")
    assert get(client, "/api/stats")["articles"] + get(client, "/api/stats")["failed_articles"] == 1


def test_writing_is_off_without_a_configured_token(store_url):
    client = TestClient(create_app(Settings(db=store_url, token=None)))
    response = client.post("/api/articles", json={"text": "نص"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "HADATH_TOKEN" in response.json()["error"]


def test_read_token_closes_reads(store_url):
    client = TestClient(create_app(Settings(db=store_url, read_token="reader")))
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/events", headers={"Authorization": "Bearer reader"}).status_code == 200
    assert client.get("/").status_code == 200  # the page itself loads; its API calls carry the token


def test_dashboard_docs_and_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="ar" dir="rtl">' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/api/events").headers["content-security-policy"] == csp
    assert client.get("/static/vendor/echarts.min.js").status_code == 200
    assert "swagger-ui-bundle.js" in client.get("/docs").text
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/brief/{a}/{b}"} <= set(schema["paths"])
    assert schema["paths"]["/api/events"]["get"]["parameters"]


def test_cache_sees_writes_from_another_process(tmp_path):
    db = str(tmp_path / "grow.db")
    first = write_jsonl(tmp_path / "one.jsonl", CORPUS[:1])
    Ingester(db).ingest([str(first)])
    client = TestClient(create_app(Settings(db=db, cache_check_seconds=0)))
    assert get(client, "/api/events")["total"] == 2
    rest = write_jsonl(tmp_path / "rest.jsonl", CORPUS[1:])
    Ingester(db).ingest([str(rest)])  # as `hadath ingest` would, beside the running server
    assert get(client, "/api/events")["total"] == 9


def test_serve_refuses_a_bad_store_in_one_line(tmp_path, capsys):
    from hadath.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing" / "x.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath serve: ") and err.count("\n") == 1


def test_serve_workers_default_to_the_cpus_and_refuse_nonsense_in_one_line(tmp_path, capsys, monkeypatch):
    import os

    from hadath.cli import main

    monkeypatch.delenv("HADATH_WORKERS", raising=False)
    assert Settings.from_env().workers == max(1, min(4, os.cpu_count() or 1))
    assert Settings.from_env(workers=3).workers == 3
    db = str(tmp_path / "x.db")
    assert main(["serve", "--db", db, "--workers", "0"]) == 1
    assert capsys.readouterr().err == "hadath serve: --workers must be at least 1, not 0\n"
    monkeypatch.setenv("HADATH_WORKERS", "many")
    assert main(["serve", "--db", db]) == 1
    assert capsys.readouterr().err == "hadath serve: HADATH_WORKERS='many' is not a whole number\n"


def test_each_server_process_computes_reads_on_a_few_threads(store_url, monkeypatch):
    import anyio.to_thread

    monkeypatch.delenv("HADATH_THREADS", raising=False)
    assert Settings.from_env().threads == 4
    with TestClient(create_app(Settings(db=store_url, threads=3))) as running:
        assert running.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens) == 3
        assert get(running, "/api/events?limit=1")["total"] == 9


def test_demo_ingests_the_examples_and_serves_the_dashboard(tmp_path, capsys):
    import socket
    import subprocess
    import sys
    import urllib.request

    from hadath.cli import main

    db = str(tmp_path / "demo.db")
    assert main(["demo", "--no-serve", "--db", db]) == 0
    client = TestClient(create_app(Settings(db=db)))
    stats = get(client, "/api/stats")
    shown = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert stats["articles"] == len(shown) >= 4  # the examples Hadath codes as their gold, and no others

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "hadath", "demo", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if line.startswith("Hadath dashboard: "):
                break
        assert f"Hadath dashboard: http://127.0.0.1:{port}/" in lines[-1], "".join(lines)
        assert any(f"0 new articles, {len(shown)} already there" in line for line in lines)  # a re-run adds nothing
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert '<html lang="ar" dir="rtl">' in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
