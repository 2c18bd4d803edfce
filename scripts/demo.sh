#!/usr/bin/env bash
# Sets up saidwhat and analyzes the example article shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/saidwhat analyze examples/article.txt --published 2024-05-31 --format table
