"""The package behind the instant check-up pages (checkups.instant), in CPython: the same
findings as the package's own API, and every bad input in plain words in the page's language."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from checkups import audit_roster, calc, instant
from checkups import evaluate as evaluate_answers
from checkups.evaluate import questions
from checkups.instant.fragment import fragment
from checkups.registry import catalog, rules
from checkups.roster import COLUMNS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
AS_OF = "2025-06-30"
ROOT = "../../"


def internal_names() -> set[str]:
    """What a browser user must never read: rule ids, parameter names, question ids and
    calculator argument names (``monthly_wage``); command-line flags are caught apart."""
    names = {r.id for r in rules()} | set(catalog()["parameters"]) | set(questions())
    names |= {f.name for c in calc.CALCULATORS for f in c.fields if "_" in f.name}
    return names


NAMES = internal_names()


def assert_plain(text: str, allowed: frozenset[str] = frozenset()) -> None:
    """No internal name in ``text`` (``allowed``: a roster's column headers, which users type)."""
    assert text.strip()
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", text))
    assert not (words & NAMES) - allowed, f"internal names in {text!r}"
    assert "--" not in text and "=…" not in text and "Traceback" not in text


def failed(out: dict, allowed: frozenset[str] = frozenset()) -> dict[str, str]:
    assert out["ok"] is False
    assert_plain(out["message"])
    for message in out["errors"].values():
        assert_plain(message, allowed)
    return out["errors"]


def found(out: dict) -> list[tuple[str, str | None, str | None]]:
    return [(f["rule"], f["employee_id"], f["amount"]) for f in out["findings"]]


ANSWER_SETS = [
    {"insurance_all_staff_registered": "false", "insurance_unpaid_contributions": "1,000"},
    {"has_part_time": "false", "uses_probation": "true", "headcount": "12"},
    {
        "uses_dispatch": "true",
        "headcount": "20",
        "dispatch_worker_count": "5",
        "onboarding_takes_no_deposits": "false",
        "onboarding_deposits_held": "3000",
        "onboarding_deposit_employees": "6",
    },
]


class TestEvaluate:
    @pytest.mark.parametrize("answers", ANSWER_SETS)
    @pytest.mark.parametrize("region", ["guangzhou", None])
    def test_same_findings_as_the_package(self, answers: dict, region: str | None) -> None:
        """The page's answers (text, "true"/"false") give the findings checkups.evaluate gives."""
        assert set(answers) <= set(questions())
        out = instant.evaluate(answers, region, AS_OF, "en", ROOT)
        assert out["ok"] is True
        want = evaluate_answers(answers, as_of=AS_OF, region=region)
        assert found(out) == [(f.rule, None, None if f.amount is None else str(f.amount)) for f in want.findings]
        assert out["summary"]["findings"] == len(want.findings)

    def test_html_links_citations_to_the_law_pages(self) -> None:
        """The fragment links each cited article to its law page; the report is a whole page."""
        out = instant.evaluate(ANSWER_SETS[0], "guangzhou", AS_OF, "zh", ROOT)
        assert 'href="../../law/sil/#sil-58"' in out["html"]  # the Chinese law page, at the site root
        assert "<body" not in out["html"] and "<h1" not in out["html"]
        assert out["report"].startswith("<!DOCTYPE html>") and 'href="#sil-58"' in out["report"]
        assert out["filename"].endswith(".html")

    @pytest.mark.parametrize(
        ("answer", "zh", "en"),
        [("abc", "不小于 0 的数字", "number of 0 or more"), ("-5", "不小于 0 的数字", "number of 0 or more")],
    )
    def test_bad_number_gets_a_message_next_to_its_question(self, answer: str, zh: str, en: str) -> None:
        """A headcount that is not a number of 0 or more gets, in zh and en, a plain message on it alone quoting it."""
        for lang, words in (("zh", zh), ("en", en)):
            errors = failed(instant.evaluate({"headcount": answer}, None, AS_OF, lang))
            assert list(errors) == ["headcount"] and words in errors["headcount"] and answer in errors["headcount"]

    def test_bad_yes_no_answer(self) -> None:
        """A yes/no question answered 'maybe' gets only the Chinese message asking to choose 是 or 否."""
        errors = failed(instant.evaluate({"has_part_time": "maybe"}, None, AS_OF, "zh"))
        assert errors == {"has_part_time": "请选择“是”或“否”。"}

    def test_missing_date_and_unknown_region(self) -> None:
        """An empty date and an unknown region are each reported on their own setting, in plain words."""
        errors = failed(instant.evaluate({}, "atlantis", "", "en"))
        assert set(errors) == {"region", "as_of"}

    def test_impossible_date(self) -> None:
        """An impossible date (2025-02-30) is reported on the date setting as no such day."""
        errors = failed(instant.evaluate({}, None, "2025-02-30", "en"))
        assert "no such day" in errors["as_of"]

    def test_unknown_and_empty_answers_are_ignored(self) -> None:
        """An answer to an unknown question and an empty answer are ignored: the check succeeds with no findings."""
        out = instant.evaluate({"no_such_question": "1", "headcount": ""}, None, AS_OF, "en")
        assert out["ok"] is True and out["findings"] == []


class TestHidden:
    def test_region_limited_rules_hidden_without_their_region(self) -> None:
        """Guangdong-only rules are hidden with no region or another province, shown for Guangzhou."""
        guangdong = {r.id for r in rules(scope="company") if r.applies_in == ("guangdong",)}
        assert guangdong
        assert guangdong <= set(instant.hidden(None, AS_OF, "en")["hidden"])
        assert guangdong <= set(instant.hidden("chengdu", AS_OF, "en")["hidden"])
        assert not guangdong & set(instant.hidden("guangzhou", AS_OF, "en")["hidden"])

    def test_dated_rule_hidden_before_its_instrument(self) -> None:
        """A rule resting on SPC-II (in force 2025-09-01) is hidden on 08-31 and shown on 09-01."""
        rule = "contracts.consecutive_fixed_terms_counted"
        assert rule in instant.hidden("guangzhou", "2025-08-31", "zh")["hidden"]
        assert rule not in instant.hidden("guangzhou", "2025-09-01", "zh")["hidden"]

    def test_reasons_are_plain(self) -> None:
        """Every reason given for a hidden rule (Chinese, no region) is in plain words, without internal names."""
        for reason in instant.hidden(None, AS_OF, "zh")["hidden"].values():
            assert_plain(reason)


def xlsx(path: Path) -> bytes:
    """The CSV sample as an .xlsx workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    for line in path.read_text(encoding="utf-8").splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class TestAudit:
    @pytest.mark.parametrize("name", ["roster.csv", "roster-zh-gb18030.csv", "roster.xlsx"])
    def test_same_findings_as_the_package(self, name: str) -> None:
        """The samples (CSV, GB18030, XLSX) give the findings audit_roster gives, per employee."""
        data = xlsx(SAMPLES / "roster.csv") if name.endswith(".xlsx") else (SAMPLES / name).read_bytes()
        out = instant.audit(data, name, "guangzhou", AS_OF, "en", ROOT)
        want = audit_roster(SAMPLES / "roster.csv", as_of=AS_OF, region="guangzhou")
        assert found(out) == [(f.rule, f.employee_id, None if f.amount is None else str(f.amount)) for f in want.findings]
        assert (out["rows"], out["audited"], out["row_errors"]) == (16, 16, [])
        assert out["summary"]["amount_at_risk"] == want.summary["amount_at_risk"]

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_row_errors_by_line_and_column_in_plain_words(self, lang: str) -> None:
        """Bad roster rows are reported by line and column in the page's language and in plain words."""
        out = instant.audit((SAMPLES / "roster-with-errors.csv").read_bytes(), "r.csv", "guangzhou", AS_OF, lang, ROOT)
        assert out["ok"] is True and out["audited"] == 2
        lines = {(e["row"], e["column"]) for e in out["row_errors"]}
        hire, wage, end, ident = (
            ("入职日期", "月工资", "离职日期", "工号")
            if lang == "zh"
            else ("hire_date", "monthly_wage", "end_date", "employee_id")
        )
        assert {(2, hire), (3, wage), (4, ident), (5, hire), (7, end), (9, ident)} <= lines
        for e in out["row_errors"]:
            assert "must be" not in e["message"] and "got" not in e["message"]
            assert_plain(e["message"], frozenset(COLUMNS))
            assert e["message"] in out["html"]  # the report's table of rejected rows, in the page's language
        by_line = {e["row"]: e["message"] for e in out["row_errors"]}
        assert "2025-02-30" in by_line[2]
        assert ("第 8 行" if lang == "zh" else "line 8") in by_line[9]

    @pytest.mark.parametrize(
        ("data", "name", "words"),
        [
            (b"", "a.csv", "empty"),
            (b"x,y\n1,2\n", "a.csv", "first row"),
            (b"\xd0\xcf\x11\xe0abc", "a.xls", "Old Excel"),
            (b"PK\x03\x04garbage", "a.xlsx", "damaged"),
            (b"%PDF", "a.pdf", ".csv and .xlsx"),
        ],
    )
    def test_unusable_files(self, data: bytes, name: str, words: str) -> None:
        """An empty, header-less, .xls, damaged .xlsx or PDF upload gets a plain reason on the file field."""
        errors = failed(instant.audit(data, name, None, AS_OF, "en"), frozenset(COLUMNS))
        assert list(errors) == ["file"] and words in errors["file"]

    def test_bad_minimum_wage_setting(self) -> None:
        """A minimum wage setting that is not a number (lots) is reported on the min_wage field, quoting it."""
        errors = failed(instant.audit(b"employee_id,hire_date\nA,2025-01-01\n", "a.csv", None, AS_OF, "zh", min_wage="lots"))
        assert "min_wage" in errors and "lots" in errors["min_wage"]

    def test_bytes_from_the_browser(self) -> None:
        """A buffer with ``to_bytes()`` (a JavaScript Uint8Array in Pyodide) is read as bytes."""

        class Buffer:
            def to_bytes(self) -> bytes:
                return (SAMPLES / "roster.csv").read_bytes()

        assert instant.audit(Buffer(), "roster.csv", "guangzhou", AS_OF, "en")["rows"] == 16


class TestCalculate:
    @pytest.mark.parametrize(
        ("name", "values", "region"),
        [
            ("severance", {"monthly_wage": "8000", "start": "2019-03-01", "end": "2025-06-30"}, "guangzhou"),
            ("double_wage", {"monthly_wage": "6000", "hire_date": "2025-01-15"}, None),
            ("overtime_pay", {"hourly_wage": "34.48", "workday_hours": "20", "rest_day_hours": "8"}, None),
            ("probation_limits", {"contract_term_months": "36", "contract_wage": "3000"}, "guangzhou"),
            ("untaken_leave_pay", {"monthly_wage": "6000", "days": "3"}, None),
        ],
    )
    def test_same_result_as_the_registry(self, name: str, values: dict, region: str | None) -> None:
        """The page's values give what Calculator.run gives, with the page's date as the event day."""
        out = instant.calculate(name, values, region, AS_OF, "en", ROOT)
        assert out["ok"] is True
        want = calc.find(name).run(values, region=region, today=dt.date(2025, 6, 30))
        want = want if isinstance(want, tuple) else (want,)
        assert out["outcomes"] == [o.as_dict() for o in want]
        assert 'href="../../en/law/' in out["html"]  # the English law pages, under en/

    def test_severance_amount(self) -> None:
        """6,000 a month, 2022-01-01 to 2024-12-31: three full years → 18,000.00."""
        values = {"monthly_wage": "6000", "start": "2022-01-01", "end": "2024-12-31", "avg_wage": "13704", "min_wage": "2500"}
        out = instant.calculate("severance", values, None, AS_OF, "en")
        assert Decimal(out["outcomes"][0]["amount"]) == Decimal("18000.00")

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_missing_figure_asks_for_it_in_its_field(self, lang: str) -> None:
        """No region: the minimum wage that could raise a low wage is asked for, in plain words."""
        values = {"monthly_wage": "2000", "start": "2020-01-01", "end": "2025-06-30"}
        errors = failed(instant.calculate("severance", values, None, AS_OF, lang))
        assert list(errors) == ["severance.min_wage"]
        assert ("最低工资" if lang == "zh" else "minimum wage") in errors["severance.min_wage"]

    @pytest.mark.parametrize(
        ("values", "field", "words"),
        [
            ({"monthly_wage": "abc", "start": "2020-01-01", "end": "2025-06-30"}, "monthly_wage", "number of 0 or more"),
            ({"monthly_wage": "8000", "start": "2020-13-01", "end": "2025-06-30"}, "start", "no such day"),
            ({"monthly_wage": "8000", "start": "2020-01-01", "end": "2019-06-30"}, "end", "on or after “Start date”"),
            ({"start": "2020-01-01", "end": "2025-06-30"}, "monthly_wage", "required"),
            ({"monthly_wage": "8000", "start": "2000-01-01", "end": "2005-06-30"}, "end", "on or after 2008-01-01"),
        ],
    )
    def test_bad_values_get_a_message_next_to_their_field(self, values: dict, field: str, words: str) -> None:
        """Each bad severance value (not a number, no such day, end too early, missing) is reported on its own field."""
        errors = failed(instant.calculate("severance", values, "guangzhou", AS_OF, "en"))
        key = f"severance.{field}"
        assert list(errors) == [key] and words in errors[key]

    def test_hours_system_conflicts(self) -> None:
        """Workday hours when flexible, or worked hours when not comprehensive, are each reported on their field."""
        values = {"hourly_wage": "30", "workday_hours": "10", "hours_system": "flexible"}
        assert list(failed(instant.calculate("overtime_pay", values, None, AS_OF, "zh"))) == ["overtime_pay.workday_hours"]
        values = {"hourly_wage": "30", "worked_hours": "10"}
        assert list(failed(instant.calculate("overtime_pay", values, None, AS_OF, "zh"))) == ["overtime_pay.worked_hours"]

    def test_unknown_calculator_and_bad_choice(self) -> None:
        """An unknown calculator fails plainly, and an unknown overtime period is reported on its field."""
        failed(instant.calculate("nope", {}, None, AS_OF, "en"))
        errors = failed(instant.calculate("overtime_pay", {"hourly_wage": "30", "period": "decade"}, None, AS_OF, "en"))
        assert list(errors) == ["overtime_pay.period"]

    def test_page_date_required(self) -> None:
        """A calculation without the page's date is reported on the date setting (as_of)."""
        errors = failed(instant.calculate("untaken_leave_pay", {"monthly_wage": "1", "days": "1"}, None, "", "en"))
        assert list(errors) == ["as_of"]


class TestHandle:
    @pytest.mark.parametrize(
        ("name", "values"),
        [
            ("untaken_leave_pay", {"monthly_wage": "6000", "days": "3"}),
            ("severance", {"monthly_wage": "6000", "start": "2022-01-01", "end": "2024-12-31", "min_wage": "2500"}),
        ],
    )
    def test_json_round_trip(self, name: str, values: dict) -> None:
        """Also with figures typed in (Decimals in the result's parameters)."""
        request = {"op": "calculate", "args": {"name": name, "values": values, "on": AS_OF, "lang": "en"}}
        out = json.loads(instant.handle(json.dumps(request)))
        assert out["ok"] is True and out["kind"] == "calculators", out.get("debug")

    def test_report_kept_until_asked_for(self) -> None:
        """The answer leaves the printable report out; asking for it gives the last one of that kind."""
        request = {"op": "evaluate", "args": {"answers": ANSWER_SETS[0], "region": "guangzhou", "as_of": AS_OF, "lang": "zh"}}
        out = json.loads(instant.handle(json.dumps(request)))
        assert out["ok"] is True and "report" not in out and out["html"]
        report = json.loads(instant.handle(json.dumps({"op": "report", "args": {"kind": "company", "lang": "zh"}})))
        assert report["report"].startswith("<!DOCTYPE html>") and report["filename"] == "checkup-report.html"
        missing = json.loads(instant.handle(json.dumps({"op": "report", "args": {"kind": "nothing", "lang": "en"}})))
        assert missing["ok"] is False
        assert_plain(missing["message"])

    def test_audit_takes_the_file_apart(self) -> None:
        """An audit request to handle() reads the roster from the bytes passed beside the JSON (16 rows)."""
        request = {"op": "audit", "args": {"filename": "roster.csv", "region": "guangzhou", "as_of": AS_OF, "lang": "zh"}}
        out = json.loads(instant.handle(json.dumps(request), (SAMPLES / "roster.csv").read_bytes()))
        assert out["ok"] is True and out["rows"] == 16

    @pytest.mark.parametrize("request_text", ['{"op": "bogus", "args": {"lang": "en"}}', "not json"])
    def test_anything_unexpected_is_a_plain_message(self, request_text: str) -> None:
        """An unknown operation or a request that is not JSON gets a plain message, with the debug detail."""
        out = json.loads(instant.handle(request_text))
        assert out["ok"] is False and out["debug"]
        assert_plain(out["message"])


class TestFragment:
    def test_headings_down_and_links_to_the_site(self) -> None:
        """fragment() moves headings down a level and sends article anchors to the English law pages."""
        report = '<html><head><title>t</title></head><body><h1>A</h1><h3>B</h3><a href="#lcl-ir-6">x</a><a href="#top">y</a></body></html>'
        body = fragment(report, "../", "en")
        assert body.startswith("<h2>A</h2><h4>B</h4>")
        assert 'href="../en/law/lcl-ir/#lcl-ir-6"' in body and 'href="#top"' in body

    def test_no_site_root_keeps_anchors(self) -> None:
        """Without a site root, fragment() leaves an article anchor (#lcl-82) as it is."""
        assert 'href="#lcl-82"' in fragment('<body><a href="#lcl-82">x</a></body>', None, "zh")
