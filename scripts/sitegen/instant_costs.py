"""The instant forms of the cost-benefit estimate and the agency scorecard, made from the
package's data: each assumption with its source and its default shown as a placeholder
(``programme/cost_benefit.yaml``); each indicator with its points and evidence, each review
item, and the example subsidy bands (``quality/evaluation_scorecard.yaml``,
``quality/qualification_review.yaml``).  The page sends them to the worker ops
``costs`` and ``scorecard`` (``checkups/instant/costs.py``)."""

from __future__ import annotations

from urllib.parse import quote

from checkups.programme.costs import SCENARIOS, spec
from checkups.programme.scorecard import template_csv
from checkups.programme.scorecard_items import QUALIFICATION, bands, indicators, requirements
from checkups.text import Text
from sitegen.instant_html import e, field, ident, radios, settings, submit, text_input

__all__ = ["costs", "scorecard"]

W = {
    "found": Text("体检发现的金额", "What the check-up found"),
    "found_help": Text(
        "填写合规体检报告概要中的合计金额。", "Enter the totals from the summary of your compliance check-up report."
    ),
    "owed": Text("确定涉及金额", "Money certainly at risk"),
    "fine_low": Text("可能另加的罚款或赔偿：下限", "Fines or compensation that may be added: lowest"),
    "fine_high": Text("可能另加的罚款或赔偿：上限", "Fines or compensation that may be added: highest"),
    "assumptions": Text(
        "假设（“所有情形”一栏适用于三种情形，单独一种情形的格子优先；空着的格子使用灰色显示的默认值）",
        "Assumptions (the “every case” column applies to all three, a single case's box comes first; an empty box "
        "uses the default shown in grey)",
    ),
    "yuan": Text("元", "yuan"),
    "all": Text("所有情形", "Every case"),
    "estimate": Text("估算", "Estimate"),
    "agency": Text("机构名称", "Agency's name"),
    "points": Text("满分 {w} 分", "out of {w} points"),
    "evaluation": Text("服务评价", "Service evaluation"),
    "review": Text("资质审核（可不填；填了一项就要填完）", "Qualification review (optional; once begun, answer every item)"),
    "legal": Text("法定要求", "required by law"),
    "yes": Text("符合", "Met"),
    "no": Text("不符合", "Not met"),
    "na": Text("不适用", "Does not apply"),
    "unanswered": Text("未审核", "Not reviewed"),
    "tiers": Text("补贴分档（示例，可修改）", "Subsidy bands (an example; change them)"),
    "tier_min": Text("最低分", "lowest score"),
    "many": Text("一次为多家机构评分", "Score many agencies at once"),
    "file": Text("评分表文件（CSV 或 Excel .xlsx，每家机构一行）", "Scorecard file (CSV or Excel .xlsx, one row per agency)"),
    "file_help": Text(
        "选择文件后，按文件评分，上面填写的分数不用。文件只在本浏览器中读取。",
        "With a file chosen, the file is scored and the points above are not used. It is read in this browser only.",
    ),
    "template": Text("下载评分表模板（CSV）", "Download the scorecard template (CSV)"),
    "score": Text("评分", "Score"),
}


def _w(key: str, lang: str) -> str:
    return W[key].get(lang)


def _placeholder(value: object) -> str:
    return "" if value is None else f' placeholder="{e(value)}"'


def costs(lang: str) -> tuple[str, str]:
    kind = "costs"
    names = spec()["scenarios"]
    money = "".join(
        field(kind, key, _w(key, lang), text_input(kind, key, numeric=True), unit=_w("yuan", lang))
        for key in ("owed", "fine_low", "fine_high")
    )
    found = (
        f"<fieldset><legend>{e(_w('found', lang))}</legend><p><small>{e(_w('found_help', lang))}</small></p>{money}</fieldset>"
    )
    columns = [("", _w("all", lang)), *((s, names[s][lang]) for s in SCENARIOS)]
    head = "".join(f"<th>{e(title)}</th>" for _, title in columns)
    rows = []
    for a in spec()["assumptions"]:
        default = a.get("default") or {}
        cells = []
        for s, title in columns:
            key = f"{a['key']}.{s}" if s else a["key"]
            label = f"{a['label'][lang]}（{title}）" if lang == "zh" else f"{a['label'][lang]} ({title.lower()})"
            control = text_input(kind, key, numeric=True, size=10).replace(">", _placeholder(default.get(s)) + ">", 1)
            cells.append(
                f'<td><div class="checkup-field" data-field="{e(key)}">'
                f'<label for="{ident(kind, key)}" class="checkup-cell-label">{e(label)}</label>{control}'
                f'<p class="checkup-error" id="{ident(kind, key)}-error" hidden></p></div></td>'
            )
        rows.append(
            f'<tr><th scope="row">{e(a["label"][lang])}<br><small>{e(a["source"][lang])}</small></th>{"".join(cells)}</tr>'
        )
    table = f'<table class="checkup-assumptions"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    body = [settings(kind, lang), found, f"<fieldset><legend>{e(_w('assumptions', lang))}</legend>{table}</fieldset>"]
    return "".join(body), submit(_w("estimate", lang))


def scorecard(lang: str) -> tuple[str, str]:
    kind = "scorecard"
    parts = [settings(kind, lang), field(kind, "agency", _w("agency", lang), text_input(kind, "agency", size=30))]
    section, items = None, []
    for ind in indicators():
        if ind.section != section:
            if items:
                parts.append(f"<fieldset><legend>{e(section.get(lang))}</legend>{''.join(items)}</fieldset>")
            section, items = ind.section, []
        unit = _w("points", lang).format(w=ind.weight)
        items.append(
            field(
                kind,
                ind.id,
                ind.text.get(lang),
                text_input(kind, ind.id, numeric=True, help_=True, size=6),
                help_=ind.evidence.get(lang),
                unit=unit,
            )
        )
    parts.append(f"<fieldset><legend>{e(section.get(lang))}</legend>{''.join(items)}</fieldset>")
    review = []
    for r in requirements():
        options = [("", _w("unanswered", lang)), ("yes", _w("yes", lang)), ("no", _w("no", lang))]
        options += [("n/a", _w("na", lang))] if r.may_not_apply else []
        legend = r.text.get(lang) + (
            f"（{_w('legal', lang)}）" if lang == "zh" and r.legal else f" ({_w('legal', lang)})" if r.legal else ""
        )
        review.append(radios(kind, QUALIFICATION + r.id, legend, options))
    parts.append(f"<details><summary>{e(_w('review', lang))}</summary>{''.join(review)}</details>")
    tiers = "".join(
        field(
            kind,
            f"tier.{b.id}",
            f"{b.label.get(lang)}：{_w('tier_min', lang)}" if lang == "zh" else f"{b.label.get(lang)}: {_w('tier_min', lang)}",
            text_input(kind, f"tier.{b.id}", numeric=True, size=6).replace(">", _placeholder(b.min) + ">", 1),
        )
        for b in bands()
    )
    parts.append(f"<fieldset><legend>{e(_w('tiers', lang))}</legend>{tiers}</fieldset>")
    upload = f'<input type="file" id="{ident(kind, "file")}" name="file" accept=".csv,.xlsx,text/csv" aria-describedby="{ident(kind, "file")}-error {ident(kind, "file")}-help">'
    link = f'<a download="scorecard-template.csv" href="data:text/csv;charset=utf-8,{quote(template_csv(lang=lang))}">{e(_w("template", lang))}</a>'
    parts.append(
        f"<fieldset><legend>{e(_w('many', lang))}</legend>{field(kind, 'file', _w('file', lang), upload, help_=_w('file_help', lang))}<p>{link}</p></fieldset>"
    )
    return "".join(parts), submit(_w("score", lang))
