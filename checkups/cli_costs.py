"""The command line of the cost-benefit estimate and the agency scorecard::

    python -m checkups costs FINDINGS.json --fee N [--subsidy N] [--assume KEY=VALUE ...] [--format text|json|html]
    python -m checkups scorecard FILE.csv|ANSWERS.json [--tier ID=MIN ...] [--format text|json|html|csv]
    python -m checkups scorecard --template > scorecard.csv

Bad input is a :class:`~checkups.errors.CheckupsError` (exit 2 with one line), as everywhere.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .cli_common import read_json
from .errors import CheckupsError, InputError
from .programme import costs, costs_report, scorecard, scorecard_report

__all__ = ["add_commands"]


def _pairs(items: list[str] | None, flag: str) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a dict."""
    found = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(flag, "KEY=VALUE", item)
        found[key.strip()] = value.strip()
    return found


def _write(text: str, args: argparse.Namespace) -> None:
    from .cli import _out, _writable

    _writable(args.output)
    _out(text, args.output)


def cmd_costs(args: argparse.Namespace) -> int:
    given = _pairs(args.assume, "assume")
    for key in ("fee", "subsidy"):
        if getattr(args, key) is not None:
            given[key] = getattr(args, key)
    est = costs.estimate(costs.read_input(read_json(args.findings, "findings"), as_of=args.as_of, region=args.region), given)
    if args.format == "json":
        _write(json.dumps(est.as_dict(), ensure_ascii=False, indent=2) + "\n", args)
    elif args.format == "html":
        _write(costs_report.to_html(est, args.lang), args)
    else:
        _write(costs_report.to_text(est, args.lang), args)
    return 0


def scorecard_input(data: Any, tiers: dict[str, Any] | None = None) -> scorecard.Scorecard:
    """Score answers given as JSON: one agency's row, a list of rows, or a saved
    ``checkups-scorecard/1`` document (``answers``: a row or ``{"agencies": [rows]}``; ``settings.tiers``)."""
    settings: dict[str, Any] = {}
    if isinstance(data, dict) and "answers" in data:
        settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
        data = data["answers"]
    if isinstance(data, dict) and isinstance(data.get("agencies"), list):
        data = data["agencies"]
    rows = [data] if isinstance(data, dict) else data
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise InputError("answers", "an agency's scores (an object), or a list of them", data)
    return scorecard.score_rows(rows, tiers={**(settings.get("tiers") or {}), **(tiers or {})})


def cmd_scorecard(args: argparse.Namespace) -> int:
    if args.template:
        _write(scorecard.template_csv(lang=args.lang), args)
        return 0
    if not args.file:
        raise CheckupsError("give the scorecard file (CSV, .xlsx or JSON), or --template", field="file")
    tiers = _pairs(args.tier, "tier")
    if args.file.lower().endswith(".json"):
        card = scorecard_input(read_json(args.file, "answers"), tiers)
    else:
        card = scorecard.read_csv(args.file, tiers=tiers)
    render = {"json": lambda c, _: json.dumps(c.as_dict(), ensure_ascii=False, indent=2) + "\n"}
    render |= {"html": scorecard_report.to_html, "csv": scorecard_report.to_csv, "text": scorecard_report.to_text}
    _write(render[args.format](card, args.lang), args)
    return 0


def _common(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    p.add_argument("--format", choices=formats, default="text", help="output format (default %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")
    p.add_argument("--output", "-o", help="write to this file instead of standard output")


def add_commands(sub: Any) -> None:
    """The ``costs`` and ``scorecard`` subcommands."""
    p = sub.add_parser("costs", help="cost-benefit estimate of trusteeship from a check-up's findings")
    p.add_argument("findings", help="audit or evaluate --format json output, or questionnaire answers (JSON)")
    p.add_argument("--fee", required=True, help="the yearly trusteeship fee (yuan)")
    p.add_argument("--subsidy", help="the yearly subsidy (yuan; default none)")
    p.add_argument(
        "--assume",
        action="append",
        metavar="KEY=VALUE",
        help="an assumption for every case (share=30%%) or one (share.central=0.3); "
        "keys: fee, subsidy, share, fine_point, disputes_avoided, dispute_cost",
    )
    p.add_argument("--as-of", help="the day answers are evaluated on (answers only; default today)")
    p.add_argument("--region", help="region for the answers' figures (answers only)")
    _common(p, ("text", "json", "html"))
    p.set_defaults(run=cmd_costs)

    p = sub.add_parser("scorecard", help="score trustee agencies (one CSV row or JSON object per agency)")
    p.add_argument("file", nargs="?", help="CSV or .xlsx (one row per agency) or JSON answers")
    p.add_argument("--tier", action="append", metavar="ID=MIN", help="replace a subsidy band's lowest score (full=90)")
    p.add_argument(
        "--template", action="store_true", help="write the template CSV (every column; --lang zh: Chinese headers) and stop"
    )
    _common(p, ("text", "json", "html", "csv"))
    p.set_defaults(run=cmd_scorecard)
