"""Social-insurance arrears: the unpaid contributions plus the daily late fee from the day
they fell due (SIL 86), and the fine that may follow, as a range.

The late fee runs from the day after the last day to pay (``due_date``) up to and including
``on`` (the day of payment or of the audit), each day at the rate in force that day.  Days
before the first rate in the data (SIL 86 from 2011-07-01) carry none: SIC 13's earlier fee
ran only once a deadline set by the authority had passed, so it was not certainly owed.  The
fine (SIL 86: one to three times the arrears, only if they are still unpaid after the
collector's order) is not part of the amount: it is shown in ``details`` and in a step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money
from ..timeline import MissingFigureError, ParamValue, changes, in_force_from, value_at
from .result import Result, cite
from .sources import event_day, unverified

__all__ = ["social_insurance_arrears"]

SIL86 = Citation("SIL", "86")
RATE = "social_insurance.late_fee_daily_rate"


def _stretches(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, ParamValue]]:
    """``first``…``last`` cut where the daily rate changes, each piece with its rate."""
    cuts = [dt.date.fromordinal(o) for o in changes(RATE) if first.toordinal() < o <= last.toordinal()]
    starts = [first, *cuts]
    ends = [c - dt.timedelta(days=1) for c in cuts] + [last]
    return [(a, b, value_at(RATE, a)) for a, b in zip(starts, ends)]


def social_insurance_arrears(contributions: Any, due_date: Any, *, on: Any = None) -> Result:
    """Unpaid contributions plus the late fee from the day after ``due_date`` to ``on`` (SIL 86)."""
    owed = to_money(contributions, "contributions")
    due = event_day(due_date, "due_date")
    day = event_day(on, "on")
    if day < due:
        raise InputError("on", f"on or after due_date {due}", day.isoformat())
    steps = [Text(f"欠缴社会保险费 {fmt_money(owed)}，应缴期限 {due}", f"Unpaid contributions {fmt_money(owed)}, due by {due}")]
    params: list[ParamValue] = []
    fee = Decimal(0)
    first = max(due + dt.timedelta(days=1), in_force_from(RATE))
    if first > due + dt.timedelta(days=1) and day >= due + dt.timedelta(days=1):
        before = min(day, first - dt.timedelta(days=1))
        steps.append(
            Text(
                f"{due + dt.timedelta(days=1)} 至 {before}：社会保险法施行前，滞纳金只在责令限期缴纳逾期后才加收，"
                f"不属确定应付，不计{cite(SIL86).zh}",
                f"{due + dt.timedelta(days=1)} to {before}: before the Social Insurance Law a late fee ran only once "
                f"a deadline set by the authority had passed, so it is not certainly owed and is not counted {cite(SIL86).en}",
            )
        )
    if day >= first:
        for a, b, rate in _stretches(first, day):
            n = (b - a).days + 1
            part = owed * rate.decimal * n
            fee += part
            params.append(rate)
            steps.append(
                Text(
                    f"滞纳金 {a} 至 {b} 共 {n} 天 × {fmt_money(owed)} × {rate.value} = {fmt_money(part)}{cite(SIL86).zh}",
                    f"Late fee {a} to {b}, {n} days × {fmt_money(owed)} × {rate.value} = {fmt_money(part)} {cite(SIL86).en}",
                )
            )
    elif day <= due:
        steps.append(Text("尚未逾期，无滞纳金。", "Not yet overdue: no late fee."))
    fee = round_fen(fee)
    amount = round_fen(owed + fee)
    steps.append(
        Text(
            f"应补缴 {fmt_money(owed)} + 滞纳金 {fmt_money(fee)} = {fmt_money(amount)}",
            f"To pay {fmt_money(owed)} + late fee {fmt_money(fee)} = {fmt_money(amount)}",
        )
    )
    details: dict[str, Any] = {"late_fee": fee, "late_days": max((day - due).days, 0)}
    try:
        fine = (value_at("social_insurance.fine_multiple_min", day), value_at("social_insurance.fine_multiple_max", day))
    except MissingFigureError:
        fine = None  # no fine under SIL 86 before it took effect
    if fine is not None:
        low, high = (round_fen(owed * f.decimal) for f in fine)
        details.update(fine_min=low, fine_max=high)
        params += fine
        steps.append(
            Text(
                f"逾期仍不缴纳的，可另处欠缴数额 {fine[0].value} 至 {fine[1].value} 倍的罚款：{fmt_money(low)} 至 "
                f"{fmt_money(high)}（不计入上面的金额）{cite(SIL86).zh}",
                f"If still unpaid after the order, a fine of {fine[0].value} to {fine[1].value} times the arrears may "
                f"follow: {fmt_money(low)} to {fmt_money(high)} (not in the amount above) {cite(SIL86).en}",
            )
        )
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=(SIL86,),
        parameters=tuple(params),
        inputs={"contributions": owed, "due_date": due, "on": day},
        warnings=unverified(tuple(params)),
        details=details,
    )
