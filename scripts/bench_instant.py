"""Benchmark the instant check-up page against today's notebook check-up and a stock
JupyterLite notebook (not a test; the figures go into the closing note of issue 11).

Serves a copy of the built ``site/`` on 127.0.0.1, counting the bytes the server sends,
and measures in Debian's chromium (Playwright), on a cold profile and then warm (same
profile, second visit), medians of ``--runs``:

- **instant**: the calculators page; the severance calculator is filled in and submitted as
  soon as the form takes input. Seconds from navigation to a usable form (the first field
  filled), to the Python runtime ready (the page's status line), to the first result, and
  from submitting to the result (the page records each moment, ``performance.now()``);
- **notebook**: today's notebook check-up, the calculators in app mode (the page's link):
  to the form (it appears when the runtime is ready) and to the first result;
- **stock**: the stock JupyterLite notebook baseline of ``scripts/bench_lite.py``
  (``%pip install ipywidgets`` and one widget, the stock self-hosted Pyodide): to its widget.

Then a synthetic roster of ``--rows`` employees (``scripts/bench_audit.py``) is audited on the
instant roster page, warm: seconds from submitting to the result shown.  Targets (issue 11):
form usable <= 0.5 s; first result <= 0.3 x stock cold and <= 0.2 x warm; bytes <= 0.6 x
stock; the roster <= 5 s.

    python scripts/bench_instant.py [--site site] [--runs 3] [--rows 10000]
"""

from __future__ import annotations

import argparse
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_audit import write_roster  # noqa: E402
from bench_lite import ARGS, BASE, CHROMIUM, STOCK, Counter, _stock, built_site, checkup_result, launcher_url, stock_lite  # noqa: E402


class Served(Counter):
    """The bytes served, and apart those of the site's search index (fetched only when the
    reader opens the search: javascripts/search-on-demand.js; counted here to show it is not)."""

    search = 0

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        with Counter.lock:
            Counter.sent += len(data)
            if "search_index" in self.path:
                Served.search += len(data)


SEVERANCE = {"monthly_wage": "6000", "start": "2022-01-01", "end": "2024-12-31", "avg_wage": "13704", "min_wage": "2500"}
TARGETS = {"form": 0.5, "cold": 0.3, "warm": 0.2, "bytes": 0.6, "roster": 5.0}
WAIT = 300_000


def instant(context, url: str) -> dict[str, float]:
    """One visit to the instant calculators page: the moments the page records, in seconds."""
    page = context.new_page()
    before, search = Counter.sent, Served.search
    start = time.monotonic()
    page.goto(url, wait_until="commit")
    page.fill('[name="severance.monthly_wage"]', SEVERANCE["monthly_wage"], timeout=WAIT)
    form = time.monotonic() - start
    for name, value in list(SEVERANCE.items())[1:]:
        page.fill(f'[name="severance.{name}"]', value)
    page.locator('button[value="severance"]').click()
    page.locator('.checkup-result[data-result="ready"]').wait_for(timeout=WAIT)
    page.locator(".checkup-status[data-ready-at]").wait_for(timeout=WAIT)
    at = page.evaluate(
        """() => ({ready: +document.querySelector('.checkup-status').dataset.readyAt,
                   submitted: +document.querySelector('form.checkup-form').dataset.submittedAt,
                   shown: +document.querySelector('.checkup-result').dataset.shownAt})"""
    )
    amount = page.evaluate("document.querySelector('.checkup-result').checkupAnswer.outcomes[0].amount")
    if amount != "18000.00":
        raise SystemExit(f"bench_instant: severance gave {amount}, expected 18000.00")
    page.wait_for_load_state("networkidle")  # anything the page still fetches counts
    sent, search = Counter.sent - before, Served.search - search
    page.close()
    return {"form": form, "ready": at["ready"] / 1000, "result": at["shown"] / 1000,
            "submit": (at["shown"] - at["submitted"]) / 1000, "bytes": sent, "search": search}  # fmt: skip


def notebook(context, url: str) -> dict[str, float]:
    page = context.new_page()
    before = Counter.sent
    start = time.monotonic()
    page.goto(url)
    page.wait_for_selector(".widget-button, .jupyter-button", timeout=WAIT)
    form = time.monotonic() - start
    submitted = time.monotonic()
    checkup_result(page)
    done = time.monotonic()
    sent = Counter.sent - before
    page.close()
    return {"form": form, "ready": form, "result": done - start, "submit": done - submitted, "bytes": sent, "search": 0}


def stock(context, url: str) -> dict[str, float]:
    page = context.new_page()
    _, seconds, sent = _stock(page, url, ".widget-slider, .jupyter-widget-slider, .widget-hslider")
    page.close()
    nan = float("nan")
    return {"form": nan, "ready": nan, "result": seconds, "submit": nan, "bytes": sent, "search": 0}


def roster(context, url: str, path: Path) -> float:
    """Seconds from submitting a roster on the instant page to its result shown."""
    page = context.new_page()
    page.goto(url)
    page.select_option('select[name="city"]', "guangzhou")
    page.fill('input[name="as_of"]', "2025-06-30")
    page.set_input_files('input[name="file"]', str(path))
    page.locator('form.checkup-form button[type="submit"]').click()
    page.locator('.checkup-result[data-result="ready"]').wait_for(timeout=WAIT)
    at = page.evaluate(
        "(+document.querySelector('.checkup-result').dataset.shownAt - +document.querySelector('form.checkup-form').dataset.submittedAt) / 1000"
    )
    rows = page.evaluate("document.querySelector('.checkup-result').checkupAnswer.rows")
    page.close()
    if rows != int(path.stem.split("-")[1]):
        raise SystemExit(f"bench_instant: the roster audit read {rows} rows")
    return at


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    source = built_site(args.site, "bench_instant")
    if source is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(source, site)
        stock_lite(site, "lite-stock", stock_pyodide=True)
        big = Path(tmp) / f"roster-{args.rows}.csv"
        write_roster(big, args.rows)
        handler = lambda *a, **k: Served(*a, directory=str(site), **k)  # noqa: E731
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        root = f"http://127.0.0.1:{server.server_address[1]}{BASE}"
        cases = {
            "instant": (instant, root + "en/check-up/calculators/"),
            "notebook": (notebook, root + launcher_url(site, "en/check-up/calculators")),
            "stock": (stock, root + f"lite-stock/notebooks/index.html?path={STOCK}"),
        }
        found: dict[tuple[str, str], list[dict[str, float]]] = {}
        audits: list[float] = []
        with sync_playwright() as p:
            for run in range(args.runs):
                for name, (measure, url) in cases.items():
                    profile = Path(tempfile.mkdtemp(dir=tmp))
                    context = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS)
                    try:
                        for visit in ("cold", "warm"):
                            found.setdefault((name, visit), []).append(measure(context, url))
                        if name == "instant":
                            audits.append(roster(context, root + "en/check-up/roster/", big))
                    finally:
                        context.close()
                print(f"bench_instant: run {run + 1} of {args.runs} done", file=sys.stderr)
        server.shutdown()
    report(found, audits, args.rows)
    return 0


def report(found: dict[tuple[str, str], list[dict[str, float]]], audits: list[float], rows: int) -> None:
    med = {key: {k: statistics.median(r[k] for r in runs) for k in runs[0]} for key, runs in found.items()}
    print(f"{'':10} {'profile':7} {'form s':>7} {'ready s':>8} {'result s':>9} {'submit→result s':>16} {'MB':>6}")
    for (name, visit), m in med.items():
        cells = [f"{m[k]:.2f}" if m[k] == m[k] else "—" for k in ("form", "ready", "result", "submit")]
        print(f"{name:10} {visit:7} {cells[0]:>7} {cells[1]:>8} {cells[2]:>9} {cells[3]:>16} {m['bytes'] / 1e6:6.1f}")
    form = med[("instant", "cold")]["form"]
    print(f"form usable, cold: {form:.2f} s (target <= {TARGETS['form']})")
    for visit in ("cold", "warm"):
        a, b = med[("instant", visit)], med[("stock", visit)]
        ratio = a["result"] / b["result"]
        print(f"first result instant/stock, {visit}: {ratio:.2f} (target <= {TARGETS[visit]})")
    a, b, search = med[("instant", "cold")]["bytes"], med[("stock", "cold")]["bytes"], med[("instant", "cold")]["search"]
    print(
        f"bytes instant/stock, cold: {a / b:.2f} (target <= {TARGETS['bytes']}); of them the site's search index: {search / 1e6:.1f} MB"
    )
    print(f"roster of {rows:,} rows, submit→result: {statistics.median(audits):.2f} s (target <= {TARGETS['roster']})")


if __name__ == "__main__":
    sys.exit(main())
