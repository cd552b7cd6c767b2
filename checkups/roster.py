"""Reading an employee roster (CSV in UTF-8/GB18030, or XLSX) into checked columns.

Every data row ends up either in the columns (to be audited) or in ``errors`` with its
line number as a spreadsheet shows it (header = line 1), its column, what was expected
and what the cell held.  An input that is not a usable roster raises :class:`RosterError`.
Conversion is by column with per-value caches, so large rosters stay fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .columns import CHOICES, COLUMNS, MEASURES, NO, REQUIRED, YES
from .errors import DateError, InputError, RosterError, clip
from .tables import read_table
from .text import round_fen, to_number
from .timeline import FIRST_DAY, LAST_DAY, parse_date

__all__ = ["COLUMNS", "CellError", "Roster", "RosterError", "RowError", "read_roster"]

_REQUIRED = {"employee_id": "an employee number", "hire_date": "a date such as 2025-03-01, 2025/3/1 or 2025年3月1日"}
_QUOTE = 'a cell whose quote (") closes in it: the quote opened on this line runs on into the lines below'


@dataclass(frozen=True, slots=True)
class CellError:
    """Why one cell value could not be used: what was expected."""

    expected: str


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: its spreadsheet line, the column, what was expected and what the cell held.

    ``got`` is the cell's text cut to 40 characters plus its length (``None``: empty).
    """

    row: int
    column: str
    expected: str
    got: str | None

    @property
    def message(self) -> str:
        got = "an empty cell" if self.got is None else repr(self.got)
        return f"{self.column!r} must be {self.expected} (got {got})"

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "expected": self.expected, "got": self.got, "message": self.message}


def _key(header: str) -> str:
    text = header.strip().lstrip("\ufeff").lower()
    text = text.replace("（", "(").replace("）", ")").replace(" ", "").replace("_", "")
    return re.sub(r"[()\s]", "", text)


_ALIASES: dict[str, str] = {}
for _name, _column in COLUMNS.items():
    for _alias in (_name, _column.zh, *_column.aliases):
        _ALIASES.setdefault(_key(_alias), _name)

_FIRST, _LAST = FIRST_DAY.toordinal(), LAST_DAY.toordinal()


def _date_value(raw: str) -> Any:
    if len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            ordinal = dt.date.fromisoformat(raw).toordinal()
            if _FIRST <= ordinal <= _LAST:
                return ordinal
        except ValueError:
            pass  # parse_date below says what is wrong
    try:
        return parse_date(raw).toordinal()
    except DateError as exc:
        return CellError(exc.expected)


def _choice(column: str) -> Callable[[str], Any]:
    """The converter of a choice column: accepted text → code, or a CellError naming the choices."""
    accepted = CHOICES[column]
    codes = sorted(set(accepted.values()))
    expected = f"one of {', '.join(codes)} ({'、'.join(w for w in accepted if not w.isascii())})"

    def convert(raw: str) -> Any:
        return accepted.get(raw.lower().replace(" ", "")) or CellError(expected)

    return convert


def _bool_value(raw: str) -> Any:
    text = raw.lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return CellError("yes or no (是/否)")


def _number(measure: str) -> Callable[[str], Any]:
    """The converter of a number column: finite, 0 up to the measure's maximum, whole or to two decimals."""
    spec = MEASURES[measure]
    bad = CellError(spec.expected)

    def convert(raw: str) -> Any:
        try:
            number = to_number(raw, "value")
        except InputError:
            return bad
        if spec.whole:  # a fraction of a month is an error, never truncated
            return bad if number > spec.maximum or number != number.to_integral_value() else type(number)(int(number))
        number = round_fen(number)  # two decimals (half up): money to the fen, hours to 0.01 h
        return bad if number > spec.maximum else number

    return convert


class _Cache(dict):
    """raw text → converted value, computed once per distinct text."""

    def __init__(self, convert: Callable[[str], Any]):
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
    """The usable rows of a roster, column by column (dates as ordinals, numbers as Decimal).

    ``sheet`` names the worksheet read when an .xlsx workbook has ``sheets`` > 1.
    """

    columns: dict[str, list[Any]]
    line: list[int]
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    present: frozenset[str] = frozenset()
    ignored: tuple[str, ...] = ()
    sheet: str | None = None
    sheets: int = 1

    @property
    def audited(self) -> int:
        return len(self.line)

    def value(self, column: str, index: int) -> Any:
        col = self.columns.get(column)
        return None if col is None else col[index]


def _find_header(records: list[list[str]]) -> tuple[int, dict[int, str], list[str], list[str] | None]:
    """The header's index, its column map and unknown headers (index -1: none found, with the
    required columns missing from the first candidate row, or None when all rows are blank)."""
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
                unknown.append(clip(cell.strip()))
        missing = [n for n in REQUIRED if n not in mapping.values()]
        if not missing:
            return index, mapping, unknown, None
        first_missing = first_missing or missing
        seen += 1
        if seen == 10:
            break
    return -1, {}, [], first_missing


def _header(records: list[list[str]]) -> tuple[int, dict[int, str], list[str]]:
    """The header's index, its column map and the unknown headers; RosterError without one."""
    index, mapping, unknown, missing = _find_header(records)
    if index >= 0:
        return index, mapping, unknown
    if missing is None:
        raise RosterError("the file has no rows")
    names = " and ".join(f"{n} ({COLUMNS[n].zh})" for n in missing)
    raise RosterError(f"no {names} column in the header row: the roster needs employee_id and hire_date")


def _converters() -> dict[str, _Cache]:
    """One cache per kind of value (date columns share one: they repeat values)."""
    caches = {"date": _Cache(_date_value), "bool": _Cache(_bool_value)}
    caches.update({f"number:{m}": _Cache(_number(m)) for m in MEASURES})
    caches.update({f"choice:{c}": _Cache(_choice(c)) for c in CHOICES})
    return caches


def read_roster(source: str | Path | bytes, *, as_of: dt.date | None = None, sheet: str | None = None) -> Roster:
    """Read and check a roster; rows with a bad cell go to ``errors``, the rest to ``columns``.

    ``sheet`` names the worksheet of an .xlsx file; by default the first sheet with a
    roster header is read.
    """
    table = read_table(source, sheet=sheet, is_roster=lambda records: _find_header(records)[0] >= 0)
    head, mapping, unknown = _header(table.head())
    raw_columns, lines = table.columns(head, list(mapping))
    if not lines:
        raise RosterError(f"no data rows: the roster has a header (line {head + 1}) and nothing below it")
    columns: dict[str, list[Any]] = {}
    bad: dict[int, list[tuple[str, str, str | None]]] = {}
    caches = _converters()
    for pos, name in mapping.items():
        raw = raw_columns[pos]
        column = COLUMNS[name]
        if column.kind == "text":
            values = raw if name not in REQUIRED else list(map(str.strip, raw))  # only ids are compared
            if "" in values:
                values = [v.strip() or None for v in values]
            columns[name] = values
        else:
            key = {"number": f"number:{column.measure}", "choice": f"choice:{name}"}.get(column.kind, column.kind)
            cache = caches[key]
            columns[name] = values = list(map(cache.__getitem__, raw))
            if cache.bad and not cache.bad.isdisjoint(raw):
                for i, v in enumerate(values):
                    if isinstance(v, CellError):
                        bad.setdefault(i, []).append((name, v.expected, raw[i].strip()))
        if name in REQUIRED and None in values:
            for i, v in enumerate(values):
                if v is None:
                    bad.setdefault(i, []).append((name, _REQUIRED[name], None))
    _cross_checks(columns, bad, lines, as_of)
    _broken_rows(table, head, mapping, lines, bad)
    errors = [
        RowError(lines[i], column, expected, got if got is None else clip(got))
        for i in sorted(bad)
        for column, expected, got in bad[i]
    ]
    total = len(lines)
    if bad:
        good = [i for i in range(len(lines)) if i not in bad]
        columns = {name: [col[i] for i in good] for name, col in columns.items()}
        lines = [lines[i] for i in good]
    return Roster(columns, lines, errors, total, frozenset(columns), tuple(unknown), table.sheet, table.sheets)


def _broken_rows(table: Any, head: int, mapping: dict[int, str], lines: list[int], bad: dict) -> None:
    """A row whose quote runs on is reported for that alone (its other cells are not its own)."""
    below = {index: cell for index, cell in table.broken.items() if index > head}
    if not below:
        return
    where = {line: i for i, line in enumerate(lines)}
    header = table.records[head]
    for index, (position, text) in below.items():
        name = mapping.get(position) or (header[position].strip() if position < len(header) else "")
        bad[where[index + 1]] = [(clip(name) or f"column {position + 1}", _QUOTE, '"' + text)]


def _cross_checks(columns: dict[str, list[Any]], bad: dict, lines: list[int], as_of: dt.date | None) -> None:
    """Errors that involve two cells or two rows: dates out of order, duplicate ids.

    A hire date must be on or before the audit date, a leaving date on or after the hire
    date, a birth date before the hire date.  Other dates after the audit date are not
    errors: on the audit date that step had not happened yet.
    """
    hire = columns["hire_date"]
    iso = dt.date.fromordinal
    dates = [h for h in hire if h.__class__ is int]
    if as_of is not None and dates and max(dates) > as_of.toordinal():
        ordinal = as_of.toordinal()
        for i, h in enumerate(hire):
            if h.__class__ is int and h > ordinal:
                bad.setdefault(i, []).append(
                    ("hire_date", f"on or before the audit date {as_of.isoformat()}", iso(h).isoformat())
                )
    for name, relation in (("end_date", "on or after"), ("birth_date", "before")):
        other = columns.get(name)
        if other is None:
            continue
        pairs = [(i, e, h) for i, (e, h) in enumerate(zip(other, hire)) if e.__class__ is int and h.__class__ is int]
        wrong = [p for p in pairs if p[1] < p[2]] if name == "end_date" else [p for p in pairs if p[1] >= p[2]]
        for i, e, h in wrong:
            bad.setdefault(i, []).append((name, f"{relation} hire_date {iso(h).isoformat()}", iso(e).isoformat()))
    ids = columns["employee_id"]
    if len(set(ids)) != len(ids):
        first: dict[str, int] = {}
        for i, emp in enumerate(ids):
            if emp is None:
                continue
            if emp in first:
                bad.setdefault(i, []).append(("employee_id", f"unique: line {lines[first[emp]]} has the same employee_id", emp))
            else:
                first[emp] = i
