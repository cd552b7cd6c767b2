"""Command-line tools of the early warning, the portfolio audit and the bureau view:
``warn ROSTER``, ``portfolio DIR`` and ``bureau FILE.json ...`` (see ``checkups.programme``)."""

from __future__ import annotations

import argparse
import json
import sys

from .cli import REGION_HELP, _common, _out, _writable
from .errors import InputError
from .programme import bureau, ics, portfolio, portfolio_report, warning, warning_report
from .timeline import parse_date

__all__ = ["add_commands"]


def _as_of(value: str | None) -> str:
    """The audit date: required, since these tools never read the clock for the day they judge."""
    if value is None:
        raise InputError("--as-of", "the audit date, e.g. --as-of 2025-06-30", None)
    return parse_date(value, "as_of").isoformat()


def cmd_warn(args: argparse.Namespace) -> int:
    _writable(args.output)
    w = warning.warn_roster(args.roster, as_of=_as_of(args.as_of), region=args.region)
    if args.format == "ics" and not w.deadlines:
        print(ics.NO_DEADLINES.get(args.lang), file=sys.stderr)  # no empty calendar (see ics.py)
    elif args.format == "ics":
        _out(ics.to_ics(w.deadlines, w.audit.as_of, args.lang, args.name or ""), args.output)
    elif args.format == "json":
        _out(json.dumps(w.as_dict(), ensure_ascii=False, indent=1) + "\n", args.output)
    else:
        _out(warning_report.to_text(w, args.lang), args.output)
    return 0


def cmd_portfolio(args: argparse.Namespace) -> int:
    _writable(args.output)
    doc = portfolio.portfolio(args.folder, as_of=_as_of(args.as_of), region=args.region, jobs=args.jobs, agency=args.agency)
    if args.format == "json":
        _out(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", args.output)
    elif args.format == "html":
        _out(portfolio_report.to_html(doc, args.lang), args.output)
    else:
        _out(portfolio_report.to_text(doc, args.lang), args.output)
    return 0


def cmd_bureau(args: argparse.Namespace) -> int:
    _writable(args.output)
    doc = bureau.bureau([bureau.load(f) for f in args.files])
    if args.format == "json":
        _out(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", args.output)
    elif args.format == "html":
        _out(bureau.to_html(doc, args.lang), args.output)
    else:
        _out(bureau.to_text(doc, args.lang), args.output)
    return 0


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1 (got {value!r})")
    return n


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``warn``, ``portfolio`` and ``bureau`` to the command line's subcommands."""
    p = sub.add_parser("warn", help="risk early warning of a roster: grade, warnings and the deadlines ahead (text, json, ics)")
    p.add_argument("roster", help="roster file: CSV (UTF-8 or GB18030) or .xlsx")
    p.add_argument("--as-of", help="audit date, e.g. 2025-06-30 (required)")
    p.add_argument("--region", help=REGION_HELP)
    p.add_argument("--name", help="a name for the calendar and its events (e.g. the client's)")
    p.add_argument("--output", "-o", help="write to this file (e.g. deadlines.ics)")
    _common(p, formats=("text", "json", "ics"))
    p.set_defaults(run=cmd_warn)

    p = sub.add_parser("portfolio", help="audit every client roster in a folder (clients.csv beside them gives regions)")
    p.add_argument("folder", help="folder of rosters, one per client (CSV or .xlsx)")
    p.add_argument("--as-of", help="audit date, e.g. 2025-06-30 (required)")
    p.add_argument("--region", help=REGION_HELP + " (for files clients.csv gives none)")
    p.add_argument("--jobs", type=_jobs, default=1, help="audit in this many processes (default 1)")
    p.add_argument("--agency", help="the agency's name in the result (default: the folder's name)")
    p.add_argument("--output", "-o", help="write to this file")
    _common(p, formats=("text", "json", "html"))
    p.set_defaults(run=cmd_portfolio)

    p = sub.add_parser("bureau", help="programme totals from agencies' portfolio JSONs (and scorecards)")
    p.add_argument("files", nargs="+", help="portfolio --format json outputs and scorecard JSONs")
    p.add_argument("--output", "-o", help="write to this file")
    _common(p, formats=("text", "json", "html"))
    p.set_defaults(run=cmd_bureau)
