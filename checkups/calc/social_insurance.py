"""Social-insurance arrears: the unpaid contributions plus the daily late fee from the day
they fell due (SIL 86; SIC 13 before the SIL), and the fine that may follow, as a range.

The late fee runs from the day after the last day to pay (``due_date``) up to and including
``on`` (the day of payment or of the audit), each day at the rate in force that day.  The
fine (SIL 86: one to three times the arrears, only if they are still unpaid after the
collector's order) is not part of the amount: it is shown in ``details`` and in a step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money
from ..timeline import MissingFigureError, ParamValue, changes, value_at
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
    cites: list[Citation] = [SIL86]
    first = due + dt.timedelta(days=1)
    if day >= first:
        try:
            pieces = _stretches(first, day)
        except MissingFigureError as exc:
            raise MissingFigureError(RATE, None, exc.on, "no late-fee rate is known for that day") from exc
        for a, b, rate in pieces:
            n = (b - a).days + 1
            daily = Decimal(str(rate.value["rate"]))
            part = owed * daily * n
            fee += part
            params.append(rate)
            law = Citation(rate.value["law"], str(rate.value["article"]))  # the provision that sets the rate, from the data
            if law not in cites:
                cites.append(law)
            steps.append(
                Text(
                    f"滞纳金 {a} 至 {b} 共 {n} 天 × {fmt_money(owed)} × {daily} = {fmt_money(part)}{cite(law).zh}",
                    f"Late fee {a} to {b}, {n} days × {fmt_money(owed)} × {daily} = {fmt_money(part)} {cite(law).en}",
                )
            )
    else:
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
        fine = value_at("social_insurance.arrears_fine_multiple", day)
    except MissingFigureError:
        fine = None
    if fine is not None:
        low, high = round_fen(owed * Decimal(str(fine.value["min"]))), round_fen(owed * Decimal(str(fine.value["max"])))
        details.update(fine_min=low, fine_max=high)
        params.append(fine)
        steps.append(
            Text(
                f"逾期仍不缴纳的，可另处欠缴数额 {fine.value['min']} 至 {fine.value['max']} 倍的罚款：{fmt_money(low)} 至 "
                f"{fmt_money(high)}（不计入上面的金额）{cite(SIL86).zh}",
                f"If still unpaid after the order, a fine of {fine.value['min']} to {fine.value['max']} times the arrears may "
                f"follow: {fmt_money(low)} to {fmt_money(high)} (not in the amount above) {cite(SIL86).en}",
            )
        )
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=tuple(cites),
        parameters=tuple(params),
        inputs={"contributions": owed, "due_date": due, "on": day},
        warnings=unverified(tuple(params)),
        details=details,
    )
