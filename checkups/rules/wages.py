"""Minimum-wage checks on the roster: the monthly minimum for full-time staff (on the pay
that counts toward it) and the hourly minimum for part-time staff, month by month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from ..findings import Detail, Finding, Trace
from ..regions import tier_status
from ..registry import region_name
from ..registry import rule as get_rule
from ..roster import Roster
from ..text import Text, fmt_money
from . import DISPATCHED, FULL, PART, PENSIONER, Context, column, day, employee_check, notice_text
from .net_pay import HF_FLAG, SI_FLAG, NetPay
from .shortfall import Shortfall, count

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)  # calendar weeks in an average month, for hours a week → a month


def _assumed_wage_note() -> Text:
    return Text(
        "按名册所列工资自入职起未变计算；工资有过调整的，请按实际发放数核对。",
        "The roster's wage is taken as paid since hire; if it changed, check against what was actually paid.",
    )


def _below(wage: Decimal, stop: int, found: Shortfall, net: tuple[Text, ...], params: tuple, where: dict[str, str]) -> Detail:
    last = found.parts[-1]
    steps = (
        Text(
            f"月工资 {fmt_money(wage)}；{where['zh']}各期月最低工资标准按当期适用（计至 {found.last}）。",
            f"Monthly wage {fmt_money(wage)}; {where['en']}'s monthly minimum wage as in force in each period (up to {found.last}).",
        ),
        *net,
        *found.steps(),
        _assumed_wage_note(),
    )
    facts = {
        "monthly_wage": fmt_money(wage),
        "minimum_wage": fmt_money(last.floor),
        "shortfall": fmt_money(last.short),
        "since": str(found.parts[0].first),
        "months": _months(found.months),
    }
    return Detail(facts, Trace({"monthly_wage": wage, "as_of": day(stop)}, (*found.params, *params), steps))


def _months(months: Decimal) -> str:
    return str(int(months)) if months == int(months) else str(months.quantize(Decimal("0.01")))


@employee_check("wages.below_minimum_wage", "monthly_wage", applies_to={FULL, DISPATCHED, PENSIONER})
def below_minimum_wage(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Pay for normal hours below the local monthly minimum, month by month since hire (LL 48; MWP 12)."""
    kinds, stop, ends = ctx.kinds(r), ctx.stop(r), column(r, "end_date")
    ids, hires, wages = r.columns["employee_id"], r.columns["hire_date"], r.columns["monthly_wage"]
    net_pay = NetPay.for_roster(r, ctx)
    breaks, highest, missing = monthly_floors(ctx, hires, stop)
    memo: dict[tuple, Shortfall] = {}
    where = {"zh": "输入的", "en": "the entered"} if ctx.min_wage is not None else region_name(ctx.region or "national")
    for i, wage in enumerate(wages):
        if wage is None or kinds[i] not in (FULL, DISPATCHED, PENSIONER) or (highest is not None and wage >= highest):
            continue
        net = net_pay(i, wage)
        leaver = ends[i] is not None and ends[i] == stop[i]
        key = (hires[i], stop[i], leaver, wage, net.contributions, net.si_from, net.hf_from)
        found = memo.get(key)
        if found is None:
            found = memo[key] = count(
                dt.date.fromordinal(hires[i]),
                dt.date.fromordinal(stop[i]),
                partial_last=leaver,
                breaks=breaks | net.breaks(),
                floor_on=ctx.minimum_wage,
                paid_on=net.paid,
            )
        missing |= bool(found.unknown)
        if not found.parts:
            continue
        steps, params = net.explain(found.parts[-1].first.toordinal())
        yield Finding(
            "wages.below_minimum_wage",
            ids[i],
            found.amount,
            r.line[i],
            partial(_below, wage, stop[i], found, steps, params, where),
        )
    if missing:
        ctx.notices.append(no_minimum("wages.below_minimum_wage", ctx))


def monthly_floors(ctx: Context, hires: list[int], stop: list[int]) -> tuple[set[int], Decimal | None, bool]:
    """For the roster's whole span: the days the monthly minimum may change, the highest known
    figure (None where own contributions may bring any wage below it) and whether some is unknown."""
    breaks = set(ctx.breaks("minimum_wage.monthly")) if ctx.min_wage is None else set()
    first, last = min(hires, default=ctx.as_of_ord), max(stop, default=ctx.as_of_ord)
    highest, unknown = highest_minimum(ctx, breaks, first, last)
    return breaks, None if excludes_contributions(ctx, first, last) else highest, unknown


def excludes_contributions(ctx: Context, first: int, last: int) -> bool:
    """Whether the region's minimum excludes the employee's contributions on any day between two days."""
    for name in (SI_FLAG, HF_FLAG):
        for d in {first, *(b for b in ctx.breaks(name) if first <= b <= last)}:
            flag = ctx.figure(name, d)
            if flag is not None and flag.value:
                return True
    return False


def highest_minimum(ctx: Context, breaks: set[int], first: int, last: int) -> tuple[Decimal | None, bool]:
    """The highest monthly minimum known between two days, and whether some day's is unknown: pay at
    or above it cannot be short on a known day, so most rows need no month-by-month count."""
    found, unknown = [], False
    for d in {first, *(b for b in breaks if first <= b <= last)}:
        floor = ctx.minimum_wage(d)
        if floor is None:
            unknown = True
        else:
            found.append(floor.decimal)
    return max(found, default=Decimal(0)), unknown


def _below_hourly(hourly: Decimal, derived: bool, hours: Decimal | None, found: Shortfall, where: dict[str, str]) -> Detail:
    last = found.parts[-1]
    per_month = None if hours is None else hours * WEEKS_PER_MONTH
    minimum = last.floor / per_month if per_month else last.floor
    steps = [
        Text(
            f"非全日制用工适用小时最低工资标准（{where['zh']}）。"
            + (
                f"名册未填小时工资：按月工资 ÷（周工时 {hours} × 52 ÷ 12）折算为 {fmt_money(hourly)} 元/小时。" if derived else ""
            ),
            f"Part-time work is held to the hourly minimum wage ({where['en']})."
            + (
                f" No hourly wage in the roster: monthly wage ÷ ({hours} h a week × 52 ÷ 12) = {fmt_money(hourly)} an hour."
                if derived
                else ""
            ),
        )
    ]
    if per_month:
        steps.append(
            Text(
                f"每月约 {per_month.quantize(Decimal('0.1'))} 小时，按月计算差额：",
                f"About {per_month.quantize(Decimal('0.1'))} hours a month; the shortfall month by month:",
            )
        )
        steps.extend(found.steps())
        steps.append(_assumed_wage_note())
    facts = {"hourly_wage": fmt_money(hourly), "minimum_wage": fmt_money(minimum), "shortfall": fmt_money(minimum - hourly)}
    return Detail(facts, Trace({"hourly_wage": hourly, "weekly_hours": hours}, found.params, tuple(steps)))


@employee_check("wages.below_hourly_minimum_wage", applies_to={PART})
def below_hourly_minimum_wage(r: Roster, ctx: Context) -> Iterator[Finding]:
    """A part-timer's hourly pay below the local hourly minimum (LCL 72; MWP 5), month by month when hours are known."""
    kinds, stop, ends = ctx.kinds(r), ctx.stop(r), column(r, "end_date")
    ids, hires = r.columns["employee_id"], r.columns["hire_date"]
    hourly, monthly, weekly = column(r, "hourly_wage"), column(r, "monthly_wage"), column(r, "weekly_hours")
    breaks = set(ctx.breaks("minimum_wage.hourly"))
    missing = unpriced = False
    for i, kind in enumerate(kinds):
        if kind != PART:
            continue
        hours = weekly[i] or None
        rate, derived = hourly[i], False
        if rate is None and monthly[i] is not None and hours:
            rate, derived = monthly[i] / (hours * WEEKS_PER_MONTH), True
        if rate is None:
            unpriced = True
            continue
        scale = hours * WEEKS_PER_MONTH if hours else Decimal(1)
        leaver = ends[i] is not None and ends[i] == stop[i]
        found = count(
            dt.date.fromordinal(hires[i]),
            dt.date.fromordinal(stop[i]),
            partial_last=leaver or not hours,
            breaks=breaks,
            floor_on=lambda d: ctx.figure("minimum_wage.hourly", d),
            paid_on=lambda _d, rate=rate: rate,
        )
        missing |= bool(found.unknown)
        if not found.parts:
            continue
        found = found.scaled(scale)
        amount = found.amount if hours else None
        where = region_name(found.params[0].region)
        yield Finding(
            "wages.below_hourly_minimum_wage",
            ids[i],
            amount,
            r.line[i],
            partial(_below_hourly, rate, derived, hours, found, where),
        )
    if missing:
        ctx.notices.append(no_minimum("wages.below_hourly_minimum_wage", ctx))
    if unpriced:
        ctx.notices.append(notice_text("part_time_unpriced"))


def no_minimum(rule: str, ctx: Context) -> Text:
    """The notice that a minimum-wage check could not be fully run, naming the rule by its title."""
    name = region_name(ctx.region or "national")
    status = tier_status(ctx.region, ctx.as_of) if ctx.region else None
    why = {"zh": "", "en": ""}
    if status is not None and not status.confirmed:
        why = {
            "zh": f"（{name['zh']}在 {status.notice}（{status.effective} 起）中属于哪一档未能确认）",
            "en": f" (its tier under {status.notice}, from {status.effective}, is not confirmed)",
        }
    return notice_text("no_minimum_wage", check=get_rule(rule).title, region=name, why=why)
