#!/usr/bin/env bash
# Creates .venv and installs saidwhat with pinned dependencies (constraints.txt). Idempotent.
# Installs with uv (pinned, itself installed by pip): pip's resolver takes ~25 minutes on this
# project's dependency set behind a slow index, uv about 3.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
UV_VERSION=0.13.9
extras=${1:-}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if [ ! -x .venv/bin/uv ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
stamp=".venv/.installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  # --compile-bytecode: this environment sets PYTHONDONTWRITEBYTECODE, so without it every new
  # process compiles its imports again; Ray's agents then start so slowly on 2 busy cores that
  # its raylet gives up waiting for them (~30 s) and aborts.
  .venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python -c constraints.txt -e ".${extras:+[$extras]}"
  touch "$stamp"
fi
