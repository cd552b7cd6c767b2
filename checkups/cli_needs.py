"""The command line of the needs survey and the agreement builder:

    python -m checkups needs ANSWERS.json [--format text|json|md] [--lang zh|en]
    python -m checkups agreement CHOICES.json [--format html|md|docx] [--lang zh|en] [-o FILE]

``CHOICES.json`` is ``{"areas": [...], "options": [...]}``, a saved ``checkups-agreement/1``
file, or the JSON that ``needs --format json`` writes (its recommended areas)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .cli_common import read_json
from .errors import CheckupsError

__all__ = ["add_commands"]


def cmd_needs(args: argparse.Namespace) -> int:
    from .cli import _out, _writable
    from .programme import needs_report
    from .programme.needs import recommend

    _writable(args.output)
    result = recommend(read_json(args.answers, "answers"))
    render = {
        "json": lambda r, _lang: json.dumps(r.as_dict(), ensure_ascii=False, indent=1) + "\n",
        "md": needs_report.to_markdown,
        "text": needs_report.to_text,
    }[args.format]
    _out(render(result, args.lang), args.output)
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from .cli import _out, _writable
    from .programme import agreement_page
    from .programme.agreement import blocks, build, choices_from
    from .programme.docx import to_docx

    _writable(args.output)
    if args.format == "docx" and not args.output:
        raise CheckupsError("a .docx is written to a file: give -o FILE.docx", field="output")
    agreement = build(*choices_from(read_json(args.choices, "choices")))
    render = {
        "docx": lambda a, lang: to_docx(blocks(a, lang), a.title.get(lang), lang),
        "md": agreement_page.to_markdown,
        "html": agreement_page.to_html,
    }[args.format]
    _out(render(agreement, args.lang), args.output)
    return 0


def add_commands(sub: Any) -> None:
    """Add ``needs`` and ``agreement`` to the command line's subcommands."""
    p = sub.add_parser("needs", help="needs survey: which service areas to entrust, and why")
    p.add_argument("answers", help="JSON file: question id → option id (a list for many-choice questions)")
    p.add_argument("--format", choices=("text", "json", "md"), default="text", help="output format (default %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    p.add_argument("--output", "-o", help="write to this file")
    p.set_defaults(run=cmd_needs)

    p = sub.add_parser("agreement", help="the model trusteeship agreement for chosen service areas")
    p.add_argument("choices", help='JSON file: {"areas": [...], "options": [...]} or the JSON of `needs --format json`')
    p.add_argument("--format", choices=("html", "md", "docx"), default="html", help="output format (default %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    p.add_argument("--output", "-o", help="write to this file (required for docx)")
    p.set_defaults(run=cmd_agreement)
