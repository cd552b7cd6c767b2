"""The words, citation labels and page frame shared by the reports (audit, questionnaire,
calculations): bilingual labels, the standalone A4 HTML page with the cited articles."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from .registry import Citation, UnknownNameError, article, parameter_description, region_name
from .text import Text
from .timeline import ParamValue

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
    "range": Text("可能另加（元）", "May be added (yuan)"),
    "total": Text("合计", "Total"),
    "errors": Text("未能检查的行", "Rows not audited"),
    "row": Text("行", "Line"),
    "column": Text("列", "Column"),
    "problem": Text("问题", "Problem"),
    "notices": Text("提示", "Notes"),
    "ignored": Text("名册中以下列未使用：{columns}", "Columns of the roster not used: {columns}"),
    "employee": Text("员工", "Employee"),
    "count": Text("{n} 条", "{n} findings"),
    "found": Text("情况", "What was found"),
    "consequence": Text("法律后果", "Consequence"),
    "remediation": Text("整改建议", "What to do"),
    "basis": Text("法律依据", "Legal basis"),
    "how": Text("计算过程", "How this was worked out"),
    "articles": Text("引用条文", "Cited articles"),
    "none": Text("未发现问题。", "No findings."),
    "unverified": Text("未核实", "unverified"),
    "given": Text("用户输入", "entered by the user"),
    "advice": Text("建议做法，非法定义务", "Good practice, not a legal duty"),
    "not_run": Text("因地区或日期未检查的项目", "Checks not run for this region or date"),
    "disclaimer": Text(
        "本报告依据所填信息和所列法规自动生成，供自查和整改参考，不构成法律意见；标注“未核实”的数值请以当地官方公布为准。",
        "This report is generated from the data entered and the provisions cited, for self-audit and "
        "remediation; it is not legal advice. Check figures marked unverified against the local official notice.",
    ),
    "sev": {
        "high": Text("高", "High"),
        "medium": Text("中", "Medium"),
        "low": Text("低", "Low"),
        "info": Text("提示", "Info"),
    },
}

CUT_MARK = "\x00"  # where the links to the full list go in a cut list's note (never in text, survives escaping)

CSS = """
:root { --high:#b3261e; --medium:#8a5300; --low:#2b5d8a; --info:#4a4a4a; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding, .rule { border: 1px solid #ccc; border-left: 6px solid var(--info); padding: .6rem .8rem; margin: .8rem 0; }
.rule.high { border-left-color: var(--high); } .rule.medium { border-left-color: var(--medium); }
.rule.low { border-left-color: var(--low); }
table.employees { font-size: .88rem; } table.employees td:nth-child(3) { min-width: 14rem; }
table.employees ol.steps { font-size: .8rem; padding-left: 1.1rem; }
.cut { font-weight: bold; }
.sev { display: inline-block; font-size: .8rem; font-weight: bold; padding: 0 .4rem; color: #fff; background: var(--info); }
.sev.high { background: var(--high); } .sev.medium { background: var(--medium); } .sev.low { background: var(--low); }
.advice { font-size: .85rem; font-style: italic; color: #444; }
dl { margin: .3rem 0; } dt { font-weight: bold; } dd { margin: 0 0 .3rem 0; }
ol.steps { margin: .2rem 0; padding-left: 1.4rem; font-size: .92rem; }
.notes li, .articles li { margin-bottom: .3rem; } .articles blockquote { margin: .2rem 0 .6rem 1rem; white-space: pre-line; }
.disclaimer { font-size: .85rem; color: #444; border-top: 1px solid #ccc; margin-top: 2rem; padding-top: .5rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .finding, tr, dl { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  table.employees { font-size: 8.5pt; } table.employees ol.steps { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def _t(key: str, lang: str) -> str:
    return L[key].get(lang)


def _sev(severity: str, lang: str) -> str:
    return L["sev"][severity].get(lang)


def _cite(code: str, number: str, lang: str) -> str:
    """A citation as the reports label it (:meth:`Citation.label`, long form)."""
    return Citation(code, number).label(lang, long=True)


def _region(code: str | None, lang: str) -> str:
    return region_name(code)[lang] if code not in (None, "given") else ("—" if code is None else _t("given", lang))


def _unverified(p: ParamValue, lang: str) -> str:
    what, where = parameter_description(p.name)[lang], _region(p.region, lang)
    if lang == "zh":
        return f"{what}（{where}，{p.effective} 起）{p.value} 未经官方文件核实，请核对或自行输入。来源：{p.source}"
    return f"{what} ({where}, from {p.effective}) {p.value} is not verified against an official notice; check it or enter your own figure. Source: {p.source}"


def _article_text(code: str, number: str, lang: str) -> str:
    try:
        art = article(code, number)
    except UnknownNameError:
        return ""
    if lang == "zh" and art.zh:
        return art.zh + ("" if art.verified else "（文本来自二手资料，待官方文本核对）")
    return art.en


_SPECIAL = re.compile("[&<>\"']")


def _e(text: Any) -> str:
    """Text escaped for HTML (``html.escape``, skipped when there is nothing to escape)."""
    text = str(text)
    return html.escape(text) if _SPECIAL.search(text) else text


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


def cite_links(citations: Iterable[Citation], lang: str) -> str:
    """Citations as links to their article texts at the end of the report page."""
    return "；".join(f'<a href="{_e(c.href())}">{_e(c.label(lang, long=True))}</a>' for c in citations)


def page_end(cited: Iterable[tuple[str, str]], lang: str) -> list[str]:
    """The close of a report page: the text of every cited article (anchored) and the disclaimer."""
    parts = []
    cited = [Citation(code, number) for code, number in cited]
    if cited:
        parts.append(f'<h2>{_e(_t("articles", lang))}</h2><ul class="articles">')
        for c in cited:
            parts.append(
                f'<li id="{_e(c.anchor)}"><strong>{_e(c.label(lang, long=True))}</strong>'
                f"<blockquote>{_e(_article_text(c.law, c.article, lang))}</blockquote></li>"
            )
        parts.append("</ul>")
    parts.append(f'<p class="disclaimer">{_e(_t("disclaimer", lang))}</p></body></html>')
    return parts
