"""`saidwhat serve`: the web pages and JSON API over a store (needs the `web` extra)."""
from __future__ import annotations

import ipaddress
import secrets
from typing import Optional

import typer

from . import app
from .store import DB_OPTION

TOKEN_ENV = "SAIDWHAT_TOKEN"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback only by default)"),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on"),
    allow_writes: bool = typer.Option(False, "--allow-writes", help="Accept POST /api/articles (with the token)"),
    token: Optional[str] = typer.Option(
        None, envvar=TOKEN_ENV, show_envvar=True,
        help="Token for writes (Authorization: Bearer TOKEN); one is made up and printed if not given",
    ),
    model: str = typer.Option("sm", help="spaCy model for /analyze: sm, md (if installed) or a package name"),
) -> None:
    """Search, speaker and article pages, an analyze form and a JSON API (/docs) over the store."""
    try:
        import uvicorn

        from ..web import create_app
        from ..web.db import StoreError
    except ImportError as exc:
        typer.echo(f"`saidwhat serve` needs the web extra: pip install 'saidwhat[web]' ({exc})", err=True)
        raise typer.Exit(code=2)
    if allow_writes and not token:
        token = secrets.token_urlsafe(24)
        typer.echo(f"write token (Authorization: Bearer ...): {token}", err=True)
    loopback = _is_loopback(host)
    if not loopback:
        typer.echo(f"warning: listening on {host}, beyond this machine; the server has no TLS", err=True)
    try:
        web_app = create_app(db, allow_writes=allow_writes, token=token, model=model, warm=True,
                             allowed_hosts=["127.0.0.1", "localhost", "::1", "[::1]", host] if loopback else None)
    except StoreError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2)
    typer.echo(f"saidwhat: http://{host}:{port}/  ({'writes allowed' if allow_writes else 'read-only'}; "
               f"API docs at /docs)", err=True)
    # No proxy headers: the server is meant to be reached directly; no Server header.
    uvicorn.run(web_app, host=host, port=port, proxy_headers=False, server_header=False, log_level="info",
                timeout_keep_alive=5, limit_concurrency=256)
