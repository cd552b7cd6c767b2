"""Statutory calculators: money as ``Decimal`` rounded once, to the fen, at the end.

Each money calculator returns a :class:`Result` whose ``steps`` explain the computation
in both languages, with the citations and the dated parameters it used.  Inputs accept
int, float, str or ``Decimal``; dates accept ``date`` or text.  Explicit ``avg_wage`` /
``min_wage`` override the regional figures; with neither a region nor a figure a
:class:`~checkups.timeline.MissingFigureError` says which figure is needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .regions import resolve
from .registry import Citation, parameter_description, region_name
from .text import InputError, Text, fmt_money, round_fen, to_money, to_number
from .timeline import MissingFigureError, ParamValue, add_months, in_force_from, parse_date, span, value_at

__all__ = [
    "DoubleWagePeriod",
    "Limit",
    "Result",
    "annual_leave_days",
    "double_wage",
    "double_wage_period",
    "leave_entitlement",
    "max_probation_months",
    "min_probation_wage",
    "overtime_pay",
    "probation_limits",
    "severance",
    "unlawful_termination",
    "untaken_leave_pay",
]


def _cites(*pairs: str) -> tuple[Citation, ...]:
    return tuple(Citation(*p.split()) for p in pairs)


@dataclass(frozen=True)
class Result:
    """A calculator's answer: the amount owed and how it was reached."""

    amount: Decimal
    steps: tuple[Text, ...]
    citations: tuple[Citation, ...]
    parameters: tuple[ParamValue, ...] = ()
    inputs: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[Text, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (amount as a string, dates ISO)."""
        return {
            "amount": str(self.amount),
            "steps": [s.as_dict() for s in self.steps],
            "citations": [str(c) for c in self.citations],
            "parameters": [_param_dict(p) for p in self.parameters],
            "inputs": {k: _plain(v) for k, v in self.inputs.items()},
            "warnings": [w.as_dict() for w in self.warnings],
            "details": {k: _plain(v) for k, v in self.details.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, Decimal)):
        return str(value)
    return value


def _param_dict(p: ParamValue) -> dict[str, Any]:
    return {
        "name": p.name,
        "value": p.value,
        "region": p.region,
        "effective": p.effective.isoformat(),
        "source": p.source,
        "verified": p.verified,
    }


def _given(name: str, value: Any, on: dt.date, unit: str) -> ParamValue:
    """A figure the user typed in, shaped like a parameter so traces read the same."""
    return ParamValue(name, to_money(value, name), "given", on, "entered by the user", True, unit)


def _regional(name: str, given: Any, arg: str, on: dt.date, region: str | None) -> ParamValue:
    if given is not None:
        return _given(name, given, on, "CNY/month")
    try:
        return value_at(name, on, region)
    except MissingFigureError as exc:
        hint = f"{exc.hint}, or give {arg}=…" if exc.hint else f"give {arg}=… or a region that has the figure"
        raise MissingFigureError(name, region, on, hint) from exc


def _unverified(params: tuple[ParamValue, ...]) -> tuple[Text, ...]:
    return tuple(
        Text(
            f"{parameter_description(p.name)['zh']}（{region_name(p.region)['zh']}，{p.effective} 起）{p.value} "
            f"未经官方文件核实，请核对后再使用，或直接输入数值。来源：{p.source}",
            f"{parameter_description(p.name)['en']} ({region_name(p.region)['en']}, from {p.effective}) {p.value} "
            f"is not verified against an official notice; check it, or enter the figure yourself. Source: {p.source}",
        )
        for p in params
        if not p.verified
    )


def _dates(start: Any, end: Any, names: tuple[str, str]) -> tuple[dt.date, dt.date]:
    first, last = parse_date(start), parse_date(end)
    if last < first:
        raise InputError(names[1], f"on or after {names[0]} {first.isoformat()}", last.isoformat())
    return first, last


def severance(
    monthly_wage: Any,
    start: Any,
    end: Any,
    *,
    region: str | None = None,
    avg_wage: Any = None,
    min_wage: Any = None,
) -> Result:
    """Economic compensation on termination (LCL 47; LCL-IR 27).

    ``monthly_wage`` is the average of the last 12 months' cash pay; ``end`` is the last
    day of employment and counts.  One month's wage per full year; a remainder of six
    months or more counts as a year, less as half a year.  The wage is raised to the
    minimum wage; above three times the prior-year average monthly wage it is capped at
    that and the years at twelve.
    """
    wage = to_money(monthly_wage, "monthly_wage")
    first, last = _dates(start, end, ("start", "end"))
    region = None if region is None else resolve(region)
    min_p = _regional("minimum_wage.monthly", min_wage, "min_wage", last, region)
    avg_p = _regional("average_wage.monthly", avg_wage, "avg_wage", last, region)
    multiple = value_at("severance.cap_multiple", last)
    cap_years = value_at("severance.cap_years", last)
    service = span(first, last)
    years_full, rem_months = divmod(service.months, 12)
    if rem_months >= 6:
        years, rule_zh, rule_en = Decimal(years_full + 1), "满六个月按一年计", "6 months or more count as a year"
    elif rem_months or service.days:
        years, rule_zh, rule_en = Decimal(years_full) + Decimal("0.5"), "不满六个月按半年计", "under 6 months counts as half"
    else:
        years, rule_zh, rule_en = Decimal(years_full), "整年", "whole years"
    steps = [
        Text(
            f"工作年限 {first} 至 {last}：{years_full} 年 {rem_months} 个月 {service.days} 天 → {years} 年（{rule_zh}，LCL 47）",
            f"Service {first} to {last}: {years_full} y {rem_months} m {service.days} d → {years} years ({rule_en}, LCL 47)",
        )
    ]
    base = wage
    if wage < min_p.decimal:
        base = min_p.decimal
        steps.append(
            Text(
                f"月工资 {fmt_money(wage)} 低于最低工资 {fmt_money(base)}，按最低工资计（LCL-IR 27）",
                f"Wage {fmt_money(wage)} is below the minimum wage {fmt_money(base)}: use the minimum (LCL-IR 27)",
            )
        )
    cap = avg_p.decimal * multiple.decimal
    if wage > cap:
        base = cap
        capped = min(years, cap_years.decimal)
        steps.append(
            Text(
                f"月工资 {fmt_money(wage)} 高于上年度职工月平均工资 {fmt_money(avg_p.decimal)} 的 {multiple.value} 倍"
                f"（{fmt_money(cap)}）：基数封顶为 {fmt_money(cap)}，年限最高 {cap_years.value} 年 → {capped} 年（LCL 47）",
                f"Wage {fmt_money(wage)} exceeds {multiple.value} × the prior-year average monthly wage "
                f"{fmt_money(avg_p.decimal)} ({fmt_money(cap)}): base capped at {fmt_money(cap)}, "
                f"years at {cap_years.value} → {capped} (LCL 47)",
            )
        )
        years = capped
    amount = round_fen(base * years)
    steps.append(Text(f"{fmt_money(base)} × {years} = {fmt_money(amount)}", f"{fmt_money(base)} × {years} = {fmt_money(amount)}"))
    params = (min_p, avg_p, multiple, cap_years)
    warnings = _unverified(params)
    if first < in_force_from("severance.cap_multiple"):  # the LCL took effect (LCL 97, 98)
        warnings += (
            Text(
                "工作年限始于2008年1月1日之前：此前期间的经济补偿按当时的规定执行（LCL 97），本结果按第47条计算全部期间，请核对。",
                "Service began before 2008-01-01: compensation for the earlier period follows the rules "
                "then in force (LCL 97); this result applies LCL 47 to the whole period, so check it.",
            ),
        )
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=_cites("LCL 47", "LCL-IR 27", "LCL 46"),
        parameters=params,
        inputs={"monthly_wage": wage, "start": first, "end": last, "region": region},
        warnings=warnings,
        details={"years": years, "base": round_fen(base)},
    )


def unlawful_termination(
    monthly_wage: Any,
    start: Any,
    end: Any,
    *,
    region: str | None = None,
    avg_wage: Any = None,
    min_wage: Any = None,
) -> Result:
    """Compensation for unlawful termination: twice the severance, none on top (LCL 48, 87; LCL-IR 25)."""
    base = severance(monthly_wage, start, end, region=region, avg_wage=avg_wage, min_wage=min_wage)
    multiple = value_at("severance.unlawful_multiple", base.inputs["end"])
    amount = round_fen(base.amount * multiple.decimal)
    step = Text(
        f"赔偿金 = 经济补偿 {fmt_money(base.amount)} × {multiple.value} = {fmt_money(amount)}，不再另付经济补偿（LCL 87；LCL-IR 25）",
        f"Compensation = severance {fmt_money(base.amount)} × {multiple.value} = {fmt_money(amount)}; "
        "no severance on top (LCL 87; LCL-IR 25)",
    )
    return Result(
        amount=amount,
        steps=(*base.steps, step),
        citations=_cites("LCL 87", "LCL 48", "LCL-IR 25", "LCL 47"),
        parameters=(*base.parameters, multiple),
        inputs=base.inputs,
        warnings=base.warnings,
        details=base.details,
    )


@dataclass(frozen=True, slots=True)
class DoubleWagePeriod:
    """The double-wage period of one employee and its length in months."""

    first: dt.date
    last: dt.date
    why: str  # what ends it: "signed", "as_of" or "cap"
    months: Decimal
    counted: Any  # the Span from the hire date to ``last``
    grace: ParamValue
    limit: ParamValue

    @property
    def empty(self) -> bool:
        return self.last < self.first


def double_wage_period(hired: dt.date, signed: dt.date | None, audit_day: dt.date) -> DoubleWagePeriod:
    """From hire + 1 month to the day before signing, the audit day or hire + 1 year − 1 day.

    Months are counted from the hire date (so a hire on 31 January has whole months
    ending on each month's last day) and the first month is taken off; a part month is
    pro rata by the calendar days of the month it falls in.
    """
    hired = max(hired, in_force_from("deadlines.contract_written_months"))  # LCL 97: older hires count from 2008-01-01
    grace = value_at("deadlines.contract_written_months", hired)
    limit = value_at("deadlines.deemed_open_ended_months", hired)
    first = add_months(hired, int(grace.value))
    candidates = [(add_months(hired, int(limit.value)) - dt.timedelta(days=1), "cap"), (audit_day, "as_of")]
    if signed is not None:
        candidates.append((signed - dt.timedelta(days=1), "signed"))
    last, why = min(candidates)
    counted = span(hired, last)
    months = max(counted.fraction - int(grace.value), Decimal(0)) if last >= first else Decimal(0)
    return DoubleWagePeriod(first, last, why, months, counted, grace, limit)


_WHY = {
    "cap": ("至用工满一年的前一日为止", "until the day before the first anniversary"),
    "as_of": ("计至检查日", "accrued to the audit date"),
    "signed": ("至签订前一日", "until the day before signing"),
}


def double_wage(monthly_wage: Any, hire_date: Any, signed_date: Any, *, as_of: Any = None) -> Result:
    """The extra wage owed for working without a written contract (LCL 82; LCL-IR 6, 7).

    It runs from hire date + 1 month to the day before signing (``signed_date`` None =
    never signed), accrues up to and including ``as_of`` (default today), and stops at
    hire date + 1 year: at most 11 months' wages, part months pro rata by calendar days.
    """
    wage = to_money(monthly_wage, "monthly_wage")
    hired = parse_date(hire_date)
    signed = None if signed_date in (None, "") else parse_date(signed_date)
    audit_day = dt.date.today() if as_of is None else parse_date(as_of)
    period = double_wage_period(hired, signed, audit_day)
    first, last, months = period.first, period.last, period.months
    amount = round_fen(wage * months)
    if period.empty:
        done = signed is not None and signed <= first
        steps = [
            Text(
                f"入职 {hired}，应在 {first} 前订立书面劳动合同；"
                + (f"已于 {signed} 订立，无二倍工资。" if done else "截至检查日尚未满一个月。"),
                f"Hired {hired}; a written contract is due before {first}; "
                + (f"signed {signed}: no double wage." if done else "the first month has not ended by the audit date."),
            )
        ]
    else:
        c = period.counted
        if c.first > hired:
            steps_pre = [
                Text(
                    f"入职早于劳动合同法施行：自 {c.first} 起计算订立书面合同的一个月（LCL 97）。",
                    f"Hired before the Labour Contract Law took effect: the month to sign runs from {c.first} (LCL 97).",
                )
            ]
        else:
            steps_pre = []
        part = f" + {c.days}/{c.month_days}" if c.days else ""
        grace = int(period.grace.value)
        steps = [
            *steps_pre,
            Text(
                f"入职 {hired}；二倍工资期间 {first} 至 {last}（{_WHY[period.why][0]}）："
                f"自入职起 {c.months} 个月{part}，减去第一个月 = {months.quantize(Decimal('0.0001'))} 个月",
                f"Hired {hired}; double-wage period {first} to {last} ({_WHY[period.why][1]}): "
                f"{c.months} months{part} from hire, less the first {grace} = {months.quantize(Decimal('0.0001'))} months",
            ),
            Text(
                f"另付工资 {fmt_money(wage)} × {months.quantize(Decimal('0.0001'))} = {fmt_money(amount)}（LCL 82；LCL-IR 6、7）",
                f"Extra wage {fmt_money(wage)} × {months.quantize(Decimal('0.0001'))} = {fmt_money(amount)} (LCL 82; LCL-IR 6, 7)",
            ),
        ]
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=_cites("LCL 82", "LCL-IR 6", "LCL-IR 7", "LCL 10"),
        parameters=(period.grace, period.limit),
        inputs={"monthly_wage": wage, "hire_date": hired, "signed_date": signed, "as_of": audit_day},
        details={"first_day": first, "last_day": last, "months": months},
    )


def overtime_pay(hourly_wage: Any, *, workday_hours: Any = 0, rest_day_hours: Any = 0, holiday_hours: Any = 0) -> Result:
    """Overtime pay at 150% (workdays), 200% (rest days without time off in lieu) and 300% (holidays) (LL 44)."""
    hourly = to_money(hourly_wage, "hourly_wage")
    hours = {
        "workday": to_number(workday_hours, "workday_hours"),
        "rest_day": to_number(rest_day_hours, "rest_day_hours"),
        "holiday": to_number(holiday_hours, "holiday_hours"),
    }
    rates = value_at("overtime.multipliers", dt.date.today())
    labels = {
        "workday": ("工作日", "workday"),
        "rest_day": ("休息日", "rest day"),
        "holiday": ("法定休假日", "statutory holiday"),
    }
    total = Decimal(0)
    steps = []
    for kind, count in hours.items():
        if not count:
            continue
        rate = Decimal(str(rates.value[kind]))
        part = hourly * rate * count
        total += part
        steps.append(
            Text(
                f"{labels[kind][0]}加班 {count} 小时 × {fmt_money(hourly)} × {rate} = {fmt_money(part)}",
                f"{labels[kind][1]} overtime {count} h × {fmt_money(hourly)} × {rate} = {fmt_money(part)}",
            )
        )
    amount = round_fen(total)
    steps.append(Text(f"合计 {fmt_money(amount)}（LL 44）", f"Total {fmt_money(amount)} (LL 44)"))
    return Result(
        amount=amount,
        steps=tuple(steps),
        citations=_cites("LL 44", "WPR 13"),
        parameters=(rates,),
        inputs={"hourly_wage": hourly, **{f"{k}_hours": v for k, v in hours.items()}},
    )


def untaken_leave_pay(monthly_wage: Any, days: Any) -> Result:
    """Extra pay for untaken annual leave: 200% of the daily wage per day, on top of normal pay (PAL 5; PAL-IM 10)."""
    wage = to_money(monthly_wage, "monthly_wage")
    count = to_number(days, "days")
    today = dt.date.today()
    per_month = value_at("wage_conversion.days_per_month", today)
    extra = value_at("leave.untaken_extra_multiple", today)
    amount = round_fen(wage / per_month.decimal * extra.decimal * count)
    steps = (
        Text(
            f"日工资 = {fmt_money(wage)} ÷ {per_month.value} = {fmt_money(wage / per_month.decimal)}（WTC 2）",
            f"Daily wage = {fmt_money(wage)} ÷ {per_month.value} = {fmt_money(wage / per_month.decimal)} (WTC 2)",
        ),
        Text(
            f"另付 {count} 天 × 日工资 × {extra.value} = {fmt_money(amount)}（共300%，含已发正常工资；PAL-IM 10）",
            f"Extra {count} days × daily wage × {extra.value} = {fmt_money(amount)} (300% in all, "
            "normal pay included; PAL-IM 10)",
        ),
    )
    return Result(
        amount=amount,
        steps=steps,
        citations=_cites("PAL-IM 10", "PAL 5", "WTC 2"),
        parameters=(per_month, extra),
        inputs={"monthly_wage": wage, "days": count},
    )


def _leave_band(cumulative_service_years: Any) -> tuple[Any, ParamValue, dict[str, Any]]:
    """The years of work, the leave bands and the band they fall in (PAL 3)."""
    years = to_number(cumulative_service_years, "cumulative_service_years")
    bands = value_at("leave.annual_days", dt.date.today())
    return years, bands, max((b for b in bands.value if years >= b["years_from"]), key=lambda b: b["years_from"])


def annual_leave_days(cumulative_service_years: Any) -> int:
    """Paid annual leave days for cumulative years of work: 0, 5, 10 or 15 (PAL 3)."""
    return _leave_band(cumulative_service_years)[2]["days"]


def max_probation_months(contract_term_months: Any, *, task_based: bool = False) -> int:
    """The longest probation for a contract term in months (``None`` = open-ended) (LCL 19)."""
    bands = value_at("probation.max_months", dt.date.today()).value
    if task_based:
        return 0
    if contract_term_months is None:
        return bands[-1]["max_months"]
    term = to_number(contract_term_months, "contract_term_months")
    return max(b["max_months"] for b in bands if term >= b["term_from_months"])


def min_probation_wage(contract_wage: Any, *, min_wage: Any) -> Decimal:
    """The lowest lawful probation wage: 80% of the agreed wage, and not below the minimum wage (LCL 20; LCL-IR 15)."""
    wage = to_money(contract_wage, "contract_wage")
    floor = to_money(min_wage, "min_wage")
    ratio = value_at("probation.wage_ratio_min", dt.date.today()).decimal
    return round_fen(max(wage * ratio, floor))


@dataclass(frozen=True)
class Limit:
    """A statutory limit worked out from the inputs (days of leave, months of probation, a
    wage floor): not money owed, so it has a value in words rather than an amount."""

    label: Text
    value: Text
    steps: tuple[Text, ...]
    citations: tuple[Citation, ...]
    parameters: tuple[ParamValue, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label.as_dict(),
            "value": self.value.as_dict(),
            "steps": [s.as_dict() for s in self.steps],
            "citations": [str(c) for c in self.citations],
            "parameters": [_param_dict(p) for p in self.parameters],
        }


def leave_entitlement(cumulative_service_years: Any) -> Limit:
    """Paid annual leave a year for cumulative years of work, with the band applied (PAL 3)."""
    years, bands, band = _leave_band(cumulative_service_years)
    days = band["days"]
    return Limit(
        label=Text("每年带薪年休假", "Paid annual leave a year"),
        value=Text(f"{days} 天", f"{days} days"),
        steps=(
            Text(
                f"累计工作 {years} 年，适用“已满 {band['years_from']} 年”一档：{days} 天（PAL 3）",
                f"{years} years of work in all: the band from {band['years_from']} years gives {days} days (PAL 3)",
            ),
        ),
        citations=_cites("PAL 3"),
        parameters=(bands,),
    )


def probation_limits(contract_term_months: Any, *, contract_wage: Any = None, min_wage: Any = None) -> tuple[Limit, ...]:
    """The longest probation for a contract term (months; ``None`` = open-ended) (LCL 19)
    and, given the agreed and minimum wages, the lowest probation wage (LCL 20; LCL-IR 15)."""
    today = dt.date.today()
    bands = value_at("probation.max_months", today)
    months = max_probation_months(contract_term_months)
    if contract_term_months is None:
        why = Text("无固定期限劳动合同", "an open-ended contract")
    else:
        why = Text(f"合同期限 {contract_term_months} 个月", f"a contract term of {contract_term_months} months")
    out = [
        Limit(
            label=Text("试用期最长", "Longest probation"),
            value=Text(f"{months} 个月", f"{months} months"),
            steps=(
                Text(
                    f"{why.zh}：试用期不得超过 {months} 个月（LCL 19）",
                    f"For {why.en}: probation of at most {months} months (LCL 19)",
                ),
            ),
            citations=_cites("LCL 19"),
            parameters=(bands,),
        )
    ]
    if contract_wage not in (None, "") and min_wage not in (None, ""):
        wage = to_money(contract_wage, "contract_wage")
        floor = to_money(min_wage, "min_wage")
        ratio = value_at("probation.wage_ratio_min", today)
        lowest = min_probation_wage(wage, min_wage=floor)
        out.append(
            Limit(
                label=Text("试用期工资不低于", "Probation wage at least"),
                value=Text(f"{fmt_money(lowest)} 元", f"{fmt_money(lowest)} yuan"),
                steps=(
                    Text(
                        f"约定工资 {fmt_money(wage)} × {ratio.value} = {fmt_money(round_fen(wage * ratio.decimal))}（LCL 20）",
                        f"Agreed wage {fmt_money(wage)} × {ratio.value} = {fmt_money(round_fen(wage * ratio.decimal))} (LCL 20)",
                    ),
                    Text(
                        f"且不低于最低工资 {fmt_money(floor)}：取较高者 {fmt_money(lowest)}（LCL-IR 15）",
                        f"and not below the minimum wage {fmt_money(floor)}: the higher, {fmt_money(lowest)} (LCL-IR 15)",
                    ),
                ),
                citations=_cites("LCL 20", "LCL-IR 15"),
                parameters=(ratio,),
            )
        )
    return tuple(out)
