"""The open formats on the site: the page ``check-up/formats`` listing the JSON Schemas and
the roster templates, a section of the roster check-up page linking them, and (a build
output, ``--assets``) the files themselves: ``schemas/<name>.schema.json`` copied from
``checkups/schemas/`` and ``downloads/roster-template-<lang>.csv/.xlsx`` made from the
columns, both served from the site's root.

The files have no language suffix, so the site serves them once, at its root, in every
language; pages link them with plain HTML links counted from the page's own address (the
page of another language than the default one lives a folder deeper), which the site
tests check like every other link.
"""

from __future__ import annotations

import html
from pathlib import Path

from checkups import schemas
from checkups.templates import template_bytes, template_xlsx

from .common import LANGS, Site, filename, header, link, words

PAGE = "check-up/formats"
ROSTER_PAGE = "check-up/roster"
TEMPLATES = [
    (f"roster-template-{lang}.{ext}", kind, lang) for ext, kind in (("csv", "CSV"), ("xlsx", "Excel")) for lang in ("zh", "en")
]


def _to_root(page: str, lang: str) -> str:
    """The relative path from the built page (``<page>/``, an index page its folder) to the site root."""
    url = page.removesuffix("index") if page == "index" or page.endswith("/index") else page + "/"
    deeper = 0 if filename(page, lang) == f"{page}.md" else 1  # not the default language: under <lang>/
    return "../" * (url.count("/") + deeper)


def _a(href: str, text: str, *, download: bool = False) -> str:
    return f'<a href="{href}"{" download" if download else ""}>{text}</a>'


def _templates(page: str, lang: str) -> str:
    """The four roster templates as a list of download links."""
    root = _to_root(page, lang)
    headers = {"zh": words("中文表头", "Chinese headers", lang), "en": words("英文表头", "English headers", lang)}
    items = [
        f"- {_a(f'{root}downloads/{name}', f'{kind}（{headers[code]}）' if lang == 'zh' else f'{kind} ({headers[code]})', download=True)}"
        for name, kind, code in TEMPLATES
    ]
    return "\n".join(items)


def _page(lang: str) -> str:
    root = _to_root(PAGE, lang)
    lines = [
        header("checkups/schemas and checkups/columns.py (scripts/sitegen/formats.py)"),
        f"# {words('开放格式', 'Open formats', lang)}",
        "",
        words(
            "本工具包读写的文件都是公开的格式：名册是普通的 CSV 或 Excel 表格；体检结果、计算结果和保存的答案是 JSON，"
            "每种都有一份 JSON Schema（2020-12 版）说明其中每一项。其他软件（人事系统、代理机构或主管部门的程序）"
            "可以按这些说明生成名册、读取结果，无需使用本工具包。",
            "Every file the kit reads or writes is an open format: a roster is a plain CSV or Excel table; the "
            "results of the check-ups and calculators and the saved answers are JSON, each described item by item "
            "by a JSON Schema (draft 2020-12). Other software (an HR system, an agency's or a bureau's programs) "
            "can write rosters and read results from these descriptions without using the kit.",
            lang,
        ),
        "",
        f"## {words('员工名册模板', 'Roster templates', lang)}",
        "",
        words(
            "空白名册，包含全部列。每行填写一名员工；只有工号和入职日期必填，其余列有则检查。",
            "An empty roster with every column. Fill in one employee a row; only the employee number and the hire "
            "date are required, the other columns are checked when they are filled in.",
            lang,
        ),
        "",
        _templates(PAGE, lang),
        "",
        f"- [{words('各列的说明', 'What each column holds', lang)}]({link(PAGE, 'check-up/index')})",
        "",
        f"## {words('JSON Schema', 'JSON Schemas', lang)}",
        "",
        words(
            "这些文件也随 Python 包 checkups 提供（checkups/schemas/），本工具包的测试用它们检查自己输出的每一份 JSON。",
            "The same files come with the checkups Python package (checkups/schemas/); the kit's own tests check every "
            "JSON it writes against them.",
            lang,
        ),
        "",
        f"| {words('内容', 'What it describes', lang)} | {words('文件', 'File', lang)} |",
        "|---|---|",
    ]
    for name in schemas.names():
        schema = schemas.load(name)
        title = html.escape(schema["x-title-zh"] if lang == "zh" else schema["title"])
        lines.append(f"| {title} | {_a(f'{root}schemas/{name}.schema.json', f'{name}.schema.json')} |")
    return "\n".join(lines)


def _roster_section(lang: str) -> str:
    title = words("名册模板和格式", "Roster templates and formats", lang)
    formats = words("开放格式：名册和结果的 JSON Schema", "Open formats: the JSON Schemas of rosters and results", lang)
    return f"\n\n## {title}\n\n{_templates(ROSTER_PAGE, lang)}\n- [{formats}]({link(ROSTER_PAGE, PAGE)})\n"


def formats_pages(site: Site) -> None:
    """The formats page, and the templates' section of the roster check-up page (made before)."""
    site.add(PAGE, {lang: _page(lang) for lang in LANGS}, section="check-up")
    for lang in LANGS:
        name = filename(ROSTER_PAGE, lang)
        if name not in site.pages:
            raise SystemExit(f"sitegen.formats: no {name} to link the roster templates from")
        site.pages[name] = site.pages[name].rstrip() + _roster_section(lang)


def write_formats(docs: Path) -> list[Path]:
    """Write the schema files and the roster templates under ``docs`` (build outputs)."""
    out = docs / "schemas"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schemas.names():
        target = out / f"{name}.schema.json"
        target.write_text(schemas.path(name).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(target)
    downloads = docs / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    for name, kind, lang in TEMPLATES:
        target = downloads / name
        target.write_bytes(template_bytes(lang) if kind == "CSV" else template_xlsx(lang))
        written.append(target)
    return written
