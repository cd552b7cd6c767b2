"""Employee checks run on a roster, one module per service area.

Each check is registered with :func:`employee_check`, naming its rule and the roster
columns it needs; a check whose columns are missing is reported as not run.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..findings import Finding
from ..roster import Roster
from ..text import Text
from ..timeline import MissingFigureError, ParamValue, add_months, changes, in_force_from, value_at

__all__ = ["CHECKS", "Check", "Context", "employee_check"]


@dataclass
class Context:
    """What every check may use: the audit date, the region, figures given by the user."""

    as_of: dt.date
    region: str | None = None
    min_wage: Decimal | None = None
    notices: list[Text] = field(default_factory=list)
    flags: dict[str, set[str]] = field(default_factory=dict)
    _months: dict[tuple[int, int], int] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)
    _shifts: dict[int, dict] = field(default_factory=dict)

    def flag(self, kind: str, employee_id: str) -> None:
        """Remember an employee for a notice given once after all checks (see ``FLAG_NOTICES``)."""
        self.flags.setdefault(kind, set()).add(employee_id)

    def flag_notices(self) -> list[Text]:
        """One notice per kind of flag, naming the employees (at most 20)."""
        out = []
        for kind, ids in sorted(self.flags.items()):
            shown = sorted(ids)[:20]
            more = f" … (+{len(ids) - 20})" if len(ids) > 20 else ""
            zh, en = FLAG_NOTICES[kind]
            out.append(Text(zh.format(ids="、".join(shown) + more), en.format(ids=", ".join(shown) + more)))
        return out

    @property
    def as_of_ord(self) -> int:
        return self.as_of.toordinal()

    def param(self, name: str, on: dt.date | None = None) -> ParamValue:
        """A national or regional figure in force on ``on`` (default: the audit date)."""
        return value_at(name, on or self.as_of, self.region)

    def minimum_wage(self, on_ord: int) -> ParamValue | None:
        """The monthly minimum wage on a day (given by the user, or regional), or None if unknown."""
        if self.min_wage is not None:
            return ParamValue(
                "minimum_wage.monthly", self.min_wage, "given", self.as_of, "entered by the user", True, "CNY/month"
            )
        breaks = changes("minimum_wage.monthly", self.region)
        stretch = bisect_right(breaks, on_ord)  # the figure is the same all through a stretch
        key = ("minimum_wage", stretch)
        if key not in self.derived:
            start = breaks[stretch - 1] if stretch else on_ord
            try:
                self.derived[key] = value_at("minimum_wage.monthly", dt.date.fromordinal(start), self.region)
            except MissingFigureError:
                self.derived[key] = None
        return self.derived[key]

    def stop(self, r: Roster) -> list[int]:
        """Each row's last day to count: the audit date, or the leaving date if earlier (cached)."""
        found = self.derived.get("stop")
        if found is None:
            as_of = self.as_of_ord
            ends = r.columns.get("end_date")
            found = [as_of] * r.audited if ends is None else [as_of if e is None or e > as_of else e for e in ends]
            self.derived["stop"] = found
        return found

    def contract_clock(self, r: Roster) -> list[int]:
        """When each employee's contract deadlines start: the hire date, or 2008-01-01 for earlier hires (LCL 97)."""
        found = self.derived.get("contract_clock")
        if found is None:
            start = in_force_from("deadlines.contract_written_months").toordinal()
            hires = r.columns["hire_date"]
            found = hires if min(hires, default=start) >= start else [h if h > start else start for h in hires]
            self.derived["contract_clock"] = found
        return found

    def shifted(self, r: Roster, column: str, months: int) -> list[int | None]:
        """A date column (or ``contract_clock``) moved ``months`` calendar months later (cached)."""
        key = f"{column}+{months}"
        found = self.derived.get(key)
        if found is None:
            cache = self.month_shift(months)
            source = self.contract_clock(r) if column == "contract_clock" else r.columns[column]
            found = list(map(cache.__getitem__, source))
            self.derived[key] = found
        return found

    def month_shift(self, months: int) -> dict:
        """A mapping ordinal → ordinal ``months`` later, filled on demand and shared by all checks."""
        found = self._shifts.get(months)
        if found is None:
            found = self._shifts[months] = _Shift(months)
        return found

    def plus_months(self, ordinal: int, months: int) -> int:
        """``ordinal`` + ``months`` calendar months, as an ordinal (cached)."""
        key = (ordinal, months)
        found = self._months.get(key)
        if found is None:
            found = add_months(dt.date.fromordinal(ordinal), months).toordinal()
            self._months[key] = found
        return found


FLAG_NOTICES = {
    "renewals": (
        "员工 {ids} 的劳动合同签订日期晚于入职满一年：名册记录的是现行合同，无法判断首份合同是否在入职一个月内签订，请逐人核对（LCL 10、82）。",
        "Employees {ids}: the contract signing date is more than a year after hire, so the roster shows a later "
        "contract and whether the first one was signed within a month cannot be told; check them (LCL 10, 82).",
    ),
}


class _Shift(dict):
    """ordinal → ordinal ``months`` later, computed once per distinct date."""

    def __init__(self, months: int):
        super().__init__({None: None})
        self.months = months

    def __missing__(self, ordinal: int) -> int:
        value = add_months(dt.date.fromordinal(ordinal), self.months).toordinal()
        self[ordinal] = value
        return value


@dataclass(frozen=True)
class Check:
    rules: tuple[str, ...]
    needs: tuple[str, ...]
    run: Callable[[Roster, Context], Iterable[Finding]]


CHECKS: list[Check] = []


def employee_check(rules: str | tuple[str, ...], *needs: str) -> Callable:
    """Register a roster check that finds ``rules`` (one id or several) and needs the given columns."""

    def register(func: Callable[[Roster, Context], Iterable[Finding]]) -> Callable:
        CHECKS.append(Check((rules,) if isinstance(rules, str) else rules, ("employee_id", "hire_date", *needs), func))
        return func

    return register


def day(ordinal: int | None) -> str:
    """ISO text of an ordinal date (for messages)."""
    return "" if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def column(r: Roster, name: str) -> list[Any]:
    """A roster column, or a column of ``None`` when the roster does not have it."""
    return r.columns.get(name) or [None] * r.audited


from . import contracts, onboarding, social_insurance, wages, workplace_rules  # noqa: E402,F401  (registers the checks)
