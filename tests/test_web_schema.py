"""The workbench's JSON API checked against its own OpenAPI schema with schemathesis: generated
requests to every GET endpoint, run in-process against the ASGI app over a store built from texts
written for the tests (tests/webstore.py), including a hostile capture."""
from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

warnings.filterwarnings("ignore", category=DeprecationWarning)
schemathesis = pytest.importorskip("schemathesis")

from garante.present.web import create_app  # noqa: E402

import webstore  # noqa: E402


def _app():
    path = str(Path(tempfile.mkdtemp(prefix="garante-schema-")) / "s.db")
    webstore.build_store(path, hostile=True)
    # schemathesis's in-process client sends Host: testserver
    return create_app(path, token="schema-token", allowed_hosts=("localhost", "testserver"))


# writes are covered by tests/test_web_api.py (a generated write would change the store under the
# other examples); the exports stream every document and are checked there too
schema = schemathesis.openapi.from_asgi("/openapi.json", _app()).include(method="GET").exclude(
    path_regex=r"^/api/export/")


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_get_endpoints_conform_to_the_schema(case):
    case.call_and_validate()


def test_schema_lists_every_api_endpoint():
    paths = set(_app().openapi()["paths"])
    assert {"/api/overview", "/api/documents/{doc_id}", "/api/actors/{actor_id}", "/api/issues/{issue_id}",
            "/api/matrix", "/api/evidence", "/api/search", "/api/changes", "/api/corrections/speaker",
            "/api/corrections/stance", "/api/corrections/merge", "/api/upload",
            "/api/export/documents.jsonl", "/api/export/positions.json", "/api/export/positions.csv"} <= paths
