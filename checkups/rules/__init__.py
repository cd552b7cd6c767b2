"""Employee checks run on a roster, one module per service area.

Each check is registered with :func:`employee_check`, naming its rule, the roster
columns it needs and the kinds of worker it judges (:data:`KINDS`); a check whose
columns are missing is reported as not run, and its findings on other kinds of worker
are dropped (the reason is given once, in a notice).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..findings import Finding
from ..registry import Citation, catalog
from ..roster import Roster
from ..text import Text
from ..timeline import MissingFigureError, ParamValue, add_months, changes, in_force_from, value_at

__all__ = ["ALL", "CHECKS", "KINDS", "Check", "Context", "employee_check"]

#: kinds of worker: the employment type as the law sees it on the audit date
FULL, PART, DISPATCHED, PENSIONER, SERVICE = "full_time", "part_time", "dispatched", "pensioner", "labour_service"
KINDS = (FULL, PART, DISPATCHED, PENSIONER, SERVICE)
ALL = frozenset({FULL, PART, DISPATCHED, PENSIONER})  # a hired pensioner before SPC-II is in no labour relation


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

    flag_values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def flag(self, notice: str, employee_id: str, **values: Any) -> None:
        """Remember an employee for a notice (``data/notices.yaml``) given once after all checks."""
        self.flags.setdefault(notice, set()).add(employee_id)
        self.flag_values.setdefault(notice, {}).update(values)

    def flag_notices(self) -> list[Text]:
        """One notice per kind of flag, naming the employees (at most 20)."""
        out = []
        for key, ids in sorted(self.flags.items()):
            shown = sorted(ids)[:20]
            more = f" … (+{len(ids) - 20})" if len(ids) > 20 else ""
            values = self.flag_values.get(key, {})
            out.append(notice_text(key, ids={"zh": "、".join(shown) + more, "en": ", ".join(shown) + more}, **values))
        return out

    def kinds(self, r: Roster) -> list[str]:
        """Each row's kind of worker on the audit date (cached); flags the rows taken as part-time."""
        found = self.derived.get("kinds")
        if found is None:
            limit = self.param("hours.part_time_weekly_max")
            cap = limit.decimal
            pensioner = PENSIONER if self.as_of >= spc_ii_effective() else SERVICE
            ids = r.columns["employee_id"]
            found = []
            for i, (declared, hours, pension) in enumerate(
                zip(column(r, "employment_type"), column(r, "weekly_hours"), column(r, "receives_pension"))
            ):
                if pension:
                    kind = pensioner
                elif declared == DISPATCHED:
                    kind = DISPATCHED
                elif declared == PART:
                    kind = PART if hours is None or hours <= cap else FULL  # over LCL 68's limit: full-time in law
                elif declared is None and hours is not None and hours <= cap:
                    kind = PART
                    self.flag("assumed_part_time", ids[i], limit=limit.value)
                else:
                    kind = FULL
                found.append(kind)
            self.derived["kinds"] = found
        return found

    @property
    def as_of_ord(self) -> int:
        return self.as_of.toordinal()

    def param(self, name: str, on: dt.date | None = None) -> ParamValue:
        """A national or regional figure in force on ``on`` (default: the audit date)."""
        return value_at(name, on or self.as_of, self.region)

    def figure(self, name: str, on_ord: int) -> ParamValue | None:
        """A regional figure in force on a day, or None if unknown (looked up once per stretch)."""
        breaks = changes(name, self.region)
        stretch = bisect_right(breaks, on_ord)  # the figure is the same all through a stretch
        key = (name, stretch)
        if key not in self.derived:
            start = breaks[stretch - 1] if stretch else on_ord
            try:
                self.derived[key] = value_at(name, dt.date.fromordinal(start), self.region)
            except MissingFigureError:
                self.derived[key] = None
        return self.derived[key]

    def breaks(self, name: str) -> tuple[int, ...]:
        """The days a figure may change for the audit's region (see :func:`checkups.timeline.changes`)."""
        return changes(name, self.region)

    def minimum_wage(self, on_ord: int) -> ParamValue | None:
        """The monthly minimum wage on a day (given by the user, or regional), or None if unknown."""
        if self.min_wage is not None:
            return ParamValue(
                "minimum_wage.monthly", self.min_wage, "given", self.as_of, "entered by the user", True, "CNY/month"
            )
        return self.figure("minimum_wage.monthly", on_ord)

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


def spc_ii_effective() -> dt.date:
    """The day SPC-II took effect and repealed SPC-I 32 ¶1 (SPC-II 21): audits from then on apply it."""
    return dt.date.fromisoformat(str(catalog()["laws"]["SPC-II"]["effective"]))


def notice_text(key: str, **values: Any) -> Text:
    """A notice of ``data/notices.yaml`` with its placeholders filled and its citations appended.

    A value may be one text for both languages or ``{"zh": …, "en": …}``.
    """
    spec = catalog()["notices"][key]
    cites = [Citation(c["law"], c["article"]) for c in spec["citations"]]

    def fill(lang: str) -> str:
        text = spec["text"][lang].format(**{k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
        if not cites:
            return text
        return text + ("（" + "；".join(map(str, cites)) + "）" if lang == "zh" else " (" + "; ".join(map(str, cites)) + ")")

    return Text(fill("zh"), fill("en"))


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
    applies_to: frozenset[str] = ALL


CHECKS: list[Check] = []


def employee_check(rules: str | tuple[str, ...], *needs: str, applies_to: Iterable[str] = ALL) -> Callable:
    """Register a roster check that finds ``rules`` (one id or several), needs the given columns
    and judges the given kinds of worker (default: everyone in a labour relation)."""

    def register(func: Callable[[Roster, Context], Iterable[Finding]]) -> Callable:
        ids = (rules,) if isinstance(rules, str) else rules
        CHECKS.append(Check(ids, ("employee_id", "hire_date", *needs), func, frozenset(applies_to)))
        return func

    return register


def term_end(start: int, months: Decimal) -> int:
    """The last day (ordinal) of a term of ``months`` whole months from ``start`` (the roster
    accepts whole months only)."""
    return add_months(dt.date.fromordinal(start), int(months)).toordinal() - 1


@lru_cache(maxsize=1 << 16)  # explanations ask for the same few thousand days again and again
def day(ordinal: int | None) -> str:
    """ISO text of an ordinal date (for messages)."""
    return "" if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def column(r: Roster, name: str) -> list[Any]:
    """A roster column, or a column of ``None`` when the roster does not have it."""
    return r.columns.get(name) or [None] * r.audited


from . import contracts, employment, onboarding, probation, retirement, social_insurance, wages, workplace_rules  # noqa: E402,F401  (registers the checks)
