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
    if tool.get("tool"):  # the programme tool that computes this page for one's own data
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
    lines.append(print_footer(lang))
    return "\n".join(lines)
