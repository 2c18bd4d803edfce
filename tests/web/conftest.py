"""Fixtures for the web tests: a small store, apps over it, a live server, a headless browser.

The apps analyze in-process (analysis_workers=0) with the pipeline the store was built with,
so that the model is loaded once per test session; one test covers the worker process.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'saidwhat[web]'")

from fastapi.testclient import TestClient  # noqa: E402

from saidwhat.web import create_app  # noqa: E402

from .corpus import build_store  # noqa: E402
from .support import BASE, CHROMIUM, TOKEN, serving  # noqa: E402


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="session")
def app(corpus_db):
    return create_app(corpus_db, analysis_workers=0)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as c:
        yield c


@pytest.fixture
def writable(corpus_db, tmp_path) -> Iterator[TestClient]:
    """A client of a server with --allow-writes over a copy of the store."""
    db = tmp_path / "corpus.db"
    shutil.copy(corpus_db, db)
    with TestClient(create_app(db, allow_writes=True, token=TOKEN, analysis_workers=0), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="session")
def server(app) -> Iterator[str]:
    """The read-only app served by uvicorn on a free loopback port; yields its base URL."""
    with serving(app) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; skips when either is missing."""
    # scripts/test.sh sets SAIDWHAT_REQUIRE_BROWSER=1 where it could install Chromium: there a
    # browser that is missing or does not start fails the tests instead of skipping them.
    required = os.environ.get("SAIDWHAT_REQUIRE_BROWSER") == "1"
    skip = pytest.fail if required else pytest.skip
    if not CHROMIUM.exists():
        skip(f"{CHROMIUM} is missing (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    pw = sync_api.sync_playwright().start()
    try:
        # No background traffic: on a closed network every refused connection costs time.
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
    except Exception as exc:  # noqa: BLE001 - a broken browser install skips, unless required
        pw.stop()
        skip(f"chromium does not start under playwright: {exc}")
    yield chromium
    chromium.close()
    pw.stop()


@pytest.fixture
def page(browser, server):
    """A fresh page that may reach the test server only: any other request is aborted and
    recorded, so a page that needs a CDN (or leaks a request) shows up in `external`; dialogs
    (alert() ...) are dismissed and recorded in `dialogs`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Playwright waits 30 s by default; a CI machine of 2 busy cores has been seen to need more
    # for a first page load. A page that never loads still fails, just later.
    context.set_default_timeout(120_000)
    context.set_default_navigation_timeout(120_000)
    external: list[str] = []

    def only_local(route):
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield SimpleNamespace(page=pg, base=server, external=external, dialogs=dialogs)
    context.close()

