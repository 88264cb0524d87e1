"""The dashboard's analyst pages in headless Chromium (as tests/test_dashboard_events_browser.py), over a
store of the news_dev articles and the hand-coded reports of tests/store_corpus.py run through the real
pipeline: the minimum-sources filter; an actor's page (timeline on a time axis with empty periods and
whole counts, partners, events) opened from a network node; the map's clusters and their popups; the
event page's confidence, attribution, date source and precision and casualties; the methodology page;
errors beside their field in the page's language with the view kept; dates and signed numbers isolated
from the Arabic around them; nothing wider than a 400 px screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.store.ingest import Ingester
from store_corpus import CORPUS, write_jsonl
from test_dashboard_browser import chromium_browser, ready, serving, shot
from test_dashboard_events_browser import agree, new_page, shown

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO.parent / "shared" / "data" / "news_dev" / "input.jsonl"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Text nodes holding an ISO date or a signed number: each must sit in a bidi-isolated element, or the
# Arabic around it reorders its parts ("21-10-2023", "5-").
UNISOLATED = """() => {
  const walker = document.createTreeWalker(document.querySelector('#view'), NodeFilter.SHOW_TEXT);
  const bad = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\\d{4}-\\d{2}|(^|[\\s(])[-−]\\d/.test(node.textContent)) continue;
    let isolated = false;
    for (let e = node.parentElement; e && e.id !== 'view'; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi) || e.tagName === 'BDI'
          || e.tagName === 'OPTION' || e.tagName === 'INPUT') { isolated = true; break; }
    }
    if (!isolated) bad.push(node.textContent.trim().slice(0, 60));
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not NEWS_DEV.exists():
        pytest.skip(f"{NEWS_DEV} is missing")
    folder = tmp_path_factory.mktemp("analyst-pages")
    db = str(folder / "store.db")
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    Ingester(db).ingest([str(NEWS_DEV)])
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context, opened = new_page(browser)
    yield opened
    assert opened.errors == []
    context.close()


def until(page, expression: str, seconds: float = 10) -> None:
    """Wait until `expression` is true in the page (polled from here: the page's CSP forbids the
    evaluated strings wait_for_function polls with)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")


def api(page, server: str, path: str) -> dict:
    response = page.request.get(server + path)
    assert response.ok, response.text()
    return response.json()


def test_minimum_sources_filters_table_chart_and_map_together(server, page):
    every = api(page, server, "api/events?status=all&limit=1")["total"]
    page.goto(server + "#/events?status=all&min_sources=2")
    ready(page, "events")
    state = shown(page, server)
    agree(state)  # the twins asked with the same filters the URL holds
    expected = api(page, server, "api/events?status=all&min_sources=2&limit=1")["total"]
    assert state["total"] == expected and 0 < expected < every
    assert page.input_value("#filter-min_sources") == "2"
    # Set from the form: the URL keeps it.
    page.fill("#filter-min_sources", "")
    page.click("#filters-apply")
    until(page, "!location.hash.includes('min_sources')")
    ready(page, "events")
    assert int(page.inner_text("#events-total bdi")) == every


def test_an_actor_page_has_its_timeline_partners_and_events(server, page):
    page.goto(server + "#/actor/IRN?by=month")
    ready(page, "actor")
    actor = api(page, server, "api/actors/IRN")
    series = api(page, server, "api/timeline?actor=IRN&status=actual&by=month")["series"]
    assert page.inner_text("#actor-head h2").startswith("إيران")
    assert int(page.inner_text("#actor-total")) == actor["events"] == sum(p["events"] for p in series)
    # A true time axis, every month from the first to the last kept (most of them empty), whole counts.
    timeline = page.locator("#actor-timeline")
    assert page.evaluate("document.querySelector('#actor-timeline').timelineChart.getOption().xAxis[0].type") == "time"
    assert int(timeline.get_attribute("data-points")) == len(series) > 12
    assert int(timeline.get_attribute("data-empty")) == sum(1 for p in series if p["events"] == 0) > 0
    assert all(isinstance(p[q], int) for p in series for q in ("events", "quad1", "quad2", "quad3", "quad4"))
    # Partners: one row per counterpart, as the API counts them.
    rows = page.locator("#partners-table tbody tr")
    assert rows.count() == len(actor["partners"]) >= 2
    assert [rows.nth(i).get_attribute("data-key") for i in range(rows.count())] == [p["counterpart"] for p in actor["partners"]]
    first = actor["partners"][0]
    assert page.inner_text("#partners-table tbody tr >> nth=0 >> td >> nth=1") == str(first["events"])
    # Its events, and a partner's page one click away.
    assert page.locator("#event-table tbody tr").count() == min(25, actor["events"])
    page.click(f"#partners-table tr[data-key='{first['counterpart']}'] a.partner")
    ready(page, "actor")
    assert page.evaluate("location.hash").startswith(f"#/actor/{first['counterpart']}")
    shot(page, "actor-page")


def test_a_node_click_in_the_network_opens_that_actors_page(server, page):
    page.goto(server + "#/network")
    ready(page, "network")
    key, (x, y) = page.evaluate("""() => { const c = document.querySelector('#network-chart').networkChart;
      const data = c.getModel().getSeriesByIndex(0).getData();
      return [data.getId(0), c.convertToPixel({seriesIndex: 0}, data.getItemLayout(0))]; }""")
    box = page.locator("#network-chart").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    ready(page, "actor")
    assert page.evaluate("location.hash") == f"#/actor/{key}"
    assert f"({key})" in page.inner_text("#actor-head h2")


def test_nearby_places_are_clustered_and_a_cluster_lists_its_events(server, page):
    page.goto(server + "#/events?status=all")
    ready(page, "events")
    places = api(page, server, "api/locations?status=all")["items"]
    box = page.locator("#events-map")
    clusters = int(box.get_attribute("data-clusters"))
    assert int(box.get_attribute("data-markers")) == len(places) > clusters >= 1
    # Every place is in one cluster, and a cluster's count is its places' events.
    drawn = page.evaluate("document.querySelector('#events-map').mapClusters.map((c) => [c.events, c.places.map((p) => [p.name, p.key])])")
    assert sorted(tuple(n) for _, names in drawn for n in names) == sorted((p["name"], p["key"]) for p in places)
    assert sum(events for events, _ in drawn) == sum(p["events"] for p in places)
    # Click the busiest cluster of several places: its popup lists each place's events as links.
    index = max((i for i, (_, names) in enumerate(drawn) if len(names) > 1), key=lambda i: drawn[i][0])
    lon, lat = page.evaluate(f"[document.querySelector('#events-map').mapClusters[{index}].lon, document.querySelector('#events-map').mapClusters[{index}].lat]")
    box.scroll_into_view_if_needed()
    x, y = page.evaluate("([lon, lat]) => document.querySelector('#events-map').mapChart.convertToPixel({geoIndex: 0}, [lon, lat])", [lon, lat])
    where = box.bounding_box()
    page.mouse.click(where["x"] + x, where["y"] + y)
    page.wait_for_selector("#map-popup:not([hidden]) .popup-place")
    members = {name for name, _ in drawn[index][1]}
    assert page.locator("#map-popup .popup-place").count() == len(drawn[index][1])
    listed = {p["name"]: p for p in places if p["name"] in members}
    assert page.locator("#map-popup a.popup-event").count() == sum(len(p["event_ids"]) for p in listed.values())
    shot(page, "map-cluster-popup")
    # Zooming in splits clusters.
    page.click("#map-zoom")
    until(page, f"Number(document.querySelector('#events-map').dataset.clusters) > {clusters}")
    assert page.locator("#map-popup").is_hidden()


def test_the_event_page_shows_confidence_attribution_date_source_precision_and_casualties(server, page):
    events = api(page, server, "api/events?status=all&limit=500")["items"]
    violent = next(e for e in events if e["fatalities"] is not None)
    detail = api(page, server, f"api/events/{violent['id']}")
    page.goto(server + f"#/event/{violent['id']}")
    ready(page, "event")
    facts = page.inner_text("#event-facts")
    assert "الثقة" in facts and f"{violent['confidence']:.2f}" in facts
    assert "القتلى" in facts and str(violent["fatalities"]) in facts
    assert {"يوم": "day", "شهر": "month", "سنة": "year", "غير معروف": "unknown"}[
        page.inner_text("[data-fact='date'] dd").split("(")[-1].rstrip(")")] == violent["date_precision"]
    sources = page.locator(".mention .date-source")
    stored = [m["date_source"] for m in detail["mentions"]]
    assert all(stored) and sources.count() == len(stored)
    words = {"text": "نص الحدث", "context": "سياق الخبر", "publication": "تاريخ النشر"}
    assert [sources.nth(i).inner_text() for i in range(sources.count())] == [words[s] for s in stored]
    # An attributed report names its attribution.
    attributed = next(e for e in events if any(m["attribution"] for m in api(page, server, f"api/events/{e['id']}")["mentions"]))
    page.goto(server + f"#/event/{attributed['id']}")
    ready(page, "event")
    mention = next(m for m in api(page, server, f"api/events/{attributed['id']}")["mentions"] if m["attribution"])
    assert mention["attribution"] in page.inner_text(".mention .attribution")
    # Parties link to their actor pages.
    page.click("#event-detail a.party >> nth=0")
    ready(page, "actor")


def test_the_methodology_page_explains_codes_statuses_confidence_and_precisions(server, page):
    cameo = api(page, server, "api/cameo")["items"]
    page.goto(server + "#/methodology")
    ready(page, "methodology")
    assert page.locator("#roots-table tbody tr").count() == len([c for c in cameo if len(c["code"]) == 2]) == 20
    assert page.locator("#status-list .fact").count() == 7
    for section in ("meth-codes", "meth-statuses", "meth-confidence", "meth-dates", "meth-places", "meth-sources"):
        assert page.locator(f"#{section}").count() == 1
    assert "0.35" in page.inner_text("#methodology")  # how confidence is made
    page.click("#lang-switch")
    ready(page, "methodology")
    assert "Hypothetical" in page.inner_text("#status-list") or "hypothetical" in page.inner_text("#status-list")
    assert "not a calibrated probability" in page.inner_text("#methodology")
    page.click("#lang-switch")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_bad_date_is_shown_beside_its_field_in_the_pages_language_and_the_view_is_kept(server, page, lang):
    page.goto(server + "#/events?status=all")
    ready(page, "events")
    if lang == "en":
        page.click("#lang-switch")
        ready(page, "events")
    rows = page.locator("#event-table tbody tr").count()
    before = page.evaluate("location.hash")
    page.fill("#filter-from", "2024-13")
    page.click("#filters-apply")
    error = page.locator("#error-from")
    error.wait_for()
    assert ("تاريخ غير صالح" if lang == "ar" else "Not a date") in error.inner_text()
    assert page.evaluate("document.querySelector('#error-from').closest('label').contains(document.querySelector('#filter-from'))")
    assert page.get_attribute("#filter-from", "aria-invalid") == "true"
    assert page.evaluate("location.hash") == before and page.locator("#event-table tbody tr").count() == rows
    # An end before the start, and a count that is no count, beside their own fields.
    page.fill("#filter-from", "2024-05")
    page.fill("#filter-to", "2024-02")
    page.fill("#filter-min_sources", "two")
    page.click("#filters-apply")
    page.locator("#error-to").wait_for()
    assert page.locator("#error-from").count() == 0 and page.locator("#error-min_sources").count() == 1
    assert ("قبل بدايتها" if lang == "ar" else "ends before") in page.inner_text("#error-to")
    # A bad date typed into the URL: the form shows it beside the field; no English API message.
    page.goto(server + "#/events?from=2024-02-30")
    ready(page, "events")
    assert ("تاريخ غير صالح" if lang == "ar" else "Not a date") in page.inner_text("#error-from")
    assert page.locator("#view-error").count() == 0 and page.locator("#filters").count() == 1
    page.goto(server + "#/dyad?a=IRN&b=USA&from=2019-00")
    ready(page, "dyad")
    assert page.locator("#error-from").count() == 1
    if lang == "en":
        page.click("#lang-switch")


def test_an_unknown_actor_names_the_nearest_known_ones_in_the_pages_language(server, page):
    page.goto(server + "#/actor/IRAN")
    ready(page, "error")
    assert "لا يعرف المخزن الفاعل «IRAN»" in page.inner_text("#view-error")
    assert page.locator("#view-error a.suggestion").all_inner_texts() == ["IRN"]
    assert page.locator("#period-form").count() == 1  # the view's form is kept
    page.click("#view-error a.suggestion")
    ready(page, "actor")


def test_dates_and_signed_numbers_are_isolated_from_the_arabic_around_them(server, page):
    event_id = api(page, server, "api/events?status=all&limit=1&sort=goldstein")["items"][0]["id"]  # a negative score
    article_id = api(page, server, f"api/events/{event_id}")["mentions"][0]["article_id"]
    for hash_, name in [("#/events?status=all&sort=goldstein", "events"), (f"#/event/{event_id}", "event"),
                        ("#/actor/IRN", "actor"), ("#/dyad?a=IRN&b=USA&from=2019-01&to=2026-12", "dyad"),
                        (f"#/article/{article_id}", "article"), ("#/methodology", "methodology")]:
        page.goto(server + hash_)
        ready(page, name)
        assert page.evaluate(UNISOLATED) == [], hash_


def test_no_new_view_is_wider_than_a_400_px_screen(server, browser):
    context, page = new_page(browser, 400, 850)
    try:
        event_id = page.request.get(server + "api/events?status=all&limit=1&sort=goldstein").json()["items"][0]["id"]
        views = [("#/actor/IRN", "actor"), ("#/methodology", "methodology"), (f"#/event/{event_id}", "event"),
                 ("#/events?from=2024-13", "events"), ("#/actor/IRAN", "error"), ("#/events?status=all&min_sources=2", "events")]
        for hash_, name in views:
            page.goto("about:blank")
            page.goto(server + hash_)
            ready(page, name)
            page.wait_for_timeout(100)
            width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert width <= 400, f"{hash_} is {width} px wide"
            shot(page, f"narrow-{name}-{hash_.split('/')[1].split('?')[0]}")
        assert page.errors == []
    finally:
        context.close()
