"""The double wage for work without a written contract (LCL 82; LCL-IR 6, 7; SPC-II 6, 7, 9).

Counting convention (review point 17).  LCL-IR 6 starts the double wage on "用工之日起满一
个月的次日".  The Labour Contract Law and its regulations set no way of counting the
month, so the Civil Code's applies (Civil Code 204): the start day is not counted (201)
and a month ends on the corresponding day of the next month (202).  A 2024-01-01 hire
completes one month on 2024-02-01 and the double wage starts on 2024-02-02; it stops on
the day before the first anniversary, 2024-12-31 (LCL-IR 7), the day before the contract
is deemed open-ended, as the roster's open-ended check counts it.  Some tribunals count the
hire day itself and start a day earlier; each result also gives that figure.

A part month (SPC-II 6, for cases decided from 2025-09-01): by the actual working days of
that month.  Without the holiday calendar, working days are Monday to Friday (the five-day
week); statutory holidays and the make-up working days around them are not taken into
account.  Before that date a part month counts by calendar days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money
from ..timeline import ParamValue, add_months, changes, in_force_from, parse_date, value_at
from .result import Result, cite
from .sources import event_day, lcl_in_force, unverified

__all__ = ["DoubleWagePeriod", "double_wage", "double_wage_period", "working_days"]

LCL10, LCL14, LCL69, LCL82, LCL97 = (Citation("LCL", n) for n in ("10", "14", "69", "82", "97"))
IR6, IR7 = Citation("LCL-IR", "6"), Citation("LCL-IR", "7")
SPC6, SPC7, SPC9 = (Citation("SPC-II", n) for n in ("6", "7", "9"))
DAY = dt.timedelta(days=1)
C_SPC6, C_SPC7, C_IR6, C_LCL10, C_LCL69, C_LCL97 = (cite(c) for c in (SPC6, SPC7, IR6, LCL10, LCL69, LCL97))  # made once
C_EXTRA, C_DEEMED, C_DEEMED_SPC = cite(LCL82, IR6, IR7), cite(LCL14, IR7), cite(LCL14, IR7, SPC9)  # (every step has some)


def working_days(first: dt.date, last: dt.date) -> int:
    """Mondays to Fridays from ``first`` to ``last``, both included (0 if ``last`` is earlier)."""
    if last < first:
        return 0
    weeks, extra = divmod((last - first).days + 1, 7)
    start = first.weekday()
    return weeks * 5 + sum(1 for i in range(extra) if (start + i) % 7 < 5)


@dataclass(frozen=True, slots=True)
class DoubleWagePeriod:
    """The double-wage period of one employee and its length in months.

    Month *k* of employment runs from the day after the *k−1*-th monthly date of ``clock``
    to the *k*-th (Civil Code 201, 202).  ``part`` is the part month as (units counted,
    units in that month), in calendar or working days as ``basis`` says.
    """

    first: dt.date
    last: dt.date
    why: str  # what ends it: "signed", "as_of" or "cap"
    months: Decimal
    whole: int
    part: tuple[int, int]
    part_month: tuple[dt.date, dt.date] | None
    grace: ParamValue
    limit: ParamValue
    basis: ParamValue
    clock: dt.date

    @property
    def empty(self) -> bool:
        return self.last < self.first

    @property
    def deemed(self) -> dt.date:
        """The first anniversary of the clock: an open-ended contract is deemed concluded then (LCL-IR 7)."""
        return add_months(self.clock, int(self.limit.value))


def _clock(hired: dt.date, audit_day: dt.date) -> tuple[dt.date, ParamValue]:
    """The day the month to sign runs from: the hire date, or the day the LCL took effect (LCL 97 ¶2)."""
    lcl_p, lcl = lcl_in_force(max(audit_day, hired, in_force_from("transition.lcl_in_force")))
    return max(hired, lcl), lcl_p


def _count(
    clock: dt.date, grace: int, limit: int, signed: dt.date | None, audit_day: dt.date, shift: int, working: bool
) -> tuple:
    """First and last day, what ends it, whole months and the part month.

    ``shift`` 1: the start day is not counted (Civil Code 201); 0: the hire day counts.
    """

    def month(k: int) -> tuple[dt.date, dt.date]:
        return add_months(clock, k - 1) + shift * DAY, add_months(clock, k) - (1 - shift) * DAY

    first = month(grace + 1)[0]
    candidates = [(add_months(clock, limit) - DAY, "cap"), (audit_day, "as_of")]
    if signed is not None:
        candidates.append((signed - DAY, "signed"))
    last, why = min(candidates)
    whole, k = 0, grace + 1
    if last >= first:  # months k - 1 and earlier end at least a month before ``last``'s month: count on from there
        k = max(grace + 1, (last.year - clock.year) * 12 + last.month - clock.month - 1)
        while month(k)[1] <= last:
            k += 1
        whole = k - grace - 1
    part, part_month = (0, 0), None
    start, end = month(k)
    if last >= max(first, start):
        part_month = (start, end)
        if working:
            part = (working_days(start, last), working_days(start, end))
        else:
            part = ((last - start).days + 1, (end - start).days + 1)
    months = Decimal(whole) + (Decimal(part[0]) / Decimal(part[1]) if part[1] else Decimal(0))
    return first, last, why, whole, part, part_month, months


@lru_cache(maxsize=4096)  # a pure function of its dates: a roster repeats them, each explanation asks twice
def double_wage_period(
    hired: dt.date, signed: dt.date | None, audit_day: dt.date, *, judged_on: dt.date | None = None, hire_day_counts: bool = False
) -> DoubleWagePeriod:
    """From the day after one month of work to the day before signing, the audit day or the
    day before the first anniversary, whichever comes first (LCL 82; LCL-IR 6, 7).

    ``judged_on`` (default ``audit_day``) decides how a part month counts (SPC-II 6 from
    its effective date).  ``hire_day_counts`` gives the other convention (see the module).
    """
    clock, _ = _clock(hired, audit_day)
    grace = value_at("deadlines.contract_written_months", clock)
    limit = value_at("deadlines.deemed_open_ended_months", clock)
    basis = value_at("double_wage.part_month", judged_on or audit_day)
    working = basis.value == "working_days"
    first, last, why, whole, part, part_month, months = _count(
        clock, int(grace.value), int(limit.value), signed, audit_day, 0 if hire_day_counts else 1, working
    )
    return DoubleWagePeriod(first, last, why, months, whole, part, part_month, grace, limit, basis, clock)


_WHY = {
    "cap": ("至用工满一年的前一日为止", "until the day before the first anniversary"),
    "as_of": ("计至检查日", "accrued to the audit date"),
    "signed": ("至签订前一日", "until the day before signing"),
}


def _period_steps(p: DoubleWagePeriod, wage: Decimal, amount: Decimal, spc: bool) -> list[Text]:
    q = p.months.quantize(Decimal("0.0001"))
    unit = ("个工作日", "working days") if p.basis.value == "working_days" else ("天", "days")
    part = ""
    part_en = ""
    if p.part_month:
        a, b = p.part_month
        part = f"，另 {p.part[0]}/{p.part[1]} {unit[0]}（{a} 至 {b} 这个月）"
        part_en = f", plus {p.part[0]}/{p.part[1]} {unit[1]} (of the month {a} to {b})"
    if spc:
        how = Text(
            f"不满一个月的部分按该月实际工作日计算{C_SPC6.zh}；未计法定节假日及调休，按周一至周五计工作日。",
            f"A part month counts by that month's actual working days {C_SPC6.en}; working days are taken as "
            "Monday to Friday, without statutory holidays or make-up working days.",
        )
    else:
        how = Text(
            f"检查日在{_spc_day()}之前，不满一个月的部分按日历天数折算（其后按该月实际工作日{C_SPC6.zh}）。",
            f"The audit date is before {_spc_day()}: a part month counts by calendar days "
            f"(from then on by that month's working days {C_SPC6.en}).",
        )
    return [
        Text(
            f"二倍工资期间 {p.first} 至 {p.last}（{_WHY[p.why][0]}）：整月 {p.whole} 个{part} = {q} 个月",
            f"Double-wage period {p.first} to {p.last} ({_WHY[p.why][1]}): {p.whole} whole months{part_en} = {q} months",
        ),
        how,
        Text(
            f"另付工资 {fmt_money(wage)} × {q} = {fmt_money(amount)}{C_EXTRA.zh}",
            f"Extra wage {fmt_money(wage)} × {q} = {fmt_money(amount)} {C_EXTRA.en}",
        ),
    ]


@cache
def _spc_day() -> dt.date | None:
    """The first day from which a part month counts by working days (SPC-II took effect)."""
    for ordinal in changes("double_wage.part_month"):
        day = dt.date.fromordinal(ordinal)
        if value_at("double_wage.part_month", day).value == "working_days":
            return day
    return None


def double_wage(
    monthly_wage: Any,
    hire_date: Any,
    signed_date: Any = None,
    *,
    as_of: Any = None,
    judged_on: Any = None,
    part_time: bool = False,
) -> Result:
    """The extra wage owed for working without a written contract (LCL 82; LCL-IR 6, 7; SPC-II 6).

    It runs from the day after the first month of work to the day before signing
    (``signed_date`` None = never signed), accrues up to and including ``as_of`` (the audit
    date, required), and stops the day before the first anniversary: about eleven months'
    wages at most.  ``judged_on`` (default ``as_of``) is the day whose rules decide how a
    part month counts.  A part-time worker may work on an oral agreement (LCL 69): none.
    """
    wage = to_money(monthly_wage, "monthly_wage")
    hired = event_day(hire_date, "hire_date")
    signed = None if signed_date in (None, "") else parse_date(signed_date)
    audit_day = event_day(as_of, "as_of")
    judged = audit_day if judged_on in (None, "") else parse_date(judged_on)
    if signed is not None and signed < hired:
        raise InputError("signed_date", f"on or after hire_date {hired}", signed.isoformat())
    inputs = {"monthly_wage": wage, "hire_date": hired, "signed_date": signed, "as_of": audit_day}
    if part_time:
        return Result(
            Decimal("0.00"),
            (
                Text(
                    f"非全日制用工可以订立口头协议，不需要书面劳动合同，没有二倍工资{C_LCL69.zh}。",
                    f"Part-time work may rest on an oral agreement: no written contract is required and no double wage "
                    f"is owed {C_LCL69.en}.",
                ),
            ),
            (LCL69,),
            inputs={**inputs, "part_time": True},
        )
    p = double_wage_period(hired, signed, audit_day, judged_on=judged)
    spc = p.basis.value == "working_days"
    amount = round_fen(wage * p.months)
    steps: list[Text] = []
    if p.clock > hired:
        steps.append(
            Text(
                f"入职早于劳动合同法施行：订立书面合同的一个月自 {p.clock} 起算{C_LCL97.zh}。",
                f"Hired before the Labour Contract Law took effect: the month to sign runs from {p.clock} {C_LCL97.en}.",
            )
        )
    month_end = p.first - DAY
    steps.append(
        Text(
            f"自 {p.clock} 起算的一个月于 {month_end} 届满（起算当日不计入，到期月的对应日为最后一日：民法典第二百零一条、第二百零二条），"
            f"二倍工资自次日 {p.first} 起算{C_IR6.zh}。",
            f"The month from {p.clock} ends on {month_end} (the start day is not counted and a month ends on the "
            f"corresponding day: Civil Code arts. 201, 202), so the double wage starts the next day, {p.first} {C_IR6.en}.",
        )
    )
    if p.empty:
        done = signed is not None and signed <= p.first
        steps.append(
            Text(
                f"已于 {signed} 订立书面劳动合同，无二倍工资{C_LCL10.zh}。" if done else "截至检查日尚未满一个月，无二倍工资。",
                f"Signed on {signed}: no double wage {C_LCL10.en}."
                if done
                else "The first month has not ended by the audit date: none.",
            )
        )
    else:
        steps += _period_steps(p, wage, amount, spc)
        if p.why == "cap":
            steps.append(
                Text(
                    f"{p.deemed} 起视为已订立无固定期限劳动合同，此后不再计二倍工资{(C_DEEMED_SPC if spc else C_DEEMED).zh}。",
                    f"From {p.deemed} an open-ended contract is deemed concluded, and no double wage accrues after it "
                    f"{(C_DEEMED_SPC if spc else C_DEEMED).en}.",
                )
            )
        alt = double_wage_period(hired, signed, audit_day, judged_on=judged, hire_day_counts=True)
        other = round_fen(wage * alt.months)
        if other != amount:
            steps.append(
                Text(
                    f"另一种做法把入职当日计入（二倍工资自 {alt.first} 起算，部分仲裁机构采用），按此为 {fmt_money(other)}。",
                    f"Some tribunals count the hire day itself (double wage from {alt.first}); that gives {fmt_money(other)}.",
                )
            )
    warnings: tuple[Text, ...] = ()
    if spc and not p.empty:
        warnings = (
            Text(
                f"用人单位能举证未订立书面合同是因不可抗力、或因劳动者本人故意或重大过失所致的，不支付二倍工资{C_SPC7.zh}；名册无法反映这些情形。",
                f"None is owed if the employer proves that force majeure, or the employee's own intent or gross negligence, "
                f"kept the contract from being signed {C_SPC7.en}; a roster cannot show this.",
            ),
        )
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=(LCL82, IR6, IR7, LCL10) + ((SPC6, SPC7) if spc else ()),
        parameters=(p.grace, p.limit, p.basis),
        inputs=inputs,
        warnings=warnings + unverified((p.grace, p.limit, p.basis)),
        details={"first_day": p.first, "last_day": p.last, "months": p.months, "deemed_open_ended": p.deemed},
    )
