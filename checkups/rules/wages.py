"""Wage checks on the roster: probation wage and the minimum wage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from ..findings import Finding, Trace
from ..roster import Roster
from ..text import Text, fmt_money, round_fen
from . import Context, column, day, employee_check, stop_days


@employee_check("wages.probation_wage_too_low", "probation_wage")
def probation_wage_too_low(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation wage below 80% of the agreed wage or below the minimum wage (LCL 20; LCL-IR 15)."""
    ratio = ctx.param("probation.wage_ratio_min")
    months = column(r, "probation_months")
    wages = column(r, "monthly_wage")
    missing_floor = False
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns["probation_wage"])
    for i, (emp, h, pw) in enumerate(rows):
        if pw is None or months[i] == 0:
            continue
        floor = ctx.minimum_wage(h)
        missing_floor |= floor is None
        wage = wages[i]
        need = [] if wage is None else [(round_fen(wage * ratio.decimal), "ratio")]
        if floor is not None:
            need.append((floor.decimal, "minimum"))
        if not need:
            continue
        required, why = max(need)
        if pw >= required:
            continue
        shortfall = required - pw
        amount = None if months[i] is None else round_fen(shortfall * months[i])
        steps = [
            Text(
                f"试用期工资不得低于约定工资 {fmt_money(wage)} 的 {ratio.value}（{fmt_money(wage * ratio.decimal)}）"
                if wage is not None else "未填月工资：只核对最低工资。",
                f"The probation wage may not be below {ratio.value} of the agreed wage {fmt_money(wage)} ({fmt_money(wage * ratio.decimal)})"
                if wage is not None else "No monthly wage: only the minimum wage is checked.",
            )
        ]
        if floor is not None:
            steps.append(Text(f"也不得低于最低工资 {fmt_money(floor.decimal)}（{floor.region}）", f"nor below the minimum wage {fmt_money(floor.decimal)} ({floor.region})"))
        steps.append(
            Text(
                f"应不低于 {fmt_money(required)}，实际 {fmt_money(pw)}，每月差额 {fmt_money(shortfall)}"
                + (f" × {months[i]} 个月 = {fmt_money(amount)}" if amount is not None else ""),
                f"At least {fmt_money(required)} is due, {fmt_money(pw)} is paid: {fmt_money(shortfall)} a month short"
                + (f" × {months[i]} months = {fmt_money(amount)}" if amount is not None else ""),
            )
        )
        params = (ratio,) if floor is None else (ratio, floor)
        trace = Trace({"hire_date": day(h), "monthly_wage": wage, "probation_wage": pw, "probation_months": months[i]}, params, tuple(steps))
        facts = {"probation_wage": fmt_money(pw), "required": fmt_money(required), "shortfall": fmt_money(shortfall)}
        yield Finding("wages.probation_wage_too_low", emp, amount, trace, facts, r.line[i])
    if missing_floor:
        ctx.notices.append(_no_minimum("wages.probation_wage_too_low", ctx))


@employee_check("wages.below_minimum_wage", "monthly_wage")
def below_minimum_wage(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Monthly wage for normal hours below the local minimum wage (LL 48; MWP 12).

    Part-time rows (weekly hours at or under the part-time limit) are left to the hourly minimum.
    """
    part_time = Decimal(ctx.param("hours.part_time_weekly_max").value)
    hours = column(r, "weekly_hours")
    missing = False
    for i, (emp, wage, stop) in enumerate(zip(r.columns["employee_id"], r.columns["monthly_wage"], stop_days(r, ctx))):
        if wage is None or (hours[i] is not None and hours[i] <= part_time):
            continue
        floor = ctx.minimum_wage(stop)
        if floor is None:
            missing = True
            continue
        if wage >= floor.decimal:
            continue
        shortfall = floor.decimal - wage
        steps = (
            Text(
                f"{day(stop)} 适用的月最低工资 {fmt_money(floor.decimal)}（{floor.region}，{floor.effective} 起），月工资 {fmt_money(wage)}，每月差额 {fmt_money(shortfall)}。",
                f"Minimum wage on {day(stop)}: {fmt_money(floor.decimal)} ({floor.region}, from {floor.effective}); wage {fmt_money(wage)}: {fmt_money(shortfall)} a month short.",
            ),
        )
        trace = Trace({"monthly_wage": wage, "as_of": day(stop)}, (floor,), steps)
        facts = {"monthly_wage": fmt_money(wage), "minimum_wage": fmt_money(floor.decimal), "shortfall": fmt_money(shortfall)}
        yield Finding("wages.below_minimum_wage", emp, round_fen(shortfall), trace, facts, r.line[i])
    if missing:
        ctx.notices.append(_no_minimum("wages.below_minimum_wage", ctx))


def _no_minimum(rule: str, ctx: Context) -> Text:
    where = ctx.region or "—"
    return Text(
        f"{rule}：没有地区 {where} 的最低工资数据，未完全核对；请用 --region 选择城市或用 --min-wage 输入数值。",
        f"{rule}: no minimum wage for region {where}, so this check was not fully run; choose a city "
        "with --region or enter the figure with --min-wage.",
    )


_ = dt
