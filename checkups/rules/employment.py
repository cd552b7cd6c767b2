"""Employment-type checks on the roster: part-time hours beyond LCL 68 (full-time in law)
and the share of dispatched workers (DISPATCH 4)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text
from ..timeline import ParamValue
from . import DISPATCHED, FULL, PART, PENSIONER, SERVICE, Context, column, employee_check


def _hours(hours: Decimal, limit: ParamValue) -> Detail:
    steps = (
        Text(
            f"名册登记为非全日制，但周工时 {hours} 小时超过非全日制上限 {limit.value} 小时（LCL 68）：依法按全日制用工对待，"
            "书面合同、二倍工资、社会保险等按全日制检查。",
            f"Recorded as part-time, but {hours} hours a week exceed the part-time limit of {limit.value} (LCL 68): in law "
            "this is full-time work, and the written contract, double wage and social insurance are checked as for full-time staff.",
        ),
    )
    return Detail({"hours": hours, "limit": limit.value}, Trace({"weekly_hours": hours}, (limit,), steps))


@employee_check("contracts.part_time_hours_exceeded", "employment_type", "weekly_hours", applies_to={FULL})
def part_time_hours_exceeded(r: Roster, ctx: Context) -> list[Finding]:
    """Recorded as part-time but working more than LCL 68 allows: full-time in law."""
    limit = ctx.param("hours.part_time_weekly_max")
    cap = limit.decimal
    declared, hours, ids = r.columns["employment_type"], r.columns["weekly_hours"], r.columns["employee_id"]
    return [
        Finding("contracts.part_time_hours_exceeded", ids[i], None, r.line[i], partial(_hours, h, limit))
        for i, (d, h) in enumerate(zip(declared, hours))
        if d == PART and h is not None and h > cap
    ]


def _share(dispatched: int, total: int, cap: ParamValue) -> Detail:
    share = Decimal(dispatched) / Decimal(total)
    steps = (
        Text(
            f"检查日在岗：劳务派遣员工 {dispatched} 人，用工总量（订立劳动合同的人数加被派遣人数）{total} 人，"
            f"占 {share:.1%}，超过 {cap.decimal:.0%}（DISPATCH 4）。已享受养老保险待遇的人员不计入用工总量。",
            f"On the audit date: {dispatched} dispatched workers out of a workforce of {total} (employees on labour "
            f"contracts plus dispatched workers), {share:.1%}, above {cap.decimal:.0%} (DISPATCH 4). Pensioners, who "
            "have no labour contract, are not counted.",
        ),
    )
    facts = {"dispatched": dispatched, "total": total, "share": f"{share:.1%}", "cap": f"{cap.decimal:.0%}"}
    return Detail(facts, Trace({"dispatched": dispatched, "total": total}, (cap,), steps))


@employee_check("contracts.dispatch_share_over_cap", "employment_type")
def dispatch_share_over_cap(r: Roster, ctx: Context) -> Iterator[Finding]:
    """More dispatched workers than the share of the workforce DISPATCH 4 allows (counted on the audit date)."""
    as_of, ends = ctx.as_of_ord, column(r, "end_date")
    on_roll = [k for k, e in zip(ctx.kinds(r), ends) if (e is None or e >= as_of) and k not in (PENSIONER, SERVICE)]
    dispatched = on_roll.count(DISPATCHED)
    if not dispatched:
        return
    cap = ctx.param("dispatch.max_share")
    if Decimal(dispatched) > cap.decimal * len(on_roll):
        yield Finding("contracts.dispatch_share_over_cap", None, None, None, partial(_share, dispatched, len(on_roll), cap))
