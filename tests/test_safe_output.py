"""Hostile text in a roster or an answer is shown as text everywhere: escaped in HTML and
Markdown, never run as a formula by a spreadsheet opening the CSV or XLSX export."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from checkups.exports import FORMULA_START, safe_cell
from checkups.ui import QuestionnaireApp, roster_app

SCRIPT = "<script>alert(1)</script>"
LINK = '=HYPERLINK("http://x","y")'
HOSTILE_IDS = (SCRIPT, LINK, "+SUM(A1)", "@cmd", "-1+2")


def _roster() -> bytes:
    """Five employees hired without a written contract (each gets a finding), their ids and names
    hostile, one bad hire date echoed in a row error, and a hostile unknown column header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["employee_id", "name", "hire_date", "contract_signed_date", "monthly_wage", SCRIPT])
    for i, hostile in enumerate(HOSTILE_IDS):
        writer.writerow([hostile, hostile, "2025-01-15", "", "6000", LINK if i % 2 else SCRIPT])
    writer.writerow(["E9", LINK, SCRIPT, "", "6000", ""])
    return buffer.getvalue().encode("utf-8")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]


def _assert_safe_html(page: str) -> None:
    """No markup from the roster: no script element, no link to the hostile address, the text still shown."""
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and SCRIPT not in page
    assert not any("x" == h.strip("/").removeprefix("http://") for h in parser.hrefs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text


def _assert_neutral(rows: list[list[object]]) -> None:
    """No cell of the export starts a formula, and each hostile id is there with its leading quote."""
    cells = [str(c) for row in rows for c in row if c is not None]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    for hostile in HOSTILE_IDS[1:]:
        assert "'" + hostile in cells


@pytest.fixture(scope="module")
def roster(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "roster.csv"
    path.write_bytes(_roster())
    return path


class TestSafeCell:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("E001", "E001"),
         ("员工 =1", "员工 =1"), ("", ""), (None, "")],
    )  # fmt: skip
    def test_formula_starts_get_a_quote(self, value, expected) -> None:
        """Only a cell that begins with =, +, -, @ (or a tab or carriage return) is prefixed."""
        assert safe_cell(value) == expected


class TestCli:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_html_report(self, run_cli, roster, tmp_path, lang) -> None:
        """The HTML report shows the hostile ids, the bad cell and the column header as text only."""
        out = tmp_path / "report.html"
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "html", "--lang", lang, "-o", out)
        assert proc.returncode == 0, proc.stderr
        _assert_safe_html(out.read_text(encoding="utf-8"))

    def test_markdown_report(self, run_cli, roster) -> None:
        """Markdown escapes the markup characters, so a viewer shows the text and makes no element or link."""
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "markdown")
        assert proc.returncode == 0, proc.stderr
        assert SCRIPT not in proc.stdout and r"\<script\>alert(1)\</script\>" in proc.stdout
        assert not re.search(r"(?<!\\)\[[^\]]*\]\(http://x", proc.stdout)

    def test_csv_export(self, run_cli, roster, tmp_path) -> None:
        """The CSV export prefixes every formula-like cell with a single quote."""
        out = tmp_path / "findings.csv"
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "csv", "-o", out)
        assert proc.returncode == 0, proc.stderr
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert len(rows) == 1 + len(HOSTILE_IDS)  # header + one written-contract finding each
        _assert_neutral(rows)

    def test_xlsx_export(self, run_cli, roster, tmp_path) -> None:
        """The XLSX export holds the same neutralised text, as strings."""
        out = tmp_path / "findings.xlsx"
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "xlsx", "--lang", "en", "-o", out)
        assert proc.returncode == 0, proc.stderr
        sheet = openpyxl.load_workbook(out).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0][:2] == ["Line", "Employee ID"] and len(rows) == 1 + len(HOSTILE_IDS)
        _assert_neutral(rows)

    def test_json_keeps_the_data(self, run_cli, roster) -> None:
        """JSON is data: the ids come through unchanged, for the consumer to escape where it shows them."""
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert sorted(f["employee_id"] for f in data["findings"]) == sorted(HOSTILE_IDS)
        assert SCRIPT in data["ignored_columns"]


class TestUi:
    def test_roster_page_report_and_lists(self) -> None:
        """The roster check-up's page, its HTML report and its CSV list are safe."""
        app = roster_app("en", storage_path=None)
        app.as_of.value = app.as_of.value.replace(2025, 6, 30)
        result = app.audit(_roster(), "hostile.csv")
        assert result is not None and len(result.findings) == len(HOSTILE_IDS)
        _assert_safe_html(app.result.value)
        links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', app.links.value))
        _assert_safe_html(base64.b64decode(links["roster-report.html"]).decode("utf-8"))
        listed = base64.b64decode(links["roster-findings.csv"]).decode("utf-8-sig")
        _assert_neutral(list(csv.reader(io.StringIO(listed))))
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(links["roster-findings.xlsx"]))).active
        _assert_neutral([list(r) for r in sheet.iter_rows(values_only=True)])

    def test_questionnaire_bad_answer_message(self) -> None:
        """A bad answer is quoted back in the message as text, not as markup."""
        app = QuestionnaireApp("en")
        app.inputs["insurance_unpaid_contributions"].value = SCRIPT
        app.run()
        assert "insurance_unpaid_contributions" in app.message.value
        assert SCRIPT not in app.message.value and "&lt;script&gt;" in app.message.value
