"""Calculators: inputs, rounding, explanations and errors (amounts by scenario in cases/calculators.yaml)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checkups import calc
from checkups.text import InputError
from checkups.timeline import DateError, MissingFigureError


class TestInputs:
    @pytest.mark.parametrize("wage", [6000, 6000.0, "6000", "6,000", "6000元", Decimal("6000")])
    def test_money_accepts_int_float_str_decimal(self, wage) -> None:
        """int, float, str (with thousands separators or 元) and Decimal give the same result."""
        result = calc.severance(wage, "2022-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert result.amount == Decimal("18000.00")

    def test_float_money_has_no_binary_artefacts(self) -> None:
        """0.1-style floats are read through their decimal text."""
        assert calc.overtime_pay(0.1, workday_hours=3).amount == Decimal("0.45")

    @pytest.mark.parametrize("bad", [-1, "abc", None, True, float("nan")])
    def test_bad_money_names_the_field(self, bad) -> None:
        """A negative, non-numeric or missing amount names the field and what was expected."""
        with pytest.raises(InputError, match="'monthly_wage' must be a number >= 0"):
            calc.untaken_leave_pay(bad, 3)

    def test_end_before_start(self) -> None:
        with pytest.raises(InputError, match="'end' must be on or after start"):
            calc.severance(5000, "2024-01-01", "2023-12-31", avg_wage=10000, min_wage=2000)

    def test_bad_date(self) -> None:
        with pytest.raises(DateError):
            calc.double_wage(5000, "2024-02-30", None, as_of="2024-06-01")


class TestRegionalFigures:
    def test_missing_figure_says_what_to_give(self) -> None:
        """Without a region or a figure, severance says which figure it needs instead of guessing."""
        with pytest.raises(MissingFigureError, match="min_wage"):
            calc.severance(6000, "2020-01-01", "2024-12-31")

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


class TestExplanations:
    def test_severance_steps_and_citations(self) -> None:
        """The result explains years, cap and product, in both languages, with LCL 47."""
        result = calc.severance(50000, "2010-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert result.amount == Decimal("493344.00")
        assert any("LCL 47" in s.en and "LCL 47" in s.zh for s in result.steps)
        assert "LCL 47" in map(str, result.citations)

    def test_pre_2008_service_warns(self) -> None:
        """Service before the LCL took effect carries the LCL 97 warning."""
        result = calc.severance(6000, "2005-01-01", "2024-12-31", avg_wage=13704, min_wage=2500)
        assert any("LCL 97" in w.en for w in result.warnings)

    def test_unlawful_termination_is_twice_severance(self) -> None:
        base = calc.severance(7000, "2019-03-01", "2024-08-31", avg_wage=13704, min_wage=2500)
        double = calc.unlawful_termination(7000, "2019-03-01", "2024-08-31", avg_wage=13704, min_wage=2500)
        assert double.amount == base.amount * 2
        assert "LCL 87" in map(str, double.citations)

    def test_double_wage_before_2008_counts_from_the_law(self) -> None:
        """An employee hired before 2008 without a contract: the month to sign runs from 2008-01-01 (LCL 97)."""
        result = calc.double_wage(3000, "2005-06-01", None, as_of="2010-01-01")
        assert result.amount == Decimal("33000.00")
        assert result.details["first_day"] == dt.date(2008, 2, 1)

    def test_as_dict_is_json_ready(self) -> None:
        import json

        data = calc.double_wage(6000, "2025-01-15", None, as_of="2025-06-30").as_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False))["amount"] == "27200.00"


class TestPlainNumbers:
    @pytest.mark.parametrize(
        ("years", "days"), [(0, 0), (Decimal("0.99"), 0), (1, 5), (9.9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
    )
    def test_annual_leave_days(self, years, days) -> None:
        assert calc.annual_leave_days(years) == days

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
        assert calc.max_probation_months(term, task_based=task_based) == months

    def test_min_probation_wage(self) -> None:
        assert calc.min_probation_wage(5000, min_wage=2500) == Decimal("4000.00")
        assert calc.min_probation_wage(3000, min_wage=2500) == Decimal("2500.00")
        assert calc.min_probation_wage("6000.01", min_wage=2500) == Decimal("4800.01")


@pytest.mark.parametrize(("years", "days"), [(0, 0), (0.99, 0), (1, 5), (9.99, 5), (10, 10), (19, 10), (20, 15), (35, 15)])
def test_leave_entitlement(years: float, days: int) -> None:
    limit = calc.leave_entitlement(years)
    assert limit.value.en == f"{days} days" and limit.value.zh == f"{days} 天"
    assert [str(c) for c in limit.citations] == ["PAL 3"] and f"{days} days" in limit.steps[0].en


@pytest.mark.parametrize(("term", "months"), [(None, 6), (2, 0), (3, 1), (11, 1), (12, 2), (35, 2), (36, 6)])
def test_probation_limits(term: int | None, months: int) -> None:
    (limit,) = calc.probation_limits(term)
    assert limit.value.en == f"{months} months" and [str(c) for c in limit.citations] == ["LCL 19"]


@pytest.mark.parametrize(("wage", "floor", "lowest"), [("5000", "2500", "4,000.00"), ("3000", "2600", "2,600.00")])
def test_probation_wage_floor(wage: str, floor: str, lowest: str) -> None:
    _, limit = calc.probation_limits(12, contract_wage=wage, min_wage=floor)
    assert limit.value.en == f"{lowest} yuan" and [str(c) for c in limit.citations] == ["LCL 20", "LCL-IR 15"]
