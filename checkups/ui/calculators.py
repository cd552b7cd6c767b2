"""The statutory calculators as widgets, each showing its steps and citations, with a
printable report of every calculation made and the inputs saved in the browser."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .. import calc
from ..calc_report import Calculation, to_html
from ..registry import UnknownNameError
from ..text import InputError, Text, fmt_money
from ..timeline import DateError, MissingFigureError
from .common import data_link, region_dropdown, t
from .saved import SavedAnswers, restore_settings
from .storage import FileStorage

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


Outcome = tuple[calc.Result | calc.Limit, ...]


class CalculatorsApp:
    """Build with :func:`calculators_app`; ``widget`` is what the notebook displays."""

    def __init__(self, lang: str = "zh", *, storage: FileStorage | None = None):
        self.lang = lang
        self.fields: dict[str, dict[str, w.Text]] = {}
        self.outputs: dict[str, w.HTML] = {}
        self.runs: dict[str, Calculation] = {}
        self.region = region_dropdown(lang)
        specs: list[tuple[str, Text, list[str], Callable[[dict[str, str]], Outcome]]] = [
            ("severance", Text("经济补偿", "Severance"), ["monthly_wage", "start", "end", "avg_wage", "min_wage"],
             lambda v: (calc.severance(v["monthly_wage"], v["start"], v["end"], region=self._region(), avg_wage=v["avg_wage"] or None, min_wage=v["min_wage"] or None),)),
            ("unlawful_termination", Text("违法解除赔偿金", "Unlawful termination"), ["monthly_wage", "start", "end", "avg_wage", "min_wage"],
             lambda v: (calc.unlawful_termination(v["monthly_wage"], v["start"], v["end"], region=self._region(), avg_wage=v["avg_wage"] or None, min_wage=v["min_wage"] or None),)),
            ("double_wage", Text("二倍工资", "Double wage"), ["monthly_wage", "hire_date", "signed_date", "as_of"],
             lambda v: (calc.double_wage(v["monthly_wage"], v["hire_date"], v["signed_date"] or None, as_of=v["as_of"] or None),)),
            ("overtime_pay", Text("加班费", "Overtime pay"), ["hourly_wage", "workday_hours", "rest_day_hours", "holiday_hours"],
             lambda v: (calc.overtime_pay(v["hourly_wage"], workday_hours=v["workday_hours"] or 0, rest_day_hours=v["rest_day_hours"] or 0, holiday_hours=v["holiday_hours"] or 0),)),
            ("untaken_leave_pay", Text("年休假", "Annual leave"), ["years", "monthly_wage", "days"], self._leave),
            ("probation", Text("试用期", "Probation"), ["term", "contract_wage", "min_wage"],
             lambda v: calc.probation_limits(v["term"] or None, contract_wage=v["contract_wage"] or None, min_wage=v["min_wage"] or None)),
        ]  # fmt: skip
        self.titles = {key: title for key, title, _, _ in specs}
        self.funcs = {key: func for key, _, _, func in specs}
        tabs = []
        for key, _title, names, _func in specs:
            inputs = {
                n: w.Text(description=LABELS[n][0 if lang == "zh" else 1], style={"description_width": "12em"}) for n in names
            }
            for field in inputs.values():
                field.observe(lambda _: self.saved.save(), names="value")
            self.fields[key] = inputs
            out = self.outputs[key] = w.HTML()
            button = w.Button(description="计算" if lang == "zh" else "Compute", button_style="primary")
            button.on_click(lambda _b, k=key: self.run(k))
            tabs.append(w.VBox([*inputs.values(), button, out]))
        self.tabs = w.Tab(children=tabs, titles=tuple(self.titles[k].get(lang) for k in self.titles))
        self.saved = SavedAnswers(
            lang,
            "calculators",
            "calculator-inputs.json",
            storage=storage,
            get=lambda: {"answers": self.inputs(), "settings": {"region": self.region.value}},
            put=self._put,
            reset=self._reset,
        )
        self.region.observe(lambda _: self.saved.save(), names="value")
        self.report = w.HTML()
        self.widget = w.VBox(
            [
                w.HTML(f"<p><small>{t('privacy', lang)}</small></p>"),
                self.region,
                self.tabs,
                self.report,
                self.saved.buttons,
                self.saved.message,
                self.saved.link,
            ]
        )
        self.saved.restore()

    def _region(self) -> str | None:
        return None if self.region.value == "national" else self.region.value

    def inputs(self) -> dict[str, dict[str, str]]:
        """What has been entered, calculator by calculator (empty fields left out)."""
        out = {}
        for key, fields in self.fields.items():
            given = {n: f.value for n, f in fields.items() if f.value.strip()}
            if given:
                out[key] = given
        return out

    def _put(self, saved: dict[str, Any]) -> None:
        restore_settings(saved["settings"], region=self.region)
        for key, values in saved["answers"].items():
            if key in self.fields and isinstance(values, dict):
                self.set(key, **{n: v for n, v in values.items() if n in self.fields[key]})

    def _reset(self) -> None:
        for key, fields in self.fields.items():
            for field in fields.values():
                field.value = ""
            self.outputs[key].value = ""
        self.runs.clear()
        self.report.value = ""

    def set(self, key: str, **values: Any) -> None:
        for name, value in values.items():
            self.fields[key][name].value = "" if value is None else str(value)

    def run(self, key: str) -> Any:
        """Compute one calculator: its result (the first, if several), or None with a message."""
        values = {n: f.value.strip() for n, f in self.fields[key].items()}
        try:
            outcomes = self.funcs[key](values)
        except PROBLEMS as exc:
            self.outputs[key].value = f"<p style='color:#b3261e'>{html.escape(str(exc))}</p>"
            return None
        self.outputs[key].value = "".join(self._html(o) for o in outcomes)
        entered = tuple((Text(*LABELS[n]), v) for n, v in values.items() if v)
        self.runs[key] = Calculation(self.titles[key], entered, outcomes)
        runs = [self.runs[k] for k in self.titles if k in self.runs]
        report = to_html(runs, self.lang, region=self._region())
        self.report.value = data_link(report, "calculations-report.html", t("report", self.lang), "text/html")
        return outcomes[0]

    def _html(self, outcome: calc.Result | calc.Limit) -> str:
        steps = "".join(f"<li>{html.escape(s.get(self.lang))}</li>" for s in outcome.steps)
        cites = ", ".join(map(str, outcome.citations))
        if isinstance(outcome, calc.Result):
            label, value = ("金额" if self.lang == "zh" else "Amount"), fmt_money(outcome.amount)
            warn = "".join(f"<li style='color:#8a5300'>{html.escape(x.get(self.lang))}</li>" for x in outcome.warnings)
        else:
            label, value, warn = outcome.label.get(self.lang), outcome.value.get(self.lang), ""
        return f"<p><b>{html.escape(label)}: {html.escape(value)}</b> <small>({cites})</small></p><ol>{steps}</ol>" + (
            f"<ul>{warn}</ul>" if warn else ""
        )

    def _leave(self, v: dict[str, str]) -> Outcome:
        out: list[calc.Result | calc.Limit] = []
        if v["years"]:
            out.append(calc.leave_entitlement(v["years"]))
        if v["monthly_wage"] and v["days"]:
            out.append(calc.untaken_leave_pay(v["monthly_wage"], v["days"]))
        if not out:
            raise ValueError(
                "填写累计工作年限，或月工资和未休天数。"
                if self.lang == "zh"
                else "Give the years of work, or the monthly wage and untaken days."
            )
        return tuple(out)


def calculators_app(lang: str = "zh", *, storage_path: str | None = "checkups-calculators.json") -> CalculatorsApp:
    """The calculators, saving what is entered in ``storage_path`` (None: not saved)."""
    return CalculatorsApp(lang, storage=None if storage_path is None else FileStorage(storage_path))
