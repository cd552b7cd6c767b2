"""Reading an employee roster (CSV in UTF-8/GB18030, or XLSX) into checked columns.

Every data row ends up either in the columns (to be audited) or in ``errors`` with its
line number as a spreadsheet shows it (header = line 1), its column and what was
expected.  An input that is not a usable roster raises :class:`RosterError`.
Conversion is by column with per-value caches, so large rosters stay fast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .columns import CHOICES, COLUMNS, NO, REQUIRED, YES
from .tables import RosterError, read_table
from .text import InputError, to_number
from .timeline import DateError, parse_date

__all__ = ["COLUMNS", "CellError", "Roster", "RosterError", "RowError", "read_roster"]

_EXPECTED = {
    "date": "a date such as 2025-03-01, 2025/3/1 or 2025年3月1日",
    "number": "a number >= 0",
    "text": "text",
    "bool": "yes or no (是/否)",
}


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
for _name, _column in COLUMNS.items():
    for _alias in (_name, _column.zh, *_column.aliases):
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


def _choice(column: str):
    """The converter of a choice column: accepted text → code, or a CellError naming the choices."""
    accepted = CHOICES[column]
    codes = sorted(set(accepted.values()))
    chinese = [w for w in accepted if not w.isascii()]

    def convert(raw: str) -> Any:
        found = accepted.get(raw.strip().lower().replace(" ", ""))
        if found is None:
            return CellError(f"expected one of {', '.join(codes)} ({'、'.join(chinese)}) (got {raw.strip()!r})")
        return found

    return convert


def _bool_value(raw: str) -> Any:
    text = raw.strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return CellError(f"expected yes or no (是/否) (got {raw.strip()!r})")


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
    names = " and ".join(f"{n} ({COLUMNS[n].zh})" for n in first_missing)
    raise RosterError(f"no {names} column in the header row: the roster needs employee_id and hire_date")


_CONVERTERS = {"date": _date_value, "number": _number_value, "text": lambda raw: raw, "bool": _bool_value}


def read_roster(source: str | Path | bytes, *, as_of: dt.date | None = None) -> Roster:
    """Read and check a roster; rows with a bad cell go to ``errors``, the rest to ``columns``."""
    table = read_table(source)
    head, mapping, unknown = _header(table.head())
    raw_columns, lines = table.columns(head, list(mapping))
    total = len(lines)
    columns: dict[str, list[Any]] = {}
    bad: dict[int, list[tuple[str, str]]] = {}
    caches = {kind: _Cache(convert) for kind, convert in _CONVERTERS.items()}  # shared: date columns repeat values
    for pos, name in mapping.items():
        raw = raw_columns[pos]
        kind = COLUMNS[name].kind
        if kind == "choice":
            cache = _Cache(_choice(name))
            columns[name] = values = list(map(cache.__getitem__, raw))
        elif kind == "text":
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
