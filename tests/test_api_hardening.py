"""Issue 14, the HTTP API's side, on SQLite and PostgreSQL: one bad article in a POST does not drop the
others; the response cache is bounded in bytes and keyed on validated parameters; a query with no words
is a 422, never a 503; 503 and 500 bodies carry no store URL or driver message; LIKE wildcards are
literal; redirects do not name the Host; unusable tokens are refused at start; briefs are escaped."""

from __future__ import annotations

import logging
import re
import uuid

import pytest
from fastapi.testclient import TestClient

from hadath.api import queries
from hadath.api.app import INTERNAL_ERROR, STORE_UNAVAILABLE, create_app
from hadath.api.settings import Settings
from hadath.brief.generate import Brief, Claim, Note, Section, Source
from hadath.brief.render import to_html, to_markdown
from hadath.errors import HadathError
from hadath.store import Store
from hadath.store.ingest import Ingester
from pg import postgres  # noqa: F401  (the session's PostgreSQL server, a fixture)
from store_corpus import CORPUS, write_jsonl

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def store_url(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("api") / "store.db")
    else:
        db = request.getfixturevalue("postgres").new_database("apih_" + uuid.uuid4().hex[:12])
    Ingester(db).ingest([str(write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", CORPUS))])
    return db


@pytest.fixture(scope="module")
def client(store_url) -> TestClient:
    return TestClient(create_app(Settings(db=store_url, token=TOKEN)))


# -- M3 through the API ------------------------------------------------------------------------------


def test_a_post_with_nul_and_a_long_url_stores_every_article(store_url):
    client = TestClient(create_app(Settings(db=store_url, token=TOKEN)))
    before = client.get("/api/stats").json()["articles"]
    records = [
        {"text": "تظاهر مئات الطلاب أمام السفارة الفرنسية في بيروت يوم الأحد.", "source": "one"},
        {"text": "استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.\u0000", "source": "two",
         "url": "https://example.com/" + "a" * 9000, "title": "عنوان\u0000"},
        {"text": "أدانت وزارة الخارجية التركية الهجوم على القنصلية في أربيل.", "source": "three"},
    ]
    response = client.post("/api/articles", json=records, headers=AUTH)
    assert response.status_code == 201, response.text
    results = response.json()["results"]
    assert [r["outcome"] for r in results] == ["new", "new", "new"], results
    assert client.get("/api/stats").json()["articles"] == before + 3
    stored = client.get(f"/api/articles/{results[1]['id']}").json()
    assert len(stored["url"]) == len("https://example.com/") + 9000 and "\u0000" not in stored["text"]


# -- M6: the response cache ---------------------------------------------------------------------------


def test_junk_parameters_do_not_grow_the_cache_past_its_bound(store_url):
    bound = 400_000
    app = create_app(Settings(db=store_url, cache_bytes=bound))
    client = TestClient(app)
    cache = app.state.context.cache
    for n in range(400):
        assert client.get(f"/api/events?limit=500&junk={n}&{n}={'x' * (n % 50)}").status_code == 200
    assert list(cache.items) == ["/api/events?limit=500"]  # one response, keyed on what the route declares
    for n in range(400):
        assert client.get(f"/api/events?limit=2&offset={n % 9}&pad={'y' * (n * 10)}").status_code == 200
    assert cache.size <= bound and len(cache.items) <= 10
    held = sum(len(k) + len(v) for k, v in cache.items.items()) + sum(len(a) + len(k) for a, k in cache.aliases.items())
    assert held <= bound
    # Equal parameters written differently are one entry; a repeated request is answered from the cache.
    first = client.get("/api/events?offset=0&limit=007").content
    assert client.get("/api/events?limit=7&offset=00").content == first
    assert "/api/events?limit=7&offset=0" in cache.items


def test_the_cache_bound_is_a_setting(monkeypatch):
    monkeypatch.setenv("HADATH_CACHE_BYTES", "1000")
    assert Settings.from_env().cache_bytes == 1000


# -- M8: queries with no words; error bodies ---------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/search?q=ـ", "/api/search?q=ـً", "/api/events?q=ـ", "/api/events?q=ـ ـ"])
def test_a_query_that_normalises_to_nothing_is_a_422(client, url):
    response = client.get(url)
    assert response.status_code == 422 and "no words" in response.json()["error"]


def test_quotes_in_a_query_are_searched_as_words(client):
    plain = client.get("/api/search?q=تركيا").json()
    for q in ("تركيا'", "'تركيا'", "تركيا\\", "(تركيا", "تركيا:*"):
        response = client.get("/api/search", params={"q": q})
        assert response.status_code == 200, response.text
        assert len(response.json()["articles"]) == len(plain["articles"])


def test_store_failures_are_503_without_the_store_url_or_the_driver_message(postgres, caplog):  # noqa: F811
    missing = postgres.url + "no_such_database_" + uuid.uuid4().hex[:8]
    client = TestClient(create_app(Settings(db=missing)))
    with caplog.at_level(logging.WARNING, logger="hadath.api.app"):
        response = client.get("/api/events")
    assert response.status_code == 503 and response.json() == {"error": STORE_UNAVAILABLE}
    for secret in ("postgresql", "127.0.0.1", str(postgres.port), "no_such_database", "does not exist", "hadath@"):
        assert secret not in response.text
    assert "no_such_database" in caplog.text  # the reason is in the server's log


def test_unexpected_errors_are_500_without_their_message(store_url, monkeypatch, caplog):
    client = TestClient(create_app(Settings(db=store_url)), raise_server_exceptions=False)

    def broken(*_args, **_kwargs):
        raise RuntimeError("connection to postgresql://admin:pw@db.internal:5432/events lost")

    monkeypatch.setattr(queries, "actor_list", broken)
    with caplog.at_level(logging.ERROR, logger="hadath.api.app"):
        response = client.get("/api/actors?q=zzz-unexpected")
    assert response.status_code == 500 and response.json() == {"error": INTERNAL_ERROR}
    assert "db.internal" in caplog.text and "db.internal" not in response.text


# -- low items ----------------------------------------------------------------------------------------


def test_like_wildcards_in_an_actor_query_are_literal(client):
    everyone = client.get("/api/actors").json()["total"]
    assert everyone > 2
    for q in ("%", "_", "%25", "I%", "_R_", "\\"):
        assert client.get("/api/actors", params={"q": q}).json()["total"] == 0, q
    assert client.get("/api/actors?q=IR").json()["total"] >= 1


def test_a_trailing_slash_redirect_does_not_name_the_host(client):
    response = client.get("/api/events/?limit=2", headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/api/events?limit=2"
    assert client.get("/api/nowhere/", headers={"Host": "evil.example"}, follow_redirects=False).status_code == 404
    assert client.get("/api/events/?limit=2").json()["limit"] == 2  # followed, it is the page


@pytest.mark.parametrize("token", [" padded", "padded ", "tök", "tab\tinside", "line\nbreak"])
def test_a_token_no_client_could_send_is_refused_at_start(token, tmp_path, capsys, monkeypatch):
    with pytest.raises(HadathError, match="HADATH_TOKEN"):
        Settings(db=str(tmp_path / "x.db"), token=token)
    with pytest.raises(HadathError, match="HADATH_READ_TOKEN"):
        Settings(db=str(tmp_path / "x.db"), read_token=token)
    from hadath.cli import main

    monkeypatch.setenv("HADATH_TOKEN", token)
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath serve: HADATH_TOKEN") and err.count("\n") == 1


def hostile_brief() -> Brief:
    name = "[انقر](javascript:alert(1)) <img src=x onerror=alert(2)> *تركيا* \u202egpj.exe"
    claims = [Claim(f"# {name} زار أنقرة", [1], [1]), Claim(f"- 1. {name}\nسطر ثان", [2], [2], 1)]
    notes = [Note(1, [1], [Source(name, "1 يناير 2024", "https://example.org/a b>")], False),
             Note(2, [2], [Source(None, None, "javascript:alert(3)")], True)]
    return Brief("IRN", "TUR", "2024-01-01", "2024-03-31", "2023-10-03", "2023-12-31", "ar", f"موجز {name}",
                 [Section("event", "الحدث", claims), Section("analysis", "الرأي", claims)], notes, {})


def test_markdown_and_html_briefs_keep_names_as_text_without_bidi_controls():
    markdown = to_markdown(hostile_brief(), "#/event/{id}")
    assert not re.search(r"(?<!\\)\]\(javascript", markdown) and not re.search(r"(?<!\\)<img", markdown)
    assert "\u202e" not in markdown
    assert "\\[انقر\\](javascript:alert(1)) \\<img src=x onerror=alert(2)\\> \\*تركيا\\*" in markdown
    assert "- \\# " in markdown and "\n- \\- 1. " in markdown  # no heading, no nested list
    assert all(line.startswith(("#", "- ", "\\", "[^")) or not line for line in markdown.splitlines())  # one line per claim
    assert "[صفحة الحدث](<#/event/1>)" in markdown and "[^1]: " in markdown  # the footnotes keep their links
    assert "<https://example.org/a%20b%3E>" in markdown  # a link cannot end early or open markup
    html = to_html(hostile_brief(), "#/event/{id}")
    assert "<img" not in html and "&lt;img" in html and "\u202e" not in html


def test_brief_endpoint_markdown_is_escaped(store_url, monkeypatch):
    import hadath.brief as brief_module

    monkeypatch.setattr(brief_module, "build_brief", lambda *args: hostile_brief())
    client = TestClient(create_app(Settings(db=store_url)))
    data = client.get("/api/brief/IRN/TUR?from=2024-01-01&to=2024-03-31").json()
    assert not re.search(r"(?<!\\)\]\(javascript", data["markdown"]) and "<img" not in data["html"]


def test_store_search_of_a_lone_tatweel_is_empty(store_url):
    assert Store(store_url).search("ـ").empty
