"""Shared fixtures.

`nlp` is the full saidwhat pipeline (spaCy sm + our components), loaded once per test session:
loading takes seconds, and saidwhat.load() caches it per process anyway.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    import saidwhat

    return saidwhat.load()
