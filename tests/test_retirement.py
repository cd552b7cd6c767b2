"""The statutory retirement age under the gradual raise (RETIRE-D 1): explanation, inputs, reminder.

The birth months and results are the hand-worked cases in ``tests/cases/retirement.yaml``;
they agree with the published examples of the official tables (sources listed there and in
``checkups/data/parameters/retirement/delay_pace.yaml``).
"""

from __future__ import annotations

import json
from datetime import date as D

import pytest

from checkups.registry import Citation, catalog
from checkups.retirement import REMINDER_DAYS, retirement_reminder, statutory_retirement
from checkups.text import InputError
from checkups.timeline import MissingFigureError, value_at


class TestStatutoryRetirement:
    def test_the_answer_explains_itself_in_both_languages(self) -> None:
        """A man born in May 1965: three steps (original age, delay, result), each in Chinese and English."""
        r = statutory_retirement("1965-05-10", "male_60")
        assert (r.date, r.month, r.original_date, r.original_age) == (D(2025, 7, 10), D(2025, 7, 1), D(2025, 5, 10), 60)
        assert len(r.steps) == 3 and all(s.zh and s.en for s in r.steps)
        assert "2025年7月" in r.steps[-1].zh and "2025-07-10" in r.steps[-1].en
        assert "延迟 2 个月" in r.steps[1].zh and "2 months" in r.steps[1].en

    def test_it_cites_the_measures_and_shows_the_figures_it_used(self) -> None:
        """Art. 1 (the pace) comes first; the four dated figures are listed, none verified."""
        r = statutory_retirement("1965-05-10", "male_60")
        assert r.citations[0] == Citation("RETIRE-D", "1")
        names = [p.name for p in r.parameters]
        assert names == ["retirement.original_age", "retirement.reform_start", "retirement.delay_pace", "retirement.target_age"]
        assert not any(p.verified for p in r.parameters)
        for c in r.citations:
            assert c.article in catalog()["laws"][c.law]["articles"]

    def test_no_parameter_name_reaches_the_user(self) -> None:
        """Steps and warnings speak of the law, not of parameter names."""
        r = statutory_retirement("1976-09-01", "male_60")
        for text in (*r.steps, *r.warnings):
            assert "retirement." not in text.zh + text.en and "male_60" not in text.zh + text.en

    def test_it_says_the_official_tables_are_missing(self) -> None:
        """RETIRE-D's annex tables are not in the kit: every answer says so."""
        assert catalog()["laws"]["RETIRE-D"]["text_verified"] is False
        r = statutory_retirement("1964-12-15", "male_60")
        assert any("对照表" in w.zh and "tables" in w.en for w in r.warnings)

    def test_the_cap_is_said(self) -> None:
        """At the cap the step says the cap was reached; one month before, it does not."""
        assert "已达上限" in statutory_retirement("1976-09-01", "male_60").steps[1].zh
        assert "已达上限" not in statutory_retirement("1976-08-31", "male_60").steps[1].zh

    def test_before_the_reform_the_step_says_the_original_age_applies(self) -> None:
        """A man born in December 1964 reached 60 in 2024, when the raise was not yet in force."""
        r = statutory_retirement("1964-12-15", "male_60")
        assert r.delay_months == 0 and "尚未施行" in r.steps[1].zh
        assert [p.name for p in r.parameters] == ["retirement.original_age"]

    def test_an_earlier_rules_date_warns_of_the_governing_answer(self) -> None:
        """Under mid-2024 rules the answer is 60; a warning gives the date under the rules that govern."""
        r = statutory_retirement("1966-05-10", "male_60", on="2024-06-01")
        assert r.date == D(2026, 5, 10)
        assert any("2026-10-10" in w.zh and "2026-10-10" in w.en for w in r.warnings)
        assert not any("2026-10-10" in w.en for w in statutory_retirement("1966-05-10", "male_60").warnings)

    @pytest.mark.parametrize("group", ["male_60", " MALE_60 ", "男60", "男 60"])
    def test_groups_are_accepted_in_english_and_chinese(self, group: str) -> None:
        """The roster's values for the group, in either language, give the same answer."""
        assert statutory_retirement("1965-01-15", group).group == "male_60"

    @pytest.mark.parametrize("group", ["male_65", "男", "female", "", None, 60])
    def test_a_bad_group_is_a_clear_error(self, group) -> None:
        """An unknown group names the field and the accepted values."""
        with pytest.raises(InputError) as err:
            statutory_retirement("1965-01-15", group)
        assert err.value.field == "retirement_group" and "male_60" in str(err.value) and "女50" in str(err.value)

    @pytest.mark.parametrize("birth", ["1965-13-01", "1965-02-30", "sometime", ""])
    def test_a_bad_birth_date_is_a_clear_error(self, birth: str) -> None:
        """A malformed, impossible or empty birth date is an InputError on the birth_date field."""
        with pytest.raises(InputError) as err:
            statutory_retirement(birth, "male_60")
        assert err.value.field == "birth_date"

    def test_as_dict_is_json(self) -> None:
        """A woman born 1975-03-20 (女50) retires on 2025-05-20 at 50 years 2 months, as the JSON shows."""
        r = statutory_retirement("1975-03-20", "女50")
        data = json.loads(json.dumps(r.as_dict(), ensure_ascii=False))
        assert data["date"] == "2025-05-20" and data["month"] == "2025-05" and data["age"] == {"years": 50, "months": 2}


class TestRetirementParameters:
    @pytest.mark.parametrize("name", ["retirement.reform_start", "retirement.delay_pace", "retirement.target_age"])
    def test_the_reform_starts_on_1_january_2025(self, name: str) -> None:
        """The day before, no reform figure is in force; on the day, it is."""
        with pytest.raises(MissingFigureError):
            value_at(name, D(2024, 12, 31))
        assert value_at(name, D(2025, 1, 1)).effective == D(2025, 1, 1)

    def test_the_caps_follow_from_the_target_ages(self) -> None:
        """Target minus original age, in months: 36, 36 and 60 (art. 1's ends of the raise)."""
        on = D(2025, 1, 1)
        original, target = value_at("retirement.original_age", on).value, value_at("retirement.target_age", on).value
        assert {g: 12 * (target[g] - original[g]) for g in original} == {"male_60": 36, "female_55": 36, "female_50": 60}

    def test_the_original_ages_were_in_force_before_the_reform(self) -> None:
        """The original ages apply to someone who retired in 2000."""
        assert value_at("retirement.original_age", D(2000, 1, 1)).value == {"male_60": 60, "female_55": 55, "female_50": 50}
        assert statutory_retirement("1940-03-01", "male_60").date == D(2000, 3, 1)


class TestReminder:
    # A man born 1965-01-15 reaches the statutory age on 2025-02-15 (60 years 1 month).
    @pytest.mark.parametrize(
        ("as_of", "days_left", "due"),
        [
            ("2024-11-16", 91, False),  # one day outside the 90-day window
            ("2024-11-17", 90, True),  # the window's last day
            ("2025-02-14", 1, True),
            ("2025-02-15", 0, True),  # the day itself
            ("2025-02-16", -1, False),  # already reached
        ],
    )
    def test_the_window_is_90_days_inclusive(self, as_of: str, days_left: int, due: bool) -> None:
        """The reminder is due from 90 days before the statutory date to the day itself, not a day earlier or later."""
        r = retirement_reminder("1965-01-15", "male_60", as_of)
        assert (r.days_left, r.due, r.reached, r.window_days) == (days_left, due, days_left < 0, REMINDER_DAYS)
        assert r.message.zh and r.message.en and "2025-02-15" in r.message.en

    def test_the_window_can_be_chosen(self) -> None:
        """A 30-day window: 31 days ahead is not yet due, 30 is."""
        assert not retirement_reminder("1965-01-15", "male_60", "2025-01-15", days=30).due
        assert retirement_reminder("1965-01-15", "male_60", "2025-01-16", days=30).due

    def test_the_reminder_is_not_dated_by_the_clock(self) -> None:
        """The same inputs give the same answer whatever day the test runs: only as_of matters."""
        a = retirement_reminder("1970-06-15", "female_55", D(2025, 6, 1))
        assert (a.retirement.date, a.days_left) == (D(2025, 8, 15), 75)

    @pytest.mark.parametrize("days", [-1, 1.5, "90", True])
    def test_a_bad_window_is_a_clear_error(self, days) -> None:
        """A negative, fractional, text or boolean window is an InputError on the days field."""
        with pytest.raises(InputError) as err:
            retirement_reminder("1965-01-15", "male_60", "2025-01-01", days=days)
        assert err.value.field == "days"

    def test_a_bad_as_of_is_a_clear_error(self) -> None:
        """An as_of that is not a date (tomorrow) is an InputError on the as_of field."""
        with pytest.raises(InputError) as err:
            retirement_reminder("1965-01-15", "male_60", "tomorrow")
        assert err.value.field == "as_of"
