"""Auditing rosters end to end: the shipped sample gives the expected findings per employee."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from checkups import report
from checkups.audit import audit_records, audit_roster
from checkups.exports import findings_csv, iter_json
from checkups.registry import rule as get_rule

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
AS_OF = dt.date(2025, 6, 30)

# The sample roster audited for Guangzhou on 2025-06-30, worked out by hand (see the
# comments in samples/README.md): employee → {rule: amount or None}.
EXPECTED = {
    "E002": {
        "contracts.written_within_one_month": "27000.00",  # 2025-02-16..06-30: 4 months + 15/30 × 6,000
        "social_insurance.not_enrolled": None,
        "social_insurance.housing_fund_not_registered": None,
        "workplace_rules.weekly_hours_over_limit": None,
    },
    "E003": {
        "contracts.probation_too_long": "5000.00",  # 12-month term allows 2; 3 served → 1 × 5,000
        "wages.probation_wage_too_low": "600.00",  # 80% of 5,000 = 4,000; 3,800 paid; 200 × 3
    },
    "E004": {"social_insurance.enrolled_late": None, "social_insurance.housing_fund_late": None},
    "E005": {
        "contracts.written_within_one_month": "49350.00",  # 2023-06-11..2024-05-09: 10 months + 29/30 × 4,500
        "contracts.deemed_open_ended": None,
        "social_insurance.housing_fund_not_registered": None,
    },
    "E006": {"wages.below_minimum_wage": "800.00"},  # 2,500 − 2,300 = 200 a month, March to June 2025: × 4
    "E007": {"contracts.contract_expired": None, "onboarding.termination_paperwork": None},
    "E008": {"contracts.open_ended_eligible": None},  # signed 2024 = a renewal: only named in a notice
    "E009": {"contracts.contract_expired": None},
    "E010": {"workplace_rules.overtime_over_monthly_limit": None},
    "E011": {"contracts.written_within_one_month": "13658.06"},  # 2024-11-09..2025-01-19: 2 months + 11/31 × 5,800
    "E012": {"wages.below_hourly_minimum_wage": "162.00"},  # 2,000 / (20 h × 52 / 12) = 23.08 < 23.7: (2,054 − 2,000) × 3
    "E013": {"contracts.probation_too_long": "4000.00"},  # no probation on a 2-month contract
}


def by_employee(result) -> dict[str, dict[str, Decimal | None]]:
    out: dict[str, dict[str, Decimal | None]] = {}
    for f in result.findings:
        out.setdefault(f.employee_id, {})[f.rule] = f.amount
    return out


def expected() -> dict[str, dict[str, Decimal | None]]:
    return {e: {r: None if a is None else Decimal(a) for r, a in rules.items()} for e, rules in EXPECTED.items()}


class TestSampleRoster:
    @pytest.mark.parametrize("name", ["roster.csv", "roster-zh-gb18030.csv"])
    def test_expected_findings_per_employee(self, name: str) -> None:
        """The sample (UTF-8, or GB18030 with Chinese headers) gives exactly the hand-worked findings."""
        result = audit_roster(SAMPLES / name, as_of=AS_OF, region="guangzhou")
        assert (result.rows, result.audited, result.errors) == (16, 16, [])
        assert by_employee(result) == expected()
        assert any("E008" in n.en for n in result.notices)

    def test_xlsx_copy_gives_the_same_findings(self, tmp_path: Path) -> None:
        """The same roster saved as .xlsx is audited identically."""
        import csv

        book = openpyxl.Workbook()
        with (SAMPLES / "roster.csv").open(encoding="utf-8") as f:
            for row in csv.reader(f):
                book.active.append(row)
        book.save(tmp_path / "roster.xlsx")
        result = audit_roster(tmp_path / "roster.xlsx", as_of=AS_OF, region="guangzhou")
        assert by_employee(result) == expected()

    def test_summary(self) -> None:
        """The summary counts by severity and area and totals the money at risk."""
        result = audit_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        summary = result.summary
        total = sum(Decimal(a) for rules in EXPECTED.values() for a in rules.values() if a)
        assert Decimal(summary["amount_at_risk"]) == total
        assert summary["findings"] == sum(len(r) for r in EXPECTED.values())
        assert sum(summary["by_severity"].values()) == summary["findings"]
        assert summary["employees_with_findings"] == len(EXPECTED)

    def test_findings_carry_their_explanation(self) -> None:
        """Each finding has a citation, a bilingual message and a trace with dated figures."""
        result = audit_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        for f in result.findings:
            assert f.law and f.article and f.severity in ("high", "medium", "low", "info")
            assert f.message.zh and f.message.en and "{" not in f.message.en
            assert f.trace.steps
        wage = next(f for f in result.findings if f.rule == "wages.below_minimum_wage")
        figure = wage.trace.parameters[0]
        assert (figure.name, figure.region, figure.effective) == ("minimum_wage.monthly", "guangdong.t1", dt.date(2025, 3, 1))


class TestRowsWithErrors:
    def test_bad_rows_are_reported_and_the_rest_audited(self) -> None:
        """The error sample: every row is either audited or reported with its line and column."""
        result = audit_roster(SAMPLES / "roster-with-errors.csv", as_of=AS_OF, region="guangzhou")
        rejected = {e.row for e in result.errors}
        assert result.rows == 9 and result.audited == 2 and rejected == {2, 3, 4, 5, 6, 7, 9}
        assert result.rows == result.audited + len(rejected)
        assert {f.employee_id for f in result.findings} == {"E107"}


class TestRegionalFigures:
    def test_without_a_region_minimum_wage_checks_say_so(self) -> None:
        """No region and no figure: the minimum-wage check is not guessed; a notice says why."""
        result = audit_records([{"employee_id": "A", "hire_date": "2025-01-01", "monthly_wage": "1000"}], as_of=AS_OF)
        assert result.findings == []
        assert any("minimum" in n.en for n in result.notices)

    def test_unconfirmed_tier_asks_for_the_figure(self) -> None:
        """A city whose tier under the standard in force is not confirmed: no guess, a notice naming the notice."""
        row = {"employee_id": "A", "hire_date": "2025-01-01", "contract_signed_date": "2025-01-05", "monthly_wage": "1500"}
        before = audit_records([row], as_of="2025-11-30", region="吉林市")  # 吉政函〔2024〕66号: tier not found
        assert before.findings == []
        assert any("吉政函〔2024〕66号" in n.zh and "not confirmed" in n.en for n in before.notices)
        after = audit_records([row], as_of="2025-12-31", region="吉林市")  # the 2025-12-01 standard lists it
        assert [(f.rule, f.amount) for f in after.findings] == [("wages.below_minimum_wage", Decimal("520.00"))]

    def test_no_renewal_notice_without_renewals(self) -> None:
        """A contract signed within the year names nobody, so no renewal notice is shown."""
        row = {"employee_id": "A", "hire_date": "2025-01-01", "contract_signed_date": "2025-01-05"}
        result = audit_records([row], as_of=AS_OF, region="guangzhou")
        assert not any("more than a year after hire" in n.en for n in result.notices)

    def test_typed_minimum_wage_overrides(self) -> None:
        """A typed minimum wage of 2,700 overrides Guangzhou's: a 2,600 wage owes 600.00 for January to June 2025."""
        result = audit_records(
            [{"employee_id": "A", "hire_date": "2025-01-01", "monthly_wage": "2600"}],
            as_of=AS_OF,
            region="guangzhou",
            min_wage=2700,
        )
        # 2,700 typed in, taken as in force throughout: 100 a month × 6 months (January to June 2025)
        assert [(f.rule, f.amount) for f in result.findings] == [("wages.below_minimum_wage", Decimal("600.00"))]

    def test_missing_columns_are_named(self) -> None:
        """Checks whose columns are absent are listed as not run."""
        result = audit_records([{"employee_id": "A", "hire_date": "2025-01-01"}], as_of=AS_OF)
        assert any("social_insurance_date" in n.en for n in result.notices)


class TestJson:
    def test_shape(self) -> None:
        """The JSON view has the contract's keys: each rule's texts once, findings referring to them."""
        data = audit_roster(SAMPLES / "roster-with-errors.csv", as_of=AS_OF, region="guangzhou").as_dict()
        assert {"as_of", "region", "rows", "audited", "errors", "rules", "findings", "summary"} <= set(data)
        assert set(data["errors"][0]) == {"row", "column", "expected", "got", "message"}
        finding = data["findings"][0]
        assert set(finding) == {"rule", "employee_id", "row", "message", "amount", "amount_range", "trace"}
        assert set(finding["trace"]) == {"inputs", "parameters", "steps"}
        assert set(data["rules"]) == {f["rule"] for f in data["findings"]}
        spec = data["rules"][finding["rule"]]
        for key in ("title", "area", "severity", "law", "article", "citations", "consequence", "remediation"):
            assert key in spec
        named = {key for f in data["findings"] for key in f["trace"]["parameters"]}
        assert named and named == set(data["figures"])  # every figure a trace names is stated once, and only those
        for key, figure in data["figures"].items():
            assert key == f"{figure['name']}@{figure['region']}@{figure['effective']}"
            assert {"value", "source", "verified"} <= set(figure)

    def test_rule_texts_stated_once(self) -> None:
        """A rule's consequence appears once in the JSON however many employees it concerns."""
        rows = [{"employee_id": f"E{i}", "hire_date": "2025-01-01", "contract_signed_date": ""} for i in range(30)]
        text = json.dumps(audit_records(rows, as_of=AS_OF).as_dict(), ensure_ascii=False)
        consequence = get_rule("contracts.written_within_one_month").consequence["zh"]
        assert text.count(json.dumps(consequence, ensure_ascii=False)) == 1

    def test_streamed_json_is_the_same_document(self) -> None:
        """The streamed JSON the CLI writes is the whole document, one finding a line."""
        result = audit_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        text = "".join(iter_json(result.as_dict(stream=True)))
        assert json.loads(text) == result.as_dict()
        lines = text.splitlines()
        assert sum(line.startswith('    {"rule": ') for line in lines) == len(result.findings)

    @pytest.mark.parametrize("document", [{}, {"a": iter([])}, {"a": iter([1, {"b": [2]}]), "c": {"d": None}}, {"e": "é"}])
    def test_streaming_edge_cases(self, document) -> None:
        """Empty documents, empty and nested streamed lists give valid JSON of the same data."""
        expected = {k: list(v) if not isinstance(v, dict | str) else v for k, v in document.items()}
        copy = {k: iter(v) for k, v in expected.items() if isinstance(v, list)}
        copy.update({k: v for k, v in expected.items() if not isinstance(v, list)})
        assert json.loads("".join(iter_json(copy))) == expected


class TestExplanation:
    def test_built_once(self) -> None:
        """Rendering every format builds each finding's explanation once, not once per use."""
        result = audit_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        calls: Counter[int] = Counter()
        for i, f in enumerate(result.findings):
            made = f.detail if callable(f.detail) else (lambda d=f.detail: d)
            f.detail = lambda i=i, made=made: (calls.update([i]), made())[1]
        for render in (report.to_text, report.to_markdown, report.to_html):
            render(result, "zh")
        list(findings_csv(result.findings, "en"))
        json.dumps(result.as_dict())
        assert calls and set(calls.values()) == {1} and len(calls) == len(result.findings)
