"""Pieces shared by the notebook apps: labels, data links, findings as HTML.

Every text that comes from the user (roster cells, answers, file names) or from the data is
escaped before it goes into a widget's HTML (:func:`esc`).
"""

from __future__ import annotations

import base64
import html
from typing import Any

from ..findings import Finding
from ..registry import ADVICE, SEVERITY_ORDER, Citation, catalog
from ..text import Text, fmt_money

UI = {
    "evaluate": Text("检查", "Check"),
    "findings": Text("发现的问题", "Findings"),
    "none": Text("未发现问题。", "No findings."),
    "export": Text("导出答案（JSON）", "Export answers (JSON)"),
    "import": Text("导入答案", "Import answers"),
    "clear": Text("清除我的数据", "Clear my data"),
    "report": Text("下载报告（HTML，可打印）", "Download the report (HTML, printable)"),
    "privacy": Text(
        "隐私：所有计算都在本浏览器中完成。答案只保存在本浏览器的存储里（可随时清除），不会发送到任何服务器。",
        "Privacy: everything is computed in this browser. Answers are kept only in this browser's "
        "storage (clear them at any time) and are never sent to a server.",
    ),
    "yes": Text("是", "Yes"),
    "no": Text("否", "No"),
    "unanswered": Text("未答", "—"),
    "cleared": Text("已清除本浏览器中保存的数据。", "The data saved in this browser was cleared."),
    "imported": Text("已导入答案。", "Answers imported."),
    "bad_import": Text(
        "无法导入：文件不是本工具导出的答案（JSON）。", "Cannot import: the file is not answers exported by this tool (JSON)."
    ),
    "amount": Text("涉及金额（元）", "Money at risk (yuan)"),
    "range": Text("可能另加（元）", "May be added (yuan)"),
    "fix": Text("整改建议", "What to do"),
    "basis": Text("依据", "Basis"),
    "shown": Text(
        "共 {count} 条，这里按严重程度列出前 {shown} 条；完整名单请下载 CSV 或 XLSX 文件。",
        "{count} findings; the {shown} most severe are listed here. Download the CSV or XLSX file for the full list.",
    ),
}
#: findings a check-up lists on its page; beyond, the page points to the downloadable full list
SHOWN = 1000
SEVERITY = {
    "high": Text("高", "High"),
    "medium": Text("中", "Medium"),
    "low": Text("低", "Low"),
    "info": Text("提示", "Info"),
}
COLOURS = {"high": "#b3261e", "medium": "#8a5300", "low": "#2b5d8a", "info": "#4a4a4a"}


def t(key: str, lang: str) -> str:
    return UI[key].get(lang)


def esc(text: Any) -> str:
    """Text for a widget's HTML: ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(str(text))


def region_dropdown(lang: str):
    """The region picker every check-up shows: province, then city, or a search by name.

    Its ``value`` is a region id (``national``, ``sichuan``, ``chengdu``), observable
    like a dropdown's; ``options`` lists every (label, id) it can take.
    """
    import ipywidgets as w
    import traitlets

    from .. import regions as reg

    table = catalog()["regions"]
    label = {"zh": ("全国（未选省份）", "（全省）", "省份", "城市", "搜索城市，如 成都"),
             "en": ("National (no province)", "(whole province)", "Province", "City", "Find a city, e.g. Chengdu")}[lang]  # fmt: skip

    class RegionPicker(w.HBox):
        value = traitlets.Unicode("national")

        def __init__(self) -> None:
            self.province = w.Dropdown(
                options=[(label[0], "national")] + [(table[p]["name"][lang], p) for p in reg.provinces()],
                value="national",
                description=label[2],
            )
            self.city = w.Dropdown(options=[(label[1], "")], value="", description=label[3], disabled=True)
            names = [table[k]["name"][lang] for p in reg.provinces() for k in reg.children(p)]
            self.search = w.Combobox(placeholder=label[4], options=sorted(set(names)), ensure_option=False)
            self.search.layout.width = "11em"
            super().__init__([self.province, self.city, self.search])
            self.layout.flex_flow = "row wrap"  # the search box goes to the next line in a narrow frame
            self._busy = False
            self.province.observe(self._province_changed, names="value")
            self.city.observe(lambda ch: self._set(ch["new"] or self.province.value), names="value")
            self.search.observe(self._searched, names="value")
            self.observe(self._show, names="value")

        @property
        def options(self) -> list[tuple[str, str]]:
            found = [(label[0], "national")]
            for p in reg.provinces():
                found.append((table[p]["name"][lang], p))
                found += [(table[k]["name"][lang], k) for k in reg.children(p)]
            return found

        def _set(self, region: str) -> None:
            if not self._busy:
                self.value = region

        def _province_changed(self, change: dict) -> None:
            province = change["new"]
            kids = [] if province == "national" else reg.children(province)
            self._busy = True
            self.city.options = [(label[1], "")] + [(table[k]["name"][lang], k) for k in kids]
            self.city.value = ""
            self.city.disabled = not kids
            self._busy = False
            self._set(province)

        def _searched(self, change: dict) -> None:
            try:
                found = reg.resolve(change["new"])
            except LookupError:
                return  # still typing, or not a place: nothing changes
            self.value = found

        def _show(self, change: dict) -> None:
            region = change["new"]
            entry = table.get(region, {})
            province = region if entry.get("level") in ("province", "national") else entry.get("province", "national")
            self._busy = True
            if self.province.value != province:
                self.province.value = province
                kids = [] if province == "national" else reg.children(province)
                self.city.options = [(label[1], "")] + [(table[k]["name"][lang], k) for k in kids]
                self.city.disabled = not kids
            self.city.value = region if entry.get("level") in ("city", "county") else ""
            self._busy = False

    return RegionPicker()


def data_link(content: str | bytes, filename: str, label: str, mime: str) -> str:
    """An HTML link that downloads ``content`` as a file, made in the browser (no server)."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    encoded = base64.b64encode(raw).decode("ascii")
    return f'<a download="{html.escape(filename)}" href="data:{mime};base64,{encoded}">{html.escape(label)}</a>'


def article_url(site_base: str, law: str, article: str, lang: str) -> str:
    """The site's page and anchor for a cited article (``../../law/lcl/#lcl-82``)."""
    return Citation(law, article).href(site_base, lang=lang)


def citation_links(finding: Finding, site_base: str, lang: str) -> str:
    parts = [
        f'<a href="{html.escape(c.href(site_base, lang=lang))}" target="_blank" rel="noopener">{html.escape(c.label(lang))}</a>'
        for c in finding.spec.citations
    ]
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def _money(f: Finding, lang: str) -> str:
    """The money cell: what is certainly at risk, then the range that may be added and what it is."""
    out = "" if f.amount is None else fmt_money(f.amount)
    if f.amount_range is not None:
        rng = f.amount_range
        out += f"<br><small>{t('range', lang)}: {rng.show(lang)}<br>{html.escape(rng.label.get(lang))}</small>"
    return out


def _notes(f: Finding, lang: str) -> str:
    """Under the fix: 'good practice, not a legal duty' and the region condition, when they apply."""
    notes = [ADVICE[lang]] if f.spec.advice else []
    notes += [f.spec.where(lang)] if f.spec.applies_in else []
    return "".join(f"<br><small><i>{html.escape(n)}</i></small>" for n in notes)


def findings_html(findings: list[Finding], site_base: str, lang: str, *, show_employee: bool = False, limit: int = SHOWN) -> str:
    """Findings as an HTML table, worst first, with amount, fix and linked citations; at most
    ``limit`` rows, with a note pointing to the full list when there are more."""
    if not findings:
        return f"<p>{t('none', lang)}</p>"
    rows = []
    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.employee_id or "", f.rule))
    note = ""
    if len(ordered) > limit:
        note = f"<p><b>{esc(t('shown', lang).format(count=f'{len(ordered):,}', shown=f'{limit:,}'))}</b></p>"
    for f in ordered[:limit]:
        sev = f'<span style="color:#fff;background:{COLOURS[f.severity]};padding:0 .4em">{SEVERITY[f.severity].get(lang)}</span>'
        who = f"<td>{html.escape(f.employee_id or '')}</td>" if show_employee else ""
        rows.append(
            f"<tr data-rule='{html.escape(f.rule)}' data-employee='{html.escape(f.employee_id or '')}'><td>{sev}</td>{who}<td>{html.escape(f.message_in(lang))}<br><small>{t('fix', lang)}: "
            f"{html.escape(f.spec.remediation[lang])}</small>{_notes(f, lang)}</td><td class='amount' style='text-align:right'>{_money(f, lang)}</td>"
            f"<td>{citation_links(f, site_base, lang)}</td></tr>"
        )
    head_who = "<th>" + ("员工" if lang == "zh" else "Employee") + "</th>" if show_employee else ""
    return note + (
        "<table class='checkup-findings' style='border-collapse:collapse'>"
        f"<thead><tr><th></th>{head_who}<th>{t('findings', lang)}</th><th>{t('amount', lang)}</th><th>{t('basis', lang)}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def summary_line(summary: dict[str, Any], lang: str) -> str:
    counts = (
        "，".join(f"{SEVERITY[s].get(lang)} {n}" for s, n in summary["by_severity"].items())
        if lang == "zh"
        else ", ".join(f"{SEVERITY[s].get(lang)} {n}" for s, n in summary["by_severity"].items())
    )
    from decimal import Decimal

    total = fmt_money(Decimal(summary["amount_at_risk"]))
    rng = summary.get("amount_range") or {"low": "0", "high": "0"}
    low, high = fmt_money(Decimal(rng["low"])), fmt_money(Decimal(rng["high"]))
    extra = "" if not Decimal(rng["high"]) else f" · {t('range', lang)}: <b>{low if low == high else f'{low}–{high}'}</b>"
    return f"<p><b>{t('findings', lang)}: {summary['findings']}</b> ({counts}) · {t('amount', lang)}: <b>{total}</b>{extra}</p>"
