"""Reports of an audit or a questionnaire: plain text, Markdown and printable HTML (A4).

Each report gives the summary by service area and severity, the money at risk (what is
certainly owed, and the range that may be added), the findings grouped by rule — the
rule's consequence, fix, region condition and citations once, then each employee's
facts, money and computation — the rows that could not be audited, the checks not run
for the region or date, and the text of every cited article.  A rule with more than
:data:`~checkups.report_parts.LIMIT` findings lists that many and points to the full
list (:mod:`checkups.exports`).  ``lang`` is ``zh`` (default) or ``en``.  Text from the
roster or the answers is escaped for each format.  The words and page frame are in
:mod:`checkups.report_page`, the HTML layout in :mod:`checkups.report_html`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import report_parts as parts
from .audit import AuditResult, summarize
from .evaluate import Evaluation
from .findings import explain_all, gc_paused
from .registry import Citation
from .report_html import to_html, write_html
from .report_page import _article_text, _sev, _t
from .text import fmt_money

__all__ = ["to_html", "to_markdown", "to_text", "write_html"]

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _md(text: object) -> str:
    """Text as Markdown shows it literally: punctuation that could make markup backslash-escaped,
    line breaks as spaces (a table cell stays one cell)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def _plain(text: object) -> str:
    """Text for a terminal: control characters (escape sequences, line breaks) shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


@gc_paused()
def to_markdown(result: AuditResult | Evaluation, lang: str = "zh") -> str:
    """The report as Markdown."""
    explain_all(result.findings)
    out = [f"# {_md(parts.title(result, lang))}", ""]
    out += [f"- **{_md(k)}**: {_md(v)}" for k, v in parts.meta(result, lang)] + [""]
    rows, total = parts.summary_rows(result.findings, lang)
    heads = parts.headers(lang)
    out += [f"## {_t('summary', lang)}", "", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    out += ["| " + " | ".join(r) + " |" for r in rows] + ["| " + " | ".join(f"**{c}**" for c in total) + " |", ""]
    for key, notes in (("notices", parts.notices(result, lang)), ("not_run", parts.not_run(result, lang))):
        if notes:
            out += [f"## {_t(key, lang)}", ""] + [f"- {_md(n)}" for n in notes] + [""]
    if isinstance(result, AuditResult) and result.errors:
        out += [f"## {_t('errors', lang)}", "", f"| {_t('row', lang)} | {_t('column', lang)} | {_t('problem', lang)} |"]
        note = parts.errors_note(result.errors, lang, None)
        out += ["|---|---|---|"] + [
            f"| {e.row} | {_md(e.column)} | {_md(e.message)} |" for e in parts.errors_shown(result.errors)
        ]
        out += ([] if note is None else ["", _md(note)]) + [""]
    out += [f"## {_t('findings', lang)}", ""]
    if not result.findings:
        out += [_t("none", lang), ""]
    for number, group in enumerate(parts.groups(result.findings), start=1):
        out += [f"### [{_sev(group.spec.severity, lang)}] {_md(parts.heading(number, group, lang))}", ""]
        out += [f"- **{k}**: {_md(v)}" for k, v in parts.rule_items(group, lang)]
        out += [f"- **{_t('basis', lang)}**: " + _md("; ".join(c.label(lang, long=True) for c in group.spec.citations)), ""]
        if group.cut:
            out += [_md(group.cut_note(lang, None)), ""]
        if not group.per_employee:
            for f in group.findings:
                out += [_md(f.message_in(lang)), ""] + [f"1. {_md(s.get(lang))}" for s in f.trace.steps] + [""]
            continue
        cols = [_t("row", lang), _t("employee", lang), _t("found", lang), _t("amount", lang), _t("how", lang)]
        out += ["| " + " | ".join(cols) + " |", "|---:|---|---|---:|---|"]
        for f in group.shown:
            amount, rng = parts.money_cell(f, lang)
            money = f"{amount} {rng}".strip()
            how = "；".join(_md(s.get(lang)) for s in f.trace.steps)
            who = _md(f.employee_id or "")
            out.append(f"| {f.row or ''} | {who} | {_md(f.message_in(lang))} | {_md(money)} | {how} |")
        out.append("")
    articles = parts.cited(result.findings)
    if articles:
        out += [f"## {_t('articles', lang)}", ""]
        out += [f"- **{_md(Citation(c, n).label(lang, long=True))}** {_md(_article_text(c, n, lang))}" for c, n in articles]
        out += [""]
    out += ["---", "", f"*{_md(_t('disclaimer', lang))}*", ""]
    return "\n".join(out)


@gc_paused()
def to_text(result: AuditResult | Evaluation, lang: str = "zh") -> str:
    """A short plain-text report for the terminal: one line per finding."""
    explain_all(result.findings)
    out = [parts.title(result, lang)]
    out += [f"{k}: {_plain(v)}" for k, v in parts.meta(result, lang)]
    summary = summarize(result.findings)
    out.append(
        f"{_t('findings', lang)}: {summary['findings']} ("
        + ", ".join(f"{_sev(s, lang)} {n}" for s, n in summary["by_severity"].items())
        + f"); {_t('amount', lang)}: {fmt_money(Decimal(summary['amount_at_risk']))}"
        + (f"; {_t('range', lang)}: {parts.span(summary['amount_range'])}" if Decimal(summary["amount_range"]["high"]) else "")
    )
    out += [f"! {_plain(note)}" for note in parts.notices(result, lang)]
    if isinstance(result, AuditResult):
        out += [f"{_t('row', lang)} {e.row}, {_plain(e.column)}: {_plain(e.message)}" for e in result.errors]
    out += [f"- {_plain(n)}" for n in parts.not_run(result, lang)]
    for f in result.findings:
        spec = f.spec
        amount = f" [{fmt_money(f.amount)}]" if f.amount is not None else ""
        amount += f" [+{f.amount_range.show(lang)}]" if f.amount_range is not None else ""
        advice = f" ({_t('advice', lang)})" if spec.advice else ""
        out.append(f"[{_sev(spec.severity, lang)}] {spec.citation} {f.rule}: {_plain(f.message_in(lang))}{amount}{advice}")
    return "\n".join(out) + "\n"
