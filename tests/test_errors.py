"""The one error hierarchy: attributes, attrs-style messages, clipped echoes, old names kept."""

from __future__ import annotations

import datetime as dt

import pytest

import checkups
from checkups import calc, errors
from checkups.errors import CheckupsError, clip, shown


class TestCheckupsError:
    def test_message_and_attributes(self) -> None:
        """An error built from its parts reads like attrs and keeps each part as an attribute."""
        exc = CheckupsError(field="monthly_wage", expected="a number >= 0", got="abc", row=4)
        assert str(exc) == "'monthly_wage' must be a number >= 0 (got 'abc') on line 4"
        assert (exc.field, exc.expected, exc.got, exc.row) == ("monthly_wage", "a number >= 0", "abc", 4)

    def test_plain_message(self) -> None:
        """A file-level error keeps its sentence and has no field."""
        exc = CheckupsError("the file is empty")
        assert str(exc) == "the file is empty" and exc.field is None and exc.row is None

    def test_input_error_keeps_its_signature(self) -> None:
        """InputError(field, expected, got) composes the same message as before."""
        exc = errors.InputError("days", "a whole number of days >= 0", -1)
        assert str(exc) == "'days' must be a whole number of days >= 0 (got -1)"
        assert isinstance(exc, ValueError)


class TestClipping:
    @pytest.mark.parametrize(
        ("value", "text"),
        [("abc", "'abc'"), ("x" * 40, repr("x" * 40)), ("", "nothing"), (None, "nothing"), (-5, "-5")],
    )
    def test_short_values_are_echoed_whole(self, value, text) -> None:
        """Values of at most 40 characters are echoed as they are."""
        assert shown(value) == text

    def test_long_values_are_cut_to_40_characters_and_their_length(self) -> None:
        """A 5 MB value is echoed as its first 40 characters and its length."""
        value = "9" * 5_242_880
        assert clip(value) == "9" * 40 + "…(5242880 characters)"
        exc = errors.InputError("monthly_wage", "a number from 0 to 10^12", value)
        assert str(exc).endswith("…(5242880 characters)')") and len(str(exc)) < 120


class TestHierarchy:
    @pytest.mark.parametrize(
        ("name", "base"),
        [
            ("InputError", ValueError),
            ("DateError", ValueError),
            ("RosterError", Exception),
            ("MissingFigureError", LookupError),
            ("UnknownNameError", LookupError),
        ],
    )
    def test_every_error_is_a_checkups_error(self, name: str, base: type) -> None:
        """Each public error derives from CheckupsError and keeps its old built-in base."""
        cls = getattr(errors, name)
        assert issubclass(cls, CheckupsError) and issubclass(cls, base)

    @pytest.mark.parametrize(
        ("module", "name"),
        [
            ("checkups", "InputError"),
            ("checkups", "RosterError"),
            ("checkups", "MissingFigureError"),
            ("checkups", "CheckupsError"),
            ("checkups.text", "InputError"),
            ("checkups.tables", "RosterError"),
            ("checkups.roster", "RosterError"),
            ("checkups.timeline", "DateError"),
            ("checkups.timeline", "MissingFigureError"),
            ("checkups.registry", "UnknownNameError"),
        ],
    )
    def test_old_names_stay_importable(self, module: str, name: str) -> None:
        """Notebooks that import an error from its old module get the same class."""
        mod = __import__(module, fromlist=[name])
        assert getattr(mod, name) is getattr(errors, name)

    def test_region_error_carries_the_name(self) -> None:
        """An unknown region is a CheckupsError with the field and the value given."""
        with pytest.raises(CheckupsError) as info:
            checkups.regions.resolve("atlantis")
        assert (info.value.field, info.value.got) == ("region", "atlantis")

    def test_date_out_of_range_names_its_field(self) -> None:
        """A calculator's date outside 1900..2100 is refused naming the calculator's field."""
        with pytest.raises(errors.DateError) as info:
            calc.severance(8000, "2019-03-01", "9999-06-30", min_wage=2500, avg_wage=13704)
        assert str(info.value) == "'end' must be a date from 1900-01-01 to 2100-12-31 (got '9999-06-30')"

    @pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.date(2101, 1, 1), "0001-01-01", "9999-12-31"])
    def test_parse_date_bounds(self, day) -> None:
        """Dates before 1900-01-01 or after 2100-12-31 are refused, as text or as date objects."""
        from checkups.timeline import parse_date

        with pytest.raises(errors.DateError, match="from 1900-01-01 to 2100-12-31"):
            parse_date(day)

    @pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
    def test_parse_date_accepts_the_ends(self, day) -> None:
        """The first and the last accepted day are accepted."""
        from checkups.timeline import parse_date

        assert parse_date(day).isoformat() == day
