"""The in-browser check-ups, started from the site's check-up page as a user would: the
Python runtime is self-hosted, the widgets work, and nothing leaves 127.0.0.1.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SAMPLES = ROOT / "samples"
START = 240_000  # ms: a cold start of the runtime on these 2-core machines takes 20-40 s


def start(page, site_url: str, lang: str, nth: int) -> float:
    """Open the check-up page and press the nth 'Start' button; returns seconds until the form shows."""
    page.goto(site_url + ("zh/" if lang == "zh" else "") + "check-up/")
    began = time.monotonic()
    page.locator("a.md-button--primary").nth(nth).click()
    page.wait_for_selector(".widget-button, .jupyter-button", timeout=START)
    return time.monotonic() - began


def upload(page, button: str, path: Path) -> None:
    """Choose a file through the upload widget's own file dialog."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=button).click()
    chooser.value.set_files(str(path))


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


class TestCheckups:
    def test_company_questionnaire_runs(self, page, site_url) -> None:
        """The company check-up opens in app mode (code hidden) and checking gives a result."""
        seconds = start(page, site_url, "zh", 0)
        page.get_by_role("button", name="检查").click()
        page.wait_for_selector("text=未发现问题", timeout=60_000)
        assert page.locator(".jp-InputArea-editor:visible").count() <= 1  # only the empty prompt, no code shown
        shot(page, "company-zh")
        print(f"\ncompany check-up interactive after {seconds:.1f} s")

    @pytest.mark.parametrize("sample", ["roster.csv", "roster-zh-gb18030.csv"])
    def test_roster_upload(self, page, site_url, sample) -> None:
        """Uploading the sample roster lists per-employee findings."""
        start(page, site_url, "en", 1)
        upload(page, "Upload roster", SAMPLES / sample)
        page.wait_for_selector("text=E002", timeout=60_000)
        assert page.locator("table.checkup-findings").count() == 1
        shot(page, f"roster-{sample}")

    def test_roster_bad_file(self, page, site_url, tmp_path) -> None:
        start(page, site_url, "en", 1)
        bad = tmp_path / "notes.csv"
        bad.write_text("Dear HR,\nplease see attached.\n", encoding="utf-8")
        upload(page, "Upload roster", bad)
        page.wait_for_selector("text=Cannot audit", timeout=60_000)
        assert "employee_id" in page.inner_text("body") and "Traceback" not in page.inner_text("body")

    def test_calculator(self, page, site_url) -> None:
        """The severance calculator gives the expected amount with its steps."""
        start(page, site_url, "en", 2)
        inputs = page.locator(
            ".widget-tab-contents input[type=text]:visible, .jupyter-widget-tab-contents input[type=text]:visible"
        )
        for i, value in enumerate(["6000", "2022-01-01", "2024-12-31", "13704", "2500"]):
            inputs.nth(i).fill(value)
            inputs.nth(i).press("Tab")
        page.get_by_role("button", name="Compute").first.click()
        page.wait_for_selector("text=18,000.00", timeout=60_000)
        shot(page, "calculators-en")

    def test_open_as_notebook(self, page, site_url) -> None:
        """The 'Open as notebook' link opens the full notebook with its code."""
        page.goto(site_url + "check-up/")
        page.get_by_role("link", name="Open as notebook").first.click()
        page.wait_for_selector("text=questionnaire_app", timeout=START)
        shot(page, "company-notebook-en")
