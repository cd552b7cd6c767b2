"""What the instant check-ups share: the settings at the top of each page (region and
audit date), the answer sent back when something entered cannot be used, findings as data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .. import regions as reg
from ..findings import Finding
from ..text import Text
from ..timeline import DateError, parse_date
from .messages import DATE, NEEDS_FIXING, NEEDS_FIXING_ONE, REGION, REQUIRED_FIELD, date_message

__all__ = ["LANGS", "answer", "compact", "failure", "settings"]

LANGS = ("zh", "en")


def settings(region: Any, as_of: Any, errors: dict[str, Text], *, date_field: str = "as_of") -> tuple[str | None, dt.date | None]:
    """The region id (None for the whole country) and the day from the page's top fields;
    what cannot be used goes to ``errors`` (field → message)."""
    region_id: str | None = None
    if region not in (None, "", "national"):
        try:
            region_id = reg.resolve(str(region))
        except LookupError:
            errors["region"] = REGION
    day: dt.date | None = None
    if as_of in (None, ""):
        errors[date_field] = Text(f"{REQUIRED_FIELD.zh}{DATE.zh}", f"{REQUIRED_FIELD.en} {DATE.en}")
    else:
        try:
            day = parse_date(as_of)
        except DateError:
            errors[date_field] = date_message(as_of)
    return (None if region_id == "national" else region_id), day


def failure(errors: dict[str, Text], lang: str, message: Text | None = None) -> dict[str, Any]:
    """The answer when input cannot be used: a message per field and one for the page."""
    if message is None:
        n = len(errors)
        message = NEEDS_FIXING_ONE if n == 1 else Text(NEEDS_FIXING.zh.format(n=n), NEEDS_FIXING.en.format(n=n))
    return {"ok": False, "errors": {k: v.get(lang) for k, v in errors.items()}, "message": message.get(lang)}


def compact(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Findings as data the page keeps and tests compare: rule, employee, line, severity, money."""
    out = []
    for f in findings:
        rng = f.amount_range
        out.append(
            {
                "rule": f.rule,
                "employee_id": f.employee_id,
                "row": f.row,
                "severity": f.severity,
                "amount": None if f.amount is None else str(f.amount),
                "amount_range": None if rng is None else [str(rng.low), str(rng.high)],
            }
        )
    return out


def answer(kind: str, region: str | None, day: dt.date, **parts: Any) -> dict[str, Any]:
    """A successful answer: what it is about (kind, region, day) and its parts."""
    return {"ok": True, "kind": kind, "region": region, "as_of": day.isoformat(), **parts}
