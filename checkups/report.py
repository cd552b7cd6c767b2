"""Reports of an audit or a questionnaire: plain text, Markdown and printable HTML (A4).

Each report gives the summary by service area and severity, the money at risk (what is
certainly owed, and the range that may be added), every finding with its fix, region
condition and citations (good practice marked as such), the rows that could not be
audited, the checks not run for the region or date, and the text of every cited
article.  ``lang`` is ``zh`` (default) or ``en``.  The words and page frame are in
:mod:`checkups.report_page`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .audit import AuditResult, summarize
from .evaluate import Evaluation
from .findings import Finding
from .registry import SEVERITY_ORDER, Citation, area_name, catalog, parse_cites, rule
from .report_page import (  # noqa: F401  (_cite, meta_table: re-exported, checkups.calc_report imports them from here)
    _article_text,
    _cite,
    _e,
    _region,
    _sev,
    _t,
    _unverified,
    cite_links,
    meta_table,
    page_end,
    page_start,
)
from .text import fmt_money

__all__ = ["to_html", "to_markdown", "to_text"]


def _meta(result: AuditResult | Evaluation, lang: str) -> list[tuple[str, str]]:
    rows = [(_t("as_of", lang), result.as_of.isoformat()), (_t("region", lang), _region(result.region, lang))]
    if isinstance(result, AuditResult):
        rejected = len({e.row for e in result.errors})
        rows.append((_t("rows", lang), f"{result.rows} / {result.audited} / {rejected}"))
    return rows


def _notices(result: AuditResult | Evaluation, lang: str) -> list[str]:
    notes = [n.get(lang) for n in getattr(result, "notices", [])]
    seen = set()
    for f in result.findings:
        for p in f.trace.parameters:
            if not p.verified and (p.name, p.region, p.effective) not in seen:
                seen.add((p.name, p.region, p.effective))
                notes.append(_unverified(p, lang))
    if isinstance(result, Evaluation) and result.errors:
        notes.extend(f"{e.question}: {e.message}" for e in result.errors)
    return notes


def _summary_rows(findings: list[Finding], lang: str) -> tuple[list[list[str]], list[str]]:
    summary = summarize(findings)
    order = [a["id"] for a in catalog()["services"]["core"]]
    rows = []
    for area in order:
        data = summary["by_area"].get(area)
        if not data:
            continue
        money = [fmt_money(Decimal(data["amount"])), _span(data["amount_range"])]
        rows.append([area_name(area)[lang]] + [str(data[s]) for s in SEVERITY_ORDER] + money)
    total = [_t("total", lang)] + [str(summary["by_severity"][s]) for s in SEVERITY_ORDER]
    total += [fmt_money(Decimal(summary["amount_at_risk"])), _span(summary["amount_range"])]
    return rows, total


def _span(rng: dict[str, str]) -> str:
    low, high = fmt_money(Decimal(rng["low"])), fmt_money(Decimal(rng["high"]))
    return low if low == high else f"{low}–{high}"


def _cited(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """Every article a finding cites, in its citations or its texts (``{cite: …}``)."""
    seen: dict[tuple[str, str], None] = {}
    for spec in {f.rule: f.spec for f in findings}.values():
        placed = [c for text in spec.source.values() for v in text.values() for group in parse_cites(v) for c in group]
        for c in [*spec.citations, *placed]:
            seen[(c.law, c.article)] = None
    return list(seen)


def _items(f: Finding, lang: str) -> list[tuple[str, str]]:
    """A finding's facts after its message: money, range, consequence, fix, where it applies."""
    spec, items = f.spec, []
    if f.amount is not None:
        items.append((_t("amount", lang), fmt_money(f.amount)))
    if f.amount_range is not None:
        items.append((_t("range", lang), f"{f.amount_range.show(lang)}（{f.amount_range.label.get(lang)}）"))
    items += [(_t("consequence", lang), spec.consequence[lang]), (_t("remediation", lang), spec.remediation[lang])]
    if spec.where(lang):
        items.append((_t("region", lang), spec.where(lang)))
    return items


def _heading(f: Finding, lang: str) -> str:
    who = f" · {_t('employee', lang)} {f.employee_id}" if f.employee_id else ""
    advice = (f"（{_t('advice', lang)}）" if lang == "zh" else f" ({_t('advice', lang)})") if f.spec.advice else ""
    return f"{f.spec.title[lang]}{advice}{who}"


def _not_run(result: AuditResult | Evaluation, lang: str) -> list[str]:
    reasons = getattr(result, "reasons", {})
    return [f"{rule(rule_id).title[lang]}: {why.get(lang)}" for rule_id, why in reasons.items()]


def _headers(lang: str) -> list[str]:
    return [_t("area", lang)] + [_sev(s, lang) for s in SEVERITY_ORDER] + [_t("amount", lang), _t("range", lang)]


def _title(result: AuditResult | Evaluation, lang: str) -> str:
    return _t("title_audit" if isinstance(result, AuditResult) else "title_eval", lang)


def to_markdown(result: AuditResult | Evaluation, lang: str = "zh") -> str:
    """The report as Markdown."""
    out = [f"# {_title(result, lang)}", ""]
    out += [f"- **{k}**: {v}" for k, v in _meta(result, lang)] + [""]
    rows, total = _summary_rows(result.findings, lang)
    out += [f"## {_t('summary', lang)}", "", "| " + " | ".join(_headers(lang)) + " |", "|" + "---|" * len(_headers(lang))]
    out += ["| " + " | ".join(r) + " |" for r in rows] + ["| " + " | ".join(f"**{c}**" for c in total) + " |", ""]
    notes = _notices(result, lang)
    if notes:
        out += [f"## {_t('notices', lang)}", ""] + [f"- {n}" for n in notes] + [""]
    if _not_run(result, lang):
        out += [f"## {_t('not_run', lang)}", ""] + [f"- {n}" for n in _not_run(result, lang)] + [""]
    if isinstance(result, AuditResult) and result.errors:
        out += [
            f"## {_t('errors', lang)}",
            "",
            f"| {_t('row', lang)} | {_t('column', lang)} | {_t('problem', lang)} |",
            "|---|---|---|",
        ]
        out += [f"| {e.row} | {e.column} | {e.message} |" for e in result.errors] + [""]
    out += [f"## {_t('findings', lang)}", ""]
    if not result.findings:
        out += [_t("none", lang), ""]
    for f in result.findings:
        out += [f"### [{_sev(f.severity, lang)}] {_heading(f, lang)}", "", f.message.get(lang), ""]
        out += [f"- **{k}**: {v}" for k, v in _items(f, lang)]
        out += [f"- **{_t('basis', lang)}**: " + "; ".join(c.label(lang, long=True) for c in f.spec.citations)]
        if f.trace.steps:
            out += [f"- **{_t('how', lang)}**:"] + [f"    - {s.get(lang)}" for s in f.trace.steps]
        out += [""]
    cited = _cited(result.findings)
    if cited:
        out += [f"## {_t('articles', lang)}", ""]
        out += [f"- **{Citation(c, n).label(lang, long=True)}** {_article_text(c, n, lang)}".replace("\n", " ") for c, n in cited]
        out += [""]
    out += ["---", "", f"*{_t('disclaimer', lang)}*", ""]
    return "\n".join(out)


def to_text(result: AuditResult | Evaluation, lang: str = "zh") -> str:
    """A short plain-text report for the terminal."""
    out = [_title(result, lang)]
    out += [f"{k}: {v}" for k, v in _meta(result, lang)]
    summary = summarize(result.findings)
    out.append(
        f"{_t('findings', lang)}: {summary['findings']} ("
        + ", ".join(f"{_sev(s, lang)} {n}" for s, n in summary["by_severity"].items())
        + f"); {_t('amount', lang)}: {fmt_money(Decimal(summary['amount_at_risk']))}"
        + (f"; {_t('range', lang)}: {_span(summary['amount_range'])}" if Decimal(summary["amount_range"]["high"]) else "")
    )
    for note in _notices(result, lang):
        out.append(f"! {note}")
    if isinstance(result, AuditResult):
        out += [f"{_t('row', lang)} {e.row}, {e.column}: {e.message}" for e in result.errors]
    out += [f"- {n}" for n in _not_run(result, lang)]
    for f in result.findings:
        amount = f" [{fmt_money(f.amount)}]" if f.amount is not None else ""
        amount += f" [+{f.amount_range.show(lang)}]" if f.amount_range is not None else ""
        advice = f" ({_t('advice', lang)})" if f.spec.advice else ""
        out.append(f"[{_sev(f.severity, lang)}] {f.spec.citation} {f.rule}: {f.message.get(lang)}{amount}{advice}")
    return "\n".join(out) + "\n"


def to_html(result: AuditResult | Evaluation, lang: str = "zh") -> str:
    """A standalone HTML report with A4 print styles (no external resources)."""
    parts = page_start(_title(result, lang), lang, _meta(result, lang))
    parts.append(f"<h2>{_e(_t('summary', lang))}</h2>")
    rows, total = _summary_rows(result.findings, lang)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in _headers(lang))
    body = "".join(
        "<tr>" + f'<th scope="row">{_e(r[0])}</th>' + "".join(f'<td class="num">{_e(c)}</td>' for c in r[1:]) + "</tr>"
        for r in rows
    )
    foot = (
        "<tr>"
        + f'<th scope="row">{_e(total[0])}</th>'
        + "".join(f'<td class="num"><strong>{_e(c)}</strong></td>' for c in total[1:])
        + "</tr>"
    )
    parts.append(f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody><tfoot>{foot}</tfoot></table>')
    for key, notes in (("notices", _notices(result, lang)), ("not_run", _not_run(result, lang))):
        if notes:
            parts.append(
                f'<h2>{_e(_t(key, lang))}</h2><ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"
            )
    if isinstance(result, AuditResult) and result.errors:
        parts.append(
            f'<h2>{_e(_t("errors", lang))}</h2><table class="errors"><thead><tr><th scope="col">{_e(_t("row", lang))}</th>'
            f'<th scope="col">{_e(_t("column", lang))}</th><th scope="col">{_e(_t("problem", lang))}</th></tr></thead><tbody>'
            + "".join(
                f'<tr><td class="num">{e.row}</td><td>{_e(e.column)}</td><td>{_e(e.message)}</td></tr>' for e in result.errors
            )
            + "</tbody></table>"
        )
    parts.append(f"<h2>{_e(_t('findings', lang))}</h2>")
    if not result.findings:
        parts.append(f"<p>{_e(_t('none', lang))}</p>")
    for f in result.findings:
        steps = "".join(f"<li>{_e(s.get(lang))}</li>" for s in f.trace.steps)
        parts.append(
            f'<section class="finding {f.severity}"><h3><span class="sev {f.severity}">{_e(_sev(f.severity, lang))}</span> '
            f"{_e(_heading(f, lang))}</h3><p>{_e(f.message.get(lang))}</p><dl>"
            + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _items(f, lang))
            + f"<dt>{_e(_t('basis', lang))}</dt><dd>{cite_links(f.spec.citations, lang)}</dd>"
            + (f'<dt>{_e(_t("how", lang))}</dt><dd><ol class="steps">{steps}</ol></dd>' if steps else "")
            + "</dl></section>"
        )
    parts += page_end(_cited(result.findings), lang)
    return "\n".join(parts) + "\n"
