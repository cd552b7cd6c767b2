"""Benchmark the portfolio audit: N client rosters of 50 employees, ``portfolio --jobs J``.

Writes the rosters with the roster maker of ``scripts/bench_audit.py`` (a different seed
per client), then times ``python -m checkups portfolio DIR --as-of 2025-06-30 --jobs J
--format json`` as a separate process (what an agency runs), and prints the seconds, the
clients per second and the check that the JSON names every file.  Target for 1,000
rosters with ``--jobs 2``: <= 30 s; the 10,000 run shows how the time grows.

    python scripts/bench_portfolio.py [--clients 1000,10000] [--employees 50] [--jobs 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_audit import AS_OF, HEADER, synthetic_rows

ROOT = Path(__file__).resolve().parents[1]


def make_folder(folder: Path, clients: int, employees: int) -> None:
    """``clients`` rosters of ``employees`` rows each, client k seeded with k."""
    for k in range(clients):
        with (folder / f"client-{k:05d}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(HEADER)
            writer.writerows(synthetic_rows(employees, seed=k))


def run(folder: Path, jobs: int) -> tuple[float, dict]:
    """Seconds for one ``portfolio`` process, and its JSON."""
    out = folder.parent / f"{folder.name}.json"
    cmd = [sys.executable, "-m", "checkups", "portfolio", str(folder), "--as-of", AS_OF.isoformat(), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "--format", "json", "-o", str(out)], check=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    return seconds, json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1000,10000", help="comma-separated numbers of rosters (default %(default)s)")
    parser.add_argument("--employees", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"{'clients':>8} {'employees':>10} {'jobs':>4} {'seconds':>8} {'clients/s':>9}  all files named")
    for n in (int(x) for x in args.clients.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "rosters"
            folder.mkdir()
            make_folder(folder, n, args.employees)
            seconds, doc = run(folder, args.jobs)
            named = len(doc["clients"]) == n and doc["totals"]["audited"] + doc["totals"]["failed"] == n
            rows_ok = all(c["rows"] == c["audited"] + c["rejected"] for c in doc["clients"] if c["status"] == "audited")
            print(
                f"{n:>8} {doc['totals']['employees']:>10} {args.jobs:>4} {seconds:>8.1f} {n / seconds:>9.1f}  {named and rows_ok}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
