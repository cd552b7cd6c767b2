"""Offboarding reminders on the roster: certificate and transfers within 15 days (LCL 50)."""

from __future__ import annotations

from functools import partial

from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text
from ..timeline import ParamValue
from . import FULL, PART, Context, day, employee_check


def _detail(end: int, limit: ParamValue) -> Detail:
    days = int(limit.value)
    due = end + days
    steps = (
        Text(
            f"离职 {day(end)}：出具解除或终止劳动合同的证明，并于 {day(due)} 前（{days} 日内）办理档案和社会保险关系转移手续。",
            f"Left {day(end)}: issue the termination certificate and transfer the file and social insurance by {day(due)} (within {days} days).",
        ),
    )
    return Detail({"end_date": day(end), "due_date": day(due)}, Trace({"end_date": day(end)}, (limit,), steps))


@employee_check("onboarding.termination_paperwork", "end_date", applies_to={FULL, PART})
def termination_paperwork(r: Roster, ctx: Context) -> list[Finding]:
    """A leaver needs a termination certificate and file/social-insurance transfer within 15 days (LCL 50)."""
    limit = ctx.param("deadlines.termination_transfer_days")
    as_of = ctx.as_of_ord
    ends, ids = r.columns["end_date"], r.columns["employee_id"]
    line = r.line
    return [
        Finding("onboarding.termination_paperwork", ids[i], None, line[i], partial(_detail, e, limit))
        for i, e in enumerate(ends)
        if e is not None and e <= as_of
    ]
