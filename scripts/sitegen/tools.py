"""The programme tools section (``docs/tools/``): an index and one page per tool, each with
what it is for and who uses it, its instant form, the notebook and the command line."""

from __future__ import annotations

from checkups.text import Text

from .common import Site, header, link, site_prefix, words
from .instant import instant_form

#: (page slug, instant form kind, title, one-sentence summary), in the order of the section
TOOLS: list[tuple[str, str, Text, Text]] = [
    (
        "needs",
        "needs",
        Text("托管需求自测", "Needs survey"),
        Text(
            "回答六个问题，看看哪些服务领域和增值服务值得委托，以及为什么。",
            "Answer six questions to see which service areas and value-added services are worth entrusting, and why.",
        ),
    ),
    (
        "agreement",
        "agreement",
        Text("托管协议生成", "Agreement builder"),
        Text(
            "选择委托的服务领域，得到只含相应条款、责任分工和服务水平的托管服务协议（网页、Markdown、Word）。",
            "Choose the service areas to entrust and get the trusteeship agreement with only their clauses, "
            "responsibility matrix and service levels (web page, Markdown, Word).",
        ),
    ),
]
#: who each tool is for and the command line behind it
ABOUT = {
    "needs": (
        Text(
            "供企业负责人自测，也供托管机构和人社局在签约前了解企业需要。结果列出建议委托的领域、每项建议来自哪条回答和理由，并链接到服务内容页面；可以一键按这些领域起草协议。",
            "For an owner to check on their own, and for an agency or a bureau to learn what an enterprise needs "
            "before signing. The result lists the areas to entrust, the answer and reason behind each, links to "
            "the service pages, and drafts the agreement for those areas in one click.",
        ),
        "python -m checkups needs ANSWERS.json [--format text|json|md] [--lang zh|en]",
    ),
    "agreement": (
        Text(
            "供企业和托管机构签约前使用。协议只保留所选领域的条款、风险预警情形、差错赔偿事项、责任分工矩阵和服务水平，其余条款照示范文本保留；下划线处由双方填写。",
            "For an enterprise and an agency before they sign. The agreement keeps only the chosen areas' "
            "clauses, warning cases, error-compensation items, responsibility matrix and service levels, and the "
            "rest of the model text; the parties fill in the blanks.",
        ),
        "python -m checkups agreement CHOICES.json [--format html|md|docx] [--lang zh|en] [-o FILE]",
    ),
}


def tools_pages(site: Site) -> None:
    """The section's index and one page per tool, in both languages."""
    index = {}
    for lang in ("en", "zh"):
        page = "tools/index"
        lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {words('托管项目工具', 'Programme tools', lang)}", ""]
        lines.append(
            words(
                "这些工具在本浏览器中计算，供企业、托管机构和人社局使用自己的数据。",
                "These tools compute in this browser, for enterprises, agencies and bureaus to use on their own data.",
                lang,
            )
        )
        lines.append("")
        lines += [
            f"- [{title.get(lang)}]({link(page, 'tools/' + slug)}): {summary.get(lang)}" for slug, _, title, summary in TOOLS
        ]
        index[lang] = "\n".join(lines) + "\n"
    site.add("tools/index", index, section="tools")
    for slug, kind, title, summary in TOOLS:
        site.add(f"tools/{slug}", {lang: _tool(slug, kind, title, summary, lang) for lang in ("en", "zh")}, section="tools")


def _tool(slug: str, kind: str, title: Text, summary: Text, lang: str) -> str:
    root = "../" * (2 + site_prefix(lang).count("/"))  # from /[en/]tools/<slug>/ to the site root
    about, command = ABOUT.get(kind, (summary, ""))
    notebook = f"{root}lite/notebooks/index.html?path=tool-{slug}.{lang}.ipynb"
    lines = [header("scripts/sitegen/tools.py (TOOLS)"), f"# {title.get(lang)}", "", summary.get(lang), "", about.get(lang), ""]
    lines += [instant_form(kind, lang, root), ""]
    lines += [
        f'<a href="{notebook}">{words("以笔记本方式打开（显示全部代码）", "Open as notebook (shows all the code)", lang)}</a>',
        "",
    ]
    if command:
        lines += [
            f'!!! note "{words("供托管机构和开发者", "For agencies and developers", lang)}"',
            f"    {words('命令行', 'Command line', lang)}: `{command}`",
            "",
        ]
    return "\n".join(lines)
