"""Money on termination: economic compensation (LCL 47; LCL-IR 27) and the compensation for
unlawful termination, twice that standard (LCL 48, 87; LCL-IR 25).  The event date is the
last day of employment: every figure is the one in force that day."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..regions import resolve
from ..registry import Citation
from ..text import InputError, Text, fmt_money, round_fen, to_money
from ..timeline import MissingFigureError, ParamValue, in_force_from, span, value_at
from .result import Result, cite
from .sources import cap_figure, dates, floor_figure, lcl_in_force, unverified

__all__ = ["severance", "unlawful_termination"]

LCL46, LCL47, LCL48, LCL87, LCL97, LCL98 = (Citation("LCL", n) for n in ("46", "47", "48", "87", "97", "98"))
IR25, IR27 = Citation("LCL-IR", "25"), Citation("LCL-IR", "27")


@dataclass(frozen=True)
class _Base:
    amount: Decimal
    steps: tuple[Text, ...]
    params: tuple[ParamValue, ...]
    details: dict[str, Any]
    first: Any
    last: Any
    region: str | None
    wage: Decimal
    lcl: Any


def _years(first: Any, last: Any, part: ParamValue) -> tuple[Decimal, Text]:
    """Years of service for LCL 47: whole years, and the remainder as a year or a half (from the data)."""
    service = span(first, last)
    full, months = divmod(service.months, 12)
    from_months, under = int(part.value["year_from_months"]), Decimal(str(part.value["under"]))
    if months >= from_months:
        years, rule = Decimal(full + 1), Text(f"满{from_months}个月按一年计", f"{from_months} months or more count as a year")
    elif months or service.days:
        years = Decimal(full) + under
        rule = Text(f"不满{from_months}个月按 {under} 年计", f"under {from_months} months count as {under} year")
    else:
        years, rule = Decimal(full), Text("整年", "whole years")
    c = cite(LCL47)
    return years, Text(
        f"工作年限 {first} 至 {last}：{full} 年 {months} 个月 {service.days} 天 → {years} 年（{rule.zh}）{c.zh}",
        f"Service {first} to {last}: {full} y {months} m {service.days} d → {years} years ({rule.en}) {c.en}",
    )


def _base(monthly_wage: Any, start: Any, end: Any, region: str | None, avg_wage: Any, min_wage: Any) -> _Base:
    wage = to_money(monthly_wage, "monthly_wage")
    first, last = dates(start, end, ("start", "end"))
    try:
        lcl_p, lcl = lcl_in_force(last)
    except MissingFigureError:
        since = in_force_from("transition.lcl_in_force")
        raise InputError(
            "end", f"on or after {since} ({LCL98}; an earlier ending follows the rules then in force)", str(last)
        ) from None
    region = None if region is None else resolve(region)
    multiple = value_at("severance.cap_multiple", last)
    cap_years = value_at("severance.cap_years", last)
    part = value_at("severance.part_year", last)
    years, step = _years(first, last, part)
    steps = [step]
    min_p, min_note = floor_figure("minimum_wage.monthly", min_wage, "min_wage", last, region, wage)
    avg_p, avg_note = cap_figure("average_wage.monthly", avg_wage, "avg_wage", last, region, wage, multiple.decimal)
    base = wage
    if min_p is not None and wage < min_p.decimal:
        base = min_p.decimal
        steps.append(
            Text(
                f"月工资 {fmt_money(wage)} 低于最低工资 {fmt_money(base)}，按最低工资计{cite(IR27).zh}",
                f"Wage {fmt_money(wage)} is below the minimum wage {fmt_money(base)}: use the minimum {cite(IR27).en}",
            )
        )
    steps += [n for n in (min_note, avg_note) if n is not None]
    if avg_p is not None and wage > (cap := avg_p.decimal * multiple.decimal):
        base = cap
        capped = min(years, cap_years.decimal)
        steps.append(
            Text(
                f"月工资 {fmt_money(wage)} 高于上年度职工月平均工资 {fmt_money(avg_p.decimal)} 的 {multiple.value} 倍"
                f"（{fmt_money(cap)}）：基数封顶为 {fmt_money(cap)}，年限最高 {cap_years.value} 年 → {capped} 年{cite(LCL47).zh}",
                f"Wage {fmt_money(wage)} exceeds {multiple.value} × the prior-year average monthly wage "
                f"{fmt_money(avg_p.decimal)} ({fmt_money(cap)}): base capped at {fmt_money(cap)}, "
                f"years at {cap_years.value} → {capped} {cite(LCL47).en}",
            )
        )
        years = capped
    amount = round_fen(base * years)
    steps.append(Text(f"{fmt_money(base)} × {years} = {fmt_money(amount)}", f"{fmt_money(base)} × {years} = {fmt_money(amount)}"))
    params = (*(p for p in (min_p, avg_p) if p is not None), multiple, cap_years, part)
    return _Base(amount, tuple(steps), params, {"years": years, "base": round_fen(base)}, first, last, region, wage, (lcl_p, lcl))


def severance(
    monthly_wage: Any, start: Any, end: Any, *, region: str | None = None, avg_wage: Any = None, min_wage: Any = None
) -> Result:
    """Economic compensation on termination (LCL 47; LCL-IR 27).

    ``monthly_wage`` is the average of the last 12 months' cash pay; ``end`` is the last
    day of employment (it counts, and every figure is the one in force that day).  One
    month's wage per full year; the remainder counts as a year or half a year as LCL 47
    says.  The wage is raised to the minimum wage; above three times the prior-year
    average monthly wage it is capped at that and the years at twelve.  A regional figure
    that is missing but cannot change the result is not asked for: a step says why.
    """
    b = _base(monthly_wage, start, end, region, avg_wage, min_wage)
    lcl_p, lcl = b.lcl
    warnings = unverified(b.params)
    if b.first < lcl:
        warnings += (
            Text(
                f"工作年限始于{lcl}之前：此前期间的经济补偿按当时的规定执行{cite(LCL97).zh}，本结果按 {LCL47} 计算全部期间，请核对。",
                f"Service began before {lcl}: compensation for the earlier period follows the rules then in force "
                f"{cite(LCL97).en}; this result applies {LCL47} to the whole period, so check it.",
            ),
        )
    return Result(
        amount=b.amount,
        steps=b.steps,
        citations=(LCL47, IR27, LCL46) + ((LCL97,) if b.first < lcl else ()),
        parameters=b.params + ((lcl_p,) if b.first < lcl else ()),
        inputs={"monthly_wage": b.wage, "start": b.first, "end": b.last, "region": b.region},
        warnings=warnings,
        details=b.details,
    )


def unlawful_termination(
    monthly_wage: Any, start: Any, end: Any, *, region: str | None = None, avg_wage: Any = None, min_wage: Any = None
) -> Result:
    """Compensation for unlawful termination: twice the severance standard, none on top (LCL 48, 87; LCL-IR 25).

    Its years count from the first day of work (LCL-IR 25), so service before the Labour
    Contract Law took effect counts in full and the LCL 97 split of severance does not apply.
    """
    # LCL-IR 25 (second sentence) settles review point 12: "赔偿金的计算年限自用工之日起计算".
    # LCL 97 ¶3 limits only economic compensation (经济补偿) to years from 2008-01-01.
    b = _base(monthly_wage, start, end, region, avg_wage, min_wage)
    multiple = value_at("severance.unlawful_multiple", b.last)
    amount = round_fen(b.amount * multiple.decimal)
    lcl = b.lcl[1]
    total = Text(
        f"赔偿金 = 经济补偿 {fmt_money(b.amount)} × {multiple.value} = {fmt_money(amount)}，不再另付经济补偿{cite(LCL87, IR25).zh}",
        f"Compensation = severance {fmt_money(b.amount)} × {multiple.value} = {fmt_money(amount)}; "
        f"no severance on top {cite(LCL87, IR25).en}",
    )
    early = Text(
        f"赔偿金的计算年限自用工之日起计算，{lcl}之前的工作年限也计入{cite(IR25).zh}。",
        f"The years for this compensation count from the first day of work, so service before {lcl} counts too {cite(IR25).en}.",
    )
    steps = (*b.steps, early, total) if b.first < lcl else (*b.steps, total)
    return Result(
        amount=amount,
        steps=steps,
        citations=(LCL87, LCL48, IR25, LCL47),
        parameters=(*b.params, multiple),
        inputs={"monthly_wage": b.wage, "start": b.first, "end": b.last, "region": b.region},
        warnings=unverified(b.params),
        details=b.details,
    )
