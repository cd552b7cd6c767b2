"""The statutory calculators as widgets, each showing its steps and citations, with a
printable report of every calculation made and the inputs saved in the browser."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as w

from .. import calc
from ..calc_report import Calculation, to_html
from ..registry import UnknownNameError
from ..text import InputError, fmt_money
from ..timeline import DateError, MissingFigureError
from .common import data_link, region_dropdown, t
from .saved import SavedAnswers, restore_settings
from .storage import FileStorage

PROBLEMS = (InputError, DateError, MissingFigureError, UnknownNameError, ValueError)

Outcome = tuple[calc.Result | calc.Limit, ...]


def _widget(f: calc.Field, lang: str) -> w.Widget:
    """The input for one field of the registry: a text box, a tick box or a choice."""
    label = f.label.get(lang)
    if f.kind == "bool":
        return w.Checkbox(value=False, description=label, indent=False)
    if f.kind == "choice":
        options = [(text.get(lang), value) for value, text in f.choices]
        return w.Dropdown(options=options, value=f.default, description=label, style={"description_width": "12em"})
    return w.Text(description=label, style={"description_width": "12em"})


def _blank(f: calc.Field) -> Any:
    return False if f.kind == "bool" else f.default if f.kind == "choice" else ""


class CalculatorsApp:
    """Build with :func:`calculators_app`; ``widget`` is what the notebook displays."""

    def __init__(self, lang: str = "zh", *, storage: FileStorage | None = None):
        self.lang = lang
        self.specs = {spec.name: spec for spec in calc.CALCULATORS if spec.ui}
        self.fields: dict[str, dict[str, w.Widget]] = {}
        self.outputs: dict[str, w.HTML] = {}
        self.runs: dict[str, Calculation] = {}
        self.region = region_dropdown(lang)
        self.titles = {key: spec.title for key, spec in self.specs.items()}
        tabs = []
        for key, spec in self.specs.items():
            inputs = {f.name: _widget(f, lang) for f in spec.fields}
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
            blank = {f.name: _blank(f) for f in self.specs[key].fields}
            given = {n: (f.value.strip() if isinstance(f.value, str) else f.value) for n, f in fields.items()}
            given = {n: v for n, v in given.items() if v != blank[n]}
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
            for f in self.specs[key].fields:
                fields[f.name].value = _blank(f)
            self.outputs[key].value = ""
        self.runs.clear()
        self.report.value = ""

    def set(self, key: str, **values: Any) -> None:
        """Fill in fields of one calculator (``None`` empties a field)."""
        kinds = {f.name: f for f in self.specs[key].fields}
        for name, value in values.items():
            f = kinds[name]
            if f.kind == "bool":
                self.fields[key][name].value = bool(value) and str(value).lower() not in ("false", "0", "no")
            elif f.kind == "choice":
                self.fields[key][name].value = f.default if value in (None, "") else str(value)
            else:
                self.fields[key][name].value = "" if value is None else str(value)

    def run(self, key: str) -> Any:
        """Compute one calculator: its result (the first, if several), or None with a message."""
        spec = self.specs[key]
        values = {n: (f.value.strip() if isinstance(f.value, str) else f.value) for n, f in self.fields[key].items()}
        try:
            result = spec.run(values, region=self._region(), today=dt.date.today())  # the form's default date
        except PROBLEMS as exc:
            self.outputs[key].value = f"<p style='color:#b3261e'>{html.escape(str(exc))}</p>"
            return None
        outcomes: Outcome = result if isinstance(result, tuple) else (result,)
        self.outputs[key].value = "".join(self._html(o) for o in outcomes)
        entered = tuple((f.label, self._shown(f, values[f.name])) for f in spec.fields if values[f.name] != _blank(f))
        self.runs[key] = Calculation(self.titles[key], entered, outcomes)
        runs = [self.runs[k] for k in self.titles if k in self.runs]
        report = to_html(runs, self.lang, region=self._region())
        self.report.value = data_link(report, "calculations-report.html", t("report", self.lang), "text/html")
        return outcomes[0]

    def _html(self, outcome: calc.Result | calc.Limit) -> str:
        steps = "".join(f"<li>{html.escape(s.get(self.lang))}</li>" for s in outcome.steps)
        cites = html.escape(", ".join(map(str, outcome.citations)))
        if isinstance(outcome, calc.Result):
            label, value = ("金额" if self.lang == "zh" else "Amount"), fmt_money(outcome.amount)
        else:
            label, value = outcome.label.get(self.lang), outcome.value.get(self.lang)
        warn = "".join(f"<li style='color:#8a5300'>{html.escape(x.get(self.lang))}</li>" for x in outcome.warnings)
        return f"<p><b>{html.escape(label)}: {html.escape(value)}</b> <small>({cites})</small></p><ol>{steps}</ol>" + (
            f"<ul>{warn}</ul>" if warn else ""
        )

    def _shown(self, f: calc.Field, value: Any) -> str:
        """An entered value as the report shows it."""
        if f.kind == "bool":
            return "是" if self.lang == "zh" else "yes"
        if f.kind == "choice":
            return dict(f.choices)[value].get(self.lang)
        return str(value)


def calculators_app(lang: str = "zh", *, storage_path: str | None = "checkups-calculators.json") -> CalculatorsApp:
    """The calculators, saving what is entered in ``storage_path`` (None: not saved)."""
    return CalculatorsApp(lang, storage=None if storage_path is None else FileStorage(storage_path))
