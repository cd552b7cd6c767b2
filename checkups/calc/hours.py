"""Overtime pay by hours system (LL 36, 39, 44; WPR 13; WTS).

- ``standard``: hours beyond the working day at 150 %, rest days without time off in lieu
  at 200 %, statutory holidays at 300 % (the rates are the parameter ``overtime.multipliers``).
- ``comprehensive`` (综合计算工时, approved under LL 39 / WTS 5): only the hours beyond the
  period's standard count, at the workday rate (WPR 13 ¶3); rest days are part of the
  period, so no rest-day rate; statutory-holiday work at the holiday rate (LL 44(3)).
- ``flexible`` (不定时, WTS 4): WPR 13's rates do not apply (WPR 13 ¶4), so there is no pay
  for extra hours or rest days.  Statutory-holiday work (documented choice): paid at the
  holiday rate, because LL 39 lets an approved system depart only from LL 36 and 38
  (daily hours, the weekly rest day), not from the statutory holidays of LL 40, and
  LL 44(3), a law, ranks above WPR 13 ¶4; several provinces' wage rules say the same.
  The step says that WPR 13 ¶4 read alone would leave it out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money, to_number
from ..timeline import MissingFigureError, ParamValue, value_at
from .result import Result, cite
from .sources import event_day, unverified

__all__ = ["HOURS_SYSTEMS", "hourly_rate", "overtime_pay"]

LL36, LL38, LL39, LL40, LL44 = (Citation("LL", n) for n in ("36", "38", "39", "40", "44"))
WPR13, WTC2, WTS4, WTS5 = Citation("WPR", "13"), Citation("WTC", "2"), Citation("WTS", "4"), Citation("WTS", "5")
HOURS_SYSTEMS = ("standard", "comprehensive", "flexible")
PERIODS = ("week", "month", "quarter", "year")
KINDS = {
    "workday": Text("工作日延长工作时间", "Workday overtime"),
    "rest_day": Text("休息日工作（未补休）", "Rest-day work (no time off in lieu)"),
    "holiday": Text("法定休假日工作", "Statutory-holiday work"),
}


def hourly_rate(hourly_wage: Any, monthly_wage: Any, on: dt.date) -> tuple[Decimal, list[Text], tuple[ParamValue, ...]]:
    """The hourly wage: as given, or the monthly wage over the paid hours a month (WTC 2)."""
    if hourly_wage not in (None, ""):
        return to_money(hourly_wage, "hourly_wage"), [], ()
    if monthly_wage in (None, ""):
        raise InputError("hourly_wage", "a number >= 0 (or give monthly_wage)", hourly_wage)
    wage = to_money(monthly_wage, "monthly_wage")
    hours = value_at("wage_conversion.hours_per_month", on)
    hourly = wage / hours.decimal
    step = Text(
        f"小时工资 = 月工资 {fmt_money(wage)} ÷ 月计薪小时 {hours.value} = {fmt_money(hourly)}{cite(WTC2).zh}",
        f"Hourly wage = monthly wage {fmt_money(wage)} ÷ {hours.value} paid hours a month = {fmt_money(hourly)} {cite(WTC2).en}",
    )
    return hourly, [step], (hours,)


def _part(kind: str, hours: Decimal, hourly: Decimal, rate: Decimal) -> tuple[Decimal, Text]:
    part = hourly * rate * hours
    return part, Text(
        f"{KINDS[kind].zh} {hours} 小时 × {fmt_money(hourly)} × {rate} = {fmt_money(part)}",
        f"{KINDS[kind].en} {hours} h × {fmt_money(hourly)} × {rate} = {fmt_money(part)}",
    )


def _standard_hours(typed: Any, period: str, on: dt.date) -> tuple[Decimal, tuple[ParamValue, ...]]:
    if typed not in (None, ""):
        return to_number(typed, "standard_hours"), ()
    if period not in PERIODS:
        raise InputError("period", f"one of {', '.join(PERIODS)}", period)
    try:
        if period == "week":
            p = value_at("hours.weekly_max", on)
            return p.decimal, (p,)
        p = value_at("hours.comprehensive_standard_hours", on)
    except MissingFigureError as exc:
        raise MissingFigureError(exc.name, None, on, "give standard_hours=… (the standard hours of the period)") from exc
    return Decimal(str(p.value[period])), (p,)


def overtime_pay(
    hourly_wage: Any = None,
    *,
    workday_hours: Any = 0,
    rest_day_hours: Any = 0,
    holiday_hours: Any = 0,
    on: Any = None,
    hours_system: str = "standard",
    worked_hours: Any = None,
    standard_hours: Any = None,
    period: str = "month",
    monthly_wage: Any = None,
) -> Result:
    """Overtime pay on the date ``on`` under the employee's hours system (LL 44; WPR 13).

    ``hourly_wage``, or ``monthly_wage`` converted by the paid hours a month (WTC 2).
    Standard: ``workday_hours``, ``rest_day_hours``, ``holiday_hours``.  Comprehensive:
    ``worked_hours`` in the period (statutory-holiday hours apart, in ``holiday_hours``)
    against ``standard_hours`` or the period's standard (``period``).  Flexible: only
    ``holiday_hours`` are paid (see the module for why).
    """
    day = event_day(on, "on")
    if hours_system not in HOURS_SYSTEMS:
        raise InputError("hours_system", f"one of {', '.join(HOURS_SYSTEMS)}", hours_system)
    hourly, steps, params = hourly_rate(hourly_wage, monthly_wage, day)
    hours = {
        "workday": to_number(workday_hours or 0, "workday_hours"),
        "rest_day": to_number(rest_day_hours or 0, "rest_day_hours"),
        "holiday": to_number(holiday_hours or 0, "holiday_hours"),
    }
    rates_p = value_at("overtime.multipliers", day)
    rates = {k: Decimal(str(v)) for k, v in rates_p.value.items()}
    params += (rates_p,)
    cites: tuple[Citation, ...] = (LL44, WPR13)
    warnings: tuple[Text, ...] = ()
    total = Decimal(0)
    if hours_system == "standard":
        if worked_hours not in (None, ""):
            raise InputError("worked_hours", "given only under a comprehensive hours system", worked_hours)
        for kind, count in hours.items():
            if count:
                part, step = _part(kind, count, hourly, rates[kind])
                total += part
                steps.append(step)
    else:
        if hours["workday"] or hours["rest_day"]:
            what = "worked_hours (the hours of the whole period)" if hours_system == "comprehensive" else "holiday_hours only"
            raise InputError(
                "workday_hours" if hours["workday"] else "rest_day_hours",
                f"0 under a {hours_system} system; give {what}",
                workday_hours or rest_day_hours,
            )
        if hours_system == "comprehensive":
            worked = to_number(worked_hours if worked_hours not in (None, "") else 0, "worked_hours")
            standard, more = _standard_hours(standard_hours, period, day)
            params += more
            excess = max(worked - standard, Decimal(0))
            steps.append(
                Text(
                    f"综合计算工时：周期内工作 {worked} 小时，标准工时 {standard} 小时，超出 {excess} 小时视为延长工作时间，"
                    f"休息日工作已计入周期，不另按休息日计{cite(WPR13, WTS5).zh}",
                    f"Comprehensive hours: {worked} h worked in the period against a standard of {standard} h; the {excess} h "
                    f"beyond it count as extended hours, and rest-day work is part of the period {cite(WPR13, WTS5).en}",
                )
            )
            if excess:
                part, step = _part("workday", excess, hourly, rates["workday"])
                total += part
                steps.append(step)
            cites += (WTS5, LL39)
        else:
            steps.append(
                Text(
                    f"不定时工作制：延长工作时间和休息日工作不适用加班工资标准{cite(WPR13, WTS4).zh}",
                    f"Flexible hours: no overtime rate applies to extra hours or rest-day work {cite(WPR13, WTS4).en}",
                )
            )
            if hours["holiday"]:
                steps.append(
                    Text(
                        f"法定休假日工作仍按法定休假日标准计算：{LL39} 只允许不执行 {LL36}、{LL38}，法定节日（{LL40}）不在其内；"
                        f"{LL44} 第（三）项是法律，效力高于 {WPR13} 第四款（只看该款则不计）。",
                        f"Statutory-holiday work is still paid at the holiday rate: {LL39} lets such a system depart only from "
                        f"{LL36} and {LL38}, not from the holidays ({LL40}), and {LL44}(3), a law, ranks above {WPR13} ¶4 "
                        "(read alone, that paragraph would leave it unpaid).",
                    )
                )
            cites += (WTS4, LL39, LL40)
        if hours["holiday"]:
            part, step = _part("holiday", hours["holiday"], hourly, rates["holiday"])
            total += part
            steps.append(step)
        warnings = (
            Text(
                f"综合计算工时和不定时工作制须经劳动行政部门批准{cite(LL39).zh}；未经批准的按标准工时制计算加班工资。",
                f"A comprehensive or flexible system needs the labour bureau's approval {cite(LL39).en}; without it, "
                "overtime is paid as under the standard system.",
            ),
        )
    amount = round_fen(total)
    steps.append(Text(f"合计 {fmt_money(amount)}{cite(LL44).zh}", f"Total {fmt_money(amount)} {cite(LL44).en}"))
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=cites,
        parameters=params,
        inputs={
            "hourly_wage": round_fen(hourly),
            "on": day,
            "hours_system": hours_system,
            **{f"{k}_hours": v for k, v in hours.items()},
        },
        warnings=warnings + unverified(params),
    )
