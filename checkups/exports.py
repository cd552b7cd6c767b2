"""Findings as files for other programs: streamed JSON, and a CSV or XLSX list with one
finding a row, safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is
written with a leading single quote, so that a spreadsheet shows it as text and never runs
it as a formula (``=HYPERLINK(…)`` in a name stays a name).  The XLSX holds inline strings
only, without the characters XML cannot carry.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import escape

from .findings import Finding
from .report_page import L, _sev
from .text import Text

__all__ = ["findings_csv", "findings_table", "findings_xlsx", "iter_json", "safe_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    ("row", L["row"]),
    ("employee_id", Text("工号", "Employee ID")),
    ("title", Text("问题", "Finding")),
    ("severity", Text("严重程度", "Severity")),
    ("message", Text("说明", "Details")),
    ("amount", L["amount"]),
    ("range_low", Text("可能另加（下限，元）", "May be added, low (yuan)")),
    ("range_high", Text("可能另加（上限，元）", "May be added, high (yuan)")),
    ("range_label", Text("可能另加的是", "What may be added")),
    ("basis", L["basis"]),
    ("how", L["how"]),
)
NUMERIC = frozenset({"row", "amount", "range_low", "range_high"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_cell(value: Any) -> str:
    """A cell's text, with a leading ``'`` when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def findings_table(findings: Iterable[Finding], lang: str) -> Iterator[list[str]]:
    """The header, then one row per finding (each explanation built once): line, employee,
    rule title, severity, message, money, citations and the steps of the computation."""
    yield [label.get(lang) for _, label in COLUMNS]
    for f in findings:
        spec, rng = f.spec, f.amount_range
        yield [
            "" if f.row is None else str(f.row),
            safe_cell(f.employee_id),
            safe_cell(spec.title[lang]),
            _sev(spec.severity, lang),
            safe_cell(f.message.get(lang)),
            "" if f.amount is None else str(f.amount),
            "" if rng is None else str(rng.low),
            "" if rng is None else str(rng.high),
            "" if rng is None else safe_cell(rng.label.get(lang)),
            "; ".join(c.label(lang) for c in spec.citations),
            safe_cell("\n".join(s.get(lang) for s in f.trace.steps)),
        ]


def findings_csv(findings: Iterable[Finding], lang: str) -> Iterator[str]:
    """The findings as CSV text in pieces, UTF-8 with a byte-order mark when encoded (so that
    Excel reads the Chinese), one finding a row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    for i, row in enumerate(findings_table(findings, lang)):
        writer.writerow(row)
        if i % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(ref: str, value: str, numeric: bool) -> str:
    if numeric and value:
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(_NOT_XML.sub("", value))}</t></is></c>'


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


_XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}


def findings_xlsx(findings: Iterable[Finding], lang: str) -> bytes:
    """The same list as :func:`findings_csv` as an Excel workbook of one sheet (no dependency)."""
    sheet = Text("发现问题", "Findings").get(lang)
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    letters = [_letters(i + 1) for i in range(len(COLUMNS))]
    numeric = [key in NUMERIC for key, _ in COLUMNS]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in _XLSX_PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/workbook.xml", workbook)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            for r, row in enumerate(findings_table(findings, lang), start=1):
                cells = "".join(_cell(f"{letters[i]}{r}", v, r > 1 and numeric[i]) for i, v in enumerate(row))
                out.write(f'<row r="{r}">{cells}</row>'.encode())
            out.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def iter_json(document: dict[str, Any], *, indent: int = 2) -> Iterator[str]:
    """``json.dumps(document, ensure_ascii=False, indent=indent)`` in pieces: a top-level value
    that is an iterator (not a list) is written one item at a time, never held whole."""
    pad = " " * indent

    def dump(value: Any, depth: int) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent).replace("\n", "\n" + pad * depth)

    yield "{"
    for n, (key, value) in enumerate(document.items()):
        yield ("," if n else "") + f"\n{pad}{json.dumps(key, ensure_ascii=False)}: "
        if not isinstance(value, Iterator):
            yield dump(value, 1)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else ",") + f"\n{pad * 2}{dump(item, 2)}"
            empty = False
        yield "[]" if empty else f"\n{pad}]"
    yield "\n}" if document else "}"
