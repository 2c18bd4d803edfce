"""Shared fixtures.

`nlp` is the full saidwhat pipeline (spaCy sm + our components), loaded once per test session:
loading takes seconds, and saidwhat.load() caches it per process anyway.
"""
from __future__ import annotations

import pytest

# schemathesis' xdist hook imports its HTML report writer at the end of the session. Import it
# now instead: once, late in a run, CPython 3.11.7 failed to compile it ("SystemError: AST
# constructor recursion depth mismatch", a CPython bug fixed in later releases) and the whole
# run failed after every test had passed.
try:
    import schemathesis.reporting.html.writer  # noqa: F401
except ImportError:  # the web extra is not installed: its tests skip
    pass


@pytest.fixture(scope="session")
def nlp():
    import saidwhat

    return saidwhat.load()


def pytest_collection_modifyitems(items):
    """Give every test a node id of its own, and refuse a collection where two share one.

    pytest-xdist schedules tests by node id: tests that share one run once and are counted
    once. schemathesis' parametrize() names its tests by operation
    ("test_x[GET /api/health]"), but under pytest 9 that label stays out of the node id
    (it comes from a callspec, which schemathesis does not give).
    """
    for item in items:
        label = getattr(item, "operation_label", None)
        if label and item._id.params is None:
            item._id = item._id.with_params(label)
    seen: set[str] = set()
    repeated = sorted({item.nodeid for item in items if item.nodeid in seen or seen.add(item.nodeid)})
    if repeated:
        raise pytest.UsageError(f"tests that share a node id run once under pytest-xdist: {repeated}")
