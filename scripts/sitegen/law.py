"""The law and policy library: one page per instrument (an anchor per cited article),
the parameters page, and the dated policy updates with their Atom feed."""

from __future__ import annotations

import datetime as dt
from html import escape

from checkups.registry import catalog, parse_cites, rules

from .common import (
    Site,
    article_anchor,
    cite,
    header,
    law_page,
    link,
    rule_link,
    site_prefix,
    table,
    tr,
    words,
)

ORDER = ["LCL", "LCL-IR", "LL", "SIL", "SIC", "HPF", "PAL", "PAL-IM", "WPR", "MWPR", "MWP", "SCWH", "WTS", "HOL", "WTC",
         "SPFE", "SIL-PT", "DISPATCH", "RETIRE-D", "WIIR", "LSI", "LDMAL", "SPC-I", "SPC-II", "PIPL", "EPL", "GD-HRM",
         "GD-PFP"]  # fmt: skip


def _codes() -> list[str]:
    laws = catalog()["laws"]
    return [c for c in ORDER if c in laws] + sorted(set(laws) - set(ORDER))


def _cited_by() -> dict[tuple[str, str], list[str]]:
    """The rules that cite each article, in their citations or their texts (``{cite: …}``)."""
    found: dict[tuple[str, str], list[str]] = {}
    for r in rules():
        placed = [c for text in r.source.values() for v in text.values() for group in parse_cites(v) for c in group]
        for c in dict.fromkeys((c.law, c.article) for c in [*r.citations, *placed]):
            found.setdefault(c, []).append(r.id)
    return found


def law_pages(site: Site) -> None:
    laws = catalog()["laws"]
    used_by = _cited_by()
    index = {}
    for lang in ("en", "zh"):
        lines = [header("checkups/data/laws"), f"# {words('法律法规库', 'Law and policy library', lang)}", ""]
        lines.append(
            words(
                "本站引用的每一部法律、法规和司法解释，附所引条文的中文原文和英文摘要。其他页面上的引用都链接到这里的条文。",
                "Every law, regulation and judicial interpretation the site cites, with the Chinese text of each "
                "cited article and an English summary. Citations anywhere on the site link to the articles here.",
                lang,
            )
        )
        lines += [
            "",
            table(
                [
                    words("代码", "Code", lang),
                    words("名称", "Instrument", lang),
                    words("版本", "Version", lang),
                    words("条文", "Articles", lang),
                ],
                (
                    [
                        f"[{c}]({link('law/index', law_page(c))})",
                        tr(laws[c]["name"], lang),
                        str(laws[c]["version"]),
                        str(len(laws[c]["articles"])),
                    ]
                    for c in _codes()
                ),
            ),
        ]
        lines += [
            "",
            f"- [{words('数值参数（最低工资、平均工资等）', 'Figures (minimum wages, average wages, …)', lang)}]({link('law/index', 'law/parameters')})",
            f"- [{words('各地最低工资与平均工资（全国表、各市档次）', 'Regional minimum and average wages (national table, city tiers)', lang)}]({link('law/index', 'law/regions')})",
        ]
        lines += [f"- [{words('政策动态', 'Policy updates', lang)}]({link('law/index', 'law/updates')})"]
        index[lang] = "\n".join(lines)
    site.add("law/index", index, section="law")
    for code in _codes():
        site.add(law_page(code), {lang: _law(code, laws[code], used_by, lang) for lang in ("en", "zh")}, section="law")


def _law(code: str, law: dict, used_by: dict, lang: str) -> str:
    page = law_page(code)
    title = tr(law["name"], lang) if lang == "zh" else f"{tr(law['name'], 'en')}"
    lines = [header(f"checkups/data/laws/{code}.yaml"), f"# {title} ({code})", ""]
    meta = [
        [words("中文名称", "Chinese title", lang), law["name"]["zh"]],
        [words("制定机关", "Issued by", lang), tr(law.get("issuer"), lang)],
        [words("文本版本", "Version quoted", lang), str(law["version"])],
    ]
    if law.get("effective"):
        meta.append([words("施行日期", "In force from", lang), str(law["effective"])])
    meta.append([words("官方来源", "Official source", lang), f"<{law['source']}>"])
    verified = law.get("text_verified")
    meta.append(
        [
            words("条文核对", "Text checked", lang),
            words("已与官方文本核对", "verbatim from the official text", lang)
            if verified
            else words("⚠ 来自二手资料，待核对", "⚠ from a secondary source, to be checked", lang),
        ]
    )
    lines += [table([words("项目", "Item", lang), words("内容", "Detail", lang)], meta), ""]
    if law.get("note"):
        lines += [f'!!! warning "{words("注意", "Note", lang)}"', f"    {tr(law['note'], lang)}", ""]
    for number in sorted(law["articles"], key=lambda n: (len(n), n)):
        art = law["articles"][number]
        anchor = article_anchor(code, number)
        heading = f"第{number}条" if lang == "zh" else f"Article {number}"
        lines += [f"## {heading} {{#{anchor}}}", ""]
        if art.get("zh"):
            lines += ["\n".join("> " + p for p in art["zh"].split("\n")), '{: lang="zh-CN" }', ""]
        else:
            lines += [words("（原文未找到。）", "(Text not found.)", lang), ""]
        if lang == "en" or not art.get("zh"):
            lines += [f"**{words('英文摘要', 'Summary', lang)}:** {art['en']}", ""]
        else:
            lines += [f'<p lang="en" class="summary-en"><strong>English summary:</strong> {escape(art["en"])}</p>', ""]
        users = used_by.get((code, number))
        if users:
            lines += [f"{words('检查项', 'Checked by', lang)}: " + "; ".join(rule_link(page, u, lang) for u in users), ""]
    return "\n".join(lines)


def parameters_page(site: Site) -> None:
    params = catalog()["parameters"]
    regions = catalog()["regions"]
    texts = {}
    for lang in ("en", "zh"):
        page = "law/parameters"
        lines = [header("checkups/data/parameters"), f"# {words('数值参数', 'Figures and parameters', lang)}", ""]
        lines.append(
            words(
                "每个数值都注明生效日期、来源和是否已核实。标注 ⚠ 的数值来自新闻报道或律所文章等二手资料，使用前请与当地官方公布核对，或在体检中自行输入。",
                "Every figure carries its effective date, source and whether it has been verified. Figures marked ⚠ "
                "come from secondary sources such as news reports or law-firm notes: check them against the local "
                "official notice before relying on them, or type your own figure into the check-up.",
                lang,
            )
        )
        for name in sorted(params):
            p = params[name]
            anchor = name.replace(".", "-").replace("_", "-")
            lines += [
                "",
                f"## {tr(p['description'], lang)} {{#{anchor}}}",
                "",
                f"`{name}` · {words('单位', 'unit', lang)}: {p['unit']}",
            ]
            if p.get("reference"):
                lines[-1] += f" · {words('依据', 'basis', lang)}: {cite(page, p['reference'], lang)}"
            rows = []
            if set(p["values"]) - {"national"}:
                lines += [
                    "",
                    words(
                        f"各省、各档和各城市的数值见[各地最低工资与平均工资]({link(page, 'law/regions')})；此处只列全国项。",
                        f"The values of each province, tier and city are on [Regional minimum and average wages]"
                        f"({link(page, 'law/regions')}); only the national entry is listed here.",
                        lang,
                    ),
                ]
            for region, entries in p["values"].items():
                if region != "national":
                    continue
                for e in entries:
                    value = e["value"]
                    shown = (
                        words("（无统一数值）", "(no single figure)", lang)
                        if value is None
                        else (
                            "; ".join(f"{k}: {v}" for item in value for k, v in item.items())
                            if isinstance(value, list)
                            else ", ".join(f"{k} {v}" for k, v in value.items())
                            if isinstance(value, dict)
                            else str(value)
                        )
                    )
                    mark = "✓" if e["verified"] else words("⚠ 未核实", "⚠ unverified", lang)
                    source = e["source"] + (f" — {tr(e['note'], lang)}" if e.get("note") else "")
                    rows.append([tr(regions[region]["name"], lang), e["effective"], shown, mark, source])
            lines += [
                "",
                table(
                    [
                        words("地区", "Region", lang),
                        words("生效日期", "From", lang),
                        words("数值", "Value", lang),
                        words("核实", "Verified", lang),
                        words("来源", "Source", lang),
                    ],
                    rows,
                ),
            ]
        texts[lang] = "\n".join(lines)
    site.add("law/parameters", texts, section="law")


def updates_page(site: Site) -> None:
    """The policy-updates page (its Atom feed is written at build time, see :func:`atom_feed`)."""
    updates = catalog().get("updates", [])
    texts = {}
    for lang in ("en", "zh"):
        page = "law/updates"
        lines = [header("checkups/data/updates.yaml"), f"# {words('政策动态', 'Policy updates', lang)}", ""]
        lines.append(
            words(
                "按日期列出与小微企业劳动用工合规有关的变化。订阅：",
                "Changes that matter for MSE labour compliance, newest first. Subscribe:",
                lang,
            )
            + f' <a href="{"../" * (2 + site_prefix(lang).count("/"))}feed.xml">Atom</a>'
        )  # raw link: the feed is a build output, at the site root
        for u, anchor in zip(updates, update_anchors(updates)):
            lines += ["", f"## {u['date']} · {tr(u['title'], lang)} {{#{anchor}}}", "", tr(u["summary"], lang)]
            extra = []
            if u.get("citations"):
                extra.append(words("依据", "Basis", lang) + ": " + "; ".join(cite(page, c, lang) for c in u["citations"]))
            if u.get("parameters"):
                extra.append(
                    words("相关数值", "Figures", lang)
                    + ": "
                    + ", ".join(
                        f"[`{n}`]({link(page, 'law/parameters', n.replace('.', '-').replace('_', '-'))})" for n in u["parameters"]
                    )
                )
            if u.get("source"):
                extra.append(words("来源", "Source", lang) + f": <{u['source']}>")
            extra.append(
                words("核实", "Verified", lang) + ": " + ("✓" if u.get("verified") else words("⚠ 未核实", "⚠ unverified", lang))
            )
            lines += [""] + [f"- {e}" for e in extra]
        texts[lang] = "\n".join(lines)
    site.add("law/updates", texts, section="law")


def update_anchors(updates: list[dict]) -> list[str]:
    """A stable, unique anchor per update: its date, numbered when a day has several."""
    seen: dict[str, int] = {}
    out = []
    for u in updates:
        day = str(u["date"])
        seen[day] = seen.get(day, 0) + 1
        out.append(f"update-{day}" + (f"-{seen[day]}" if seen[day] > 1 else ""))
    return out


def atom_feed(site_url: str) -> str:
    """The policy updates as an Atom feed, with absolute links under ``site_url``."""
    updates = catalog().get("updates", [])
    base = site_url.rstrip("/") + "/"
    newest = max((str(u["date"]) for u in updates), default="2025-01-01")
    entries = []
    for u, anchor in zip(updates, update_anchors(updates)):
        day = str(u["date"])
        stamp = dt.date.fromisoformat(day).isoformat() + "T00:00:00Z"
        entries.append(
            "  <entry>\n"
            f"    <id>{base}law/updates/#{anchor}</id>\n"
            f"    <title>{escape(u['title']['zh'])} · {escape(u['title']['en'])}</title>\n"
            f"    <updated>{stamp}</updated>\n"
            f'    <link href="{base}law/updates/#{anchor}"/>\n'
            f"    <summary>{escape(u['summary']['zh'])}\n\n{escape(u['summary']['en'])}</summary>\n"
            "  </entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{base}law/updates/</id>\n  <title>劳动关系托管工具包 · 政策动态 · Trusteeship Kit policy updates</title>\n"
        f"  <updated>{newest}T00:00:00Z</updated>\n"
        f'  <link rel="self" href="{base}feed.xml"/>\n  <link href="{base}law/updates/"/>\n' + "\n".join(entries) + "\n</feed>\n"
    )
