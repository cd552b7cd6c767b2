"""Plain-language messages for bad input on the instant check-up pages, in both languages.

The package's errors name fields and expectations the way a programmer reads them
(``'monthly_wage' must be a number >= 0``); a browser user sees instead what to type,
next to the field, in the page's language, with no field, rule or parameter name.
Messages are made from the error's parts (its field, the kind of the field, the value
given) rather than from its English wording, so they hold when that wording changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..columns import CHOICES, COLUMNS
from ..money import figure_missing
from ..registry import UnknownNameError
from ..text import InputError, Text, to_number
from ..timeline import DateError, MissingFigureError, parse_date

__all__ = [
    "GENERAL",
    "NEEDS_FIXING",
    "NEEDS_FIXING_ONE",
    "check_value",
    "column_label",
    "date_message",
    "error_message",
    "expected",
    "figure_message",
    "file_message",
    "input_message",
    "row_message",
    "shown",
]

ECHO = 40  # characters of a typed value repeated in a message

NUMBER = Text("请填写一个不小于 0 的数字，如 6000。", "Enter a number of 0 or more, such as 6000.")
MONTHS = Text(
    "请填写月数（如 36），无固定期限的合同留空。",
    "Enter the number of months (such as 36); leave it empty for an open-ended contract.",
)
PERCENT = Text("请填写百分比，如 12 或 12%。", "Enter a percentage, such as 12 or 12%.")
DATE = Text(
    "请填写日期，如 2025-06-30、2025/6/30 或 2025年6月30日。", "Enter a date such as 2025-06-30, 2025/6/30 or 2025年6月30日."
)
NO_SUCH_DAY = Text("没有这一天，请检查年月日。", "There is no such day: check the year, month and day.")
YES_NO = Text("请选择“是”或“否”。", "Choose yes or no.")
CHOICE = Text("请从列表中选择一项。", "Choose one of the options in the list.")
REQUIRED_FIELD = Text("此项必填。", "This is required.")
REGION = Text(
    "找不到这个地区，请从列表中选择省份和城市。", "This region is not known: choose the province and city from the lists."
)
GENERAL = Text(
    "未能完成计算：输入的内容有问题，请检查后再试。",
    "The check could not be completed: something entered cannot be used; check it and try again.",
)
NEEDS_FIXING = Text("有 {n} 项需要修改，见标出的位置。", "{n} entries need fixing: see the marked fields.")
NEEDS_FIXING_ONE = Text("有 1 项需要修改，见标出的位置。", "1 entry needs fixing: see the marked field.")
FILE_TYPE = Text("只能检查 .csv 或 .xlsx 名册。", "Only .csv and .xlsx rosters can be audited.")
OLD_EXCEL = Text(
    "不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）。",
    "Old Excel (.xls) files are not supported: save the roster as .xlsx or CSV (UTF-8) in Excel.",
)
EMPTY_FILE = Text("文件是空的。", "The file is empty.")
NOT_TEXT = Text(
    "文件不是可读的表格：请另存为 CSV（UTF-8）或 .xlsx。",
    "The file is not a table that can be read: save it as CSV (UTF-8) or .xlsx.",
)
BAD_XLSX = Text(
    "无法打开这个 .xlsx 文件，它可能已损坏：请在 Excel 中重新保存。",
    "This .xlsx file cannot be opened; it may be damaged: save it again in Excel.",
)
NO_HEADER = Text(
    "名册第一行应是列名，至少要有“工号”和“入职日期”两列（可下载模板对照）。",
    "The roster's first row must name the columns, with at least the employee number and the hire date "
    "(headed employee_id and hire_date, or 工号 and 入职日期: compare with the template).",
)
BAD_FILE = Text(
    "这个文件无法作为名册读取：请保存为 CSV（UTF-8）或 .xlsx，第一行为列名（可下载模板对照）。",
    "This file cannot be read as a roster: save it as CSV (UTF-8) or .xlsx with the column names in the first row (compare with the template).",
)


def shown(value: Any) -> str:
    """A typed value as a message repeats it, cut to a readable length."""
    text = str(value).strip()
    return text if len(text) <= ECHO else text[:ECHO] + "…"


def _with_got(message: Text, got: Any) -> Text:
    if got is None or str(got).strip() == "":
        return message
    value = shown(got)
    zh, en = message.zh.removesuffix("。"), message.en.removesuffix(".")
    return Text(f"{zh}（填写的是“{value}”）。", f"{en} (you entered “{value}”).")


def date_message(got: Any) -> Text:
    """Why a typed date cannot be used: not a date, or a day that does not exist."""
    text = str(got).strip()
    if re.fullmatch(r"\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?", text):
        return _with_got(NO_SUCH_DAY, got)
    return _with_got(DATE, got)


def expected(kind: str) -> Text:
    """What a field of ``kind`` takes, in plain words."""
    table = {"money": NUMBER, "number": NUMBER, "percent": PERCENT, "term": MONTHS, "date": DATE, "bool": YES_NO}
    return table.get(kind, CHOICE)


def check_value(kind: str, value: Any, choices: tuple[str, ...] = ()) -> Text | None:
    """The message for a typed value of a field of ``kind``, or None when it can be used.

    Kinds: ``money``, ``number``, ``percent``, ``term`` (months, empty = open-ended),
    ``date``, ``bool``, ``choice`` (one of ``choices``).  Empty values are not judged here.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if kind in ("money", "number"):
            to_number(value, "value")
        elif kind == "percent":
            to_number(str(value).strip().removesuffix("%").removesuffix("％"), "value")
        elif kind == "term":
            if str(value).strip().lower() not in ("open", "open-ended", "none", "无固定期限"):
                to_number(value, "value")
        elif kind == "date":
            parse_date(value)
        elif kind == "bool":
            if not isinstance(value, bool) and str(value).strip().lower() not in (
                "true",
                "false",
                "yes",
                "no",
                "是",
                "否",
                "1",
                "0",
            ):
                return YES_NO
        elif kind == "choice" and choices and str(value) not in choices:
            return CHOICE
    except DateError:
        return date_message(value)
    except InputError:
        return _with_got({"percent": PERCENT, "term": MONTHS}.get(kind, NUMBER), value)
    return None


_AFTER = re.compile(r"^on or after (?:([a-z_]+) )?(\d{4}-\d{2}-\d{2})")


def input_message(exc: InputError, labels: Mapping[str, Text]) -> Text:
    """A calculator's :class:`InputError` in plain words; ``labels`` names the form's fields."""
    expected = str(getattr(exc, "expected", ""))
    after = _AFTER.match(expected)
    if after:
        other, day = after.groups()
        if other in labels:
            name = labels[other]
            return Text(f"应不早于“{name.zh}”（{day}）。", f"Must be on or after “{name.en}” ({day}).")
        return Text(f"应不早于 {day}。", f"Must be on or after {day}.")
    if expected.startswith("given only under"):
        return Text("只在实行综合计算工时工作制时填写。", "Fill this in only under a comprehensive hours system.")
    if expected.startswith("0 under"):
        return Text(
            "这种工时制度下不按工作日或休息日加班计算，请留空。",
            "Under this hours system overtime is not counted by workday or rest day: leave it empty.",
        )
    if "date" in expected:
        return date_message(exc.got) if exc.got not in (None, "") else DATE
    if expected.startswith("one of"):
        return CHOICE
    return _with_got(NUMBER, exc.got)


def figure_message(exc: MissingFigureError, labels: Mapping[str, Text]) -> tuple[str | None, Text]:
    """A figure the data does not hold for the region and day: the field to type it in
    (from the error's hint, when it is one of ``labels``) and what to do."""
    why = figure_missing(exc)
    named = re.search(r"give ([a-z_]+)=", getattr(exc, "hint", "") or "")
    field = named.group(1) if named and named.group(1) in labels else None
    tier = "not confirmed" in (getattr(exc, "hint", "") or "")
    note = (
        Text("（所选城市适用哪一档标准尚未核实）", " (which tier applies in the city chosen is not confirmed)")
        if tier
        else Text("", "")
    )
    if field is None:
        return None, Text(
            f"{why.zh}{note.zh}：请选择有此数字的地区。",
            f"{why.en[0].upper()}{why.en[1:]}{note.en}: choose a region that has it.",
        )
    return field, Text(
        f"{why.zh}{note.zh}：请在此填写当地的数字，或在页首选择城市。",
        f"{why.en[0].upper()}{why.en[1:]}{note.en}: type the local figure here, or choose a city at the top of the page.",
    )


def error_message(exc: Exception, labels: Mapping[str, Text]) -> tuple[str | None, Text]:
    """Any expected error of a calculator as (field or None, plain message)."""
    if isinstance(exc, MissingFigureError):
        return figure_message(exc, labels)
    if isinstance(exc, InputError):
        field = getattr(exc, "field", None)
        return (field if field in labels else None), input_message(exc, labels)
    if isinstance(exc, DateError):
        field = getattr(exc, "field", None)
        return (field if field in labels else None), date_message(getattr(exc, "got", ""))
    if isinstance(exc, UnknownNameError) and getattr(exc, "kind", None) == "region":
        return "region", REGION
    return None, GENERAL


def file_message(exc: Exception) -> Text:
    """Why a file cannot be read as a roster (the package's :class:`RosterError`)."""
    text = str(exc).lower()
    for key, message in (
        (".xls files", OLD_EXCEL),
        ("empty", EMPTY_FILE),
        ("no rows", EMPTY_FILE),
        ("utf-8", NOT_TEXT),
        ("binary", NOT_TEXT),
        (".xlsx file cannot be opened", BAD_XLSX),
        ("header", NO_HEADER),
        ("column", NO_HEADER),
    ):
        if key in text:
            return message
    return BAD_FILE


def column_label(column: str, lang: str) -> str:
    """A roster column as its template heads it: the Chinese header or the English name."""
    entry = COLUMNS.get(column)
    return column if entry is None or lang == "en" else entry.zh


def _row_got(error: Any) -> str | None:
    got = getattr(error, "got", None)
    if got is not None:
        return str(got)
    found = re.search(r"\(got '([^']*)'", str(getattr(error, "message", "")))
    return found.group(1) if found else None


def row_message(error: Any) -> Text:
    """A rejected row's problem (``row``, ``column``, ``message``) in plain words."""
    column = error.column
    raw = str(getattr(error, "message", "")) + " " + str(getattr(error, "expected", ""))
    got = _row_got(error)
    if "has the same employee_id" in raw:  # checkups.roster: "unique: line N has the same employee_id"
        line = re.search(r"line (\d+)", raw)
        where = line.group(1) if line else "?"
        return Text(f"工号与第 {where} 行重复。", f"The same employee number as on line {where}.")
    if "after the audit date" in raw:
        day = re.search(r"audit date (\d{4}-\d{2}-\d{2})", raw)
        return Text(f"晚于检查日 {day.group(1) if day else ''}。", f"After the audit date {day.group(1) if day else ''}.")
    if "on or after hire_date" in raw:
        day = re.search(r"hire_date (\d{4}-\d{2}-\d{2})", raw)
        return Text(f"早于入职日期 {day.group(1) if day else ''}。", f"Before the hire date {day.group(1) if day else ''}.")
    if got is None and ("required" in raw or "empty cell" in raw):
        return Text("此列必填，这一格是空的。", "This column is required and the cell is empty.")
    kind = COLUMNS[column].kind if column in COLUMNS else "text"
    if kind == "date":
        return date_message(got) if got else DATE
    if kind == "number":
        return _with_got(NUMBER, got)
    if kind == "bool":
        return _with_got(Text("应填“是”或“否”。", "Expected yes or no (是/否)."), got)
    if kind == "choice":
        words = CHOICES[column]
        zh = "、".join(w for w in words if not w.isascii())
        en = ", ".join(sorted(set(words.values())))
        return _with_got(Text(f"应为以下之一：{zh}。", f"Expected one of: {en} ({zh})."), got)
    return _with_got(Text("这一格的内容无法使用。", "This cell cannot be used."), got)
