"""Social-insurance and housing-fund registration checks on the roster (SIL 58; HPF 15)."""

from __future__ import annotations

from functools import partial

from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text
from ..timeline import ParamValue, in_force_from
from . import FULL, Context, day, employee_check


def _before(h: int, deadline: ParamValue) -> tuple[Text, ...]:
    """A step for hires before the deadline's rule took effect: the days count from that day (no retroactive law)."""
    if h >= deadline.effective.toordinal():
        return ()
    return (
        Text(
            f"入职早于该期限的规定施行（{deadline.effective}）：期限自施行之日起计算，此前的登记义务按当时的规定，本检查不作判断。",
            f"Hired before the rule on this deadline took effect ({deadline.effective}): the days count from that day; "
            "duties under the earlier rules are not judged here.",
        ),
    )


def _missing(column: str, h: int, due: int, stop: int, deadline: ParamValue) -> Detail:
    days = int(deadline.value)
    steps = (
        *_before(h, deadline),
        Text(
            f"入职 {day(h)}，应于 {day(due)} 前（{days} 日内）办理登记；截至 {day(stop)} 未见登记日期，已逾期 {stop - due} 天。",
            f"Hired {day(h)}; registration was due by {day(due)} (within {days} days); no date by {day(stop)}, {stop - due} days overdue.",
        ),
    )
    return Detail(
        {"due_date": day(due), "days_overdue": stop - due}, Trace({"hire_date": day(h), "as_of": day(stop)}, (deadline,), steps)
    )


def _late(column: str, h: int, due: int, registered: int, deadline: ParamValue) -> Detail:
    steps = (
        *_before(h, deadline),
        Text(
            f"入职 {day(h)}，应于 {day(due)} 前登记，实际 {day(registered)} 登记，晚 {registered - due} 天。",
            f"Hired {day(h)}; registration was due by {day(due)}, made on {day(registered)}: {registered - due} days late.",
        ),
    )
    facts = {"due_date": day(due), "registered_date": day(registered), "days_late": registered - due}
    return Detail(facts, Trace({"hire_date": day(h), column: day(registered)}, (deadline,), steps))


def registration_due(r: Roster, ctx: Context, deadline_param: str, *, start_day_counts: bool = False) -> list[int]:
    """Each row's last day to register (an ordinal): the start of work plus the deadline's days,
    counted from the rule's first day for older hires (the rule is not retroactive).

    The start day is not counted (Civil Code 201); ``start_day_counts`` gives the count some
    tribunals use, the start day included: one day earlier (as ``calc.double_wage_period``'s
    ``hire_day_counts``)."""
    days = int(ctx.param(deadline_param).value) - (1 if start_day_counts else 0)
    hires = r.columns["hire_date"]
    start = in_force_from(deadline_param).toordinal()
    return [(h if h >= start else start) + days for h in hires]


def _registration(r: Roster, ctx: Context, column: str, deadline_param: str, missing_rule: str, late_rule: str) -> list[Finding]:
    """Not registered by the deadline (missing) or registered after it (late)."""
    deadline = ctx.param(deadline_param)
    stop = ctx.stop(r)
    ids, hires, dates = r.columns["employee_id"], r.columns["hire_date"], r.columns[column]
    line = r.line
    dues = registration_due(r, ctx, deadline_param)
    hit = [i for i, (due, d) in enumerate(zip(dues, dates)) if d is None or d > due]
    found = []
    for i in hit:
        h, d, due = hires[i], dates[i], dues[i]
        if d is not None:
            found.append(Finding(late_rule, ids[i], None, line[i], partial(_late, column, h, due, d, deadline)))
        elif stop[i] > due:
            found.append(Finding(missing_rule, ids[i], None, line[i], partial(_missing, column, h, due, stop[i], deadline)))
    return found


@employee_check(("social_insurance.not_enrolled", "social_insurance.enrolled_late"), "social_insurance_date", applies_to={FULL})
def social_insurance(r: Roster, ctx: Context) -> list[Finding]:
    """Social insurance not registered within 30 days of the start of work, or registered late (SIL 58)."""
    return _registration(
        r,
        ctx,
        "social_insurance_date",
        "deadlines.social_insurance_registration_days",
        "social_insurance.not_enrolled",
        "social_insurance.enrolled_late",
    )


@employee_check(
    ("social_insurance.housing_fund_not_registered", "social_insurance.housing_fund_late"), "housing_fund_date", applies_to={FULL}
)
def housing_fund(r: Roster, ctx: Context) -> list[Finding]:
    """Housing fund not registered within 30 days of hiring, or registered late (HPF 15)."""
    return _registration(
        r,
        ctx,
        "housing_fund_date",
        "deadlines.housing_fund_registration_days",
        "social_insurance.housing_fund_not_registered",
        "social_insurance.housing_fund_late",
    )
