"""Load on the HTTP API: p50/p95/p99 latency and requests/s of the events endpoint and the dyad timeline
at 50 concurrent clients, against `hadath serve` on 127.0.0.1 over a store of >= 100,000 events.

The store is synthesised quickly but from real extractions: the example articles, the shared samples and
news_dev go through the pipeline once; their extracted articles are then copied many times through the
store's writer (`StoreWriter.write`, the same merging as `hadath ingest`) with the parties re-drawn from
25 real actor keys (a few dyads much busier than the rest, as in the news), dates spread over 2015-2025,
and a unique last sentence and URL per copy. Nothing is asserted; figures are printed.

    .venv/bin/python benchmarks/api_load.py [--events 100000] [--clients 50] [--seconds 20]
                                            [--user-seconds 30] [--workers N] [--db benchmarks/out/api_load.db]

The store is kept (benchmarks/out/) and reused when it already holds enough events. The requests are a
fixed, varied set (about 400): /api/events with dyad, actor, period, QuadClass and page filters, and
/api/dyad/{a}/{b}/timeline by week and month over several periods. Three runs, each bounded in time:

  uncached, saturation   the server's response cache is off (HADATH_CACHE_ENTRIES=0: every answer is
                         computed from the store); 50 clients send their next request as soon as the
                         last is answered, for --seconds: the most the server can do, and its queue.
  uncached, 50 users     cache off; each of the 50 clients waits 0.5-1.5 s (uniform) between requests,
                         as locust's users do, for --user-seconds: what 50 people at the dashboard see.
  cached, saturation     the cache on (the default) and filled by one pass over the set; then as the
                         first run: answers come from memory until the store changes.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KEYS = ["IRN", "TUR", "SAU", "ISR", "USA", "RUS", "SYR", "IRQ", "EGY", "QAT", "ARE", "JOR", "LBN", "YEM",
        "PSE", "FRA", "GBR", "CHN", "DEU", "AZE", "PKK", "HAMAS", "HEZBOLLAH", "HOUTHI", "UN"]
BUSY = [("IRN", "TUR"), ("ISR", "PSE"), ("SAU", "IRN"), ("TUR", "PKK"), ("USA", "IRN"), ("ISR", "HAMAS"),
        ("TUR", "SYR"), ("RUS", "TUR")]
OUTLETS = ["aa.com.tr", "irna.ir", "alarabiya.net", "aljazeera.net", "aawsat.com", "alaraby.co.uk", "sana.sy",
           "kurdistan24.net", "almayadeen.net", "rudaw.net", "skynewsarabia.com", "youm7.com"]


def extracted_templates() -> list:
    """Real articles through the real pipeline; those with events are the templates."""
    from hadath import pipeline
    from hadath.read import read_inputs

    paths = [str(REPO / "examples"), str(SHARED / "samples"), str(SHARED / "data" / "news_dev" / "input.jsonl")]
    out = []
    for article in pipeline.run_all(read_inputs([p for p in paths if Path(p).exists()])):
        if article.error is None and article.events:
            out.append(article)
    if not out:
        raise SystemExit("no extracted article has events: is the pipeline (and its NER model) in place?")
    return out


def synthesise(db: str, target_events: int, seed: int = 11) -> None:
    from sqlalchemy import func, select

    from hadath.model import Participant
    from hadath.store import fulltext
    from hadath.store.engine import make_engine, resolve_url
    from hadath.store.migrations import migrate
    from hadath.store.schema import events
    from hadath.store.writer import Extracted, StoreWriter

    url = resolve_url(db)
    engine = make_engine(url, write=True)
    migrate(engine, url)
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(events)).scalar() or 0
    if have >= target_events:
        print(f"store {db}: {have} events already, reused")
        return
    templates = extracted_templates()
    searchable = {id(t): fulltext.search_document(t.title, t.text) for t in templates}
    rng = random.Random(seed)
    writer = StoreWriter(engine, url)
    start, days = date(2015, 1, 1), 11 * 365
    started = time.perf_counter()
    number = have
    written = have
    while written < target_events:
        template = rng.choice(templates)
        article = copy.deepcopy(template)
        tail = f" (نسخة {number})"
        article.text += tail  # a unique text, so a unique article id; offsets before it are unchanged
        outlet = rng.choice(OUTLETS)
        article.url = f"https://www.{outlet}/news/{number}"
        article.source = article.url
        article.published = start + timedelta(days=rng.randrange(days))
        a, b = rng.choice(BUSY) if rng.random() < 0.5 else rng.sample(KEYS, 2)
        for event in article.events:
            first, second = (a, b) if rng.random() < 0.6 else (b, a)
            event.source = Participant(first, first, first, first)
            event.target = Participant(second, second, second, second)
            event.date = (article.published - timedelta(days=rng.randrange(3))).isoformat()
            event.date_precision = "day"
            event.status = "occurred" if rng.random() < 0.8 else rng.choice(["planned", "denied", "hypothetical"])
        search_text = searchable[id(template)] + tail
        result = writer.write(Extracted(article, f"synthetic-{number}", None, None, search_text))
        written += result.events_new
        number += 1
        if number % 2000 == 0:
            rate = (number - have) / (time.perf_counter() - started)
            print(f"  {number} articles, {written} events ({rate:.0f} articles/s)", flush=True)
    print(f"store {db}: {written} events from {number} synthetic articles in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request_mix(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, path) pairs the clients cycle through."""
    mix = []
    periods = [("2016-01", "2016-12"), ("2020", "2021"), ("2023-06", "2024-05"), (None, None), ("2024-01", "2024-03")]
    for a, b in BUSY + [tuple(rng.sample(KEYS, 2)) for _ in range(12)]:
        for start, end in periods:
            period = f"&from={start}&to={end}" if start else ""
            for by in ("week", "month"):
                mix.append(("timeline", f"/api/dyad/{a}/{b}/timeline?by={by}{period}"))
            offset = rng.choice([0, 0, 50, 100])
            mix.append(("events", f"/api/events?dyad={a}-{b}&limit=50&offset={offset}{period}"))
            mix.append(("events", f"/api/events?actor={a}&limit=50{period}&status=actual"))
    for quad in (1, 2, 3, 4):
        mix.append(("events", f"/api/events?quad_class={quad}&limit=50&from=2022&to=2022"))
    mix.append(("events", "/api/events?limit=50"))
    rng.shuffle(mix)
    return mix


async def run_load(
    port: int, clients: int, seconds: float, mix: list[tuple[str, str]], *, think: tuple[float, float] | None = None,
    once: bool = False, seed: int = 3,
) -> dict[str, list[float]]:
    """`clients` keep-alive connections go through `mix` for `seconds`, each pausing a uniform `think`
    interval (seconds) between requests when given; with `once` they share out each request once. A minimal
    HTTP/1.1 client on asyncio streams: on this two-CPU machine httpx's connection pool used more CPU
    than the server it measured (about 120 req/s against 1,000)."""
    latencies: dict[str, list[float]] = {"events": [], "timeline": []}
    errors = 0
    deadline = time.perf_counter() + seconds
    queue = list(mix)
    rng = random.Random(seed)

    async def client(index: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        position = index * 7
        if think:
            await asyncio.sleep(rng.uniform(0, think[1]))  # users arrive spread out, not in one burst
        try:
            while time.perf_counter() < deadline:
                if once:
                    if not queue:
                        return
                    kind, path = queue.pop()
                else:
                    kind, path = mix[position % len(mix)]
                    position += 1
                began = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                await writer.drain()
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.split(b"\r\n")
                length = next(int(line.split(b":", 1)[1]) for line in lines if line.lower().startswith(b"content-length:"))
                await reader.readexactly(length)
                latencies[kind].append(time.perf_counter() - began)
                if b" 200 " not in lines[0]:
                    errors += 1
                if think:
                    await asyncio.sleep(rng.uniform(*think))
        finally:
            writer.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    latencies["_errors"] = [errors]
    return latencies


def start_server(db: str, workers: int | None, cache_entries: int) -> tuple[subprocess.Popen, int, dict]:
    """`hadath serve` on a free port, and /api/stats once it answers."""
    import httpx

    port = free_port()
    env = {**os.environ, "HADATH_TOKEN": "", "HADATH_READ_TOKEN": "", "HADATH_CACHE_ENTRIES": str(cache_entries)}
    command = [sys.executable, "-m", "hadath", "serve", "--db", db, "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for _ in range(150):
        try:
            return server, port, httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=30).json()
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"server did not start: {server.stderr.read() if server.poll() is not None else ''}")


def server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU time (user + system) used so far by the server and its worker processes: per request, a
    figure that other work on the machine does not inflate the way it inflates latency."""
    import psutil

    root = psutil.Process(server.pid)
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each saturation run")
    parser.add_argument("--user-seconds", type=float, default=30.0, help="length of the run with think time")
    parser.add_argument("--workers", type=int, default=None, help="server processes (default: hadath serve's)")
    parser.add_argument("--db", default=str(REPO / "benchmarks" / "out" / "api_load.db"))
    args = parser.parse_args()

    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    synthesise(args.db, args.events)
    mix = request_mix(random.Random(5))
    runs = []

    server, port, stats = start_server(args.db, args.workers, cache_entries=0)
    if args.workers is None:
        from hadath.api.settings import default_workers

        args.workers = default_workers()
    print(f"store: {stats['events']} events, {stats['articles']} articles; {len(mix)} distinct requests; "
          f"{args.clients} clients, {args.workers} server processes, {os.cpu_count()} CPUs")
    try:
        asyncio.run(run_load(port, 4, 60, mix[:40], once=True))  # each process opens its store and pool
        for label, seconds, think in (("uncached, saturation", args.seconds, None),
                                      ("uncached, 50 users (0.5-1.5 s think time)", args.user_seconds, (0.5, 1.5))):
            began, cpu = time.perf_counter(), server_cpu_seconds(server)
            found = asyncio.run(run_load(port, args.clients, seconds, mix, think=think))
            runs.append((label.replace("50 users", f"{args.clients} users"), found, time.perf_counter() - began,
                         server_cpu_seconds(server) - cpu))
    finally:
        stop_server(server)
    server, port, _ = start_server(args.db, args.workers, cache_entries=2048)
    try:
        asyncio.run(run_load(port, args.clients, 600, mix, once=True))  # fills the cache
        began, cpu = time.perf_counter(), server_cpu_seconds(server)
        found = asyncio.run(run_load(port, args.clients, args.seconds, mix))
        runs.append(("cached, saturation", found, time.perf_counter() - began, server_cpu_seconds(server) - cpu))
    finally:
        stop_server(server)

    print("\n| run | endpoint | requests | p50 ms | p95 ms | p99 ms | req/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    errors = 0
    for run, found, seconds, _ in runs:
        errors += found.pop("_errors")[0]
        for kind, label in (("events", "/api/events"), ("timeline", "/api/dyad/{a}/{b}/timeline")):
            print_row(run, label, found[kind], seconds)
    print(f"\n{errors} non-200 responses; load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    for run, found, _, cpu in runs:
        requests = sum(len(values) for values in found.values())
        print(f"{run}: {1000 * cpu / requests:.2f} ms of server CPU per request")


def print_row(run: str, label: str, values: list[float], seconds: float) -> None:
    print(f"| {run} | {label} | {len(values)} | {1000 * statistics.median(values):.1f} | "
          f"{1000 * percentile(values, 0.95):.1f} | {1000 * percentile(values, 0.99):.1f} | {len(values) / seconds:.0f} |")


if __name__ == "__main__":
    main()
