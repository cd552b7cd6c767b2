"""The early warning as a standalone, printable HTML page: grade, warnings reached, deadlines
ahead, and every row that could not be audited (line, column, reason in plain words)."""

from __future__ import annotations

from ..instant.messages import column_label, row_message
from ..registry import Citation
from ..report_page import _e, page_end, page_start
from .warning import EarlyWarning

__all__ = ["labels", "to_html", "to_text"]

_L = {
    "title": ("劳动用工风险预警", "Employment risk early warning"),
    "grade": ("风险等级", "Grade"),
    "as_of": ("检查日", "Audit date"),
    "drivers": ("已到达的预警指标", "Warnings reached"),
    "deadlines": ("今后的期限", "Deadlines ahead"),
    "level": ("等级", "Level"),
    "what": ("内容", "What"),
    "who": ("员工", "Employees"),
    "basis": ("依据", "Legal basis"),
    "date": ("日期", "Date"),
    "rejected": ("未能检查的行", "Rows that could not be audited"),
    "row": ("行", "Line"),
    "column": ("列", "Column"),
    "reason": ("原因", "Reason"),
    "none": ("无", "None"),
    "red": ("红色预警", "red"),
    "amber": ("黄色预警", "amber"),
    "high": ("高", "high"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
    "info": ("提示", "information"),
}


def _l(key: str, lang: str) -> str:
    return _L[key][0 if lang == "zh" else 1]


def _grade(w: EarlyWarning, lang: str) -> str:
    """The grade and what it means (only the meaning when there is no grade)."""
    return f"{w.grade} — {w.grade_text.get(lang)}" if w.grade else w.grade_text.get(lang)


def _rejected(w: EarlyWarning, lang: str) -> list[list[str]]:
    """Every rejected row's problem: line, column (as the template heads it) and reason in plain words."""
    return [[str(e.row), column_label(e.column, lang), row_message(e).get(lang)] for e in w.audit.errors]


def labels(citations: tuple[Citation, ...], lang: str) -> str:
    """The citations as a reader names them (《劳动合同法》第10条 / LCL 10), never as raw codes."""
    return ("；" if lang == "zh" else "; ").join(c.label(lang) for c in citations)


def _links(citations: tuple[Citation, ...], lang: str) -> str:
    """The citations as links to their texts at the end of the page (the site's law pages on the site)."""
    links = (f'<a href="#{_e(c.anchor)}">{_e(c.label(lang))}</a>' for c in citations)
    return ("；" if lang == "zh" else "; ").join(links)


def _table(heads: list[str], rows: list[list[str]], lang: str, html: int | None = None) -> str:
    """A table of escaped cells (column ``html`` already HTML)."""
    if not rows:
        return f"<p>{_e(_l('none', lang))}</p>"
    head = "".join(f'<th scope="col">{_e(_l(h, lang))}</th>' for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c if i == html else _e(c)}</td>" for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="warning"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def to_html(w: EarlyWarning, lang: str) -> str:
    """The page; citations are linked with each line and their texts are at the end."""
    meta = [(_l("grade", lang), _grade(w, lang)), (_l("as_of", lang), w.audit.as_of.isoformat())]
    drivers = [
        [
            _l(d.level, lang),
            d.text.get(lang),
            "、".join(d.employees) if lang == "zh" else ", ".join(d.employees),
            _links(d.citations, lang),
        ]
        for d in w.drivers
    ]
    ahead = [
        [d.date.isoformat(), f"{d.summary.get(lang)} — {d.description.get(lang)}", _links(d.citations, lang)] for d in w.deadlines
    ]
    cited = dict.fromkeys((c.law, c.article) for d in (*w.drivers, *w.deadlines) for c in d.citations)
    parts = page_start(_l("title", lang), lang, meta)
    parts += [
        f'<p class="checkup-grade" data-grade="{_e(w.grade or "none")}"><strong>{_e(_l("grade", lang))}: {_e(w.grade or "—")}</strong> {_e(w.grade_text.get(lang))}</p>'
    ]
    parts += [f"<h2>{_e(_l('drivers', lang))}</h2>", _table(["level", "what", "who", "basis"], drivers, lang, 3)]
    parts += [f"<h2>{_e(_l('deadlines', lang))}</h2>", _table(["date", "what", "basis"], ahead, lang, 2)]
    if w.audit.errors:
        parts += [f"<h2>{_e(_l('rejected', lang))}</h2>", _table(["row", "column", "reason"], _rejected(w, lang), lang)]
    parts += page_end(cited, lang)
    return "".join(parts)


def to_text(w: EarlyWarning, lang: str) -> str:
    """The early warning for the terminal: grade, the warnings reached, then one deadline a line."""
    a = w.audit
    lines = [f"{_l('grade', lang)}: {_grade(w, lang)}", f"{_l('as_of', lang)}: {a.as_of}", ""]
    lines.append(_l("drivers", lang) + ":")
    lines += [
        f"  [{_l(d.level, lang)}] {d.text.get(lang)} ({labels(d.citations, lang)}): {', '.join(d.employees)}" for d in w.drivers
    ]
    lines += [] if w.drivers else [f"  {_l('none', lang)}"]
    lines += ["", _l("deadlines", lang) + ":"]
    lines += [f"  {d.date}  {d.summary.get(lang)} ({labels(d.citations, lang)})" for d in w.deadlines]
    lines += [] if w.deadlines else [f"  {_l('none', lang)}"]
    if a.errors:
        lines += ["", _l("rejected", lang) + ":"]
        lines += [f"  {_l('row', lang)} {row}, {column}: {reason}" for row, column, reason in _rejected(w, lang)]
    return "\n".join(lines) + "\n"
