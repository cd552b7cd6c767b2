"""The JupyterLite build (scripts/build_lite.py): self-contained, and it runs the checkups
wheel in a real browser (Debian's chromium via Playwright) without leaving 127.0.0.1."""

from __future__ import annotations

import json
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_lite  # noqa: E402

OUTPUT_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def lite_out(built_site: Path) -> Path:
    """The JupyterLite part of the built site (scripts/build_lite.py, run by the site build)."""
    return built_site / "lite"


def test_no_sourcemaps(lite_out: Path):
    """The JupyterLite build ships no source maps."""
    assert list(lite_out.rglob("*.map")) == []


def test_checkups_wheel_is_served_and_indexed(lite_out: Path):
    """The checkups wheel and the pinned ipywidgets, jupyterlab_widgets and comm wheels are served, checkups indexed."""
    wheels = [p.name for p in (lite_out / "pypi").glob("*.whl")]
    assert any(w.startswith("checkups-") for w in wheels), wheels
    for pin in build_lite.PIPLITE_WHEELS:  # the pins as scripts/build_lite.py writes them
        name = pin.replace("==", "-")
        assert any(w.startswith(name) for w in wheels), (name, wheels)
    index = json.loads((lite_out / "pypi" / "all.json").read_text())
    assert "checkups" in index


def test_pyodide_is_served_locally(lite_out: Path):
    """Pyodide and every wheel of its pruned lock are on the site, and the kernel never falls back to PyPI."""
    pyodide = lite_out / "static" / "pyodide"
    for name in [*build_lite.PYODIDE_CORE, "pyodide-lock.json"]:
        assert (pyodide / name).is_file(), name
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    assert set(build_lite.PYODIDE_ROOTS) | {"parso", "traitlets"} <= set(lock["packages"])  # with jedi's and IPython's depends
    for entry in lock["packages"].values():  # every entry of the pruned lock is a wheel shipped here
        assert (pyodide / entry["file_name"]).is_file(), entry["file_name"]
    settings = json.loads((lite_out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = settings["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert kernel["disablePyPIFallback"] is True


def test_kernel_packages_are_preloaded_from_the_lock(lite_out: Path):
    """Everything the kernel and the check-ups need is in the lock, and jupyter-lite.json preloads it."""
    lock = json.loads((lite_out / "static" / "pyodide" / "pyodide-lock.json").read_text())["packages"]
    settings = json.loads((lite_out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = settings["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    preload = kernel["loadPyodideOptions"]["packages"]
    source = json.loads((ROOT / "lite" / "jupyter-lite.json").read_text())["jupyter-config-data"]
    assert (
        preload == source["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]["loadPyodideOptions"]["packages"]
    )
    assert {"checkups", *map(build_lite.canon, build_lite.PYODIDE_ROOTS)} <= set(preload)
    assert [name for name in preload if name not in lock] == []
    assert lock["ipywidgets"]["depends"] == ["comm", "ipython", "traitlets", "widgetsnbextension"]


def test_startup_modules_are_bytecode(lite_out: Path):
    """What the kernel imports at start ships as .pyc in place of .py; what it does not stays source."""
    import zipfile

    pyodide = lite_out / "static" / "pyodide"
    stdlib = set(zipfile.ZipFile(pyodide / "python_stdlib.zip").namelist())
    assert {"encodings/__init__.pyc", "asyncio/__init__.pyc", "json/decoder.pyc"} <= stdlib
    assert "encodings/__init__.py" not in stdlib and "mailbox.py" in stdlib and "mailbox.pyc" not in stdlib
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())["packages"]
    ipython = set(zipfile.ZipFile(pyodide / lock["ipython"]["file_name"]).namelist())
    assert "IPython/core/interactiveshell.pyc" in ipython and "IPython/core/interactiveshell.py" not in ipython
    checkups = set(zipfile.ZipFile(pyodide / lock["checkups"]["file_name"]).namelist())
    assert {"checkups/ui/__init__.pyc", "checkups/data/catalog.json"} <= checkups


def test_instant_checkups_share_this_pyodide(lite_out: Path, built_site: Path):
    """The instant pages' worker loads this Pyodide and lock, whose wasm is the only copy on the site.

    checkups.instant is bytecode, openpyxl (for .xlsx rosters) is in the lock with its dependency,
    and the worker is on the site."""
    import zipfile

    pyodide = lite_out / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())["packages"]
    assert lock["openpyxl"]["depends"] == ["et-xmlfile"] and "et-xmlfile" in lock
    checkups = set(zipfile.ZipFile(pyodide / lock["checkups"]["file_name"]).namelist())
    assert {"checkups/instant/__init__.pyc", "checkups/instant/messages.pyc"} <= checkups
    for name in ("worker.js", "page.js"):
        assert (built_site / "javascripts" / "instant" / name).is_file(), name
    assert list(built_site.rglob("pyodide.asm.wasm")) == [pyodide / "pyodide.asm.wasm"]  # one copy, shared


def test_no_config_names_the_cdn(lite_out: Path):
    """Config and index files (not the vendored JS bundles, whose defaults the config overrides)."""
    configs = [
        p
        for p in lite_out.rglob("*")
        if p.is_file()
        and (p.suffix == ".html" or p.suffix == ".json")
        and p.relative_to(lite_out).parts[0] not in ("extensions", "build")
    ]
    assert any(p.name == "jupyter-lite.json" for p in configs)
    offenders = [str(p.relative_to(lite_out)) for p in configs if "cdn.jsdelivr" in p.read_text(errors="replace")]
    assert offenders == []


def test_notebooks_converted(lite_out: Path):
    """The notebooks built are the sources, each nbformat 4 with code and the python kernel, indexed."""
    sources = sorted(p.stem for p in (ROOT / "lite" / "notebooks").glob("*.py"))
    assert sources, "no notebook sources in lite/notebooks"
    built = sorted(p.stem for p in (lite_out / "files").glob("*.ipynb"))
    assert built == sources
    for name in built:
        nb = json.loads((lite_out / "files" / f"{name}.ipynb").read_text())
        assert nb["nbformat"] == 4 and any(c["cell_type"] == "code" for c in nb["cells"]), name
        assert nb["metadata"]["kernelspec"]["name"] == "python", name  # opens with the kernel, not "No Kernel"
    index = json.loads((lite_out / "api" / "contents" / "all.json").read_text())
    assert sorted(c["name"] for c in index["content"]) == [f"{n}.ipynb" for n in built]


def test_repl_runs_checkups_in_the_browser(page, site_url, built_site):
    """In app mode the kernel starts with the checkups wheel preloaded and runs it.

    Nothing leaves 127.0.0.1 (the ``page`` fixture asserts that when it closes)."""
    cells = ["import checkups; print('ANNUAL', checkups.calc.annual_leave_days(12))"]
    query = "kernel=python&showBanner=0&hideCodeInput=1&execute=1&" + "&".join(
        "code=" + urllib.parse.quote(c, safe="") for c in cells
    )
    start = time.monotonic()
    page.goto(f"{site_url}lite/repl/index.html?{query}")
    page.wait_for_function("() => document.body && document.body.innerText.includes('ANNUAL 10')", timeout=OUTPUT_TIMEOUT_MS)
    print(f"\nREPL app mode: {time.monotonic() - start:.1f} s from navigation to 'ANNUAL 10' ({len(page.requests)} requests)")
    wheel = json.loads((built_site / "lite" / "static" / "pyodide" / "pyodide-lock.json").read_text())["packages"]["checkups"]
    assert [u for u in page.requests if u.endswith("/" + wheel["file_name"])], "the checkups wheel came from the site"
