"""Schemathesis against the app's own OpenAPI schema: generated requests, valid and invalid,
to every operation; no response may be a 500 or disagree with the schema.

Bounded for CI: the JSON API's operations, their boundary cases and a few generated examples
each, against the app served on a loopback port. scripts/fuzz_api.py runs every operation,
pages included, against a live server with many more cases.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (test extra)")

from saidwhat.web import create_app  # noqa: E402

from .support import TOKEN, serving  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("SAIDWHAT_SCHEMA_EXAMPLES", "8"))


def _schema_only_app():
    """An app over a new, empty store, only to read the OpenAPI schema at collection time
    (the schema does not depend on the store; the corpus needs the model, built later)."""
    folder = tempfile.mkdtemp(prefix="saidwhat-schema-")
    atexit.register(shutil.rmtree, folder, True)
    return create_app(Path(folder) / "empty.db", allow_writes=True, token=TOKEN, analysis_workers=0)


# Loaded at import, since parametrize() makes one test per operation at collection
# (schemathesis.pytest.from_fixture, the lazy way, does not work with pytest 9's nodes).
# The JSON API only, to stay within CI's time; the pages are fuzzed by scripts/fuzz_api.py.
schema = schemathesis.openapi.from_dict(_schema_only_app().openapi()).include(tag="api")


@pytest.fixture(scope="module")
def live(corpus_db, tmp_path_factory) -> Iterator[str]:
    """A live server over a copy of the test corpus, writes allowed so that POST /api/articles
    is exercised past its token check. Loopback HTTP rather than schemathesis' ASGI client,
    which starts the app's lifespan and an event loop for every request (ten times slower)."""
    db = tmp_path_factory.mktemp("schema") / "corpus.db"
    shutil.copy(corpus_db, db)
    with serving(create_app(db, allow_writes=True, token=TOKEN, analysis_workers=0)) as base:
        yield base


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, live):
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.path == "/api/articles" else None
    case.call_and_validate(base_url=live, headers=headers)
