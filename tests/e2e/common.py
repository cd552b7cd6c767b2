"""What the browser tests share: the project's paths, the samples' audit day, how long the
runtime may take to start, the address of a page in either language, the answer an instant
page shows, and axe-core's serious and critical findings."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AS_OF = "2025-06-30"  # the samples' audit day (samples/README.md)
READY = 240_000  # ms: a cold start of the runtime on a loaded 2-core machine
RESULT = '.checkup-result[data-result="ready"]'


def site_address(request) -> str:
    """The site's root URL: ``CHECKUPS_INSTANT_URL`` if set (a site served elsewhere), else the built site's."""
    return os.environ.get("CHECKUPS_INSTANT_URL") or request.getfixturevalue("site_url")


def page_url(base: str, lang: str, path: str) -> str:
    """``path``'s page in ``lang``: Chinese at the site root, English under en/."""
    return f"{base}{'en/' if lang == 'en' else ''}{path}"


def open_ready(page, url: str, kind: str) -> None:
    """Open an instant page and wait for its form and then for its runtime."""
    page.goto(url)
    page.locator(f'form[data-checkup="{kind}"]').wait_for()
    page.locator('.checkup-status[data-ready="true"]').wait_for(timeout=READY)


def shown_answer(page) -> dict:
    """The package's answer behind the result the page shows, once it is shown."""
    page.locator(RESULT).wait_for(timeout=READY)
    return page.evaluate("document.querySelector('.checkup-result').checkupAnswer")


def serious(page) -> list[tuple]:
    """The serious and critical axe-core violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
