"""Auditing a roster: read it, run every employee check, summarise."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

from .findings import Figures, Finding, explain_all, rules_as_dict
from .regions import resolve
from .registry import SEVERITY_ORDER
from .registry import rule as get_rule
from .roster import COLUMNS, Roster, RowError, read_roster
from .rules import CHECKS, DISPATCHED, FULL, PART, PENSIONER, SERVICE, Context, notice_text, spc_ii_effective
from .text import Text, round_fen, to_money
from .timeline import parse_date

__all__ = ["AuditResult", "audit_records", "audit_roster", "audit_with_roster", "records_csv", "summarize"]


@dataclass
class AuditResult:
    """What an audit read, rejected and found."""

    as_of: dt.date
    region: str | None
    rows: int
    audited: int
    errors: list[RowError]
    findings: list[Finding]
    notices: list[Text] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()

    @property
    def summary(self) -> dict[str, Any]:
        return summarize(self.findings)

    def as_dict(self, *, stream: bool = False) -> dict[str, Any]:
        """The JSON output of ``python -m checkups audit --format json``: each rule's texts once
        under ``rules``, the findings referring to them by ``rule``, and each dated figure once
        under ``figures``, the traces naming it by key.  With ``stream`` the findings are an
        iterator and ``figures`` a callable, filled as they go, for :func:`checkups.exports.iter_json`."""
        figures = Figures()
        findings = (f.as_dict(figures) for f in explain_all(self.findings))
        return {
            "as_of": self.as_of.isoformat(),
            "region": self.region,
            "rows": self.rows,
            "audited": self.audited,
            "errors": [e.as_dict() for e in self.errors],
            "rules": rules_as_dict(self.findings),
            "findings": findings if stream else list(findings),
            "figures": (lambda: figures.table) if stream else figures.table,
            "summary": self.summary,
            "notices": [n.as_dict() for n in self.notices],
            "ignored_columns": list(self.ignored_columns),
        }


def summarize(findings: list[Finding]) -> dict[str, Any]:
    """Counts by severity and by service area, the money certainly at risk and the range
    that may be added to it (``amount_range``: the sums of the findings' lows and highs)."""
    by_severity = dict.fromkeys(SEVERITY_ORDER, 0)
    by_area: dict[str, dict[str, Any]] = {}
    amounts: dict[str, Decimal] = {}
    ranges: dict[str, list[Decimal]] = {}
    for f in findings:
        if f.amount is not None:
            amounts[f.rule] = amounts.get(f.rule, Decimal(0)) + f.amount
        if f.amount_range is not None:
            low_high = ranges.setdefault(f.rule, [Decimal(0), Decimal(0)])
            low_high[0] += f.amount_range.low
            low_high[1] += f.amount_range.high
    zero = [Decimal(0), Decimal(0)]
    for rule_id, count in Counter(map(attrgetter("rule"), findings)).items():
        spec = get_rule(rule_id)
        by_severity[spec.severity] += count
        area = by_area.setdefault(
            spec.area,
            {"findings": 0, "amount": Decimal(0), "amount_range": [Decimal(0), Decimal(0)], **dict.fromkeys(SEVERITY_ORDER, 0)},
        )
        area["findings"] += count
        area[spec.severity] += count
        area["amount"] += amounts.get(rule_id, Decimal(0))
        area["amount_range"] = [a + b for a, b in zip(area["amount_range"], ranges.get(rule_id, zero), strict=True)]
    for area in by_area.values():
        area["amount"] = str(round_fen(area["amount"]))
        area["amount_range"] = _range(*area["amount_range"])
    total = [sum((r[i] for r in ranges.values()), Decimal(0)) for i in (0, 1)]
    return {
        "findings": len(findings),
        "employees_with_findings": len({f.employee_id for f in findings if f.employee_id is not None}),
        "by_severity": by_severity,
        "by_area": by_area,
        "amount_at_risk": str(round_fen(sum(amounts.values(), Decimal(0)))),
        "amount_range": _range(*total),
    }


#: notices given once when the roster has workers of a kind that some checks leave out
KIND_NOTICES = {PART: "part_time", DISPATCHED: "dispatched", PENSIONER: "pensioner", SERVICE: "pensioner_labour_service"}


def _range(low: Decimal, high: Decimal) -> dict[str, str]:
    return {"low": str(round_fen(low)), "high": str(round_fen(high))}


def _row_order(finding: Finding) -> int:
    """Findings about the whole roster (no row) first, then by row."""
    return 0 if finding.row is None else finding.row


def run_checks(roster: Roster, ctx: Context) -> list[Finding]:
    """Every registered employee check whose columns the roster has, on the kinds of worker it judges."""
    findings: list[Finding] = []
    kinds = ctx.kinds(roster)
    present = set(kinds)
    by_line = dict(zip(roster.line, kinds)) if present != {FULL} else None
    for check in CHECKS:
        if present.isdisjoint(check.applies_to):
            continue
        missing = [c for c in check.needs if c not in roster.present]
        if missing:
            names = ", ".join(f"{c} ({COLUMNS[c].zh})" for c in missing)
            rules_ = [get_rule(r).title for r in check.rules]
            titles = {"zh": "、".join(t["zh"] for t in rules_), "en": "; ".join(t["en"] for t in rules_)}
            ctx.notices.append(notice_text("not_checked", checks=titles, columns=names))
            continue
        found = check.run(roster, ctx)
        if by_line is not None and not present <= check.applies_to:
            found = [f for f in found if f.row is None or by_line[f.row] in check.applies_to]
        findings.extend(found)
    ids = roster.columns["employee_id"]
    for kind, key in KIND_NOTICES.items():
        if kind in present:
            who = [e for e, k in zip(ids, kinds) if k == kind]
            for e in who:
                ctx.flag(key, e, until=str(spc_ii_effective()), since=str(spc_ii_effective()))
    ctx.notices.extend(ctx.flag_notices())
    findings.sort(key=_row_order)  # stable: within a row, the checks' order (service areas)
    return findings


def audit_roster(
    source: str | Path | bytes,
    *,
    as_of: Any = None,
    region: str | None = None,
    min_wage: Any = None,
    avg_wage: Any = None,
    sheet: str | None = None,
) -> AuditResult:
    """Audit a roster file (path or bytes; CSV or XLSX) as of a day (default today).

    ``min_wage`` overrides the regional minimum wage; ``avg_wage`` is accepted for the
    calculators' sake and recorded, as no roster check needs it; ``sheet`` names the
    worksheet of an .xlsx file (default: the first with a roster header).
    """
    return audit_with_roster(source, as_of=as_of, region=region, min_wage=min_wage, avg_wage=avg_wage, sheet=sheet)[0]


def audit_with_roster(
    source: str | Path | bytes,
    *,
    as_of: Any = None,
    region: str | None = None,
    min_wage: Any = None,
    avg_wage: Any = None,
    sheet: str | None = None,
) -> tuple[AuditResult, Roster, Context]:
    """:func:`audit_roster`, also giving the roster's rows and the checks' context (for the
    tools that read the rows again, such as the early warning's deadlines)."""
    collecting = gc.isenabled()
    gc.disable()  # the audit makes many small objects and no reference cycles: skip the collector's passes
    try:
        day = dt.date.today() if as_of is None else parse_date(as_of, "as_of")
        region = None if region is None else resolve(region)
        ctx = Context(day, region, None if min_wage is None else to_money(min_wage, "min_wage"))
        if avg_wage is not None:
            to_money(avg_wage, "avg_wage")
        roster = read_roster(source, as_of=day, sheet=sheet)
        if roster.sheet is not None:
            ctx.notices.append(notice_text("sheet_used", sheet=roster.sheet, count=str(roster.sheets)))
        findings = run_checks(roster, ctx)
        result = AuditResult(
            as_of=day,
            region=region,
            rows=roster.rows,
            audited=roster.audited,
            errors=roster.errors,
            findings=findings,
            notices=ctx.notices,
            ignored_columns=roster.ignored,
        )
        return result, roster, ctx
    finally:
        if collecting:
            gc.enable()


def records_csv(records: list[dict[str, Any]]) -> bytes:
    """Rows given as dicts (keys: column names) as a UTF-8 CSV roster (``None``: an empty cell)."""
    names = list(dict.fromkeys(k for rec in records for k in rec))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for rec in records:
        writer.writerow(["" if rec.get(n) is None else str(rec.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8")


def audit_records(records: list[dict[str, Any]], **options: Any) -> AuditResult:
    """Audit rows given as dicts (keys: column names) through the same CSV reader."""
    return audit_roster(records_csv(records), **options)
