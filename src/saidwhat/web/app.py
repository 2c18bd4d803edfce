"""The app factory: `create_app(db_path, allow_writes, token)` wires the store, the analyzer,
the routers, static files, offline API docs, error pages and the protective middleware."""
from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Match

from .. import __version__, settings
from . import api, pages
from .analysis import Analyzer
from .db import Store
from .middleware import BodySizeLimit, SecurityHeaders

# A request body: one text at settings.MAX_TEXT_CHARS is ~1 MB of ASCII and up to 4 MB of
# other scripts in UTF-8; past this, a request is refused before it is read (413).
MAX_BODY_BYTES = 4 * 2**20
# Host names a server on the loopback interface answers to: a web page elsewhere that gets
# its own name resolved to 127.0.0.1 (DNS rebinding) sends its own Host and is refused.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

DOCS_PATH = "/docs"
DOCS_ASSETS = "/static/docs"


def _docs_assets() -> str | None:
    """The folder of Swagger UI's files shipped by fastapi-offline, or None if not installed."""
    try:
        return str(resources.files("fastapi_offline").joinpath("static"))
    except ModuleNotFoundError:
        return None


def create_app(
    db_path: str | Path,
    allow_writes: bool = False,
    token: str | None = None,
    *,
    model: str = settings.DEFAULT_MODEL,
    analysis_seconds: float | None = settings.MAX_SECONDS_PER_DOC,
    analysis_workers: int = 1,
    max_body_bytes: int = MAX_BODY_BYTES,
    allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS,
    warm: bool = False,
) -> FastAPI:
    """The web app over the store at `db_path` (str | Path), the only file it opens.

    allow_writes (bool): accept POST /api/articles, which then needs `token` (str; compared in
    constant time). model (str), analysis_seconds (float | None: CPU time per document, the
    batch engine's limit by default), analysis_workers (int): the analysis processes.
    max_body_bytes (int): larger request bodies get 413. allowed_hosts (Sequence[str] | None):
    Host header values served (None: any, for a server bound to a public address). warm
    (bool): start the analysis process with the server rather than on the first analysis.
    Raises StoreError when the file is not a store (or, read-only, does not exist), and
    ValueError when writes are allowed without a token.
    """
    if allow_writes and not token:
        raise ValueError("allow_writes needs a token")
    store = Store(db_path, writable=allow_writes)
    analyzer = Analyzer(model=model, seconds=analysis_seconds, workers=analysis_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            analyzer.warm()
        yield
        analyzer.close()
        store.close()

    assets = _docs_assets()
    app = FastAPI(
        title="saidwhat", version=__version__, lifespan=lifespan, redoc_url=None,
        # FastAPI's own /docs loads Swagger UI from a CDN: ours serves fastapi-offline's copy.
        docs_url=None,
        description="Who said what, when: search the statements of a corpus store, look up speakers and "
                    "articles, analyze texts. Read-only unless the server was started with --allow-writes.",
    )
    app.state.store = store
    app.state.analyzer = analyzer
    app.state.allow_writes = allow_writes
    app.state.token = token or ""
    app.state.docs = assets is not None

    app.include_router(api.router)
    app.include_router(pages.router)
    # Mounts match by prefix in order: the docs assets' folder (/static/docs) before /static.
    if assets is not None:
        app.mount(DOCS_ASSETS, StaticFiles(directory=assets), name="docs-assets")

        @app.get(DOCS_PATH, include_in_schema=False)
        def docs(request: Request):
            return pages.render(request, "docs.html", assets=DOCS_ASSETS, openapi_url=app.openapi_url)
    app.mount("/static", StaticFiles(directory=pages.static_dir()), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 405:
            exc.headers = {**(exc.headers or {}), "Allow": _allowed_methods(request)}
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return pages.render(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                            detail=str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        detail = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return pages.render(request, "error.html", status_code=422, status=422, detail=detail)

    # Outermost last: hosts are checked first, then the body limit, and every response
    # (errors included) gets the security headers.
    app.add_middleware(BodySizeLimit, limit=max_body_bytes)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders, docs_path=DOCS_PATH)
    return app


def _allowed_methods(request: Request) -> str:
    """Every method some route takes at this path: Starlette's 405 names only the first route's
    (GET /analyze), where a path can have one route per method (POST /analyze)."""
    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches(request.scope)
        if match is not Match.NONE and getattr(route, "methods", None):
            methods |= route.methods
    return ", ".join(sorted(methods))


def _wants_json(request: Request) -> bool:
    """API paths answer errors in JSON; pages answer with an HTML page."""
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path.startswith("/static")
