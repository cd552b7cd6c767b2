"""Pay below a floor, counted month by month across every change of the floor (LL 48; LCL 20).

Wage periods are calendar months.  A month counts in full when it is wholly inside the
period, a part month pro rata by its calendar days.  The period runs from its first day
(the hire date) to its last: the leaving date or the end of probation count as they are,
while at an audit date only months already complete are counted (the current month's
wage is not yet due).  Where the floor is not known, those days are left out and listed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..text import Text, fmt_money, round_fen
from ..timeline import ParamValue

__all__ = ["Part", "Shortfall", "count", "month_fraction"]


@dataclass(frozen=True, slots=True)
class Part:
    """A run of days with the same floor and pay: the months it makes and the shortfall a month."""

    first: dt.date
    last: dt.date
    months: Decimal
    floor: Decimal
    paid: Decimal

    @property
    def short(self) -> Decimal:
        return self.floor - self.paid

    @property
    def amount(self) -> Decimal:
        return self.short * self.months


@dataclass(frozen=True, slots=True)
class Shortfall:
    """The shortfall over a period: its parts, the days whose floor is unknown, the figures used."""

    first: dt.date
    last: dt.date
    parts: tuple[Part, ...]
    unknown: tuple[tuple[dt.date, dt.date], ...]
    params: tuple[ParamValue, ...]

    @property
    def amount(self) -> Decimal:
        return round_fen(sum((p.amount for p in self.parts), Decimal(0)))

    @property
    def months(self) -> Decimal:
        return sum((p.months for p in self.parts), Decimal(0))

    def scaled(self, factor: Decimal) -> Shortfall:
        """The same shortfall with floor and pay multiplied (an hourly rate × hours a month)."""
        parts = tuple(Part(p.first, p.last, p.months, p.floor * factor, p.paid * factor) for p in self.parts)
        return Shortfall(self.first, self.last, parts, self.unknown, self.params)

    def steps(self) -> tuple[Text, ...]:
        """One line per run of months, then the total (and the days left out, if any)."""
        out = []
        for p in self.parts:
            n = _months_text(p.months)
            out.append(
                Text(
                    f"{p.first} 至 {p.last}：应不低于 {fmt_money(p.floor)}，实际 {fmt_money(p.paid)}，"
                    f"每月差 {fmt_money(p.short)} × {n} 个月 = {fmt_money(p.amount)}",
                    f"{p.first} to {p.last}: at least {fmt_money(p.floor)} due, {fmt_money(p.paid)} paid, "
                    f"{fmt_money(p.short)} a month short × {n} months = {fmt_money(p.amount)}",
                )
            )
        if self.parts:
            out.append(
                Text(
                    f"合计 {fmt_money(self.amount)}（按月计算：整月全额，不足一月的按该月日历天数折算）",
                    f"Total {fmt_money(self.amount)} (month by month: whole months in full, part months by their calendar days)",
                )
            )
        for a, b in self.unknown:
            out.append(
                Text(
                    f"{a} 至 {b} 没有当地最低工资数据，该期间未计入。",
                    f"{a} to {b}: no local minimum wage in the data, so that period is not counted.",
                )
            )
        return tuple(out)


def _months_text(months: Decimal) -> str:
    return str(months.quantize(Decimal("0.0001")).normalize()) if months != int(months) else str(int(months))


def month_fraction(first: dt.date, last: dt.date) -> Decimal:
    """Calendar months covered by ``first``…``last`` (both included): whole months plus day fractions."""
    if last < first:
        return Decimal(0)
    if (first.year, first.month) == (last.year, last.month):
        return Decimal((last - first).days + 1) / calendar.monthrange(first.year, first.month)[1]
    head_days = calendar.monthrange(first.year, first.month)[1]
    head = Decimal(head_days - first.day + 1) / head_days
    tail = Decimal(last.day) / calendar.monthrange(last.year, last.month)[1]
    between = (last.year * 12 + last.month) - (first.year * 12 + first.month) - 1
    return head + between + tail


def last_counted(last: dt.date, partial_last: bool) -> dt.date:
    """The last day counted: ``last`` itself, or the end of the last complete month before it."""
    if partial_last or last.day == calendar.monthrange(last.year, last.month)[1]:
        return last
    return last.replace(day=1) - dt.timedelta(days=1)


def count(
    first: dt.date,
    last: dt.date,
    *,
    partial_last: bool,
    breaks: Iterable[int],
    floor_on: Callable[[int], ParamValue | None],
    paid_on: Callable[[int], Decimal],
    required: Callable[[int, Decimal], Decimal] = lambda _day, floor: floor,
) -> Shortfall:
    """The shortfall of ``paid_on(day)`` below ``required(day, floor_on(day))`` from ``first`` to ``last``.

    ``breaks`` are the ordinals where the floor or the pay may change; between two of
    them both are constant, so each stretch is looked up once.
    """
    end = last_counted(last, partial_last)
    start_ord, end_ord = first.toordinal(), end.toordinal()
    cuts = sorted({b for b in breaks if start_ord < b <= end_ord})
    stretches = list(zip([start_ord, *cuts], [c - 1 for c in cuts] + [end_ord]))
    parts: list[Part] = []
    unknown: list[tuple[dt.date, dt.date]] = []
    params: dict[tuple, ParamValue] = {}
    for a, b in stretches if end_ord >= start_ord else ():
        floor = floor_on(a)
        a_day, b_day = dt.date.fromordinal(a), dt.date.fromordinal(b)
        if floor is None:
            _extend(unknown, a_day, b_day)
            continue
        due = required(a, floor.decimal)
        paid = paid_on(a)
        if due <= paid:
            continue
        params[(floor.name, floor.region, floor.effective)] = floor  # the figures the shortfall rests on
        months = month_fraction(a_day, b_day)
        if parts and parts[-1].floor == due and parts[-1].paid == paid and parts[-1].last.toordinal() == a - 1:
            prev = parts.pop()
            parts.append(Part(prev.first, b_day, prev.months + months, due, paid))
        else:
            parts.append(Part(a_day, b_day, months, due, paid))
    return Shortfall(first, end, tuple(parts), tuple(unknown), tuple(params.values()))


def _extend(spans: list[tuple[dt.date, dt.date]], a: dt.date, b: dt.date) -> None:
    if spans and spans[-1][1] == a - dt.timedelta(days=1):
        spans[-1] = (spans[-1][0], b)
    else:
        spans.append((a, b))
