"""`ray start`, with the dashboard agent's port files written before the raylet waits for them.

Run as `python -m saidwhat.engines.ray_start start --head ... --dashboard-agent-grpc-port=N ...`
by ray_local.local_ray. The raylet reads each agent port from a file the agent writes once it
is up, and aborts when a file is missing after 15 s, whatever the ports given (ray-project/ray
#65983): on two busy cores the agent's imports alone take longer. The ports here are fixed on
the command line, so their files can be written first: the raylet then starts, and the agent
writes the same values when it is ready. A port left to Ray (0) is left to the agent.
"""
from __future__ import annotations

import functools
import inspect

import ray._private.services as services
from ray._raylet import (
    DASHBOARD_AGENT_LISTEN_PORT_NAME,
    METRICS_AGENT_PORT_NAME,
    METRICS_EXPORT_PORT_NAME,
    RUNTIME_ENV_AGENT_PORT_NAME,
    persist_port,
)

# start_raylet's keyword -> the port file the raylet waits for
PORT_FILES = {
    "metrics_agent_port": METRICS_AGENT_PORT_NAME,
    "metrics_export_port": METRICS_EXPORT_PORT_NAME,
    "dashboard_agent_listen_port": DASHBOARD_AGENT_LISTEN_PORT_NAME,
    "runtime_env_agent_port": RUNTIME_ENV_AGENT_PORT_NAME,
}


def _persisting_ports(start_raylet):
    signature = inspect.signature(start_raylet)

    @functools.wraps(start_raylet)
    def start(*args, **kwargs):
        given = signature.bind(*args, **kwargs).arguments
        for keyword, name in PORT_FILES.items():
            if given.get(keyword):
                persist_port(given["session_dir"], given["node_id"], name, given[keyword])
        return start_raylet(*args, **kwargs)

    return start


def main() -> None:
    services.start_raylet = _persisting_ports(services.start_raylet)
    from ray.scripts.scripts import main as ray_main

    ray_main()


if __name__ == "__main__":
    main()
