"""A `saidwhat serve`-like server in a child process on a free loopback port, for the web
benchmark (bench_web.py) and the long API fuzz run (scripts/fuzz_api.py)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(script: str, *args: str, start_seconds: float = 120) -> Iterator[str]:
    """Run `script` (Python source; argv: the port, then `args`) and yield its base URL once
    GET /api/health answers 200; the server is stopped on exit. SystemExit if it never starts."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", script, str(port), *args],
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(15)
