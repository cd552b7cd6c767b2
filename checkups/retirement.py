"""The statutory retirement age under the gradual raise from 2025 (RETIRE-D, measures art. 1).

``statutory_retirement(birth_date, group)`` gives the day a person reaches the statutory
retirement age: the original age of the group plus one month of delay for each started
period of art. 1's pace, counted from the reform's first month to the month the original
age is reached, up to the group's target age.  Everything statutory is a dated parameter (``retirement.*``); the
official annex tables are not in the kit, so every answer says it rests on art. 1 alone.

Date convention (the kit's choice, shown in the steps): the statutory age is reached on
the birthday's corresponding day (the month's last day when that month has no such day,
as for people born on 29 February); the official tables list the month, which is that
day's month.  When the pension starts is for the social-insurance agency and is not
computed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .registry import Citation, law
from .text import InputError, Text
from .timeline import DateError, MissingFigureError, ParamValue, add_months, changes, parse_date, value_at

__all__ = ["REMINDER_DAYS", "Retirement", "RetirementReminder", "retirement_reminder", "statutory_retirement"]

# The kit's own reminder window (issue 9: remind 90 days ahead); a product choice, not a legal figure.
REMINDER_DAYS = 90

ORIGINAL, START, PACE, TARGET = (f"retirement.{n}" for n in ("original_age", "reform_start", "delay_pace", "target_age"))
_CHINESE = {"男60": "male_60", "女55": "female_55", "女50": "female_50"}
_PACE_CITE, _ORIGINAL_CITE, _OTHER_RULES_CITE = Citation("RETIRE-D", "1"), Citation("RETIRE-D", "3"), Citation("RETIRE-D", "8")


@dataclass(frozen=True)
class Retirement:
    """When a person reaches the statutory retirement age, and how that was worked out."""

    birth_date: dt.date
    group: str
    date: dt.date
    age_years: int
    age_months: int
    original_age: int
    original_date: dt.date
    delay_months: int
    parameters: tuple[ParamValue, ...]
    citations: tuple[Citation, ...]
    steps: tuple[Text, ...]
    warnings: tuple[Text, ...] = ()

    @property
    def month(self) -> dt.date:
        """The retirement month as the official tables list it (its first day)."""
        return self.date.replace(day=1)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (dates ISO)."""
        return {
            "birth_date": self.birth_date.isoformat(),
            "group": self.group,
            "date": self.date.isoformat(),
            "month": self.month.isoformat()[:7],
            "age": {"years": self.age_years, "months": self.age_months},
            "original_age": self.original_age,
            "original_date": self.original_date.isoformat(),
            "delay_months": self.delay_months,
            "parameters": [
                {
                    "name": p.name,
                    "value": p.value,
                    "effective": p.effective.isoformat(),
                    "source": p.source,
                    "verified": p.verified,
                }
                for p in self.parameters
            ],
            "citations": [str(c) for c in self.citations],
            "steps": [s.as_dict() for s in self.steps],
            "warnings": [w.as_dict() for w in self.warnings],
        }


@dataclass(frozen=True)
class RetirementReminder:
    """Whether the statutory retirement day falls within the reminder window after ``as_of``."""

    retirement: Retirement
    as_of: dt.date
    window_days: int
    days_left: int
    message: Text

    @property
    def due(self) -> bool:
        """The day is within the window (today included)."""
        return 0 <= self.days_left <= self.window_days

    @property
    def reached(self) -> bool:
        """The statutory age was reached before ``as_of``."""
        return self.days_left < 0


def _group(value: Any, known: dict[str, int]) -> str:
    text = "".join(str(value or "").split())
    group = _CHINESE.get(text, text.lower())
    if group not in known:
        names = ", ".join([*known, *_CHINESE])
        raise InputError("retirement_group", f"one of {names}", value)
    return group


def _day(value: Any, field: str) -> dt.date:
    try:
        return parse_date(value)
    except DateError:
        raise InputError(field, "a date such as 1965-01-15 or 1965年1月15日", value) from None


def _months(n: int) -> str:
    return f"{n} month" + ("" if n == 1 else "s")


def _original(birth: dt.date, group: str, on: dt.date | None) -> ParamValue:
    """The original age in force on ``on``, or on the day the person reaches it."""
    if on is not None:
        return value_at(ORIGINAL, on)
    for ordinal in reversed(changes(ORIGINAL)):
        entry = value_at(ORIGINAL, dt.date.fromordinal(ordinal))
        reached = add_months(birth, 12 * entry.value[group])
        if reached >= entry.effective:
            return value_at(ORIGINAL, reached)
    raise MissingFigureError(ORIGINAL, None, birth, "no retirement age is recorded for that time")


def _label(c: Citation) -> Text:
    short = law(c.law)["short"]
    return Text(f"《{short['zh']}》第{c.article}条", f"{short['en']} art. {c.article}")


def _who(group: str, age: int) -> Text:
    if group.startswith("male"):
        return Text("男职工", "men")
    return Text(f"原法定退休年龄为{age}周岁的女职工", f"women whose original retirement age is {age}")


def _ym(day: dt.date) -> Text:
    return Text(f"{day.year}年{day.month}月", f"{day:%Y-%m}")


def _delay(group: str, age: int, original_date: dt.date, read_on: dt.date) -> tuple[int, tuple[ParamValue, ...], Text]:
    """Months of delay under the rules in force on ``read_on``, the figures used, and the step."""
    try:
        start = value_at(START, read_on)
    except MissingFigureError:
        return 0, (), Text(f"{read_on} 时渐进式延迟法定退休年龄尚未施行：按原法定退休年龄。",
                           f"On {read_on} the gradual raise was not yet in force: the original age applies.")  # fmt: skip
    pace, target = value_at(PACE, read_on), value_at(TARGET, read_on)
    first, cite = parse_date(start.value), _label(_PACE_CITE)
    every, cap, goal = pace.value[group], 12 * (target.value[group] - age), target.value[group]
    since = (original_date.year - first.year) * 12 + original_date.month - first.month
    orig, begin = _ym(original_date), _ym(first)
    if since < 0:
        return (
            0,
            (start, pace, target),
            Text(
                f"原退休时间 {orig.zh} 早于渐进式延迟的起算月 {begin.zh}：不延迟（{cite.zh}）。",
                f"The original retirement month {orig.en} is before the raise starts ({begin.en}): no delay ({cite.en}).",
            ),
        )
    period = since // every + 1
    delay = min(period, cap)
    capped = Text("，已达上限", ", the cap") if period >= cap else Text("", "")
    return (
        delay,
        (start, pace, target),
        Text(
            f"原退休时间 {orig.zh} 是自 {begin.zh} 起的第 {since + 1} 个月，落在第 {period} 个“每{every}个月”周期内："
            f"每{every}个月延迟一个月，延迟 {delay} 个月（最多 {cap} 个月，至 {goal} 周岁{capped.zh}）（{cite.zh}）。",
            f"The original retirement month {orig.en} is month {since + 1} counted from {begin.en}, in period {period} of "
            f"{every} months: one month of delay per started period, {_months(delay)} (at most {_months(cap)}, up to age "
            f"{goal}{capped.en}) ({cite.en}).",
        ),
    )


def _caveats() -> list[Text]:
    early, special = _label(_ORIGINAL_CITE), _label(_OTHER_RULES_CITE)
    out = [
        Text(
            f"这是法定退休年龄；{early.zh}允许弹性提前或经协商弹性延迟退休，{special.zh}规定特殊工种等可以提前退休，"
            "国家另有规定的从其规定：这些情形不在本结果内。",
            f"This is the statutory age: {early.en} allows flexible early or (by agreement) later retirement, {special.en} "
            "early retirement for special work types, and other state rules prevail: none of these is in this result.",
        )
    ]
    if not law("RETIRE-D")["text_verified"]:
        out.append(
            Text(
                "官方的延迟法定退休年龄对照表（办法附件）不在本工具中：本结果按办法第一条推算，与已公布的对照表举例一致，"
                "使用前请以官方对照表为准。",
                "The official retirement-age tables (annexes to the measures) are not in the kit: this result is worked "
                "out from art. 1 and matches the published examples of the tables; the official tables prevail.",
            )
        )
    return out


def statutory_retirement(birth_date: Any, group: Any, *, on: Any = None) -> Retirement:
    """The day the statutory retirement age is reached, for ``group`` ``male_60``, ``female_55``
    or ``female_50`` (or 男60, 女55, 女50).

    The law read is the one in force on ``on``; without it, the one in force on the day the
    original age is reached (the law that governs the retirement).
    """
    birth = _day(birth_date, "birth_date")
    day = None if on is None else _day(on, "on")
    group = _group(group, value_at(ORIGINAL, dt.date.fromordinal(changes(ORIGINAL)[-1])).value)
    original = _original(birth, group, day)
    age = original.value[group]
    original_date = add_months(birth, 12 * age)
    who, basis = _who(group, age), _label(_ORIGINAL_CITE)
    first = Text(
        f"出生日期 {birth}，{who.zh}：原法定退休年龄 {age} 周岁（{basis.zh}），按原年龄于 {original_date} 达到。",
        f"Born {birth}, {who.en}: original statutory age {age} ({basis.en}), reached on {original_date}.",
    )
    delay, used, delayed = _delay(group, age, original_date, day or original_date)
    total = 12 * age + delay
    date = add_months(birth, total)
    years, months = divmod(total, 12)
    zh_age = f"{years} 周岁" + (f" {months} 个月" if months else "")
    en_age = f"{years}" + (f" years {_months(months)}" if months else "")
    reached = Text(
        f"法定退休年龄 {zh_age}，于 {date} 达到（出生日的对应日；该月没有对应日的，为该月最后一日），即对照表中的退休时间"
        f" {_ym(date).zh}。本工具以达到法定退休年龄之日为退休日期；养老金从何时起发放，由社会保险经办机构按退休手续确定。",
        f"Statutory retirement age {en_age}, reached on {date} (the birthday's corresponding day, or the month's last "
        f"day when it has none): retirement month {_ym(date).en} in the official tables. The kit takes the day the age "
        "is reached as the retirement date; when the pension starts is for the social-insurance agency.",
    )
    warnings = _caveats()
    if day is not None and (governing := statutory_retirement(birth, group)).date != date:
        warnings.append(
            Text(
                f"以上按 {day} 时施行的规定计算；按达到退休年龄时施行的规定，法定退休日期是 {governing.date}。",
                f"Worked out under the rules in force on {day}; under the rules in force when the age is reached, "
                f"the statutory retirement date is {governing.date}.",
            )
        )
    return Retirement(
        birth_date=birth,
        group=group,
        date=date,
        age_years=years,
        age_months=months,
        original_age=age,
        original_date=original_date,
        delay_months=delay,
        parameters=(original, *used),
        citations=(_PACE_CITE, _ORIGINAL_CITE, _OTHER_RULES_CITE),
        steps=(first, delayed, reached),
        warnings=tuple(warnings),
    )


def retirement_reminder(birth_date: Any, group: Any, as_of: Any, days: Any = None) -> RetirementReminder:
    """Whether the statutory retirement day falls within ``days`` of ``as_of``, today included
    (default :data:`REMINDER_DAYS`, the kit's own window)."""
    window = REMINDER_DAYS if days is None else days
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise InputError("days", "a whole number of days >= 0", days)
    today = _day(as_of, "as_of")
    result = statutory_retirement(birth_date, group)
    left = (result.date - today).days
    when = f"{result.date}"
    if left == 0:
        message = Text(f"今天（{when}）达到法定退休年龄。", f"Reaches the statutory retirement age today ({when}).")
    elif left < 0:
        message = Text(f"已于 {when} 达到法定退休年龄。", f"Reached the statutory retirement age on {when}.")
    elif left <= window:
        message = Text(
            f"将于 {when} 达到法定退休年龄（还有 {left} 天，在本工具 {window} 天的提醒期内），请提前安排。",
            f"Reaches the statutory retirement age on {when} ({left} days away, within the kit's {window}-day "
            "reminder window): plan ahead.",
        )
    else:
        message = Text(f"将于 {when} 达到法定退休年龄（还有 {left} 天）。", f"Reaches the statutory retirement age on {when} ({left} days away).")  # fmt: skip
    return RetirementReminder(result, today, window, left, message)
