"""Where a calculator's figures come from: typed in by the user, the region's figure on the
day of the event, or, when that figure is missing but cannot change the result, a step
that says which figure was not needed and why (using :func:`checkups.figures.bounds`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..figures import bounds
from ..registry import parameter_description, region_name
from ..text import InputError, Text, fmt_money, to_money
from ..timeline import MissingFigureError, ParamValue, parse_date, value_at

__all__ = ["cap_figure", "dates", "event_day", "floor_figure", "given", "lcl_in_force", "regional", "unverified"]

LATEST = dt.date.max  # "the rule as the data last states it": only for callers that give no date (see probation, leave)


def event_day(value: Any, field: str) -> dt.date:
    """The date of the event a calculator is about; required, since no calculator reads the clock."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(field, "the date of the event, such as 2025-06-30", value)
    return parse_date(value, field)


def dates(start: Any, end: Any, names: tuple[str, str]) -> tuple[dt.date, dt.date]:
    """Two dates in order (``end`` on or after ``start``)."""
    first, last = event_day(start, names[0]), event_day(end, names[1])
    if last < first:
        raise InputError(names[1], f"on or after {names[0]} {first.isoformat()}", last.isoformat())
    return first, last


def given(name: str, value: Any, on: dt.date, unit: str) -> ParamValue:
    """A figure the user typed in, shaped like a parameter so traces read the same."""
    return ParamValue(name, to_money(value, name), "given", on, "entered by the user", True, unit)


def regional(name: str, typed: Any, arg: str, on: dt.date, region: str | None) -> ParamValue:
    """The typed figure, else the region's figure on ``on``; a missing one says how to give it."""
    if typed not in (None, ""):
        return given(name, typed, on, "CNY/month")
    try:
        return value_at(name, on, region)
    except MissingFigureError as exc:
        hint = f"{exc.hint}, or give {arg}=…" if exc.hint else f"give {arg}=… or a region that has the figure"
        raise MissingFigureError(name, region, on, hint) from exc


def _where(region: str | None) -> Text:
    if region is None:
        return Text("未选地区", "no region chosen")
    name = region_name(region)
    return Text(name["zh"], name["en"])


def lcl_in_force(on: dt.date) -> tuple[ParamValue, dt.date]:
    """The day the Labour Contract Law took effect (LCL 98), as the figure that states it.

    Raises :class:`MissingFigureError` for a day before it (the law did not apply yet).
    """
    p = value_at("transition.lcl_in_force", on)
    return p, parse_date(p.value)


def floor_figure(
    name: str, typed: Any, arg: str, on: dt.date, region: str | None, wage: Decimal
) -> tuple[ParamValue | None, Text | None]:
    """A floor such as the minimum wage, which matters only when ``wage`` is below it.

    Missing for the region, it cannot matter when ``wage`` is not below the highest value in
    force that day in the region's province (every unit there has one of its tiers), or
    anywhere when no region is given or the province has none: then ``(None, step)``.
    """
    try:
        return regional(name, typed, arg, on, region), None
    except MissingFigureError:
        found = (bounds(name, on, region) if region else None) or bounds(name, on)
        if found is None or wage < Decimal(str(found[1].value)):
            raise
    top, what, where = found[1], parameter_description(name), _where(region)
    scope = ("省内", "in the province") if region and bounds(name, on, region) else ("全国", "anywhere in China")
    return None, Text(
        f"未查到{where.zh}（{on}）适用的{what['zh']}，但它不影响结果：{fmt_money(wage)} 不低于当日{scope[0]}最高的"
        f"{what['zh']} {fmt_money(Decimal(str(top.value)))}（{top.name['zh']}），不会按它调高。",
        f"No {what['en'].lower()} is known for {where.en} on {on}, but it cannot change the result: "
        f"{fmt_money(wage)} is not below the highest one in force {scope[1]} that day, "
        f"{fmt_money(Decimal(str(top.value)))} ({top.name['en']}).",
    )


def cap_figure(
    name: str, typed: Any, arg: str, on: dt.date, region: str | None, wage: Decimal, multiple: Decimal
) -> tuple[ParamValue | None, Text | None]:
    """A figure whose ``multiple`` caps ``wage`` (the average wage), which matters only above the cap.

    Missing for the region, it cannot matter when ``wage`` is not above ``multiple`` × the
    lowest value the kit holds for anywhere in China that day (the most cautious bound it
    has, since it holds figures for some places only): then ``(None, step)``.
    """
    try:
        return regional(name, typed, arg, on, region), None
    except MissingFigureError:
        found = bounds(name, on)
        if found is None or wage > multiple * Decimal(str(found[0].value)):
            raise
    low, what, where = found[0], parameter_description(name), _where(region)
    cap = multiple * Decimal(str(low.value))
    return None, Text(
        f"未查到{where.zh}（{on}）适用的{what['zh']}，但它不影响结果：{fmt_money(wage)} 不高于本工具所存当日全国最低的该项数字"
        f" {fmt_money(Decimal(str(low.value)))}（{low.name['zh']}）的 {multiple} 倍 {fmt_money(cap)}，不会封顶。",
        f"No {what['en'].lower()} is known for {where.en} on {on}, but it cannot change the result: "
        f"{fmt_money(wage)} is not above {multiple} × the lowest such figure the kit holds for anywhere in China "
        f"that day, {fmt_money(Decimal(str(low.value)))} ({low.name['en']}) = {fmt_money(cap)}.",
    )


def unverified(params: tuple[ParamValue, ...]) -> tuple[Text, ...]:
    """A warning for each figure not verified against an official text."""
    return tuple(
        Text(
            f"{parameter_description(p.name)['zh']}（{region_name(p.region)['zh']}，{p.effective} 起）{p.value} "
            f"未经官方文件核实，请核对后再使用，或直接输入数值。来源：{p.source}",
            f"{parameter_description(p.name)['en']} ({region_name(p.region)['en']}, from {p.effective}) {p.value} "
            f"is not verified against an official notice; check it, or enter the figure yourself. Source: {p.source}",
        )
        for p in params
        if not p.verified and p.region != "given"
    )
