"""`hadath watch` speed against a news site on loopback (tests/watch_site.py, run in a process of its own
so that its CPU is not counted): pages per minute per host at the default politeness, and CPU per
article (fetch, read, pipeline, write) with politeness off.

    PYTHONPATH=src python benchmarks/watch_speed.py [--pages 30] [--db /tmp/watch_bench.db]

Two rounds, each into a new SQLite store, after a warm-up round of one page (loading the dictionaries
and the NER model, about 1.5 s, is not counted):
  polite  the default settings (HADATH_WATCH_HOST_DELAY 2 s, 2 requests at once per host): one host,
          `--pages` pages: pages per minute is what one outlet can give at that politeness;
  fast    host delay 0, 8 workers, the 65 dated real articles of ../shared/data/news_dev and news_dev2 as pages:
          CPU seconds of this process per article stored.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))


def serve(pages: int, ready: multiprocessing.Queue) -> None:
    from watch_site import Site, many_stories, story_page

    site = Site()
    stories = many_stories(pages + 1)
    for slug, headline, body, day in stories:
        site.page(f"/n/{slug}", story_page(headline, f"بيروت {day}", body, day))
    site.feed("/warm.xml", [("خبر", site.url(f"/n/{stories[0][0]}"), stories[0][3])])
    site.feed("/all.xml", [("خبر", site.url(f"/n/{slug}"), day) for slug, _, _, day in stories[1:]])
    # Real articles (../shared/data/news_dev and news_dev2, the 65 texts with a date) as pages.
    import html
    import json

    real = []
    for name in ("news_dev", "news_dev2"):
        for line in (REPO / ".." / "shared" / "data" / name / "input.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if not record.get("published"):
                continue
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
            path = f"/r/{record['source']}"
            site.page(path, f"<html><head><title>{html.escape(record.get('title') or '')}</title>"
                            f"<meta property='article:published_time' content='{record['published']}'></head>"
                            f"<body><article>{paragraphs}</article></body></html>")
            real.append(("خبر", site.url(path, host="localhost"), record["published"]))
    site.feed("/real.xml", real)
    ready.put(site.port)
    while True:
        time.sleep(3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()

    from hadath.watch.settings import WatchSettings
    from hadath.watch.sources import FeedSource
    from hadath.watch.watcher import Watcher

    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(args.pages, ready), daemon=True)
    server.start()
    port = ready.get(timeout=30)
    base = f"http://127.0.0.1:{port}"
    polite = WatchSettings()
    fast = replace(polite, host_delay=0.0, workers=8, host_concurrency=8)
    with tempfile.TemporaryDirectory() as folder:
        warm = Watcher(str(Path(folder) / "warm.db"), [FeedSource(base + "/warm.xml", "bench", "feed")], fast)
        warm.run_round()
        warm.close()

        watcher = Watcher(str(Path(folder) / "polite.db"), [FeedSource(base + "/all.xml", "bench", "feed")], polite)
        started = time.perf_counter()
        summary = watcher.run_round()
        seconds = time.perf_counter() - started
        watcher.close()
        per_minute = 60 * summary.stored / seconds
        print(f"polite (HADATH_WATCH_HOST_DELAY {polite.host_delay:g} s, {polite.host_concurrency} per host): "
              f"{summary.stored} pages from one host in {seconds:.1f} s = {per_minute:.1f} pages/minute/host "
              f"({summary.requests} requests)")

        watcher = Watcher(str(Path(folder) / "fast.db"), [FeedSource(f"http://localhost:{port}/real.xml",
                                                                     "bench", "feed")], replace(fast, pages_per_feed=1000))
        cpu, started = time.process_time(), time.perf_counter()
        summary = watcher.run_round()
        cpu, seconds = time.process_time() - cpu, time.perf_counter() - started
        watcher.close()
        print(f"fast (no delay, 8 workers; the real articles of news_dev and news_dev2): {summary.stored} pages "
              f"in {seconds:.1f} s; "
              f"CPU {1000 * cpu / max(1, summary.stored):.0f} ms per article "
              f"({summary.events_new} events)")
        print(f"  round: {summary.line()}")
        for error in summary.errors:
            print(f"  {error}")
    server.terminate()


if __name__ == "__main__":
    main()
