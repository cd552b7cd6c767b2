"""Audit hostile rosters in-process and check that nothing crashes and no row is lost.

Each input is a small roster made from random bytes, odd encodings and line ends, stray
and doubled quotes, huge, tiny and non-finite numbers, fractional months, odd dates,
ragged rows, and formula-like and script-like text, sometimes as an .xlsx workbook.
Every input must satisfy the invariants of the roster contract (README, "Use it"):

- the audit either runs or raises a ``CheckupsError`` (a file-level reason), nothing else;
- ``rows == audited + rejected rows``, and every row error has a line, a column and what
  was expected;
- a roster written by a CSV writer (well-formed) has exactly as many ``rows`` as the
  non-blank rows written, as a spreadsheet would show them.

    python scripts/fuzz_roster.py [--n 100000] [--seed S] [--save DIR]

prints the inputs tried, the failures (each with its reason and input) and the time, and
exits 1 when there is any failure.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkups.audit import audit_roster
from checkups.columns import CHOICES, COLUMNS, MEASURES
from checkups.errors import CheckupsError, clip
from checkups.timeline import FIRST_DAY, LAST_DAY

REGIONS = (None, None, "guangzhou", "beijing", "shanghai", "chengdu")
NUMBERS = (
    "0", "-0", "1", "36", "36.0", "0.5", "1200", "1201", "-1", "1e3", "1e999999", "-1e999999", "1e-999999",
    "9" * 400, "0." + "0" * 300 + "1", "NaN", "nan", "inf", "-Infinity", "sNaN", "5000.005", "999999999999.995",
    "1000000000000.01", "6,000", "￥6000", "6000元", "1_000", "0x10", "1/2", "½", "٣", "",
)  # fmt: skip
DATES = (
    "2025-01-15", "2025/1/15", "2025年1月15日", "2025-02-29", "2024-02-29", "2025-02-30", "1899-12-31", "1900-01-01",
    "2100-12-31", "2101-01-01", "9999-12-31", "0001-01-01", "0000-00-00", "2025-13-01", "2025-1-1 00:00",
    "2025-01-15T00:00:00", "20250115", "15/01/2025", "2025.01.15", "２０２５-０１-１５", "",
)  # fmt: skip
TEXTS = (
    "张三", "Li Lei", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "=1+1", "<script>alert(1)</script>",
    "</td><b>x", "&amp;", "\"", "\"\"", "'", "a\"b", "\u202etxt", "\x1b[31mred", "\t", " ", "\r", "\n", "a\nb",
    "a,b", "a;b", "yes", "是", "否", "full_time", "非全日制", "dispatched", "male_60", "女55", "E1", "E1", "x" * 300,
)  # fmt: skip
FIRST, LAST = FIRST_DAY.toordinal(), LAST_DAY.toordinal()
ENCODINGS = ("utf-8",) * 5 + ("utf-8-sig", "gb18030", "gb18030", "utf-16", "latin-1", "shift_jis")


def _plausible(rng: random.Random, column: str | None, row: int) -> str:
    """A value a real roster could hold in the column, extremes of the accepted range included."""
    spec = COLUMNS.get(column or "")
    if spec is None or spec.kind == "text":
        return f"E{row}" if column == "employee_id" else rng.choice(TEXTS)
    if spec.kind == "date":
        if rng.random() < 0.05:
            return rng.choice(("1900-01-01", "2100-12-31"))
        low, high = (1950, 2006) if column == "birth_date" else (2000, 2026)
        return dt.date(rng.randrange(low, high), rng.randrange(1, 13), rng.randrange(1, 29)).isoformat()
    if spec.kind in ("choice", "bool"):
        return rng.choice(list(CHOICES[column]) if spec.kind == "choice" else ["yes", "no", "是", "否"])
    top = MEASURES[spec.measure].maximum
    if rng.random() < 0.05:
        return rng.choice(("0", str(top)))
    if spec.measure == "months":
        return str(rng.choice((0, 1, 2, 3, 6, 12, 24, 36, 60, 120)))
    if spec.measure == "money":
        return f"{rng.uniform(0, 30000):.{rng.randrange(0, 4)}f}"
    return f"{rng.uniform(0, 80):.{rng.randrange(0, 2)}f}"


def _cell(rng: random.Random, column: str | None) -> str:
    """A hostile value: one of the pools, random characters or a value repeated."""
    kind = COLUMNS[column].kind if column in COLUMNS else "text"
    pool = {"number": NUMBERS, "date": DATES}.get(kind, TEXTS)
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(pool)
    if roll < 0.8:
        return rng.choice(NUMBERS + DATES + TEXTS)
    if roll < 0.9:
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 12)))
    return rng.choice(pool) * rng.randrange(1, 50)


def _header(rng: random.Random) -> list[str]:
    names = list(COLUMNS)
    chosen = ["employee_id", "hire_date", *rng.sample(names, rng.randrange(0, len(names)))]
    if rng.random() < 0.1:
        chosen.remove(rng.choice(chosen))  # no id or no hire date: a file-level error
    rng.shuffle(chosen)
    out = [COLUMNS[c].zh if rng.random() < 0.4 else c for c in chosen]
    if rng.random() < 0.2:
        out.insert(rng.randrange(len(out) + 1), rng.choice(("部门", "notes", "", "=cmd", "x" * 100)))
    return out


def hostile_roster(rng: random.Random) -> tuple[bytes, int | None]:
    """One hostile roster and, when it is well-formed CSV, the data rows a spreadsheet shows."""
    mode = rng.random()
    if mode < 0.05:  # random bytes, sometimes after a valid header
        noise = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
        return (b"employee_id,hire_date\n" + noise if rng.random() < 0.5 else noise), None
    header = _header(rng)
    names = [next((n for n, c in COLUMNS.items() if h in (n, c.zh)), None) for h in header]
    rows = []
    for index in range(rng.randrange(0, 9) if rng.random() < 0.1 else rng.randrange(1, 9)):
        row = [_plausible(rng, n, index) for n in names]  # half the rows plausible, the rest with hostile cells
        for _ in range(0 if rng.random() < 0.5 else rng.randrange(1, 3)):
            at = rng.randrange(len(row))
            row[at] = _cell(rng, names[at])
        if rng.random() < 0.15:  # ragged: cells missing or extra
            row = row[: rng.randrange(len(row) + 1)] if rng.random() < 0.5 else row + ["extra"] * rng.randrange(1, 4)
        rows.append(row)
    if rng.random() < 0.1:
        rows.insert(rng.randrange(len(rows) + 1), [])  # a blank line
    if mode < 0.08:
        cells = [[str(_xlsx_value(c)) for c in r] for r in rows]  # a text starting with = is a formula, read as empty
        return _xlsx(rng, header, rows), shown_rows([["" if c.startswith("=") else c for c in r] for r in cells])
    delimiter = rng.choice((",", ",", ",", "\t", ";"))
    ends = rng.choice(("\n", "\n", "\r\n", "\r"))
    well_formed = mode < 0.6
    if well_formed:
        text = csv_text([header, *rows], delimiter, ends, quote_all=rng.random() < 0.2)
    else:  # joined without quoting: stray quotes, delimiters and line breaks in cells
        text = ends.join(delimiter.join(r) for r in [header, *rows]) + rng.choice((ends, ""))
    if rng.random() < 0.2:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(('"', '""', '"\n', "\n", delimiter, "\x00", "\ufeff")) + text[at:]
        well_formed = False
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace")
    return data, (shown_rows(rows) if well_formed and encoding.startswith(("utf", "gb")) else None)


def csv_text(rows: list[list[str]], delimiter: str, ends: str, *, quote_all: bool = False) -> str:
    """Rows as a CSV writer writes them (well-formed: what a spreadsheet saves)."""
    breaks = any("\r" in c or "\n" in c for r in rows for c in r)  # Python 3.11 quotes only its own line end
    buffer = io.StringIO(newline="")
    quoting = csv.QUOTE_ALL if quote_all or breaks else csv.QUOTE_MINIMAL
    csv.writer(buffer, delimiter=delimiter, lineterminator=ends, quoting=quoting).writerows(rows)
    return buffer.getvalue()


def shown_rows(rows: list[list[str]]) -> int:
    """The data rows a spreadsheet shows: rows with a cell that is not blank."""
    return sum(1 for r in rows if any(c.strip() for c in r))


def _xlsx(rng: random.Random, header: list[str], rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    if rng.random() < 0.5:
        book.active.title = "说明"
        book.active.append(["notes"])
        sheet = book.create_sheet("名册")
    else:
        sheet = book.active
    for row in [header, *rows]:
        sheet.append([_xlsx_value(c) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(text: str) -> Any:
    cleaned = "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")  # what a worksheet can hold
    try:
        return float(cleaned) if cleaned.strip() and cleaned.strip().lower() not in ("nan", "inf") else cleaned
    except ValueError:
        return cleaned


def check(
    data: bytes, expected_rows: int | None, *, as_of: dt.date, region: str | None, tally: Counter | None = None
) -> str | None:
    """The first invariant the audit of ``data`` breaks, or None; ``tally`` counts what happened."""
    tally = Counter() if tally is None else tally
    try:
        result = audit_roster(data, as_of=as_of, region=region)
        json.dumps(result.as_dict(), ensure_ascii=False)
    except CheckupsError:
        tally["refused files"] += 1
        return None
    except Exception as exc:  # the failure the fuzzer looks for
        return f"{type(exc).__name__}: {clip(str(exc), 200)}"
    rejected = {e.row for e in result.errors}
    tally.update({"audited files": 1, "rows": result.rows, "rejected rows": len(rejected), "findings": len(result.findings)})
    if result.rows != result.audited + len(rejected):
        return f"rows {result.rows} != audited {result.audited} + rejected {len(rejected)}"
    bad = [e for e in result.errors if not (isinstance(e.row, int) and e.row >= 1 and e.column and e.expected)]
    if bad:
        return f"row error without line, column or expectation: {bad[0]}"
    if expected_rows is not None and result.rows != expected_rows:
        return f"rows {result.rows} != {expected_rows} data rows written"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs to try (default %(default)s)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    parser.add_argument("--save", help="write each failing input to this folder")
    args = parser.parse_args(argv)
    seed = random.randrange(2**32) if args.seed is None else args.seed
    rng = random.Random(seed)
    failures: list[tuple[int, str, bytes]] = []
    tally: Counter = Counter()
    started = time.perf_counter()
    for index in range(args.n):
        data, rows = hostile_roster(rng)
        as_of = dt.date(2025, 6, 30) if rng.random() < 0.7 else dt.date.fromordinal(rng.randrange(FIRST, LAST + 1))
        reason = check(data, rows, as_of=as_of, region=rng.choice(REGIONS), tally=tally)
        if reason:
            failures.append((index, reason, data))
            if args.save:
                Path(args.save).mkdir(parents=True, exist_ok=True)
                (Path(args.save) / f"failure-{seed}-{index}.bin").write_bytes(data)
    seconds = time.perf_counter() - started
    kinds: dict[str, list[tuple[int, bytes]]] = {}
    for index, reason, data in failures:
        kinds.setdefault(reason, []).append((index, data))
    for reason, found in sorted(kinds.items(), key=lambda kv: -len(kv[1]))[:20]:
        index, data = found[0]
        print(f"{len(found)} failure(s): {reason}\n  first at input {index}: {data[:300]!r}")
    print(f"seed: {seed}; " + ", ".join(f"{key}: {value}" for key, value in sorted(tally.items())))
    print(f"inputs tried: {args.n}, failures: {len(failures)}, time: {seconds:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
