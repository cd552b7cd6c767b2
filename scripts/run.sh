#!/usr/bin/env bash
# The main job: set up, build the whole site into site/ and serve it on
# http://127.0.0.1:8000/ (PORT and BASE change the port and the sub-path).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build_site.sh
exec .venv/bin/python scripts/serve.py --dir site --port "${PORT:-8000}" --base "${BASE:-/}"
