"""The dashboard's events view in headless Chromium (as tests/test_dashboard_browser.py) over a store of
the news_dev articles run through the real pipeline: one set of filters, kept in the URL, changes the
table, the timeline and the map together; the map shows the events at their locations with a popup
linking to each; the CSV download holds exactly the table shown; no view is wider than a 400 px
screen."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from hadath.store.ingest import Ingester
from store_corpus import CORPUS, write_jsonl
from test_dashboard_browser import chromium_browser, ready, serving, shot

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO.parent / "shared" / "data" / "news_dev" / "input.jsonl"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not NEWS_DEV.exists():
        pytest.skip(f"{NEWS_DEV} is missing")
    folder = tmp_path_factory.mktemp("events-view")
    db = str(folder / "store.db")
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    Ingester(db).ingest([str(NEWS_DEV)])
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


def new_page(browser, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ar", accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    opened.errors = []  # type: ignore[attr-defined]
    opened.on("pageerror", lambda error: opened.errors.append(str(error) + " " + str(error.stack)))
    return context, opened


@pytest.fixture
def page(browser):
    context, opened = new_page(browser)
    yield opened
    context.close()


def filters_in_url(page) -> str:
    """The view's filters as the API's query string: what the URL's hash holds."""
    hash_query = page.evaluate("location.hash").partition("?")[2]
    pairs = dict(parse_qsl(hash_query))
    keep = {k: v for k, v in pairs.items() if k in ("status", "actor", "root", "quad_class", "place", "min_sources", "from", "to")}
    keep.setdefault("status", "all")
    return "&".join(f"{k}={v}" for k, v in keep.items())


def shown(page, server) -> dict:
    """What the table, the chart and the map show, and what their JSON twins hold for the URL's filters."""
    query = filters_in_url(page)
    twins = {
        "events": page.request.get(f"{server}api/events?{query}&limit=25").json(),
        "timeline": page.request.get(f"{server}api/timeline?{query}").json(),
        "places": page.request.get(f"{server}api/locations?{query}").json(),
    }
    return {
        "rows": page.locator("#event-table tbody tr").count(),
        "first": page.locator("#event-table tbody tr").first.get_attribute("data-event-id")
        if page.locator("#event-table tbody tr").count() else None,
        "total": int(page.inner_text("#events-total bdi")),
        "chart_total": int(page.get_attribute("#events-timeline", "data-total")),
        "markers": int(page.get_attribute("#events-map", "data-markers")),
        "map_events": int(page.get_attribute("#events-map", "data-events")),
        "twins": twins,
    }


def agree(state: dict) -> None:
    twins = state["twins"]
    assert state["rows"] == len(twins["events"]["items"]) and state["total"] == twins["events"]["total"]
    if state["rows"]:
        assert state["first"] == twins["events"]["items"][0]["id"]
    assert state["chart_total"] == sum(p["events"] for p in twins["timeline"]["series"])
    assert all(isinstance(p[q], int) for p in twins["timeline"]["series"] for q in ("quad1", "quad4"))
    assert state["markers"] == len(twins["places"]["items"])
    assert state["map_events"] == sum(p["events"] for p in twins["places"]["items"])


def test_filters_change_table_chart_and_map_together(server, page):
    page.goto(server + "#/events")
    ready(page, "events")
    everything = shown(page, server)
    agree(everything)
    assert everything["total"] >= 60 and everything["markers"] >= 10
    # one status of seven, then two at once, then a root: each from the form, each kept in the URL
    page.check("#filters input[value='planned']")
    page.click("#filters-apply")
    page.wait_for_function("location.hash.includes('status=planned')")
    ready(page, "events")
    planned = shown(page, server)
    agree(planned)
    assert 0 < planned["total"] < everything["total"] and planned["map_events"] < everything["map_events"]
    page.check("#filters input[value='occurred']")
    page.select_option("#filter-quad_class", "4")
    page.click("#filters-apply")
    page.wait_for_function("location.hash.includes('quad_class=4')")
    ready(page, "events")
    assert "status=planned%2Coccurred" in page.evaluate("location.hash") or "status=occurred%2Cplanned" in page.evaluate("location.hash")
    conflict = shown(page, server)
    agree(conflict)
    assert {e["quad_class"] for e in conflict["twins"]["events"]["items"]} == {4}
    assert {e["status"] for e in conflict["twins"]["events"]["items"]} <= {"planned", "occurred"}
    assert conflict["total"] != planned["total"]
    # the URL alone restores the view: reloading shows the same
    page.reload()
    ready(page, "events")
    assert shown(page, server)["total"] == conflict["total"]
    assert page.is_checked("#filters input[value='planned']") and page.input_value("#filter-quad_class") == "4"
    # a place from the map's list filters to that place
    place = conflict["twins"]["places"]["items"][0]["name"]
    page.fill("#filter-place", place)
    page.click("#filters-apply")
    page.wait_for_function("location.hash.includes('place=')")
    ready(page, "events")
    at_place = shown(page, server)
    agree(at_place)
    assert at_place["markers"] == 1 and at_place["total"] == conflict["twins"]["places"]["items"][0]["events"]
    shot(page, "events-filtered")
    assert page.errors == []


def test_the_table_sorts_and_pages(server, page):
    page.goto(server + "#/events")
    ready(page, "events")
    page.click("#event-table th a[data-sort='goldstein']")
    page.wait_for_function("location.hash.includes('sort=-goldstein')")
    ready(page, "events")
    twin = page.request.get(server + "api/events?status=all&sort=-goldstein&limit=25").json()
    assert page.locator("#event-table tbody tr").first.get_attribute("data-event-id") == twin["items"][0]["id"]
    page.click("#next-page")
    page.wait_for_function("location.hash.includes('offset=25')")
    ready(page, "events")
    second = page.request.get(server + "api/events?status=all&sort=-goldstein&limit=25&offset=25").json()
    assert page.locator("#event-table tbody tr").first.get_attribute("data-event-id") == second["items"][0]["id"]


def test_the_map_shows_news_dev_events_with_a_popup_linking_to_each(server, page):
    page.goto(server + "#/events")
    ready(page, "events")
    places = page.request.get(server + "api/locations?status=all").json()["items"]
    assert {"place", "country"} <= {p["precision"] for p in places}
    painted = page.evaluate(
        """() => { const c = document.querySelector('#events-map canvas'); if (!c) return 0;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert painted > 10000
    # click the busiest place's marker where the chart draws it
    busiest = places[0]
    page.locator("#events-map").scroll_into_view_if_needed()
    x, y = page.evaluate(
        "([lon, lat]) => document.querySelector('#events-map').mapChart.convertToPixel({geoIndex: 0}, [lon, lat])",
        [busiest["lon"], busiest["lat"]])
    box = page.locator("#events-map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_selector("#map-popup:not([hidden]) a.popup-event")
    links = page.locator("#map-popup a.popup-event")
    assert links.count() == len(busiest["event_ids"]) >= 1
    shot(page, "events-map-popup")
    links.first.click()
    ready(page, "event")
    assert page.evaluate("location.hash") == f"#/event/{busiest['event_ids'][0]}"


def test_the_csv_download_is_the_table_shown(server, page):
    page.goto(server + "#/events?status=occurred%2Congoing&sort=-goldstein")
    ready(page, "events")
    with page.expect_download() as info:
        page.click("#csv-download")
    data = Path(info.value.path()).read_text(encoding="utf-8-sig")
    table = page.evaluate(
        """() => [[...document.querySelectorAll('#event-table thead th')].map((c) => c.innerText.replace(/[▲▼]/g, '').trim()),
        ...[...document.querySelectorAll('#event-table tbody tr')].map((r) => [...r.cells].map((c) => c.innerText.trim()))]""")
    rows = list(csv.reader(io.StringIO(data)))
    assert rows == table and len(rows) == 1 + page.locator("#event-table tbody tr").count() > 1


def test_no_view_is_wider_than_a_400_px_screen(server, browser):
    context, page = new_page(browser, 400, 850)
    try:
        event_id = page.request.get(server + "api/events?status=all&limit=1").json()["items"][0]["id"]
        article_id = page.request.get(server + f"api/events/{event_id}").json()["mentions"][0]["article_id"]
        views = [("#/events", "events"), ("#/dyad?a=IRN&b=TUR&from=2024-01&to=2024-04", "dyad"),
                 (f"#/event/{event_id}", "event"), (f"#/article/{article_id}", "article"), ("#/network", "network"),
                 ("#/map", "map"), ("#/search?q=" + "زيارة", "search")]
        for hash_, name in views:
            page.goto("about:blank")
            page.goto(server + hash_)
            ready(page, name)
            page.wait_for_timeout(100)
            width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert width <= 400, f"{hash_} is {width} px wide"
            shot(page, f"narrow-{name}")
        assert page.errors == []
    finally:
        context.close()
