"""Reports of an audit or a questionnaire: plain text, Markdown and printable HTML (A4).

Each report gives the summary by service area and severity, the total money at risk,
every finding with its fix and citation, the rows that could not be audited and the
text of every cited article.  ``lang`` is ``zh`` (default) or ``en``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .audit import AuditResult, summarize
from .evaluate import Evaluation
from .findings import Finding
from .registry import SEVERITY_ORDER, UnknownNameError, area_name, article, catalog, parameter_description, region_name
from .text import Text, fmt_money
from .timeline import ParamValue

__all__ = ["to_html", "to_markdown", "to_text"]

L = {
    "title_audit": Text("员工名册合规体检报告", "Employee roster compliance check-up"),
    "title_eval": Text("企业劳动用工合规体检报告", "Company labour compliance check-up"),
    "as_of": Text("检查日", "Audit date"),
    "region": Text("地区", "Region"),
    "rows": Text("读取行数 / 已检查 / 未检查", "Rows read / audited / rejected"),
    "summary": Text("概要", "Summary"),
    "area": Text("服务领域", "Service area"),
    "findings": Text("发现问题", "Findings"),
    "amount": Text("涉及金额（元）", "Money at risk (yuan)"),
    "total": Text("合计", "Total"),
    "errors": Text("未能检查的行", "Rows not audited"),
    "row": Text("行", "Line"),
    "column": Text("列", "Column"),
    "problem": Text("问题", "Problem"),
    "notices": Text("提示", "Notes"),
    "employee": Text("员工", "Employee"),
    "consequence": Text("法律后果", "Consequence"),
    "remediation": Text("整改建议", "What to do"),
    "basis": Text("法律依据", "Legal basis"),
    "how": Text("计算过程", "How this was worked out"),
    "articles": Text("引用条文", "Cited articles"),
    "none": Text("未发现问题。", "No findings."),
    "unverified": Text("未核实", "unverified"),
    "given": Text("用户输入", "entered by the user"),
    "disclaimer": Text(
        "本报告依据所填信息和所列法规自动生成，供自查和整改参考，不构成法律意见；标注“未核实”的数值请以当地官方公布为准。",
        "This report is generated from the data entered and the provisions cited, for self-audit and "
        "remediation; it is not legal advice. Check figures marked unverified against the local official notice.",
    ),
    "not_evaluated": Text("未作答的检查项", "Checks not answered"),
    "sev": {
        "high": Text("高", "High"),
        "medium": Text("中", "Medium"),
        "low": Text("低", "Low"),
        "info": Text("提示", "Info"),
    },
}


def _t(key: str, lang: str) -> str:
    return L[key].get(lang)


def _sev(severity: str, lang: str) -> str:
    return L["sev"][severity].get(lang)


def _law_short(code: str, lang: str) -> str:
    entry = catalog()["laws"].get(code, {})
    short = entry.get("short") or entry.get("name") or {}
    return short.get(lang) or code


def _cite(code: str, number: str, lang: str) -> str:
    name = _law_short(code, lang)
    return f"《{name}》第{number}条" if lang == "zh" else f"{name}, art. {number} ({code} {number})"


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


def _region(code: str | None, lang: str) -> str:
    return region_name(code)[lang] if code not in (None, "given") else ("—" if code is None else _t("given", lang))


def _unverified(p: ParamValue, lang: str) -> str:
    what, where = parameter_description(p.name)[lang], _region(p.region, lang)
    if lang == "zh":
        return f"{what}（{where}，{p.effective} 起）{p.value} 未经官方文件核实，请核对或自行输入。来源：{p.source}"
    return f"{what} ({where}, from {p.effective}) {p.value} is not verified against an official notice; check it or enter your own figure. Source: {p.source}"


def _summary_rows(findings: list[Finding], lang: str) -> tuple[list[list[str]], list[str]]:
    summary = summarize(findings)
    order = [a["id"] for a in catalog()["services"]["core"]]
    rows = []
    for area in order:
        data = summary["by_area"].get(area)
        if not data:
            continue
        rows.append([area_name(area)[lang]] + [str(data[s]) for s in SEVERITY_ORDER] + [fmt_money(_dec(data["amount"]))])
    total = [_t("total", lang)] + [str(summary["by_severity"][s]) for s in SEVERITY_ORDER]
    total.append(fmt_money(_dec(summary["amount_at_risk"])))
    return rows, total


def _dec(text: str):
    from decimal import Decimal

    return Decimal(text)


def _cited(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for f in findings:
        for c in f.spec.citations:
            seen[(c.law, c.article)] = None
    return list(seen)


def _article_text(code: str, number: str, lang: str) -> str:
    try:
        art = article(code, number)
    except UnknownNameError:
        return ""
    if lang == "zh" and art.zh:
        return art.zh + ("" if art.verified else "（文本来自二手资料，待官方文本核对）")
    return art.en


def _headers(lang: str) -> list[str]:
    return [_t("area", lang)] + [_sev(s, lang) for s in SEVERITY_ORDER] + [_t("amount", lang)]


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
        spec = f.spec
        who = f" · {_t('employee', lang)} {f.employee_id}" if f.employee_id else ""
        out += [f"### [{_sev(spec.severity, lang)}] {spec.title[lang]}{who}", "", f.message.get(lang), ""]
        if f.amount is not None:
            out += [f"- **{_t('amount', lang)}**: {fmt_money(f.amount)}"]
        out += [
            f"- **{_t('consequence', lang)}**: {spec.consequence[lang]}",
            f"- **{_t('remediation', lang)}**: {spec.remediation[lang]}",
            f"- **{_t('basis', lang)}**: " + "; ".join(_cite(c.law, c.article, lang) for c in spec.citations),
        ]
        if f.trace.steps:
            out += [f"- **{_t('how', lang)}**:"] + [f"    - {s.get(lang)}" for s in f.trace.steps]
        out += [""]
    cited = _cited(result.findings)
    if cited:
        out += [f"## {_t('articles', lang)}", ""]
        out += [f"- **{_cite(c, n, lang)}** {_article_text(c, n, lang)}".replace("\n", " ") for c, n in cited] + [""]
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
        + f"); {_t('amount', lang)}: {fmt_money(_dec(summary['amount_at_risk']))}"
    )
    for note in _notices(result, lang):
        out.append(f"! {note}")
    if isinstance(result, AuditResult):
        out += [f"{_t('row', lang)} {e.row}, {e.column}: {e.message}" for e in result.errors]
    for f in result.findings:
        amount = f" [{fmt_money(f.amount)}]" if f.amount is not None else ""
        out.append(f"[{_sev(f.severity, lang)}] {f.law} {f.article} {f.rule}: {f.message.get(lang)}{amount}")
    return "\n".join(out) + "\n"


CSS = """
:root { --high:#b3261e; --medium:#8a5300; --low:#2b5d8a; --info:#4a4a4a; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid #ccc; border-left: 6px solid var(--info); padding: .6rem .8rem; margin: .8rem 0; }
.finding.high { border-left-color: var(--high); } .finding.medium { border-left-color: var(--medium); }
.finding.low { border-left-color: var(--low); }
.sev { display: inline-block; font-size: .8rem; font-weight: bold; padding: 0 .4rem; color: #fff; background: var(--info); }
.sev.high { background: var(--high); } .sev.medium { background: var(--medium); } .sev.low { background: var(--low); }
dl { margin: .3rem 0; } dt { font-weight: bold; } dd { margin: 0 0 .3rem 0; }
ol.steps { margin: .2rem 0; padding-left: 1.4rem; font-size: .92rem; }
.notes li, .articles li { margin-bottom: .3rem; } .articles blockquote { margin: .2rem 0 .6rem 1rem; white-space: pre-line; }
.disclaimer { font-size: .85rem; color: #444; border-top: 1px solid #ccc; margin-top: 2rem; padding-top: .5rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .finding, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: Any) -> str:
    return html.escape(str(text))


def page_start(title: str, lang: str, meta: list[tuple[str, str]]) -> list[str]:
    """The opening of a standalone report page: language, A4 styles, title and a table of ``meta``."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        meta_table(meta),
    ]


def meta_table(rows: Iterable[tuple[str, str]]) -> str:
    return (
        '<table class="meta"><tbody>'
        + "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in rows)
        + "</tbody></table>"
    )


def page_end(cited: Iterable[tuple[str, str]], lang: str) -> list[str]:
    """The close of a report page: the text of every cited article (anchored) and the disclaimer."""
    parts = []
    cited = list(cited)
    if cited:
        parts.append(f'<h2>{_e(_t("articles", lang))}</h2><ul class="articles">')
        for code, number in cited:
            anchor = f"{code.lower()}-{number}"
            parts.append(
                f'<li id="{_e(anchor)}"><strong>{_e(_cite(code, number, lang))}</strong><blockquote>{_e(_article_text(code, number, lang))}</blockquote></li>'
            )
        parts.append("</ul>")
    parts.append(f'<p class="disclaimer">{_e(_t("disclaimer", lang))}</p></body></html>')
    return parts


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
    notes = _notices(result, lang)
    if notes:
        parts.append(
            f'<h2>{_e(_t("notices", lang))}</h2><ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"
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
        spec = f.spec
        who = f" · {_e(_t('employee', lang))} {_e(f.employee_id)}" if f.employee_id else ""
        items = []
        if f.amount is not None:
            items.append((_t("amount", lang), fmt_money(f.amount)))
        items += [(_t("consequence", lang), spec.consequence[lang]), (_t("remediation", lang), spec.remediation[lang])]
        cites = "；".join(f'<a href="#{_e(c.anchor)}">{_e(_cite(c.law, c.article, lang))}</a>' for c in spec.citations)
        steps = "".join(f"<li>{_e(s.get(lang))}</li>" for s in f.trace.steps)
        parts.append(
            f'<section class="finding {spec.severity}"><h3><span class="sev {spec.severity}">{_e(_sev(spec.severity, lang))}</span> '
            f"{_e(spec.title[lang])}{who}</h3><p>{_e(f.message.get(lang))}</p><dl>"
            + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items)
            + f"<dt>{_e(_t('basis', lang))}</dt><dd>{cites}</dd>"
            + (f'<dt>{_e(_t("how", lang))}</dt><dd><ol class="steps">{steps}</ol></dd>' if steps else "")
            + "</dl></section>"
        )
    parts += page_end(_cited(result.findings), lang)
    return "\n".join(parts) + "\n"
