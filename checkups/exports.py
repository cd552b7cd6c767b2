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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .findings import Finding, explain_all, gc_paused
from .report_page import L, _sev
from .text import Text

__all__ = ["errors_csv", "findings_csv", "findings_table", "findings_xlsx", "iter_json", "safe_cell", "sheet_xlsx"]

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
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value: Any) -> str:
    """A cell's text, with a leading ``'`` when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def findings_table(findings: Sequence[Finding], lang: str) -> Iterator[list[str]]:
    """The header, then one row per finding (each explanation built once): line, employee,
    rule title, severity, message, money, citations and the steps of the computation."""
    yield [label.get(lang) for _, label in COLUMNS]
    with gc_paused():
        per_rule: dict[str, tuple[str, str, str]] = {}  # title, severity, citations: the same for every finding of a rule
        for f in explain_all(findings):
            shared = per_rule.get(f.rule)
            if shared is None:
                spec = f.spec
                shared = per_rule[f.rule] = (
                    safe_cell(spec.title[lang]),
                    _sev(spec.severity, lang),
                    "; ".join(c.label(lang) for c in spec.citations),
                )
            rng = f.amount_range
            yield [
                "" if f.row is None else str(f.row),
                safe_cell(f.employee_id),
                shared[0],
                shared[1],
                safe_cell(f.message_in(lang)),
                "" if f.amount is None else str(f.amount),
                "" if rng is None else str(rng.low),
                "" if rng is None else str(rng.high),
                "" if rng is None else safe_cell(rng.label.get(lang)),
                shared[2],
                safe_cell("\n".join(s.get(lang) for s in f.trace.steps)),
            ]


def findings_csv(findings: Sequence[Finding], lang: str) -> Iterator[str]:
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


def errors_csv(errors: Sequence[Any], lang: str) -> Iterator[str]:
    """The problems of the rows that could not be audited as CSV text (line, column, problem),
    UTF-8 with a byte-order mark when encoded, like :func:`findings_csv`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([L[k].get(lang) for k in ("row", "column", "problem")])
    for e in errors:
        writer.writerow([e.row, safe_cell(e.column), safe_cell(e.message)])
    yield "\ufeff" + buffer.getvalue()


def _row(values: list[str], numeric: list[bool]) -> str:
    """One sheet row: numbers as numbers, the rest as inline strings (XML-escaped), an empty
    value as an empty cell (which keeps the columns in place)."""
    cells = []
    for value, number in zip(values, numeric):
        if not value:
            cells.append("<c/>")
        elif number:
            cells.append(f"<c><v>{value}</v></c>")
        else:
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            cells.append(f'<c t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>')
    return "<row>" + "".join(cells) + "</row>"


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


@gc_paused()
def findings_xlsx(findings: Sequence[Finding], lang: str) -> bytes:
    """The same list as :func:`findings_csv` as an Excel workbook of one sheet (no dependency)."""
    return sheet_xlsx(L["findings"].get(lang), findings_table(findings, lang), [key in NUMERIC for key, _ in COLUMNS])


def sheet_xlsx(sheet: str, table: Iterable[list[str]], numeric: Sequence[bool]) -> bytes:
    """A workbook of one sheet named ``sheet``: the first row of ``table`` (its header) as text,
    the others with numbers where ``numeric`` says, written 1,000 rows at a time."""
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    text = [False] * len(numeric)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, part in _XLSX_PARTS.items():
            z.writestr(name, part)
        z.writestr("xl/workbook.xml", workbook)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            rows: list[str] = []
            for r, values in enumerate(table):
                rows.append(_row(values, numeric if r else text))
                if len(rows) == 1000:
                    out.write(_NOT_XML.sub("", "".join(rows)).encode())
                    rows.clear()
            out.write(_NOT_XML.sub("", "".join(rows)).encode())
            out.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def iter_json(document: dict[str, Any], *, indent: int = 2) -> Iterator[str]:
    """``document`` as JSON text in pieces, indented; a top-level value that is an iterator
    (not a list) is written one item at a time, never held whole, each item on one line
    (compact, so the standard library's fast encoder writes it); a callable is called when
    its turn comes (a table that the items before it fill)."""
    pad = " " * indent
    item = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent).replace("\n", "\n" + pad)

    with gc_paused():
        yield "{"
        for n, (key, value) in enumerate(document.items()):
            yield ("," if n else "") + f"\n{pad}{json.dumps(key, ensure_ascii=False)}: "
            if callable(value):
                value = value()
            if not isinstance(value, Iterator):
                yield dump(value)
                continue
            empty = True
            for entry in value:
                yield ("[" if empty else ",") + f"\n{pad * 2}{item(entry)}"
                empty = False
            yield "[]" if empty else f"\n{pad}]"
        yield "\n}" if document else "}"
