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
