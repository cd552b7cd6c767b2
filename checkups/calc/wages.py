"""An all-in wage (包薪制) that is said to include overtime: split into normal-hours pay and
overtime pay, and the minimum-wage test on the normal-hours part (MWP 12; LL 44, 48; WTC 2).

With ``H`` paid hours a month and overtime hours ``a`` (workdays), ``b`` (rest days) and
``c`` (statutory holidays) at the rates ``r``, an agreed total ``T`` holds normal-hours pay
``X = T ÷ (1 + (r_w·a + r_r·b + r_h·c) ÷ H)`` and overtime ``T − X``.  ``X`` must reach the
minimum wage (MWP 12 leaves overtime pay out of it); if it does not, the lawful total is the
minimum wage plus overtime worked out on it, and the monthly shortfall is the amount.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..regions import resolve
from ..registry import Citation
from ..text import Text, fmt_money, round_fen, to_money, to_number
from ..timeline import MissingFigureError, value_at
from .result import Result, cite
from .sources import event_day, floor_figure, unverified

__all__ = ["all_in_wage"]

LL44, LL48, MWP12, WTC2 = Citation("LL", "44"), Citation("LL", "48"), Citation("MWP", "12"), Citation("WTC", "2")


def _net_rule(on: Any, region: str | None) -> bool:
    """Whether the region's minimum wage excludes the employee's own SI / housing-fund contributions."""
    if region is None:
        return False
    found = False
    for name in ("minimum_wage.excludes_employee_si", "minimum_wage.excludes_employee_hf"):
        try:
            found = found or value_at(name, on, region).value is True
        except MissingFigureError:
            continue
    return found


def all_in_wage(
    monthly_wage: Any,
    *,
    workday_hours: Any = 0,
    rest_day_hours: Any = 0,
    holiday_hours: Any = 0,
    on: Any = None,
    region: str | None = None,
    min_wage: Any = None,
    employee_contributions: Any = None,
) -> Result:
    """The normal-hours pay inside an all-in monthly wage and the shortfall below the minimum wage.

    ``monthly_wage`` is the agreed total said to include overtime; the hours are the usual
    overtime hours a month; ``on`` is the month's date (figures in force that day).
    """
    day = event_day(on, "on")
    total = to_money(monthly_wage, "monthly_wage")
    region = None if region is None else resolve(region)
    hours = {
        "workday": to_number(workday_hours or 0, "workday_hours"),
        "rest_day": to_number(rest_day_hours or 0, "rest_day_hours"),
        "holiday": to_number(holiday_hours or 0, "holiday_hours"),
    }
    rates_p = value_at("overtime.multipliers", day)
    per_month = value_at("wage_conversion.hours_per_month", day)
    rates = {k: Decimal(str(v)) for k, v in rates_p.value.items()}
    weighted = sum(rates[k] * h for k, h in hours.items())
    factor = 1 + weighted / per_month.decimal
    normal = total / factor
    overtime = total - normal
    terms = " + ".join(f"{rates[k]}×{h}" for k, h in hours.items())
    steps = [
        Text(
            f"约定月工资 {fmt_money(total)} 含加班费：每月工作日加班 {hours['workday']} 小时、休息日 {hours['rest_day']} 小时、"
            f"法定休假日 {hours['holiday']} 小时",
            f"Agreed monthly wage {fmt_money(total)} including overtime: {hours['workday']} h on workdays, "
            f"{hours['rest_day']} h on rest days, {hours['holiday']} h on statutory holidays a month",
        ),
        Text(
            f"正常工作时间工资 = {fmt_money(total)} ÷ (1 + ({terms}) ÷ {per_month.value}) = {fmt_money(normal)}；"
            f"其中加班费 {fmt_money(overtime)}{cite(LL44, WTC2).zh}",
            f"Normal-hours pay = {fmt_money(total)} ÷ (1 + ({terms}) ÷ {per_month.value}) = {fmt_money(normal)}; "
            f"overtime pay {fmt_money(overtime)} {cite(LL44, WTC2).en}",
        ),
    ]
    contributions = Decimal(0)
    warnings: tuple[Text, ...] = ()
    if _net_rule(day, region):
        if employee_contributions in (None, ""):
            warnings += (
                Text(
                    "当地月最低工资标准不含劳动者个人缴纳的社会保险费和住房公积金：请填写个人缴费，以扣除后的工资比较；本结果按未扣除计算，可能偏宽。",
                    "The local minimum wage excludes the employee's own social-insurance and housing-fund contributions: "
                    "enter them to compare the pay after them; this result compares the pay before them and may be lenient.",
                ),
            )
        else:
            contributions = to_money(employee_contributions, "employee_contributions")
            steps.append(
                Text(
                    f"当地最低工资不含个人缴费：比较 {fmt_money(normal)} − {fmt_money(contributions)} = {fmt_money(normal - contributions)}",
                    f"The local minimum wage excludes the employee's contributions: compare {fmt_money(normal)} − "
                    f"{fmt_money(contributions)} = {fmt_money(normal - contributions)}",
                )
            )
    compared = normal - contributions
    min_p, note = floor_figure("minimum_wage.monthly", min_wage, "min_wage", day, region, compared)
    params = (rates_p, per_month) + ((min_p,) if min_p else ())
    shortfall = Decimal(0)
    if note is not None:
        steps.append(note)
    elif compared >= min_p.decimal:
        steps.append(
            Text(
                f"{fmt_money(compared)} 不低于最低工资 {fmt_money(min_p.decimal)}：约定合法{cite(MWP12).zh}",
                f"{fmt_money(compared)} is not below the minimum wage {fmt_money(min_p.decimal)}: lawful {cite(MWP12).en}",
            )
        )
    else:
        lawful = (min_p.decimal + contributions) * factor
        shortfall = lawful - total
        steps += [
            Text(
                f"{fmt_money(compared)} 低于最低工资 {fmt_money(min_p.decimal)}：正常工作时间工资须达到最低工资，加班费另计{cite(MWP12, LL48).zh}",
                f"{fmt_money(compared)} is below the minimum wage {fmt_money(min_p.decimal)}: normal-hours pay must reach it, "
                f"overtime on top {cite(MWP12, LL48).en}",
            ),
            Text(
                f"依法至少应付 {fmt_money(min_p.decimal + contributions)} × (1 + ({terms}) ÷ {per_month.value}) = {fmt_money(lawful)}，"
                f"每月少付 {fmt_money(shortfall)}",
                f"Lawful pay at least {fmt_money(min_p.decimal + contributions)} × (1 + ({terms}) ÷ {per_month.value}) = "
                f"{fmt_money(lawful)}: {fmt_money(shortfall)} short a month",
            ),
        ]
    return Result(
        amount=round_fen(shortfall),
        steps=tuple(steps),
        citations=(MWP12, LL48, LL44, WTC2),
        parameters=params,
        inputs={"monthly_wage": total, "on": day, "region": region, **{f"{k}_hours": v for k, v in hours.items()}},
        warnings=warnings + unverified(params),
        details={
            "normal_pay": round_fen(normal),
            "overtime_pay": round_fen(overtime),
            "hourly_wage": round_fen(normal / per_month.decimal),
        },
    )
