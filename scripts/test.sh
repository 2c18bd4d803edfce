#!/usr/bin/env bash
# Sets up saidwhat with the extras its tests need (test, web, ray, learned) and runs the test suite, two
# test processes at a time (pytest-xdist; a file's tests stay in one process, so its
# fixtures are built once). SAIDWHAT_TEST_WORKERS=0 runs everything in this process.
# Without arguments the local Ray tests (-m ray) run last, each in the time left of
# SAIDWHAT_TEST_SECONDS (default 1620: CI allows 30 minutes, and a stopped run may take 60 s more to end); arguments go to one pytest run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,web,ray,learned
# The browser tests (tests/web) drive Debian's Chromium, never a browser build downloaded by
# `playwright install`. Installed when missing and when we may (root with apt-get); elsewhere,
# or if apt fails, those tests skip with the reason.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the browser tests (apt-get)" >&2
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >/dev/null 2>&1 \
    || echo "warning: chromium could not be installed; the browser tests will skip" >&2
fi
if [ -x /usr/bin/chromium ]; then export SAIDWHAT_REQUIRE_BROWSER=1; fi
echo "set-up took ${SECONDS} s" >&2
# --durations: the slowest tests are named in every run, to keep the suite inside its time.
pytest=(.venv/bin/python -m pytest -n "${SAIDWHAT_TEST_WORKERS:-2}" --dist loadfile --durations=15)
if [ $# -gt 0 ]; then exec "${pytest[@]}" "$@"; fi
"${pytest[@]}" -m "not ray"
# A Ray instance takes both cores for a minute or two on a quiet machine, but on a starved one
# its start-up alone has taken many minutes: it gets what is left of the budget. A run cut off
# there says so loudly; a failure inside the time fails the suite.
left=$(( ${SAIDWHAT_TEST_SECONDS:-1620} - SECONDS ))
if [ "$left" -lt 180 ]; then
  echo "WARNING: the Ray tests did not run: ${left} s left of the test budget" >&2
  exit 0
fi
status=0
timeout --signal=INT --kill-after=60 "$left" .venv/bin/python -m pytest --durations=5 -m ray || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "WARNING: the Ray tests were stopped at the test budget (${left} s); they did not finish" >&2
  exit 0
fi
exit "$status"
