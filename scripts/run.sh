#!/usr/bin/env bash
# The main job: set up, then audit the sample roster (Guangzhou, as of 2025-06-30) and
# write the printable HTML report to out/sample-report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/python -m checkups audit samples/roster.csv --as-of 2025-06-30 --region guangzhou --lang zh
.venv/bin/python -m checkups audit samples/roster.csv --as-of 2025-06-30 --region guangzhou --format html -o out/sample-report.html
echo "HTML report: out/sample-report.html"
