"""Reading a table file (CSV in UTF-8/GB18030/UTF-16, or XLSX) into rows of cell texts.

Rows are numbered as a spreadsheet shows them (the first row is line 1; a quoted cell
with line breaks is one row).  A quote that opens a cell and runs on across line breaks
(and the delimiters of the lines it swallows) without closing where a cell ends, or never
closes, is an *unbalanced quote*: its row is kept as broken (:attr:`Table.broken`) and
reading starts again on the next line, so no later row is swallowed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from .errors import RosterError, clip

__all__ = ["ROSTER_SUFFIXES", "RosterError", "Table", "read_table"]

#: the file names read as a roster (a .txt is a CSV some systems export under that name)
ROSTER_SUFFIXES = (".csv", ".txt", ".xlsx")

_END = "\x00\n"  # appended to a CSV: only a quote that never closes swallows it (NUL is refused as binary)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise RosterError("the file starts like UTF-16 text but is not: save it as CSV (UTF-8) or .xlsx") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError("the file is not text in UTF-8 or GB18030/GBK: save it as CSV (UTF-8) or .xlsx")


class Table:
    """A table as a list of rows (any CSV the csv module reads, or a worksheet).

    ``broken`` maps the index of a row whose quote does not close to the position of that
    cell and the cell's text up to the line break; ``sheet`` names the worksheet read when
    the workbook has ``sheets`` > 1.
    """

    def __init__(
        self, records: list[list[str]], broken: dict[int, tuple[int, str]] | None = None, sheets: tuple[str, int] = ("", 1)
    ):
        self.records, self.broken = records, broken or {}
        self.sheet, self.sheets = (sheets[0] or None) if sheets[1] > 1 else None, sheets[1]

    def head(self) -> list[list[str]]:
        return self.records[:50]

    def columns(self, head: int, positions: list[int]) -> tuple[dict[int, list[str]], list[int]]:
        """The cells below the header, column by column, and each row's spreadsheet line."""
        body = self.records[head + 1 :]
        first_line = head + 2
        keep = [i for i, r in enumerate(body) if "".join(r).strip() or head + 1 + i in self.broken]
        if len(keep) == len(body):
            data, lines = body, list(range(first_line, first_line + len(body)))
        else:  # skip blank rows (empty or only spaces, as a spreadsheet shows them), keeping the others' line numbers
            data, lines = [body[i] for i in keep], [first_line + i for i in keep]
        width = max(positions) + 1
        if data and min(map(len, data)) < width:
            data = [r if len(r) >= width else r + [""] * (width - len(r)) for r in data]
        return {pos: list(map(itemgetter(pos), data)) for pos in positions}, lines


class _Lines(Table):
    """An unquoted CSV whose rows all have the header's number of cells: split in one go.

    Equivalent to the csv module for such files (no quotes, so no embedded delimiters or
    line breaks), and several times faster; anything else goes to :class:`Table`.
    """

    def __init__(self, text: str, lines: list[str], delimiter: str):
        super().__init__([])
        self.text, self.lines, self.delimiter = text, lines, delimiter

    def head(self) -> list[list[str]]:
        return [line.split(self.delimiter) for line in self.lines[:50]]

    def columns(self, head: int, positions: list[int]) -> tuple[dict[int, list[str]], list[int]]:
        d = self.delimiter
        body = self.lines[head + 1 :]
        width = self.lines[head].count(d) + 1
        if body and (set(map(methodcaller("count", d), body)) != {width - 1} or any(map(_blank(d), body))):
            return Table([line.split(d) for line in self.lines]).columns(head, positions)
        if body:  # the text after the header line, one delimiter between all cells
            offset = sum(map(len, self.lines[: head + 1])) + head + 1
            cells = self.text[offset:].rstrip("\n").replace("\n", d).split(d)
        else:
            cells = []
        return {pos: cells[pos::width] for pos in positions}, list(range(head + 2, head + 2 + len(body)))


def _blank(delimiter: str) -> Callable[[str], bool]:
    """Whether a line is a blank row: only delimiters and spaces (a blank row starts with one)."""

    def blank(line: str) -> bool:
        return not line or ((line[0] == delimiter or line[0].isspace()) and not line.replace(delimiter, "").strip())

    return blank


def _unclosed(record: list[str], raw: list[str], delimiter: str) -> int | None:
    """The position of the cell whose quote runs on (see the module docstring), if any.

    ``raw`` are the record's physical lines.  A quote runs on when it never closes (the
    end marker was swallowed) or when it closes where no cell ends, so that the record
    is not well-formed CSV; a multi-line cell closed properly is a cell, as in a spreadsheet.
    """
    if "\x00" not in record[-1]:
        try:
            for _ in csv.reader(raw, delimiter=delimiter, strict=True):
                pass
            return None
        except csv.Error:
            pass
    return next(i for i, cell in enumerate(record) if "\n" in cell or "\r" in cell or "\x00" in cell)


def _breaks(cells: list[str]) -> int:
    """The line breaks inside quoted cells (CR LF counts once)."""
    return sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in cells)


def _quoted_records(text: str, delimiter: str) -> Table:
    """The rows of a CSV with quotes, restarting after each unbalanced quote."""
    lines = io.StringIO(text, newline="").readlines()
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    lines.append(_END)
    records: list[list[str]] = []
    broken: dict[int, tuple[int, str]] = {}
    start = 0
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 2))  # a huge cell is a cell error, not a reading error
    try:
        while start < len(lines):
            reader = csv.reader(map(lines.__getitem__, range(start, len(lines))), delimiter=delimiter)
            read = 0
            for record in reader:
                first, read = read, reader.line_num
                position = _unclosed(record, lines[start + first : start + read], delimiter) if read - first > 1 else None
                if position is not None:
                    opened = first + _breaks(record[:position])  # the line of the record where the cell opens
                    cell = record[position]
                    broken[len(records)] = (position, clip(cell.splitlines()[0] if cell.strip("\x00\r\n") else ""))
                    records.append([*record[:position], ""])
                    start += opened + 1
                    break
                records.append(record)
            else:
                break
    except csv.Error as exc:
        raise RosterError(f"the file is not a readable CSV table ({exc})") from None
    finally:
        csv.field_size_limit(limit)
    if records and records[-1] == ["\x00"]:
        records.pop()
    return Table(records, broken)


def _csv_table(data: bytes) -> Table:
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
    return _quoted_records(text, delimiter)


def _xlsx_table(data: bytes, sheet: str | None, is_roster: Callable[[list[list[str]]], bool]) -> Table:
    """The named sheet, else the first sheet whose first rows hold a roster header, else the first."""
    try:
        import openpyxl
    except ImportError:
        raise RosterError("reading .xlsx needs the openpyxl package; save the roster as CSV instead") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise RosterError(f"the .xlsx file cannot be opened ({type(exc).__name__})") from None
    try:
        names = book.sheetnames
        if sheet is not None and sheet not in names:
            raise RosterError(f"the workbook has no sheet {sheet!r}; its sheets: {', '.join(map(repr, names))}")
        if not names:
            raise RosterError("the workbook has no sheets")
        chosen = sheet or next((n for n in names if is_roster(_rows(book[n], 50))), names[0])
        records = _rows(book[chosen], None)
    except RosterError:
        raise
    except Exception as exc:  # a damaged sheet inside a readable zip
        raise RosterError(f"the .xlsx file cannot be read ({type(exc).__name__})") from None
    finally:
        book.close()
    return Table(records, sheets=(chosen, len(names)))


def _rows(worksheet: Any, limit: int | None) -> list[list[str]]:
    rows = []
    for row in worksheet.iter_rows(values_only=True, max_row=limit):
        rows.append([_cell_text(v) for v in row])
    return rows


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


def read_table(
    source: str | Path | bytes, *, sheet: str | None = None, is_roster: Callable[[list[list[str]]], bool] = bool
) -> Table:
    """The rows of a CSV or .xlsx file (path or bytes); ``sheet`` picks a worksheet by name,
    otherwise the first whose first rows satisfy ``is_roster`` is read."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise RosterError(f"no such file: {path}") from None
        except IsADirectoryError:
            raise RosterError(f"{path} is a folder, not a roster file") from None
        except OSError as exc:
            raise RosterError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data.strip():
        raise RosterError("the file is empty")
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_table(data, sheet, is_roster)
    if sheet is not None:
        raise RosterError(f"the file is not an .xlsx workbook, so it has no sheet {sheet!r}")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError("old Excel .xls files are not supported: save the roster as .xlsx or CSV")
    return _csv_table(data)
