"""`hadath serve [--db URL] [--host 127.0.0.1] [--port 8000] [--workers N]`: the HTTP API (OpenAPI at /docs)
and the Arabic dashboard (at /) over an event store. Settings: hadath.api.settings (HADATH_* variables)."""

from __future__ import annotations

import argparse
import sys

from hadath.commands.export import add_store_argument
from hadath.errors import HadathError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (default HADATH_WORKERS, else one per CPU up to 4)")


def app_from_env():  # type: ignore[no-untyped-def]
    """The app factory uvicorn calls in each worker process (settings come from the environment)."""
    from hadath.api.app import create_app, settle

    app = create_app()
    settle(app)
    return app


def serve(db: str | None, host: str, port: int, workers: int | None = 1, *, announce: bool = True) -> None:
    """Open (or create) the store, print the dashboard's URL, and serve until interrupted."""
    import os
    import socket

    import uvicorn

    from hadath.api.app import open_store
    from hadath.api.settings import Settings
    from hadath.deadline import article_seconds

    article_seconds()  # a bad HADATH_MAX_ARTICLE_SECONDS is one line now, not on the first POST
    settings = Settings.from_env(db=db, workers=workers)
    workers = settings.workers
    if workers < 1:
        raise HadathError(f"--workers must be at least 1, not {workers}")
    store = open_store(settings.db)  # a bad store is a one-line error before the server starts
    os.environ["HADATH_DB"] = store.url  # worker processes read their settings from the environment
    if not 0 <= port <= 65535:
        raise HadathError(f"--port must be between 0 and 65535, not {port}")
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections queue from now on, so the URL printed below already answers
    except OSError as exc:
        raise HadathError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    port = sock.getsockname()[1]
    if announce:
        shown = f"[{host}]" if ":" in host else host
        print(f"Hadath dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; Ctrl-C stops)",
              flush=True)
    config = uvicorn.Config(
        "hadath.commands.serve:app_from_env", factory=True, workers=max(1, workers), log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        config.fd = None
        Multiprocess(config, sockets=[sock]).run()
    else:
        server.run(sockets=[sock])


def run(args: argparse.Namespace) -> int:
    serve(args.db, args.host, args.port, args.workers)
    if sys.stdout.isatty():
        print("stopped")
    return 0
