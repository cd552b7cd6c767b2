"""The benchmark script runs and prints its figures (a smoke test; the timings are not judged here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_audit_smoke() -> None:
    """On a small synthetic roster the script times every report format, then ends with the audit/parse ratio line."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_audit.py"), "--rows", "2000", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("rows: 2,000") and "audited 2,000" in lines[0]
    assert lines[-1].startswith("audit/parse ratio: ")
    float(lines[-1].split(": ")[1])
    formats = [line.split()[0] for line in lines if line.startswith("  ")]
    assert formats == ["text", "markdown", "html", "json", "csv", "xlsx"]
    for line in lines:
        if line.startswith("  "):
            assert " x its audit " in line and " MB" in line and "peak memory" in line
    assert lines[-2].startswith("reports: slowest ") and "HTML" in lines[-2]
