"""``python -m checkups``: audit a roster, evaluate answers, run a calculator, list the rules.

Exit status: 0 when the command ran (whatever it found); 2 with a one-line reason on
stderr when an input file, an argument or the output path cannot be used (any
:class:`~checkups.errors.CheckupsError`); 1 only for a bug.  No traceback reaches the user
(set ``CHECKUPS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import calc, cli_costs, cli_needs, exports, figures, report
from .audit import audit_roster
from .cli_common import read_json
from .errors import CheckupsError, InputError
from .evaluate import evaluate
from .registry import rules
from .text import fmt_money
from .timeline import parse_date

REGION_HELP = "province or city: name (成都, 成都市), id (chengdu) or 6-digit code (510100); default national"


def _writable(path: str | None) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    if not path:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise CheckupsError(f"cannot write the report to {path}: it is a folder", field="output")
    if not folder.is_dir():
        raise CheckupsError(f"cannot write the report to {path}: there is no folder {folder}", field="output")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise CheckupsError(f"cannot write the report to {path}: permission denied", field="output")


def _out(text: str | bytes | Iterable[str], path: str | None) -> None:
    """Write a report (text, pieces of text, or bytes) to ``path`` or standard output."""
    if not path:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    try:
        if isinstance(text, bytes):
            Path(path).write_bytes(text)
            return
        with Path(path).open("w", encoding="utf-8", newline="") as out:
            out.writelines([text] if isinstance(text, str) else text)
    except OSError as exc:
        raise CheckupsError(f"cannot write the report to {path}: {exc.strerror or exc}", field="output") from None


def _render(result: Any, fmt: str, lang: str, path: str | None = None) -> str | bytes | Iterable[str] | None:
    """The report in pieces (JSON and CSV are streamed); None when written already."""
    if fmt == "json":
        return itertools.chain(exports.iter_json(result.as_dict(stream=True)), "\n")
    if fmt == "csv":
        return exports.findings_csv(result.findings, lang)
    if fmt == "xlsx":
        return exports.findings_xlsx(result.findings, lang)
    if fmt == "markdown":
        return report.to_markdown(result, lang)
    if fmt == "html" and path:  # with the full list next to the page when a rule's list is cut
        report.write_html(result, path, lang)
        return None
    if fmt == "html":
        return report.to_html(result, lang)
    return report.to_text(result, lang)


def _report(result: Any, args: argparse.Namespace) -> None:
    """Render and write the report; a path that cannot be written is the user's error (exit 2)."""
    try:
        rendered = _render(result, args.format, args.lang, args.output)
    except OSError as exc:  # the HTML report writes its page (and full lists) itself
        raise CheckupsError(f"cannot write the report to {args.output}: {exc.strerror or exc}", field="output") from None
    if rendered is not None:
        _out(rendered, args.output)


def cmd_audit(args: argparse.Namespace) -> int:
    _writable(args.output)
    result = audit_roster(
        args.roster, as_of=args.as_of, region=args.region, min_wage=args.min_wage, avg_wage=args.avg_wage, sheet=args.sheet
    )
    _report(result, args)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    _writable(args.output)
    path = Path(args.answers)
    answers = read_json(path, "answers", "JSON file of answers")
    if isinstance(answers, dict) and isinstance(answers.get("answers"), dict):
        answers = answers["answers"]
    if not isinstance(answers, dict):
        raise CheckupsError(f"{path} must hold a JSON object of question id → answer", field="answers")
    result = evaluate(answers, as_of=args.as_of, region=args.region)
    _report(result, args)
    return 0


def _calc_lines(outcome: Any, lang: str) -> list[str]:
    if isinstance(outcome, calc.Result):
        lines = [s.get(lang) for s in outcome.steps] + [f"! {w.get(lang)}" for w in outcome.warnings]
        lines.append(("金额" if lang == "zh" else "Amount") + f": {fmt_money(outcome.amount)}")
    else:
        lines = [f"{outcome.label.get(lang)}: {outcome.value.get(lang)}"] + [s.get(lang) for s in outcome.steps]
        lines += [f"! {w.get(lang)}" for w in outcome.warnings]
    lines.append(("依据" if lang == "zh" else "Citations") + ": " + "; ".join(map(str, outcome.citations)))
    return lines


def cmd_calc(args: argparse.Namespace) -> int:
    spec = calc.find(args.calculator)
    values = {f.name: getattr(args, (f.cli or f.name) if f.positional else f.name) for f in spec.fields}
    for f in spec.fields:
        if f.required and str(values[f.name] or "").strip() == "":
            raise InputError(f.name, f"given ({f.label.en})", values[f.name])
    result = spec.run(values, region=getattr(args, "region", None), today=dt.date.today())  # the CLI's default date
    if args.format == "json":
        _out(calc_json(spec, result) + "\n", None)
    elif spec.plain:
        _out(str(result) + "\n", None)
    else:
        outcomes = result if isinstance(result, tuple) else (result,)
        _out("\n".join(line for o in outcomes for line in _calc_lines(o, args.lang)) + "\n", None)
    return 0


def calc_json(spec: calc.Calculator, result: Any) -> str:
    """What ``calc NAME --format json`` prints (``checkups/schemas/calc.schema.json``): a
    Result or Limit as an object, several as a list, a plain number as ``{"result": "…"}``."""
    if spec.plain:
        return json.dumps({"result": str(result)})
    data = [o.as_dict() for o in (result if isinstance(result, tuple) else (result,))]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def _calc_parsers(sub: Any) -> None:
    """One subcommand per calculator of the registry, its arguments generated from the fields."""
    p = sub.add_parser("calc", help="run a statutory calculator")
    calcs = p.add_subparsers(dest="calculator", required=True)
    for spec in calc.CALCULATORS:
        c = calcs.add_parser(spec.name, aliases=list(spec.aliases), help=spec.help.en)
        c.set_defaults(calculator=spec.name, run=cmd_calc)
        _common(c, formats=("text", "json"))
        for f in spec.fields:
            text = f.help.en if f.help else f.label.en
            if f.kind == "choice":
                text += f" (one of {', '.join(v for v, _ in f.choices)}; default {f.default})"
            if f.positional:
                c.add_argument(f.cli or f.name, nargs=None if f.required else "?", help=text)
                continue
            flag = "--" + f.name.replace("_", "-")
            if f.kind == "bool":
                c.add_argument(flag, dest=f.name, action="store_true", help=text)
            else:
                choices = [v for v, _ in f.choices] or None
                c.add_argument(flag, dest=f.name, choices=choices, required=f.required, help=text)
        if spec.region:
            c.add_argument("--region", help=REGION_HELP)


def cmd_figures(args: argparse.Namespace) -> int:
    on = dt.date.today() if args.on is None else parse_date(args.on, "on")
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
    p.add_argument("--sheet", help="the .xlsx sheet to read (default: the first sheet with a roster header)")
    p.add_argument("--output", "-o", help="write the report to this file (html: a long list also to <name>-findings.csv)")
    _common(p, formats=("text", "json", "markdown", "html", "csv", "xlsx"))
    p.set_defaults(run=cmd_audit)

    p = sub.add_parser("evaluate", help="evaluate questionnaire answers (a JSON object of question id → answer)")
    p.add_argument("answers")
    p.add_argument("--as-of")
    p.add_argument("--region", help=REGION_HELP)
    p.add_argument("--output", "-o")
    _common(p, formats=("text", "json", "markdown", "html", "csv", "xlsx"))
    p.set_defaults(run=cmd_evaluate)

    _calc_parsers(sub)

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
    cli_needs.add_commands(sub)
    cli_costs.add_commands(sub)
    from . import cli_warn  # here: it reads this module's helpers

    cli_warn.add_commands(sub)
    return top


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CheckupsError as exc:
        print(f"checkups: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of standard output went away (``| head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # last line of defence: a bug, reported without a traceback
        if os.environ.get("CHECKUPS_DEBUG"):
            raise
        print(f"checkups: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 1
