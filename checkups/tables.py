"""Reading a table file (CSV in UTF-8/GB18030/UTF-16, or XLSX) into rows of cell texts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

__all__ = ["RosterError", "read_table"]


class RosterError(Exception):
    """The input cannot be read as a roster at all (the CLI exits with status 2)."""


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError("the file is not text in UTF-8 or GB18030/GBK: save it as CSV (UTF-8) or .xlsx")


class _Records:
    """A table as a list of rows (any CSV the csv module reads, or a worksheet)."""

    def __init__(self, records: list[list[str]]):
        self.records = records

    def head(self) -> list[list[str]]:
        return self.records[:50]

    def columns(self, head: int, positions: list[int]) -> tuple[dict[int, list[str]], list[int]]:
        """The cells below the header, column by column, and each row's spreadsheet line."""
        body = self.records[head + 1 :]
        first_line = head + 2
        if all(map(any, body)):
            data, lines = body, list(range(first_line, first_line + len(body)))
        else:  # skip empty lines (a spreadsheet's blank rows), keeping every other row's line number
            keep = [i for i, r in enumerate(body) if any(c.strip() for c in r)]
            data, lines = [body[i] for i in keep], [first_line + i for i in keep]
        width = max(positions) + 1
        if data and min(map(len, data)) < width:
            data = [r if len(r) >= width else r + [""] * (width - len(r)) for r in data]
        return {pos: list(map(itemgetter(pos), data)) for pos in positions}, lines


class _Lines:
    """An unquoted CSV whose rows all have the header's number of cells: split in one go.

    Equivalent to the csv module for such files (no quotes, so no embedded delimiters or
    line breaks), and several times faster; anything else goes to :class:`_Records`.
    """

    def __init__(self, text: str, lines: list[str], delimiter: str):
        self.text, self.lines, self.delimiter = text, lines, delimiter

    def head(self) -> list[list[str]]:
        return [line.split(self.delimiter) for line in self.lines[:50]]

    def columns(self, head: int, positions: list[int]) -> tuple[dict[int, list[str]], list[int]]:
        d = self.delimiter
        body = self.lines[head + 1 :]
        width = self.lines[head].count(d) + 1
        if body and (set(map(methodcaller("count", d), body)) != {width - 1} or d * (width - 1) in body):
            return _Records([line.split(d) for line in self.lines]).columns(head, positions)
        if body:  # the text after the header line, one delimiter between all cells
            offset = sum(map(len, self.lines[: head + 1])) + head + 1
            cells = self.text[offset:].rstrip("\n").replace("\n", d).split(d)
        else:
            cells = []
        return {pos: cells[pos::width] for pos in positions}, list(range(head + 2, head + 2 + len(body)))


def _csv_table(data: bytes) -> _Records | _Lines:
    text = _decode(data)
    if "\x00" in text:
        raise RosterError("the file is not a table: it holds binary data; use CSV or .xlsx")
    first = next((line for line in text[:8192].splitlines() if line.strip()), "")
    delimiter = max((",", "\t", ";"), key=first.count)
    if '"' not in text:
        unix = text.replace("\r\n", "\n") if "\r" in text else text
        lines = unix.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if "\r" not in unix and "" not in lines:
            return _Lines(unix, lines, delimiter)
    return _Records(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))


def _xlsx_records(data: bytes) -> list[list[str]]:
    try:
        import openpyxl
    except ImportError:
        raise RosterError("reading .xlsx needs the openpyxl package; save the roster as CSV instead") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise RosterError(f"the .xlsx file cannot be opened ({type(exc).__name__})") from None
    sheet = book.worksheets[0]
    records = []
    for row in sheet.iter_rows(values_only=True):
        records.append([_cell_text(v) for v in row])
    book.close()
    return records


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(source: str | Path | bytes) -> _Records | _Lines:
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        if not path.exists():
            raise RosterError(f"no such file: {path}")
        if path.is_dir():
            raise RosterError(f"{path} is a folder, not a roster file")
        data = path.read_bytes()
    if not data.strip():
        raise RosterError("the file is empty")
    if data.startswith(b"PK\x03\x04"):
        return _Records(_xlsx_records(data))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError("old Excel .xls files are not supported: save the roster as .xlsx or CSV")
    return _csv_table(data)
