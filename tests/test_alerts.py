"""Alerts on SQLite and PostgreSQL: rules from a TOML file and through the API, checked on every new or
changed event the store writes; each match stored once per (event, rule) and POSTed to a webhook
receiver on loopback, at least once: a receiver that is down gets it on the next delivery."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from hadath.alerts.rules import RuleError, parse_rules_toml
from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.events.lexicon import LEXICON_DIR
from hadath.store.engine import resolve_url
from hadath.store.ingest import Ingester
from hadath.store.schema import alerts, events
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from watch_site import STORIES, Site, story_page
from webhook_receiver import Receiver, free_port

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "recode_corpus.jsonl"
TOKEN = "alerts-test-token-0123456789"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("a_" + uuid.uuid4().hex[:12])


@pytest.fixture
def receiver():
    found = Receiver().start()
    yield found
    found.stop()


def hadath(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "HADATH_LEXICON_DIR"}
    environment.update(PYTHONPATH=str(REPO / "src"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True, text=True,
                          env=environment, cwd=REPO, timeout=600)


def write_rules(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def load_rules(db: str, path: Path) -> None:
    done = hadath("alerts", "rules", "--rules", str(path), "--db", db)
    assert done.returncode == 0, done.stderr


def stored_alerts(db: str) -> list[dict]:
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(alerts).order_by(alerts.c.id)).mappings()]
    engine.dispose()
    return rows


def stored_events(db: str) -> list[dict]:
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(events)).mappings()]
    engine.dispose()
    return rows


def ingest(db: str, path: Path) -> Ingester:
    ingester = Ingester(db)
    ingester.ingest([str(path)])
    ingester.writer.wait_for_delivery(30)
    return ingester


def copy_under(tmp_path: Path, outlet: str, line: int) -> Path:
    """One article of the corpus again, word for word, under another outlet's URL (a wire copy)."""
    record = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[line])
    record.update(source=outlet, url=f"https://{outlet}/copy")
    path = tmp_path / f"{outlet}.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_rules_fire_once_per_matching_event_and_again_after_nothing_else(db, receiver, tmp_path):
    rules = write_rules(tmp_path / "rules.toml", f"""
[rules.iran-turkey]
dyad = ["IRN", "TUR"]
webhook = "{receiver.url}"

[rules.strikes-three-sources]
roots = ["19"]
min_sources = 3
webhook = "{receiver.url}"

[rules.egypt]
actor = "EGY"
""")
    load_rules(db, rules)
    ingest(db, CORPUS)
    stored = stored_events(db)
    # What each rule should raise, read from the events with plain conditions.
    dyad = {e["id"] for e in stored if {e["source_key"], e["target_key"]} == {"IRN", "TUR"}}
    egypt = {e["id"] for e in stored if "EGY" in (e["source_key"], e["target_key"])}
    strikes = {e["id"] for e in stored if e["root"] == "19" and e["num_sources"] >= 3}
    assert dyad and egypt and not strikes  # the corpus: no strike is reported by three outlets yet
    expected = {(i, "iran-turkey") for i in dyad} | {(i, "egypt") for i in egypt}
    assert {(a["event_id"], a["rule"]) for a in stored_alerts(db)} == expected
    got = receiver.wait_for(len(dyad))
    assert sorted((int(r["body"]["event"]["id"]), r["body"]["rule"]) for r in got) == sorted(
        (i, "iran-turkey") for i in dyad)
    assert all(r["key"] == f"{r['body']['event']['id']}:{r['body']['rule']}" for r in got)
    assert all(r["body"]["event"]["source_key"] in ("IRN", "TUR") for r in got)
    egypt_alerts = [a for a in stored_alerts(db) if a["rule"] == "egypt"]
    assert all(a["webhook"] is None and a["attempts"] == 0 for a in egypt_alerts)  # shown, not sent

    # The same articles again: nothing new is stored, nothing is sent.
    ingest(db, CORPUS)
    assert len(stored_alerts(db)) == len(expected)
    # A wire copy of the strike report under a third outlet changes the strike event (three sources):
    # the changed event now matches, once.
    ingest(db, copy_under(tmp_path, "kayhan.ir", 1))
    strikes = {e["id"] for e in stored_events(db) if e["root"] == "19" and e["num_sources"] >= 3}
    assert len(strikes) == 1
    got = receiver.wait_for(len(dyad) + 1)
    assert [(int(r["body"]["event"]["id"]), r["body"]["rule"]) for r in got[len(dyad):]] == [
        (strikes.pop(), "strikes-three-sources")]
    ingest(db, copy_under(tmp_path, "kayhan.ir", 1))
    receiver.wait_for(len(got) + 1, timeout=2)
    assert len(receiver.received) == len(got) == len(stored_alerts(db)) - len(egypt_alerts)


def test_a_receiver_that_is_down_gets_the_alert_on_the_next_delivery(db, tmp_path):
    down = Receiver(free_port())  # nothing listens there yet
    load_rules(db, write_rules(tmp_path / "rules.toml", f"""
[rules.condemnations]
roots = ["111"]
webhook = "{down.url}"
"""))
    ingest(db, CORPUS)
    waiting = stored_alerts(db)
    assert waiting and all(a["delivered_at"] is None and a["attempts"] == 1 and "Connect" in a["last_error"]
                           for a in waiting)
    listed = hadath("alerts", "list", "--db", db)
    assert listed.returncode == 0 and listed.stdout.count("retrying") == len(waiting)
    down.start()
    try:
        done = hadath("alerts", "deliver", "--db", db)
        assert done.returncode == 0, done.stderr
        assert f"{len(waiting)} alerts delivered, 0 failed" in done.stdout
        assert sorted(int(r["body"]["event"]["id"]) for r in down.received) == sorted(a["event_id"] for a in waiting)
        assert all(a["delivered_at"] is not None for a in stored_alerts(db))
        again = hadath("alerts", "deliver", "--db", db)
        assert "0 alerts delivered, 0 failed" in again.stdout and len(down.received) == len(waiting)
    finally:
        down.stop()


def test_rules_through_the_api_and_alerts_from_posted_articles(db, receiver):
    client = TestClient(create_app(Settings(db=db, token=TOKEN)))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    rule = {"name": "iran-conflict", "actor": "IRN", "quad_class": [3, 4], "goldstein_max": -1,
            "statuses": ["occurred"], "webhook": receiver.url}
    assert client.post("/api/alerts/rules", json=rule).status_code == 401
    bad = client.post("/api/alerts/rules", json={**rule, "quad_class": [7]}, headers=auth)
    assert bad.status_code == 422 and "quad_class" in bad.json()["error"]
    assert client.post("/api/alerts/rules", json={"name": "everything"}, headers=auth).status_code == 422
    assert client.post("/api/alerts/rules", json=rule, headers=auth).status_code == 201
    assert client.post("/api/alerts/rules", json={"name": "gone", "actor": "SYR"}, headers=auth).status_code == 201
    assert client.delete("/api/alerts/rules/gone", headers=auth).status_code == 204
    assert client.delete("/api/alerts/rules/gone", headers=auth).status_code == 404
    listed = client.get("/api/alerts/rules").json()["items"]
    assert [(r["name"], r["actor"], r["webhook"]) for r in listed] == [("iran-conflict", "IRN", True)]

    record = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    posted = client.post("/api/articles", json=record, headers=auth)
    assert posted.status_code == 201, posted.text
    expected = {e["id"] for e in stored_events(db) if "IRN" in (e["source_key"], e["target_key"])
                and e["quad_class"] in (3, 4) and e["goldstein"] <= -1 and e["status"] == "occurred"}
    assert expected
    got = receiver.wait_for(len(expected))
    assert sorted(int(r["body"]["event"]["id"]) for r in got) == sorted(expected)
    page = client.get("/api/alerts").json()
    assert page["total"] == len(expected)
    assert {int(a["event_id"]) for a in page["items"]} == expected
    assert all(a["delivery"] == "delivered" and a["cameo_name"] for a in page["items"])
    assert client.post("/api/articles", json=record, headers=auth).json()["results"][0]["outcome"] == "duplicate"
    assert client.get("/api/alerts").json()["total"] == len(expected)


def test_reprocess_checks_the_events_it_changes(tmp_path, receiver):
    db = str(tmp_path / "store.db")
    load_rules(db, write_rules(tmp_path / "rules.toml", f"""
[rules.accusations]
roots = ["112"]
webhook = "{receiver.url}"
"""))
    assert hadath("ingest", str(CORPUS), "--db", db).returncode == 0
    assert stored_alerts(db) == []  # no accusation in the corpus as the package's lexicon reads it
    lexicon = tmp_path / "lexicon"
    shutil.copytree(REPO / "src" / "hadath" / "events" / LEXICON_DIR, lexicon)
    condemn = lexicon / "11.tsv"
    text = condemn.read_text(encoding="utf-8")
    assert text.count("أدان/يدين\t111\t") == 1
    condemn.write_text(text.replace("أدان/يدين\t111\t", "أدان/يدين\t112\t"), encoding="utf-8")
    done = hadath("reprocess", "--db", db, "--json", env={"HADATH_LEXICON_DIR": str(lexicon)})
    assert done.returncode == 0, done.stderr
    accused = {e["id"] for e in stored_events(db) if e["cameo"] == "112"}
    assert accused and json.loads(done.stdout)["alerts"] == len(accused)
    assert sorted(int(r["body"]["event"]["id"]) for r in receiver.wait_for(len(accused))) == sorted(accused)


def test_bad_rules_files_are_one_line(tmp_path):
    with pytest.raises(RuleError, match="rule x: unknown field"):
        parse_rules_toml('[rules.x]\nroot = ["19"]\n', "r.toml")
    with pytest.raises(RuleError, match="webhook"):
        parse_rules_toml('[rules.x]\nroots = ["19"]\nwebhook = "ftp://h/"\n', "r.toml")
    for text, message in (
        ('[rules.x]\ndyad = ["IRN"]\n', "dyad is a list of two"),
        ("[rules.x\n", "not TOML"),
        ('[rules.x]\ngoldstein_max = -40\n', "not a Goldstein score"),
    ):
        path = write_rules(tmp_path / "bad.toml", text)
        done = hadath("alerts", "rules", "--rules", str(path), "--db", str(tmp_path / "s.db"))
        assert done.returncode == 1 and message in done.stderr and done.stderr.count("\n") == 1, done.stderr
    done = hadath("alerts", "rules", "--rules", str(tmp_path / "missing.toml"), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 1 and "cannot read the rules file" in done.stderr
    for action in ("list", "deliver"):  # a mistyped store is an error, not a new empty store
        done = hadath("alerts", action, "--db", str(tmp_path / "typo.db"))
        assert done.returncode == 1 and "no Hadath store" in done.stderr and not (tmp_path / "typo.db").exists()


def test_articles_the_watcher_fetches_raise_alerts_once(receiver, tmp_path):
    site = Site()
    try:
        for number, (headline, dateline, body) in enumerate(STORIES[:3]):
            site.page(f"/news/{number}", story_page(headline, dateline, body, f"2024-03-0{number + 3}"),
                      etag=f'"{number}"')
        site.feed("/feed.xml", [("خبر", site.url(f"/news/{n}"), f"2024-03-0{n + 3}") for n in range(3)])
        db = str(tmp_path / "store.db")
        every = ", ".join(f'"{s}"' for s in ("occurred", "ongoing", "planned", "postponed", "cancelled", "denied",
                                             "hypothetical"))
        load_rules(db, write_rules(tmp_path / "rules.toml",
                                   f'[rules.everything]\nstatuses = [{every}]\nwebhook = "{receiver.url}"\n'))
        fast = {"HADATH_WATCH_HOST_DELAY": "0.02", "HADATH_WATCH_TIMEOUT": "5"}
        done = hadath("watch", "--feed", site.url("/feed.xml"), "--once", "--db", db, env=fast)
        assert done.returncode == 0, done.stderr
        stored = {e["id"] for e in stored_events(db)}
        assert stored
        assert sorted(int(r["body"]["event"]["id"]) for r in receiver.wait_for(len(stored))) == sorted(stored)
        again = hadath("watch", "--feed", site.url("/feed.xml"), "--once", "--db", db, env=fast)
        assert again.returncode == 0, again.stderr
        assert len(receiver.wait_for(len(stored) + 1, timeout=2)) == len(stored) == len(stored_alerts(db))
    finally:
        site.close()


def test_a_long_running_writer_retries_on_its_own_when_the_receiver_comes_back(tmp_path, monkeypatch):
    from hadath.alerts import delivery

    monkeypatch.setattr(delivery, "FIRST_RETRY_S", 1)  # the backoff's first step, shortened for the test
    db = str(tmp_path / "store.db")
    later = Receiver(free_port())  # down for now
    load_rules(db, write_rules(tmp_path / "rules.toml", f'[rules.condemnations]\nroots = ["111"]\nwebhook = "{later.url}"\n'))
    ingester = Ingester(db)
    ingester.ingest([str(CORPUS)])
    ingester.writer.wait_for_delivery(30)
    waiting = stored_alerts(db)
    assert waiting and all(a["delivered_at"] is None and a["attempts"] >= 1 for a in waiting)
    later.start()
    try:
        got = later.wait_for(len(waiting), timeout=30)  # no new write, no `hadath alerts deliver`
        assert sorted(int(r["body"]["event"]["id"]) for r in got) == sorted(a["event_id"] for a in waiting)
        assert all(a["delivered_at"] is not None for a in stored_alerts(db))
    finally:
        later.stop()
