"""Dates and dated, regional figures: the one place where both are resolved.

``value_at("minimum_wage.monthly", on=date(2025, 6, 1), region="guangzhou")`` finds
the value in force on that day, falling back city → province → national.  Rules and
calculators never compare parameter dates themselves.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from . import regions
from .errors import DateError, MissingFigureError
from .registry import UnknownNameError, catalog

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "DateError",
    "MissingFigureError",
    "ParamValue",
    "Span",
    "add_months",
    "changes",
    "in_force_from",
    "law_in_force",
    "parse_date",
    "region_chain",
    "span",
    "value_at",
]

_DATE = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:[ T]0{1,2}:0{2}(?::0{2}(?:\.0+)?)?)?\s*$"
)


FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)  # the dates the package accepts
_RANGE = f"a date from {FIRST_DAY} to {LAST_DAY}"


def parse_date(value: Any, field: str = "date") -> dt.date:
    """A date from a ``date``/``datetime`` or text: ``2025-03-01``, ``2025/3/1``, ``2025年3月1日``.

    Only dates from :data:`FIRST_DAY` to :data:`LAST_DAY` are accepted; anything else raises
    :class:`DateError` naming ``field``.
    """
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        match = _DATE.match(str(value))
        if not match:
            raise DateError(value, field=field)
        year, month, number = map(int, match.groups())
        try:
            day = dt.date(year, month, number)
        except ValueError:
            raise DateError(value, "a real date such as 2025-03-01 (there is no such day)", field) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DateError(value if isinstance(value, str) else day.isoformat(), _RANGE, field)
    return day


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@lru_cache(maxsize=1 << 16)
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it has no such day (Civil Code 202)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]
    return dt.date(year, month, day.day if day.day <= last else last)


@dataclass(frozen=True, slots=True)
class ParamValue:
    """A figure with where it comes from: the explanation every finding carries."""

    name: str
    value: Any
    region: str
    effective: dt.date
    source: str
    verified: bool
    unit: str
    basis: str | None = None
    data_year: int | None = None
    note: dict[str, str] | None = None

    @property
    def decimal(self) -> Decimal:
        """The value as an exact ``Decimal`` (numbers only)."""
        return Decimal(str(self.value))

    def describe(self) -> str:
        """One line for an explanation trace."""
        flag = "" if self.verified else " [unverified]"
        return f"{self.name} = {self.value} {self.unit} ({self.region}, from {self.effective.isoformat()}; {self.source}){flag}"


def region_chain(region: str | None, on: dt.date | None = None) -> tuple[str, ...]:
    """The lookup order on a day, e.g. ``('chengdu', 'sichuan.t1', 'sichuan', 'national')``.

    ``region`` may be an id, a name or a code (see :func:`checkups.regions.resolve`).
    """
    return regions.chain(regions.resolve(region), on or dt.date.today())


@cache
def _series(name: str) -> dict[str, list[tuple[dt.date, dict[str, Any]]]]:
    params = catalog()["parameters"]
    if name not in params:
        raise UnknownNameError("parameter", name, sorted(params))
    return {
        region: [(dt.date.fromisoformat(e["effective"]), e) for e in entries]
        for region, entries in params[name]["values"].items()
    }


@lru_cache(maxsize=8192)
def value_at(name: str, on: dt.date, region: str | None = None) -> ParamValue:
    """The value of parameter ``name`` in force on ``on`` in ``region`` (or an ancestor).

    ``region`` is an id, a name or a 6-digit code (:func:`checkups.regions.resolve`).

    The nearest region that has any value in force on that day wins; a ``null`` value
    there means "no figure" and raises :class:`MissingFigureError`, as does no value at all.
    """
    series = _series(name)
    region = regions.resolve(region) if region else None
    for code in regions.chain(region, on):
        entries = series.get(code)
        if not entries:
            continue
        current = None
        for effective, entry in entries:
            if effective <= on:
                current = (effective, entry)
        if current is None:
            continue
        effective, entry = current
        if entry["value"] is None:
            break
        return ParamValue(
            name=name,
            value=entry["value"],
            region=code,
            effective=effective,
            source=entry["source"],
            verified=bool(entry["verified"]),
            unit=catalog()["parameters"][name]["unit"],
            basis=entry.get("basis"),
            data_year=entry.get("data_year"),
            note=entry.get("note"),
        )
    status = regions.tier_status(region, on) if region and name.startswith("minimum_wage.") else None
    if status is not None and not status.confirmed:
        hint = (
            f"the minimum-wage tier of {region} under {status.notice} (from {status.effective}) is not confirmed; "
            "give the local figure"
        )
        raise MissingFigureError(name, region, on, hint)
    raise MissingFigureError(name, region, on)


@lru_cache(maxsize=256)
def in_force_from(name: str, region: str | None = None) -> dt.date:
    """The first day any value of parameter ``name`` is in force for the region (or an ancestor)."""
    series = _series(name)
    days = [entries[0][0] for code in _related(region) if (entries := series.get(code))]
    if not days:
        raise MissingFigureError(name, region, dt.date.min)
    return min(days)


@lru_cache(maxsize=256)
def changes(name: str, region: str | None = None) -> tuple[int, ...]:
    """Ordinals of every day a value of ``name`` starts, in the region or an ancestor (sorted).

    Between two consecutive changes :func:`value_at` gives the same answer, so callers
    can look a figure up once per stretch instead of once per day.
    """
    series = _series(name)
    return tuple(sorted({d.toordinal() for code in _related(region) for d, _ in series.get(code, ())}))


@lru_cache(maxsize=256)
def _related(region: str | None) -> tuple[str, ...]:
    """Every region whose figures a lookup for ``region`` may reach on some day (its tiers included)."""
    out = list(regions.chain(regions.resolve(region) if region else None, dt.date.min))
    province = catalog()["regions"][out[0]].get("province")
    if province:
        out += [k for k, v in catalog()["regions"].items() if v["level"] == "tier" and v["parent"] == province]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of days ``first``…``last`` (both included) as whole months plus days.

    Months are counted from ``first`` (Civil Code 202: same day of the month, or the
    month's last day); ``days`` are left over after ``months``, out of ``month_days`` in
    the month that was running.
    """

    first: dt.date
    last: dt.date
    months: int
    days: int
    month_days: int

    @property
    def fraction(self) -> Decimal:
        """Whole months plus the part month, pro rata by calendar days."""
        if not self.days:
            return Decimal(self.months)
        return Decimal(self.months) + Decimal(self.days) / Decimal(self.month_days)

    @property
    def empty(self) -> bool:
        return self.last < self.first


def span(first: dt.date, last: dt.date) -> Span:
    """Whole months and leftover days from ``first`` to ``last`` inclusive (empty if last < first)."""
    if last < first:
        return Span(first, last, 0, 0, 1)
    after = last + dt.timedelta(days=1)
    months = (after.year - first.year) * 12 + after.month - first.month
    while months > 0 and add_months(first, months) > after:
        months -= 1
    start = add_months(first, months)
    days = (after - start).days
    month_days = (add_months(first, months + 1) - start).days
    return Span(first, last, months, days, month_days)


def law_in_force(code: str, on: dt.date) -> bool:
    """Whether instrument ``code`` had taken effect on ``on`` (its ``effective`` date in the
    registry; an instrument without one counts as in force)."""
    effective = catalog()["laws"][code].get("effective")
    return effective is None or dt.date.fromisoformat(str(effective)) <= on
