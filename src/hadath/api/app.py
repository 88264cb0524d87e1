"""The HTTP API and the dashboard over an event store.

    from hadath.api.app import create_app
    app = create_app(Settings.from_env(db="hadath.db"))     # what `hadath serve` runs under uvicorn

Every dashboard view is a thin client of one JSON endpoint (its "JSON twin"):
    dyad view     /api/dyad/{a}/{b}/timeline, /api/events?dyad=A-B, /api/brief/{a}/{b}
    event view    /api/events/{id}
    article view  /api/articles/{id}
    network view  /api/network
    map view      /api/locations
    events view   /api/events, /api/timeline, /api/locations (the same filters)
    search view   /api/search
Reads are open unless HADATH_READ_TOKEN is set; POST /api/articles needs HADATH_TOKEN (settings.py).
Bad requests are 4xx with a one-line `error` message; store failures are 503; nothing a client sends
should give a 500.
"""


import contextlib
import functools
import hmac
import json
import logging
import threading
import time
import typing
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

import hadath
from hadath.api import queries
from hadath.api.settings import Settings
from hadath.errors import HadathError

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
KEY = r"^[A-Za-z0-9_]{2,32}$"
DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
TEXT = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL refuses NUL in text)
MAX_EVENT_ID = 2**63 - 1
_ONE_STATUS = "occurred|ongoing|planned|postponed|cancelled|denied|hypothetical"
STATUS_LIST = rf"^(actual|all|({_ONE_STATUS}|actual)(,({_ONE_STATUS}|actual))*)$"
Start = Annotated[str | None, Query(alias="from", pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD")]
End = Annotated[str | None, Query(alias="to", pattern=DAY, description="inclusive: a month or year counts whole")]
ActorKey = Annotated[str, PathParam(pattern=KEY, description="actor key (IRN, TUR, PKK …)")]
Status = Annotated[str, Query(pattern=STATUS_LIST, description=(
    "actual (= occurred or ongoing), all, or one or more of occurred, ongoing, planned, postponed, "
    "cancelled, denied, hypothetical joined by commas"))]
Place = Annotated[str | None, Query(min_length=1, max_length=100, pattern=TEXT,
                                    description="a location's name (Aleppo) or a state's key (SYR)")]
Root = Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root (04, 19)")]
QuadClass = Annotated[int | None, Query(ge=1, le=4)]
Actor = Annotated[str | None, Query(pattern=KEY, description="key or actor code on either side")]
DyadKeys = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_]{2,32}[-,][A-Za-z0-9_]{2,32}$",
                                       description="two keys, either direction: IRN-TUR")]
MinSources = Annotated[int | None, Query(ge=1, le=1_000_000, description="events reported by this many outlets or more")]


class EventFilters:
    """The filters /api/events, /api/locations and /api/timeline share, declared once: FastAPI reads them
    from the query string as one dependency (`filters: Annotated[EventFilters, Depends()]`)."""

    def __init__(
        self,
        start: Start = None,
        end: End = None,
        actor: Actor = None,
        dyad: DyadKeys = None,
        root: Root = None,
        quad_class: QuadClass = None,
        place: Place = None,
        status: Status = "all",
        min_sources: MinSources = None,
    ) -> None:
        self.start, self.end, self.actor, self.dyad = start, end, actor, dyad
        self.root, self.quad_class, self.place, self.status, self.min_sources = root, quad_class, place, status, min_sources

    def query(self, ctx: "Context", **more: Any) -> queries.EventQuery:
        """The checked query (a bad period or an unknown actor is a 4xx); `more`: a route's own filters."""
        _period(self.start, self.end)
        pair = tuple(ctx.check_actor(k, keys_only=True) for k in _dyad(self.dyad)) if self.dyad else None
        actor = ctx.check_actor(self.actor) if self.actor else None
        return queries.EventQuery(start=self.start, end=self.end, actor=actor, dyad=pair,  # type: ignore[arg-type]
                                  root=self.root, quad_class=self.quad_class, place=self.place, status=self.status,
                                  min_sources=self.min_sources, **more)


# 503 and 500 bodies say no more than this: the reason (store URL, driver message, traceback) is logged.
STORE_UNAVAILABLE = "the store cannot answer now; the server's log has the reason"
INTERNAL_ERROR = "internal error; the server's log has the details"


class ApiError(Exception):
    """A request the API refuses: an HTTP status, a one-line message and what else the body says
    (`suggestions` for an unknown actor)."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra


def bad_request(message: str) -> ApiError:
    return ApiError(422, message)


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def raw_key(scope: Scope) -> str:
    """A GET request's path and query string exactly as sent: what the front door looks up (an alias)."""
    return scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")


def _route_params(route: Any) -> tuple[dict[str, bool], dict[str, bool]]:
    """The route's path and query parameters by name (query: by alias), each with whether it is a number;
    worked out once per route and kept on it (routes are not hashable)."""
    found = route.__dict__.get("_hadath_params")
    if found is None:
        def numeric(field: Any) -> bool:
            annotation = field.field_info.annotation
            return annotation is int or int in typing.get_args(annotation)

        path_params, query_params = [], []
        dependants = [route.dependant]
        while dependants:  # the route's own parameters and those of its dependencies (EventFilters)
            dependant = dependants.pop()
            path_params.extend(dependant.path_params)
            query_params.extend(dependant.query_params)
            dependants.extend(dependant.dependencies)
        found = ({f.alias: numeric(f) for f in path_params},
                 {f.alias: numeric(f) for f in sorted(query_params, key=lambda f: f.alias)})
        route._hadath_params = found
    return found


def canonical_key(scope: Scope) -> str:
    """A validated request's cache key: its route with the parameters it declares, by name, numbers
    written plainly ("limit=050" is limit=50); a parameter it does not declare is no part of it, so
    `?junk=1`, `?junk=2` … are one entry. Called once FastAPI has validated the parameters."""
    route = scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return raw_key(scope)
    path_kinds, query_kinds = _route_params(route)

    def plain(value: str, numeric: bool) -> str:
        if numeric:
            with contextlib.suppress(ValueError):  # "" for an optional number is its default
                return str(int(value))
        return value

    path = route.path_format.format(**{name: plain(str(value), path_kinds.get(name, False))
                                       for name, value in scope.get("path_params", {}).items()})
    params = QueryParams(scope.get("query_string", b""))
    query = [(name, plain(params.getlist(name)[-1], numeric)) for name, numeric in query_kinds.items() if name in params]
    return path + "?" + urlencode(query)


class Front:
    """Plain ASGI in front of the app (cheaper than Starlette's BaseHTTPMiddleware on every request):
    refuses bodies over `limit` bytes by Content-Length, answers GET /api requests already in the
    response cache without routing them again, redirects a route's path with a trailing slash to the
    route by a relative Location (Starlette's own redirect names the request's Host header, which a
    client chooses), and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, limit: int, context: Any, router: Any) -> None:
        self.app = app
        self.limit = limit
        self.context = context
        self.router = router

    def _slash_redirect(self, scope: Scope) -> str | None:
        """The relative URL without the trailing slash, when that is a route's path; else None."""
        path = scope["path"]
        if len(path) < 2 or not path.endswith("/") or path.startswith("//"):
            return None
        bare = {**scope, "path": path.rstrip("/")}
        if not bare["path"] or not any(route.matches(bare)[0] == Match.FULL for route in self.router.routes):
            return None
        raw = (scope.get("raw_path") or path.encode("utf-8")).decode("latin-1")
        location = raw.rstrip("/")
        if location == raw:  # the slash was written "%2F": a path value, and redirecting would loop
            return None
        query = scope.get("query_string", b"").decode("latin-1")
        return location + ("?" + query if query else "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = -1
                if size < 0 or size > self.limit:
                    message = (f"the request body is larger than the limit of {self.limit} bytes (HADATH_MAX_BODY)"
                               if size > 0 else "the Content-Length header is not a size")
                    response = JSONResponse({"error": message}, status_code=413 if size > 0 else 400)
                    await response(scope, receive, send_with_headers)
                    return
        if (location := self._slash_redirect(scope)) is not None:
            await Response(status_code=307, headers={"location": location})(scope, receive, send_with_headers)
            return
        if scope["method"] == "GET" and scope["path"].startswith("/api/") and self.context.settings.read_token is None:
            try:
                body = self.context.cache.peek(raw_key(scope))
            except HadathError:
                body = None  # the store is failing: the route answers (503, the reason logged)
            if body is not None:
                await Response(body, media_type="application/json")(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)


class ResponseCache:
    """Serialised read responses by canonical key (canonical_key), dropped whenever the store changes
    (checked every `check_seconds` at most, and at once after a write through the API).

    Bounded twice: at most `entries` responses, and at most `max_bytes` of responses and keys together
    (a response over an eighth of that is not kept). The front door finds a response by the request as
    sent through `aliases` (raw key -> canonical key, short raw keys only, counted in the same bytes),
    so that a repeated request is answered without routing it again."""

    OVERHEAD = 160  # bytes an entry costs beyond its key and body (dict slots, the bytes objects)
    ALIAS_CHARS = 2048  # a longer request line is not remembered as an alias

    def __init__(self, entries: int, check_seconds: float, version: Callable[[], Any],
                 max_bytes: int = 64_000_000) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.check_seconds = check_seconds
        self.version = version
        self.items: OrderedDict[str, bytes] = OrderedDict()
        self.aliases: OrderedDict[str, str] = OrderedDict()
        self.size = 0  # bytes held, keys and bodies, by the OVERHEAD estimate
        self.lock = threading.Lock()
        self.seen_version: Any = None
        self.checked_at = 0.0

    @property
    def enabled(self) -> bool:
        return self.entries > 0 and self.max_bytes > 0

    def clear(self) -> None:
        with self.lock:
            self._clear()
            self.checked_at = 0.0

    def _clear(self) -> None:
        self.items.clear()
        self.aliases.clear()
        self.size = 0

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self.checked_at < self.check_seconds:
            return
        current = self.version()
        with self.lock:
            if current != self.seen_version:
                self._clear()
                self.seen_version = current
            self.checked_at = now

    def current_version(self) -> Any:
        """The store's data version, asked of the store at most every `check_seconds` (also without a cache:
        the actor keys the routes check against are kept by it)."""
        self._fresh()
        return self.seen_version

    def peek(self, raw: str) -> bytes | None:
        """The cached response for a request as sent (an alias of a canonical key), if the store has not
        changed since; never computes."""
        if not self.enabled:
            return None
        self._fresh()
        with self.lock:
            key = self.aliases.get(raw, raw)  # a request sent in its canonical form is its own key
            body = self.items.get(key)
            if body is not None:
                self.items.move_to_end(key)
                if key is not raw:
                    self.aliases.move_to_end(raw)
            return body

    def get(self, key: str, compute: Callable[[], Any], alias: str | None = None) -> bytes:
        """The response under canonical `key`, computed and kept when missing; `alias` (the request as
        sent) is remembered as another name for it."""
        if not self.enabled:
            return encode(compute())
        self._fresh()
        with self.lock:
            body = self.items.get(key)
            if body is not None:
                self.items.move_to_end(key)
                self._alias(alias, key)
                return body
        body = encode(compute())
        cost = len(key) + len(body) + self.OVERHEAD
        if cost > self.max_bytes // 8:
            return body
        with self.lock:
            if key not in self.items:
                self.items[key] = body
                self.size += cost
            self._alias(alias, key)
            self._shrink()
        return body

    def _alias(self, alias: str | None, key: str) -> None:
        if alias is None or alias == key or len(alias) > self.ALIAS_CHARS or alias in self.aliases:
            return
        self.aliases[alias] = key
        self.size += len(alias) + len(key) + self.OVERHEAD
        self._shrink()

    def _shrink(self) -> None:
        """Oldest aliases first (they only save routing), then oldest responses, until both bounds hold."""
        while self.aliases and (len(self.aliases) > self.entries or self.size > self.max_bytes):
            alias, key = self.aliases.popitem(last=False)
            self.size -= len(alias) + len(key) + self.OVERHEAD
        while self.items and (len(self.items) > self.entries or self.size > self.max_bytes):
            key, body = self.items.popitem(last=False)
            self.size -= len(key) + len(body) + self.OVERHEAD


def encode(data: Any) -> bytes:
    """JSON bytes; dates as ISO strings. Rows go in as the database gave them: a NaN (PostgreSQL can
    store one) is rare enough to pay for a second pass that turns it into null."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_value)
    except ValueError:
        text = json.dumps(_plain_deep(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          default=_json_value)
    return text.encode("utf-8")


def _json_value(value: Any) -> Any:
    """What json cannot write itself (dates, Decimals, numpy scalars) as what it can."""
    converted = queries.plain(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return converted


def _plain_deep(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _plain_deep(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain_deep(v) for v in data]
    return queries.plain(data)


class Context:
    """What the routes share: settings, the store (opened on first use), the cache, the writer."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Any = None
        self._writer: Any = None
        self.open_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.cache = ResponseCache(settings.cache_entries, settings.cache_check_seconds, self._version,
                                   max_bytes=settings.cache_bytes)
        self._keys: tuple[Any, tuple[set[str], set[str]]] | None = None

    @property
    def store(self) -> Any:
        if self._store is None:
            with self.open_lock:
                if self._store is None:
                    self._store = open_store(self.settings.db)
        return self._store

    def _version(self) -> Any:
        return queries.data_version(self.store)

    def writer(self) -> Any:
        if self._writer is None:
            from hadath.store.engine import check_integrity, make_engine
            from hadath.store.writer import StoreWriter

            engine = make_engine(self.store.url, write=True)
            check_integrity(engine, self.store.url)
            self._writer = StoreWriter(engine, self.store.url)
        return self._writer

    def known_keys(self) -> tuple[set[str], set[str]]:
        version = self.cache.current_version()
        if self._keys is None or self._keys[0] != version:
            self._keys = (version, queries.known_keys(self.store))
        return self._keys[1]

    def check_actor(self, key: str, *, status: int = 422, keys_only: bool = False) -> str:
        """`key` in upper case when some event has it as a key (or, unless `keys_only`, as an actor code);
        else a 404 or 422 whose body names the nearest known ones (`suggestions`)."""
        from hadath.actors.suggest import UnknownActor, check_actor_code

        keys, codes = self.known_keys()
        upper = key.strip().upper()
        if upper in keys or (not keys_only and upper in codes):
            return upper
        try:
            return check_actor_code(key, keys if keys_only else keys | codes,
                                    where=": no event in the store has it (see /api/actors)")
        except UnknownActor as exc:
            raise ApiError(status, str(exc), suggestions=exc.suggestions) from None


def open_store(db: str | None) -> Any:
    """The store at `db`, created empty (schema only) when there is none yet, so that a new server can
    be filled through POST /api/articles."""
    from sqlalchemy import event

    from hadath.store import Store
    from hadath.store.engine import is_sqlite, make_engine, resolve_url
    from hadath.store.migrations import migrate

    url = resolve_url(db)
    try:
        store = Store(url)
    except HadathError as exc:
        if "no Hadath store" not in str(exc):
            raise
        migrate(make_engine(url, write=True), url)
        store = Store(url)
    if is_sqlite(store.engine):
        event.listen(store.engine, "connect", _read_pragmas)
        store.engine.dispose()  # the connection opened to check the schema reconnects with them
    return store


def _read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """A server's read connections (pooled, several per worker) keep more of the store in memory:
    64 MB of page cache each instead of SQLite's 2 MB, and the file mapped rather than read page by page."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA cache_size = -65536")
    cursor.execute("PRAGMA mmap_size = 268435456")
    cursor.close()


def settle(app: FastAPI) -> None:
    """Before a server process takes requests: open the store, load the label tables the routes use,
    and move everything made so far out of the garbage collector's sight (gc.freeze), so that a
    collection during a request walks what that request made, not the whole process (it was 50-100 ms)."""
    import gc

    from hadath.brief.language import actor_label, cameo_label

    context = app.state.context
    context.store  # noqa: B018  (opens it)
    actor_label("IRN", "ar"), cameo_label("010", "en")
    gc.collect()
    gc.freeze()


def _period(start: str | None, end: str | None) -> None:
    try:
        queries.check_period(start, end)
    except HadathError as exc:
        raise bad_request(str(exc)) from None


def _dyad(value: str) -> tuple[str, str]:
    for sep in ("-", ","):
        if sep in value:
            a, b = value.split(sep, 1)
            return a, b
    raise bad_request(f"dyad must be two actor keys joined by '-' (IRN-TUR), not {value!r}")


def _words(q: str) -> None:
    from hadath.store.fulltext import search_words

    if not search_words(q):
        raise bad_request(f"the text query {q!r} has no words to search for")


@functools.lru_cache(maxsize=4096)
def _cameo_names(code: str) -> dict[str, str]:
    """{"en": …, "ar": …}; one dict per code, shared by every row that has it (rows are only serialised)."""
    from hadath.brief.language import cameo_label

    return {"en": cameo_label(code, "en"), "ar": cameo_label(code, "ar")}


@functools.lru_cache(maxsize=4096)
def _actor_names(code: str) -> dict[str, str]:
    from hadath.brief.language import actor_label

    return {"ar": actor_label(code, "ar"), "en": actor_label(code, "en")}


def _with_names(row: dict[str, Any]) -> dict[str, Any]:
    """An event or mention row with its CAMEO names; event ids as strings (64-bit: JavaScript numbers
    would round them)."""
    row["cameo_name"] = _cameo_names(row["cameo"])
    for side in ("source", "target"):
        code = row.get(f"{side}_actor") or row.get(f"{side}_key")
        row[f"{side}_label"] = _actor_names(code) if code else None
    return _string_ids(row)


def _titled(row: dict[str, Any], text: str | None) -> dict[str, Any]:
    """An article row with a title: its own, else the first line of its text (`title_from`: "text")."""
    if not row.get("title"):
        from hadath.text.headline import fallback_title

        row["title"] = fallback_title(text)
        row["title_from"] = "text" if row["title"] else None
    return row


def _string_ids(row: dict[str, Any]) -> dict[str, Any]:
    for name in ("id", "event_id"):
        if isinstance(row.get(name), int):
            row[name] = str(row[name])
    return row


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application for `settings` (default: from the environment)."""
    settings = settings or Settings.from_env()
    ctx = Context(settings)
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        # Reads are Python-bound: a few threads per process take requests in turn, where anyio's default
        # of 40 would share the GIL among every request in flight and finish them all late together.
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield

    app = FastAPI(
        title="Hadath",
        version=hadath.__dict__.get("__version__", "0.1.0"),
        description="Arabic political event data: events, dyads, actor networks, full-text search and briefs.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = ctx
    app.router.redirect_slashes = False  # Front redirects, without naming the Host
    app.add_middleware(Front, limit=settings.max_body, context=ctx, router=app.router)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message, **exc.extra}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return JSONResponse({"error": "; ".join(problems)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(HadathError)
    async def store_error(request: Request, exc: HadathError) -> JSONResponse:
        # Parameters are checked before the store is asked; what is left is the store failing. Its
        # message names the store (user, host, database) and the driver's words: for the log only.
        log.warning("store error on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"error": STORE_UNAVAILABLE}, status_code=503)

    def _bearer(request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None

    def _matches(given: str | None, expected: str | None) -> bool:
        return bool(given and expected and hmac.compare_digest(given.encode(), expected.encode()))

    async def can_read(request: Request) -> None:  # async: no IO, so no hop to the thread pool per request
        if settings.read_token is None:
            return
        given = _bearer(request)
        if not (_matches(given, settings.read_token) or _matches(given, settings.token)):
            raise ApiError(401, "reading needs a Bearer token (HADATH_READ_TOKEN is set)")

    async def can_write(request: Request) -> None:
        if settings.token is None:
            raise ApiError(403, "writing is switched off: start the server with HADATH_TOKEN set")
        if not _matches(_bearer(request), settings.token):
            raise ApiError(401, f"{request.method} {request.url.path} needs the header 'Authorization: Bearer <HADATH_TOKEN>'")

    def cached(request: Request, compute: Callable[[], Any]) -> Response:
        key = canonical_key(request.scope)
        return Response(ctx.cache.get(key, compute, alias=raw_key(request.scope)), media_type="application/json")

    Limit = Annotated[int, Query(ge=1, le=settings.max_page, description=f"page size, at most {settings.max_page}")]
    Offset = Annotated[int, Query(ge=0, le=10_000_000)]
    read = [Depends(can_read)]

    @app.get("/api/events", dependencies=read, tags=["events"])
    def list_events(
        request: Request,
        filters: Annotated[EventFilters, Depends()],
        limit: Limit = settings.default_page,
        offset: Offset = 0,
        source: Annotated[str | None, Query(pattern=KEY)] = None,
        target: Annotated[str | None, Query(pattern=KEY)] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code (042)")] = None,
        q: Annotated[str | None, Query(min_length=1, max_length=200, pattern=TEXT, description="words in the reports")] = None,
        min_mentions: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
        sort: Literal["date", "-date", "-mentions", "goldstein", "-goldstein"] = "-date",
    ) -> Response:
        """Merged events, newest first by default, with the CAMEO name in English and Arabic."""
        source, target = (ctx.check_actor(k) if k else None for k in (source, target))
        if q:
            _words(q)
        query = filters.query(ctx, source=source, target=target, cameo=cameo, q=q, min_mentions=min_mentions)

        def compute() -> dict[str, Any]:
            rows, total = queries.event_page(ctx.store, query, limit=limit, offset=offset, sort=sort)
            return {"total": total, "limit": limit, "offset": offset, "items": [_with_names(r) for r in rows]}

        return cached(request, compute)

    @app.get("/api/events/{event_id}", dependencies=read, tags=["events"])
    def one_event(request: Request, event_id: Annotated[int, PathParam(ge=0, le=MAX_EVENT_ID)]) -> Response:
        """One event with its mentions: each report's outlet, date, sentence and trigger offsets."""

        def compute() -> dict[str, Any]:
            found = ctx.store.event(event_id)
            if found is None:
                raise ApiError(404, f"no event {event_id}")
            mentions = queries.frame_rows(found["mentions"])
            texts = _article_texts(ctx.store, {m["article_id"] for m in mentions})
            for m in mentions:
                m.update(_context(texts.get(m["article_id"]), m))
                _titled(m, texts.get(m["article_id"]))
                _string_ids(m)
            return {"event": _with_names(queries.plain_rows([found["event"]])[0]), "mentions": mentions}

        return cached(request, compute)

    @app.get("/api/articles/{article_id}", dependencies=read, tags=["articles"])
    def one_article(
        request: Request, article_id: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9-]{1,64}$")]
    ) -> Response:
        """An article's cleaned text with its entities and events (offsets into the text)."""

        def compute() -> dict[str, Any]:
            found = ctx.store.article(article_id)
            if found is None:
                raise ApiError(404, f"no article {article_id!r}")
            out = {k: queries.plain(v) for k, v in found.items()
                   if k not in ("entities", "mentions", "copies", "search_text", "input_json")}
            _titled(out, out.get("text"))
            out["entities"] = queries.frame_rows(found["entities"])
            out["events"] = [_with_names(m) for m in queries.article_mentions(ctx.store, article_id)]
            out["copies"] = queries.frame_rows(found["copies"])
            return out

        return cached(request, compute)

    @app.get("/api/actors", dependencies=read, tags=["actors"])
    def list_actors(
        request: Request,
        q: Annotated[str | None, Query(max_length=100, pattern=TEXT, description="part of a key or name")] = None,
        limit: Limit = settings.default_page,
        offset: Offset = 0,
    ) -> Response:
        """Actor keys with their number of events, busiest first, and their Arabic and English names."""
        from hadath.brief.language import actor_label

        def compute() -> dict[str, Any]:
            rows, total = queries.actor_list(ctx.store, q, limit=limit, offset=offset)
            for row in rows:
                # A state or group is named by its own name, not by a name stored with one of its events
                # (IRN is "Iran", not the person whose mention carried the key).
                english = actor_label(row["key"], "en")
                row["name"] = row["name_en"] = english if english != row["key"] else row["name"]
                row["name_ar"] = actor_label(row["key"], "ar")
            return {"total": total, "limit": limit, "offset": offset, "items": rows}

        return cached(request, compute)

    @app.get("/api/actors/{key}", dependencies=read, tags=["actors"])
    def one_actor(
        request: Request,
        key: ActorKey,
        start: Start = None,
        end: End = None,
        status: Status = "actual",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> Response:
        """An actor's page: its names, how many events it takes part in, and its partners (counterparts
        with events in each direction, by QuadClass, mean Goldstein), busiest first; of `status` (by
        default what happened). Its timeline is /api/timeline?actor=KEY, its events /api/events?actor=KEY."""
        from hadath.brief.language import actor_label

        _period(start, end)
        key = ctx.check_actor(key, status=404, keys_only=True)

        def compute() -> dict[str, Any]:
            partners = queries.frame_rows(ctx.store.actor_summary(key, start, end, limit=limit, status=status))
            for row in partners:
                other = row["counterpart"]
                row["name_ar"] = actor_label(other, "ar") if other != "-" else None
                row["name_en"] = actor_label(other, "en") if other != "-" else None
            total = ctx.store.count_events(start=start, end=end, actor=key, status=status)
            return {"key": key, "name_ar": actor_label(key, "ar"), "name_en": actor_label(key, "en"),
                    "from": start, "to": end, "status": status, "events": total, "partners": partners}

        return cached(request, compute)

    @app.get("/api/dyad/{a}/{b}/timeline", dependencies=read, tags=["dyads"])
    def dyad_timeline(
        request: Request,
        a: ActorKey,
        b: ActorKey,
        start: Start = None,
        end: End = None,
        by: Literal["day", "week", "month", "year"] = "month",
        status: Status = "actual",
    ) -> Response:
        """Events between two actors per period (either direction): counts by QuadClass, Goldstein mean."""
        _period(start, end)
        a, b = ctx.check_actor(a, status=404, keys_only=True), ctx.check_actor(b, status=404, keys_only=True)

        def compute() -> dict[str, Any]:
            series = queries.dyad_series(ctx.store, a, b, start, end, by=by, status=status)
            return {"a": a, "b": b, "by": by, "from": start, "to": end, "status": status, "series": series}

        return cached(request, compute)

    @app.get("/api/network", dependencies=read, tags=["actors"])
    def network(
        request: Request,
        start: Start = None,
        end: End = None,
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        limit: Annotated[int, Query(ge=1, le=2000)] = 300,
        status: Status = "actual",
    ) -> Response:
        """Who acts on whom: directed edges with event counts and mean Goldstein; nodes with totals
        (events that happened unless `status` says otherwise, as every count)."""
        _period(start, end)
        from hadath.brief.language import actor_label

        def compute() -> dict[str, Any]:
            edges = queries.frame_rows(ctx.store.network(start, end, min_events=min_events, limit=limit, status=status))
            totals: dict[str, int] = {}
            for edge in edges:
                for side in ("source_key", "target_key"):
                    totals[edge[side]] = totals.get(edge[side], 0) + edge["events"]
            nodes = [{"key": k, "events": n, "name_ar": actor_label(k, "ar"), "name_en": actor_label(k, "en")}
                     for k, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
            return {"from": start, "to": end, "nodes": nodes, "edges": edges}

        return cached(request, compute)

    @app.get("/api/locations", dependencies=read, tags=["events"])
    def event_locations(
        request: Request,
        filters: Annotated[EventFilters, Depends()],
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> Response:
        """Where events happened (those with coordinates): each point with its name, precision (place,
        region, country), number of events, mean Goldstein and the ids of its newest events."""
        query = filters.query(ctx)
        return cached(request, lambda: {"items": queries.locations(ctx.store, query, limit=limit)})

    @app.get("/api/timeline", dependencies=read, tags=["events"])
    def timeline(
        request: Request,
        filters: Annotated[EventFilters, Depends()],
        by: Literal["day", "week", "month", "year"] = "month",
    ) -> Response:
        """Events matching the filters of /api/events per period, every period from the first to the last
        kept (zeros included): counts by QuadClass and the mean Goldstein score."""
        query = filters.query(ctx)

        def compute() -> dict[str, Any]:
            return {"by": by, "series": queries.filtered_series(ctx.store, query, by=by)}

        return cached(request, compute)

    @app.get("/api/search", dependencies=read, tags=["search"])
    def search(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT, description="Arabic words, all required")],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Offset = 0,
    ) -> Response:
        """Articles holding every word (normalised: alef forms, hamza seats, ta marbuta, diacritics,
        clitics) and the events reported in them."""
        _words(q)

        def compute() -> dict[str, Any]:
            found = queries.frame_rows(ctx.store.search(q, limit=limit, offset=offset))
            texts = _article_texts(ctx.store, {row["id"] for row in found if not row.get("title")})
            for row in found:
                row.pop("rank", None)
                _titled(row, texts.get(row["id"]))
            rows, total = queries.event_page(ctx.store, queries.EventQuery(q=q), limit=limit, offset=0, sort="-mentions")
            return {"q": q, "limit": limit, "offset": offset, "articles": found,
                    "events": {"total": total, "items": [_with_names(r) for r in rows]}}

        return cached(request, compute)

    @app.get("/api/brief/{a}/{b}", dependencies=read, tags=["dyads"])
    def brief(
        request: Request,
        a: ActorKey,
        b: ActorKey,
        start: Annotated[str, Query(alias="from", pattern=DAY)],
        end: Annotated[str, Query(alias="to", pattern=DAY)],
        lang: Literal["ar", "en"] = "ar",
    ) -> Response:
        """The brief (الحدث / الرأي / الخلاصة) as data, Markdown and HTML: sentences cite numbered notes, each
        the articles that reported its events (outlet, date, link) and the events' ids (as text)."""
        from hadath.brief import build_brief, to_html, to_markdown

        _period(start, end)
        a, b = ctx.check_actor(a, status=404, keys_only=True), ctx.check_actor(b, status=404, keys_only=True)
        if a == b:
            raise bad_request("a brief is about two different actors")

        def compute() -> dict[str, Any]:
            made = build_brief(ctx.store, a, b, start, end, lang)
            data = made.to_json()
            return {**data, "markdown": to_markdown(made, "#/event/{id}"),
                    "html": to_html(made, "#/event/{id}", standalone=False)}

        return cached(request, compute)

    @app.get("/api/stats", dependencies=read, tags=["store"])
    def stats(request: Request) -> Response:
        """Counts over the whole store."""
        return cached(request, lambda: {k: queries.plain(v) for k, v in ctx.store.stats().items() if k != "store"})

    @app.get("/api/sources", dependencies=read, tags=["store"])
    def sources(request: Request) -> Response:
        """What `hadath watch` has done, per outlet: feeds and how many fail, last success, pages stored,
        articles and events stored today (UTC), errors today and the last one (as `hadath watch --status`)."""
        from datetime import UTC, datetime

        from sqlalchemy import inspect

        from hadath.watch.status import outlet_status

        def compute() -> dict[str, Any]:
            # A store the watcher never ran on, opened read-only below migration 8, has no watch tables.
            if not inspect(ctx.store.engine).has_table("watch_feeds"):
                return {"day": datetime.now(UTC).date().isoformat(), "items": []}
            return {"day": datetime.now(UTC).date().isoformat(), "items": outlet_status(ctx.store.engine)}

        return cached(request, compute)

    @app.get("/api/cameo", dependencies=read, tags=["store"])
    def cameo_codes(request: Request) -> Response:
        """CAMEO codes with their English and Arabic names, QuadClass and Goldstein score."""
        from hadath.events.cameo import load_cameo

        def compute() -> dict[str, Any]:
            return {"items": [{"code": c.code, "quad_class": c.quad_class, "goldstein": c.goldstein,
                               "name": _cameo_names(c.code)} for c in load_cameo().values()]}

        return cached(request, compute)

    @app.post(
        "/api/articles",
        dependencies=[Depends(can_write)],
        tags=["articles"],
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"oneOf": [
                    {"$ref": "#/components/schemas/ArticleIn"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}, "maxItems": settings.max_batch},
                ]}}},
            }
        },
    )
    async def post_articles(request: Request) -> JSONResponse:
        """Extract one article (or a list) with the pipeline and store it; needs the write token.
        Each result says new, duplicate or failed (with the error); a bad article does not stop a batch."""
        from hadath import bounded_json
        from hadath.read import json_error

        body = await _read_body(request, settings.max_body)
        try:
            data = bounded_json.loads(body)
        except UnicodeDecodeError:
            raise bad_request("the request body is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"the request body is not valid JSON: {json_error(exc)} at line {exc.lineno} "
                                f"column {exc.colno}") from None
        except bounded_json.TooDeep as exc:
            raise ApiError(400, f"the request body is not valid JSON: {exc}") from None
        records = data if isinstance(data, list) else [data]
        if not records:
            raise bad_request("no articles in the request")
        if len(records) > settings.max_batch:
            raise ApiError(413, f"{len(records)} articles in one request; at most {settings.max_batch} (HADATH_MAX_BATCH)")
        for number, record in enumerate(records, 1):
            _check_record(record, number)
        from starlette.concurrency import run_in_threadpool

        results = await run_in_threadpool(_store_articles, ctx, records)
        return JSONResponse({"results": results}, status_code=201)

    @app.get("/api/alerts", dependencies=read, tags=["alerts"])
    def list_alerts(
        limit: Limit = settings.default_page,
        offset: Offset = 0,
        rule: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")] = None,
    ) -> Response:
        """Alerts raised by the rules, newest first: the rule, the event as it now is, and delivery to the
        rule's webhook (delivered, pending, retrying with the last error, or none without a webhook).
        Not cached: delivery changes it without changing any event."""
        from hadath.store.alerts import alert_rows

        with ctx.store.engine.connect() as conn:
            if not _has_alerts(conn):
                return Response(encode({"total": 0, "limit": limit, "offset": offset, "items": []}),
                                media_type="application/json")
            rows, total = alert_rows(conn, limit=limit, offset=offset, rule=rule)
        items = [_with_names(row) if row["event_present"] else _string_ids(row) for row in rows]
        return Response(encode({"total": total, "limit": limit, "offset": offset, "items": items}),
                        media_type="application/json")

    @app.get("/api/alerts/rules", dependencies=read, tags=["alerts"])
    def list_alert_rules() -> Response:
        """The alert rules (from a rules file or made through this API), by name; webhooks need the
        write token to see, since a webhook URL may carry a secret."""
        from hadath.store.alerts import load_rules

        with ctx.store.engine.connect() as conn:
            rules = [rule.as_dict() for rule in load_rules(conn)] if _has_alerts(conn) else []
        for rule in rules:
            rule["webhook"] = bool(rule["webhook"])
        return Response(encode({"items": rules}), media_type="application/json")

    @app.post("/api/alerts/rules", dependencies=[Depends(can_write)], tags=["alerts"], status_code=201,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "type": "object", "required": ["name"], "properties": {
                      "name": {"type": "string"}, "dyad": {"type": "array", "items": {"type": "string"}},
                      "directed": {"type": "boolean"}, "actor": {"type": "string"},
                      "roots": {"type": "array", "items": {"type": "string"}},
                      "quad_class": {"type": "array", "items": {"type": "integer"}},
                      "statuses": {"type": "array", "items": {"type": "string"}},
                      "goldstein_min": {"type": "number"}, "goldstein_max": {"type": "number"},
                      "min_sources": {"type": "integer"}, "webhook": {"type": "string"}}}}}}})
    async def add_alert_rule(request: Request) -> JSONResponse:
        """Add or replace a rule (by name); needs the write token. It is checked on events new or changed
        from now on; an event already announced by a rule of this name is not announced again."""
        from hadath import bounded_json
        from hadath.alerts.rules import RuleError, parse_rule
        from hadath.store.alerts import save_rule

        body = await _read_body(request, settings.max_body)
        try:
            data = bounded_json.loads(body)
        except (UnicodeDecodeError, ValueError, bounded_json.TooDeep):
            raise bad_request("the request body is not a JSON object") from None
        if not isinstance(data, dict):
            raise bad_request("the request body is not a JSON object")
        try:
            rule = parse_rule(data.get("name"), {k: v for k, v in data.items() if k != "name"})
        except RuleError as exc:
            raise ApiError(422, str(exc)) from None

        def save() -> None:
            with ctx.write_lock, ctx.writer().engine.begin() as conn:
                save_rule(conn, rule, "api")

        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(save)
        return JSONResponse({"rule": rule.as_dict()}, status_code=201)

    @app.delete("/api/alerts/rules/{name}", dependencies=[Depends(can_write)], tags=["alerts"], status_code=204)
    def delete_alert_rule(name: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")]) -> Response:
        """Remove a rule; the alerts it raised stay. Needs the write token."""
        from hadath.store.alerts import delete_rule

        with ctx.write_lock, ctx.writer().engine.begin() as conn:
            if not delete_rule(conn, name):
                raise ApiError(404, f"no alert rule {name}")
        return Response(status_code=204)

    app.openapi_schema = None
    _original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = _original_openapi()
            schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = ARTICLE_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": INTERNAL_ERROR}, status_code=500)

    return app


ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "the article text (or give html)"},
        "html": {"type": "string", "description": "a web page; title, date and body are taken from its markup"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "source": {"type": "string"},
        "published": {"type": "string", "description": "YYYY-MM-DD"},
    },
    "additionalProperties": False,
}
FIELDS = set(ARTICLE_SCHEMA["properties"])


def _check_record(record: Any, number: int) -> None:
    if not isinstance(record, dict):
        raise bad_request(f"article {number}: not a JSON object")
    unknown = sorted(set(record) - FIELDS)
    if unknown:
        raise bad_request(f"article {number}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(FIELDS))}")
    for name, value in record.items():
        if value is not None and not isinstance(value, str):
            raise bad_request(f"article {number}: {name} must be a string")
    if not (record.get("text") or "").strip() and not (record.get("html") or "").strip():
        raise bad_request(f"article {number}: give a non-empty text or html")


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` (a chunked body has no Content-Length)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the request body is larger than the limit of {limit} bytes (HADATH_MAX_BODY)")
        chunks.append(chunk)
    return b"".join(chunks)


def _store_articles(ctx: Context, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Extract and write each record; one result per record, in order."""
    from hadath.read import article_from_record
    from hadath.store.ingest import Pending, extract, input_hash

    results = []
    for number, record in enumerate(records, 1):
        where = record.get("source") or record.get("url") or f"api:{number}"
        article = article_from_record({k: v for k, v in record.items() if v is not None}, where, number)
        extracted = extract(Pending(article, input_hash(article)))
        with ctx.write_lock:
            outcome = ctx.writer().write(extracted)
        results.append({
            "source": extracted.article.source, "id": outcome.article_id, "outcome": outcome.outcome,
            "events_new": outcome.events_new, "mentions": outcome.mentions, "error": extracted.article.error,
        })
    ctx.cache.clear()
    return results


def _has_alerts(conn: Any) -> bool:
    """A store on read-only media, read without migrating, may predate the alert tables."""
    from sqlalchemy import inspect

    return inspect(conn).has_table("alerts")


def _article_texts(store: Any, ids: set[str]) -> dict[str, str]:
    from sqlalchemy import select

    from hadath.store.schema import articles

    if not ids:
        return {}
    with store.engine.connect() as conn:
        return dict(conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids))).all())


CONTEXT_CHARS = 280


def _context(text: str | None, mention: dict[str, Any]) -> dict[str, Any]:
    """The text around a mention's sentence, and the trigger's offsets inside the sentence."""
    start, end = mention.get("sentence_start"), mention.get("sentence_end")
    if text is None or start is None or end is None:
        return {"context_before": None, "context_after": None, "trigger_in_sentence": None}
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    t_start, t_end = mention.get("trigger_start"), mention.get("trigger_end")
    inside = None
    if t_start is not None and t_end is not None and start <= t_start <= t_end <= end:
        inside = [t_start - start, t_end - start]
    return {"context_before": before, "context_after": after, "trigger_in_sentence": inside}
