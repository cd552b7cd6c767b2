"""The roster's columns: names, Chinese headers, kinds and accepted values (the open contract).

A roster may head each column with the English name, the Chinese header or one of the
other accepted headers.  Choice columns take their English codes or Chinese words; yes/no
columns take yes/no, true/false, 1/0 or 是/否.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .text import LARGEST, Text

__all__ = ["CHOICES", "COLUMNS", "MEASURES", "REQUIRED", "Column", "Measure"]


class Column(NamedTuple):
    """One roster column: its kind, Chinese header, other accepted headers and what it holds."""

    kind: str  # text | date | number | choice | bool
    zh: str
    aliases: tuple[str, ...]
    note: Text
    measure: str = ""  # of a number: a key of MEASURES


class Measure(NamedTuple):
    """What a number column accepts: 0 up to ``maximum``; whole numbers only, or any number
    rounded half up to two decimals when read (money to the fen) and then checked."""

    expected: str
    maximum: Decimal
    whole: bool = False  # month counts: a fraction is an error, never truncated


#: number column kinds; the maxima are sanity bounds (the issue's contract), not legal figures
MEASURES: dict[str, Measure] = {
    "money": Measure("an amount in yuan from 0 to 10^12", LARGEST),
    "months": Measure("a whole number of months from 0 to 1200", Decimal(1200), whole=True),
    "week_hours": Measure("a number of hours from 0 to 168 (the hours of a week)", Decimal(7 * 24)),
    "month_hours": Measure("a number of hours from 0 to 744 (the hours of 31 days)", Decimal(31 * 24)),
}


#: choice column → accepted text (lower case) → code
CHOICES: dict[str, dict[str, str]] = {
    "employment_type": {
        "full_time": "full_time",
        "full-time": "full_time",
        "全日制": "full_time",
        "part_time": "part_time",
        "part-time": "part_time",
        "非全日制": "part_time",
        "dispatched": "dispatched",
        "劳务派遣": "dispatched",
        "派遣": "dispatched",
    },
    "retirement_group": {
        "male_60": "male_60",
        "男60": "male_60",
        "female_55": "female_55",
        "女55": "female_55",
        "female_50": "female_50",
        "女50": "female_50",
    },
}
YES = ("yes", "y", "true", "1", "是", "已享受")
NO = ("no", "n", "false", "0", "否", "未享受")

COLUMNS: dict[str, Column] = {
    "employee_id": Column("text", "工号", ("员工编号", "编号", "id"), Text("必填", "required")),
    "name": Column("text", "姓名", ("员工姓名",), Text("", "")),
    "hire_date": Column(
        "date", "入职日期", ("用工日期", "入职时间"), Text("必填；开始用工之日", "required; the day work starts (用工之日)")
    ),
    "employment_type": Column(
        "choice",
        "用工形式",
        ("用工类型",),
        Text(
            "全日制、非全日制或劳务派遣；空白按全日制，但周工时在非全日制上限以内（劳动合同法第六十八条）的按非全日制处理并提示",
            "full_time, part_time or dispatched (全日制, 非全日制, 劳务派遣); empty = full-time, unless weekly hours "
            "are within the part-time limit (LCL 68), then part-time (with a notice)",
        ),
    ),
    "contract_signed_date": Column(
        "date",
        "劳动合同签订日期",
        ("合同签订日期", "签订日期"),
        Text("现行劳动合同的签订日期；空白 = 未签", "the current contract's signing date; empty = none signed"),
    ),
    "first_contract_signed_date": Column(
        "date",
        "首次劳动合同签订日期",
        ("首次签订日期", "首份合同签订日期"),
        Text("第一份劳动合同的签订日期（续签过的员工填写）", "the first contract's signing date (for renewed contracts)"),
    ),
    "contract_term_months": Column(
        "number", "合同期限（月）", ("合同期限", "合同期限月"), Text("空白 = 无固定期限", "empty = open-ended"), measure="months"
    ),
    "probation_months": Column("number", "试用期（月）", ("试用期", "试用期月"), Text("", ""), measure="months"),
    "monthly_wage": Column(
        "number",
        "月工资",
        ("工资", "月薪"),
        Text("正常工作时间工资（不含加班费）", "wage for normal hours (no overtime pay)"),
        measure="money",
    ),
    "hourly_wage": Column(
        "number", "小时工资", ("时薪",), Text("非全日制员工的小时工资", "a part-time worker's hourly wage"), measure="money"
    ),
    "probation_wage": Column("number", "试用期工资", (), Text("", ""), measure="money"),
    "employee_contributions": Column(
        "number",
        "个人缴费",
        ("个人缴纳社保公积金", "个人社保公积金"),
        Text(
            "员工本人每月缴纳的社会保险费和住房公积金合计",
            "the employee's own monthly social-insurance and housing-fund contributions",
        ),
        measure="money",
    ),
    "social_insurance_date": Column(
        "date", "社保参保日期", ("参保日期", "社保日期"), Text("空白 = 未参保", "empty = not registered")
    ),
    "housing_fund_date": Column("date", "公积金缴存日期", ("公积金日期",), Text("空白 = 未缴存", "empty = not registered")),
    "weekly_hours": Column("number", "周工时", ("每周工时",), Text("", ""), measure="week_hours"),
    "overtime_hours_month": Column("number", "月加班小时", ("月加班时间", "加班小时"), Text("", ""), measure="month_hours"),
    "birth_date": Column("date", "出生日期", ("出生年月日",), Text("用于计算法定退休年龄", "for the statutory retirement age")),
    "retirement_group": Column(
        "choice",
        "退休类别",
        ("原法定退休年龄",),
        Text(
            "原法定退休年龄：男60、女55 或 女50",
            "the original statutory age: male_60, female_55 or female_50 (男60, 女55, 女50)",
        ),
    ),
    "receives_pension": Column(
        "bool",
        "已享受养老保险待遇",
        ("已领取养老金", "领取养老金"),
        Text("是否已依法享受基本养老保险待遇（是/否）", "whether the employee already draws the basic pension (yes/no, 是/否)"),
    ),
    "end_date": Column("date", "离职日期", ("离职时间",), Text("最后工作日", "the last day of work")),
}
REQUIRED = ("employee_id", "hire_date")
