"""Model agreements and documents: printable pages with fill-in fields, and the same
content as .docx files (written at build time into docs/downloads/, not committed)."""

from __future__ import annotations

from pathlib import Path

from checkups.programme.agreement import paragraph_texts
from checkups.registry import catalog

from .common import Site, area_name_safe, cites, file_link, header, link, print_footer, table, tr, words

ROLE = {"agency": {"zh": "托管机构", "en": "Agency"}, "enterprise": {"zh": "企业", "en": "Enterprise"}}
RACI = {
    "R": {"zh": "执行", "en": "does"},
    "A": {"zh": "审批", "en": "approves"},
    "C": {"zh": "协商", "en": "consulted"},
    "I": {"zh": "知悉", "en": "informed"},
}
BLANK = "＿＿＿＿＿＿＿＿"


def slug(name: str) -> str:
    return name.replace("_", "-")


def docx_name(name: str, lang: str) -> str:
    return f"downloads/{slug(name)}.{lang}.docx"


def document_pages(site: Site) -> None:
    data = catalog()
    agreements, documents = data.get("agreement", {}), data.get("documents", {})
    index = {}
    for lang in ("en", "zh"):
        page = "agreements/index"
        lines = [
            header("checkups/data/agreement and checkups/data/documents"),
            f"# {words('示范协议和文书', 'Model agreements and documents', lang)}",
            "",
        ]
        lines.append(
            words(
                "每份文书都有可打印的网页版和可下载编辑的 Word（.docx）版。下划线处为需要填写的内容；示范文本需结合企业实际修改，必要时请律师审核。",
                "Each document is a printable page and a Word (.docx) file to download and edit. Underlined blanks "
                "are to be filled in; adapt the models to the enterprise, with a lawyer's review where needed.",
                lang,
            )
        )
        rows = []
        for name, doc in list(agreements.items()) + list(documents.items()):
            target = f"agreements/{slug(name)}"
            rows.append(
                [
                    f"[{tr(doc['title'], lang)}]({link(page, target)})",
                    tr(doc.get("purpose") or doc.get("note"), lang),
                    f"[.docx]({file_link(page, docx_name(name, lang))})",
                ]
            )
        lines += ["", table([words("文书", "Document", lang), words("用途", "Use", lang), words("下载", "Download", lang)], rows)]
        index[lang] = "\n".join(lines)
    site.add("agreements/index", index, section="agreements")
    for name, doc in agreements.items():
        site.add(f"agreements/{slug(name)}", {lang: _agreement(name, doc, lang) for lang in ("en", "zh")}, section="agreements")
    for name, doc in documents.items():
        site.add(f"agreements/{slug(name)}", {lang: _document(name, doc, lang) for lang in ("en", "zh")}, section="agreements")


def _download(page: str, name: str, lang: str) -> str:
    return f"[{words('下载 Word 版', 'Download as Word (.docx)', lang)}]({file_link(page, docx_name(name, lang))})"


def _agreement(name: str, doc: dict, lang: str) -> str:
    page = f"agreements/{slug(name)}"
    lines = [header(f"checkups/data/agreement/{name}.yaml"), f"# {tr(doc['title'], lang)}", "", _download(page, name, lang), ""]
    builder = words("按所选服务领域生成只含相应条款的协议", "Build the agreement for the service areas you choose", lang)
    lines += [f"[{builder}]({link(page, 'tools/agreement')})", ""]
    if doc.get("note"):
        lines += [
            f'!!! note "{words("使用说明", "How to use this model", lang)}"',
            "    " + tr(doc["note"], lang).replace("\n", "\n    "),
            "",
        ]
    for party in doc.get("parties", []):
        lines += [f"**{tr(party['label'], lang)}**", ""]
        lines += [
            table(
                [words("项目", "Item", lang), words("填写", "Entry", lang)],
                ([tr(f, lang), BLANK] for f in party.get("fields", [])),
            ),
            "",
        ]
    for number, clause in enumerate(doc.get("clauses", []), 1):
        lines += [f"## {number}. {tr(clause['heading'], lang)} {{#{clause['id'].replace('_', '-')}}}", ""]
        lines += [text + "\n" for text, _ in paragraph_texts(clause.get("paragraphs", []), lang, boxes=True)]
        if clause.get("citations"):
            lines += [f"<small>{words('依据', 'Basis', lang)}: {cites(page, clause['citations'], lang)}</small>", ""]
    if doc.get("responsibility_matrix"):
        lines += [f"## {words('附件一：责任分工矩阵', 'Annex 1: Responsibility matrix', lang)} {{#responsibility-matrix}}", ""]
        lines.append(
            words("R = 执行，A = 审批，C = 协商，I = 知悉。", "R = does it, A = approves, C = consulted, I = informed.", lang)
        )
        lines += [
            "",
            table(
                [
                    words("事项", "Task", lang),
                    words("服务领域", "Area", lang),
                    tr(ROLE["agency"], lang),
                    tr(ROLE["enterprise"], lang),
                ],
                (
                    [tr(t["task"], lang), area_name_safe(t.get("area"), lang), t.get("agency", ""), t.get("enterprise", "")]
                    for t in doc["responsibility_matrix"]
                ),
            ),
            "",
        ]
    if doc.get("service_levels"):
        lines += [f"## {words('附件二：服务水平', 'Annex 2: Service levels', lang)} {{#service-levels}}", ""]
        lines += [
            table(
                [words("服务", "Service", lang), words("标准", "Level", lang)],
                ([tr(s["service"], lang), tr(s["level"], lang)] for s in doc["service_levels"]),
            ),
            "",
        ]
    lines += [_signatures(lang), print_footer(lang)]
    return "\n".join(lines)


def _document(name: str, doc: dict, lang: str) -> str:
    page = f"agreements/{slug(name)}"
    lines = [header(f"checkups/data/documents/{name}.yaml"), f"# {tr(doc['title'], lang)}", "", _download(page, name, lang), ""]
    if doc.get("purpose"):
        lines += [f"*{tr(doc['purpose'], lang)}*", ""]
    if doc.get("citations"):
        lines += [f"{words('依据', 'Basis', lang)}: {cites(page, doc['citations'], lang)}", ""]
    for section in doc.get("sections", []):
        lines += [f"## {tr(section['heading'], lang)}", ""]
        lines += [_blanks(tr(p, lang)) + "\n" for p in section.get("paragraphs", [])]
        if section.get("fields"):
            lines += [
                table(
                    [words("项目", "Item", lang), words("填写", "Entry", lang)],
                    ([tr(f["label"], lang), _field(f, lang)] for f in section["fields"]),
                ),
                "",
            ]
    lines.append(print_footer(lang))
    return "\n".join(lines)


def _blanks(text: str) -> str:
    return text.replace("____", BLANK)


def _field(field: dict, lang: str) -> str:
    kind = field.get("kind", "text")
    if kind == "choice":
        return "　".join("☐ " + tr(o, lang) for o in field.get("options", []))
    if kind == "date":
        return words("＿＿＿＿年＿＿月＿＿日", "____-__-__", lang)
    if kind == "money":
        return words(f"{BLANK} 元", f"{BLANK} yuan", lang)
    if kind == "signature":
        return words("签字（盖章）：＿＿＿＿＿＿＿＿", "Signature (seal): ________________", lang)
    if kind == "lines":
        return "<br>".join([BLANK * 3] * 3)
    return BLANK


def _signatures(lang: str) -> str:
    rows = [
        [tr(ROLE["agency"], lang) + words("（盖章）", " (seal)", lang), BLANK],
        [tr(ROLE["enterprise"], lang) + words("（盖章）", " (seal)", lang), BLANK],
        [words("签订日期", "Date signed", lang), words("＿＿＿＿年＿＿月＿＿日", "____-__-__", lang)],
    ]
    return (
        f"## {words('签署', 'Signatures', lang)}\n\n"
        + table([words("签署方", "Party", lang), words("签字", "Signature", lang)], rows)
        + "\n"
    )


def write_docx(out_dir: Path) -> list[Path]:
    """Write every agreement and document as .docx, in both languages, into ``out_dir``."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def new() -> Document:
        d = Document()
        style = d.styles["Normal"]
        style.font.name = "SimSun"
        style.font.size = Pt(11)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
        for name in ("Heading 1", "Heading 2", "Title"):
            st = d.styles[name]
            st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
        return d

    def fields_table(d, rows):
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for label, entry in rows:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = label, entry
        d.add_paragraph()

    written = []
    data = catalog()
    out_dir.mkdir(parents=True, exist_ok=True)
    for group in ("agreement", "documents"):
        for name, doc in data.get(group, {}).items():
            for lang in ("en", "zh"):
                d = new()
                d.add_heading(tr(doc["title"], lang), level=0)
                intro = doc.get("note") or doc.get("purpose")
                if intro:
                    d.add_paragraph(tr(intro, lang))
                for party in doc.get("parties", []):
                    d.add_heading(tr(party["label"], lang), level=2)
                    fields_table(d, [(tr(f, lang), BLANK) for f in party.get("fields", [])])
                for number, clause in enumerate(doc.get("clauses", []), 1):
                    d.add_heading(f"{number}. {tr(clause['heading'], lang)}", level=1)
                    for text, _ in paragraph_texts(clause.get("paragraphs", []), lang, boxes=True):
                        d.add_paragraph(text)
                for section in doc.get("sections", []):
                    d.add_heading(tr(section["heading"], lang), level=1)
                    for p in section.get("paragraphs", []):
                        d.add_paragraph(_blanks(tr(p, lang)))
                    if section.get("fields"):
                        fields_table(
                            d, [(tr(f["label"], lang), _field(f, lang).replace("<br>", "\n")) for f in section["fields"]]
                        )
                if doc.get("responsibility_matrix"):
                    d.add_heading(words("附件一：责任分工矩阵", "Annex 1: Responsibility matrix", lang), level=1)
                    t = d.add_table(rows=1, cols=4)
                    t.style = "Table Grid"
                    for cell, text in zip(
                        t.rows[0].cells,
                        [
                            words("事项", "Task", lang),
                            words("服务领域", "Area", lang),
                            tr(ROLE["agency"], lang),
                            tr(ROLE["enterprise"], lang),
                        ],
                    ):
                        cell.text = text
                    for task in doc["responsibility_matrix"]:
                        cells = t.add_row().cells
                        for cell, text in zip(
                            cells,
                            [
                                tr(task["task"], lang),
                                area_name_safe(task.get("area"), lang),
                                task.get("agency", ""),
                                task.get("enterprise", ""),
                            ],
                        ):
                            cell.text = text
                if doc.get("service_levels"):
                    d.add_heading(words("附件二：服务水平", "Annex 2: Service levels", lang), level=1)
                    fields_table(d, [(tr(s["service"], lang), tr(s["level"], lang)) for s in doc["service_levels"]])
                path = out_dir / Path(docx_name(name, lang)).name
                d.core_properties.title = tr(doc["title"], lang)
                d.core_properties.author = "Trusteeship Kit"
                d.save(path)
                written.append(path)
    return written
