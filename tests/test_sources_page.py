"""The dashboard's sources page (issue 15): /api/sources gives what `hadath watch --status` gives, and
the page shows it in headless Chromium, right to left, an outlet with a failing feed marked."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.store.engine import resolve_url
from hadath.watch.sources import feed_sources, load_sources
from hadath.watch.status import outlet_status
from hadath.watch.watcher import Watcher
from test_dashboard_browser import chromium_browser, serving
from test_watch import FAST, site, sources_file  # noqa: F401  (site is a fixture)


@pytest.fixture
def watched(site, tmp_path) -> str:  # noqa: F811
    db = str(tmp_path / "watched.db")
    watcher = Watcher(db, feed_sources(load_sources(str(sources_file(site, tmp_path / "sources.toml")))), FAST)
    watcher.run_round()
    watcher.close()
    return db


def test_api_sources_is_the_status_of_the_store(watched, tmp_path):
    client = TestClient(create_app(Settings(db=watched)))
    body = client.get("/api/sources").json()
    engine = create_engine(resolve_url(watched))
    assert body["items"] == outlet_status(engine)
    engine.dispose()
    by_outlet = {r["outlet"]: r for r in body["items"]}
    assert by_outlet["Test Site"]["articles_today"] == 9 and by_outlet["Gone Site"]["feeds_failing"] == 1
    # A store the watcher never ran on has no sources, and says so with 200, not an error.
    empty = str(tmp_path / "empty.db")
    Watcher(empty, [], FAST).close()
    assert TestClient(create_app(Settings(db=empty))).get("/api/sources").json()["items"] == []


@pytest.mark.browser
def test_sources_page_shows_each_outlet(watched):
    with serving(watched) as url, chromium_browser() as browser:
        page = browser.new_page(locale="ar")
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "#/sources")
        page.wait_for_selector("#view[data-ready='sources']", state="attached")
        rows = page.locator("#sources-table tbody tr")
        assert rows.count() == 2
        texts = [rows.nth(i).inner_text() for i in range(2)]
        gone = next(t for t in texts if "Gone Site" in t)
        test_site = next(t for t in texts if "Test Site" in t)
        assert "أبدًا" in gone and "HTTP 404" in gone  # never succeeded, and why
        assert "\t9\t" in test_site  # articles stored today
        assert page.locator("#sources-table tbody tr.failing").count() == 2  # broken-feed.xml; missing-feed.xml
        assert page.evaluate("getComputedStyle(document.querySelector('#sources-table')).direction") == "rtl"
        assert page.locator("#json-link").get_attribute("href") == "/api/sources"
        assert not errors
