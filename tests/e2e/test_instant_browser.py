"""The instant check-ups in a real browser: the form works before Python has loaded, the
package in the worker gives the findings the package gives in CPython, answers are kept,
exported, imported and cleared, the blank questionnaire prints, nothing leaves 127.0.0.1,
and axe-core finds no serious or critical violation (also at 375 px wide).

Run against the built site (the ``site_url`` fixture), or, while developing, against a
served tree of the same layout: ``CHECKUPS_INSTANT_URL=http://127.0.0.1:8000/kit/``
(see ``scripts/sitegen/instant.py --preview``)."""

from __future__ import annotations

import io
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from checkups import calc
from checkups import evaluate as evaluate_answers
from checkups.evaluate import questions
from tests.e2e.common import AS_OF, READY, SAMPLES, page_url, serious, shown_answer, site_address


@pytest.fixture(scope="session")
def address(request):
    """(lang, kind) → the check-up page's URL: Chinese at the site root, English under en/."""
    base = site_address(request)
    return lambda lang, kind: page_url(base, lang, f"check-up/{kind}/")


def open_form(page, address, lang: str, kind: str, *, wait: bool = True) -> None:
    page.goto(address(lang, kind))
    page.locator(f'form[data-checkup="{kind}"]').wait_for()
    if wait:
        page.locator('.checkup-status[data-ready="true"]').wait_for(timeout=READY)


def settings(page, region: str | None, as_of: str = AS_OF) -> None:
    if region:
        page.select_option('select[name="city"]', region)
    page.fill('input[name="as_of"]', as_of)


def answer(page, answers: dict) -> None:
    for qid, value in answers.items():
        if isinstance(value, bool):
            page.check(f'input[name="{qid}"][value="{"true" if value else "false"}"]')
        else:
            page.fill(f'input[name="{qid}"]', str(value))


def result(page) -> dict:
    return shown_answer(page)


def pairs(findings) -> list[tuple]:
    return [(f["rule"], f["employee_id"], f["amount"]) for f in findings]


ANSWER_SETS = [
    ({"insurance_all_staff_registered": False, "insurance_unpaid_contributions": "1,000"}, "guangzhou"),
    ({"has_part_time": False, "uses_probation": True, "headcount": "12"}, None),
    ({"uses_dispatch": True, "headcount": "20", "dispatch_worker_count": "5", "onboarding_takes_no_deposits": False}, "chengdu"),
]


class TestCompany:
    def test_usable_before_the_runtime_and_a_submit_is_queued(self, page, address) -> None:
        """The form takes answers at once; a check asked for before Python is ready runs when it is."""
        open_form(page, address, "en", "company", wait=False)
        assert page.locator('.checkup-status[data-ready="true"]').count() == 0
        answer(page, ANSWER_SETS[0][0])
        settings(page, "guangzhou")
        page.get_by_role("button", name="Check", exact=True).click()
        out = result(page)
        assert pairs(out["findings"]) == [("social_insurance.all_staff_insured", None, "1000.00")]

    @pytest.mark.parametrize(("answers", "region"), ANSWER_SETS)
    def test_same_findings_as_the_package(self, page, address, answers, region) -> None:
        """Each answer set gives in the browser evaluate()'s findings and amounts, with their Chinese titles."""
        assert set(answers) <= set(questions())
        open_form(page, address, "zh", "company")
        settings(page, region)
        answer(page, answers)
        page.get_by_role("button", name="检查", exact=True).click()
        out = result(page)
        want = evaluate_answers(answers, as_of=AS_OF, region=region)
        assert pairs(out["findings"]) == [(f.rule, None, None if f.amount is None else str(f.amount)) for f in want.findings]
        for f in want.findings:
            assert f.spec.title["zh"] in page.locator(".checkup-result").inner_text()

    def test_citations_link_to_the_law_pages(self, page, address) -> None:
        """A finding's SIL 58 citation links to the law page's article (law/sil/#sil-58), not to this page."""
        open_form(page, address, "zh", "company")
        settings(page, "guangzhou")
        answer(page, ANSWER_SETS[0][0])
        page.get_by_role("button", name="检查", exact=True).click()
        result(page)
        href = page.locator(".checkup-result a", has_text="《社会保险法》第58条").first.get_attribute("href")
        assert href.endswith("law/sil/#sil-58") and not href.startswith("#")

    def test_skip_logic(self, page, address) -> None:
        """A screening 'no' hides its questions (CSS); a Guangdong-only rule is shown only for Guangdong."""
        open_form(page, address, "en", "company")
        probation = page.locator('.checkup-rule[data-rule="contracts.probation_once_only"] .checkup-field').first
        assert probation.is_visible()
        page.check('input[name="uses_probation"][value="false"]')
        assert not probation.is_visible()
        guangdong = page.locator('.checkup-rule[data-rule="workplace_rules.guangdong_maternity_extra_leave"]')
        page.select_option('select[name="province"]', "sichuan")
        page.locator('.checkup-rule.checkup-off[data-rule="workplace_rules.guangdong_maternity_extra_leave"]').wait_for()
        assert "Guangdong" in guangdong.locator(".checkup-skip").inner_text()
        page.select_option('select[name="province"]', "guangdong")
        page.select_option('select[name="city"]', "guangzhou")
        page.wait_for_function(
            "!document.querySelector('[data-rule=\"workplace_rules.guangdong_maternity_extra_leave\"]').classList.contains('checkup-off')"
        )

    def test_bad_answer_next_to_its_question(self, page, address) -> None:
        """A headcount of 很多 is marked invalid, with a Chinese message asking for a number on its question."""
        open_form(page, address, "zh", "company")
        page.fill('input[name="headcount"]', "很多")
        page.get_by_role("button", name="检查", exact=True).click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        line = page.locator('[data-field="headcount"] .checkup-error')
        assert line.is_visible() and "数字" in line.inner_text() and "headcount" not in line.inner_text()
        assert page.locator('input[name="headcount"]').get_attribute("aria-invalid") == "true"

    def test_answers_kept_exported_imported_and_cleared(self, page, address, tmp_path) -> None:
        """Answers survive a reload, export as JSON, go with 'Clear my data' (storage too) and return on import."""
        open_form(page, address, "en", "company", wait=False)
        answer(page, {"has_part_time": True, "headcount": "7"})
        page.wait_for_function(  # saving is debounced: wait until the answers are in the browser's storage
            "() => (localStorage.getItem('checkups-answers/1') || '').includes('headcount')", polling=100
        )
        page.reload()
        assert page.locator('input[name="has_part_time"][value="true"]').is_checked()
        assert page.input_value('input[name="headcount"]') == "7"
        with page.expect_download() as download:
            page.get_by_role("button", name="Export answers (JSON)").click()
        exported = tmp_path / "answers.json"
        download.value.save_as(exported)
        doc = json.loads(exported.read_text(encoding="utf-8"))
        assert doc["format"] == "checkups-answers/1" and doc["answers"] == {"has_part_time": True, "headcount": "7"}
        page.get_by_role("button", name="Clear my data").click()
        assert page.input_value('input[name="headcount"]') == ""
        assert page.evaluate("localStorage.getItem('checkups-answers/1')") is None
        page.set_input_files('input[data-action="import"]', str(exported))
        page.wait_for_function("document.querySelector('input[name=headcount]').value === '7'")
        assert page.locator('input[name="has_part_time"][value="true"]').is_checked()

    def test_blank_questionnaire_prints_on_a4_with_every_question(self, page, address, tmp_path) -> None:
        """The blank Chinese questionnaire prints on A4, and the PDF holds the start of every question's text."""
        open_form(page, address, "zh", "company", wait=False)
        pdf = tmp_path / "questionnaire.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Page size:.*\(A4\)", info), info
        flat = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        missing = [q for q, spec in questions().items() if re.sub(r"\s+", "", spec["text"]["zh"])[:12] not in flat]
        assert missing == []


def xlsx_roster(path: Path, out: Path) -> Path:
    book = openpyxl.Workbook()
    for line in path.read_text(encoding="utf-8").splitlines():
        book.active.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    out.write_bytes(buffer.getvalue())
    return out


class TestRoster:
    @pytest.mark.parametrize("sample", ["roster.csv", "roster-zh-gb18030.csv", "roster.xlsx"])
    def test_samples_give_the_command_lines_findings(self, page, address, run_cli, tmp_path, sample) -> None:
        """Each sample roster (CSV, GB18030, XLSX) gives the command line's findings, rows and audited count."""
        path = xlsx_roster(SAMPLES / "roster.csv", tmp_path / sample) if sample.endswith(".xlsx") else SAMPLES / sample
        cli = run_cli("audit", str(path), "--as-of", AS_OF, "--region", "guangzhou", "--format", "json")
        want = json.loads(cli.stdout)
        open_form(page, address, "en", "roster")
        settings(page, "guangzhou")
        page.set_input_files('input[name="file"]', str(path))
        page.get_by_role("button", name="Audit the roster").click()
        out = result(page)
        assert pairs(out["findings"]) == pairs(want["findings"])
        assert (out["rows"], out["audited"]) == (want["rows"], want["audited"])

    def test_row_errors_by_line_and_column(self, page, address) -> None:
        """Bad rows are listed by line and Chinese column, quoting 2025-02-30, without 'must be' wording."""
        open_form(page, address, "zh", "roster")
        settings(page, "guangzhou")
        page.set_input_files('input[name="file"]', str(SAMPLES / "roster-with-errors.csv"))
        page.get_by_role("button", name="检查名册").click()
        out = result(page)
        lines = {(e["row"], e["column"]) for e in out["row_errors"]}
        assert {(2, "入职日期"), (3, "月工资"), (9, "工号")} <= lines
        text = page.locator(".checkup-result").inner_text()
        assert "2025-02-30" in text and "must be" not in text

    def test_dropped_file_is_audited_and_kept_across_a_reload(self, page, address) -> None:
        """A roster dropped on the drop zone is audited (16 rows), and audited again from the browser after a reload."""
        open_form(page, address, "en", "roster")
        settings(page, "guangzhou")
        content = (SAMPLES / "roster.csv").read_text(encoding="utf-8")
        page.evaluate(
            """(content) => {
                const data = new DataTransfer();
                data.items.add(new File([content], "roster.csv", {type: "text/csv"}));
                document.querySelector(".checkup-drop").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
            }""",
            content,
        )
        assert result(page)["rows"] == 16
        page.reload()
        assert result(page)["rows"] == 16  # the last roster, kept in this browser, audited again

    def test_unusable_file(self, page, address, tmp_path) -> None:
        """An old .xls file is refused with a message on the file field that mentions .xlsx."""
        bad = tmp_path / "old.xls"
        bad.write_bytes(b"\xd0\xcf\x11\xe0 not a roster")
        open_form(page, address, "en", "roster")
        page.set_input_files('input[name="file"]', str(bad))
        page.get_by_role("button", name="Audit the roster").click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        assert ".xlsx" in page.locator('[data-field="file"] .checkup-error').inner_text()


class TestCalculators:
    def test_result_equals_the_python_api(self, page, address) -> None:
        """The browser's severance for Guangzhou equals calc's for the same values and shows under its calculator."""
        values = {"monthly_wage": "8000", "start": "2019-03-01", "end": "2025-06-30"}
        open_form(page, address, "en", "calculators")
        settings(page, "guangzhou")
        for name, value in values.items():
            page.fill(f'[name="severance.{name}"]', value)
        page.locator('button[value="severance"]').click()
        out = result(page)
        want = calc.find("severance").run(values, region="guangzhou")
        assert Decimal(out["outcomes"][0]["amount"]) == want.amount
        assert page.locator("#calc-severance + .checkup-result").count() == 1  # shown under its calculator

    def test_printable_report(self, page, address, tmp_path) -> None:
        """The report is the package's A4 page: the amount, its steps and the cited article's text."""
        open_form(page, address, "en", "calculators")
        for name, value in {"monthly_wage": "6000", "start": "2022-01-01", "end": "2024-12-31", "min_wage": "2500"}.items():
            page.fill(f'[name="severance.{name}"]', value)
        page.locator('button[value="severance"]').click()
        result(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download the report (HTML, printable)").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        html = saved.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "18,000.00" in html and 'id="lcl-47"' in html and "@page" in html

    def test_missing_figure_asks_for_it_in_plain_words(self, page, address) -> None:
        """No region and a low wage: the minimum wage is asked for next to its field, no parameter name."""
        open_form(page, address, "zh", "calculators")
        for name, value in {"monthly_wage": "2000", "start": "2020-01-01", "end": "2025-06-30"}.items():
            page.fill(f'[name="severance.{name}"]', value)
        page.locator('button[value="severance"]').click()
        page.locator('.checkup-result[data-result="error"]').wait_for(timeout=READY)
        line = page.locator('[data-field="severance.min_wage"] .checkup-error').inner_text()
        assert "最低工资" in line and "minimum_wage" not in line and "--" not in line


class TestAccessibility:
    @pytest.mark.parametrize(("lang", "kind"), [("zh", "company"), ("en", "roster"), ("en", "calculators")])
    def test_form_and_result_have_no_serious_violations_at_375_px(self, page, address, lang, kind) -> None:
        """At 375 px each form and its result fit without sideways scrolling and have no serious axe violation."""
        page.set_viewport_size({"width": 375, "height": 800})
        open_form(page, address, lang, kind)
        if kind == "company":
            answer(page, ANSWER_SETS[0][0])
            page.get_by_role("button", name="检查", exact=True).click()
        elif kind == "roster":
            settings(page, "guangzhou")
            page.set_input_files('input[name="file"]', str(SAMPLES / "roster-with-errors.csv"))
            page.get_by_role("button", name="Audit the roster").click()
        else:
            page.fill('[name="untaken_leave_pay.monthly_wage"]', "6000")
            page.fill('[name="untaken_leave_pay.days"]', "3")
            page.locator('button[value="untaken_leave_pay"]').click()
        result(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1  # no sideways scrolling
        assert serious(page) == []
