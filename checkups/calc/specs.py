"""The calculator registry: each calculator's name, fields (type, bilingual label, help),
function and defaults, read by the command line, the notebook UI and any other form.

``CALCULATORS`` lists them; :func:`find` looks one up by name or alias;
``Calculator.run(values, region=…, today=…)`` turns what a form or command line gives
(text, booleans, ``None`` or ``""`` for empty) into the function's arguments and calls it.
``today`` is the caller's: a field marked ``today`` takes it when left empty, since no
calculator reads the clock.  ``Calculator.as_dict()`` describes a form as JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..registry import UnknownNameError
from ..text import Text
from .contracts import double_wage
from .hours import overtime_pay
from .leave import annual_leave_days, leave_entitlement, untaken_leave_pay
from .probation import max_probation_months, min_probation_wage, probation_limits
from .social_insurance import social_insurance_arrears
from .termination import severance, unlawful_termination
from .wages import all_in_wage

__all__ = ["CALCULATORS", "Calculator", "Field", "find"]

KINDS = ("money", "number", "date", "bool", "choice", "term")
OPEN_ENDED = {"", "open", "open-ended", "none", "无固定期限"}


@dataclass(frozen=True)
class Field:
    """One input: ``name`` is the function's argument; ``cli`` its command-line name when it differs.

    ``kind``: money, number, date, bool, choice or term (a contract term in months, where
    empty or "open-ended" means an open-ended contract).
    """

    name: str
    kind: str
    label: Text
    help: Text | None = None
    required: bool = False
    positional: bool = False
    default: Any = None
    choices: tuple[tuple[str, Text], ...] = ()
    today: bool = False
    cli: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "label": self.label.as_dict(), "required": self.required}
        if self.help:
            out["help"] = self.help.as_dict()
        if self.default is not None:
            out["default"] = self.default
        if self.choices:
            out["choices"] = [{"value": v, "label": t.as_dict()} for v, t in self.choices]
        if self.today:
            out["default_today"] = True
        return out


@dataclass(frozen=True)
class Calculator:
    """One calculator: what it is called, what it asks for and the function that answers."""

    name: str
    title: Text
    help: Text
    func: Callable[..., Any]
    fields: tuple[Field, ...]
    aliases: tuple[str, ...] = ()
    region: bool = False  # takes the region chosen in the form (region=…)
    ui: bool = True  # shown as a tab of the notebook UI (the others are command-line shortcuts)
    plain: bool = False  # answers a plain number, printed alone on the command line

    def arguments(self, values: Mapping[str, Any], *, region: str | None = None, today: dt.date | None = None) -> dict[str, Any]:
        """The function's keyword arguments from form values (empty values left to the function's defaults)."""
        out: dict[str, Any] = {}
        for f in self.fields:
            value = values.get(f.name)
            if isinstance(value, str):
                value = value.strip()
            if f.kind == "term":
                out[f.name] = None if value is None or str(value).lower() in OPEN_ENDED else value
                continue
            if value in (None, "") or (f.kind == "bool" and not value):
                if f.today and today is not None:
                    out[f.name] = today
                elif f.default is not None:
                    out[f.name] = f.default
                continue
            out[f.name] = bool(value) if f.kind == "bool" else value
        if self.region and region not in (None, "", "national"):
            out["region"] = region
        return out

    def run(self, values: Mapping[str, Any], *, region: str | None = None, today: dt.date | None = None) -> Any:
        """Call the calculator with form values: a Result, a Limit, a tuple of Limits or a number."""
        return self.func(**self.arguments(values, region=region, today=today))

    def as_dict(self) -> dict[str, Any]:
        """The form as JSON-ready data (for a form built elsewhere)."""
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "title": self.title.as_dict(),
            "help": self.help.as_dict(),
            "region": self.region,
            "fields": [f.as_dict() for f in self.fields],
        }


def _f(name: str, kind: str, zh: str, en: str, help_: tuple[str, str] | None = None, **kw: Any) -> Field:
    return Field(name, kind, Text(zh, en), Text(*help_) if help_ else None, **kw)


def _on(
    zh: str = "计算日期",
    en: str = "Date",
    help_: tuple[str, str] = ("事件发生之日（默认今天）", "the date of the event (default today)"),
) -> Field:
    return _f("on", "date", zh, en, help_, today=True)


WAGE = _f(
    "monthly_wage",
    "money",
    "月工资（元）",
    "Monthly wage",
    ("前12个月平均工资", "average monthly wage of the last 12 months"),
    required=True,
    positional=True,
)
AVG = _f(
    "avg_wage",
    "money",
    "上年度月平均工资",
    "Avg. monthly wage",
    ("代替地区数字", "prior-year average monthly wage to use instead of the region's"),
)
MIN = _f("min_wage", "money", "月最低工资", "Min. wage", ("代替地区数字", "monthly minimum wage to use instead of the region's"))
TERMINATION = (
    WAGE,
    _f("start", "date", "入职日期", "Start date", ("用工之日", "first day of employment"), required=True, positional=True),
    _f(
        "end",
        "date",
        "最后工作日",
        "Last day",
        ("最后工作日（计入）", "last day of employment (counts)"),
        required=True,
        positional=True,
    ),
    AVG,
    MIN,
)
OT_HOURS = (
    _f("workday_hours", "number", "工作日加班小时", "Workday OT h"),
    _f("rest_day_hours", "number", "休息日加班小时", "Rest-day OT h"),
    _f("holiday_hours", "number", "法定节假日加班小时", "Holiday OT h"),
)
SYSTEMS = (
    ("standard", Text("标准工时制", "Standard hours")),
    ("comprehensive", Text("综合计算工时工作制", "Comprehensive hours")),
    ("flexible", Text("不定时工作制", "Flexible hours")),
)
PERIODS = (
    ("week", Text("周", "Week")),
    ("month", Text("月", "Month")),
    ("quarter", Text("季", "Quarter")),
    ("year", Text("年", "Year")),
)
TERM = _f(
    "contract_term_months",
    "term",
    "合同期限（月，空=无固定期限）",
    "Term (months; empty = open-ended)",
    ("合同期限（月），或 open-ended", "contract term in months, or 'open-ended'"),
    positional=True,
    cli="term_months",
)
TASK = _f("task_based", "bool", "以完成一定工作任务为期限", "Task-based contract")
PART_TIME = _f("part_time", "bool", "非全日制用工", "Part-time")
POST = _f("post_lowest_wage", "money", "相同岗位最低档工资", "Post's lowest wage grade")
YEARS = _f(
    "cumulative_service_years",
    "number",
    "累计工作年限",
    "Years of work",
    ("累计工作年限", "cumulative years of work"),
    required=True,
    positional=True,
    cli="years",
)
CONTRACT_WAGE = _f("contract_wage", "money", "约定工资", "Agreed wage", required=True, positional=True)

CALCULATORS: tuple[Calculator, ...] = (
    Calculator("severance", Text("经济补偿", "Severance"), Text("解除或终止劳动合同的经济补偿", "economic compensation on termination (LCL 47)"), severance, TERMINATION, ("sev",), region=True),
    Calculator("unlawful_termination", Text("违法解除赔偿金", "Unlawful termination"), Text("违法解除或终止劳动合同的赔偿金", "compensation for unlawful termination (LCL 87)"), unlawful_termination, TERMINATION, ("unlawful-termination",), region=True),
    Calculator(
        "double_wage", Text("二倍工资", "Double wage"), Text("未订立书面劳动合同的二倍工资", "double wage without a written contract (LCL 82)"), double_wage,
        (
            WAGE,
            _f("hire_date", "date", "入职日期", "Hire date", required=True, positional=True),
            _f("signed_date", "date", "签订日期", "Signed on", ("签订书面合同之日（未签则空）", "date the contract was signed (omit: never)"), positional=True),
            _f("as_of", "date", "计算至", "As of", ("检查日（默认今天）", "audit date (default today)"), today=True),
            PART_TIME,
        ),
        ("double-wage",),
    ),
    Calculator(
        "overtime_pay", Text("加班费", "Overtime pay"), Text("按工时制度计算加班费", "overtime pay by hours system (LL 44; WPR 13)"), overtime_pay,
        (
            _f("hourly_wage", "money", "小时工资", "Hourly wage", ("小时工资，或填月工资按月计薪小时折算", "hourly wage, or give the monthly wage to convert (WTC 2)"), positional=True),
            _f("monthly_wage", "money", "月工资（元）", "Monthly wage", ("按月计薪小时折算为小时工资", "converted to an hourly wage by the paid hours a month (WTC 2)")),
            _f("hours_system", "choice", "工时制度", "Hours system", default="standard", choices=SYSTEMS),
            *OT_HOURS,
            _f("worked_hours", "number", "周期内工作小时（综合工时）", "Hours worked in the period", ("综合计算工时：周期内实际工作小时，不含法定节假日", "comprehensive hours: hours worked in the period, holidays apart")),
            _f("standard_hours", "number", "周期标准工时（综合工时）", "Standard hours of the period", ("综合计算工时：周期的标准工时", "comprehensive hours: the period's standard hours")),
            _f("period", "choice", "计算周期（综合工时）", "Period", default="month", choices=PERIODS),
            _on("加班日期", "Date of the overtime"),
        ),
        ("overtime-pay", "overtime"),
    ),
    Calculator(
        "all_in_wage", Text("包薪制工资", "All-in wage"), Text("含加班费的约定工资：拆分并检验最低工资", "an all-in wage split into normal pay and overtime, with the minimum-wage test"), all_in_wage,
        (
            _f("monthly_wage", "money", "约定月工资（含加班费）", "Agreed monthly wage (overtime included)", required=True, positional=True),
            *OT_HOURS,
            MIN,
            _f("employee_contributions", "money", "个人缴纳社保公积金", "Employee's own contributions"),
            _on("工资所属月份的日期", "Date in the pay month"),
        ),
        ("all-in-wage",),
        region=True,
    ),
    Calculator(
        "leave_entitlement", Text("年休假天数", "Annual leave"), Text("带薪年休假天数，入职或离职当年折算", "paid annual leave, pro rata in the year of joining or leaving (PAL 3; PAL-IM 5, 12)"), leave_entitlement,
        (
            YEARS,
            _f("joined", "date", "本年入职日期", "Joined this year on"),
            _f("left", "date", "离职日期", "Left on"),
            _f("taken", "number", "本年已休天数", "Days already taken"),
            _on(),
        ),
        ("leave-entitlement",),
    ),
    Calculator(
        "untaken_leave_pay", Text("未休年休假工资", "Untaken leave pay"), Text("应休未休年休假工资报酬", "pay for untaken annual leave (PAL-IM 10, 11)"), untaken_leave_pay,
        (
            _f("monthly_wage", "money", "月平均工资（前12个月，不含加班工资）", "Monthly average (12 months, no overtime)", required=True, positional=True),
            _f("days", "number", "未休天数", "Untaken days", required=True, positional=True),
            _f("refused_in_writing", "bool", "职工本人书面提出不休", "Employee refused in writing"),
            _on("支付日期", "Date of payment"),
        ),
        ("untaken-leave-pay",),
    ),
    Calculator(
        "probation_limits", Text("试用期", "Probation"), Text("试用期最长期限和最低工资", "longest probation and lowest probation wage (LCL 19, 20)"), probation_limits,
        (TERM, _f("contract_wage", "money", "约定工资", "Agreed wage"), MIN, POST, TASK, PART_TIME, _on()),
        ("probation-limits",),
        region=True,
    ),
    Calculator(
        "social_insurance_arrears", Text("社保欠费", "Social-insurance arrears"), Text("欠缴社会保险费、滞纳金和罚款幅度", "unpaid contributions, late fee and the fine range (SIL 86)"), social_insurance_arrears,
        (
            _f("contributions", "money", "欠缴金额", "Unpaid contributions", required=True, positional=True),
            _f("due_date", "date", "应缴期限", "Due by", ("应缴纳的最后一日", "the last day to pay"), required=True, positional=True),
            _on("缴纳或检查日", "Paid or audit date"),
        ),
        ("si-arrears", "social-insurance-arrears"),
    ),
    Calculator("annual_leave_days", Text("年休假天数", "Annual leave days"), Text("全年带薪年休假天数", "annual leave days a year (PAL 3)"), annual_leave_days, (YEARS, _on()), ("annual-leave-days", "annual-leave"), ui=False, plain=True),
    Calculator("max_probation_months", Text("试用期最长", "Longest probation"), Text("试用期最长月数", "longest probation in months (LCL 19)"), max_probation_months, (TERM, TASK, PART_TIME, _on()), ("max-probation-months", "probation"), ui=False, plain=True),
    Calculator("min_probation_wage", Text("试用期最低工资", "Lowest probation wage"), Text("试用期工资下限", "lowest probation wage (LCL 20)"), min_probation_wage, (CONTRACT_WAGE, MIN, POST, _on()), ("min-probation-wage",), region=True, ui=False, plain=True),
)  # fmt: skip


def find(name: str) -> Calculator:
    """A calculator by name or alias."""
    for c in CALCULATORS:
        if name == c.name or name in c.aliases:
            return c
    raise UnknownNameError("calculator", name, [c.name for c in CALCULATORS])
