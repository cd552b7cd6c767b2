"""Social-insurance and housing-fund registration checks on the roster (SIL 58; HPF 15)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Trace
from ..roster import Roster
from ..text import Text
from . import Context, day, employee_check, stop_days


def _registration(r: Roster, ctx: Context, column: str, deadline_param: str, missing_rule: str, late_rule: str) -> Iterator[Finding]:
    """Not registered by the deadline (missing) or registered after it (late)."""
    deadline = ctx.param(deadline_param)
    days = int(deadline.value)
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns[column], stop_days(r, ctx))
    for i, (emp, h, registered, stop) in enumerate(rows):
        due = h + days
        if registered is not None and registered <= due:
            continue
        if registered is None:
            if stop <= due:
                continue
            steps = (
                Text(
                    f"入职 {day(h)}，应于 {day(due)} 前（{days} 日内）办理登记；截至 {day(stop)} 未见登记日期，已逾期 {stop - due} 天。",
                    f"Hired {day(h)}; registration was due by {day(due)} (within {days} days); no date by {day(stop)}, {stop - due} days overdue.",
                ),
            )
            trace = Trace({"hire_date": day(h), "as_of": day(stop)}, (deadline,), steps)
            yield Finding(missing_rule, emp, None, trace, {"due_date": day(due), "days_overdue": stop - due}, r.line[i])
        else:
            steps = (
                Text(
                    f"入职 {day(h)}，应于 {day(due)} 前登记，实际 {day(registered)} 登记，晚 {registered - due} 天。",
                    f"Hired {day(h)}; registration was due by {day(due)}, made on {day(registered)}: {registered - due} days late.",
                ),
            )
            trace = Trace({"hire_date": day(h), column: day(registered)}, (deadline,), steps)
            facts = {"due_date": day(due), "registered_date": day(registered), "days_late": registered - due}
            yield Finding(late_rule, emp, None, trace, facts, r.line[i])


@employee_check(("social_insurance.not_enrolled", "social_insurance.enrolled_late"), "social_insurance_date")
def social_insurance(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Social insurance not registered within 30 days of the start of work, or registered late (SIL 58)."""
    return _registration(
        r, ctx, "social_insurance_date", "deadlines.social_insurance_registration_days",
        "social_insurance.not_enrolled", "social_insurance.enrolled_late",
    )


@employee_check(("social_insurance.housing_fund_not_registered", "social_insurance.housing_fund_late"), "housing_fund_date")
def housing_fund(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Housing fund not registered within 30 days of hiring, or registered late (HPF 15)."""
    return _registration(
        r, ctx, "housing_fund_date", "deadlines.housing_fund_registration_days",
        "social_insurance.housing_fund_not_registered", "social_insurance.housing_fund_late",
    )
