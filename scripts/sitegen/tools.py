"""The programme tools' pages (``docs/tools/``): an index and one page per tool, each with its
instant form, a link to its notebook and the command line for agencies and developers."""

from __future__ import annotations

from checkups.text import Text

from .common import Site, header, link, site_prefix, words
from .instant import instant_form

#: (page slug, instant form kind or None, title, one-sentence summary)
TOOLS: list[tuple[str, str | None, Text, Text]] = [
    (
        "tools/early-warning",
        "early-warning",
        Text("风险预警和期限日历", "Risk early warning and deadlines calendar"),
        Text(
            "上传一份员工名册，得到 A/B/C 风险等级、触发的预警指标和今后的法定期限，并可导出为手机或 Outlook 可导入的日历。",
            "Upload an employee roster to get an A/B/C risk grade, the warnings that drove it and the legal deadlines ahead, "
            "exported as a calendar a phone or Outlook imports.",
        ),
    ),
    (
        "tools/portfolio",
        "portfolio",
        Text("托管企业名册批量检查", "Portfolio audit of client rosters"),
        Text(
            "托管机构一次选择各托管企业的名册，得到每家企业一行的汇总（员工、问题、涉及金额、风险等级、最近的期限）和图表。",
            "An agency chooses its clients' rosters at once and gets one row per client (employees, findings, money at "
            "risk, grade, nearest deadline), with totals and charts.",
        ),
    ),
    (
        "tools/bureau",
        "bureau",
        Text("人社部门项目汇总", "Programme totals for the labour bureau"),
        Text(
            "汇总各托管机构的批量检查结果：覆盖企业数、两次检查之间已整改的问题、风险等级的变化和按补贴档次的机构。",
            "Totals of the agencies' portfolio audits: enterprises covered, findings fixed between two audits, grades "
            "moved and agencies by subsidy tier.",
        ),
    ),
]

#: the command line of each tool, for the note to agencies and developers
COMMANDS = {
    "tools/early-warning": "python -m checkups warn ROSTER --as-of 2025-06-30 --region guangzhou --format ics -o deadlines.ics",
    "tools/portfolio": "python -m checkups portfolio DIR --as-of 2025-06-30 --jobs 2 --format html -o portfolio.html",
    "tools/bureau": "python -m checkups bureau agency-a.json agency-b.json --format html -o programme.html",
}


def _tool(slug: str, kind: str | None, title: Text, summary: Text, lang: str) -> str:
    root = "../" * (2 + site_prefix(lang).count("/"))  # from /[en/]tools/<slug>/ to the site root
    name = slug.split("/", 1)[1]
    notebook = f"{root}lite/notebooks/index.html?path=tool-{name}.{lang}.ipynb"
    lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {title.get(lang)}", "", summary.get(lang), ""]
    if kind:
        lines += [instant_form(kind, lang, root), ""]
    lines.append(f'<a href="{notebook}">{words("以笔记本方式打开", "Open as notebook", lang)}</a>')
    note = words("供托管机构和开发者使用：命令行", "For agencies and developers: the command line", lang)
    lines += ["", f'!!! note "{note}"', "", f"    ```bash\n    {COMMANDS[slug]}\n    ```", ""]
    return "\n".join(lines)


def tools_pages(site: Site) -> None:
    """The index of the tools and one page per tool."""
    index = {}
    for lang in ("en", "zh"):
        lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {words('项目工具', 'Programme tools', lang)}", ""]
        lines += [f"- [{t.get(lang)}]({link('tools/index', slug)}): {s.get(lang)}" for slug, _, t, s in TOOLS]
        index[lang] = "\n".join(lines)
    site.add("tools/index", index, section="tools")
    for slug, kind, title, summary in TOOLS:
        site.add(slug, {lang: _tool(slug, kind, title, summary, lang) for lang in ("en", "zh")}, section="tools")
