"""The early warning and the portfolio audit on the instant pages.

``warn``: one roster file's bytes → grade, warnings, deadlines, the printable page and the
calendar (``download``: a file the page offers as is).  ``portfolio``: several roster files
chosen at once, sent as one buffer with their names and sizes (``files``) → one row per
file (a file that cannot be audited keeps its row, with the reason) and the totals.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from ..programme import bureau as programme
from ..programme.deadlines import Deadline
from ..programme.ics import to_ics
from ..programme.portfolio import audit_client, document
from ..programme.portfolio_report import to_html as portfolio_html
from ..programme.warning import warn_roster
from ..programme.warning_report import to_html as warning_html
from ..tables import RosterError
from ..text import Text
from ..timeline import MissingFigureError
from .common import answer, failure, settings
from .fragment import fragment
from .messages import FILE_TYPE, GENERAL, OLD_EXCEL, column_label, file_message, row_message
from .roster import SUFFIXES, _bytes

__all__ = ["bureau", "portfolio", "warn"]

#: the words of these pages' answers, by what they say
SAY = {
    "ics": Text("下载期限日历（.ics，可导入手机或 Outlook）", "Download the deadlines calendar (.ics, for a phone or Outlook)"),
    "no_files": Text("请选择一个或多个名册文件。", "Choose one or more roster files."),
    "no_agency": Text(
        "请填写托管机构名称：人社部门汇总时按机构和客户编号区分各企业。",
        "Enter the agency's name: the bureau tells the enterprises apart by agency and client number.",
    ),
    "json": Text("下载检查结果（JSON，可交人社部门汇总）", "Download the results (JSON, for the bureau's totals)"),
    "no_results": Text("请选择一个或多个结果文件（JSON）。", "Choose one or more result files (JSON)."),
    "not_result": Text(
        "“{name}”不是托管机构导出的批量检查结果或评分结果（JSON 文件）。",
        "“{name}” is not a portfolio audit or scorecard exported by an agency (a JSON file).",
    ),
}


def _file_error(filename: str) -> Text | None:
    name = str(filename).lower()
    if name.endswith(SUFFIXES):
        return None
    return OLD_EXCEL if name.endswith(".xls") else FILE_TYPE


def _reason(exc: Exception, lang: str) -> str:
    """Why a file could not be audited, in plain words of the page's language."""
    return (file_message(exc) if isinstance(exc, RosterError) else GENERAL).get(lang)


def _deadline(d: Deadline, lang: str) -> dict[str, Any]:
    return {"kind": d.kind, "date": d.date.isoformat(), "employee_id": d.employee_id, "summary": d.summary.get(lang)}


def warn(
    data: Any, filename: str = "roster.csv", region: Any = None, as_of: Any = None, lang: str = "zh", site_root: str | None = None
) -> dict[str, Any]:
    """Grade one roster and list its deadlines; a file or setting that cannot be used gets a plain message."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    if problem := _file_error(filename):
        errors["file"] = problem
    if errors or day is None:
        return failure(errors, lang)
    try:
        w = warn_roster(_bytes(data), as_of=day, region=region_id)
    except RosterError as exc:
        return failure({"file": file_message(exc)}, lang)
    except MissingFigureError:
        return failure({}, lang, GENERAL)
    report = warning_html(w, lang)
    return answer(
        "early-warning",
        region_id,
        day,
        grade=w.grade,
        drivers=[d.id for d in w.drivers],
        deadlines=[_deadline(d, lang) for d in w.deadlines],
        rows=w.audit.rows,
        audited=w.audit.audited,
        row_errors=[
            {"row": e.row, "column": column_label(e.column, lang), "message": row_message(e).get(lang)} for e in w.audit.errors
        ],
        html=fragment(report, site_root, lang),
        report=report,
        filename="early-warning.html",
        download=_calendar(w.deadlines, day, lang, filename),
    )


def _calendar(ahead: tuple[Deadline, ...], day: Any, lang: str, filename: str) -> dict[str, str] | None:
    """The calendar the page offers, named for the roster's file (so two clients' events keep apart); none without a deadline."""
    if not ahead:
        return None
    name = str(filename).replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return {
        "filename": f"deadlines-{name}.ics" if name else "deadlines.ics",
        "type": "text/calendar",
        "text": to_ics(ahead, day, lang, name).decode("utf-8"),
        "label": SAY["ics"].get(lang),
    }


def portfolio(
    data: Any,
    files: list | None = None,
    region: Any = None,
    as_of: Any = None,
    lang: str = "zh",
    site_root: str | None = None,
    agency: str | None = None,
) -> dict[str, Any]:
    """Audit each of the files chosen at once (``files``: [{name, size}] in the order of ``data``);
    ``download`` is the portfolio JSON (named for ``agency``, required: the bureau view matches
    clients by agency and client number) the bureau page totals."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    if not files:
        errors["file"] = SAY["no_files"]
    if not str(agency or "").strip():
        errors["agency"] = SAY["no_agency"]
    if errors or day is None:
        return failure(errors, lang)
    clients = []
    for name, chunk in _split(data, files):
        problem = _file_error(name)
        if problem:
            clients.append(
                {
                    "file": name,
                    "client_id": name.rsplit(".", 1)[0],
                    "client_name": None,
                    "region": region_id,
                    "status": "failed",
                    "reason": problem.get(lang),
                }
            )
        else:
            clients.append(audit_client(chunk, name, day, region_id, explain=lambda exc: _reason(exc, lang)))
    doc = document(clients, day, region_id, str(agency).strip())
    report = portfolio_html(doc, lang)
    saved = {"filename": "portfolio.json", "type": "application/json", "label": SAY["json"].get(lang)}
    saved["text"] = json.dumps(doc, ensure_ascii=False, indent=1)
    summary = [{k: c.get(k) for k in ("file", "status", "reason", "rows", "audited", "rejected", "grade")} for c in clients]
    return answer(
        "portfolio",
        region_id,
        day,
        clients=summary,
        totals=doc["totals"],
        html=fragment(report, site_root, lang),
        report=report,
        filename="portfolio.html",
        download=saved,
    )


def _split(data: Any, files: list) -> list[tuple[str, bytes]]:
    """The files chosen at once: one buffer cut by each file's size, in order."""
    buffer, offset, out = _bytes(data), 0, []
    for f in files:
        size = int(f["size"])
        out.append((str(f["name"]), buffer[offset : offset + size]))
        offset += size
    return out


def bureau(
    data: Any, files: list | None = None, lang: str = "zh", site_root: str | None = None, **_settings: Any
) -> dict[str, Any]:
    """The programme's totals from the portfolio and scorecard files chosen at once."""
    if not files:
        return failure({"file": SAY["no_results"]}, lang)
    docs = []
    for name, chunk in _split(data, files):
        try:
            docs.append(programme.parse(chunk, name))
        except InputError:
            wrong = Text(SAY["not_result"].zh.format(name=name), SAY["not_result"].en.format(name=name))
            return failure({"file": wrong}, lang)
    doc = programme.bureau(docs)
    report = programme.to_html(doc, lang)
    return {"ok": True, "kind": "bureau", "totals": doc["totals"], "subsidy_tiers": doc["subsidy_tiers"], "not_scored": doc["not_scored"],
            "html": fragment(report, site_root, lang), "report": report, "filename": "programme.html"}  # fmt: skip
