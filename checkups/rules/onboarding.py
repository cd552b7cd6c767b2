"""Offboarding reminders on the roster: certificate and transfers within 15 days (LCL 50)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Trace
from ..roster import Roster
from ..text import Text
from . import Context, day, employee_check


@employee_check("onboarding.termination_paperwork", "end_date")
def termination_paperwork(r: Roster, ctx: Context) -> Iterator[Finding]:
    """A leaver needs a termination certificate and file/social-insurance transfer within 15 days (LCL 50)."""
    limit = ctx.param("deadlines.termination_transfer_days")
    days = int(limit.value)
    as_of = ctx.as_of_ord
    for i, (emp, end) in enumerate(zip(r.columns["employee_id"], r.columns["end_date"])):
        if end is None or end > as_of:
            continue
        due = end + days
        steps = (
            Text(
                f"离职 {day(end)}：出具解除或终止劳动合同的证明，并于 {day(due)} 前（{days} 日内）办理档案和社会保险关系转移手续。",
                f"Left {day(end)}: issue the termination certificate and transfer the file and social insurance by {day(due)} (within {days} days).",
            ),
        )
        trace = Trace({"end_date": day(end)}, (limit,), steps)
        yield Finding("onboarding.termination_paperwork", emp, None, trace, {"end_date": day(end), "due_date": day(due)}, r.line[i])
