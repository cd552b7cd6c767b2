"""The calculators on the instant page, through the calculator registry
(:data:`checkups.calc.CALCULATORS`): form values → result, steps, citations and the report."""

from __future__ import annotations

from typing import Any

from .. import calc
from ..calc_report import Calculation, to_html
from ..registry import UnknownNameError
from ..text import InputError, Text
from ..timeline import DateError, MissingFigureError
from .common import answer, failure, settings
from .fragment import fragment
from .messages import GENERAL, REQUIRED_FIELD, check_value, error_message

__all__ = ["REPORT", "calculate", "shown_value"]

REPORT = "calculations-report.html"
PROBLEMS = (InputError, DateError, MissingFigureError, UnknownNameError)
YES = Text("是", "yes")


def _empty(f: calc.Field, value: Any) -> bool:
    return value in (None, "", False) or (f.kind == "choice" and value == f.default)


def shown_value(f: calc.Field, value: Any, lang: str) -> str:
    """An entered value as the report lists it."""
    if f.kind == "bool":
        return YES.get(lang)
    if f.kind == "choice":
        return dict(f.choices)[value].get(lang)
    return str(value).strip()


def _bool(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "on", "yes", "1", "是")


def calculate(
    name: str, values: dict[str, Any], region: Any = None, on: Any = None, lang: str = "zh", site_root: str | None = None
) -> dict[str, Any]:
    """Run one calculator of the registry with the page's values (field name → text).

    ``on`` is the page's date: fields that default to the day of the event take it when
    left empty (no calculator reads the clock).  Bad values get a message per field, keyed
    as the page names the field: ``<calculator>.<field>`` (``severance.min_wage``), and
    ``region`` / ``as_of`` for the page's own settings.
    """
    errors: dict[str, Text] = {}
    region_id, day = settings(region, on, errors)
    try:
        spec = calc.find(name)
    except UnknownNameError:
        return failure({}, lang, GENERAL)
    labels = {f.name: f.label for f in spec.fields}
    given: dict[str, Any] = {}
    for f in spec.fields:
        value = values.get(f.name)
        value = value.strip() if isinstance(value, str) else value
        if f.kind == "bool":
            value = _bool(value)
        key = f"{spec.name}.{f.name}"
        if f.required and value in (None, ""):
            errors[key] = REQUIRED_FIELD
            continue
        problem = check_value(f.kind, value, tuple(v for v, _ in f.choices))
        if problem is not None:
            errors[key] = problem
        given[f.name] = value
    if errors or day is None:
        return failure(errors, lang)
    try:
        result = spec.run(given, region=region_id, today=day)
    except PROBLEMS as exc:
        field, message = error_message(exc, labels)
        if field == "region":
            return failure({"region": message}, lang)
        return failure({f"{spec.name}.{field}": message}, lang) if field else failure({}, lang, message)
    outcomes = result if isinstance(result, tuple) else (result,)
    if not all(isinstance(o, (calc.Result, calc.Limit)) for o in outcomes):
        return failure({}, lang, GENERAL)  # a command-line shortcut, not a form of the page
    entered = tuple((f.label, shown_value(f, given[f.name], lang)) for f in spec.fields if not _empty(f, given.get(f.name)))
    report = to_html([Calculation(spec.title, entered, outcomes)], lang, region=region_id, made=day)
    return answer(
        "calculators",
        region_id,
        day,
        calculator=spec.name,
        outcomes=[o.as_dict() for o in outcomes],
        html=fragment(report, site_root, lang),
        report=report,
        filename=REPORT,
    )
