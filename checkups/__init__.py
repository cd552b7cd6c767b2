"""Labour-law compliance check-ups for China's micro and small enterprises.

Rules, figures and citations live as data in ``checkups/data`` (compiled to
``catalog.json``); this package evaluates them with the standard library only, so it
runs unchanged in CPython and in Pyodide.

>>> from checkups import audit_roster, evaluate, calc
>>> result = audit_roster("samples/roster.csv", as_of="2025-06-30", region="guangzhou")  # doctest: +SKIP
"""

from . import calc, figures, regions, retirement
from .audit import AuditResult, audit_records, audit_roster
from .errors import CheckupsError
from .evaluate import Evaluation, evaluate, questions
from .findings import Finding, Trace
from .registry import Citation, Rule, article, rule, rules
from .report import to_html, to_markdown, to_text
from .roster import COLUMNS, RosterError, read_roster
from .text import InputError, Text
from .timeline import MissingFigureError, value_at

__version__ = "0.1.0"

__all__ = [
    "COLUMNS",
    "AuditResult",
    "CheckupsError",
    "Citation",
    "Evaluation",
    "Finding",
    "InputError",
    "MissingFigureError",
    "RosterError",
    "Rule",
    "Text",
    "Trace",
    "article",
    "audit_records",
    "audit_roster",
    "calc",
    "evaluate",
    "figures",
    "questions",
    "read_roster",
    "regions",
    "retirement",
    "rule",
    "rules",
    "to_html",
    "to_markdown",
    "to_text",
    "value_at",
]
