"""Money at risk of a questionnaire finding: what is certainly owed, and what may be added.

A rule's ``amount`` is a sum of terms, each a money answer × a factor (a number or a
dated parameter) × optionally a number answer (``times``, e.g. days late); its
``amount_range`` is an answer × ``low`` … × ``high`` (a fine or compensation whose size
the authority or a court decides).  A maximum fine is never added to what is owed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .findings import MoneyRange
from .registry import Rule, parameter_description, render_text
from .text import Text, fmt_money, round_fen
from .timeline import MissingFigureError, ParamValue, value_at

__all__ = ["amounts", "figure_missing", "show_answer", "value"]

_OWED = Text("涉及金额", "Money at risk")


def value(spec: Any, as_of: dt.date, region: str | None, used: list[ParamValue]) -> Any:
    """A literal from the YAML as a ``Decimal`` (or bool), or a parameter's value on the day."""
    if isinstance(spec, dict) and "param" in spec:
        param = value_at(spec["param"], as_of, region)
        used.append(param)
        return param.decimal
    if isinstance(spec, bool) or spec is None:
        return spec
    return Decimal(str(spec))


def show_answer(answer: Any, lang: str) -> str:
    """An answer as the user gave it: 是/否, yes/no, or the number."""
    if isinstance(answer, bool):
        return ("是" if answer else "否") if lang == "zh" else ("yes" if answer else "no")
    return f"{answer:,}" if isinstance(answer, Decimal) and answer == answer.to_integral_value() else str(answer)


def figure_missing(exc: MissingFigureError) -> Text:
    """Which figure has no value on the day (its description, never its parameter name)."""
    what = parameter_description(exc.name)
    where = Text("（所选地区）", " in the region chosen") if exc.region not in (None, "national") else Text("", "")
    return Text(
        f"{what['zh']}在 {exc.on.isoformat()}{where.zh} 没有可用的数值",
        f"there is no figure for “{what['en']}” on {exc.on.isoformat()}{where.en}",
    )


def _missing(label: Text, exc: MissingFigureError) -> Text:
    why = figure_missing(exc)
    return Text(f"{label.zh}：{why.zh}，未计入", f"{label.en}: {why.en}, so it is not counted")


def _times(base: Decimal, money: bool) -> str:
    """The base of a range as the user gave it: money to the fen, a count as typed."""
    return fmt_money(base) if money else show_answer(base, "en")


def _term(term: dict, given: dict, as_of: dt.date, region: str | None, used: list) -> tuple[Decimal | None, Text | None]:
    label = Text(**render_text(term["label"])) if "label" in term else _OWED
    base = given.get(term["question"])
    if base is None:
        return None, None
    try:
        factor = value(term.get("factor", 1), as_of, region, used)
    except MissingFigureError as exc:
        return None, _missing(label, exc)
    times = term.get("times")
    if times is None:
        amount = round_fen(base * factor)
        shown = f"{fmt_money(base)}" + ("" if factor == 1 else f" × {factor}")
        return amount, Text(f"{label.zh} {shown} = {fmt_money(amount)}", f"{label.en} {shown} = {fmt_money(amount)}")
    per_day = round_fen(base * factor)
    if times not in given:
        return None, Text(
            f"{label.zh}每日 {fmt_money(base)} × {factor} = {fmt_money(per_day)} 元；未填写天数，未计入。",
            f"{label.en} per day {fmt_money(base)} × {factor} = {fmt_money(per_day)} yuan; the number of days was not given, so it is not counted.",
        )
    amount = round_fen(base * factor * given[times])
    shown = f"{fmt_money(base)} × {factor} × {given[times]}"
    return amount, Text(f"{label.zh} {shown} = {fmt_money(amount)}", f"{label.en} {shown} = {fmt_money(amount)}")


def _range(
    spec: dict, given: dict, money: set[str], as_of: dt.date, region: str | None, used: list
) -> tuple[MoneyRange | None, Text | None]:
    label = Text(**render_text(spec["label"]))
    base = given.get(spec["question"])
    if base is None:
        return None, None
    try:
        low, high = (value(spec[end], as_of, region, used) for end in ("low", "high"))
    except MissingFigureError as exc:
        return None, _missing(label, exc)
    found = MoneyRange(round_fen(base * low), round_fen(base * high), label)
    shown = _times(base, spec["question"] in money)
    return found, Text(
        f"可能另加：{label.zh} {shown} × {low}～{high} = {found.show('zh')}",
        f"Possibly added: {label.en} {shown} × {low}–{high} = {found.show('en')}",
    )


def amounts(
    r: Rule, given: dict, as_of: dt.date, region: str | None, used: list
) -> tuple[Decimal | None, MoneyRange | None, list[Text]]:
    """The money certainly at risk, the range that may be added, and the steps that show both."""
    total, steps = None, []
    for term in r.amount:
        amount, step = _term(term, given, as_of, region, used)
        if step is not None:
            steps.append(step)
        if amount is not None:
            total = amount if total is None else total + amount
    if total is not None and len(r.amount) > 1:
        steps.append(Text(f"确定涉及金额合计 {fmt_money(total)}", f"Money certainly at risk, in total {fmt_money(total)}"))
    money = {q["id"] for q in r.questions if q["type"] == "money"}
    found, step = _range(r.amount_range, given, money, as_of, region, used) if r.amount_range else (None, None)
    if step is not None:
        steps.append(step)
    return total, found, steps
