"""Compare MOHRSS's minimum-wage table with the figures in ``checkups/data/regions``.

    python scripts/update_figures.py FILE [--write] [--on DATE]

FILE is a saved copy of 全国各省、自治区、直辖市最低工资标准情况 (the HTML page as a
browser saves it, or a CSV with the same columns: 地区, 实行日期, the monthly tiers, the
hourly tiers).  Every difference from the data is printed (changed, new, missing) and
the exit status is 1 when there is any, 0 when none, 2 when the file cannot be read.
``--write`` appends each new or changed standard to its province file as unverified,
citing the table, with the effective date marked as still to be confirmed and no city
tier lists (those must come from the notice itself); then run compile_data.py.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkups import regions  # noqa: E402
from checkups.registry import catalog  # noqa: E402
from checkups.timeline import parse_date  # noqa: E402

TITLE = "全国各省、自治区、直辖市最低工资标准情况"
_DATE = re.compile(r"(\d{4})\s*[.年/-]\s*(\d{1,2})\s*[.月/-]\s*(\d{1,2})")


class _Cells(HTMLParser):
    """The rows of every table in an HTML page, as lists of cell texts (colspans expanded)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.title = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._span = [], int(dict(attrs).get("colspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            text = re.sub(r"\s+", "", "".join(self._cell))
            self._row += [text] * self._span
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if "截至" in data and not self.title:
            self.title = data.strip()


def read_table(path: Path) -> tuple[list[dict], dt.date | None]:
    """The table's rows as ``{region, date, monthly: [...], hourly: [...]}`` and its 截至 date."""
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SystemExit(f"update_figures: {path} is neither UTF-8 nor GB18030")
    if "<t" in text.lower():
        parser = _Cells()
        parser.feed(text)
        rows, title = parser.rows, parser.title
    else:
        rows, title = list(csv.reader(io.StringIO(text))), ""
    head_at = next((i for i, r in enumerate(rows) if any("档" in c for c in r)), None)
    if head_at is None:
        raise SystemExit(f"update_figures: {path} has no table with 第一档 … columns ({TITLE})")
    head = rows[head_at]
    width = max((len(r) for r in rows[head_at + 1 :]), default=len(head))
    head = [""] * (width - len(head)) + head  # cells spanning both header rows (地区) are not repeated
    date_col = next((i for i, c in enumerate(head) if "日期" in c), None)
    tiers = [i for i, c in enumerate(head) if "档" in c]
    groups: list[list[int]] = [[]]
    for i in tiers:  # the monthly tiers, then the hourly tiers, each starting again at 第一档
        if groups[-1] and "一" in head[i]:
            groups.append([])
        groups[-1].append(i)
    if len(groups) != 2 or date_col is None:
        raise SystemExit(f"update_figures: {path}: expected 实行日期, monthly and hourly tier columns")
    out = []
    for row in rows[head_at + 1 :]:
        if len(row) <= max(tiers) or not row[0] or not any(row[i] for i in groups[0]):
            continue
        name = re.sub(r"[\d*※注]+$", "", row[0])
        found = _DATE.search(row[date_col])
        day = dt.date(*map(int, found.groups())) if found else None
        out.append(
            {
                "region": name,
                "date": day,
                "monthly": [float(row[i]) for i in groups[0] if re.fullmatch(r"\d+(\.\d+)?", row[i])],
                "hourly": [float(row[i]) for i in groups[1] if re.fullmatch(r"\d+(\.\d+)?", row[i])],
            }
        )
    stamp = _DATE.search(title or "")
    return out, dt.date(*map(int, stamp.groups())) if stamp else None


def ours(province: str, on: dt.date) -> tuple[list, list, str | None]:
    """The province's monthly and hourly figures by tier in force on ``on``, and their start."""
    regs = catalog()["regions"]
    ids = [k for k, v in regs.items() if v["level"] == "tier" and v["parent"] == province] or [province]
    params = catalog()["parameters"]
    month, hour, start = [], [], None
    for rid in ids:
        for name, into in (("minimum_wage.monthly", month), ("minimum_wage.hourly", hour)):
            current = [e for e in params[name]["values"].get(rid, []) if e["effective"] <= on.isoformat()]
            if current and current[-1]["value"] is not None:
                into.append(float(current[-1]["value"]))
                start = current[-1]["effective"]
    return month, hour, start


def compare(rows: list[dict], on: dt.date) -> list[tuple[str, str, dict | None]]:
    """``(kind, message, row)`` for every difference: changed, new, missing."""
    out, seen = [], set()
    for row in rows:
        try:
            province = regions.resolve(row["region"])
        except LookupError:
            out.append(("new", f"{row['region']}: not a province in the data", None))
            continue
        if catalog()["regions"][province]["level"] != "province":
            continue  # a city listed beside its province (e.g. 深圳)
        seen.add(province)
        month, hour, start = ours(province, row["date"] or on)
        if (month, hour) == (row["monthly"], row["hourly"]):
            continue
        kind = "new" if row["date"] and (start is None or row["date"].isoformat() > start) else "changed"
        out.append(
            (
                kind,
                f"{province}: table {row['monthly']} / {row['hourly']} from {row['date']}; data {month} / {hour} from {start}",
                row,
            )
        )
    for province in regions.provinces():
        if province not in seen:
            out.append(("missing", f"{province}: in the data, not in the table", None))
    return out


def write(province: str, row: dict, table: Path, stamp: dt.date | None, data: Path) -> None:
    """Append the table's standard to the province file, unverified, date to be confirmed."""
    when = row["date"] or stamp or dt.date.today()
    count = max(len(row["monthly"]), len(row["hourly"]))
    edition = f"（截至{stamp.isoformat()}）" if stamp else ""
    lines = [
        f"- effective: {when.isoformat()}",
        "  effective_confirmed: false",
        f"  notice: 待核实：人力资源社会保障部《{TITLE}》{edition}所列标准，通知标题、文号待查",
        f"  source: 人力资源社会保障部《{TITLE}》{edition}，据 {table.name}",
        "  verified: false",
        "  note:",
        "    zh: 由 scripts/update_figures.py 按人社部汇总表添加；生效日期、各市所属档次须按省里通知核对后补上。",
        "    en: Added by scripts/update_figures.py from the MOHRSS table; confirm the start date and add each city's tier from the notice.",
        "  tiers:",
    ]
    for i in range(count):
        month = row["monthly"][i] if i < len(row["monthly"]) else "null"
        hour = row["hourly"][i] if i < len(row["hourly"]) else "null"
        lines += [f"  - tier: {i + 1}", f"    monthly: {month:g}" if month != "null" else "    monthly: null",
                  f"    hourly: {hour:g}" if hour != "null" else "    hourly: null"]  # fmt: skip
        if "null" in (month, hour):
            lines += ["    note:", "      zh: 汇总表未列此数。", "      en: Not in the table."]
        if count > 1:
            lines.append("    units: []")
    path = data / "regions" / f"{province}.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="saved MOHRSS table (HTML or CSV)")
    parser.add_argument("--write", action="store_true", help="append new and changed standards as unverified")
    parser.add_argument("--on", help="compare with the figures in force on this day (default: the table's 截至 date)")
    parser.add_argument("--data", type=Path, default=ROOT / "checkups" / "data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"update_figures: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        rows, stamp = read_table(args.file)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    on = parse_date(args.on) if args.on else stamp or dt.date.today()
    diffs = compare(rows, on)
    for kind, message, _ in diffs:
        print(f"{kind}\t{message}")
    if args.write:
        for kind, _, row in diffs:
            if row is not None and kind in ("new", "changed"):
                write(regions.resolve(row["region"]), row, args.file, stamp, args.data)
    print(f"{len(rows)} rows read; {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
