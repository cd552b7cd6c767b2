#!/usr/bin/env bash
# Set up, then run every check: the catalog and the generated pages are fresh, lint and
# format, and the whole test suite (unit, scenario cases, CLI, built site, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python scripts/compile_data.py --check
.venv/bin/python scripts/gen_pages.py --check
.venv/bin/ruff check checkups scripts tests lite/notebooks
.venv/bin/ruff format --check checkups scripts tests lite/notebooks
.venv/bin/python -m pytest "$@"
