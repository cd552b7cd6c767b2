"""Labour-contract checks on the roster: written contract, deemed open-ended, probation, expiry.

``contract_signed_date`` is the signing date of the employee's current contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from .. import calc
from ..findings import Detail, Finding, Trace
from ..roster import Roster
from ..text import Text, fmt_money, round_fen
from ..timeline import ParamValue, add_months, span
from . import FULL, Context, column, day, employee_check
from .retirement import protected_on

LIMITATION = Text(
    "二倍工资的最后一日距检查日已超过一年：仲裁时效为一年（LDMAL 27），各地对其起算点认定不一，部分金额可能已过时效。",
    "The last double-wage day is more than a year before the audit date: the limitation period is one year "
    "(LDMAL 27) and tribunals differ on when it starts, so part of this amount may be time-barred.",
)


def first_signed(r: Roster) -> list[int | None]:
    """The first contract's signing date: ``first_contract_signed_date`` where given, else the current contract's."""
    current = r.columns["contract_signed_date"]
    first = r.columns.get("first_contract_signed_date")
    return current if first is None else [f if f is not None else c for f, c in zip(first, current)]


def _renewals(r: Roster, ctx: Context, limit_months: int) -> None:
    """Rows signed more than a year after hire: the roster shows a later contract (a renewal).

    Whether the first contract was signed in time cannot be told from such a row, so the
    audit names these employees in one notice instead of guessing.
    """
    key = f"renewals+{limit_months}"
    if key not in ctx.derived:
        year_on = ctx.shifted(r, "contract_clock", limit_months)
        ids = r.columns["employee_id"]
        found = {e for e, s, y in zip(ids, first_signed(r), year_on) if s is not None and s > y}
        if found:
            ctx.flags.setdefault("renewals", set()).update(found)
        ctx.derived[key] = True


def _double_wage(wage: Decimal | None, h: int, s: int | None, stop: int, as_of: int, limitation: ParamValue) -> Detail:
    facts = {"hire_date": day(h), "signed_date": day(s) or "—", "due_date": ""}
    hired = dt.date.fromordinal(h)
    signed = None if s is None else dt.date.fromordinal(s)
    judged = dt.date.fromordinal(as_of)  # the audit date decides how a part month counts (SPC-II 6)
    if wage is None:
        period = calc.double_wage_period(hired, signed, dt.date.fromordinal(stop), judged_on=judged)
        facts["due_date"] = period.first.isoformat()
        steps = (
            Text("未填月工资：无法计算二倍工资金额。", "No monthly wage in the roster: the double wage cannot be computed."),
        )
        return Detail(
            facts,
            Trace(
                {"hire_date": day(h), "signed_date": day(s), "as_of": day(stop)},
                (period.grace, period.limit, period.basis),
                steps,
            ),
        )
    result = calc.double_wage(wage, hired, signed, as_of=dt.date.fromordinal(stop), judged_on=judged)
    facts["due_date"] = result.details["first_day"].isoformat()
    steps = result.steps + result.warnings
    params = result.parameters
    if add_months(result.details["last_day"], 12 * int(limitation.value)) < dt.date.fromordinal(as_of):
        steps += (LIMITATION,)
        params += (limitation,)
    return Detail(facts, Trace(result.inputs, params, steps))


@employee_check("contracts.written_within_one_month", "contract_signed_date", applies_to={FULL})
def written_within_one_month(r: Roster, ctx: Context) -> Iterator[Finding]:
    """No written contract by hire date + 1 month: the extra wage of LCL 82, to the audit date.

    The double wage starts the day after the month ends (``due`` + 1: Civil Code 201, 202;
    see :mod:`checkups.calc.contracts`), so a contract signed on that first day owes none.
    """
    grace = int(ctx.param("deadlines.contract_written_months").value)
    limit = int(ctx.param("deadlines.deemed_open_ended_months").value)
    due = ctx.shifted(r, "contract_clock", grace)
    year_on = ctx.shifted(r, "contract_clock", limit)
    stop = ctx.stop(r)
    signed = first_signed(r)
    _renewals(r, ctx, limit)  # rows signed after year one (s > y) are renewals: named in a notice, not judged
    late = [i for i, (s, d, y, st) in enumerate(zip(signed, due, year_on, stop)) if st > d and (s is None or d + 1 < s <= y)]
    limitation = ctx.param("deadlines.arbitration_limitation_years")
    memo: dict[tuple, Decimal] = {}
    ids, hires, wages, as_of = r.columns["employee_id"], r.columns["hire_date"], column(r, "monthly_wage"), ctx.as_of_ord
    for i in late:
        h, s, wage = hires[i], signed[i], wages[i]
        amount = None
        if wage is not None:
            end = min(stop[i], year_on[i] - 1, s - 1 if s is not None else stop[i])  # the last day counted
            months = memo.get((h, end))
            if months is None:
                period = calc.double_wage_period(dt.date.fromordinal(h), None, dt.date.fromordinal(end), judged_on=ctx.as_of)
                months = memo[(h, end)] = period.months
            amount = round_fen(wage * months)
        yield Finding(
            "contracts.written_within_one_month",
            ids[i],
            amount,
            r.line[i],
            partial(_double_wage, wage, h, s, stop[i], as_of, limitation),
        )


def _deemed(h: int, s: int | None, stop: int, deemed: int, limit: ParamValue) -> Detail:
    steps = (
        Text(
            f"入职 {day(h)}，至 {day(deemed)}（用工满一年）仍未订立书面劳动合同：视为已订立无固定期限劳动合同，应立即补订（LCL 14；LCL-IR 7）。",
            f"Hired {day(h)}; no written contract by {day(deemed)} (one year of work): an open-ended "
            "contract is deemed concluded and must be put in writing at once (LCL 14; LCL-IR 7).",
        ),
    )
    return Detail(
        {"deemed_date": day(deemed)}, Trace({"hire_date": day(h), "signed_date": day(s), "as_of": day(stop)}, (limit,), steps)
    )


@employee_check("contracts.deemed_open_ended", "contract_signed_date", applies_to={FULL})
def deemed_open_ended(r: Roster, ctx: Context) -> list[Finding]:
    """No written contract a full year after work started: an open-ended contract is deemed (LCL 14; LCL-IR 7)."""
    limit = ctx.param("deadlines.deemed_open_ended_months")
    months = int(limit.value)
    year_on = ctx.shifted(r, "contract_clock", months)
    stop = ctx.stop(r)
    signed = first_signed(r)
    _renewals(r, ctx, months)  # signed after year one (s > y): a renewal, named in a notice, not judged
    hit = [i for i, (s, y, st) in enumerate(zip(signed, year_on, stop)) if st >= y and (s is None or s == y)]
    ids, hires, line = r.columns["employee_id"], r.columns["hire_date"], r.line
    return [
        Finding(
            "contracts.deemed_open_ended",
            ids[i],
            None,
            line[i],
            partial(_deemed, hires[i], signed[i], stop[i], year_on[i], limit),
        )
        for i in hit
    ]


def _probation(
    h: int,
    p: Decimal,
    term: Decimal | None,
    cap: int,
    stop: int,
    wage: Decimal | None,
    amount: Decimal | None,
    excess: Decimal,
    bands: ParamValue,
) -> Detail:
    term_text = ("无固定期限", "open-ended") if term is None else (f"{term} 个月", f"{term} month(s)")
    steps = (
        Text(
            f"合同期限 {term_text[0]} → 试用期最长 {cap} 个月（LCL 19）；约定 {p} 个月，超出 {p - cap} 个月。",
            f"Contract term {term_text[1]} → probation at most {cap} month(s) (LCL 19); agreed {p}, {p - cap} too many.",
        ),
        Text(
            f"截至 {day(stop)} 已履行超出部分 {excess.quantize(Decimal('0.01'))} 个月"
            + (
                f"，按试用期满月工资 {fmt_money(wage)} 支付赔偿金 {fmt_money(amount)}（LCL 83）。"
                if wage is not None
                else "；未填月工资，无法计算赔偿金（LCL 83）。"
            ),
            f"By {day(stop)} {excess.quantize(Decimal('0.01'))} excess month(s) were served"
            + (
                f": compensation at the post-probation wage {fmt_money(wage)} = {fmt_money(amount)} (LCL 83)."
                if wage is not None
                else "; no monthly wage given, so no amount (LCL 83)."
            ),
        ),
    )
    facts = {"probation_months": p, "max_months": cap, "term": term_text[0], "term_en": term_text[1]}
    trace = Trace({"hire_date": day(h), "probation_months": p, "contract_term_months": term, "as_of": day(stop)}, (bands,), steps)
    return Detail(facts, trace)


@employee_check("contracts.probation_too_long", "probation_months", "contract_term_months", applies_to={FULL})
def probation_too_long(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation longer than LCL 19 allows for the contract term; the excess served is owed again (LCL 83)."""
    caps: dict[Decimal | None, int] = {}
    for term in set(r.columns["contract_term_months"]):
        caps[term] = calc.max_probation_months(term)
    months, terms = r.columns["probation_months"], r.columns["contract_term_months"]
    hit = [i for i, (p, t) in enumerate(zip(months, terms)) if p and p > caps[t]]
    if not hit:
        return
    bands = ctx.param("probation.max_months")
    ids, hires, wages, stop = r.columns["employee_id"], r.columns["hire_date"], column(r, "monthly_wage"), ctx.stop(r)
    for i in hit:
        p, term, cap, wage = months[i], terms[i], caps[terms[i]], wages[i]
        if p == int(p) and stop[i] >= ctx.month_shift(int(p))[hires[i]]:
            excess = p - cap  # the whole agreed probation has been served
        else:
            served = span(dt.date.fromordinal(hires[i]), dt.date.fromordinal(stop[i])).fraction
            excess = max(min(p, served) - cap, Decimal(0))
        amount = None if wage is None else round_fen(wage * excess)
        yield Finding(
            "contracts.probation_too_long",
            ids[i],
            amount,
            r.line[i],
            partial(_probation, hires[i], p, term, cap, stop[i], wage, amount, excess, bands),
        )


def _expired(h: int, s: int, term: Decimal, start: int, expiry: int, as_of: int) -> Detail:
    steps = (
        Text(
            f"合同自 {day(start)} 起 {term} 个月，于 {day(expiry)} 期满；其后员工继续工作，未见续订记录。",
            f"The contract ran {term} months from {day(start)} and expired on {day(expiry)}; the employee "
            "kept working after it and no renewal is recorded.",
        ),
    )
    return Detail(
        {"expiry_date": day(expiry)},
        Trace({"hire_date": day(h), "signed_date": day(s), "contract_term_months": term, "as_of": day(as_of)}, (), steps),
    )


def contract_terms(r: Roster, ctx: Context) -> tuple[list[int], list[int | None]]:
    """Each row's contract start (the later of hire and signing) and last day of a fixed term
    (None when open-ended or of no term); the term runs in whole calendar months."""
    hires, signed, terms = r.columns["hire_date"], r.columns["contract_signed_date"], r.columns["contract_term_months"]
    shifts = {t: ctx.month_shift(int(t)) for t in set(terms) if t}  # whole months: the roster refuses fractions
    starts = [s if s is not None and s > h else h for h, s in zip(hires, signed)]
    return starts, [None if not t else shifts[t][st] - 1 for t, st in zip(terms, starts)]


@employee_check("contracts.contract_expired", "contract_term_months", "contract_signed_date", applies_to={FULL})
def contract_expired(r: Roster, ctx: Context) -> list[Finding]:
    """A fixed-term contract whose term ran out while the employee kept working (LCL 44; SPC-I 34).

    The term is taken to run from the later of the hire date and the signing date.  A term
    that expired while the employee was protected by LCL 42(5) (long service near retirement)
    was extended by law (LCL 45; SPC-II 8): not a missing renewal, so no finding.
    """
    as_of = ctx.as_of_ord
    ends = column(r, "end_date")
    ids, hires, signed, terms = (
        r.columns["employee_id"],
        r.columns["hire_date"],
        r.columns["contract_signed_date"],
        r.columns["contract_term_months"],
    )
    starts, expiries = contract_terms(r, ctx)
    expiries = [as_of if x is None else x for x in expiries]
    line = r.line
    return [
        Finding(
            "contracts.contract_expired",
            ids[i],
            None,
            line[i],
            partial(_expired, hires[i], signed[i], terms[i], starts[i], x, as_of),
        )
        for i, x in enumerate(expiries)
        if x < as_of and signed[i] is not None and (ends[i] is None or ends[i] > x) and not protected_on(r, ctx, i, x)
    ]


def _eligible(h: int, term: Decimal, since: int, as_of: int, years: ParamValue) -> Detail:
    steps = (
        Text(
            f"入职 {day(h)}，于 {day(since)} 连续工作满 {years.value} 年，现为固定期限合同（{term} 个月）。",
            f"Hired {day(h)}; {years.value} years of continuous service on {day(since)}; now on a fixed term ({term} months).",
        ),
    )
    return Detail(
        {"since": day(since)}, Trace({"hire_date": day(h), "contract_term_months": term, "as_of": day(as_of)}, (years,), steps)
    )


@employee_check("contracts.open_ended_eligible", "contract_term_months", applies_to={FULL})
def open_ended_eligible(r: Roster, ctx: Context) -> list[Finding]:
    """Ten years' continuous service on a fixed-term contract: an open-ended contract on request (LCL 14)."""
    years = ctx.param("deadlines.open_ended_service_years")
    since = ctx.shifted(r, "hire_date", int(years.value) * 12)
    as_of = ctx.as_of_ord
    ends = column(r, "end_date")
    ids, hires, terms = r.columns["employee_id"], r.columns["hire_date"], r.columns["contract_term_months"]
    line = r.line
    return [
        Finding(
            "contracts.open_ended_eligible", ids[i], None, line[i], partial(_eligible, hires[i], terms[i], since[i], as_of, years)
        )
        for i, (term, y) in enumerate(zip(terms, since))
        if y <= as_of and term is not None and (ends[i] is None or ends[i] > as_of)
    ]
