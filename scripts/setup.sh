#!/usr/bin/env bash
# Set up everything on a fresh machine (Debian, Python 3.11, Node 20, root): Debian's
# chromium, a CJK font and poppler for the browser and print tests; axe-core from npm;
# a virtual environment in .venv with the pinned tools and the package (editable).
# Idempotent: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

need_apt=()
# CHROMIUM may name another Chromium-based browser already installed (e.g. on GitHub runners)
if [ -z "${CHROMIUM:-}" ]; then command -v chromium >/dev/null 2>&1 || need_apt+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
"$PY" -c "import ensurepip" >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --no-audit --no-fund --silent
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
