"""Working-time checks on the roster: weekly hours and monthly overtime (SCWH 3; LL 41)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Trace
from ..roster import Roster
from ..text import Text
from . import Context, employee_check


def _over(r: Roster, ctx: Context, column: str, param: str, rule: str, what: tuple[str, str]) -> Iterator[Finding]:
    limit = ctx.param(param)
    cap = limit.decimal
    for i, (emp, hours) in enumerate(zip(r.columns["employee_id"], r.columns[column])):
        if hours is None or hours <= cap:
            continue
        steps = (
            Text(f"{what[0]} {hours} 小时，上限 {limit.value} 小时，超出 {hours - cap} 小时。", f"{what[1]} {hours} h, limit {limit.value} h: {hours - cap} h over."),
        )
        trace = Trace({column: hours}, (limit,), steps)
        yield Finding(rule, emp, None, trace, {"hours": hours, "limit": limit.value}, r.line[i])


@employee_check("workplace_rules.weekly_hours_over_limit", "weekly_hours")
def weekly_hours(r: Roster, ctx: Context) -> Iterator[Finding]:
    """More than 40 scheduled hours a week (SCWH 3)."""
    return _over(r, ctx, "weekly_hours", "hours.weekly_max", "workplace_rules.weekly_hours_over_limit", ("周工时", "Weekly hours"))


@employee_check("workplace_rules.overtime_over_monthly_limit", "overtime_hours_month")
def monthly_overtime(r: Roster, ctx: Context) -> Iterator[Finding]:
    """More than 36 hours of overtime in a month (LL 41)."""
    return _over(r, ctx, "overtime_hours_month", "hours.overtime_monthly_max", "workplace_rules.overtime_over_monthly_limit", ("月加班", "Monthly overtime"))
