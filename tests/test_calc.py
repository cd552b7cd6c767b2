"""Calculators: inputs, rounding, explanations, dates and errors (amounts by scenario in cases/calculators.yaml)."""

from __future__ import annotations

import ast
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from checkups import calc
from checkups.text import InputError
from checkups.timeline import DateError, MissingFigureError, value_at

ON = "2025-06-30"
CALC_DIR = Path(calc.__file__).parent


class TestInputs:
    @pytest.mark.parametrize("wage", [6000, 6000.0, "6000", "6,000", "6000元", Decimal("6000")])
    def test_money_accepts_int_float_str_decimal(self, wage) -> None:
        """int, float, str (with thousands separators or 元) and Decimal give the same result."""
        result = calc.severance(wage, "2022-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert result.amount == Decimal("18000.00")

    def test_float_money_has_no_binary_artefacts(self) -> None:
        """0.1-style floats are read through their decimal text."""
        assert calc.overtime_pay(0.1, workday_hours=3, on=ON).amount == Decimal("0.45")

    @pytest.mark.parametrize("bad", [-1, "abc", None, True, float("nan")])
    def test_bad_money_names_the_field(self, bad) -> None:
        """A negative, non-numeric or missing amount names the field and what was expected."""
        with pytest.raises(InputError, match="'monthly_wage' must be a number >= 0"):
            calc.untaken_leave_pay(bad, 3, on=ON)

    def test_end_before_start(self) -> None:
        """A severance whose end is before its start is refused with an InputError on 'end'."""
        with pytest.raises(InputError, match="'end' must be on or after start"):
            calc.severance(5000, "2024-01-01", "2023-12-31", avg_wage=10000, min_wage=2000)

    def test_end_before_the_labour_contract_law(self) -> None:
        """Severance under LCL 47 needs an end on or after the day the law took effect."""
        with pytest.raises(InputError, match="'end' must be on or after 2008-01-01"):
            calc.severance(5000, "2005-01-01", "2007-12-31", avg_wage=10000, min_wage=2000)

    def test_bad_date(self) -> None:
        """An impossible hire date (2024-02-30) raises DateError."""
        with pytest.raises(DateError):
            calc.double_wage(5000, "2024-02-30", None, as_of="2024-06-01")

    def test_signed_before_hire(self) -> None:
        """A contract signed before the hire date is refused with an InputError on 'signed_date'."""
        with pytest.raises(InputError, match="'signed_date' must be on or after hire_date"):
            calc.double_wage(5000, "2024-02-01", "2024-01-01", as_of="2024-06-01")

    @pytest.mark.parametrize(
        ("func", "args", "field"),
        [
            (calc.double_wage, (6000, "2025-01-15", None), "as_of"),
            (calc.overtime_pay, (40,), "on"),
            (calc.untaken_leave_pay, (6000, 3), "on"),
            (calc.all_in_wage, (3000,), "on"),
            (calc.social_insurance_arrears, (1000, "2025-01-15"), "on"),
            (calc.leave_entitlement, (12,), "on"),
        ],
    )
    def test_the_date_of_the_event_is_required(self, func, args, field) -> None:
        """Without the date of the event a calculator says which date it needs (it never reads the clock)."""
        with pytest.raises(InputError, match=f"'{field}' must be the date of the event"):
            func(*args)

    def test_no_calculator_reads_the_clock(self) -> None:
        """No module of the calculators calls date.today() or datetime.now()."""
        for path in CALC_DIR.glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    owner = ast.unparse(node.func.value)
                    if node.func.attr in ("today", "now", "utcnow") and owner.split(".")[-1] in ("date", "datetime"):
                        pytest.fail(f"{path.name} reads the clock ({owner}.{node.func.attr}())")

    def test_modules_stay_small(self) -> None:
        """No module of the calculators is longer than 300 lines."""
        for path in CALC_DIR.glob("*.py"):
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name


class TestRegionalFigures:
    def test_missing_figure_that_matters_says_what_to_give(self) -> None:
        """A wage a fen below the highest minimum wage in force could be raised: the figure is asked for."""
        with pytest.raises(MissingFigureError, match="min_wage"):
            calc.severance("2689.99", "2020-01-01", "2024-12-31", avg_wage=13704)

    def test_missing_figure_that_cannot_matter_is_explained(self) -> None:
        """severance(9000, …, avg_wage=13704) answers without a region and says which figure was not needed."""
        result = calc.severance(9000, "2020-01-01", "2024-12-31", avg_wage=13704)
        assert result.amount == Decimal("45000.00")
        note = next(s for s in result.steps if "cannot change the result" in s.en)
        assert "2,690.00" in note.en and "不影响结果" in note.zh
        assert all(p.name != "minimum_wage.monthly" for p in result.parameters)

    def test_missing_cap_that_matters_raises(self) -> None:
        """A fen above three times the lowest average wage held that day could be capped: the figure is asked for."""
        with pytest.raises(MissingFigureError, match="avg_wage"):
            calc.severance("31014.01", "2015-01-01", "2021-12-31", region="guangzhou")

    def test_missing_cap_that_cannot_matter_is_explained(self) -> None:
        """Review point 10: 5,000 in Guangzhou with no 2021 average wage published answers."""
        result = calc.severance(5000, "2015-01-01", "2021-12-31", region="guangzhou")
        assert result.amount == Decimal("35000.00")
        assert any("31,014.00" in s.en for s in result.steps)

    def test_probation_floor_asks_for_a_minimum_wage_that_matters(self) -> None:
        """With no minimum wage given, the probation floor of a 3,000 wage raises MissingFigureError."""
        with pytest.raises(MissingFigureError):
            calc.min_probation_wage(3000, on=ON)

    def test_explicit_figures_override_the_region(self) -> None:
        """A typed-in average wage is used instead of the city's."""
        regional = calc.severance(50000, "2010-01-01", "2024-12-31", region="guangzhou")
        typed = calc.severance(50000, "2010-01-01", "2024-12-31", region="guangzhou", avg_wage=10000)
        assert typed.amount == Decimal("360000.00")  # 3 × 10,000 × 12 years
        assert typed.amount != regional.amount

    def test_unverified_figures_are_flagged(self) -> None:
        """A result that used an unverified figure says so."""
        result = calc.severance(6000, "2020-01-01", "2024-12-31", region="guangzhou")
        flagged = [p for p in result.parameters if not p.verified]
        assert len(result.warnings) == len(flagged) > 0

    def test_figures_are_those_of_the_event_date(self) -> None:
        """Review point 11: the figures are looked up on the date given, so an old question gets old figures."""
        result = calc.overtime_pay(40, workday_hours=1, on="2010-06-30")
        assert result.parameters[-1].effective <= dt.date(2010, 6, 30)
        with pytest.raises(MissingFigureError):
            calc.untaken_leave_pay(6000, 1, on="2007-12-31")  # PAL took effect on 2008-01-01

    def test_comprehensive_standard_needs_the_figure_from_2025(self) -> None:
        """WTC 1's working days assume 11 holidays: from 2025 the period's standard hours must be given."""
        with pytest.raises(MissingFigureError, match="standard_hours"):
            calc.overtime_pay(40, hours_system="comprehensive", worked_hours=180, on="2025-01-01")


class TestExplanations:
    def test_severance_steps_and_citations(self) -> None:
        """The result explains years, cap and product, in both languages, with LCL 47."""
        result = calc.severance(50000, "2010-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert result.amount == Decimal("493344.00")
        assert any("LCL 47" in s.en and "LCL 47" in s.zh for s in result.steps)
        assert "LCL 47" in map(str, result.citations)

    def test_part_year_rule_comes_from_the_data(self) -> None:
        """The six-month and half-year rule of LCL 47 is a parameter, and the step text is built from it."""
        part = value_at("severance.part_year", dt.date(2025, 1, 1)).value
        result = calc.severance(6000, "2022-01-01", "2025-05-31", avg_wage=13704, min_wage=2500)
        assert f"under {part['year_from_months']} months count as {part['under']} year" in result.steps[0].en

    def test_pre_2008_service_warns_for_severance(self) -> None:
        """Service before the LCL took effect carries the LCL 97 warning for severance."""
        result = calc.severance(6000, "2005-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert any("LCL 97" in w.en for w in result.warnings)

    def test_unlawful_termination_counts_from_the_first_day(self) -> None:
        """Review point 12: the compensation counts from the first day of work (LCL-IR 25): no LCL 97 warning."""
        result = calc.unlawful_termination(6000, "2005-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert not any("LCL 97" in w.en for w in result.warnings)
        assert any("LCL-IR 25" in s.en and "first day of work" in s.en for s in result.steps)

    def test_unlawful_termination_is_twice_severance(self) -> None:
        """Compensation for unlawful termination is exactly twice the severance for the same service, citing LCL 87."""
        base = calc.severance(7000, "2019-03-01", "2024-08-31", avg_wage=13704, min_wage=2500)
        double = calc.unlawful_termination(7000, "2019-03-01", "2024-08-31", avg_wage=13704, min_wage=2500)
        assert double.amount == base.amount * 2
        assert "LCL 87" in map(str, double.citations)

    def test_double_wage_before_2008_counts_from_the_law(self) -> None:
        """Hired before 2008 without a contract: the month to sign runs from 2008-01-01 (LCL 97)."""
        result = calc.double_wage(3000, "2005-06-01", None, as_of="2010-01-01")
        assert result.details["first_day"] == dt.date(2008, 2, 2)  # the month 01-02 .. 02-01 (Civil Code 201)
        assert result.amount == Decimal("32903.23")  # 3000 × (10 + 30/31): 2008-12-02 .. 12-31 of 12-02 .. 2009-01-01

    def test_double_wage_names_its_convention_and_the_other_one(self) -> None:
        """Review point 17: the step cites the Civil Code convention and gives the figure of the other."""
        result = calc.double_wage(6000, "2024-01-01", None, as_of="2024-06-30")
        assert result.details["first_day"] == dt.date(2024, 2, 2)
        assert any("Civil Code arts. 201, 202" in s.en and "民法典第二百零一条" in s.zh for s in result.steps)
        other = next(s for s in result.steps if "hire day itself" in s.en)
        assert "2024-02-01" in other.en

    def test_double_wage_says_which_counting_applied(self) -> None:
        """Review point 27 art. 6: before 2025-09-01 calendar days, from then working days, and the step says so."""
        before = calc.double_wage(6000, "2025-05-10", None, as_of="2025-07-20", judged_on="2025-08-31")
        after = calc.double_wage(6000, "2025-05-10", None, as_of="2025-07-20", judged_on="2025-09-01")
        assert any("calendar days" in s.en for s in before.steps) and "SPC-II 6" not in map(str, before.citations)
        assert any("working days" in s.en and "SPC-II 6" in s.en for s in after.steps)
        assert "SPC-II 6" in map(str, after.citations)

    def test_double_wage_notice_of_the_employers_defences(self) -> None:
        """Review point 27 art. 7: from SPC-II the result says what the employer may prove."""
        after = calc.double_wage(6000, "2025-05-10", None, as_of="2025-10-01")
        before = calc.double_wage(6000, "2025-05-10", None, as_of="2025-08-31")
        assert any("SPC-II 7" in w.en and "force majeure" in w.en for w in after.warnings)
        assert not before.warnings

    def test_as_dict_is_json_ready(self) -> None:
        """A double-wage result's as_dict() survives a JSON round trip, its amount the string 27000.00."""
        data = calc.double_wage(6000, "2025-01-15", None, as_of="2025-06-30").as_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False))["amount"] == "27000.00"

    def test_untaken_leave_total_rate_from_the_parameter(self) -> None:
        """The "300 %" of the step is derived from the parameter (extra multiple + normal pay)."""
        extra = value_at("leave.untaken_extra_multiple", dt.date(2025, 6, 30)).decimal
        result = calc.untaken_leave_pay(6000, 1, on=ON)
        assert f"{(extra + 1) * 100:g}%" in result.steps[-1].en

    def test_untaken_leave_multiplier_from_2008_01_01(self) -> None:
        """Review point 24: PAL 5 took effect on 2008-01-01."""
        assert value_at("leave.untaken_extra_multiple", dt.date(2008, 1, 1)).value == 2
        with pytest.raises(MissingFigureError):
            value_at("leave.untaken_extra_multiple", dt.date(2007, 12, 31))

    def test_work_injury_deadline_from_2004(self) -> None:
        """Review point 24: the 30-day application runs from the original WIIR (2004-01-01)."""
        assert value_at("deadlines.work_injury_application_days", dt.date(2004, 1, 1)).value == 30

    def test_flexible_hours_explain_the_holiday_choice(self) -> None:
        """Holiday overtime under flexible hours has a step that cites both WPR 13 and LL 40."""
        result = calc.overtime_pay(40, hours_system="flexible", holiday_hours=8, on=ON)
        assert any("WPR 13" in s.en and "LL 40" in s.en for s in result.steps)

    @pytest.mark.parametrize("system", ["comprehensive", "flexible"])
    def test_workday_hours_are_not_for_other_systems(self, system) -> None:
        """Workday overtime hours are refused under the comprehensive and the flexible hours systems."""
        with pytest.raises(InputError, match="workday_hours"):
            calc.overtime_pay(40, hours_system=system, workday_hours=3, on=ON)

    def test_arrears_fine_is_a_range_outside_the_amount(self) -> None:
        """Review point 19 / item 7: the 1–3× fine is shown as a range and not added."""
        result = calc.social_insurance_arrears(10000, "2025-01-15", on="2025-01-16")
        assert result.amount == Decimal("10005.00")
        assert (result.details["fine_min"], result.details["fine_max"]) == (Decimal("10000.00"), Decimal("30000.00"))
        assert any("30,000.00" in s.en and "not in the amount" in s.en for s in result.steps)


class TestPlainNumbers:
    @pytest.mark.parametrize(
        ("years", "days"), [(0, 0), (Decimal("0.99"), 0), (1, 5), (9.9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
    )
    def test_annual_leave_days(self, years, days) -> None:
        """Annual leave is 0 days under 1 year of service, 5 under 10, 10 under 20 and 15 from 20 years."""
        assert calc.annual_leave_days(years, on=ON) == days

    @pytest.mark.parametrize(
        ("term", "task_based", "months"),
        [
            (2, False, 0),
            (3, False, 1),
            (11, False, 1),
            (12, False, 2),
            (35, False, 2),
            (36, False, 6),
            (None, False, 6),
            (24, True, 0),
        ],
    )
    def test_max_probation_months(self, term, task_based, months) -> None:
        """Probation is at most 0 months for terms under 3 or task-based, 1 under 12, 2 under 36, else 6."""
        assert calc.max_probation_months(term, task_based=task_based, on=ON) == months

    def test_min_probation_wage(self) -> None:
        """The probation wage floor is 80 % of the wage, rounded to the fen, but never below the minimum wage."""
        assert calc.min_probation_wage(5000, min_wage=2500, on=ON) == Decimal("4000.00")
        assert calc.min_probation_wage(3000, min_wage=2500, on=ON) == Decimal("2500.00")
        assert calc.min_probation_wage("6000.01", min_wage=2500, on=ON) == Decimal("4800.01")


@pytest.mark.parametrize(("years", "days"), [(0, 0), (0.99, 0), (1, 5), (9.99, 5), (10, 10), (19, 10), (20, 15), (35, 15)])
def test_leave_entitlement(years: float, days: int) -> None:
    """The leave entitlement is 0, 5, 10 or 15 days by years of service, in both languages, citing PAL 3 alone."""
    limit = calc.leave_entitlement(years, on=ON)
    assert limit.value.en == f"{days} days" and limit.value.zh == f"{days} 天"
    assert [str(c) for c in limit.citations] == ["PAL 3"] and f"{days} days" in limit.steps[0].en


def test_leave_entitlement_pro_rata_cites_the_measures() -> None:
    """Pro-rata leave cites PAL-IM 5 for a joiner and PAL-IM 12 for a leaver; the part day is dropped."""
    joiner = calc.leave_entitlement(12, joined="2024-07-01")
    leaver = calc.leave_entitlement(12, left="2025-06-30")
    assert "PAL-IM 5" in map(str, joiner.citations) and "PAL-IM 12" in map(str, leaver.citations)
    assert "below a whole day is dropped" in joiner.steps[-1].en


@pytest.mark.parametrize(("term", "months"), [(None, 6), (2, 0), (3, 1), (11, 1), (12, 2), (35, 2), (36, 6)])
def test_probation_limits(term: int | None, months: int) -> None:
    """The longest probation for each contract term (none for 2 months, 2 for 12, 6 if open-ended) cites LCL 19 only."""
    (limit,) = calc.probation_limits(term, on=ON)
    assert limit.value.en == f"{months} months" and [str(c) for c in limit.citations] == ["LCL 19"]


def test_part_time_probation_is_forbidden() -> None:
    """A part-time worker may have no probation: the limit is 0 months, citing LCL 70 alone."""
    (limit,) = calc.probation_limits(12, contract_wage=5000, min_wage=2500, part_time=True, on=ON)
    assert limit.value.en == "0 months" and [str(c) for c in limit.citations] == ["LCL 70"]


@pytest.mark.parametrize(("wage", "floor", "lowest"), [("5000", "2500", "4,000.00"), ("3000", "2600", "2,600.00")])
def test_probation_wage_floor(wage: str, floor: str, lowest: str) -> None:
    """The probation wage floor is 80 % of the wage or the minimum wage if higher (LCL 20, LCL-IR 15)."""
    _, limit = calc.probation_limits(12, contract_wage=wage, min_wage=floor, on=ON)
    assert limit.value.en == f"{lowest} yuan" and [str(c) for c in limit.citations] == ["LCL 20", "LCL-IR 15"]


def test_probation_wage_names_the_limb() -> None:
    """Review point 16: the step says which limb of LCL 20 applied, and warns of the stricter reading."""
    _, limit = calc.probation_limits(12, contract_wage=6000, min_wage=2500, post_lowest_wage=5000, on=ON)
    assert limit.value.en == "4,000.00 yuan" and any("post's lowest wage grade" in s.en for s in limit.steps)
    assert any("4,800.00" in w.en for w in limit.warnings)
    _, plain = calc.probation_limits(12, contract_wage=6000, min_wage=2500, on=ON)
    assert any("agreed-wage limb" in s.en for s in plain.steps)


class TestRegistry:
    def test_every_calculator_is_found_by_name_and_alias(self) -> None:
        """Every calculator is found by its name and by each of its aliases."""
        for spec in calc.CALCULATORS:
            assert calc.find(spec.name) is spec
            for alias in spec.aliases:
                assert calc.find(alias) is spec

    def test_fields_name_the_functions_arguments(self) -> None:
        """Every field is an argument of its function (so the forms cannot drift from the code)."""
        import inspect

        for spec in calc.CALCULATORS:
            params = inspect.signature(spec.func).parameters
            for f in spec.fields:
                assert f.name in params, (spec.name, f.name)
            assert ("region" in params) == spec.region, spec.name

    def test_run_fills_today_only_when_given(self) -> None:
        """An empty as_of is filled only from a today the caller passes (27,000.00), else the run raises InputError."""
        spec = calc.find("double_wage")
        values = {"monthly_wage": "6000", "hire_date": "2025-01-15", "signed_date": "", "as_of": ""}
        assert spec.arguments(values, today=dt.date(2025, 6, 30))["as_of"] == dt.date(2025, 6, 30)
        assert spec.run(values, today=dt.date(2025, 6, 30)).amount == Decimal("27000.00")
        with pytest.raises(InputError):
            spec.run(values)  # no date and no "today" from the caller: the calculator asks

    def test_as_dict_describes_the_form(self) -> None:
        """The calculators' as_dict() is JSON-ready: severance first, with a region and five labelled fields."""
        data = json.loads(json.dumps([s.as_dict() for s in calc.CALCULATORS], ensure_ascii=False))
        severance = data[0]
        assert severance["name"] == "severance" and severance["region"] is True
        assert [f["name"] for f in severance["fields"]] == ["monthly_wage", "start", "end", "avg_wage", "min_wage"]
        assert severance["fields"][0]["label"] == {"zh": "月工资（元）", "en": "Monthly wage"}
