"""Property-based fuzzing of the HTTP API, on a real SQLite store and a real PostgreSQL one, with a real
write token. Whatever a client sends, the answer is never a 5xx, and no error names the store.

- From the API's own OpenAPI schema (schemathesis 4 strategies driven by hypothesis): valid and invalid
  parameters, path values and bodies for every operation.
- Over every GET route's parameters (test_no_parameter_value_gets_a_server_error): each declared
  parameter, and undeclared ones, drawn from values chosen to break things (a tatweel or diacritic
  alone, LIKE wildcards, quotes and backslashes, tsquery and FTS5 syntax, NUL, bidi controls, dates
  at the calendar's ends, numbers past 64 bits) and from arbitrary text.

(schemathesis' own pytest plugin fails on this pytest version, so the operations' strategies are
driven with hypothesis directly.)"""

from __future__ import annotations

import uuid
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.store.ingest import Ingester
from pg import postgres  # noqa: F401  (the session's PostgreSQL server, a fixture)
from store_corpus import CORPUS, write_jsonl

TOKEN = "fuzz-token"
EXAMPLES = 25  # per operation, mode and store
PARAMETER_EXAMPLES = 250  # requests over the GET routes' parameters, per store


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def api_app(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        db = str(folder / "store.db")
    else:
        db = request.getfixturevalue("postgres").new_database("fuzz_" + uuid.uuid4().hex[:12])
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    # A small body limit so that generated bodies also exercise the 413 path.
    return create_app(Settings(db=db, token=TOKEN, max_body=4000, max_batch=3))


@pytest.fixture(scope="module")
def api_schema(api_app):
    return schemathesis.openapi.from_asgi("/openapi.json", api_app)


def takes_input(operation) -> bool:
    raw = operation.definition.raw
    return bool(raw.get("parameters") or raw.get("requestBody"))


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_request_gets_a_server_error(api_schema, mode):
    found = operations(api_schema)
    assert {op.path for op in found} >= {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/brief/{a}/{b}"}
    seen = []
    for operation in found:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
            response = case.call(headers=headers)
            seen.append(response.status_code)
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: {response.text[:300]}"
            )

        try:
            check()
        except Unsatisfiable:
            # An operation with no parameters and no body has no invalid form to send.
            if mode == GenerationMode.POSITIVE or takes_input(operation):
                raise
    assert len(seen) >= len(found) * 5  # the strategies really ran


# Values chosen to break a parameter's handling, and the keys of the corpus (so that routes get past
# their actor checks).
HOSTILE = [
    "ـ", "ـً", "ـ ـ", "ً", "%", "_", "%%", "\\", "'", "''", '"', "(", ")", "&", "|", "!", ":*", "<->", "*", "-",
    "NEAR(", "AND", "' OR '1'='1", "تركيا", "وتركيا", "إيران", "تركيا'", "\u202eTUR", "TUR\u200f", "\x00", "%00",
    "\ud800", "\ufffd", "a" * 300, "ب" * 250, "IRN", "TUR", "PKK", "irn", "XYZ", "IRN-TUR", "IRN,TUR", "TUR-TUR",
    "2024", "2024-01", "2024-01-24", "2024-13", "2024-02-30", "0001-01-01", "9999-12-31", "0000", "10000-01-01",
    "-1", "0", "1", "500", "501", "9" * 25, "1e3", "0x10", " 1", "1 ", "", " ", "null", "true", "[]", "{}",
    "javascript:alert(1)", "../../etc/passwd", "%2e%2e%2f", "day", "week", "month", "year", "-date", "goldstein",
    "actual", "all", "planned", "ar", "en",
]
VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                   st.integers(min_value=-(10**20), max_value=10**20).map(str))
PATH_VALUES = st.one_of(st.sampled_from(["IRN", "TUR", "PKK", "XYZ", "ـ", "%", "..", "a" * 80, "0", "-1", "9" * 25]),
                        st.text(min_size=1, max_size=20))


def get_routes(app) -> list:
    return [r for r in app.routes if getattr(r, "dependant", None) is not None and "GET" in getattr(r, "methods", ())
            and r.path.startswith("/api/")]


@st.composite
def get_requests(draw, routes):
    route = draw(st.sampled_from(routes))
    path = route.path_format
    for field in route.dependant.path_params:
        value = draw(PATH_VALUES).replace("\x00", "")
        path = path.replace("{" + field.alias + "}", quote(value, safe="") or "x")
    names = [field.alias for field in route.dependant.query_params]
    chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    params = [(name, draw(VALUES)) for name in chosen]
    params += draw(st.lists(st.tuples(st.sampled_from(["junk", "_", "q[]", "limit ", "from"]), VALUES), max_size=2))
    return path, params


@pytest.mark.slow
def test_no_parameter_value_gets_a_server_error(api_app):
    client = TestClient(api_app, raise_server_exceptions=False)
    routes = get_routes(api_app)
    assert {r.path for r in routes} >= {"/api/events", "/api/search", "/api/actors", "/api/brief/{a}/{b}"}
    statuses = []

    @given(request=get_requests(routes))
    @settings(max_examples=PARAMETER_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(request) -> None:
        path, params = request
        params = [(name, value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")) for name, value in params]
        response = client.get(path, params=params)
        statuses.append(response.status_code)
        assert response.status_code < 500, f"GET {path} {params} -> {response.status_code}: {response.text[:300]}"
        if response.status_code >= 400:
            error = response.json()["error"]
            assert "postgresql" not in error and "sqlite:" not in error and "Traceback" not in error

    check()
    assert len(statuses) >= PARAMETER_EXAMPLES // 2 and 200 in statuses  # it ran, and reached the routes
