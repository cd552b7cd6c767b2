"""Dates and dated, regional figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checkups.registry import UnknownNameError
from checkups.timeline import DateError, MissingFigureError, add_months, parse_date, region_chain, span, value_at

D = dt.date


class TestParseDate:
    @pytest.mark.parametrize(
        "text",
        ["2025-03-01", "2025/3/1", "2025年3月1日", "2025.03.01", " 2025-3-1 ", "2025-03-01 00:00:00", "2025/03/01"],
    )
    def test_supported_forms(self, text: str) -> None:
        """ISO, slashes, Chinese and spreadsheet date-times all read as the same day."""
        assert parse_date(text) == D(2025, 3, 1)

    @pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "01/03/2025", "yesterday", "", "2025-03-01 12:30"])
    def test_rejected_forms_say_what_is_expected(self, text: str) -> None:
        """Impossible or ambiguous dates are refused with the expected form in the message."""
        with pytest.raises(DateError, match="2025-03-01"):
            parse_date(text)


class TestAddMonths:
    @pytest.mark.parametrize(
        ("start", "months", "expected"),
        [
            (D(2025, 1, 15), 1, D(2025, 2, 15)),
            (D(2025, 1, 31), 1, D(2025, 2, 28)),
            (D(2024, 1, 31), 1, D(2024, 2, 29)),
            (D(2025, 1, 31), 2, D(2025, 3, 31)),
            (D(2024, 2, 29), 12, D(2025, 2, 28)),
            (D(2025, 11, 30), 3, D(2026, 2, 28)),
        ],
    )
    def test_month_end_rule(self, start, months, expected) -> None:
        """Without a corresponding day the period ends on the month's last day (Civil Code 202)."""
        assert add_months(start, months) == expected


class TestSpan:
    def test_whole_months(self) -> None:
        """From the 15th to the 14th three months later is exactly three months."""
        s = span(D(2025, 1, 15), D(2025, 4, 14))
        assert (s.months, s.days, s.fraction) == (3, 0, Decimal(3))

    def test_part_month_by_calendar_days(self) -> None:
        """Six days into a 30-day month are 6/30 of a month."""
        s = span(D(2025, 2, 15), D(2025, 4, 20))
        assert (s.months, s.days, s.month_days) == (2, 6, 30)
        assert s.fraction == Decimal("2.2")

    def test_empty(self) -> None:
        """A last day before the first is an empty span."""
        assert span(D(2025, 3, 2), D(2025, 3, 1)).empty


class TestValueAt:
    def test_dated_values(self) -> None:
        """The 44-hour week of LL 36 gives way to the 40-hour week of SCWH 3 on 1995-05-01."""
        assert value_at("hours.weekly_max", D(1995, 4, 30)).value == 44
        assert value_at("hours.weekly_max", D(1995, 5, 1)).value == 40

    def test_city_falls_back_to_national(self) -> None:
        """A national figure serves a city that has none of its own."""
        found = value_at("hours.overtime_monthly_max", D(2025, 6, 1), "guangzhou")
        assert (found.value, found.region) == (36, "national")

    def test_regional_figure_with_source_and_flag(self) -> None:
        """A city's minimum wage comes with its date, source and verified flag."""
        found = value_at("minimum_wage.monthly", D(2025, 6, 1), "guangzhou")
        assert found.region == "guangdong.t1" and found.effective <= D(2025, 6, 1)
        assert found.source and isinstance(found.verified, bool)

    def test_day_before_and_day_of_a_change(self) -> None:
        """The value changes exactly on its effective date, not the day before."""
        found = value_at("minimum_wage.monthly", D(2025, 6, 1), "guangzhou")
        before = value_at("minimum_wage.monthly", found.effective - dt.timedelta(days=1), "guangzhou")
        assert before.effective < found.effective

    def test_no_national_minimum_wage(self) -> None:
        """China has no national minimum wage: without a city the lookup says a figure is needed."""
        with pytest.raises(MissingFigureError, match=r"minimum_wage\.monthly"):
            value_at("minimum_wage.monthly", D(2025, 6, 1))
        with pytest.raises(MissingFigureError):
            value_at("minimum_wage.monthly", D(2025, 6, 1), "guangdong")

    def test_unknown_names(self) -> None:
        """Unknown parameters and regions are named in the error."""
        with pytest.raises(UnknownNameError, match="no_such"):
            value_at("no_such.parameter", D(2025, 1, 1))
        with pytest.raises(UnknownNameError, match="atlantis"):
            region_chain("atlantis")

    def test_region_chain(self) -> None:
        """Shenzhen's region chain runs from the city to Guangdong and then to the national level."""
        assert region_chain("shenzhen") == ("shenzhen", "guangdong", "national")
