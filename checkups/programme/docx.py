"""A .docx file from laid-out blocks, written with the standard library only (``zipfile``
and WordprocessingML), so that it is made in the browser's Pyodide too, which has neither
python-docx nor lxml.  Headings use Word's built-in Title / Heading 1 / Heading 2 styles,
tables the Table Grid style, and a page break is a run with ``<w:br w:type="page"/>``."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from .agreement import Block

__all__ = ["to_docx"]


def escape(text: str) -> str:
    """Text for an XML element, as ``xml.sax.saxutils.escape`` gives it (that module imports
    urllib and http, which the browser would load for nothing)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STAMP = (1980, 1, 1, 0, 0, 0)  # a fixed date inside the zip, so the same input gives the same bytes

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def _style(sid: str, name: str, size: int, *, bold: bool = False, east: str = "宋体") -> str:
    b = "<w:b/>" if bold else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
        f'<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
        f'<w:rPr><w:rFonts w:eastAsia="{east}"/>{b}<w:sz w:val="{size}"/></w:rPr></w:style>'
    )


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>'
    '<w:sz w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _style("Title", "Title", 36, bold=True, east="黑体")
    + _style("Heading1", "heading 1", 28, bold=True, east="黑体")
    + _style("Heading2", "heading 2", 24, bold=True, east="黑体")
    + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
    + "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders></w:tblPr></w:style></w:styles>"
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, style: str | None = None, indent: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:ind w:left="420"/>' if indent else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{_run(text)}</w:p>"


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    cols = max(len(r) for r in rows)
    width = 9000 // cols
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    ]
    for i, row in enumerate(rows):
        header = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if i == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
        cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{_para(c)}</w:tc>' for c in row)
        out.append(f"<w:tr>{header}{cells}</w:tr>")
    out.append("</w:tbl><w:p/>")
    return "".join(out)


def _body(parts: Iterable[Block]) -> str:
    out = []
    for b in parts:
        if b.kind == "title":
            out.append(_para(b.text, "Title"))
        elif b.kind == "heading":
            out.append(_para(b.text, "Heading1" if b.level == 1 else "Heading2"))
        elif b.kind in ("paragraph", "note", "citations"):
            out.append(_para(b.text))
        elif b.kind == "item":
            out.append(_para(b.text, indent=True))
        elif b.kind == "table":
            out.append(_table(b.rows))
        elif b.kind == "pagebreak":
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    return "".join(out)


def to_docx(parts: Iterable[Block], title: str, lang: str = "zh") -> bytes:
    """The blocks as a .docx file's bytes (A4, 2 cm margins)."""
    section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
        f"{_body(parts)}{section}</w:body></w:document>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>Trusteeship Kit</dc:creator>"
        f"<dc:language>{'zh-CN' if lang == 'zh' else 'en'}</dc:language></cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/_rels/document.xml.rels", DOC_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", STYLES),
            ("docProps/core.xml", core),
        ):
            z.writestr(zipfile.ZipInfo(name, _STAMP), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
