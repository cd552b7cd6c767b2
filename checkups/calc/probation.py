"""Probation: the longest probation for a contract (LCL 19, 70) and the lowest probation wage
(LCL 20; LCL-IR 15).

LCL 20 gives two limbs joined by "或者": the post's lowest wage grade at this employer (80 % of
it, as LCL-IR 15 reads it) or 80 % of the agreed wage.  Documented choice: meeting either
limb is lawful, so with both known the lowest lawful wage is the lower of the two; a step
names the limb applied and warns that a tribunal may hold the employer to the higher.
Both texts floor it at the local minimum wage.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..regions import resolve
from ..registry import Citation
from ..text import Text, fmt_money, round_fen, to_money, to_number
from ..timeline import ParamValue, parse_date, value_at
from .result import Limit, cite
from .sources import LATEST, event_day, floor_figure, unverified

__all__ = ["max_probation_months", "min_probation_wage", "probation_limits"]

LCL19, LCL20, LCL70, IR15 = Citation("LCL", "19"), Citation("LCL", "20"), Citation("LCL", "70"), Citation("LCL-IR", "15")


def _months(contract_term_months: Any, task_based: bool, part_time: bool, bands: ParamValue) -> tuple[int, Text]:
    if part_time:
        return 0, Text(f"非全日制用工不得约定试用期{cite(LCL70).zh}", f"Part-time work may have no probation {cite(LCL70).en}")
    if task_based:
        return 0, Text(
            f"以完成一定工作任务为期限的劳动合同不得约定试用期{cite(LCL19).zh}",
            f"A contract for the completion of a task may have no probation {cite(LCL19).en}",
        )
    if contract_term_months in (None, ""):
        months = bands.value[-1]["max_months"]
        return months, Text(
            f"无固定期限劳动合同：试用期不得超过 {months} 个月{cite(LCL19).zh}",
            f"An open-ended contract: probation of at most {months} months {cite(LCL19).en}",
        )
    term = to_number(contract_term_months, "contract_term_months")
    months = max(b["max_months"] for b in bands.value if term >= b["term_from_months"])
    return months, Text(
        f"合同期限 {term} 个月：试用期不得超过 {months} 个月{cite(LCL19).zh}",
        f"A contract term of {term} months: probation of at most {months} months {cite(LCL19).en}",
    )


def max_probation_months(contract_term_months: Any, *, task_based: bool = False, part_time: bool = False, on: Any = None) -> int:
    """The longest probation for a contract term in months (``None`` = open-ended) (LCL 19, 70).

    ``on``: the day whose rule applies (without it, the rule as the data last states it).
    """
    bands = value_at("probation.max_months", LATEST if on in (None, "") else parse_date(on))
    return _months(contract_term_months, task_based, part_time, bands)[0]


def _wage_floor(
    contract_wage: Any, min_wage: Any, post_lowest_wage: Any, on: Any, region: str | None
) -> tuple[Decimal, tuple[Text, ...], tuple[ParamValue, ...], tuple[Text, ...]]:
    day = event_day(on, "on")
    wage = to_money(contract_wage, "contract_wage")
    ratio = value_at("probation.wage_ratio_min", day)
    agreed = round_fen(wage * ratio.decimal)
    steps = [
        Text(
            f"约定工资 {fmt_money(wage)} × {ratio.value} = {fmt_money(agreed)}{cite(LCL20).zh}",
            f"Agreed wage {fmt_money(wage)} × {ratio.value} = {fmt_money(agreed)} {cite(LCL20).en}",
        )
    ]
    warnings: tuple[Text, ...] = ()
    lowest = agreed
    if post_lowest_wage not in (None, ""):
        post = round_fen(to_money(post_lowest_wage, "post_lowest_wage") * ratio.decimal)
        lowest = min(agreed, post)
        limb = ("本单位相同岗位最低档工资", "the post's lowest wage grade") if post < agreed else ("约定工资", "the agreed wage")
        steps.append(
            Text(
                f"相同岗位最低档工资 × {ratio.value} = {fmt_money(post)}；两项满足其一即可，取较低者：按{limb[0]}一项 → "
                f"{fmt_money(lowest)}{cite(LCL20, IR15).zh}",
                f"The post's lowest wage grade × {ratio.value} = {fmt_money(post)}; meeting either limb is enough, so the "
                f"lower applies: the limb of {limb[1]} → {fmt_money(lowest)} {cite(LCL20, IR15).en}",
            )
        )
        if post != agreed:
            high = max(agreed, post)
            warnings += (
                Text(
                    f"也有裁判机构要求两项都满足：按较高者则不低于 {fmt_money(high)}。",
                    f"Some tribunals require both limbs: the higher figure would be {fmt_money(high)}.",
                ),
            )
    else:
        steps.append(
            Text(
                "未填相同岗位最低档工资：按约定工资的比例一项计算。",
                "No lowest wage grade of the post given: the agreed-wage limb applies.",
            )
        )
    min_p, note = floor_figure("minimum_wage.monthly", min_wage, "min_wage", day, region, lowest)
    params: tuple[ParamValue, ...] = (ratio,)
    if note is not None:
        steps.append(note)
    else:
        params += (min_p,)
        floor = min_p.decimal
        result = max(lowest, floor)
        steps.append(
            Text(
                f"且不低于最低工资 {fmt_money(floor)}：取较高者 {fmt_money(result)}{cite(LCL20, IR15).zh}",
                f"and not below the minimum wage {fmt_money(floor)}: the higher, {fmt_money(result)} {cite(LCL20, IR15).en}",
            )
        )
        lowest = result
    return round_fen(lowest), tuple(steps), params, warnings + unverified(params)


def min_probation_wage(
    contract_wage: Any, *, min_wage: Any = None, on: Any = None, region: str | None = None, post_lowest_wage: Any = None
) -> Decimal:
    """The lowest lawful probation wage on ``on``: 80 % of the agreed wage (or of the post's
    lowest grade, whichever is lower), and not below the minimum wage (LCL 20; LCL-IR 15)."""
    region = None if region in (None, "") else resolve(region)
    return _wage_floor(contract_wage, min_wage, post_lowest_wage, on, region)[0]


def probation_limits(
    contract_term_months: Any,
    *,
    contract_wage: Any = None,
    min_wage: Any = None,
    post_lowest_wage: Any = None,
    task_based: bool = False,
    part_time: bool = False,
    on: Any = None,
    region: str | None = None,
) -> tuple[Limit, ...]:
    """The longest probation for a contract term (months; ``None`` = open-ended) on ``on``
    (LCL 19, 70) and, given the agreed wage, the lowest probation wage (LCL 20; LCL-IR 15)."""
    day = event_day(on, "on")
    region = None if region in (None, "") else resolve(region)
    bands = value_at("probation.max_months", day)
    months, step = _months(contract_term_months, task_based, part_time, bands)
    out = [
        Limit(
            label=Text("试用期最长", "Longest probation"),
            value=Text(f"{months} 个月", f"{months} months"),
            steps=(step,),
            citations=(LCL70,) if part_time else (LCL19,),
            parameters=(bands,),
            details={"months": months},
        )
    ]
    if contract_wage not in (None, "") and months:
        lowest, steps, params, warnings = _wage_floor(contract_wage, min_wage, post_lowest_wage, day, region)
        out.append(
            Limit(
                label=Text("试用期工资不低于", "Probation wage at least"),
                value=Text(f"{fmt_money(lowest)} 元", f"{fmt_money(lowest)} yuan"),
                steps=steps,
                citations=(LCL20, IR15),
                parameters=params,
                warnings=warnings,
                details={"wage": lowest},
            )
        )
    return tuple(out)
