"""Probation checks on the roster: the probation wage, month by month (LCL 20; LCL-IR 15),
and probation agreed with part-time staff (LCL 70, 83)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text, fmt_money, round_fen
from ..timeline import ParamValue, span
from . import FULL, PART, Context, column, day, employee_check, term_end
from .net_pay import NetPay
from .shortfall import Shortfall, count
from .wages import WEEKS_PER_MONTH, monthly_floors, no_minimum


def _probation_wage(wage: Decimal | None, pw: Decimal, found: Shortfall, ratio: ParamValue, net: tuple) -> Detail:
    last = found.parts[-1]
    limb = (
        Text(
            f"试用期工资不得低于约定工资 {fmt_money(wage)} 的 {ratio.value}（{fmt_money(wage * ratio.decimal)}，LCL 20 后一项）；"
            "名册不载本单位相同岗位最低档工资，未适用该项（LCL-IR 15：达到其中一项的80%即可）。",
            f"The probation wage may not be below {ratio.value} of the agreed wage {fmt_money(wage)} "
            f"({fmt_money(wage * ratio.decimal)}, the second limb of LCL 20); the roster does not give the lowest wage "
            "of the same post, so that limb was not applied (LCL-IR 15: 80% of either suffices).",
        )
        if wage is not None
        else Text("未填月工资：只核对最低工资。", "No monthly wage: only the minimum wage is checked.")
    )
    steps = (
        limb,
        Text(
            "且不得低于当地最低工资标准，按各月适用的标准计算（LCL 20；LCL-IR 15）：",
            "and not below the local minimum wage, as in force in each month (LCL 20; LCL-IR 15):",
        ),
        *net[0],
        *found.steps(),
    )
    facts = {"probation_wage": fmt_money(pw), "required": fmt_money(last.floor), "shortfall": fmt_money(last.short)}
    params = (ratio, *found.params, *net[1])
    return Detail(facts, Trace({"monthly_wage": wage, "probation_wage": pw, "until": str(found.last)}, params, steps))


@employee_check("wages.probation_wage_too_low", "probation_wage", applies_to={FULL})
def probation_wage_too_low(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation pay below 80% of the agreed wage or the minimum wage, month by month (LCL 20; LCL-IR 15)."""
    ratio = ctx.param("probation.wage_ratio_min")
    months, wages, pws = column(r, "probation_months"), column(r, "monthly_wage"), r.columns["probation_wage"]
    ids, hires, stop, ends = r.columns["employee_id"], r.columns["hire_date"], ctx.stop(r), column(r, "end_date")
    net_pay = NetPay.for_roster(r, ctx)
    breaks, highest, missing = monthly_floors(ctx, hires, stop)
    for i, pw in enumerate(pws):
        if pw is None or months[i] == 0:
            continue
        wage = wages[i]
        if highest is not None and pw >= highest and (wage is None or pw >= round_fen(wage * ratio.decimal)):
            continue  # at or above both limbs on every known day
        end = dt.date.fromordinal(term_end(hires[i], months[i]) if months[i] else stop[i])
        last = min(end, dt.date.fromordinal(stop[i]))
        net = net_pay(i, pw)
        share = Decimal(0) if wage is None else round_fen(wage * ratio.decimal)
        found = count(
            dt.date.fromordinal(hires[i]),
            last,
            partial_last=last == end or (ends[i] is not None and ends[i] == stop[i]),
            breaks=breaks | net.breaks(),
            floor_on=ctx.minimum_wage,
            paid_on=lambda _d, pw=pw: pw,
            required=lambda d, floor, share=share, net=net: max(share, floor + net.deduction(d)),
        )
        missing |= bool(found.unknown)
        if not found.parts:
            continue
        explained = net.explain(found.parts[-1].first.toordinal())
        yield Finding(
            "wages.probation_wage_too_low",
            ids[i],
            found.amount if months[i] is not None else None,
            r.line[i],
            partial(_probation_wage, wage, pw, found, ratio, explained),
        )
    if missing:
        ctx.notices.append(no_minimum("wages.probation_wage_too_low", ctx))


def _part_time_probation(
    h: int, p: Decimal, served: Decimal, monthly: Decimal | None, amount: Decimal | None, stop: int
) -> Detail:
    steps = (
        Text(
            f"非全日制用工不得约定试用期（LCL 70）；约定 {p} 个月，截至 {day(stop)} 已履行 {served.quantize(Decimal('0.01'))} 个月。",
            f"Part-time work may have no probation (LCL 70); {p} month(s) agreed, {served.quantize(Decimal('0.01'))} served by {day(stop)}.",
        ),
        Text(
            f"按试用期满月工资 {fmt_money(monthly)} × 已履行月数 = 赔偿金 {fmt_money(amount)}（LCL 83）。"
            if amount is not None
            else "名册没有月工资（或小时工资和周工时），无法计算赔偿金（LCL 83）。",
            f"Compensation at the post-probation monthly wage {fmt_money(monthly)} × the months served = {fmt_money(amount)} (LCL 83)."
            if amount is not None
            else "No monthly wage (or hourly wage and weekly hours) in the roster, so no amount (LCL 83).",
        ),
    )
    return Detail({"probation_months": p}, Trace({"hire_date": day(h), "probation_months": p, "as_of": day(stop)}, (), steps))


@employee_check("contracts.part_time_probation", "probation_months", applies_to={PART})
def part_time_probation(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation agreed with a part-timer: forbidden (LCL 70); the probation served is compensated (LCL 83)."""
    kinds, stop = ctx.kinds(r), ctx.stop(r)
    ids, hires, months = r.columns["employee_id"], r.columns["hire_date"], r.columns["probation_months"]
    monthly, hourly, weekly = column(r, "monthly_wage"), column(r, "hourly_wage"), column(r, "weekly_hours")
    for i, p in enumerate(months):
        if kinds[i] != PART or not p:
            continue
        served = min(p, span(dt.date.fromordinal(hires[i]), dt.date.fromordinal(stop[i])).fraction)
        pay = monthly[i]
        if pay is None and hourly[i] is not None and weekly[i]:
            pay = hourly[i] * weekly[i] * WEEKS_PER_MONTH
        amount = None if pay is None else round_fen(pay * served)
        detail = partial(_part_time_probation, hires[i], p, served, pay, amount, stop[i])
        yield Finding("contracts.part_time_probation", ids[i], amount, r.line[i], detail)
