"""The dashboard's Alerts view in headless Chromium: the alerts the store holds, with their rule, event
and delivery state, and the rules, as GET /api/alerts and /api/alerts/rules give them."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from hadath.alerts.rules import parse_rules_toml
from hadath.store.alerts import sync_file_rules
from hadath.store.engine import make_engine, resolve_url
from hadath.store.ingest import Ingester
from hadath.store.migrations import migrate
from test_dashboard_browser import chromium_browser, serving
from webhook_receiver import free_port

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_alerts_view_lists_alerts_with_their_delivery_and_the_rules(tmp_path):
    db = str(tmp_path / "store.db")
    url = resolve_url(db)
    engine = make_engine(url, write=True)
    migrate(engine, url)
    with engine.begin() as conn:
        sync_file_rules(conn, parse_rules_toml(f"""
[rules.iran-turkey]
dyad = ["IRN", "TUR"]
webhook = "http://127.0.0.1:{free_port()}/down"

[rules.egypt]
actor = "EGY"
""", "rules.toml"))
    ingester = Ingester(db)
    ingester.ingest([str(REPO / "tests" / "data" / "recode_corpus.jsonl")])
    ingester.writer.wait_for_delivery(30)
    with serving(db) as base, chromium_browser() as browser:
        listed = json.loads(urllib.request.urlopen(base + "api/alerts").read())
        assert listed["total"] >= 2
        page = browser.new_page(locale="en")
        page.set_default_timeout(15_000)
        page.goto(base + "#/alerts")
        page.wait_for_selector("#view[data-ready='alerts']", state="attached")
        rows = page.query_selector_all("#alert-table tbody tr")
        assert [r.get_attribute("data-alert-id") for r in rows] == [str(a["id"]) for a in listed["items"]]
        by_rule = {a["rule"]: a for a in listed["items"]}
        states = {r.get_attribute("data-alert-id"): r.inner_text() for r in rows}
        assert "Connect" in states[str(by_rule["iran-turkey"]["id"])]  # retrying, with the last error
        assert page.inner_text("#alert-rules").count("\n") + 1 == 2
        page.click(f"#alert-table tr[data-alert-id='{by_rule['egypt']['id']}'] a[href^='#/event/']")
        page.wait_for_selector("#view[data-ready='event']", state="attached")
        assert page.url.endswith(f"#/event/{by_rule['egypt']['event_id']}")
