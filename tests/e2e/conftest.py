"""Browser fixtures: the built site served on 127.0.0.1 under a sub-path, and Debian's
chromium driven by Playwright (no browser download), with every request recorded."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from serve import serve_in_background  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
BASE = "/trusteeship-kit/"


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
