"""Retirement checks on the roster, from ``birth_date`` and ``retirement_group``: the
statutory retirement date soon (a reminder), already reached, and the protection of long
service near retirement (LCL 42(5), 44(2), 45; LCL-IR 21; RETIRE-D 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

from ..findings import Detail, Finding, Trace
from ..retirement import REMINDER_DAYS, Retirement, statutory_retirement
from ..roster import Roster
from ..text import InputError, Text
from ..timeline import MissingFigureError, ParamValue, add_months
from . import DISPATCHED, FULL, PART, Context, column, day, employee_check


def retirements(r: Roster, ctx: Context) -> list[Retirement | None]:
    """Each row's statutory retirement (None without a birth date or group), computed once per pair."""
    found = ctx.derived.get("retirements")
    if found is None:
        memo: dict[tuple, Retirement | None] = {}
        found = []
        for emp, birth, group in zip(r.columns["employee_id"], r.columns["birth_date"], r.columns["retirement_group"]):
            if (birth is None) != (group is None):
                ctx.flag("retirement_unknown", emp)
            key = (birth, group)
            if key not in memo:
                try:
                    memo[key] = (
                        None if birth is None or group is None else statutory_retirement(dt.date.fromordinal(birth), group)
                    )
                except (MissingFigureError, InputError):
                    memo[key] = None  # born before the original ages were in force: outside the data
            found.append(memo[key])
        ctx.derived["retirements"] = found
    return found


def _detail(ret: Retirement, as_of: int, extra: tuple[Text, ...] = ()) -> Detail:
    facts = {
        "retirement_date": str(ret.date),
        "age": f"{ret.age_years}岁{ret.age_months}个月" if ret.age_months else f"{ret.age_years}岁",
        "age_en": f"{ret.age_years} years {ret.age_months} months" if ret.age_months else f"{ret.age_years} years",
        "days": (ret.date - dt.date.fromordinal(as_of)).days,
    }
    inputs = {"birth_date": str(ret.birth_date), "retirement_group": ret.group, "as_of": day(as_of)}
    return Detail(facts, Trace(inputs, ret.parameters, (*ret.steps, *extra, *ret.warnings)))


@employee_check("contracts.retirement_due", "birth_date", "retirement_group", applies_to={FULL, PART, DISPATCHED})
def retirement_due(r: Roster, ctx: Context) -> Iterator[Finding]:
    """The statutory retirement date falls within the kit's reminder window after the audit date."""
    as_of, ends, ids = ctx.as_of_ord, column(r, "end_date"), r.columns["employee_id"]
    for i, ret in enumerate(retirements(r, ctx)):
        if ret is None or (ends[i] is not None and ends[i] <= as_of):
            continue
        if 0 <= ret.date.toordinal() - as_of <= REMINDER_DAYS:
            yield Finding("contracts.retirement_due", ids[i], None, r.line[i], partial(_detail, ret, as_of))


@employee_check("contracts.retirement_age_reached", "birth_date", "retirement_group", applies_to={FULL, PART, DISPATCHED})
def retirement_age_reached(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Past the statutory retirement age, still working and not recorded as drawing a pension."""
    as_of, ends, ids = ctx.as_of_ord, column(r, "end_date"), r.columns["employee_id"]
    for i, ret in enumerate(retirements(r, ctx)):
        if ret is None or ret.date.toordinal() >= as_of:
            continue
        if ends[i] is None or ends[i] > ret.date.toordinal():
            yield Finding("contracts.retirement_age_reached", ids[i], None, r.line[i], partial(_detail, ret, as_of))


def _protected(ret: Retirement, hired: int, from_day: dt.date, as_of: int, params: tuple[ParamValue, ...]) -> Detail:
    service, left = params
    served = add_months(dt.date.fromordinal(hired), int(service.value) * 12)
    step = Text(
        f"入职 {day(hired)}，于 {served} 在本单位连续工作满 {service.value} 年；自 {from_day} 起距法定退休年龄（{ret.date}）不足 {left.value} 年。",
        f"Hired {day(hired)}: {service.value} years of continuous service on {served}; fewer than {left.value} years "
        f"to the statutory retirement age ({ret.date}) from {from_day}.",
    )
    detail = _detail(ret, as_of, (step,))
    return Detail(detail.facts, Trace(detail.trace.inputs, (*detail.trace.parameters, *params), detail.trace.steps))


def protected_on(r: Roster, ctx: Context, i: int, on: int) -> bool:
    """Whether row ``i`` is protected by LCL 42(5) on the day ``on`` (an ordinal): fifteen years'
    continuous service by then and fewer than five years to its statutory retirement date."""
    if "birth_date" not in r.columns or "retirement_group" not in r.columns:
        return False
    ret = retirements(r, ctx)[i]
    if ret is None or ret.date.toordinal() <= on:
        return False
    service, left = ctx.param("deadlines.protected_service_years"), ctx.param("deadlines.protected_years_to_retirement")
    if add_months(dt.date.fromordinal(r.columns["hire_date"][i]), int(service.value) * 12).toordinal() > on:
        return False
    return add_months(ret.date, -int(left.value) * 12).toordinal() < on


@employee_check("disputes.protected_near_retirement", "birth_date", "retirement_group", applies_to={FULL})
def protected_near_retirement(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Fifteen years' continuous service and fewer than five years to retirement: no dismissal under LCL 40 or 41."""
    service, left = ctx.param("deadlines.protected_service_years"), ctx.param("deadlines.protected_years_to_retirement")
    as_of, ends, ids, hires = ctx.as_of_ord, column(r, "end_date"), r.columns["employee_id"], r.columns["hire_date"]
    served_on = ctx.shifted(r, "hire_date", int(service.value) * 12)
    for i, ret in enumerate(retirements(r, ctx)):
        if ret is None or served_on[i] > as_of or ret.date.toordinal() <= as_of or (ends[i] is not None and ends[i] <= as_of):
            continue
        window_opens = add_months(ret.date, -int(left.value) * 12) + dt.timedelta(days=1)
        if window_opens.toordinal() <= as_of:
            detail = partial(_protected, ret, hires[i], window_opens, as_of, (service, left))
            yield Finding("disputes.protected_near_retirement", ids[i], None, r.line[i], detail)
