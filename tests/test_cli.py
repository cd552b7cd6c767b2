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
        assert data["findings"][0]["amount"] == "48800.00"
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
            (["double_wage", "6000", "2025-01-15", "--as-of", "2025-06-30"], "27,200.00"),
            (["double-wage", "6000", "2025-01-15", "2025-04-21"], "13,200.00"),
            (["overtime_pay", "30", "--workday-hours", "10", "--holiday-hours", "8"], "1,170.00"),
            (["untaken_leave_pay", "6000", "5"], "2,758.62"),
        ],
    )
    def test_money_calculators(self, run_cli, args, amount) -> None:
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
        ],
    )
    def test_number_calculators(self, run_cli, args, out) -> None:
        proc = run_cli("calc", *args)
        assert proc.returncode == 0 and proc.stdout.strip() == out

    def test_json(self, run_cli) -> None:
        proc = run_cli("calc", "severance", "6000", "2022-01-01", "2024-12-31", "--region", "guangzhou", "--format", "json")
        data = json.loads(proc.stdout)
        assert data["amount"] == "18000.00" and data["warnings"]

    def test_missing_figure_exits_2(self, run_cli) -> None:
        """Severance without a region or figures says which figure to give."""
        proc = run_cli("calc", "severance", "6000", "2022-01-01", "2024-12-31")
        assert proc.returncode == 2 and "min_wage" in proc.stderr and "Traceback" not in proc.stderr


class TestRulesAndEvaluate:
    def test_rules_listing(self, run_cli) -> None:
        proc = run_cli("rules", "--format", "json")
        data = json.loads(proc.stdout)
        assert len(data) >= 40 and {"id", "area", "scope", "severity", "title", "citations"} <= set(data[0])

    def test_evaluate(self, run_cli, tmp_path) -> None:
        answers = tmp_path / "answers.json"
        answers.write_text(
            json.dumps({"answers": {"insurance_all_staff_registered": "否"}}, ensure_ascii=False), encoding="utf-8"
        )
        proc = run_cli("evaluate", answers, "--format", "json", "--as-of", "2025-06-30")
        assert proc.returncode == 0
        assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["social_insurance.all_staff_insured"]

    def test_evaluate_bad_file(self, run_cli, tmp_path) -> None:
        bad = tmp_path / "answers.json"
        bad.write_text("{not json", encoding="utf-8")
        proc = run_cli("evaluate", bad)
        assert proc.returncode == 2 and "JSON" in proc.stderr
