"""Paid annual leave: the days a year (PAL 3), pro rata for joiners and leavers in whole days
(PAL-IM 5, 12), and the pay for untaken days on the 12-month average wage (PAL 5; PAL-IM 10, 11).

The calendar days of the year at the employer count the joining day and the leaving day
(a hire on 1 July has 184 days left in a common year).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money, to_number
from ..timeline import ParamValue, parse_date, value_at
from .result import Limit, Result, cite
from .sources import LATEST, event_day, unverified

__all__ = ["annual_leave_days", "leave_entitlement", "pro_rata_leave_days", "untaken_leave_pay"]

PAL3, PAL5 = Citation("PAL", "3"), Citation("PAL", "5")
IM5, IM10, IM11, IM12 = (Citation("PAL-IM", n) for n in ("5", "10", "11", "12"))


def _band(cumulative_service_years: Any, on: dt.date) -> tuple[Decimal, ParamValue, dict[str, Any]]:
    """The years of work, the leave bands in force on ``on`` and the band they fall in (PAL 3)."""
    years = to_number(cumulative_service_years, "cumulative_service_years")
    bands = value_at("leave.annual_days", on)
    return years, bands, max((b for b in bands.value if years >= b["years_from"]), key=lambda b: b["years_from"])


def annual_leave_days(cumulative_service_years: Any, *, on: Any = None) -> int:
    """Paid annual leave days a year for cumulative years of work: 0, 5, 10 or 15 (PAL 3).

    ``on``: the day whose rule applies (without it, the rule as the data last states it).
    """
    return _band(cumulative_service_years, LATEST if on in (None, "") else parse_date(on))[2]["days"]


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def leave_entitlement(
    cumulative_service_years: Any, *, on: Any = None, joined: Any = None, left: Any = None, taken: Any = 0
) -> Limit:
    """Paid annual leave for the year, pro rata when the employee joined (PAL-IM 5) or left
    (PAL-IM 12, less the days already taken) during it; the part below a whole day is dropped.

    The day whose rules apply is ``left``, else ``joined``, else ``on``.
    """
    start = None if joined in (None, "") else parse_date(joined)
    end = None if left in (None, "") else parse_date(left)
    if start and end and end < start:
        raise InputError("left", f"on or after joined {start}", end.isoformat())
    day = end or start or event_day(on, "on")
    years, bands, band = _band(cumulative_service_years, day)
    full = int(band["days"])
    used = to_number(taken or 0, "taken")
    steps = [
        Text(
            f"累计工作 {years} 年，适用“已满 {band['years_from']} 年”一档：全年 {full} 天{cite(PAL3).zh}",
            f"{years} years of work in all: the band from {band['years_from']} years gives {full} days a year {cite(PAL3).en}",
        )
    ]
    cites: tuple[Citation, ...] = (PAL3,)
    params: tuple[ParamValue, ...] = (bands,)
    days = full
    if start or end:
        year = day.year
        first = max(start, dt.date(year, 1, 1)) if start else dt.date(year, 1, 1)
        last = min(end, dt.date(year, 12, 31)) if end else dt.date(year, 12, 31)
        basis = value_at("leave.pro_rata_year_days", day)
        params += (basis,)
        counted = (last - first).days + 1
        share = Decimal(counted) / basis.decimal * full
        rule = (IM12,) if end else (IM5,)
        if start and end and start.year == end.year:
            rule = (IM5, IM12)
        cites += rule
        raw = min(share, Decimal(full)) - (used if end else 0)
        days = max(_floor(raw), 0)
        minus = f" − 已安排 {used} 天" if end and used else ""
        minus_en = f" − {used} days already taken" if end and used else ""
        steps.append(
            Text(
                f"当年度在本单位 {first} 至 {last} 共 {counted} 个日历天：{counted} ÷ {basis.value} × {full}{minus} = "
                f"{raw.quantize(Decimal('0.01'))} 天，不足1整天的部分不计 → {days} 天{cite(*rule).zh}",
                f"At this employer {first} to {last} this year, {counted} calendar days: {counted} ÷ {basis.value} × {full}"
                f"{minus_en} = {raw.quantize(Decimal('0.01'))} days; the part below a whole day is dropped → {days} days "
                f"{cite(*rule).en}",
            )
        )
        if end and raw < 0:
            steps.append(
                Text(
                    f"已安排的天数多于折算天数的，多出部分不再扣回{cite(IM12).zh}",
                    f"Days already taken beyond the pro-rata share are not clawed back {cite(IM12).en}",
                )
            )
    return Limit(
        label=Text(
            "当年带薪年休假" if (start or end) else "每年带薪年休假",
            "Paid annual leave this year" if (start or end) else "Paid annual leave a year",
        ),
        value=Text(f"{days} 天", f"{days} days"),
        steps=tuple(steps),
        citations=cites,
        parameters=params,
        warnings=unverified(params),
        details={"days": days, "full_year_days": full},
    )


def pro_rata_leave_days(cumulative_service_years: Any, **kwargs: Any) -> int:
    """:func:`leave_entitlement` as a plain number of days."""
    return int(leave_entitlement(cumulative_service_years, **kwargs).details["days"])


def untaken_leave_pay(monthly_wage: Any, days: Any, *, on: Any = None, refused_in_writing: bool = False) -> Result:
    """Pay for untaken annual leave on the day it is paid, ``on`` (PAL 5; PAL-IM 10, 11).

    ``monthly_wage`` is the average monthly wage of the 12 months before payment without
    overtime pay (PAL-IM 11 ¶2; fewer months if employed for less).  Whole days only.  With
    ``refused_in_writing`` (the employee, for their own reasons, refused in writing the leave
    arranged for them) only normal pay is owed, so nothing extra (PAL-IM 10 ¶2).
    """
    day = event_day(on, "on")
    wage = to_money(monthly_wage, "monthly_wage")
    count = to_number(days, "days")
    whole = _floor(count)
    per_month = value_at("wage_conversion.days_per_month", day)
    extra = value_at("leave.untaken_extra_multiple", day)
    daily = wage / per_month.decimal
    steps = [
        Text(
            f"月工资取支付前12个月剔除加班工资后的月平均工资 {fmt_money(wage)}{cite(IM11).zh}；"
            f"日工资 = {fmt_money(wage)} ÷ {per_month.value} = {fmt_money(daily)}",
            f"The wage is the monthly average of the 12 months before payment without overtime, {fmt_money(wage)} "
            f"{cite(IM11).en}; daily wage = {fmt_money(wage)} ÷ {per_month.value} = {fmt_money(daily)}",
        )
    ]
    if whole != count:
        steps.append(
            Text(
                f"未休 {count} 天，不足1整天的部分不支付 → {whole} 天{cite(IM12).zh}",
                f"{count} untaken days: the part below a whole day is not paid → {whole} days {cite(IM12).en}",
            )
        )
    total = (extra.decimal + 1) * 100
    if refused_in_writing:
        amount = Decimal("0.00")
        steps.append(
            Text(
                f"单位已安排休假，职工因本人原因书面提出不休：只需支付正常工作期间的工资，不另付{cite(IM10).zh}",
                f"The leave was arranged and the employee refused it in writing for their own reasons: only normal pay "
                f"is owed, nothing extra {cite(IM10).en}",
            )
        )
    else:
        amount = round_fen(daily * extra.decimal * whole)
        steps.append(
            Text(
                f"另付 {whole} 天 × 日工资 × {extra.value} = {fmt_money(amount)}（连同已发的正常工资共 {total:g}%）{cite(IM10, PAL5).zh}",
                f"Extra {whole} days × daily wage × {extra.value} = {fmt_money(amount)} ({total:g}% in all with the normal "
                f"pay already paid) {cite(IM10, PAL5).en}",
            )
        )
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=(IM10, IM11, PAL5, IM12),
        parameters=(per_month, extra),
        warnings=unverified((per_month, extra)),
        inputs={"monthly_wage": wage, "days": count, "on": day, "refused_in_writing": refused_in_writing},
        details={"days_paid": 0 if refused_in_writing else whole},
    )
