"""The deadlines ahead of a roster's audit date, each computed by the rule's own date logic.

Contracts to sign (LCL 10, 82; LCL-IR 6, 7), social-insurance and housing-fund registration
(SIL 58; HPF 15), probation ending (LCL 19, 21), fixed terms expiring (LCL 44, 46) and
statutory retirement dates within the kit's reminder window (RETIRE-D 1; LCL-IR 21).  The
texts and citations are data: ``deadlines`` in ``data/quality/risk_early_warning.yaml``.

Two counts (a documented choice, as in ``checkups/calc/contracts.py``): the Civil Code does
not count the start day (201), some tribunals count it, which ends a period one day earlier.
The last day to sign and the registration deadlines are dated the earlier of the two days
that is not yet past on the audit date (the later one once the earlier has passed), and
their descriptions name both (``deadline_counts`` in the same data file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import calc
from ..errors import CheckupsError
from ..registry import Citation, catalog, law
from ..retirement import REMINDER_DAYS
from ..roster import Roster
from ..rules import DISPATCHED, FULL, PART, Context, column, day, term_end
from ..rules.contracts import contract_terms, first_signed
from ..rules.retirement import _detail as retirement_detail
from ..rules.retirement import retirements
from ..rules.social_insurance import registration_due
from ..text import Text

__all__ = ["KINDS", "Deadline", "deadline_texts", "deadlines"]

#: the kinds of deadline, in the order a day's deadlines are listed
KINDS = (
    "contract_sign",
    "contract_deemed_open_ended",
    "social_insurance_registration",
    "housing_fund_registration",
    "probation_end",
    "contract_expiry",
    "retirement",
)


@cache
def deadline_texts() -> dict[str, dict[str, Any]]:
    """Each kind's ``summary``, ``description`` and ``citations`` from the data, checked once."""
    data = catalog()["quality"]["risk_early_warning"]
    spec = data.get("deadlines") or {}
    if not all((data.get("deadline_counts") or {}).get(lang) for lang in ("zh", "en")):
        raise CheckupsError("risk_early_warning.yaml: 'deadline_counts' needs a bilingual text")
    for kind in KINDS:
        entry = spec.get(kind)
        if not entry or not all(entry.get(k, {}).get(lang) for k in ("summary", "description") for lang in ("zh", "en")):
            raise CheckupsError(f"risk_early_warning.yaml: deadline {kind!r} needs a bilingual summary and description")
        for c in entry.get("citations") or []:
            if str(c["article"]) not in (law(c["law"]).get("articles") or {}):
                raise CheckupsError(
                    f"risk_early_warning.yaml: deadline {kind!r} cites {c['law']} {c['article']}, not in the registry"
                )
    return spec


@dataclass(frozen=True)
class Deadline:
    """One deadline ahead: its kind, day, employee (number, name, roster line) and the facts
    its texts name."""

    kind: str
    date: dt.date
    employee_id: str
    row: int
    name: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def _fill(self, key: str) -> Text:
        spec = deadline_texts()[self.kind][key]
        who = self.employee_id + (f" {self.name}" if self.name else "")
        values = {"who": who, "date": self.date.isoformat(), **self.facts}
        text = Text(spec["zh"].format_map(values), spec["en"].format_map(values))
        if key == "description" and "last_other" in self.facts:  # both counts named (see the module)
            counts = catalog()["quality"]["risk_early_warning"]["deadline_counts"]  # checked by deadline_texts
            text = Text(text.zh + counts["zh"].format_map(values), f"{text.en} {counts['en'].format_map(values)}")
        return text

    @property
    def summary(self) -> Text:
        return self._fill("summary")

    @property
    def description(self) -> Text:
        return self._fill("description")

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(Citation(c["law"], str(c["article"])) for c in deadline_texts()[self.kind].get("citations") or [])

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "employee_id": self.employee_id,
            "name": self.name,
            "row": self.row,
            "summary": self.summary.as_dict(),
            "description": self.description.as_dict(),
            "citations": [str(c) for c in self.citations],
        }


def deadlines(r: Roster, ctx: Context) -> list[Deadline]:
    """Every deadline on or after the audit date for the employees still at work on it, by day."""
    found = list(_all(r, ctx))
    order = {k: i for i, k in enumerate(KINDS)}
    found.sort(key=lambda d: (d.date, order[d.kind], d.row))
    return found


def _all(r: Roster, ctx: Context) -> Iterator[Deadline]:
    as_of, kinds, ends = ctx.as_of_ord, ctx.kinds(r), column(r, "end_date")
    ids, names, hires, line = r.columns["employee_id"], column(r, "name"), r.columns["hire_date"], r.line

    def make(kind: str, i: int, on: int, **facts: Any) -> Deadline | None:
        if on < as_of or (ends[i] is not None and ends[i] < on):
            return None
        return Deadline(kind, dt.date.fromordinal(on), ids[i], line[i], names[i], {"hired": day(hires[i]), **facts})

    full = [i for i, k in enumerate(kinds) if k == FULL]
    made: list[Deadline | None] = []
    if "contract_signed_date" in r.present:
        signed = first_signed(r)
        for i in full:
            if signed[i] is None or signed[i] > as_of:
                made.append(_contract_sign(make, i, hires[i], ctx.as_of))
    for col, param, kind in (
        ("social_insurance_date", "deadlines.social_insurance_registration_days", "social_insurance_registration"),
        ("housing_fund_date", "deadlines.housing_fund_registration_days", "housing_fund_registration"),
    ):
        if col in r.present:
            due, dates, days = registration_due(r, ctx, param), r.columns[col], ctx.param(param).value
            other = registration_due(r, ctx, param, start_day_counts=True)
            made += [
                make(kind, i, _earlier(due[i], other[i], as_of), days=days, last=day(due[i]), last_other=day(other[i]))
                for i in full
                if dates[i] is None or dates[i] > as_of
            ]
    if "probation_months" in r.present:
        months = r.columns["probation_months"]
        made += [make("probation_end", i, term_end(hires[i], months[i]), months=months[i]) for i in full if months[i]]
    if {"contract_term_months", "contract_signed_date"} <= r.present:
        starts, expiries = contract_terms(r, ctx)
        signed_now, terms = r.columns["contract_signed_date"], r.columns["contract_term_months"]
        made += [
            make("contract_expiry", i, expiries[i], start=day(starts[i]), months=terms[i])
            for i in full
            if expiries[i] is not None and signed_now[i] is not None and signed_now[i] <= as_of
        ]
    if {"birth_date", "retirement_group"} <= r.present:
        judged = {FULL, PART, DISPATCHED}
        for i, ret in enumerate(retirements(r, ctx)):
            if ret is not None and kinds[i] in judged and ret.date.toordinal() - as_of <= REMINDER_DAYS:
                facts = retirement_detail(ret, as_of).facts
                made.append(
                    make(
                        "retirement", i, ret.date.toordinal(), born=str(ret.birth_date), age=facts["age"], age_en=facts["age_en"]
                    )
                )
    return (d for d in made if d is not None)


def _earlier(last: int, last_other: int, as_of: int) -> int:
    """The day a deadline is dated: the other count's (one day earlier) while it is not past, else the Civil Code's."""
    return last_other if last_other >= as_of else last


def _contract_sign(make: Any, i: int, hired: int, as_of: dt.date) -> Deadline | None:
    """The last day of the month to sign (the day before the double wage starts, by both of the
    calculator's counts), or once it has passed, the day an open-ended contract is deemed concluded."""
    start = dt.date.fromordinal(hired)
    period = calc.double_wage_period(start, None, as_of)
    other = calc.double_wage_period(start, None, as_of, hire_day_counts=True)
    last, last_other = period.first.toordinal() - 1, other.first.toordinal() - 1
    if last >= as_of.toordinal():
        on = _earlier(last, last_other, as_of.toordinal())
        return make("contract_sign", i, on, first=period.first.isoformat(), last=day(last), last_other=day(last_other))
    return make("contract_deemed_open_ended", i, period.deemed.toordinal())
