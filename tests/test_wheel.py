"""The wheel that the browser installs: built from this tree, it holds the compiled catalog
and no YAML, and the package runs from it alone with only the standard library."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (found,) = out.glob("checkups-*.whl")
    return found


def test_contents(wheel: Path) -> None:
    """catalog.json and the JSON Schemas are inside; the YAML sources are not (the browser has no YAML parser)."""
    names = zipfile.ZipFile(wheel).namelist()
    assert "checkups/data/catalog.json" in names
    shipped = sorted(p.name for p in (ROOT / "checkups/schemas").glob("*.schema.json"))
    assert shipped and sorted(n.removeprefix("checkups/schemas/") for n in names if n.endswith(".schema.json")) == shipped
    assert not [n for n in names if n.endswith((".yaml", ".yml"))]
    assert "checkups/rules/contracts.py" in names


def test_runs_from_the_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    """Imported straight from the zipped wheel, the package audits a roster and computes, as Pyodide will run it.

    The interpreter is isolated, with no site packages."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import checkups.audit as a, checkups.calc as c;"
        "assert 'checkups' in a.__file__ and sys.argv[1] in a.__file__, a.__file__;"
        "r = a.audit_roster(b'employee_id,hire_date,contract_signed_date,monthly_wage\\nE1,2025-01-15,,6000\\n', as_of='2025-06-30');"
        "import checkups.schemas as s;"
        "print(r.findings[0].amount, c.annual_leave_days(12), s.load('audit')['$id'])"
    )
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script, str(wheel)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["27000.00", "10", "audit.schema.json"]  # 2025-02-16 .. 06-30: 4 months + 15/30 × 6,000
