"""The roster audit on the instant page: a CSV or XLSX file's bytes → findings per employee,
the rows that could not be audited (by line and column, in plain words) and the report."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..audit import AuditResult, audit_roster
from ..report import to_html
from ..tables import ROSTER_SUFFIXES, RosterError
from ..text import InputError, Text
from ..timeline import MissingFigureError
from .common import answer, compact, failure, settings
from .fragment import fragment
from .messages import FILE_TYPE, GENERAL, OLD_EXCEL, check_value, column_label, expected, file_message, row_message

__all__ = ["REPORT", "SUFFIXES", "ShownError", "audit"]

REPORT = "roster-report.html"
SUFFIXES = ROSTER_SUFFIXES  # as the portfolio audit of a folder


@dataclasses.dataclass(frozen=True, slots=True)
class ShownError:
    """A rejected row as the page and its report show it: the message in the page's language."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def _bytes(data: Any) -> bytes:
    """The file's content, from bytes or a buffer passed in by the browser."""
    if isinstance(data, bytes):
        return data
    to_bytes = getattr(data, "to_bytes", None)  # a JavaScript Uint8Array in Pyodide
    return bytes(to_bytes() if to_bytes else data)


def audit(
    data: Any,
    filename: str = "roster.csv",
    region: Any = None,
    as_of: Any = None,
    lang: str = "zh",
    site_root: str | None = None,
    min_wage: Any = None,
) -> dict[str, Any]:
    """Audit a roster file; a file or setting that cannot be used gets a plain message
    (``errors["file"]``, ``errors["min_wage"]``, …) instead of a result."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    if min_wage not in (None, "") and (problem := check_value("money", min_wage)):
        errors["min_wage"] = problem
    if not str(filename).lower().endswith(SUFFIXES):
        errors["file"] = OLD_EXCEL if str(filename).lower().endswith(".xls") else FILE_TYPE
    if errors or day is None:
        return failure(errors, lang)
    try:
        result = audit_roster(_bytes(data), as_of=day, region=region_id, min_wage=min_wage or None)
    except RosterError as exc:
        return failure({"file": file_message(exc)}, lang)
    except InputError:
        return failure({"min_wage": expected("money")}, lang)
    except MissingFigureError:
        return failure({}, lang, GENERAL)
    shown = [ShownError(e.row, column_label(e.column, lang), row_message(e).get(lang)) for e in result.errors]
    report = to_html(_display(result, shown), lang)
    return answer(
        "roster",
        region_id,
        day,
        rows=result.rows,
        audited=result.audited,
        row_errors=[e.as_dict() for e in shown],
        notices=[n.get(lang) for n in result.notices],
        findings=compact(result.findings),
        summary=result.summary,
        html=fragment(report, site_root, lang),
        report=report,
        filename=REPORT,
    )


def _display(result: AuditResult, shown: list[ShownError]) -> AuditResult:
    """The result as the report shows it: the rejected rows' messages in the page's language."""
    return dataclasses.replace(result, errors=shown)  # type: ignore[arg-type]  # same fields the report reads
