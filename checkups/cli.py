"""``python -m checkups``: audit a roster, evaluate answers, run a calculator, list the rules.

Exit status: 0 when the command ran (whatever it found); 2 with a one-line reason on
stderr when the input cannot be used.  No traceback reaches the user
(set ``CHECKUPS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from . import calc, figures, report
from .audit import audit_roster
from .evaluate import evaluate
from .registry import UnknownNameError, rules
from .roster import RosterError
from .text import InputError, fmt_money
from .timeline import DateError, MissingFigureError, parse_date

REGION_HELP = "province or city: name (成都, 成都市), id (chengdu) or 6-digit code (510100); default national"
USAGE_ERRORS = (RosterError, InputError, DateError, MissingFigureError, UnknownNameError)

CALCULATORS: dict[str, tuple[str, ...]] = {
    "severance": ("sev",),
    "unlawful_termination": ("unlawful-termination",),
    "double_wage": ("double-wage",),
    "overtime_pay": ("overtime-pay", "overtime"),
    "untaken_leave_pay": ("untaken-leave-pay",),
    "annual_leave_days": ("annual-leave-days", "annual-leave"),
    "max_probation_months": ("max-probation-months", "probation"),
    "min_probation_wage": ("min-probation-wage",),
}


def _out(text: str, path: str | None) -> None:
    if path:
        Path(path).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _render(result: Any, fmt: str, lang: str) -> str:
    if fmt == "json":
        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return report.to_markdown(result, lang)
    if fmt == "html":
        return report.to_html(result, lang)
    return report.to_text(result, lang)


def cmd_audit(args: argparse.Namespace) -> int:
    result = audit_roster(args.roster, as_of=args.as_of, region=args.region, min_wage=args.min_wage, avg_wage=args.avg_wage)
    _out(_render(result, args.format, args.lang), args.output)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    path = Path(args.answers)
    try:
        answers = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise RosterError(f"no such file: {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RosterError(f"{path} is not a JSON file of answers ({exc})") from None
    if isinstance(answers, dict) and isinstance(answers.get("answers"), dict):
        answers = answers["answers"]
    if not isinstance(answers, dict):
        raise RosterError(f"{path} must hold a JSON object of question id → answer")
    result = evaluate(answers, as_of=args.as_of, region=args.region)
    _out(_render(result, args.format, args.lang), args.output)
    return 0


def cmd_calc(args: argparse.Namespace) -> int:
    name = args.calculator
    func = getattr(calc, name)
    if name in ("severance", "unlawful_termination"):
        result = func(args.monthly_wage, args.start, args.end, region=args.region, avg_wage=args.avg_wage, min_wage=args.min_wage)
    elif name == "double_wage":
        result = func(args.monthly_wage, args.hire_date, args.signed_date, as_of=args.as_of)
    elif name == "overtime_pay":
        result = func(
            args.hourly_wage,
            workday_hours=args.workday_hours,
            rest_day_hours=args.rest_day_hours,
            holiday_hours=args.holiday_hours,
        )
    elif name == "untaken_leave_pay":
        result = func(args.monthly_wage, args.days)
    elif name == "annual_leave_days":
        result = func(args.years)
    elif name == "max_probation_months":
        term = None if args.term_months.lower() in ("open", "open-ended", "none", "无固定期限") else args.term_months
        result = func(term, task_based=args.task_based)
    else:
        result = func(args.contract_wage, min_wage=args.min_wage)
    if isinstance(result, calc.Result):
        if args.format == "json":
            _out(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n", None)
        else:
            lines = [s.get(args.lang) for s in result.steps] + [f"! {w.get(args.lang)}" for w in result.warnings]
            lines.append(("金额" if args.lang == "zh" else "Amount") + f": {fmt_money(result.amount)}")
            lines.append(("依据" if args.lang == "zh" else "Citations") + ": " + "; ".join(map(str, result.citations)))
            _out("\n".join(lines) + "\n", None)
    else:
        _out((json.dumps({"result": str(result)}) if args.format == "json" else str(result)) + "\n", None)
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    on = dt.date.today() if args.on is None else parse_date(args.on)
    found = figures.in_force(on, region=args.region, parameter=args.name)
    if args.format == "json":
        _out(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2) + "\n", None)
        return 0
    lines = []
    for f in found:
        value = ("—" if f.value is None else str(f.value)) + ("" if f.value is None else f" {f.unit}")
        flag = "" if f.verified else (" [未核实]" if args.lang == "zh" else " [unverified]")
        basis = f" ({f.basis}, {f.data_year})" if f.basis else ""
        lines.append(f"{f.name[args.lang]}\t{f.level}\t{f.parameter}\t{value}{basis}\t{f.effective}{flag}")
    _out("\n".join(lines) + ("\n" if lines else ""), None)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    found = rules(scope=args.scope, area=args.area)
    if args.format == "json":
        data = [
            {
                "id": r.id,
                "area": r.area,
                "scope": r.scope,
                "severity": r.severity,
                "title": r.title,
                "citations": [str(c) for c in r.citations],
            }
            for r in found
        ]
        _out(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
    else:
        _out(
            "".join(
                f"{r.id}\t{r.scope}\t{r.severity}\t{', '.join(map(str, r.citations))}\t{r.title[args.lang]}\n" for r in found
            ),
            None,
        )
    return 0


def _common(p: argparse.ArgumentParser, *, formats: tuple[str, ...]) -> None:
    p.add_argument("--format", choices=formats, default=formats[0], help="output format (default %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m checkups", description="Labour-law compliance check-ups for micro and small enterprises."
    )
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="audit an employee roster (CSV or XLSX)")
    p.add_argument("roster", help="roster file: CSV (UTF-8 or GB18030) or .xlsx")
    p.add_argument("--as-of", help="audit date, e.g. 2025-06-30 (default today)")
    p.add_argument("--region", help=REGION_HELP)
    p.add_argument("--min-wage", help="monthly minimum wage to use instead of the region's")
    p.add_argument("--avg-wage", help="prior-year average monthly wage to use instead of the region's")
    p.add_argument("--output", "-o", help="write the report to this file")
    _common(p, formats=("text", "json", "markdown", "html"))
    p.set_defaults(run=cmd_audit)

    p = sub.add_parser("evaluate", help="evaluate questionnaire answers (a JSON object of question id → answer)")
    p.add_argument("answers")
    p.add_argument("--as-of")
    p.add_argument("--region", help=REGION_HELP)
    p.add_argument("--output", "-o")
    _common(p, formats=("text", "json", "markdown", "html"))
    p.set_defaults(run=cmd_evaluate)

    p = sub.add_parser("calc", help="run a statutory calculator")
    calcs = p.add_subparsers(dest="calculator", required=True)
    for name, aliases in CALCULATORS.items():
        c = calcs.add_parser(name, aliases=list(aliases), help=(getattr(calc, name).__doc__ or "").splitlines()[0])
        c.set_defaults(calculator=name, run=cmd_calc)
        _common(c, formats=("text", "json"))
        if name in ("severance", "unlawful_termination"):
            c.add_argument("monthly_wage", help="average monthly wage of the last 12 months")
            c.add_argument("start", help="first day of employment")
            c.add_argument("end", help="last day of employment (counts)")
            c.add_argument("--region", help=REGION_HELP)
            c.add_argument("--avg-wage")
            c.add_argument("--min-wage")
        elif name == "double_wage":
            c.add_argument("monthly_wage")
            c.add_argument("hire_date")
            c.add_argument("signed_date", nargs="?", help="date the contract was signed (omit: never)")
            c.add_argument("--as-of", help="audit date (default today)")
        elif name == "overtime_pay":
            c.add_argument("hourly_wage", help="hourly wage (monthly wage ÷ 174)")
            c.add_argument("--workday-hours", default=0)
            c.add_argument("--rest-day-hours", default=0)
            c.add_argument("--holiday-hours", default=0)
        elif name == "untaken_leave_pay":
            c.add_argument("monthly_wage")
            c.add_argument("days")
        elif name == "annual_leave_days":
            c.add_argument("years", help="cumulative years of work")
        elif name == "max_probation_months":
            c.add_argument("term_months", help="contract term in months, or 'open-ended'")
            c.add_argument("--task-based", action="store_true")
        else:
            c.add_argument("contract_wage")
            c.add_argument("--min-wage", required=True)

    p = sub.add_parser("figures", help="list the figures in force (minimum wages, average wages, …)")
    p.add_argument("name", nargs="?", help="one parameter, e.g. minimum_wage.monthly (default: all)")
    p.add_argument("--region", help=REGION_HELP)
    p.add_argument("--on", help="the day, e.g. 2026-12-01 (default today)")
    _common(p, formats=("text", "json"))
    p.set_defaults(run=cmd_figures)

    p = sub.add_parser("rules", help="list the rule catalog")
    p.add_argument("--area")
    p.add_argument("--scope", choices=("company", "employee"))
    _common(p, formats=("text", "json"))
    p.set_defaults(run=cmd_rules)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except USAGE_ERRORS as exc:
        print(f"checkups: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # last line of defence: a bug, reported without a traceback
        if os.environ.get("CHECKUPS_DEBUG"):
            raise
        print(f"checkups: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 1
