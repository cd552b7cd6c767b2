"""Wage checks on the roster: probation wage and the minimum wage."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from ..findings import Detail, Finding, Trace
from ..regions import tier_status
from ..registry import region_name
from ..roster import Roster
from ..text import Text, fmt_money, round_fen
from ..timeline import ParamValue
from . import Context, column, day, employee_check


def _probation_wage(
    h: int,
    wage: Decimal | None,
    pw: Decimal,
    months: Decimal | None,
    required: Decimal,
    amount: Decimal | None,
    ratio: ParamValue,
    floor: ParamValue | None,
) -> Detail:
    shortfall = required - pw
    steps = [
        Text(
            f"试用期工资不得低于约定工资 {fmt_money(wage)} 的 {ratio.value}（{fmt_money(wage * ratio.decimal)}）"
            if wage is not None
            else "未填月工资：只核对最低工资。",
            f"The probation wage may not be below {ratio.value} of the agreed wage {fmt_money(wage)} ({fmt_money(wage * ratio.decimal)})"
            if wage is not None
            else "No monthly wage: only the minimum wage is checked.",
        )
    ]
    if floor is not None:
        steps.append(
            Text(
                f"也不得低于最低工资 {fmt_money(floor.decimal)}（{floor.region}）",
                f"nor below the minimum wage {fmt_money(floor.decimal)} ({floor.region})",
            )
        )
    steps.append(
        Text(
            f"应不低于 {fmt_money(required)}，实际 {fmt_money(pw)}，每月差额 {fmt_money(shortfall)}"
            + (f" × {months} 个月 = {fmt_money(amount)}" if amount is not None else ""),
            f"At least {fmt_money(required)} is due, {fmt_money(pw)} is paid: {fmt_money(shortfall)} a month short"
            + (f" × {months} months = {fmt_money(amount)}" if amount is not None else ""),
        )
    )
    params = (ratio,) if floor is None else (ratio, floor)
    facts = {"probation_wage": fmt_money(pw), "required": fmt_money(required), "shortfall": fmt_money(shortfall)}
    return Detail(
        facts,
        Trace(
            {"hire_date": day(h), "monthly_wage": wage, "probation_wage": pw, "probation_months": months}, params, tuple(steps)
        ),
    )


@employee_check("wages.probation_wage_too_low", "probation_wage")
def probation_wage_too_low(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation wage below 80% of the agreed wage or below the minimum wage at hire (LCL 20; LCL-IR 15)."""
    ratio = ctx.param("probation.wage_ratio_min")
    share = ratio.decimal
    months, wages, pws = column(r, "probation_months"), column(r, "monthly_wage"), r.columns["probation_wage"]
    ids, hires = r.columns["employee_id"], r.columns["hire_date"]
    floors: dict[int, ParamValue | None] = {}
    amounts: dict[int, Decimal | None] = {}
    missing = False
    for i in [i for i, pw in enumerate(pws) if pw is not None]:
        pw = pws[i]
        if months[i] == 0:
            continue
        h = hires[i]
        if h not in floors:
            floors[h] = ctx.minimum_wage(h)
            amounts[h] = None if floors[h] is None else floors[h].decimal
        floor = floors[h]
        missing |= floor is None
        wage = wages[i]
        required = None if wage is None else round_fen(wage * share)
        if floor is not None and (required is None or amounts[h] > required):
            required = amounts[h]
        if required is None or pw >= required:
            continue
        amount = None if months[i] is None else round_fen((required - pw) * months[i])
        yield Finding(
            "wages.probation_wage_too_low",
            ids[i],
            amount,
            r.line[i],
            partial(_probation_wage, h, wage, pw, months[i], required, amount, ratio, floor),
        )
    if missing:
        ctx.notices.append(_no_minimum("wages.probation_wage_too_low", ctx))


def _below(wage: Decimal, stop: int, floor: ParamValue) -> Detail:
    shortfall = floor.decimal - wage
    where = {"zh": "用户输入", "en": "entered"} if floor.region == "given" else region_name(floor.region)
    steps = (
        Text(
            f"{day(stop)} 适用的月最低工资 {fmt_money(floor.decimal)}（{where['zh']}，{floor.effective} 起），月工资 {fmt_money(wage)}，每月差额 {fmt_money(shortfall)}。",
            f"Minimum wage on {day(stop)}: {fmt_money(floor.decimal)} ({where['en']}, from {floor.effective}); wage {fmt_money(wage)}: {fmt_money(shortfall)} a month short.",
        ),
    )
    facts = {"monthly_wage": fmt_money(wage), "minimum_wage": fmt_money(floor.decimal), "shortfall": fmt_money(shortfall)}
    return Detail(facts, Trace({"monthly_wage": wage, "as_of": day(stop)}, (floor,), steps))


@employee_check("wages.below_minimum_wage", "monthly_wage")
def below_minimum_wage(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Monthly wage for normal hours below the local minimum wage (LL 48; MWP 12).

    Part-time rows (weekly hours at or under the part-time limit) are left to the hourly minimum.
    """
    part_time = Decimal(ctx.param("hours.part_time_weekly_max").value)
    hours, stop = column(r, "weekly_hours"), ctx.stop(r)
    floors = {day_: ctx.minimum_wage(day_) for day_ in set(stop)}
    amounts = {day_: (f.decimal if f is not None else None) for day_, f in floors.items()}
    highest = max((a for a in amounts.values() if a is not None), default=None)
    ids, wages = r.columns["employee_id"], r.columns["monthly_wage"]
    if highest is not None:
        low = [i for i, w in enumerate(wages) if w is not None and w < highest]
        for i in low:
            wage, floor = wages[i], amounts[stop[i]]
            if floor is None or wage >= floor or (hours[i] is not None and hours[i] <= part_time):
                continue
            yield Finding(
                "wages.below_minimum_wage",
                ids[i],
                round_fen(floor - wage),
                r.line[i],
                partial(_below, wage, stop[i], floors[stop[i]]),
            )
    if None in floors.values():
        ctx.notices.append(_no_minimum("wages.below_minimum_wage", ctx))


def _no_minimum(rule: str, ctx: Context) -> Text:
    name = region_name(ctx.region or "national")
    status = tier_status(ctx.region, ctx.as_of) if ctx.region else None
    why_zh = why_en = ""
    if status is not None and not status.confirmed:
        why_zh = f"（{name['zh']}在 {status.notice}（{status.effective} 起）中属于哪一档未能确认）"
        why_en = f" (its tier under {status.notice}, from {status.effective}, is not confirmed)"
    return Text(
        f"{rule}：没有{name['zh']}的最低工资数据{why_zh}，未完全核对；请选择城市，或输入当地最低工资数值（命令行：--region、--min-wage）。",
        f"{rule}: no minimum wage for {name['en']}{why_en}, so this check was not fully run; choose a city, "
        "or enter the local minimum wage (command line: --region, --min-wage).",
    )
