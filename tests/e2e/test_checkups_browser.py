"""The in-browser check-ups, started from the site's check-up page as a user would: the
Python runtime is self-hosted, the widgets work, and nothing leaves 127.0.0.1.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from checkups.text import fmt_money
from tests.e2e.common import AS_OF as SAMPLES_DAY
from tests.e2e.common import ROOT, SAMPLES

ARTIFACTS = ROOT / "test-artifacts"
AS_OF = dt.date.fromisoformat(SAMPLES_DAY)
NOTEBOOKS = [
    ("en", "company", "questionnaire_app"),
    ("zh", "roster", "roster_app"),
    ("en", "calculators", "calculators_app"),
]
START = 240_000  # ms: a cold start of the runtime on these 2-core machines takes 20-40 s

#: how many times the check-up has saved its document (checkups.ui.saved: the buttons' class
#: checkups-saves-N, set once the file is written)
SAVES = """() => {
  const e = document.querySelector('[class*="checkups-saves-"]');
  const c = e && [...e.classList].find((name) => name.startsWith("checkups-saves-"));
  return c ? Number(c.slice("checkups-saves-".length)) : 0;
}"""


def saves(page) -> int:
    """The number of saves the check-up on the page has made."""
    return page.evaluate(SAVES)


def wait_saved(page, after: int) -> None:
    """Wait until the check-up has saved its document again since it had made ``after`` saves."""
    page.wait_for_function(f"() => ({SAVES})() > {after}", polling=100, timeout=60_000)


def start(page, site_url: str, lang: str, key: str):
    """Open a check-up's app mode (JupyterLite, code hidden) from the link on its page; wait
    for the form.  Returns the page (the instant form on the page itself: test_instant_browser.py)."""
    page.goto(site_url + ("en/" if lang == "en" else "") + f"check-up/{key}/")
    page.goto(urljoin(page.url, page.locator('a[href*="lite/repl/"]').first.get_attribute("href")))
    page.locator(".widget-button, .jupyter-button").first.wait_for(timeout=START)
    return page


def upload(page, app, button: str, path: Path) -> None:
    """Choose a file through the upload widget's own file dialog."""
    with page.expect_file_chooser() as chooser:
        app.get_by_role("button", name=button).click()
    chooser.value.set_files(str(path))


def compute_severance(app) -> None:
    """Fill the severance calculator (the first tab) and compute: 6,000 a month for three years is 18,000.00."""
    inputs = app.locator("input[type=text]:not([list]):visible")  # not the region search box
    for i, value in enumerate(["6000", "2022-01-01", "2024-12-31", "13704", "2500"]):
        inputs.nth(i).fill(value)
        inputs.nth(i).press("Tab")
    app.get_by_role("button", name="Compute").first.click()
    app.get_by_text("Amount: 18,000.00").wait_for(timeout=60_000)


def set_date(app, day: dt.date) -> None:
    """Type a day into the check-up's date picker."""
    field = app.locator("input[type=date]").first
    field.fill(day.isoformat())
    field.press("Tab")


def shown_findings(app) -> dict[str, dict[str, str]]:
    """The findings table as {employee: {rule: amount as shown}}."""
    rows = app.locator("table.checkup-findings tbody tr")
    out: dict[str, dict[str, str]] = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        amount = row.locator("td.amount").inner_text().strip()
        out.setdefault(row.get_attribute("data-employee"), {})[row.get_attribute("data-rule")] = amount
    return out


def text(app) -> str:
    return app.locator("body").inner_text()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def pick_region(app, province: str, city: str) -> None:
    """The region picker: the province first, then one of its cities."""
    boxes = app.get_by_role("combobox")
    boxes.nth(0).select_option(label=province)
    boxes.nth(1).select_option(label=city)


class TestCheckups:
    def test_company_questionnaire_runs(self, page, site_url) -> None:
        """The company check-up opens in app mode (code hidden); answers give findings with citations."""
        app = start(page, site_url, "zh", "company")
        assert "import" not in text(app)  # the code is hidden
        app.get_by_role("button", name="否").nth(0).click()  # has_part_time: no (screening)
        app.get_by_text("社会保险管理（含住房公积金）").first.click()  # open the area's section
        question = app.locator(".widget-vbox", has_text="是否所有员工（含试用期员工）都在用工之日起30日内办理了社会保险登记").last
        question.get_by_role("button", name="否").click()
        app.get_by_role("button", name="检查").click()
        app.locator("table.checkup-findings").wait_for(timeout=60_000)
        body = text(app)
        assert "有员工没有在用工之日起30日内参加社会保险" in body and "《社会保险法》第58条" in body
        link = app.get_by_role("link", name="《社会保险法》第58条").first.get_attribute("href")
        assert link == "../../law/sil/#sil-58"  # the Chinese page at the site root
        shot(page, "company-zh")

    @pytest.mark.parametrize("sample", ["roster.csv", "roster-zh-gb18030.csv"])
    def test_roster_upload(self, page, site_url, sample) -> None:
        """The sample roster, UTF-8 or GB18030 with Chinese headers, shows exactly the expected findings per employee.

        Their amounts match too: the package gives the same (tests/test_audit.py)."""
        from test_audit import expected

        app = start(page, site_url, "en", "roster")
        pick_region(app, "Guangdong", "Guangzhou")
        set_date(app, AS_OF)
        upload(page, app, "Upload roster", SAMPLES / sample)
        app.locator("table.checkup-findings").wait_for(timeout=60_000)
        assert "Read 16 · audited 16" in text(app)
        assert shown_findings(app) == {
            employee: {rule: "" if amount is None else fmt_money(amount) for rule, amount in rules.items()}
            for employee, rules in expected().items()
        }
        shot(page, f"roster-{sample}")

    def test_roster_bad_file(self, page, site_url, tmp_path) -> None:
        """A CSV of prose instead of a roster shows 'Cannot audit', mentioning employee_id, with no traceback."""
        app = start(page, site_url, "en", "roster")
        bad = tmp_path / "notes.csv"
        bad.write_text("Dear HR,\nplease see attached.\n", encoding="utf-8")
        upload(page, app, "Upload roster", bad)
        app.get_by_text("Cannot audit").wait_for(timeout=60_000)
        assert "employee_id" in text(app) and "Traceback" not in text(app)

    def test_region_search_by_chinese_name(self, page, site_url) -> None:
        """Typing a city's Chinese name in the picker's search box selects its province and the city."""
        app = start(page, site_url, "zh", "calculators")
        app.locator("input[list]").first.fill("凉山")
        boxes = app.get_by_role("combobox")
        shown = "e => e.options[e.selectedIndex].text"
        # the kernel answers the keystrokes, then both dropdowns change
        expect(boxes.nth(1).locator("option:checked")).to_have_text("凉山彝族自治州", timeout=30_000)
        assert (boxes.nth(0).evaluate(shown), boxes.nth(1).evaluate(shown)) == ("四川省", "凉山彝族自治州")
        shot(page, "region-search-zh")

    def test_calculator(self, page, site_url) -> None:
        """The severance calculator gives the expected amount with its steps."""
        app = start(page, site_url, "en", "calculators")
        compute_severance(app)
        shot(page, "calculators-en")

    @pytest.mark.parametrize(("lang", "key", "builder"), NOTEBOOKS)
    def test_open_as_notebook(self, page, site_url, lang, key, builder) -> None:
        """The 'Open as notebook' link opens the full notebook with its code, and running it shows the form."""
        page.goto(site_url + ("en/" if lang == "en" else "") + f"check-up/{key}/")
        page.locator("a", has_text="notebook" if lang == "en" else "笔记本").first.click()
        page.wait_for_selector(f"text={builder}", timeout=START)
        page.locator(".jp-KernelName", has_text="Python (Pyodide)").wait_for(timeout=START)  # opens with the kernel
        page.locator(".jp-KernelStatus-success").wait_for(timeout=START)  # the kernel has started
        cell = page.locator(".jp-Notebook .jp-CodeCell").last
        cell.click()
        page.keyboard.press("Shift+Enter")
        page.locator(".jp-Notebook .widget-button, .jp-Notebook .jupyter-button, .jp-Notebook .widget-upload").first.wait_for(
            timeout=START
        )
        shot(page, f"{key}-notebook-{lang}")


class TestNothingLost:
    def test_answers_survive_reload_export_import_and_clear(self, page, site_url, tmp_path) -> None:
        """An answer is kept in the browser across a reload; export then import restores it; clear removes it."""
        app = start(page, site_url, "zh", "company")
        before = saves(page)
        app.get_by_role("button", name="否").first.click()
        wait_saved(page, before)  # the answer is written to the browser's storage
        app = start(page, site_url, "zh", "company")  # a reload of the page
        assert "mod-active" in (app.get_by_role("button", name="否").first.get_attribute("class") or "")

        app.get_by_role("button", name="导出答案（JSON）").click()
        with page.expect_download() as download:
            app.get_by_role("link", name="导出答案（JSON）").click()
        exported = tmp_path / "answers.json"
        download.value.save_as(str(exported))
        assert '"answers"' in exported.read_text(encoding="utf-8")

        app.get_by_role("button", name="清除我的数据").click()
        app.get_by_text("已清除").wait_for(timeout=30_000)
        app = start(page, site_url, "zh", "company")
        assert "mod-active" not in (app.get_by_role("button", name="否").first.get_attribute("class") or "")

        upload(page, app, "导入答案", exported)
        app.get_by_text("已导入答案").wait_for(timeout=30_000)
        assert "mod-active" in (app.get_by_role("button", name="否").first.get_attribute("class") or "")
        shot(page, "company-zh-restored")

    def test_roster_audit_survives_reload_export_import_and_clear(self, page, site_url, tmp_path) -> None:
        """The last roster and its settings are kept across a reload; export, clear and import restore the audit."""
        app = start(page, site_url, "en", "roster")
        pick_region(app, "Guangdong", "Guangzhou")
        set_date(app, AS_OF)
        upload(page, app, "Upload roster", SAMPLES / "roster.csv")
        app.locator("table.checkup-findings").wait_for(timeout=60_000)
        before = shown_findings(app)
        # kept already: the app saves the roster before it shows the findings (one kernel message after the other)
        app = start(page, site_url, "en", "roster")  # a reload
        app.locator("table.checkup-findings").wait_for(timeout=60_000)
        assert shown_findings(app) == before

        app.get_by_role("button", name="Export answers (JSON)").click()
        with page.expect_download() as download:
            app.get_by_role("link", name="Export answers (JSON)").click()
        exported = tmp_path / "roster-audit.json"
        download.value.save_as(str(exported))
        app.get_by_role("button", name="Clear my data").click()
        app.get_by_text("was cleared").wait_for(timeout=30_000)
        assert app.locator("table.checkup-findings").count() == 0
        upload(page, app, "Import answers", exported)
        app.get_by_text("Answers imported").wait_for(timeout=30_000)
        app.locator("table.checkup-findings").wait_for(timeout=60_000)
        assert shown_findings(app) == before

    def test_calculator_inputs_and_report(self, page, site_url, tmp_path) -> None:
        """Calculator inputs survive a reload; the report holds the calculation; clear empties the form."""
        app = start(page, site_url, "en", "calculators")
        compute_severance(app)
        with page.expect_download() as download:
            app.get_by_role("link", name="Download the report (HTML, printable)").click()
        report = tmp_path / "report.html"
        download.value.save_as(str(report))
        html = report.read_text(encoding="utf-8")
        assert "18,000.00" in html and 'id="lcl-47"' in html and "2022-01-01" in html
        # the inputs were saved as they were typed, before the calculation the report shows (in order)
        app = start(page, site_url, "en", "calculators")  # a reload
        assert app.locator("input[type=text]:not([list]):visible").first.input_value() == "6000"
        app.get_by_role("button", name="Clear my data").click()
        app.get_by_text("was cleared").wait_for(timeout=30_000)
        assert app.locator("input[type=text]:not([list]):visible").first.input_value() == ""
