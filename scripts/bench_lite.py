"""Benchmark the in-browser check-up against a stock JupyterLite notebook (not a test).

Serves a copy of the built ``site/`` on 127.0.0.1, counting the bytes the server sends,
and measures in Debian's chromium (Playwright), on a cold profile and then warm (same
profile, second visit), the seconds from navigation to the interactive form and to the
first result, and the bytes transferred, for:

- the check-up: the calculators in app mode, at the address the site's check-up page links;
- the baseline, built here: a stock JupyterLite notebook (the notebooks app) that does
  ``%pip install ipywidgets`` and shows one widget, on the self-hosted build that
  ../shared/notes/offline-jupyterlite.md records: the npm Pyodide core and the PyPI wheels
  as they are, and the kernel's default settings (``build_lite.build_pyodide(optimise=False)``);
- for reference, the same stock notebook on this site's own Pyodide files (the wheels and
  stdlib compiled at start-up, the kernel's packages in the lock) but with the kernel's
  default settings: what the site's Pyodide build alone is worth.

    python scripts/bench_lite.py [--site site] [--runs 3]

Prints the medians and the check-up/baseline ratios (target <= 0.8).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
BASE = "/kit/"
STOCK = "bench-stock.ipynb"
CHECKUP = "check-up (app mode)"
BASELINE = "stock notebook"
REFERENCE = "stock nb, site Pyodide"
KERNEL = "@jupyterlite/pyodide-kernel-extension:kernel"


class Counter(http.server.SimpleHTTPRequestHandler):
    sent = 0
    lock = threading.Lock()

    def translate_path(self, path: str) -> str:
        path = path[len(BASE) - 1 :] if path.startswith(BASE) else "/__outside__"
        return super().translate_path(path)

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        with Counter.lock:
            Counter.sent += len(data)

    def log_message(self, *args) -> None:
        pass


def built_site(site: str, script: str) -> Path | None:
    """The built site at ``site``, or None (``script`` says so on stderr) when it has no lite/."""
    if (Path(site) / "lite" / "static" / "pyodide" / "pyodide.mjs").exists():
        return Path(site)
    print(f"{script}: no built site with lite/: run bash scripts/build_site.sh", file=sys.stderr)
    return None


def stock_lite(site: Path, name: str, stock_pyodide: bool) -> Path:
    """``site/<name>``: a copy of the lite build with the kernel's default settings and the
    baseline notebook; with ``stock_pyodide``, also the stock self-hosted Pyodide files."""
    lite = site / name
    shutil.copytree(site / "lite", lite)
    cfg_path = lite / "jupyter-lite.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["jupyter-config-data"]["litePluginSettings"][KERNEL].pop("loadPyodideOptions", None)
    cfg["jupyter-config-data"]["faviconUrl"] = "./lab/favicon.ico"  # the build's default
    cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
    if stock_pyodide:
        import build_lite

        build_lite.build_pyodide(build_lite.ensure_venv(), out=lite / "static" / "pyodide", optimise=False)
    stock_notebook(lite)
    return lite


def launcher_url(site: Path, page: str) -> str:
    """The address of the check-up's app mode (the page's link into lite/repl/), from the site root."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    src = re.search(r'href="([^"]*lite/repl/[^"]+)"', html).group(1).replace("&amp;", "&")
    return re.sub(r"^(\.\./)+", "", src)


def stock_notebook(lite: Path) -> None:
    """Add the baseline notebook to a copy of the lite build (files + contents index)."""
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": "%pip install ipywidgets"},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "import ipywidgets as w\nw.IntSlider(description='stock')",
        },
    ]
    nb = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(nb)
    (lite / "files" / STOCK).write_text(text, encoding="utf-8")
    index_path = lite / "api" / "contents" / "all.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")
    index["content"].append(
        {**index["content"][0], "name": STOCK, "path": STOCK, "size": len(text), "created": now, "last_modified": now}
    )
    index_path.write_text(json.dumps(index), encoding="utf-8")


def measure(context, url: str, ready: str, result) -> tuple[float, float, int]:
    """Seconds to the form, seconds to the first result, bytes served meanwhile."""
    page = context.new_page()
    before = Counter.sent
    start = time.monotonic()
    page.goto(url)
    page.wait_for_selector(ready, timeout=300_000)
    form = time.monotonic() - start
    result(page)
    first = time.monotonic() - start
    sent = Counter.sent - before
    page.close()
    return form, first, sent


def checkup_result(page) -> None:
    inputs = page.locator("input[type=text]:not([list]):visible")
    for i, value in enumerate(["6000", "2022-01-01", "2024-12-31", "13704", "2500"]):
        inputs.nth(i).fill(value)
    page.get_by_role("button", name="Compute").first.click()
    page.get_by_text("Amount: 18,000.00").wait_for(timeout=120_000)


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not (Path(args.site) / "lite" / "repl" / "index.html").exists():
        print("bench_lite: no built site with lite/: run bash scripts/build_site.sh", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        stock_lite(site, "lite-stock", stock_pyodide=True)
        stock_lite(site, "lite-stock-site-pyodide", stock_pyodide=False)
        handler = lambda *a, **k: Counter(*a, directory=str(site), **k)  # noqa: E731
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        root = f"http://127.0.0.1:{server.server_address[1]}{BASE}"
        app = root + launcher_url(site, "check-up/calculators")
        slider = ".widget-slider, .jupyter-widget-slider, .widget-hslider"
        cases = {
            CHECKUP: (app, ".widget-button, .jupyter-button", checkup_result),
            BASELINE: (root + f"lite-stock/notebooks/index.html?path={STOCK}", slider, None),
            REFERENCE: (root + f"lite-stock-site-pyodide/notebooks/index.html?path={STOCK}", slider, None),
        }
        results: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
        with sync_playwright() as p:
            for _ in range(args.runs):
                for name, (url, ready, result) in cases.items():
                    profile = Path(tempfile.mkdtemp(dir=tmp))
                    context = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS)
                    try:
                        if result is None:
                            page = context.new_page()  # run all cells: the notebooks app does not run them by itself
                            results.setdefault((name, "cold"), []).append(_stock(page, url, ready))
                            page.close()
                            page = context.new_page()
                            results.setdefault((name, "warm"), []).append(_stock(page, url, ready))
                        else:
                            results.setdefault((name, "cold"), []).append(measure(context, url, ready, result))
                            results.setdefault((name, "warm"), []).append(measure(context, url, ready, result))
                    finally:
                        context.close()
        server.shutdown()
    print(f"{'':24} {'profile':7} {'form s':>7} {'result s':>8} {'MB':>6}")
    med = {}
    for (name, profile), runs in results.items():
        form, first, sent = (statistics.median(x) for x in zip(*runs))
        med[(name, profile)] = (form, first, sent)
        print(f"{name:24} {profile:7} {form:7.1f} {first:8.1f} {sent / 1e6:6.1f}")
    for profile in ("cold", "warm"):
        a, b = med[(CHECKUP, profile)], med[(BASELINE, profile)]
        bytes_ratio = f"{a[2] / b[2]:.2f}" if b[2] else "n/a (served from the browser cache)"
        print(
            f"ratio check-up/stock, {profile}: interactive {a[0] / b[0]:.2f}, first result {a[1] / b[1]:.2f}, bytes {bytes_ratio}"
        )
    return 0


def _stock(page, url: str, ready: str) -> tuple[float, float, int]:
    """Open the stock notebook and run its two cells as a user would (Shift+Enter twice)."""
    before = Counter.sent
    start = time.monotonic()
    page.goto(url)
    page.locator(".jp-Notebook .jp-Cell").first.click(timeout=300_000)
    page.keyboard.press("Escape")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    for _ in range(4):  # a key press that lands before the kernel is ready is lost: run the cells again
        try:
            page.wait_for_selector(ready, timeout=60_000)
            break
        except Exception:
            page.locator(".jp-Notebook .jp-Cell").first.click()
            page.keyboard.press("Escape")
            page.keyboard.press("Shift+Enter")
            page.keyboard.press("Shift+Enter")
    else:
        raise SystemExit("bench_lite: the stock notebook never showed its widget")
    seconds = time.monotonic() - start
    return seconds, seconds, Counter.sent - before


if __name__ == "__main__":
    sys.exit(main())
