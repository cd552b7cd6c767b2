"""Reports: Markdown and standalone printable HTML, in Chinese and English."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checkups import calc, report
from checkups.audit import audit_roster
from checkups.calc_report import Calculation
from checkups.calc_report import to_html as calculations_html
from checkups.evaluate import evaluate
from checkups.report_parts import LIMIT
from checkups.text import Text, fmt_money

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def result():
    return audit_roster(SAMPLES / "roster-with-errors.csv", as_of=dt.date(2025, 6, 30), region="guangzhou")


@pytest.fixture(scope="module")
def sample():
    return audit_roster(SAMPLES / "roster.csv", as_of=dt.date(2025, 6, 30), region="guangzhou")


class _Collect(HTMLParser):
    """Ids, links and sources of a page; its rule sections, and the rows of each section's table."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.srcs, self.tags = set(), [], [], []
        self.sections: list[list[str]] = []  # per rule section: the text of each employee row
        self._in_body = self._cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])
        if tag == "section" and "rule" in attrs.get("class", "").split():
            self.sections.append([])
        if tag == "tbody" and self.sections:
            self._in_body = True
        if tag == "tr" and self._in_body:
            self.sections[-1].append("")

    def handle_endtag(self, tag):
        if tag in ("tbody", "section"):
            self._in_body = False

    def handle_data(self, data):
        if self._in_body:
            self.sections[-1][-1] += data + "|"


class TestHtml:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_standalone_with_working_citation_links(self, sample, lang) -> None:
        """The HTML loads nothing from elsewhere and every citation link has its article below."""
        html = report.to_html(sample, lang)
        parser = _Collect()
        parser.feed(html)
        assert parser.srcs == [] and "http" not in "".join(parser.hrefs)
        anchors = [h[1:] for h in parser.hrefs if h.startswith("#")]
        assert anchors and set(anchors) <= parser.ids
        assert "@page" in html and "size: A4" in html

    def test_contents(self, sample) -> None:
        """Summary by area and severity, total at risk, each finding with its fix and citation."""
        html = report.to_html(sample, "zh")
        assert "劳动合同管理" in html and "99,008.06" in html  # contracts: 27,000 + 5,000 + 49,350 + 13,658.06 + 4,000
        parser = _Collect()
        parser.feed(html)
        rules = list(dict.fromkeys(f.rule for f in sample.findings))
        assert len(parser.sections) == len(rules)  # one section per rule
        assert sorted(len(rows) for rows in parser.sections) == sorted(
            sum(f.rule == r for f in sample.findings) for r in rules
        )  # one table row per finding of that rule
        assert html.count("整改建议") == len(rules) and "《劳动合同法》第82条" in html  # the fix once per rule
        total = sample.summary["amount_at_risk"]
        assert f"{float(total):,.2f}" in html

    def test_errors_are_listed(self, result) -> None:
        """The HTML report lists the row number of every rejected roster row."""
        html = report.to_html(result, "en")
        for error in result.errors:
            assert f">{error.row}<" in html

    def test_escaping(self) -> None:
        """Cell text from the roster cannot inject markup."""
        from checkups.audit import audit_records

        hostile = audit_records(
            [{"employee_id": "<script>x</script>", "hire_date": "2025-01-01", "contract_signed_date": ""}],
            as_of="2025-06-30",
        )
        assert "<script>x" not in report.to_html(hostile, "en")


class TestMarkdown:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_sections(self, sample, lang) -> None:
        """The Markdown report has a title, a section per rule, a row per finding, and LCL 82 cited."""
        md = report.to_markdown(sample, lang)
        assert md.startswith("# ")
        assert len(re.findall(r"^### ", md, flags=re.M)) == len({f.rule for f in sample.findings})
        assert all(f"| {f.row} | {f.employee_id} |" in md for f in sample.findings)
        assert ("LCL 82" in md) if lang == "en" else ("第82条" in md)

    def test_questionnaire_report(self) -> None:
        """The questionnaire's Markdown report has its title and 3,000.00; its Chinese text cites SIL 58."""
        result = evaluate({"insurance_all_staff_registered": False, "insurance_unpaid_contributions": 1000}, as_of="2025-06-30")
        md = report.to_markdown(result, "en")
        assert "Company labour compliance check-up" in md and "3,000.00" in md
        text = report.to_text(result, "zh")
        assert "SIL 58" in text

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_advice_is_marked_as_advice_not_law(self, lang) -> None:
        """Review point 21: good practice is labelled as such; a legal duty is not."""
        answers = {"uses_trustee": True, "consult_agreement_divides_responsibilities": False, "disputes_claims_answered": False}
        result = evaluate({**answers, "insurance_all_staff_registered": False}, as_of="2025-06-30")
        label = {"zh": "建议做法，非法定义务", "en": "Good practice, not a legal duty"}[lang]
        headings = {line for line in report.to_markdown(result, lang).splitlines() if line.startswith("### ")}
        marked = {f.rule: any(f.spec.title[lang] in h and label in h for h in headings) for f in result.findings}
        assert marked == {
            "consultation.trustee_agreement_responsibilities": True,
            "disputes.employee_claims_answered": True,
            "social_insurance.all_staff_insured": False,
        }


def test_calculations_report_in_chinese() -> None:
    """The calculators' report: inputs, amount, steps, the unverified regional figure, the cited articles' texts."""
    result = calc.severance(20000, "2020-03-01", "2025-06-30", region="guangzhou")
    page = calculations_html(
        [Calculation(Text("经济补偿", "Severance"), ((Text("月工资", "Monthly wage"), "20000"),), (result,))],
        "zh",
        region="guangzhou",
    )
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page and "劳动用工计算结果" in page
    assert "月工资" in page and "20000" in page and fmt_money(result.amount) in page
    assert all(s.zh in page for s in result.steps)
    assert "未经官方文件核实" in page  # Guangzhou's average wage ships unverified, and the report says so
    assert 'id="lcl-47"' in page and "经济补偿按劳动者在本单位工作的年限" in page


def _unsigned(n: int):
    """``n`` employees hired on 2025-01-15 with no written contract: one double-wage finding each."""
    from checkups.audit import audit_records

    rows = [
        {"employee_id": f"E{i:04d}", "hire_date": "2025-01-15", "contract_signed_date": "", "monthly_wage": "6000"}
        for i in range(n)
    ]
    return audit_records(rows, as_of="2025-06-30")


class TestLargeRosters:
    @pytest.mark.parametrize(("n", "cut"), [(LIMIT, False), (LIMIT + 1, True)])
    def test_a_rule_list_is_cut_beyond_the_limit(self, n, cut) -> None:
        """Up to LIMIT findings of a rule are all listed; one more and the list stops at LIMIT with a note."""
        result = _unsigned(n)
        assert len(result.findings) == n
        parser = _Collect()
        parser.feed(report.to_html(result, "en"))
        assert [len(rows) for rows in parser.sections] == [LIMIT if cut else n]
        md = report.to_markdown(result, "zh")
        assert ("完整名单请将检查结果导出为 CSV 或 XLSX 文件查看" in md) is cut
        assert md.count("| E0") == (LIMIT if cut else n)

    @pytest.mark.parametrize(
        ("lang", "note"),
        [
            ("zh", "共 501 条，这里列出按名册行序的前 500 条。完整名单见文件 "),
            ("en", "501 findings; the first 500 in roster order"),
        ],
    )
    def test_full_list_written_next_to_the_report(self, tmp_path, lang, note) -> None:
        """write_html puts every finding in <name>-findings.csv beside the page and links it from the note."""
        result = _unsigned(LIMIT + 1)
        written = report.write_html(result, tmp_path / "report.html", lang)
        assert [p.name for p in written] == ["report.html", "report-findings.csv"]
        page = written[0].read_text(encoding="utf-8")
        assert note in page and '<a href="report-findings.csv">' in page
        rows = list(csv.reader(io.StringIO(written[1].read_text(encoding="utf-8-sig"))))
        assert len(rows) == 1 + LIMIT + 1 and rows[-1][1] == f"E{LIMIT:04d}"

    @pytest.mark.parametrize("n", [LIMIT, LIMIT + 1])
    def test_rows_not_audited_are_cut_beyond_the_limit(self, tmp_path, n) -> None:
        """Up to LIMIT problems of rejected rows are listed; beyond, LIMIT and a link to a CSV of all.

        The file <name>-rows-not-audited.csv holds every problem with its line and column."""
        from checkups.audit import audit_records

        rows = [{"employee_id": f"E{i:04d}", "hire_date": "2025-02-30"} for i in range(n)]
        result = audit_records(rows, as_of="2025-06-30")
        assert (len(result.errors), result.audited) == (n, 0)
        written = report.write_html(result, tmp_path / "report.html", "en")
        page = written[0].read_text(encoding="utf-8")
        table = page.split('<table class="errors">')[1].split("</table>")[0]
        assert table.count('<td class="num">') == min(n, LIMIT)
        md = report.to_markdown(result, "zh")
        cut = n > LIMIT
        assert ("未能检查的行共有 501 处问题，这里列出前 500 处。" in md) is cut
        if not cut:
            assert [p.name for p in written] == ["report.html"]
            return
        assert [p.name for p in written] == ["report.html", "report-rows-not-audited.csv"]
        assert '<a href="report-rows-not-audited.csv">report-rows-not-audited.csv</a>' in page
        assert "The rows that could not be audited have 501 problems; the first 500 are listed here." in page
        listed = list(csv.reader(io.StringIO(written[1].read_text(encoding="utf-8-sig"))))
        assert listed[0] == ["Line", "Column", "Problem"]
        assert [r[0] for r in listed[1:]] == [str(e.row) for e in result.errors] and len(listed) == n + 1
        assert {r[1] for r in listed[1:]} == {"hire_date"}

    def test_ui_report_names_both_downloads(self) -> None:
        """The check-up page's report links the CSV and XLSX files the page offers."""
        page = report.to_html(_unsigned(LIMIT + 1), "en", full_list=("a.csv", "a.xlsx"))
        assert '<a href="a.csv">a.csv</a> / <a href="a.xlsx">a.xlsx</a>' in page

    def test_small_roster_writes_the_page_only(self, tmp_path, sample) -> None:
        """No list is cut, so no extra files are written."""
        assert report.write_html(sample, tmp_path / "r.html") == [tmp_path / "r.html"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]

    def test_cli_html_output_writes_the_full_list(self, run_cli, tmp_path) -> None:
        """``audit --format html -o report.html`` on a large roster also writes the full list as CSV."""
        roster = tmp_path / "big.csv"
        roster.write_text(
            "employee_id,hire_date,contract_signed_date,monthly_wage\n"
            + "".join(f"E{i:04d},2025-01-15,,6000\n" for i in range(LIMIT + 1)),
            encoding="utf-8",
        )
        proc = run_cli("audit", roster, "--as-of", "2025-06-30", "--format", "html", "-o", tmp_path / "report.html")
        assert proc.returncode == 0, proc.stderr
        assert {p.name for p in tmp_path.iterdir()} == {"big.csv", "report.html", "report-findings.csv"}

    def test_printable(self, sample) -> None:
        """A4 page, table headers repeated on each printed page, rows not split across pages."""
        page = report.to_html(sample, "zh")
        printing = page[page.index("@media print") :]
        assert "thead { display: table-header-group; }" in printing and "tr, dl { break-inside: avoid; }" in printing
