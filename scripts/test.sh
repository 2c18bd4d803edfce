#!/usr/bin/env bash
# Sets up saidwhat with the extras its tests need (test, web) and runs the test suite, two
# test processes at a time (pytest-xdist; a file's tests stay in one process, so its
# fixtures are built once). SAIDWHAT_TEST_WORKERS=0 runs everything in this process.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,web
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
.venv/bin/python -m pytest -n "${SAIDWHAT_TEST_WORKERS:-2}" --dist loadfile --durations=15 "$@"
