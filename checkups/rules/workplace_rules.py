"""Working-time checks on the roster: weekly hours and monthly overtime (SCWH 3; LL 41)."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text
from ..timeline import ParamValue
from . import DISPATCHED, FULL, PENSIONER, Context, employee_check


def _detail(column: str, hours: Decimal, limit: ParamValue, what: tuple[str, str]) -> Detail:
    over = hours - limit.decimal
    steps = (
        Text(
            f"{what[0]} {hours} 小时，上限 {limit.value} 小时，超出 {over} 小时。",
            f"{what[1]} {hours} h, limit {limit.value} h: {over} h over.",
        ),
    )
    return Detail({"hours": hours, "limit": limit.value}, Trace({column: hours}, (limit,), steps))


def _over(r: Roster, ctx: Context, column: str, param: str, rule: str, what: tuple[str, str]) -> list[Finding]:
    limit = ctx.param(param)
    cap = limit.decimal
    values, ids = r.columns[column], r.columns["employee_id"]
    line = r.line
    return [
        Finding(rule, ids[i], None, line[i], partial(_detail, column, values[i], limit, what))
        for i, v in enumerate(values)
        if v is not None and v > cap
    ]


@employee_check("workplace_rules.weekly_hours_over_limit", "weekly_hours", applies_to={FULL, DISPATCHED, PENSIONER})
def weekly_hours(r: Roster, ctx: Context) -> list[Finding]:
    """More than 40 scheduled hours a week (SCWH 3)."""
    return _over(
        r, ctx, "weekly_hours", "hours.weekly_max", "workplace_rules.weekly_hours_over_limit", ("周工时", "Weekly hours")
    )


@employee_check("workplace_rules.overtime_over_monthly_limit", "overtime_hours_month", applies_to={FULL, DISPATCHED, PENSIONER})
def monthly_overtime(r: Roster, ctx: Context) -> list[Finding]:
    """More than 36 hours of overtime in a month (LL 41)."""
    return _over(
        r,
        ctx,
        "overtime_hours_month",
        "hours.overtime_monthly_max",
        "workplace_rules.overtime_over_monthly_limit",
        ("月加班", "Monthly overtime"),
    )


def _implied(weekly: Decimal, implied: Decimal, standard: ParamValue, limit: ParamValue) -> Detail:
    steps = (
        Text(
            f"名册未填月加班小时：周工时 {weekly} 小时超过标准 {standard.value} 小时，按标准工时制推算每月加班约 "
            f"（{weekly} − {standard.value}）× 52 ÷ 12 = {implied} 小时，超过每月 {limit.value} 小时的上限。",
            f"No monthly overtime in the roster: {weekly} hours a week against the standard {standard.value} imply, under "
            f"the standard hours system, about ({weekly} − {standard.value}) × 52 ÷ 12 = {implied} hours of overtime a "
            f"month, above the {limit.value}-hour limit.",
        ),
    )
    return Detail({"hours": implied, "limit": limit.value}, Trace({"weekly_hours": weekly}, (standard, limit), steps))


@employee_check("workplace_rules.overtime_over_monthly_limit", "weekly_hours", applies_to={FULL, DISPATCHED, PENSIONER})
def implied_overtime(r: Roster, ctx: Context) -> list[Finding]:
    """Weekly hours that imply more than 36 hours of overtime a month, where no monthly overtime is given (LL 41)."""
    standard, limit = ctx.param("hours.weekly_max"), ctx.param("hours.overtime_monthly_max")
    given = r.columns.get("overtime_hours_month") or [None] * r.audited
    ids, weekly = r.columns["employee_id"], r.columns["weekly_hours"]
    found = []
    for i, (w, o) in enumerate(zip(weekly, given)):
        if o is None and w is not None and w > standard.decimal:
            implied = ((w - standard.decimal) * 52 / 12).quantize(Decimal("0.1"))
            if implied > limit.decimal:
                detail = partial(_implied, w, implied, standard, limit)
                found.append(Finding("workplace_rules.overtime_over_monthly_limit", ids[i], None, r.line[i], detail))
    return found
