"""A Ray instance on this machine, started so that a slow machine is less likely to abort it.

ray.init() starts one too, but its raylet aborts when the dashboard agent has not written its
port files within a fixed time (15 s per file, ray-project/ray#65983), and on two busy cores
the agent's imports take longer: ray.init then fails after minutes with "The current node timed
out during startup". Started as `ray start --head --block` with the agent's ports given and their
files written first (ray_start.py), the raylet is spared those waits; the start-up waits that are
settings are raised and the authentication mode is set for both ends (ENVIRONMENT). Used when
--engine ray has no cluster to join, by the tests and the benchmark.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT = {
    # Ray 2.60 turns on token authentication for a new head, and the driver must then send the
    # token: both ends say so explicitly, and share a token made for this instance (_token_env).
    "RAY_AUTH_MODE": "token",
    "RAY_agent_register_timeout_ms": "600000",
    "RAY_raylet_start_wait_time_s": "600",
    "RAY_worker_register_timeout_seconds": "600",
    "RAY_gcs_rpc_server_connect_timeout_s": "600",
    "RAY_gcs_rpc_server_reconnect_timeout_s": "600",
    "RAY_gcs_server_request_timeout_seconds": "600",
}
STARTED = "Ray runtime started."  # what `ray start` prints once the node is up
POLL_SECONDS = 0.5
START_SECONDS = 900  # a start slower than this is stuck


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _token_env() -> dict[str, str]:
    """RAY_AUTH_TOKEN for this instance, unless a token is configured already: `ray start` does not
    make one (only ray.init does), and a fresh machine has no ~/.ray/auth_token."""
    configured = "RAY_AUTH_TOKEN" in os.environ or "RAY_AUTH_TOKEN_PATH" in os.environ
    if configured or (Path.home() / ".ray" / "auth_token").is_file():
        return {}
    return {"RAY_AUTH_TOKEN": secrets.token_hex(32)}


def _die_with_parent() -> None:
    """In the child: have Linux send SIGTERM when the parent dies (even by SIGKILL), so that a
    killed driver does not leave a Ray instance behind; elsewhere nothing."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to `ray start --block`, which stops what it started; its process group if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def local_ray(num_cpus: int | None = None, object_store_memory: int | None = None) -> Iterator[str]:
    """Start a Ray head on this machine; yields its address (str, for ray.init) and stops it at exit.

    num_cpus (int | None): CPUs Ray may schedule (default: every core); object_store_memory
    (int | None): bytes of shared memory for objects (default: Ray's, 30% of the memory).
    Raises RuntimeError with the end of Ray's output when it does not start. Sets ENVIRONMENT in
    this process's environment too (where not set): its driver connects under the same waits.
    """
    for name, value in {**ENVIRONMENT, **_token_env()}.items():
        os.environ.setdefault(name, value)
    if "ray._raylet" in sys.modules:  # Ray read its settings when imported: read them again
        from ray._raylet import AuthenticationTokenLoader, Config

        Config.initialize("")
        AuthenticationTokenLoader.instance().reset_cache()
    port, grpc, listen, export, runtime_env = _free_ports(5)
    command = [
        sys.executable, "-m", "saidwhat.engines.ray_start", "start", "--head", "--block", "--disable-usage-stats",
        "--include-dashboard=false", "--node-ip-address=127.0.0.1", f"--port={port}",
        f"--dashboard-agent-grpc-port={grpc}", f"--dashboard-agent-listen-port={listen}",
        f"--metrics-export-port={export}", f"--runtime-env-agent-port={runtime_env}",
    ]
    if num_cpus is not None:
        command.append(f"--num-cpus={num_cpus}")
    if object_store_memory is not None:
        command.append(f"--object-store-memory={object_store_memory}")
    with tempfile.NamedTemporaryFile("w+", prefix="saidwhat-ray-", suffix=".log") as log:
        # Its own process group: a stop that hangs can end all of it, and nothing else.
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                   preexec_fn=_die_with_parent)
        deadline = time.monotonic() + START_SECONDS
        try:
            while STARTED not in (output := Path(log.name).read_text(errors="replace")):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Ray did not start (exit code {process.poll()}): {output[-2000:]}")
                time.sleep(POLL_SECONDS)
            yield f"127.0.0.1:{port}"
        finally:
            if process.poll() is None:
                _stop(process)
