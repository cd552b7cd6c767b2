"""Risk early warning: a roster audit's A/B/C grade, the indicators that drove it, and the
deadlines ahead as of the audit date.

The grading rules are data (``data/quality/risk_early_warning.yaml``): each red or amber
indicator names the roster findings that show it (``rules``) or the deadline ahead that
raises it (``trigger``); ``grades`` say which levels and which severities of the other
findings give each grade; a roster none of whose rows could be audited gets none
(``not_graded``: an A would say it is in order).  Nothing here reads the clock: every day is the audit's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..audit import AuditResult, audit_with_roster
from ..errors import CheckupsError, InputError
from ..findings import Finding
from ..registry import SEVERITY_ORDER, Citation, catalog, rule
from ..text import Text
from .deadlines import KINDS, Deadline, deadlines

__all__ = ["Driver", "EarlyWarning", "early_warning", "grading", "warn_roster"]


@dataclass(frozen=True)
class Driver:
    """An indicator reached (or a rule's findings that no indicator names), with the employees."""

    id: str
    level: str  # red, amber, or the finding's severity for a rule no indicator names
    text: Text
    citations: tuple[Citation, ...]
    employees: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "text": self.text.as_dict(),
            "citations": [str(c) for c in self.citations],
            "employees": list(self.employees),
        }


@dataclass(frozen=True)
class EarlyWarning:
    """The early warning of one audit: grade (None: no row could be audited), its drivers, the deadlines ahead."""

    audit: AuditResult
    grade: str | None
    grade_text: Text
    drivers: tuple[Driver, ...]
    deadlines: tuple[Deadline, ...]

    @property
    def nearest(self) -> Deadline | None:
        return self.deadlines[0] if self.deadlines else None

    def as_dict(self) -> dict[str, Any]:
        a = self.audit
        return {
            "as_of": a.as_of.isoformat(),
            "region": a.region,
            "rows": a.rows,
            "audited": a.audited,
            "rejected": len(a.errors),
            "errors": [e.as_dict() for e in a.errors],
            "grade": self.grade,
            "grade_text": self.grade_text.as_dict(),
            "drivers": [d.as_dict() for d in self.drivers],
            "deadlines": [d.as_dict() for d in self.deadlines],
            "summary": a.summary,
        }


@cache
def grading() -> dict[str, Any]:
    """The indicators with an ``id`` and the grades, from the data, checked once."""
    spec = catalog()["quality"]["risk_early_warning"]
    indicators = [i for s in spec["sections"] for i in s["items"] if i.get("id")]
    grades = spec.get("grades") or []
    where = "risk_early_warning.yaml"
    if not grades or any(g.get("levels") or g.get("severities") for g in grades[-1:]):
        raise CheckupsError(f"{where}: 'grades' must end with a grade that has no levels or severities")
    for g in grades:
        unknown = set(g.get("levels") or []) - {"red", "amber"} | set(g.get("severities") or []) - set(SEVERITY_ORDER)
        if unknown:
            raise CheckupsError(f"{where}: grade {g['grade']!r} names unknown levels or severities {sorted(unknown)}")
    for item in indicators:
        for rule_id in item.get("rules") or []:
            rule(rule_id)  # an unknown rule id raises UnknownNameError
        trigger = item.get("trigger")
        if trigger and (trigger.get("deadline") not in KINDS or not ({"from_start_day", "days_before"} & set(trigger))):
            raise CheckupsError(f"{where}: indicator {item['id']!r} has a bad trigger {trigger!r}")
    if not all((spec.get("not_graded") or {}).get(lang) for lang in ("zh", "en")):
        raise CheckupsError(f"{where}: 'not_graded' needs a bilingual text")
    return {"indicators": indicators, "grades": grades, "not_graded": spec["not_graded"]}


def _cites(item: dict[str, Any]) -> tuple[Citation, ...]:
    return tuple(Citation(c["law"], str(c["article"])) for c in item.get("citations") or [])


def _triggered(trigger: dict[str, Any], d: Deadline, hired: dt.date, as_of: dt.date) -> bool:
    if d.kind != trigger["deadline"]:
        return False
    if "from_start_day" in trigger and (as_of - hired).days < int(trigger["from_start_day"]):
        return False
    return "days_before" not in trigger or (d.date - as_of).days < int(trigger["days_before"])


def early_warning(audit: AuditResult, ahead: list[Deadline]) -> EarlyWarning:
    """Grade an audit from its findings and the deadlines ahead (:func:`deadlines`)."""
    spec = grading()
    by_rule: dict[str, list[Finding]] = {}
    for f in audit.findings:
        by_rule.setdefault(f.rule, []).append(f)
    drivers: list[Driver] = []
    named: set[str] = set()
    for item in spec["indicators"]:
        who: dict[str, None] = {}
        for rule_id in item.get("rules") or []:
            named.add(rule_id)
            who.update(dict.fromkeys(f.employee_id or "" for f in by_rule.get(rule_id, [])))
        trigger = item.get("trigger")
        if trigger:
            for d in ahead:
                if _triggered(trigger, d, dt.date.fromisoformat(d.facts["hired"]), audit.as_of):
                    who[d.employee_id] = None
        if who:
            text = Text(item["text"]["zh"], item["text"]["en"])
            drivers.append(Driver(item["id"], item["level"], text, _cites(item), tuple(who)))
    for rule_id, found in by_rule.items():
        if rule_id not in named:
            r = rule(rule_id)
            employees = tuple(dict.fromkeys(f.employee_id or "" for f in found))
            drivers.append(Driver(rule_id, r.severity, Text(r.title["zh"], r.title["en"]), tuple(r.citations), employees))
    levels = {d.level for d in drivers}
    for g in spec["grades"]:
        wanted = set(g.get("levels") or []) | set(g.get("severities") or [])
        if not wanted or levels & wanted:
            chosen = g
            break
    rank = {"red": 0, "amber": 1, **{s: 2 + i for i, s in enumerate(SEVERITY_ORDER)}}
    drivers.sort(key=lambda d: rank.get(d.level, 99))
    if not audit.audited:  # nothing audited: no grade, rather than an A that says "in order"
        grade, text = None, spec["not_graded"]
    else:
        grade, text = chosen["grade"], chosen["text"]
    return EarlyWarning(audit, grade, Text(text["zh"], text["en"]), tuple(drivers), tuple(ahead))


def warn_roster(source: str | Path | bytes, **options: Any) -> EarlyWarning:
    """Audit a roster (options as :func:`checkups.audit.audit_roster`; ``as_of`` required, as the
    warning is about the days ahead of a given day) and give its early warning."""
    if options.get("as_of") is None:
        raise InputError("as_of", "the audit date, e.g. 2025-06-30", None)
    audit, roster, ctx = audit_with_roster(source, **options)
    return early_warning(audit, deadlines(roster, ctx))
