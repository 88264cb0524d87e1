"""`hadath watch` end to end against a news site on loopback (tests/watch_site.py) with a crawler's
faults, into a real SQLite file and a real PostgreSQL server: every good article stored exactly once,
every fault a logged, counted error and nothing else, robots.txt obeyed, Retry-After waited for,
conditional GETs, an edited page re-coded and not doubled, and a `kill -9` mid-round followed by a
restart giving the store of an uninterrupted run."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

import pg
from hadath.errors import HadathError
from hadath.store import schema
from hadath.store.engine import resolve_url
from hadath.store.ingest import Ingester
from hadath.watch.feeds import ListingError, parse_listing
from hadath.watch.fetch import retry_after_seconds
from hadath.watch.settings import WatchSettings
from hadath.watch.sources import feed_sources, load_sources, parse_sources
from hadath.watch.urls import canonical_url
from hadath.watch.watcher import Watcher
from pg import postgres  # noqa: F401  (the session's server, a fixture)
from watch_site import (
    EDITED_BODY,
    ENGLISH_PAGE,
    STORIES,
    Response,
    Site,
    fail_first,
    many_stories,
    story_page,
)

REPO = Path(__file__).resolve().parents[1]
HADATH = [sys.executable, "-m", "hadath"]
# Short timeouts and backoff: the faults cost a few seconds, not minutes.
# The timeout is 2 s, several times the slow page's 0.3 s, so that a loaded machine does not turn it into a fault.
FAST = WatchSettings(host_delay=0.02, timeout=2.0, retries=1, backoff=0.05, max_retry_after=5,
                     max_page_bytes=100_000, max_redirects=3, workers=4, host_concurrency=2)
FAST_ENV = {"HADATH_WATCH_HOST_DELAY": "0.02", "HADATH_WATCH_TIMEOUT": "2", "HADATH_WATCH_RETRIES": "1",
            "HADATH_WATCH_BACKOFF": "0.05", "HADATH_WATCH_MAX_PAGE_BYTES": "100000", "HADATH_WATCH_WORKERS": "4"}
GOOD = ["a0", "a1", "a2", "a3", "slow", "limited", "flaky", "moved-here", "from-sitemap"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database("w_" + uuid.uuid4().hex[:12])


def _stories() -> dict[str, tuple[str, str, str]]:
    extra = many_stories(12)
    named = {f"a{i}": STORIES[i] for i in range(4)}
    named["slow"], named["limited"] = STORIES[4], STORIES[5]
    for name, (_, headline, body, day) in zip(["flaky", "moved-here", "from-sitemap", "secret"], extra[6:10],
                                                strict=True):
        named[name] = (headline, f"الدوحة {day}", body)
    return named


DAYS = {"a0": "2024-03-03", "a1": "2024-03-04", "a2": "2024-03-05", "a3": "2024-03-06", "slow": "2024-03-07",
        "limited": "2024-03-08", "flaky": "2024-03-09", "moved-here": "2024-03-10", "from-sitemap": "2024-03-11",
        "secret": "2024-03-12"}


@pytest.fixture
def site():
    site = Site()
    stories = _stories()
    html = {name: story_page(h, d, b, DAYS[name]) for name, (h, d, b) in stories.items()}
    site.routes["/robots.txt"] = Response(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
    for name in ("a0", "a1", "a2", "a3", "from-sitemap", "moved-here"):
        site.page(f"/news/{name}", html[name], etag=f'"{name}-1"')
    site.page("/private/secret", html["secret"])
    site.routes["/news/slow"] = Response(200, html["slow"].encode(), {"Content-Type": "text/html"}, delay=0.3)
    site.routes["/news/limited"] = fail_first(1, 429, Response(200, html["limited"].encode(), {"Content-Type": "text/html"}),
                                              {"Retry-After": "1"})
    site.routes["/news/flaky"] = fail_first(1, 503, Response(200, html["flaky"].encode(), {"Content-Type": "text/html"}))
    site.routes["/news/moved"] = Response(301, b"", {"Location": "/news/moved-here"})
    site.routes["/news/loop"] = Response(302, b"", {"Location": "/news/loop"})
    site.routes["/news/too-slow"] = Response(200, html["a2"].encode(), {"Content-Type": "text/html"}, delay=4.5)
    site.routes["/news/broken"] = Response(500, b"oops")
    huge = story_page(*stories["a3"], DAYS["a3"], extra="<p>" + "حشو " * 40_000 + "</p>")
    site.routes["/news/huge"] = Response(200, huge.encode(), {"Content-Type": "text/html"})
    site.routes["/news/english"] = Response(200, ENGLISH_PAGE.encode(), {"Content-Type": "text/html"})
    site.page("/news/copy", html["a1"])  # a1's text under another URL
    url = site.url
    site.feed("/feed.xml", [
        ("خبر", url(f"/news/{name}"), DAYS.get(name, "2024-03-10"))
        for name in ("a0", "a1", "slow", "limited", "flaky", "moved", "loop", "too-slow", "broken", "huge", "english",
                     "copy")
    ] + [("سر", url("/private/secret"), "2024-03-12")])
    site.feed("/feed2.xml", [("خبر", url("/news/a0") + "?utm_source=rss&utm_medium=feed", DAYS["a0"]),
                             ("خبر", url("/news/a2"), DAYS["a2"])], etag='"feed2-1"')
    site.routes["/broken-feed.xml"] = Response(200, "<rss><channel><item><title>خبر".encode(), {"Content-Type": "application/rss+xml"})
    site.sitemap("/news-sitemap.xml", [(url("/news/a3"), DAYS["a3"]), (url("/news/from-sitemap"), DAYS["from-sitemap"])])
    site.stories, site.html = stories, html
    yield site
    site.close()


def sources_file(site: Site, path: Path) -> Path:
    path.write_text(
        "[[outlet]]\n"
        'name = "Test Site"\n'
        'country = "QAT"\n'
        f'feeds = ["{site.url("/feed.xml")}", "{site.url("/feed2.xml")}", "{site.url("/broken-feed.xml")}"]\n'
        f'sitemaps = ["{site.url("/news-sitemap.xml")}"]\n'
        "\n[[outlet]]\n"
        'name = "Gone Site"\n'
        f'feeds = ["{site.url("/missing-feed.xml")}"]\n',
        encoding="utf-8",
    )
    return path


def table(db: str, t, *columns) -> list[tuple]:
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        rows = sorted(tuple(r) for r in conn.execute(select(*(columns or t.c))))
    engine.dispose()
    return rows


def stored_urls(db: str) -> list[str]:
    return sorted(u for u, s in table(db, schema.articles, schema.articles.c.url, schema.articles.c.status) if s == "ok")


def assert_events_match_mentions(db: str) -> None:
    """Every event has mentions, and its counts are those of its mentions."""
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        counted = dict(conn.execute(select(schema.mentions.c.event_id, func.count()).group_by(schema.mentions.c.event_id)).all())
        events = conn.execute(select(schema.events.c.id, schema.events.c.num_mentions)).all()
    engine.dispose()
    assert events, "no events at all: the fixtures should code some"
    assert {e.id: e.num_mentions for e in events} == counted


def test_a_round_stores_every_good_article_once_and_counts_every_fault(db, site, tmp_path, caplog):
    sources = feed_sources(load_sources(str(sources_file(site, tmp_path / "sources.toml"))))
    watcher = Watcher(db, sources, FAST)
    with caplog.at_level(logging.WARNING, logger="hadath.watch"):
        summary = watcher.run_round()
    watcher.close()

    assert stored_urls(db) == sorted(site.url(f"/news/{name}") for name in GOOD)
    copies = table(db, schema.copies, schema.copies.c.where)
    assert copies == [(site.url("/news/copy"),)]  # a1's text again: a copy of a1, not an article
    assert (summary.stored, summary.copies, summary.recoded, summary.disallowed) == (9, 1, 0, 1)
    # Faults: two feeds (malformed XML, 404) and five pages (redirect loop, timeout, 500, over the size
    # limit, not Arabic), each logged and counted, and nothing else.
    assert (summary.feed_errors, summary.page_errors) == (2, 5)
    assert len(summary.errors) == 7
    for fault, words in [("/broken-feed.xml", "malformed"), ("/missing-feed.xml", "HTTP 404"), ("/news/loop", "redirects"),
                         ("/news/too-slow", "timed out"), ("/news/broken", "HTTP 500"), ("/news/huge", "limit"),
                         ("/news/english", "not Arabic")]:
        assert any(fault in e and words in e for e in summary.errors), (fault, summary.errors)
        assert any(fault in r.getMessage() for r in caplog.records), fault
    errors = table(db, schema.watch_errors, schema.watch_errors.c.url)
    assert len(errors) == 7
    assert not any(s == "failed" for *_, s in table(db, schema.articles, schema.articles.c.url, schema.articles.c.status))
    # robots.txt: the disallowed page is never asked for.
    assert site.requests_to("/private/secret") == []
    assert len(site.requests_to("/robots.txt")) == 1
    # 429 with Retry-After: 1 -> the next request waited at least a second.
    limited = site.requests_to("/news/limited")
    assert len(limited) == 2 and limited[1].at - limited[0].at >= 0.95
    # The page in two feeds (once with tracking parameters) was fetched once, at its canonical URL.
    assert len(site.requests_to("/news/a0")) == 1
    assert not [r for r in site.log if "utm_" in r.path]
    # The raw page is kept, compressed, with its fetch time.
    import zlib

    raw = dict(table(db, schema.watch_pages, schema.watch_pages.c.url, schema.watch_pages.c.raw))
    assert zlib.decompress(raw[site.url("/news/a2")]).decode() == site.html["a2"]
    assert all(t is not None for (t,) in table(db, schema.watch_pages, schema.watch_pages.c.fetched_at))
    assert_events_match_mentions(db)


def test_second_round_uses_validators_and_an_edited_page_is_recoded_not_doubled(db, site, tmp_path):
    sources = feed_sources(load_sources(str(sources_file(site, tmp_path / "sources.toml"))))
    watcher = Watcher(db, sources, FAST)
    watcher.run_round()
    before = dict(table(db, schema.articles, schema.articles.c.url, schema.articles.c.id))
    old_a0 = before[site.url("/news/a0")]

    # Nothing changed: the feeds answer 304 to their ETags, no stored page is fetched again.
    site.log.clear()
    again = watcher.run_round()
    assert again.stored == again.recoded == again.copies == 0
    assert again.feeds_unchanged == 2  # feed.xml and feed2.xml (the sitemap has no validators)
    assert site.requests_to("/feed.xml")[0].headers.get("if-none-match") == '"feed-1"'
    assert site.requests_to("/news/a0") == [] and site.requests_to("/news/a1") == []
    assert len(site.requests_to("/news/broken")) == 2  # a 5xx is tried again next round (1 retry)
    assert dict(table(db, schema.articles, schema.articles.c.url, schema.articles.c.id)) == before

    # a0 is edited: its feed entry's date moves, its page has new text and a new ETag.
    headline, dateline, _ = site.stories["a0"]
    site.page("/news/a0", story_page(headline, dateline, EDITED_BODY, "2024-03-03"), etag='"a0-2"')
    site.feed("/feed2.xml", [("خبر", site.url("/news/a0"), "2024-03-04"), ("خبر", site.url("/news/a2"), DAYS["a2"])],
              etag='"feed2-2"')
    edited = watcher.run_round()
    watcher.close()
    assert (edited.recoded, edited.stored) == (1, 0)
    assert site.requests_to("/news/a0")[-1].headers.get("if-none-match") == '"a0-1"'
    after = dict(table(db, schema.articles, schema.articles.c.url, schema.articles.c.id))
    assert sorted(after) == sorted(before)  # one article per page still
    assert after[site.url("/news/a0")] != old_a0
    assert not [m for m in table(db, schema.mentions, schema.mentions.c.article_id) if m[0] == old_a0]
    text = dict(table(db, schema.articles, schema.articles.c.url, schema.articles.c.text))[site.url("/news/a0")]
    assert "الخميس المقبل" in text
    assert_events_match_mentions(db)


def cli(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*HADATH, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          env={**os.environ, **FAST_ENV, **(env or {})})


def test_cli_once_then_status(site, tmp_path):
    db = str(tmp_path / "cli.db")
    sources = sources_file(site, tmp_path / "sources.toml")
    done = cli("watch", str(sources), "--once", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "9 new" in done.stdout and "5 failed" in done.stdout, done.stdout
    assert "HTTP 404" in done.stderr and "not Arabic" in done.stderr  # errors are logged lines
    assert "Traceback" not in done.stderr
    status = cli("watch", "--status", "--json", "--db", db)
    assert status.returncode == 0, status.stderr
    rows = {r["outlet"]: r for r in json.loads(status.stdout)}
    assert rows["Test Site"]["articles_today"] == 9 and rows["Test Site"]["events_today"] > 0
    assert rows["Test Site"]["errors_today"] == 6 and rows["Test Site"]["last_success"]
    assert rows["Gone Site"]["feeds_failing"] == 1 and rows["Gone Site"]["last_success"] is None
    table_out = cli("watch", "--status", "--db", db)
    assert "Test Site" in table_out.stdout and "never" in table_out.stdout


def test_kill_9_mid_round_then_restart_gives_the_store_of_an_uninterrupted_run(db, tmp_path):
    site = Site()
    try:
        stories = many_stories(40)
        for slug, headline, body, day in stories:
            site.page(f"/n/{slug}", story_page(headline, f"بيروت {day}", body, day))
        site.feed("/all.xml", [("خبر", site.url(f"/n/{slug}"), day) for slug, _, _, day in stories])
        feed = site.url("/all.xml")
        clean = str(tmp_path / "clean.db")
        done = cli("watch", "--feed", feed, "--once", "--db", clean)
        assert done.returncode == 0, done.stderr

        Ingester(db)  # creates the schema, so progress can be watched
        engine = create_engine(resolve_url(db))

        def stored() -> int:
            with engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

        env = {**os.environ, **FAST_ENV, "HADATH_WATCH_HOST_DELAY": "0.15"}
        proc = subprocess.Popen([*HADATH, "watch", "--feed", feed, "--once", "--db", db], cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert pg.wait_until(lambda: stored() >= 8, timeout=120), proc.stderr.read()
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert 8 <= stored() < 40  # killed in the middle
        engine.dispose()
        rerun = cli("watch", "--feed", feed, "--once", "--db", db)
        assert rerun.returncode == 0, rerun.stderr
    finally:
        site.close()
    for t in schema.DATA_TABLES:
        columns = [c for c in t.c if c.name != "ingested_at"]
        assert table(db, t, *columns) == table(clean, t, *columns), t.name
    page_columns = (schema.watch_pages.c.url, schema.watch_pages.c.status, schema.watch_pages.c.article_id)
    assert table(db, schema.watch_pages, *page_columns) == table(clean, schema.watch_pages, *page_columns)
    assert len(table(clean, schema.articles, schema.articles.c.id)) == 40


# -- the parts, on literal inputs -------------------------------------------------------------------


@pytest.mark.parametrize(("given", "canonical"), [
    ("HTTPS://WWW.Example.com:443/a/b?utm_source=rss&id=7#top", "https://www.example.com/a/b?id=7"),
    ("http://example.com", "http://example.com/"),
    ("http://example.com:8080/x?b=2&a=1&fbclid=zz", "http://example.com:8080/x?a=1&b=2"),
    ("https://example.com/أخبار/سياسة", "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9"),
    ("https://example.com/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9",
     "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9"),
])
def test_canonical_url(given, canonical):
    assert canonical_url(given) == canonical


def test_canonical_url_refuses_what_is_not_http():
    for bad in ("ftp://example.com/x", "javascript:alert(1)", "/relative/path"):
        with pytest.raises(ValueError):
            canonical_url(bad)


def test_retry_after_in_seconds_and_as_a_date():
    from datetime import UTC, datetime

    now = datetime(2024, 3, 3, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Sun, 03 Mar 2024 12:01:30 GMT", now) == 90
    assert retry_after_seconds("Sun, 03 Mar 2024 11:00:00 GMT", now) == 0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_listings_told_apart_and_broken_ones_refused():
    feed = parse_listing(b"<?xml version='1.0'?><rss version='2.0'><channel><item><link>http://x.example/1</link>"
                         b"<pubDate>Sun, 03 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>")
    assert feed.kind == "feed" and [e.url for e in feed.entries] == ["http://x.example/1"]
    assert str(feed.entries[0].published) == "2024-03-03"
    index = parse_listing(b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap>"
                          b"<loc>http://x.example/s1.xml</loc></sitemap></sitemapindex>")
    assert index.kind == "sitemapindex" and index.sitemaps[0].url == "http://x.example/s1.xml"
    with pytest.raises(ListingError, match="DOCTYPE"):
        parse_listing(b"<?xml version='1.0'?><!DOCTYPE lol [<!ENTITY a 'aaaa'>]><urlset><url><loc>&a;</loc></url></urlset>")
    with pytest.raises(ListingError, match="malformed"):
        parse_listing(b"<rss><channel><item><title>broken")
    with pytest.raises(ListingError, match="HTML page"):
        parse_listing(b"<!doctype html><html><body>hello</body></html>")


def test_default_sources_load_and_are_marked_unverified():
    outlets = load_sources(None)
    assert len(outlets) >= 20
    assert all(not o.verified and o.feeds and o.country for o in outlets)
    assert len({s.url for s in feed_sources(outlets)}) == sum(len(o.feeds) + len(o.sitemaps) for o in outlets)


@pytest.mark.parametrize(("text", "message"), [
    ("[[outlet]\nname = 'x'", "not valid TOML"),
    ("[[outlet]]\nfeeds = ['http://x.example/f']", "needs a name"),
    ("[[outlet]]\nname = 'x'", "at least one URL"),
    ("[[outlet]]\nname = 'x'\nfeeds = ['ftp://x.example/f']", "not an http"),
])
def test_bad_sources_files_are_one_line_errors(text, message):
    with pytest.raises(HadathError, match=message):
        parse_sources(text, "s.toml")


def test_cli_user_errors_are_one_line(tmp_path):
    no_store = cli("watch", "--status", "--db", str(tmp_path / "typo.db"))
    assert no_store.returncode == 1 and "no Hadath store" in no_store.stderr
    assert not (tmp_path / "typo.db").exists()
    missing = cli("watch", str(tmp_path / "nope.toml"), "--once", "--db", str(tmp_path / "x.db"))
    assert missing.returncode == 1 and "cannot read the sources file" in missing.stderr
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    bad = cli("watch", "--feed", "http://127.0.0.1:9/f.xml", "--once", "--db", str(tmp_path / "x.db"),
              env={"HADATH_WATCH_TIMEOUT": "soon"})
    assert bad.returncode == 1 and "HADATH_WATCH_TIMEOUT" in bad.stderr and "Traceback" not in bad.stderr


def test_watched_articles_raise_alerts_through_the_writer(db, site, tmp_path):
    """The watcher writes through the store's one write path, so alert rules fire for watched articles
    as for ingested ones, once per event and rule."""
    from hadath.alerts.rules import parse_rule
    from hadath.store.alerts import save_rule

    sources = feed_sources(load_sources(str(sources_file(site, tmp_path / "sources.toml"))))
    watcher = Watcher(db, sources, FAST)  # migrates the store: the rule can be saved
    with watcher.engine.begin() as conn:
        save_rule(conn, parse_rule("turkey", {"actor": "TUR"}), "api")
    watcher.run_round()
    raised = table(db, schema.alerts, schema.alerts.c.event_id, schema.alerts.c.rule)
    turkish = {e for (e, s, t) in table(db, schema.events, schema.events.c.id, schema.events.c.source_key,
                                       schema.events.c.target_key) if "TUR" in (s, t)}
    assert raised and {e for e, _ in raised} == turkish
    watcher.run_round()
    watcher.close()
    assert table(db, schema.alerts, schema.alerts.c.event_id, schema.alerts.c.rule) == raised


def test_sigterm_stops_a_running_watcher_between_pages(site, tmp_path):
    db = str(tmp_path / "term.db")
    env = {**os.environ, **FAST_ENV, "HADATH_WATCH_INTERVAL": "1"}
    proc = subprocess.Popen([*HADATH, "watch", "--feed", site.url("/feed2.xml"), "--db", db], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()  # the first round's summary
        assert "2 fetched: 2 new" in first, first
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "SIGTERM" in proc.stderr.read()
    assert stored_urls(db) == [site.url("/news/a0"), site.url("/news/a2")]


def test_a_sitemap_index_and_a_gzipped_child_sitemap(tmp_path):
    import gzip

    site = Site()
    try:
        stories = many_stories(3)
        for slug, headline, body, day in stories:
            site.page(f"/n/{slug}", story_page(headline, f"دمشق {day}", body, day))
        site.sitemap("/child.xml", [(site.url(f"/n/{slug}"), day) for slug, _, _, day in stories])
        child = site.routes["/child.xml"]
        site.routes["/child.xml.gz"] = Response(200, gzip.compress(child.body), {"Content-Type": "application/x-gzip"})
        site.routes["/index.xml"] = Response(200, (
            "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{site.url('/child.xml.gz')}</loc></sitemap></sitemapindex>").encode(),
            {"Content-Type": "application/xml"})
        db = str(tmp_path / "index.db")
        watcher = Watcher(db, feed_sources([], [site.url("/index.xml")]), FAST)
        summary = watcher.run_round()
        watcher.close()
    finally:
        site.close()
    assert (summary.stored, summary.page_errors, summary.feed_errors) == (3, 0, 0)
    assert stored_urls(db) == sorted(site.url(f"/n/{slug}") for slug, *_ in stories)


def test_robots_crawl_delay_paces_the_host(tmp_path):
    site = Site()
    try:
        stories = many_stories(3)
        for slug, headline, body, day in stories:
            site.page(f"/n/{slug}", story_page(headline, f"دمشق {day}", body, day))
        site.feed("/f.xml", [("خبر", site.url(f"/n/{slug}"), day) for slug, _, _, day in stories])
        site.routes["/robots.txt"] = Response(200, b"User-agent: *\nCrawl-delay: 1\n", {"Content-Type": "text/plain"})
        watcher = Watcher(str(tmp_path / "paced.db"), feed_sources([], [site.url("/f.xml")]), FAST)
        summary = watcher.run_round()
        watcher.close()
        starts = sorted(r.at for r in site.log if r.path.startswith(("/n/", "/f.xml")))
    finally:
        site.close()
    assert summary.stored == 3
    assert len(starts) == 4 and all(b - a >= 0.95 for a, b in zip(starts, starts[1:], strict=False))
