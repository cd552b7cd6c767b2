"""The early-warning and portfolio pages in a real browser: the package in the worker gives the
grade, deadlines and calendar the package gives in CPython, several rosters chosen at once are
each audited or kept with their reason, settings are exported and cleared, nothing leaves
127.0.0.1, and axe-core finds no serious or critical violation at 375 px wide."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from checkups.programme.bureau import bureau
from checkups.programme.portfolio import audit_client
from checkups.programme.warning import warn_roster
from checkups.schemas import load
from tests.e2e.common import AS_OF, READY, SAMPLES, open_ready, page_url, serious, shown_answer, site_address
from tests.test_programme_warning import parse_ics


@pytest.fixture(scope="session")
def tools(request):
    """(lang, slug) → the tool page's URL: Chinese at the site root, English under en/."""
    base = site_address(request)
    return lambda lang, slug: page_url(base, lang, f"tools/{slug}/")


def open_tool(page, tools, lang: str, slug: str, kind: str) -> None:
    open_ready(page, tools(lang, slug), kind)
    page.select_option('select[name="city"]', "guangzhou")
    page.fill('input[name="as_of"]', AS_OF)


def answer(page) -> dict:
    return shown_answer(page)


class TestEarlyWarning:
    def test_grade_deadlines_and_calendar_as_the_package(self, page, tools) -> None:
        """The page's grade and deadlines are the package's, and its calendar holds every deadline."""
        want = warn_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        open_tool(page, tools, "en", "early-warning", "early-warning")
        page.set_input_files('input[name="file"]', str(SAMPLES / "roster.csv"))
        page.get_by_role("button", name="Show warnings and deadlines").click()
        got = answer(page)
        assert got["grade"] == want.grade
        assert [(d["kind"], d["date"]) for d in got["deadlines"]] == [(d.kind, d.date.isoformat()) for d in want.deadlines]
        link = page.locator("a.checkup-download")
        link.wait_for()
        assert (
            link.get_attribute("download") == "deadlines-roster.ics"
        )  # named after the roster: two clients' calendars stay apart
        text = page.evaluate("(href) => fetch(href).then((r) => r.text())", link.get_attribute("href"))
        events = parse_ics(text.encode("utf-8"))
        assert [e["DTSTART;VALUE=DATE"] for e in events] == [d.date.strftime("%Y%m%d") for d in want.deadlines]

    def test_unusable_file_in_plain_words(self, page, tools, tmp_path) -> None:
        """An old Excel file is refused next to the file field, in the page's language."""
        bad = tmp_path / "old.xls"
        bad.write_bytes(b"\xd0\xcf\x11\xe0 not a roster")
        open_tool(page, tools, "zh", "early-warning", "early-warning")
        page.set_input_files('input[name="file"]', str(bad))
        page.get_by_role("button", name="查看预警和期限").click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        assert ".xlsx" in page.locator('[data-field="file"] .checkup-error').inner_text()


class TestPortfolio:
    def test_several_files_each_audited_or_kept_with_reason(self, page, tools, tmp_path) -> None:
        """Three files chosen at once give three rows: the rosters as the package audits them, the bad file with its reason."""
        bad = tmp_path / "notes.csv"
        bad.write_text("姓名\n张三\n", encoding="utf-8")
        files = [SAMPLES / "roster.csv", bad, SAMPLES / "roster-with-errors.csv"]
        open_tool(page, tools, "zh", "portfolio", "portfolio")
        page.fill('input[name="agency"]', "甲托管机构")  # required: clients are told apart by agency
        page.set_input_files('input[name="file"]', [str(f) for f in files])
        page.get_by_role("button", name="检查全部名册").click()
        got = answer(page)
        assert [c["file"] for c in got["clients"]] == [f.name for f in files]
        day = dt.date.fromisoformat(AS_OF)
        for f, row in zip(files, got["clients"], strict=True):
            want = audit_client(f, f.name, day, "guangzhou")
            assert row["status"] == want["status"]
            if want["status"] == "audited":
                assert (row["rows"], row["audited"], row["rejected"], row["grade"]) == (
                    want["rows"], want["audited"], want["rejected"], want["grade"],
                )  # fmt: skip
            else:
                assert row["reason"] and "employee_id" not in row["reason"]
        assert page.locator(".checkup-result svg").count() == 2

    def test_settings_exported_and_cleared(self, page, tools, tmp_path) -> None:
        """The exported settings are a valid saved document; clearing empties the form and the storage."""
        open_tool(page, tools, "en", "portfolio", "portfolio")
        page.locator('[data-action="export"]').wait_for()
        with page.expect_download() as download:
            page.locator('[data-action="export"]').click()
        saved = tmp_path / "saved.json"
        download.value.save_as(saved)
        doc = json.loads(saved.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(load("saved")).validate(doc)
        assert doc["format"] == "checkups-portfolio/1" and doc["settings"]["as_of"] == AS_OF
        page.locator('[data-action="clear"]').click()
        assert page.evaluate("localStorage.getItem('checkups-portfolio/1')") is None


class TestBureau:
    def test_portfolio_results_totalled_on_the_bureau_page(self, page, tools, tmp_path) -> None:
        """The portfolio page's JSON download, chosen on the bureau page, gives the package's programme totals."""
        open_tool(page, tools, "en", "portfolio", "portfolio")
        page.fill('input[name="agency"]', "Agency A")
        page.set_input_files('input[name="file"]', [str(SAMPLES / "roster.csv"), str(SAMPLES / "roster-with-errors.csv")])
        page.get_by_role("button", name="Audit all the rosters").click()
        answer(page)
        link = page.locator("a.checkup-download")
        link.wait_for()
        text = page.evaluate("(href) => fetch(href).then((r) => r.text())", link.get_attribute("href"))
        saved = tmp_path / link.get_attribute("download")
        saved.write_text(text, encoding="utf-8")
        doc = json.loads(text)
        assert doc["agency"] == "Agency A" and doc["format"] == "checkups-portfolio-results/1"
        open_ready(page, tools("zh", "bureau"), "bureau")
        page.set_input_files('input[name="file"]', [str(saved)])
        page.get_by_role("button", name="汇总").click()
        got = answer(page)
        assert got["totals"] == bureau([doc])["totals"]


@pytest.mark.parametrize(("lang", "slug"), [("zh", "early-warning"), ("en", "portfolio")])
def test_no_serious_violations_at_375_px(page, tools, lang, slug) -> None:
    """The form and its result have no serious or critical axe-core violation on a narrow screen."""
    page.set_viewport_size({"width": 375, "height": 800})
    open_tool(page, tools, lang, slug, slug)
    if slug == "portfolio":
        page.fill('input[name="agency"]', "Agency A")
    page.set_input_files('input[name="file"]', str(SAMPLES / "roster.csv"))
    page.locator('button[type="submit"]').first.click()
    answer(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
    assert serious(page) == []
