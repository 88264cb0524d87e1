"""Ingest speed: articles/s, the share of time spent writing the store, and peak memory, for one worker,
two worker processes and a Dask LocalCluster, into SQLite and PostgreSQL.

"writes" is the share of the wall time the one writer spent writing: with one worker, the share of
the ingest spent in the database; with several, how busy the writer is (it writes while they extract).

The corpus (default 10,000 articles) is composed from ../shared data: each article joins 2-5 news
sentences of the UniversalPetrarch set and, one time in four, a news_dev article, under a publication
date spread over 2015-2025 and a URL on one of a dozen outlets. Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/ingest_speed.py [--articles 10000] [--pg postgresql://…] [--only sqlite] [--writer]

With --writer, the corpus is extracted once (two processes) and only the writer is timed: each store
is written in the transactions `hadath ingest` makes, and the time per article is printed, as wall
time and as the writer process's CPU time (a PostgreSQL server's own work is in the wall time only).
On a machine shared with other jobs the CPU figure moves less than the wall one.

Without --pg a PostgreSQL server is started in a temporary folder (as the tests do) and stopped after.
Each configuration runs in a fresh process, so that its peak memory is its own; peak memory is the
largest resident set summed over the ingest process and all its descendants (workers, Dask nannies),
sampled every 0.2 s. Run also with --articles 2500 to see that peak memory does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUTLETS = ["aa.com.tr", "irna.ir", "alarabiya.net", "aljazeera.net", "aawsat.com", "alaraby.co.uk", "sana.sy",
           "kurdistan24.net", "almayadeen.net", "rudaw.net", "skynewsarabia.com", "youm7.com"]
CONFIGS = [("1 worker", {"workers": 1}), ("2 workers", {"workers": 2}), ("Dask LocalCluster (2)", {"dask": "local", "workers": 2})]


def compose_corpus(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)

    def lines(name: str) -> list[dict]:
        with (SHARED / "data" / name / "input.jsonl").open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    sentences = [row["text"] for row in lines("up_arabic_gsr_dev")]
    news = [row["text"] for row in lines("news_dev")]
    start = date(2015, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            parts = rng.sample(sentences, rng.randint(2, 5))
            if rng.random() < 0.25:
                parts.insert(0, rng.choice(news))
            published = start + timedelta(days=rng.randrange(11 * 365))
            outlet = rng.choice(OUTLETS)
            out.write(json.dumps({
                "source": f"{outlet}/{number}",
                "url": f"https://www.{outlet}/news/{number}",
                "published": published.isoformat(),
                "text": "\n\n".join(parts),
            }, ensure_ascii=False) + "\n")


def peak_rss_sampler(stop: threading.Event, peak: list[int]) -> None:
    import psutil

    me = psutil.Process()
    while not stop.is_set():
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        peak[0] = max(peak[0], total)
        stop.wait(0.2)


def run_one(corpus: str, db: str, options: dict) -> dict:
    """One ingest in this process (called in a child process by main)."""
    from hadath.store.ingest import Ingester

    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=peak_rss_sampler, args=(stop, peak), daemon=True)
    sampler.start()
    started = time.perf_counter()
    summary = Ingester(db, **options).ingest([corpus])
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return {
        "read": summary.read, "new": summary.new, "failed": summary.failed, "events": summary.events_new,
        "mentions": summary.mentions, "seconds": seconds, "per_second": summary.read / seconds,
        "write_share": summary.write_seconds / seconds, "peak_mb": peak[0] / 2**20,
    }


def run_all(corpus: Path, work: Path, backends: list[str], pg_base: str | None) -> list[tuple[str, str, dict]]:
    rows = []
    for backend in backends:
        for label, options in CONFIGS:
            db = new_store(backend, work, pg_base)
            result = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus), db, json.dumps(options)],
                capture_output=True, text=True, cwd=REPO,
            )
            if result.returncode != 0:
                print(f"{backend} {label}: failed: {result.stderr.strip().splitlines()[-1:]}")
                continue
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append((backend, label, figures))
            print(f"{backend:10} {label:22} {figures['per_second']:7.1f} articles/s  "
                  f"writes {100 * figures['write_share']:4.1f}%  peak {figures['peak_mb']:6.0f} MB  "
                  f"({figures['new']} new, {figures['failed']} failed, {figures['events']} events, "
                  f"{figures['mentions']} mentions, {figures['seconds']:.0f} s)", flush=True)
    return rows


def new_store(backend: str, work: Path, pg_base: str | None) -> str:
    if backend == "sqlite":
        return str(work / f"{uuid.uuid4().hex[:8]}.db")
    name = "bench_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", pg_base + "postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    return pg_base + name


def time_writer(corpus: Path, work: Path, backends: list[str], pg_base: str | None) -> None:
    """The writer alone, on the corpus extracted beforehand, in ingest's transactions."""
    from hadath.store.ingest import WRITE_BATCH, Ingester, _batches, extract_batch, read_pending

    pending = list(read_pending([str(corpus)], None))
    with multiprocessing.get_context("forkserver").Pool(2) as pool:
        extracted = [item for batch in pool.imap(extract_batch, _batches(pending, 16)) for item in batch]
    for backend in backends:
        writer = Ingester(new_store(backend, work, pg_base)).writer
        wall, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(extracted), WRITE_BATCH):
            writer.write_many(extracted[start : start + WRITE_BATCH])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{backend:10} writer alone: {1000 * wall / len(extracted):.2f} ms per article "
              f"({1000 * cpu / len(extracted):.2f} ms CPU in the writer process), {len(extracted)} articles", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pg", help="a PostgreSQL server URL ending in / (a database per run is created)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--writer", action="store_true", help="time the writer alone on the extracted corpus")
    parser.add_argument("--one", nargs=3, metavar=("CORPUS", "DB", "OPTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], args.one[1], json.loads(args.one[2]))))
        return

    work = Path(tempfile.mkdtemp(prefix="hadath-bench-"))
    corpus = work / "corpus.jsonl"
    compose_corpus(corpus, args.articles)
    print(f"corpus: {args.articles} articles composed from ../shared data ({corpus.stat().st_size / 2**20:.1f} MB)")
    backends = [b for b in ("sqlite", "postgresql") if args.only in (None, b)]
    pg_base, server = args.pg, None
    if "postgresql" in backends and pg_base is None:
        sys.path.insert(0, str(REPO / "tests"))
        import pg  # the test suite's throwaway server

        server = pg.PostgresServer()
        pg_base = server.url
        # Stopped on SIGTERM too (atexit alone runs only on a normal exit).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if args.writer:
            time_writer(corpus, work, backends, pg_base)
            return
        rows = run_all(corpus, work, backends, pg_base)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("| store | extraction | articles/s | speed-up | writes | peak memory |")
    print("| --- | --- | --- | --- | --- | --- |")
    for backend, label, figures in rows:
        base = next(f for b, lab, f in rows if b == backend and lab == "1 worker")
        print(f"| {backend} | {label} | {figures['per_second']:.1f} | {figures['per_second'] / base['per_second']:.2f}x "
              f"| {100 * figures['write_share']:.1f}% | {figures['peak_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
