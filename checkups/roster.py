"""Reading an employee roster (CSV in UTF-8/GB18030, or XLSX) into checked columns.

Every data row ends up either in the columns (to be audited) or in ``errors`` with its
line number as a spreadsheet shows it (header = line 1), its column and what was
expected.  An input that is not a usable roster raises :class:`RosterError`.
Conversion is by column with per-value caches, so large rosters stay fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from .text import InputError, to_number
from .timeline import DateError, parse_date

__all__ = ["COLUMNS", "CellError", "Roster", "RosterError", "RowError", "read_roster"]

#: canonical name → (kind, Chinese header, other accepted headers)
COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "employee_id": ("text", "工号", ("员工编号", "编号", "id")),
    "name": ("text", "姓名", ("员工姓名",)),
    "hire_date": ("date", "入职日期", ("用工日期", "入职时间")),
    "contract_signed_date": ("date", "劳动合同签订日期", ("合同签订日期", "签订日期")),
    "contract_term_months": ("number", "合同期限（月）", ("合同期限", "合同期限月")),
    "probation_months": ("number", "试用期（月）", ("试用期", "试用期月")),
    "monthly_wage": ("number", "月工资", ("工资", "月薪")),
    "probation_wage": ("number", "试用期工资", ()),
    "social_insurance_date": ("date", "社保参保日期", ("参保日期", "社保日期")),
    "housing_fund_date": ("date", "公积金缴存日期", ("公积金日期",)),
    "weekly_hours": ("number", "周工时", ("每周工时",)),
    "overtime_hours_month": ("number", "月加班小时", ("月加班时间", "加班小时")),
    "end_date": ("date", "离职日期", ("离职时间",)),
}
REQUIRED = ("employee_id", "hire_date")
_EXPECTED = {
    "date": "a date such as 2025-03-01, 2025/3/1 or 2025年3月1日",
    "number": "a number >= 0",
    "text": "text",
}


class RosterError(Exception):
    """The input cannot be read as a roster at all (the CLI exits with status 2)."""


@dataclass(frozen=True, slots=True)
class CellError:
    """Why one cell value could not be used."""

    message: str


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: its spreadsheet line, the column and what was wrong."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def _key(header: str) -> str:
    text = header.strip().lstrip("\ufeff").lower()
    text = text.replace("（", "(").replace("）", ")").replace(" ", "").replace("_", "")
    return re.sub(r"[()\s]", "", text)


_ALIASES: dict[str, str] = {}
for _name, (_kind, _zh, _more) in COLUMNS.items():
    for _alias in (_name, _zh, *_more):
        _ALIASES.setdefault(_key(_alias), _name)


def _date_value(raw: str) -> Any:
    if len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            return dt.date.fromisoformat(raw).toordinal()
        except ValueError:
            pass  # parse_date below says what is wrong
    try:
        return parse_date(raw).toordinal()
    except DateError as exc:
        return CellError(str(exc))


def _number_value(raw: str) -> Any:
    try:
        return to_number(raw, "value")
    except InputError:
        return CellError(f"expected a number >= 0 (got {raw.strip()!r})")


class _Cache(dict):
    """raw text → converted value, computed once per distinct text."""

    def __init__(self, convert):
        super().__init__({"": None})
        self.convert = convert
        self.bad: set[str] = set()  # raw texts that are not valid values

    def __missing__(self, raw: str) -> Any:
        value = None if not raw.strip() else self.convert(raw.strip())
        if isinstance(value, CellError):
            self.bad.add(raw)
        self[raw] = value
        return value


@dataclass
class Roster:
    """The usable rows of a roster, column by column (dates as ordinals, numbers as Decimal)."""

    columns: dict[str, list[Any]]
    line: list[int]
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    present: frozenset[str] = frozenset()
    ignored: tuple[str, ...] = ()

    @property
    def audited(self) -> int:
        return len(self.line)

    def value(self, column: str, index: int) -> Any:
        col = self.columns.get(column)
        return None if col is None else col[index]


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


def _table(source: str | Path | bytes) -> _Records | _Lines:
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


def _header(records: list[list[str]]) -> tuple[int, dict[int, str], list[str]]:
    """The header's index, its column map and the unknown headers."""
    seen = 0
    first_missing = None
    for index, record in enumerate(records):
        if not any(cell.strip() for cell in record):
            continue
        mapping: dict[int, str] = {}
        unknown = []
        for position, cell in enumerate(record):
            name = _ALIASES.get(_key(cell))
            if name and name not in mapping.values():
                mapping[position] = name
            elif cell.strip():
                unknown.append(cell.strip())
        missing = [n for n in REQUIRED if n not in mapping.values()]
        if not missing:
            return index, mapping, unknown
        first_missing = first_missing or missing
        seen += 1
        if seen == 10:
            break
    if first_missing is None:
        raise RosterError("the file has no rows")
    names = " and ".join(f"{n} ({COLUMNS[n][1]})" for n in first_missing)
    raise RosterError(f"no {names} column in the header row: the roster needs employee_id and hire_date")


_CONVERTERS = {"date": _date_value, "number": _number_value, "text": lambda raw: raw}


def read_roster(source: str | Path | bytes, *, as_of: dt.date | None = None) -> Roster:
    """Read and check a roster; rows with a bad cell go to ``errors``, the rest to ``columns``."""
    table = _table(source)
    head, mapping, unknown = _header(table.head())
    raw_columns, lines = table.columns(head, list(mapping))
    total = len(lines)
    columns: dict[str, list[Any]] = {}
    bad: dict[int, list[tuple[str, str]]] = {}
    caches = {kind: _Cache(convert) for kind, convert in _CONVERTERS.items()}  # shared: date columns repeat values
    for pos, name in mapping.items():
        raw = raw_columns[pos]
        kind = COLUMNS[name][0]
        if kind == "text":
            values = raw if name not in REQUIRED else list(map(str.strip, raw))  # only ids are compared
            if "" in values:
                values = [v.strip() or None for v in values]
            columns[name] = values
        else:
            cache = caches[kind]
            columns[name] = values = list(map(cache.__getitem__, raw))
        if kind != "text" and cache.bad and not cache.bad.isdisjoint(raw):
            for i, v in enumerate(values):
                if isinstance(v, CellError):
                    bad.setdefault(i, []).append((name, v.message))
        if name in REQUIRED and None in values:
            label = "an employee number" if name == "employee_id" else _EXPECTED["date"]
            for i, v in enumerate(values):
                if v is None:
                    bad.setdefault(i, []).append((name, f"is required: expected {label}, got an empty cell"))
    _cross_checks(columns, bad, lines, as_of)
    errors = [RowError(lines[i], column, message) for i in sorted(bad) for column, message in bad[i]]
    if bad:
        good = [i for i in range(len(lines)) if i not in bad]
        columns = {name: [col[i] for i in good] for name, col in columns.items()}
        lines = [lines[i] for i in good]
    return Roster(
        columns=columns,
        line=lines,
        errors=errors,
        rows=total,
        present=frozenset(columns),
        ignored=tuple(unknown),
    )


def _cross_checks(columns: dict[str, list[Any]], bad: dict, lines: list[int], as_of: dt.date | None) -> None:
    """Errors that involve two cells or two rows: dates out of order, duplicate ids."""
    hire = columns["hire_date"]
    ordinal = as_of.toordinal() if as_of else None
    valid = [h for h in hire if h.__class__ is int]
    if ordinal is not None and valid and max(valid) > ordinal:
        for i, h in enumerate(hire):
            if h.__class__ is int and h > ordinal:
                bad.setdefault(i, []).append(
                    ("hire_date", f"is after the audit date {as_of.isoformat()} (got {dt.date.fromordinal(h)})")
                )
    end = columns.get("end_date")
    if end is not None:
        for i in [i for i, e in enumerate(end) if e.__class__ is int]:
            h, e = hire[i], end[i]
            if h.__class__ is int and e < h:
                bad.setdefault(i, []).append(
                    ("end_date", f"must be on or after hire_date {dt.date.fromordinal(h)} (got {dt.date.fromordinal(e)})")
                )
    ids = columns["employee_id"]
    if len(set(ids)) != len(ids):
        first: dict[str, int] = {}
        for i, emp in enumerate(ids):
            if emp is None:
                continue
            if emp in first:
                bad.setdefault(i, []).append(("employee_id", f"duplicates employee_id {emp!r} on line {lines[first[emp]]}"))
            else:
                first[emp] = i
