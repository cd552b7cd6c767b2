"""The command line as a user runs it: outputs, exit statuses, and no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


class TestAudit:
    def test_json_output(self, run_cli) -> None:
        """JSON has as_of, region, rows, audited, errors with row/column/message, findings, summary."""
        proc = run_cli(
            "audit", SAMPLES / "roster-with-errors.csv", "--as-of", "2025-06-30", "--region", "guangzhou", "--format", "json"
        )
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert (data["as_of"], data["region"], data["rows"], data["audited"]) == ("2025-06-30", "guangzhou", 9, 2)
        assert {"row": 2, "column": "hire_date"}.items() <= data["errors"][0].items()
        assert data["findings"][0]["amount"] == "48596.67"  # E107: 2024-11-02 .. 2025-06-30 = 7 months + 29/30 × 6,100
        assert data["summary"]["findings"] == len(data["findings"])

    def test_chinese_gb18030_sample(self, run_cli) -> None:
        """The GB18030 Chinese-header sample gives the same JSON as the UTF-8 one."""
        common = ("--as-of", "2025-06-30", "--region", "guangzhou", "--format", "json")
        a = run_cli("audit", SAMPLES / "roster.csv", *common)
        b = run_cli("audit", SAMPLES / "roster-zh-gb18030.csv", *common)
        assert a.returncode == b.returncode == 0
        assert json.loads(a.stdout) == json.loads(b.stdout)

    @pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
    def test_report_formats(self, run_cli, tmp_path, fmt) -> None:
        """audit writes a non-empty text, Markdown or HTML report of the sample roster to -o and exits 0."""
        out = tmp_path / f"report.{fmt}"
        proc = run_cli(
            "audit", SAMPLES / "roster.csv", "--as-of", "2025-06-30", "--region", "guangzhou", "--format", fmt, "-o", out
        )
        assert proc.returncode == 0 and out.read_text(encoding="utf-8").strip()

    def test_min_wage_option(self, run_cli) -> None:
        """--min-wage replaces the regional figure."""
        proc = run_cli("audit", SAMPLES / "roster.csv", "--as-of", "2025-06-30", "--min-wage", "8500", "--format", "json")
        data = json.loads(proc.stdout)
        below = {f["employee_id"] for f in data["findings"] if f["rule"] == "wages.below_minimum_wage"}
        assert "E001" in below and "E012" not in below  # E012 is part-time

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (None, "no such file"),
            (b"", "empty"),
            (b"name,age\nx,1\n", "employee_id"),
            (b"employee_id,name\nE1,x\n", "hire_date"),
            (bytes(range(256)) * 8, ""),
            (b"\xd0\xcf\x11\xe0" + b"\x00" * 64, ".xls"),
        ],
    )
    def test_unusable_input_exits_2_with_one_line(self, run_cli, tmp_path, content, reason) -> None:
        """An unusable file: status 2, a one-line reason on stderr, no traceback."""
        path = tmp_path / "roster.csv"
        if content is not None:
            path.write_bytes(content)
        proc = run_cli("audit", path)
        assert proc.returncode == 2
        assert len(proc.stderr.strip().splitlines()) == 1 and reason in proc.stderr
        assert "Traceback" not in proc.stderr

    def test_bad_options(self, run_cli) -> None:
        """An impossible --as-of date, an unknown --region or a negative --min-wage exits 2 without a traceback."""
        for args in (["--as-of", "2025-13-01"], ["--region", "atlantis"], ["--min-wage", "-1"]):
            proc = run_cli("audit", SAMPLES / "roster.csv", *args)
            assert proc.returncode == 2 and "Traceback" not in proc.stderr, args


class TestCalc:
    @pytest.mark.parametrize(
        ("args", "amount"),
        [
            (["severance", "6000", "2022-01-01", "2024-12-31", "--avg-wage", "13704", "--min-wage", "2500"], "18,000.00"),
            (
                ["unlawful_termination", "6000", "2022-01-01", "2024-12-31", "--avg-wage", "13704", "--min-wage", "2500"],
                "36,000.00",
            ),
            (["double_wage", "6000", "2025-01-15", "--as-of", "2025-06-30"], "27,000.00"),
            (["double-wage", "6000", "2025-01-15", "2025-04-21", "--as-of", "2025-06-30"], "13,000.00"),
            (["overtime_pay", "30", "--workday-hours", "10", "--holiday-hours", "8"], "1,170.00"),
            (["overtime", "--monthly-wage", "6960", "--workday-hours", "10", "--on", "2025-06-30"], "600.00"),
            (
                [
                    "overtime_pay",
                    "40",
                    "--hours-system",
                    "comprehensive",
                    "--worked-hours",
                    "510",
                    "--period",
                    "quarter",
                    "--on",
                    "2024-06-30",
                ],
                "600.00",
            ),
            (["untaken_leave_pay", "6000", "5"], "2,758.62"),
            (["untaken-leave-pay", "6000", "3", "--refused-in-writing", "--on", "2025-06-30"], "0.00"),
            (["all-in-wage", "3000", "--workday-hours", "36", "--min-wage", "2500", "--on", "2025-06-30"], "275.86"),
            (["si-arrears", "1000", "2025-01-15", "--on", "2025-03-01"], "1,022.50"),
            (["severance", "9000", "2020-01-01", "2024-12-31", "--avg-wage", "13704"], "45,000.00"),
        ],
    )
    def test_money_calculators(self, run_cli, args, amount) -> None:
        """Each money calculator, by name or alias, prints its amount, e.g. 18,000.00 severance."""
        proc = run_cli("calc", *args, "--lang", "en")
        assert proc.returncode == 0, proc.stderr
        assert f"Amount: {amount}" in proc.stdout

    @pytest.mark.parametrize(
        ("args", "out"),
        [
            (["annual_leave_days", "10"], "10"),
            (["max_probation_months", "open-ended"], "6"),
            (["probation", "12"], "2"),
            (["min_probation_wage", "5000", "--min-wage", "2500"], "4000.00"),
            (["min-probation-wage", "6000", "--post-lowest-wage", "5000", "--on", "2025-06-30"], "4000.00"),
            (["max_probation_months", "24", "--part-time"], "0"),
            (["annual-leave", "12", "--on", "2008-06-30"], "10"),
        ],
    )
    def test_number_calculators(self, run_cli, args, out) -> None:
        """A calculator that answers a number prints just that number, e.g. 6 months' probation when open-ended."""
        proc = run_cli("calc", *args)
        assert proc.returncode == 0 and proc.stdout.strip() == out

    def test_json(self, run_cli) -> None:
        """calc severance --format json for Guangzhou gives the amount 18000.00 and non-empty warnings."""
        proc = run_cli("calc", "severance", "6000", "2022-01-01", "2024-12-31", "--region", "guangzhou", "--format", "json")
        data = json.loads(proc.stdout)
        assert data["amount"] == "18000.00" and data["warnings"]

    def test_missing_figure_exits_2(self, run_cli) -> None:
        """Severance of a wage below some minimum wage, without a region or figures, says which figure to give."""
        proc = run_cli("calc", "severance", "2000", "2022-01-01", "2024-12-31")
        assert proc.returncode == 2 and "min_wage" in proc.stderr and "Traceback" not in proc.stderr

    def test_limits_print_label_and_steps(self, run_cli) -> None:
        """A calculator that answers limits prints each with its steps and citations."""
        proc = run_cli("calc", "leave-entitlement", "12", "--joined", "2024-07-01", "--lang", "en")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("Paid annual leave this year: 5 days") and "PAL-IM 5" in proc.stdout

    def test_every_calculator_has_a_subcommand_with_its_fields(self) -> None:
        """The subcommands are generated from the registry: one per calculator, with its aliases and fields."""
        from checkups import calc
        from checkups.cli import parser

        sub = next(a for a in parser()._actions if a.dest == "command").choices["calc"]
        calcs = next(a for a in sub._actions if a.dest == "calculator").choices
        for spec in calc.CALCULATORS:
            for name in (spec.name, *spec.aliases):
                assert name in calcs, name
            dests = {a.dest for a in calcs[spec.name]._actions}
            assert {f.cli or f.name for f in spec.fields} <= dests, spec.name

    def test_bad_choice_exits_2(self, run_cli) -> None:
        """An unknown --hours-system (shift) exits 2 without a traceback."""
        proc = run_cli("calc", "overtime_pay", "40", "--hours-system", "shift")
        assert proc.returncode == 2 and "Traceback" not in proc.stderr


class TestRulesAndEvaluate:
    def test_rules_listing(self, run_cli) -> None:
        """rules --format json lists at least 40 rules, the first with id, area, scope, severity, title, citations."""
        proc = run_cli("rules", "--format", "json")
        data = json.loads(proc.stdout)
        assert len(data) >= 40 and {"id", "area", "scope", "severity", "title", "citations"} <= set(data[0])

    def test_evaluate(self, run_cli, tmp_path) -> None:
        """evaluate of an answers file saying 否 to insurance registration finds only all_staff_insured."""
        answers = tmp_path / "answers.json"
        answers.write_text(
            json.dumps({"answers": {"insurance_all_staff_registered": "否"}}, ensure_ascii=False), encoding="utf-8"
        )
        proc = run_cli("evaluate", answers, "--format", "json", "--as-of", "2025-06-30")
        assert proc.returncode == 0
        assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["social_insurance.all_staff_insured"]

    def test_evaluate_bad_file(self, run_cli, tmp_path) -> None:
        """evaluate of a file that is not JSON exits 2 with a reason that mentions JSON."""
        bad = tmp_path / "answers.json"
        bad.write_text("{not json", encoding="utf-8")
        proc = run_cli("evaluate", bad)
        assert proc.returncode == 2 and "JSON" in proc.stderr


def _unwritable(tmp_path: Path) -> Path:
    """An output path this process may not write: a read-only folder, or (as root, who ignores
    modes) a path on the read-only /sys file system."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    for candidate in (locked / "report.html", Path("/sys/report.html")):
        try:
            candidate.write_text("x", encoding="utf-8")
        except PermissionError:
            return candidate
        candidate.unlink()
    pytest.fail("no path that this process may not write was found")


class TestHostileInput:
    @pytest.mark.parametrize(
        ("header", "row", "column"),
        [
            ("contract_signed_date,contract_term_months", "2020-01-01,999999999", "contract_term_months"),
            ("contract_signed_date,contract_term_months", "2020-01-01,0.5", "contract_term_months"),
            ("monthly_wage", "1e999999", "monthly_wage"),
            ("monthly_wage", "-1e-999999", "monthly_wage"),
            ("birth_date", "9999-01-01", "birth_date"),
        ],
    )
    def test_hostile_cells_are_row_errors(self, run_cli, tmp_path, header, row, column) -> None:
        """The issue's hostile cells give exit 0 and a row error with line and column, not an internal error."""
        path = tmp_path / "roster.csv"
        path.write_text(f"employee_id,hire_date,{header}\nE1,2020-01-01,{row}\nE2,2020-01-01,\n", encoding="utf-8")
        proc = run_cli("audit", path, "--as-of", "2025-06-30", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert (data["rows"], data["audited"]) == (2, 1)
        assert [(e["row"], e["column"]) for e in data["errors"]] == [(2, column)]

    def test_extreme_accepted_values_do_not_overflow(self, run_cli, tmp_path) -> None:
        """A part-timer paid 10^12 a month for 0.01 hours a week is audited (fuzz find: a decimal overflow before)."""
        path = tmp_path / "roster.csv"
        path.write_text(
            "employee_id,hire_date,employment_type,monthly_wage,weekly_hours,contract_term_months\n"
            "E1,1900-01-01,part_time,1000000000000,1e-999999,1200\nE2,2020-01-01,part_time,2000,0.01,\n",
            encoding="utf-8",
        )
        proc = run_cli("audit", path, "--as-of", "2100-12-31", "--region", "guangzhou", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["audited"] == 2

    def test_hire_date_in_year_9999(self, run_cli, tmp_path) -> None:
        """A hire date in year 9999 is a row error naming the accepted range."""
        path = tmp_path / "roster.csv"
        path.write_text("employee_id,hire_date\nE1,9999-01-01\n", encoding="utf-8")
        proc = run_cli("audit", path, "--as-of", "2025-06-30", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["errors"][0]["expected"] == "a date from 1900-01-01 to 2100-12-31"

    def test_five_megabyte_value_is_clipped(self, run_cli, tmp_path) -> None:
        """A 5 MB cell is echoed in the report as 40 characters and its length."""
        path = tmp_path / "roster.csv"
        path.write_text("employee_id,hire_date,monthly_wage\nE1,2020-01-01," + "9" * 5_242_880 + "\n", encoding="utf-8")
        proc = run_cli("audit", path, "--as-of", "2025-06-30", "--lang", "en")
        assert proc.returncode == 0, proc.stderr
        assert "…(5242880 characters)" in proc.stdout and len(proc.stdout) < 20_000

    def test_unbalanced_quote_loses_no_row(self, run_cli, tmp_path) -> None:
        """Four employees and one unbalanced quote: rows 4 = 3 audited + 1 rejected, on the line where it opened."""
        path = tmp_path / "roster.csv"
        path.write_text(
            'employee_id,name,hire_date\nE1,"Li,2020-01-01\nE2,b,2020-01-01\nE3,c,2020-01-01\nE4,d,2020-01-01\n',
            encoding="utf-8",
        )
        data = json.loads(run_cli("audit", path, "--as-of", "2025-06-30", "--format", "json").stdout)
        assert (data["rows"], data["audited"]) == (4, 3)
        assert [(e["row"], e["column"]) for e in data["errors"]] == [(2, "name")]

    def test_header_only_roster(self, run_cli, tmp_path) -> None:
        """A header-only roster exits 2 saying it has no data rows."""
        path = tmp_path / "roster.csv"
        path.write_text("工号,入职日期\n", encoding="utf-8")
        proc = run_cli("audit", path)
        assert proc.returncode == 2 and "no data rows" in proc.stderr and len(proc.stderr.splitlines()) == 1

    def test_xlsx_roster_on_the_second_sheet(self, run_cli, tmp_path) -> None:
        """An .xlsx whose first sheet is notes is audited from the roster sheet, and the report names it."""
        import openpyxl

        book = openpyxl.Workbook()
        book.active.title = "说明"
        book.active.append(["请在第二个工作表填写"])
        sheet = book.create_sheet("员工")
        sheet.append(["工号", "入职日期"])
        sheet.append(["E1", "2025-01-01"])
        book.save(tmp_path / "r.xlsx")
        proc = run_cli("audit", tmp_path / "r.xlsx", "--as-of", "2025-06-30", "--format", "json")
        data = json.loads(proc.stdout)
        assert data["audited"] == 1 and any("“员工”" in n["en"] for n in data["notices"])
        proc = run_cli("audit", tmp_path / "r.xlsx", "--sheet", "说明")
        assert proc.returncode == 2 and "employee_id" in proc.stderr

    @pytest.mark.parametrize("where", ["missing folder", "folder", "no permission", "file as folder"])
    def test_unusable_output_path_exits_2(self, run_cli, tmp_path, where) -> None:
        """-o to a missing folder, a folder or a place without permission: exit 2 with a one-line reason."""
        (tmp_path / "file.txt").write_text("x", encoding="utf-8")
        target = {
            "missing folder": tmp_path / "nope" / "report.html",
            "folder": tmp_path,
            "file as folder": tmp_path / "file.txt" / "report.html",
        }.get(where) or _unwritable(tmp_path)
        proc = run_cli("audit", SAMPLES / "roster.csv", "--as-of", "2025-06-30", "--format", "html", "-o", target)
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and f"cannot write the report to {target}" in proc.stderr

    @pytest.mark.parametrize(
        "args",
        [
            ["--as-of", "9999-01-01"],
            ["--as-of", "1899-12-31"],
            ["--min-wage", "1e999999"],
            ["--min-wage", "nan"],
            ["--avg-wage", "inf"],
            ["--region", "x" * 100_000],
        ],
    )
    def test_hostile_arguments_exit_2(self, run_cli, args) -> None:
        """Out-of-range dates, huge or non-finite figures and a 100,000-character region exit 2 on one short line."""
        proc = run_cli("audit", SAMPLES / "roster.csv", *args)
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and len(proc.stderr) < 400

    def test_evaluate_folder_and_deep_json_exit_2(self, run_cli, tmp_path) -> None:
        """A folder as answers file, or JSON nested too deep to read, exits 2."""
        deep = tmp_path / "deep.json"
        deep.write_text("[" * 100_000, encoding="utf-8")
        for path in (tmp_path, deep):
            proc = run_cli("evaluate", path)
            assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr

    def test_roster_wide_and_row_findings_together(self, run_cli, tmp_path) -> None:
        """A finding about the whole roster (dispatch share) next to row findings does not crash the audit (fuzz find)."""
        path = tmp_path / "roster.csv"
        path.write_text(
            "employee_id,hire_date,employment_type,contract_signed_date\nE1,2024-01-01,dispatched,\nE2,2024-01-01,full_time,\n",
            encoding="utf-8",
        )
        proc = run_cli("audit", path, "--as-of", "2025-06-30", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        rows = [(f["rule"], f["row"]) for f in json.loads(proc.stdout)["findings"]]
        assert rows[0] == ("contracts.dispatch_share_over_cap", None) and ("contracts.written_within_one_month", 3) in rows

    @pytest.mark.parametrize(
        "args",
        [
            ["severance", "", "2019-03-01", "2025-06-30"],
            ["double_wage", " ", "2025-01-15", "--as-of", "2025-06-30"],
            ["untaken_leave_pay", "", ""],
            ["annual_leave_days", ""],
            ["si-arrears", "", "2025-01-15", "--on", "2025-03-01"],
        ],
    )
    def test_empty_required_calculator_argument_exits_2(self, run_cli, args) -> None:
        """A required calculator argument given as an empty string is refused by name, not an internal error."""
        proc = run_cli("calc", *args)
        assert proc.returncode == 2 and "must be given" in proc.stderr, proc.stderr
