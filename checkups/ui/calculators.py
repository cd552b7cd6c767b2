"""The statutory calculators as widgets, each showing its steps and citations."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .. import calc
from ..registry import UnknownNameError
from ..text import InputError, fmt_money
from ..timeline import DateError, MissingFigureError
from .common import region_dropdown

PROBLEMS = (InputError, DateError, MissingFigureError, UnknownNameError, ValueError)
LABELS = {
    "monthly_wage": ("月工资（元）", "Monthly wage"),
    "start": ("入职日期", "Start date"),
    "end": ("最后工作日", "Last day"),
    "avg_wage": ("上年度月平均工资", "Avg. monthly wage"),
    "min_wage": ("月最低工资", "Min. wage"),
    "hire_date": ("入职日期", "Hire date"),
    "signed_date": ("签订日期", "Signed on"),
    "as_of": ("计算至", "As of"),
    "hourly_wage": ("小时工资", "Hourly wage"),
    "workday_hours": ("工作日加班小时", "Workday OT h"),
    "rest_day_hours": ("休息日加班小时", "Rest-day OT h"),
    "holiday_hours": ("法定节假日加班小时", "Holiday OT h"),
    "days": ("未休天数", "Untaken days"),
    "years": ("累计工作年限", "Years of work"),
    "term": ("合同期限（月，空=无固定期限）", "Term (months; empty = open-ended)"),
    "contract_wage": ("约定工资", "Agreed wage"),
}


class CalculatorsApp:
    """Build with :func:`calculators_app`; ``widget`` is what the notebook displays."""

    def __init__(self, lang: str = "zh"):
        self.lang = lang
        self.fields: dict[str, dict[str, w.Text]] = {}
        self.outputs: dict[str, w.HTML] = {}
        self.region = region_dropdown(lang)
        specs: list[tuple[str, str, str, list[str], Callable[[dict[str, str]], Any]]] = [
            ("severance", "经济补偿", "Severance", ["monthly_wage", "start", "end", "avg_wage", "min_wage"],
             lambda v: calc.severance(v["monthly_wage"], v["start"], v["end"], region=self._region(), avg_wage=v["avg_wage"] or None, min_wage=v["min_wage"] or None)),
            ("unlawful_termination", "违法解除赔偿金", "Unlawful termination", ["monthly_wage", "start", "end", "avg_wage", "min_wage"],
             lambda v: calc.unlawful_termination(v["monthly_wage"], v["start"], v["end"], region=self._region(), avg_wage=v["avg_wage"] or None, min_wage=v["min_wage"] or None)),
            ("double_wage", "二倍工资", "Double wage", ["monthly_wage", "hire_date", "signed_date", "as_of"],
             lambda v: calc.double_wage(v["monthly_wage"], v["hire_date"], v["signed_date"] or None, as_of=v["as_of"] or None)),
            ("overtime_pay", "加班费", "Overtime pay", ["hourly_wage", "workday_hours", "rest_day_hours", "holiday_hours"],
             lambda v: calc.overtime_pay(v["hourly_wage"], workday_hours=v["workday_hours"] or 0, rest_day_hours=v["rest_day_hours"] or 0, holiday_hours=v["holiday_hours"] or 0)),
            ("untaken_leave_pay", "年休假", "Annual leave", ["years", "monthly_wage", "days"], self._leave),
            ("probation", "试用期", "Probation", ["term", "contract_wage", "min_wage"], self._probation),
        ]  # fmt: skip
        tabs, titles = [], []
        for key, zh, en, names, func in specs:
            inputs = {
                n: w.Text(description=LABELS[n][0 if lang == "zh" else 1], style={"description_width": "12em"}) for n in names
            }
            self.fields[key] = inputs
            out = self.outputs[key] = w.HTML()
            button = w.Button(description="计算" if lang == "zh" else "Compute", button_style="primary")
            button.on_click(lambda _b, k=key, f=func: self.compute(k, f))
            tabs.append(w.VBox([*inputs.values(), button, out]))
            titles.append(zh if lang == "zh" else en)
        self.funcs = {s[0]: s[4] for s in specs}
        self.tabs = w.Tab(children=tabs, titles=tuple(titles))
        self.widget = w.VBox([self.region, self.tabs])

    def _region(self) -> str | None:
        return None if self.region.value == "national" else self.region.value

    def set(self, key: str, **values: Any) -> None:
        for name, value in values.items():
            self.fields[key][name].value = "" if value is None else str(value)

    def run(self, key: str) -> Any:
        return self.compute(key, self.funcs[key])

    def compute(self, key: str, func: Callable[[dict[str, str]], Any]) -> Any:
        values = {n: f.value.strip() for n, f in self.fields[key].items()}
        try:
            result = func(values)
        except PROBLEMS as exc:
            self.outputs[key].value = f"<p style='color:#b3261e'>{html.escape(str(exc))}</p>"
            return None
        self.outputs[key].value = self._html(result)
        return result

    def _html(self, result: Any) -> str:
        if isinstance(result, _Raw):
            return str(result)
        if isinstance(result, calc.Result):
            steps = "".join(f"<li>{html.escape(s.get(self.lang))}</li>" for s in result.steps)
            warn = "".join(f"<li style='color:#8a5300'>{html.escape(x.get(self.lang))}</li>" for x in result.warnings)
            label = "金额" if self.lang == "zh" else "Amount"
            cites = ", ".join(map(str, result.citations))
            return f"<p><b>{label}: {fmt_money(result.amount)}</b> <small>({cites})</small></p><ol>{steps}</ol><ul>{warn}</ul>"
        return f"<p>{html.escape(str(result))}</p>"

    def _leave(self, v: dict[str, str]) -> Any:
        parts = []
        if v["years"]:
            parts.append(
                ("年休假天数" if self.lang == "zh" else "Leave days") + f": {calc.annual_leave_days(v['years'])} (PAL 3)"
            )
        if v["monthly_wage"] and v["days"]:
            parts.append(self._html(calc.untaken_leave_pay(v["monthly_wage"], v["days"])))
        if not parts:
            raise ValueError(
                "填写累计工作年限，或月工资和未休天数。"
                if self.lang == "zh"
                else "Give the years of work, or the monthly wage and untaken days."
            )
        return _Raw("<br>".join(parts))

    def _probation(self, v: dict[str, str]) -> Any:
        term = v["term"] or None
        parts = [("试用期最长" if self.lang == "zh" else "Longest probation") + f": {calc.max_probation_months(term)} (LCL 19)"]
        if v["contract_wage"] and v["min_wage"]:
            parts.append(
                ("试用期工资不低于" if self.lang == "zh" else "Probation wage at least")
                + f": {fmt_money(calc.min_probation_wage(v['contract_wage'], min_wage=v['min_wage']))} (LCL 20)"
            )
        return _Raw("<br>".join(parts))


class _Raw(str):
    """Already-built HTML."""


def calculators_app(lang: str = "zh") -> CalculatorsApp:
    return CalculatorsApp(lang)
