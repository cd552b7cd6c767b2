"""Benchmark a Pyodide memory snapshot for the instant check-ups (issue 11, item 8: optional,
measured; not kept, see the closing note). Not a test.

Makes, with the site's own Pyodide under Node (``scripts/lite/snapshot.mjs``), a snapshot of
the interpreter with ``checkups`` imported; puts it, gzipped, into a copy of the built site
whose worker restores it (``loadPyodide({_loadSnapshot})``, the normal boot as fallback); then
visits the English calculators page of both sites in turn in Debian's chromium, cold and
warm, and gives the medians of the seconds to the runtime ready and the bytes of a cold visit.

    python scripts/bench_snapshot.py [--site site] [--runs 5]
"""

from __future__ import annotations

import argparse
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_lite import ARGS, BASE, CHROMIUM, Counter, built_site  # noqa: E402

PAGE = "en/check-up/calculators/"
SNAPSHOT = "checkups.snapshot.gz"
BOOT = 'const pyodide = await loadPyodide({ indexURL, packages: ["checkups"] });'
RESTORE = f"""let pyodide;
  try {{
    const response = await fetch(indexURL + "{SNAPSHOT}");
    const snapshot = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    pyodide = await loadPyodide({{ indexURL, packages: ["checkups"], _loadSnapshot: snapshot }});
    console.log("bench_snapshot: restored");
  }} catch (error) {{
    console.log("bench_snapshot: fallback " + error);
    pyodide = await loadPyodide({{ indexURL, packages: ["checkups"] }});
  }}"""


def with_snapshot(source: Path, out: Path) -> dict:
    """``out``: a copy of the built site whose worker restores a snapshot; the maker's figures."""
    shutil.copytree(source, out)
    pyodide = out / "lite" / "static" / "pyodide"
    done = subprocess.run(
        ["node", str(ROOT / "scripts" / "lite" / "snapshot.mjs"), str(pyodide), str(pyodide / SNAPSHOT)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    worker = out / "javascripts" / "instant" / "worker.js"
    text = worker.read_text(encoding="utf-8")
    if BOOT not in text:
        raise SystemExit("bench_snapshot: the worker no longer boots Pyodide as this script expects")
    worker.write_text(text.replace(BOOT, RESTORE), encoding="utf-8")
    return json.loads(done.stdout.strip().splitlines()[-1])


def serve(site: Path) -> str:
    handler = lambda *a, **k: Counter(*a, directory=str(site), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{BASE}{PAGE}"


def visit(context, url: str) -> tuple[float, int, list[str]]:
    """Seconds from navigation to the runtime ready (the page's own mark), bytes served, what the worker logged."""
    page = context.new_page()
    logged: list[str] = []
    page.on("worker", lambda w: w.on("console", lambda m: logged.append(m.text)))
    before = Counter.sent
    page.goto(url)
    page.locator(".checkup-status[data-ready-at]").wait_for(timeout=300_000)
    ready = page.evaluate("+document.querySelector('.checkup-status').dataset.readyAt") / 1000
    page.wait_for_load_state("networkidle")
    sent = Counter.sent - before
    page.close()
    return ready, sent, logged


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    source = built_site(args.site, "bench_snapshot")
    if source is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        maker = with_snapshot(source, Path(tmp) / "site")
        urls = {"normal boot": serve(source), "snapshot": serve(Path(tmp) / "site")}
        found: dict[tuple[str, str], list[tuple[float, int]]] = {}
        with sync_playwright() as p:
            for _ in range(args.runs):
                for name, url in urls.items():
                    context = p.chromium.launch_persistent_context(tempfile.mkdtemp(dir=tmp), executable_path=CHROMIUM, args=ARGS)
                    try:
                        for profile in ("cold", "warm"):
                            ready, sent, logged = visit(context, url)
                            if name == "snapshot" and "bench_snapshot: restored" not in logged:
                                raise SystemExit(f"bench_snapshot: the snapshot was not restored: {logged[-3:]}")
                            found.setdefault((name, profile), []).append((ready, sent))
                    finally:
                        context.close()
    print(f"snapshot made in {maker['made']:.2f} s under Node: {maker['raw'] / 1e6:.1f} MB, gzipped {maker['gzip'] / 1e6:.1f} MB")
    print(f"under Node, boot with checkups imported: normal {maker['boot']:.2f} s, from the snapshot {maker['restore']:.2f} s")
    print(f"{'':12} {'profile':7} {'ready s':>8} {'MB':>6}")
    for (name, profile), runs in found.items():
        ready, sent = statistics.median(r for r, _ in runs), statistics.median(s for _, s in runs)
        print(f"{name:12} {profile:7} {ready:8.2f} {sent / 1e6:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
