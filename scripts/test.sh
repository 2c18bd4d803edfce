#!/usr/bin/env bash
# Sets up saidwhat with its test extras and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python -m pytest "$@"
