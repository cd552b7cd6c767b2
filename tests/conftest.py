"""Shared fixtures: paths and a runner for the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "scripts"))

from serve import serve_in_background  # noqa: E402


@pytest.fixture
def run_cli():
    """Run ``python -m checkups …`` as a user would; returns the CompletedProcess."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("CHECKUPS_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "checkups", *map(str, args)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )

    return run


#: the sub-path the browser tests serve the site under, as GitHub Pages serves a project site
BASE = "/trusteeship-kit/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session the way scripts/build_site.sh builds it,
    for the address the browser tests serve it at (only 404.html and the feed use it)."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITE_URL": f"http://127.0.0.1{BASE}"}
    for cmd in (
        [sys.executable, "scripts/gen_pages.py", "--assets"],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        [sys.executable, "scripts/build_lite.py", "--out", str(out / "lite")],
    ):
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    return out


# Browser fixtures: the built site served on 127.0.0.1 under a sub-path, and Debian's
# chromium driven by Playwright (no browser download), with every request recorded.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    server, url = serve_in_background(built_site, BASE)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is not installed: run bash scripts/setup.sh"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, tmp_path):
    """A fresh page that records the URL of every request it makes."""
    context = browser.new_context(locale="zh-CN")
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()
    outside = [u for u in pg.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))]
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"


#: the fixtures that need the built site (a test using one, or one of their dependants, is a "site" test)
SITE_FIXTURES = {"built_site", "site_url"}
#: the fixtures that drive the browser
BROWSER_FIXTURES = {"browser", "page", "context"}


def pytest_collection_modifyitems(config, items) -> None:
    """Mark every test ``unit``, ``site`` or ``browser`` by what it needs: the browser (a test
    under tests/e2e or one using the browser fixtures), the built site, or neither."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if "e2e" in item.path.parts or needs & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif needs & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)
