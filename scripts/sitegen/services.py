"""Service scope: one page per service area, with the rules checked there, and the
printable checklists (one per area and the combined annual check-up)."""

from __future__ import annotations

import re

from checkups.registry import ADVICE, Rule, catalog, law, rules

from .common import SEVERITY, Site, cites, header, link, linked, print_footer, rule_anchor, table, tr, words


def slug(area: str) -> str:
    return area.replace("_", "-")


def _areas() -> list[dict]:
    services = catalog()["services"]
    return services["core"] + services.get("value_added", [])


def service_pages(site: Site) -> None:
    core = {a["id"] for a in catalog()["services"]["core"]}
    index = {}
    for lang in ("en", "zh"):
        lines = [header("checkups/data/services.yaml"), f"# {words('服务内容', 'Service scope', lang)}", ""]
        lines.append(
            words(
                "劳动关系托管覆盖七个核心服务领域，另有员工培训和绩效管理两项增值服务。每页说明托管机构做什么、哪些事项仍由企业负责、交付成果和频次、法律依据、体检检查的规则和常见错误，并附可打印的检查清单。",
                "Labour-relationship trusteeship covers seven core service areas, plus training and performance "
                "management as value-added services. Each page says what the trustee does, what stays with the "
                "enterprise, the deliverables and how often, the legal basis, the rules the check-up tests, the "
                "common mistakes, and links a printable checklist.",
                lang,
            )
        )
        lines += [
            "",
            table(
                [
                    words("服务领域", "Service area", lang),
                    words("类型", "Type", lang),
                    words("检查规则数", "Rules checked", lang),
                ],
                (
                    [
                        f"[{tr(a['name'], lang)}]({link('services/index', 'services/' + slug(a['id']))})",
                        words("核心", "core", lang) if a["id"] in core else words("增值", "value-added", lang),
                        str(len(rules(area=a["id"]))),
                    ]
                    for a in _areas()
                ),
            ),
        ]
        index[lang] = "\n".join(lines)
    site.add("services/index", index, section="services")
    for area in _areas():
        site.add("services/" + slug(area["id"]), {lang: _service(area, lang) for lang in ("en", "zh")}, section="services")


def _service(area: dict, lang: str) -> str:
    page = "services/" + slug(area["id"])
    lines = [header("checkups/data/services.yaml and checkups/data/rules"), f"# {tr(area['name'], lang)}", ""]
    if area.get("summary"):
        lines += [tr(area["summary"], lang), ""]
    sections = [
        ("trustee_does", words("托管机构做什么", "What the trustee does", lang)),
        ("enterprise_keeps", words("仍由企业负责的事项", "What stays with the enterprise", lang)),
    ]
    for key, title in sections:
        if area.get(key):
            lines += [f"## {title}", ""] + [f"- {tr(item, lang)}" for item in area[key]] + [""]
    if area.get("deliverables"):
        lines += [f"## {words('交付成果和频次', 'Deliverables and frequency', lang)}", ""]
        lines += [
            table(
                [words("交付成果", "Deliverable", lang), words("频次", "Frequency", lang)],
                ([tr(d["item"], lang), tr(d["frequency"], lang)] for d in area["deliverables"]),
            ),
            "",
        ]
    if area.get("legal_basis"):
        lines += [f"## {words('法律依据', 'Legal basis', lang)}", "", cites(page, area["legal_basis"], lang), ""]
    checked = rules(area=area["id"])
    if checked:
        lines += [f"## {words('体检检查的规则', 'Rules the check-up tests', lang)}", ""]
        for r in checked:
            how = words("问卷", "questionnaire", lang) if r.scope == "company" else words("员工名册", "employee roster", lang)
            advice = f" · *{ADVICE[lang]}*" if r.advice else ""
            lines += [
                f"### {r.title[lang]} {{#{rule_anchor(r.id)}}}",
                "",
                f"`{r.id}` · {words('风险等级', 'severity', lang)}: **{SEVERITY[r.severity][lang]}** · {words('检查方式', 'checked from', lang)}: {how}{advice}",
                "",
                f"- **{words('问题', 'Finding', lang)}:** {_plain_message(linked(page, r.source['message'][lang], lang))}",
                f"- **{words('法律后果', 'Consequence', lang)}:** {linked(page, r.source['consequence'][lang], lang)}",
                f"- **{words('整改建议', 'What to do', lang)}:** {linked(page, r.source['remediation'][lang], lang)}",
                *_conditions(page, r, lang),
                f"- **{words('依据', 'Basis', lang)}:** {cites(page, r.citations, lang)}",
                "",
            ]
    if area.get("common_mistakes"):
        lines += (
            [f"## {words('常见错误', 'Common mistakes', lang)}", ""]
            + [f"- {tr(m, lang)}" for m in area["common_mistakes"]]
            + [""]
        )
    lines += [
        f"## {words('检查清单', 'Checklist', lang)}",
        "",
        f"[{words('打印本领域检查清单', 'Print the checklist for this area', lang)}]({link(page, 'checklists/' + slug(area['id']))})",
    ]
    return "\n".join(lines)


def _conditions(page: str, r: Rule, lang: str) -> list[str]:
    """Where and when the rule applies, and what money may be added to a finding."""
    out = []
    if r.applies_in:
        out.append(f"- **{words('适用地区', 'Region', lang)}:** {r.where(lang)}")
    if r.dated_basis:
        basis = r.dated_basis
        entry = law(basis["law"])
        name, day = entry["short"][lang], entry["effective"]
        before = (
            linked(page, basis["before"][lang], lang)
            if "before" in basis
            else words("不检查（尚未施行）。", "not checked (not yet in force).", lang)
        )
        out.append(
            f"- **{words('适用的规定', 'Which law applies', lang)}:** "
            + words(f"检查日在{day}（《{name}》施行）之前：", f"audit date before {day} (when the {name} took effect): ", lang)
            + before
            + words(f" 自{day}起：", f" From {day}: ", lang)
            + linked(page, basis["from"][lang], lang)
        )
    if r.amount_range:
        out.append(
            f"- **{words('可能另加的金额', 'Money that may be added', lang)}:** {linked(page, r.amount_range['label'][lang], lang)}"
        )
    return out


def _plain_message(text: str) -> str:
    """A roster rule's message with its placeholders shown as generic words."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: "…" if m.group(1) != "employee_id" else "X", text)


def checklist_pages(site: Site) -> None:
    index = {}
    for lang in ("en", "zh"):
        lines = [header("checkups/data/rules"), f"# {words('检查清单', 'Compliance checklists', lang)}", ""]
        lines.append(
            words(
                "每张清单都可以直接打印（A4），逐项打勾。清单由体检规则生成，每项注明法律依据。",
                "Each checklist prints on A4, ready to tick. The items come from the check-up's rules, each with its legal basis.",
                lang,
            )
        )
        lines += [
            "",
            f"- **[{words('年度合规体检总清单', 'Annual compliance check-up (all areas)', lang)}]({link('checklists/index', 'checklists/annual')})**",
        ]
        lines += [f"- [{tr(a['name'], lang)}]({link('checklists/index', 'checklists/' + slug(a['id']))})" for a in _areas()]
        index[lang] = "\n".join(lines)
    site.add("checklists/index", index, section="checklists")
    site.add("checklists/annual", {lang: _annual(lang) for lang in ("en", "zh")}, section="checklists")
    for area in _areas():
        site.add("checklists/" + slug(area["id"]), {lang: _checklist(area, lang) for lang in ("en", "zh")}, section="checklists")


def _items(page: str, area: dict, lang: str) -> list[str]:
    out = []
    for r in rules(area=area["id"]):
        where = f" · {r.where(lang)}" if r.applies_in else ""
        advice = f" · {ADVICE[lang]}" if r.advice else ""
        out.append(f"- {r.title[lang]} <small>({cites(page, r.citations[:2], lang)}{where}{advice})</small>")
    out += [f"- {tr(x, lang)}" for x in area.get("checklist_extra", [])]
    return out


def _checklist(area: dict, lang: str) -> str:
    page = "checklists/" + slug(area["id"])
    title = words(f"检查清单：{tr(area['name'], 'zh')}", f"Checklist: {tr(area['name'], 'en')}", lang)
    lines = [header("checkups/data/rules"), f"# {title}", "", _fill_line(lang), "", '<div class="checklist" markdown>', ""]
    lines += _items(page, area, lang) or [f"- {words('本领域暂无检查项。', 'No checks in this area yet.', lang)}"]
    lines += ["", "</div>", print_footer(lang)]
    return "\n".join(lines)


def _annual(lang: str) -> str:
    page = "checklists/annual"
    lines = [
        header("checkups/data/rules"),
        f"# {words('年度合规体检总清单', 'Annual compliance check-up checklist', lang)}",
        "",
        _fill_line(lang),
        "",
    ]
    for area in _areas():
        items = _items(page, area, lang)
        if items:
            lines += [f"## {tr(area['name'], lang)}", "", '<div class="checklist" markdown>', "", *items, "", "</div>", ""]
    lines.append(print_footer(lang))
    return "\n".join(lines)


def _fill_line(lang: str) -> str:
    return words(
        "企业名称：＿＿＿＿＿＿＿＿　检查人：＿＿＿＿＿＿　检查日期：＿＿＿＿年＿＿月＿＿日",
        "Enterprise: ________________  Checked by: ____________  Date: ____-__-__",
        lang,
    )
