"""Property-based fuzzing of the HTTP API from its own OpenAPI schema (schemathesis 4 strategies driven
by hypothesis): valid and invalid parameters, path values and bodies for every operation, against a
real SQLite store and with a real write token. Whatever a client sends, the answer is never a 5xx.

(schemathesis' own pytest plugin fails on this pytest version, so the operations' strategies are
driven with hypothesis directly.)"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.store.ingest import Ingester
from store_corpus import CORPUS, write_jsonl

TOKEN = "fuzz-token"
EXAMPLES = 40  # per operation and mode


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db = str(folder / "store.db")
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    # A small body limit so that generated bodies also exercise the 413 path.
    app = create_app(Settings(db=db, token=TOKEN, max_body=4000, max_batch=3))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


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
