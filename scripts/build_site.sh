#!/usr/bin/env bash
# Build the whole static site into site/: regenerate the data-driven pages, write the
# .docx downloads and the Atom feed, mkdocs build --strict, then the JupyterLite check-ups
# into site/lite/.  Assumes scripts/setup.sh ran.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" scripts/compile_data.py
"$PY" scripts/gen_pages.py --assets
"$PY" -m mkdocs build --strict --clean --site-dir site
"$PY" scripts/build_lite.py --out site/lite   # the in-browser check-ups (JupyterLite, self-hosted Pyodide)
pages=$(find site -name index.html -not -path 'site/lite/*' -not -path 'site/zh/*' | wc -l)
echo "site built in site/ in ${SECONDS} s: ${pages} pages (Chinese and English), $(find site -type f | wc -l) files, $(du -sh site | cut -f1)"
