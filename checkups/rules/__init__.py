"""Employee checks run on a roster, one module per service area.

Each check is registered with :func:`employee_check`, naming its rule and the roster
columns it needs; a check whose columns are missing is reported as not run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..findings import Finding
from ..roster import Roster
from ..text import Text
from ..timeline import MissingFigureError, ParamValue, add_months, value_at

__all__ = ["CHECKS", "Check", "Context", "employee_check"]


@dataclass
class Context:
    """What every check may use: the audit date, the region, figures given by the user."""

    as_of: dt.date
    region: str | None = None
    min_wage: Decimal | None = None
    notices: list[Text] = field(default_factory=list)
    _months: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def as_of_ord(self) -> int:
        return self.as_of.toordinal()

    def param(self, name: str, on: dt.date | None = None) -> ParamValue:
        """A national or regional figure in force on ``on`` (default: the audit date)."""
        return value_at(name, on or self.as_of, self.region)

    def minimum_wage(self, on_ord: int) -> ParamValue | None:
        """The monthly minimum wage on a day (given by the user, or regional), or None if unknown."""
        on = dt.date.fromordinal(on_ord)
        if self.min_wage is not None:
            return ParamValue("minimum_wage.monthly", self.min_wage, "given", self.as_of, "entered by the user", True, "CNY/month")
        try:
            return value_at("minimum_wage.monthly", on, self.region)
        except MissingFigureError:
            return None

    def plus_months(self, ordinal: int, months: int) -> int:
        """``ordinal`` + ``months`` calendar months, as an ordinal (cached)."""
        key = (ordinal, months)
        found = self._months.get(key)
        if found is None:
            found = add_months(dt.date.fromordinal(ordinal), months).toordinal()
            self._months[key] = found
        return found


@dataclass(frozen=True)
class Check:
    rules: tuple[str, ...]
    needs: tuple[str, ...]
    run: Callable[[Roster, Context], Iterator[Finding]]


CHECKS: list[Check] = []


def employee_check(rules: str | tuple[str, ...], *needs: str) -> Callable:
    """Register a roster check that finds ``rules`` (one id or several) and needs the given columns."""

    def register(func: Callable[[Roster, Context], Iterator[Finding]]) -> Callable:
        CHECKS.append(Check((rules,) if isinstance(rules, str) else rules, ("employee_id", "hire_date", *needs), func))
        return func

    return register


def day(ordinal: int | None) -> str:
    """ISO text of an ordinal date (for messages)."""
    return "" if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def stop_days(r: Roster, ctx: Context) -> list[int]:
    """Each row's last day to count: the audit date, or the leaving date if earlier."""
    as_of = ctx.as_of_ord
    ends = r.columns.get("end_date")
    if ends is None:
        return [as_of] * r.audited
    return [as_of if e is None or e > as_of else e for e in ends]


def column(r: Roster, name: str) -> list[Any]:
    """A roster column, or a column of ``None`` when the roster does not have it."""
    return r.columns.get(name) or [None] * r.audited


from . import contracts, onboarding, social_insurance, wages, workplace_rules  # noqa: E402,F401  (registers the checks)
