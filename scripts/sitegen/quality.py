"""Quality and risk tools: qualification review, evaluation scorecard, communication
protocol, risk early-warning indicators, needs survey — printable pages from data."""

from __future__ import annotations

from checkups.registry import catalog

from .common import Site, cites, header, link, print_footer, table, tr, words

AUDIENCE = {
    "bureau": {"zh": "人社局", "en": "bureau"},
    "agency": {"zh": "托管机构", "en": "agency"},
    "enterprise": {"zh": "企业", "en": "enterprise"},
}
#: the programme tool that computes what a quality page shows on paper (scripts/sitegen/tools.py): page, link text
TOOL_PAGES = {
    "needs_survey": ("tools/needs", {"zh": "在线自测：托管需求自测", "en": "Try it online: the needs survey"}),
    "evaluation_scorecard": ("tools/scorecard", {"zh": "在线评分 →", "en": "Score online →"}),
    "qualification_review": ("tools/scorecard", {"zh": "在线评分 →", "en": "Score online →"}),
}
LEVEL = {"red": {"zh": "🔴 红色", "en": "🔴 red"}, "amber": {"zh": "🟠 黄色", "en": "🟠 amber"}}


def slug(name: str) -> str:
    return name.replace("_", "-")


def quality_pages(site: Site) -> None:
    tools = catalog().get("quality", {})
    index = {}
    for lang in ("en", "zh"):
        page = "quality/index"
        lines = [header("checkups/data/quality"), f"# {words('质量与风险工具', 'Quality and risk tools', lang)}", ""]
        lines.append(
            words(
                "供人社局、托管机构和企业使用的工具：审核机构资质、评价服务、约定沟通、预警风险、调查需求。均可打印。",
                "Tools for bureaus, agencies and enterprises: review an agency's qualifications, evaluate its "
                "service, agree how to communicate, warn of risks early, survey needs. All print on A4.",
                lang,
            )
        )
        rows = [
            [
                f"[{tr(t['title'], lang)}]({link(page, 'quality/' + slug(n))})",
                tr(t.get("purpose"), lang),
                "、".join(tr(AUDIENCE.get(a, a), lang) for a in t.get("audience", []))
                if lang == "zh"
                else ", ".join(tr(AUDIENCE.get(a, a), lang) for a in t.get("audience", [])),
            ]
            for n, t in tools.items()
        ]
        lines += [
            "",
            table([words("工具", "Tool", lang), words("用途", "Purpose", lang), words("使用者", "Used by", lang)], rows),
        ]
        index[lang] = "\n".join(lines)
    site.add("quality/index", index, section="quality")
    for name, tool in tools.items():
        site.add("quality/" + slug(name), {lang: _tool(name, tool, lang) for lang in ("en", "zh")}, section="quality")


def _tool(name: str, tool: dict, lang: str) -> str:
    page = "quality/" + slug(name)
    lines = [header(f"checkups/data/quality/{name}.yaml"), f"# {tr(tool['title'], lang)}", ""]
    if tool.get("purpose"):
        lines += [tr(tool["purpose"], lang), ""]
    if name in TOOL_PAGES:
        target, label = TOOL_PAGES[name]
        lines += [f"[{tr(label, lang)}]({link(page, target)})", ""]
    elif tool.get("tool"):  # the programme tool that computes this page for one's own data
        lines += [f"[{tr(tool['tool']['label'], lang)}]({link(page, tool['tool']['page'])})", ""]
    total = 0
    for section in tool.get("sections", []):
        lines += [f"## {tr(section['heading'], lang)}", ""]
        items = section.get("items", [])
        keys = [k for k in ("weight", "threshold", "level", "frequency", "evidence") if any(k in i for i in items)]
        headers = ["☐", words("项目", "Item", lang)] + [
            {
                "weight": words("分值", "Points", lang),
                "threshold": words("触发条件", "Trigger", lang),
                "level": words("等级", "Level", lang),
                "frequency": words("频次", "Frequency", lang),
                "evidence": words("证明材料", "Evidence", lang),
            }[k]
            for k in keys
        ]
        if any(i.get("citations") for i in items):
            headers.append(words("依据", "Basis", lang))
        rows = []
        for item in items:
            text = tr(item["text"], lang)
            if item.get("options"):
                text += "<br>" + "　".join("☐ " + tr(o, lang) for o in item["options"])
            row = ["☐", text]
            for k in keys:
                value = item.get(k, "")
                if k == "weight" and value != "":
                    total += value
                row.append(
                    tr(LEVEL[value], lang) if k == "level" and value else (str(value) if k == "weight" else tr(value, lang))
                )
            if len(headers) > len(row):
                row.append(cites(page, item.get("citations", []), lang))
            rows.append(row)
        lines += [table(headers, rows), ""]
    if total:
        lines += [f"**{words('合计', 'Total', lang)}: {total} {words('分', 'points', lang)}**", ""]
    lines += _tiers(tool.get("subsidy_tiers"), lang)
    lines.append(print_footer(lang))
    return "\n".join(lines)


def _tiers(tiers: dict | None, lang: str) -> list[str]:
    """The subsidy bands a score maps to, shown as the example they are."""
    if not tiers:
        return []
    bands = tiers["bands"]
    rows = []
    for upper, band in zip([None, *bands], bands, strict=False):
        span = f"≥ {band['min']}" if upper is None else f"{band['min']} – < {upper['min']}"
        rows.append([span, tr(band["label"], lang)])
    return [
        f"## {words('补贴分档（示例）', 'Subsidy bands (an example)', lang)}",
        "",
        tr(tiers["note"], lang),
        "",
        table([words("得分", "Score", lang), words("补贴", "Subsidy", lang)], rows),
        "",
    ]
