"""Portfolio audit for an agency: every client's roster in a folder, one row per client.

A folder holds one roster a client (CSV, .txt as CSV, or XLSX, as the page takes) and, optionally, ``clients.csv`` beside
them naming each file's client and region (:data:`CLIENT_COLUMNS`).  Each roster is
audited on the same day; a file that cannot be audited is reported with its reason and
skipped, never dropped: the result names every file of the folder (hidden files and
``clients.csv`` aside; one that is not a roster file with that reason; a subfolder as
``skipped``, "a folder, not a roster"), and for each audited file ``rows == audited + rejected``.
An unexpected error in one file fails that file only, with a plain reason, never the run.
``jobs`` > 1 audits in that many processes (if the pool breaks, the files are audited here).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import CheckupsError, InputError
from ..regions import resolve
from ..registry import SEVERITY_ORDER
from ..tables import ROSTER_SUFFIXES, read_table
from ..text import round_fen
from ..timeline import parse_date
from .warning import warn_roster

__all__ = [
    "CLIENTS_FILE",
    "CLIENT_COLUMNS",
    "FORMAT",
    "ClientColumn",
    "audit_client",
    "clients_template",
    "document",
    "portfolio",
    "read_clients",
]

FORMAT = "checkups-portfolio-results/1"  # the results; the tool page saves its form as checkups-portfolio/1
CLIENTS_FILE = "clients.csv"
UNEXPECTED = "this file could not be audited (an unexpected problem: {error}); check that it is a roster saved as CSV or .xlsx"
FOLDER = "a folder, not a roster: the rosters in it are not audited (put them in the folder itself)"


@dataclass(frozen=True)
class ClientColumn:
    """A column of ``clients.csv``: its name, Chinese header and what it holds."""

    name: str
    zh: str
    required: bool
    en_help: str
    zh_help: str


CLIENT_COLUMNS = (
    ClientColumn("file", "文件", True, "the roster's file name in the folder, e.g. acme.csv", "名册文件名，例如 acme.csv"),
    ClientColumn("client_id", "客户编号", False, "the client's number (default: the file name without .csv)", "客户编号（空：文件名去掉扩展名）"),
    ClientColumn("client_name", "客户名称", False, "the enterprise's name", "企业名称"),
    ClientColumn("region", "地区", False, "the client's city or province (default: the one given for the whole folder)", "客户所在城市或省份（空：按整批指定的地区）"),
)  # fmt: skip


def clients_template(lang: str = "zh") -> bytes:
    """An empty ``clients.csv`` (UTF-8 with BOM, as Excel opens it), headed in ``lang``."""
    header = ",".join(c.zh if lang == "zh" else c.name for c in CLIENT_COLUMNS)
    return ("\ufeff" + header + "\r\n").encode("utf-8")


def read_clients(source: str | Path | bytes) -> dict[str, dict[str, str | None]]:
    """``clients.csv`` → file name → {client_id, client_name, region}; a bad table raises InputError."""
    table = read_table(source)
    head = next((i for i, r in enumerate(table.head()) if "".join(r).strip()), None)
    if head is None:
        raise InputError(CLIENTS_FILE, "a header row (file, client_id, client_name, region)", "an empty file")
    names = {c.name: c.name for c in CLIENT_COLUMNS} | {c.zh: c.name for c in CLIENT_COLUMNS}
    header = [names.get(h.strip().lstrip("\ufeff").lower()) for h in table.head()[head]]
    if "file" not in header:
        raise InputError(f"{CLIENTS_FILE} header", "a 'file' (文件) column", ",".join(table.head()[head]))
    positions = {h: i for i, h in enumerate(header) if h}
    cols, lines = table.columns(head, list(positions.values()))
    found: dict[str, dict[str, str | None]] = {}
    for n, line in enumerate(lines):
        cells = {h: cols[pos][n].strip() or None for h, pos in positions.items()}
        file = cells["file"]
        if not file:
            raise InputError("file", "a file name", None, row=line)
        if file in found:
            raise InputError("file", "each file once", file, row=line)
        if cells.get("region"):
            try:
                resolve(cells["region"])  # an unknown region is an error of clients.csv, said at once
            except CheckupsError:
                raise InputError("region", f"a province or city ({CLIENTS_FILE})", cells["region"], row=line) from None
        found[file] = {k: cells.get(k) for k in ("client_id", "client_name", "region")}
    return found


def audit_client(
    source: str | Path | bytes,
    file: str,
    as_of: dt.date,
    region: str | None,
    client: dict | None = None,
    explain: Callable[[Exception], str] | None = None,
) -> dict[str, Any]:
    """One client's row: employees, findings by severity, money at risk, grade, nearest deadline,
    and the finding keys (rule, employee) the bureau view matches; or the reason it failed
    (``explain`` words it, e.g. in the page's language; default the error's own message)."""
    client = client or {}
    row: dict[str, Any] = {
        "file": file,
        "client_id": client.get("client_id") or Path(file).stem,
        "client_name": client.get("client_name"),
        "region": client.get("region") or region,
    }
    try:
        w = warn_roster(source, as_of=as_of, region=row["region"])
    except CheckupsError as exc:
        return {**row, "status": "failed", "reason": explain(exc) if explain else " ".join(str(exc).split())}
    except Exception as exc:  # one file's unexpected failure never stops the others
        return {**row, "status": "failed", "reason": explain(exc) if explain else UNEXPECTED.format(error=type(exc).__name__)}
    a, s = w.audit, w.audit.summary
    nearest = w.nearest
    return {
        **row,
        "region": a.region,
        "status": "audited",
        "rows": a.rows,
        "audited": a.audited,
        "rejected": len(a.errors),
        "employees": a.audited,
        "by_severity": s["by_severity"],
        "findings": s["findings"],
        "amount_at_risk": s["amount_at_risk"],
        "amount_range": s["amount_range"],
        "grade": w.grade,
        "drivers": [d.id for d in w.drivers],
        "deadlines": len(w.deadlines),
        "nearest_deadline": None
        if nearest is None
        else {k: nearest.as_dict()[k] for k in ("date", "kind", "employee_id", "summary")},
        "keys": sorted({(f.rule, f.employee_id or "") for f in a.findings}),
    }


def _job(args: tuple) -> dict[str, Any]:
    path, file, as_of, region, client = args
    return audit_client(path, file, as_of, region, client)


def portfolio(
    folder: str | Path, *, as_of: Any, region: str | None = None, jobs: int = 1, agency: str | None = None
) -> dict[str, Any]:
    """Audit every roster in ``folder`` (see the module) and total them; the JSON document."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError("folder", "a folder of rosters", str(folder))
    day = parse_date(as_of, "as_of")
    region = None if region is None else resolve(region)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError("jobs", "a whole number >= 1", jobs)
    listed = read_clients(root / CLIENTS_FILE) if (root / CLIENTS_FILE).is_file() else {}
    everything = sorted(p.name for p in root.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != CLIENTS_FILE)
    files = [f for f in everything if Path(f).suffix.lower() in ROSTER_SUFFIXES]
    tasks = [(str(root / f), f, day, region, listed.get(f)) for f in files]
    if jobs == 1 or len(tasks) < 2:
        clients = [_job(t) for t in tasks]
    else:
        from concurrent.futures import ProcessPoolExecutor  # here: the browser never runs processes
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                clients = list(pool.map(_job, tasks, chunksize=max(1, len(tasks) // (jobs * 8))))
        except BrokenProcessPool:  # a process died (out of memory, killed): audit here instead, file by file
            clients = [_job(t) for t in tasks]
    rosters = set(files)
    for other in (f for f in everything if f not in rosters):  # named, never dropped: why it was not audited
        xls = other.lower().endswith(".xls")
        reason = "old Excel .xls files are not read: save it as .xlsx or CSV" if xls else "not a roster file (CSV or .xlsx)"
        row = {"file": other, "client_id": Path(other).stem, "client_name": None, "region": region}
        clients.append({**row, **listed.get(other, {}), "client_id": Path(other).stem, "status": "failed", "reason": reason})
    for sub in sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        clients.append(
            {"file": sub, "client_id": sub, "client_name": None, "region": region, "status": "skipped", "reason": FOLDER}
        )
    for missing in sorted(set(listed) - set(everything)):
        reason = f"listed in {CLIENTS_FILE}, but there is no such roster file in the folder"
        clients.append(
            {
                **listed[missing],
                "file": missing,
                "client_id": listed[missing]["client_id"] or Path(missing).stem,
                "status": "failed",
                "reason": reason,
            }
        )
    return document(clients, day, region, agency or root.resolve().name)


def document(clients: list[dict[str, Any]], as_of: dt.date, region: str | None, agency: str) -> dict[str, Any]:
    """The portfolio JSON: every file's row (audited or failed, with its reason) and the totals."""
    done = [c for c in clients if c["status"] == "audited"]
    by_severity = dict.fromkeys(SEVERITY_ORDER, 0)
    for c in done:
        for k, v in c["by_severity"].items():
            by_severity[k] += v
    money = sum((Decimal(c["amount_at_risk"]) for c in done), Decimal(0))
    low = sum((Decimal(c["amount_range"]["low"]) for c in done), Decimal(0))
    high = sum((Decimal(c["amount_range"]["high"]) for c in done), Decimal(0))
    grades = Counter(c["grade"] for c in done if c["grade"] is not None)  # None: no row could be audited
    nearest = min((c["nearest_deadline"]["date"] for c in done if c["nearest_deadline"]), default=None)
    totals = {
        "files": len(clients),
        "audited": len(done),
        "failed": sum(c["status"] == "failed" for c in clients),
        "skipped": sum(c["status"] == "skipped" for c in clients),
        "employees": sum(c["employees"] for c in done),
        "rows": sum(c["rows"] for c in done),
        "rejected_rows": sum(c["rejected"] for c in done),
        "findings": sum(c["findings"] for c in done),
        "by_severity": by_severity,
        "amount_at_risk": str(round_fen(money)),
        "amount_range": {"low": str(round_fen(low)), "high": str(round_fen(high))},
        "grades": {g: grades.get(g, 0) for g in sorted(grades)},
        "not_graded": sum(c["grade"] is None for c in done),
        "nearest_deadline": nearest,
    }
    return {
        "format": FORMAT,
        "agency": agency,
        "as_of": as_of.isoformat(),
        "region": region,
        "clients": clients,
        "totals": totals,
    }
