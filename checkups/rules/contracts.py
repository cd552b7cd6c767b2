"""Labour-contract checks on the roster: written contract, deemed open-ended, probation, expiry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from .. import calc
from ..findings import Finding, Trace
from ..roster import Roster
from ..text import Text, fmt_money, round_fen
from ..timeline import span
from . import Context, column, day, employee_check, stop_days


@employee_check("contracts.written_within_one_month", "contract_signed_date")
def written_within_one_month(r: Roster, ctx: Context) -> Iterator[Finding]:
    """No written contract by hire date + 1 month: the extra wage of LCL 82, to the audit date."""
    grace = int(ctx.param("deadlines.contract_written_months").value)
    ids, hires, signed, wages = r.columns["employee_id"], r.columns["hire_date"], r.columns["contract_signed_date"], column(r, "monthly_wage")
    for i, (emp, h, s, stop) in enumerate(zip(ids, hires, signed, stop_days(r, ctx))):
        due = ctx.plus_months(h, grace)
        if (s is not None and s <= due) or stop < due:
            continue
        wage = wages[i]
        facts = {"hire_date": day(h), "signed_date": day(s) or "—", "due_date": day(due)}
        if wage is None:
            trace = Trace({"hire_date": day(h), "signed_date": day(s), "as_of": day(stop)}, (), (
                Text("未填月工资：无法计算二倍工资金额。", "No monthly wage in the roster: the double wage cannot be computed."),))
            yield Finding("contracts.written_within_one_month", emp, None, trace, facts, r.line[i])
            continue
        result = calc.double_wage(wage, dt.date.fromordinal(h), None if s is None else dt.date.fromordinal(s), as_of=dt.date.fromordinal(stop))
        trace = Trace(result.inputs, result.parameters, result.steps)
        yield Finding("contracts.written_within_one_month", emp, result.amount, trace, facts, r.line[i])


@employee_check("contracts.deemed_open_ended", "contract_signed_date")
def deemed_open_ended(r: Roster, ctx: Context) -> Iterator[Finding]:
    """No written contract a full year after work started: an open-ended contract is deemed (LCL 14; LCL-IR 7)."""
    limit = ctx.param("deadlines.deemed_open_ended_months")
    months = int(limit.value)
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns["contract_signed_date"], stop_days(r, ctx))
    for i, (emp, h, s, stop) in enumerate(rows):
        deemed = ctx.plus_months(h, months)
        if stop < deemed or (s is not None and s < deemed):
            continue
        steps = (
            Text(
                f"入职 {day(h)}，至 {day(deemed)}（用工满一年）仍未订立书面劳动合同：视为已订立无固定期限劳动合同，应立即补订（LCL 14；LCL-IR 7）。",
                f"Hired {day(h)}; no written contract by {day(deemed)} (one year of work): an open-ended "
                "contract is deemed concluded and must be put in writing at once (LCL 14; LCL-IR 7).",
            ),
        )
        trace = Trace({"hire_date": day(h), "signed_date": day(s), "as_of": day(stop)}, (limit,), steps)
        yield Finding("contracts.deemed_open_ended", emp, None, trace, {"deemed_date": day(deemed)}, r.line[i])


@employee_check("contracts.probation_too_long", "probation_months", "contract_term_months")
def probation_too_long(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Probation longer than LCL 19 allows for the contract term; the excess served is owed again (LCL 83)."""
    caps: dict[Decimal | None, int] = {}
    wages = column(r, "monthly_wage")
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns["probation_months"], r.columns["contract_term_months"], stop_days(r, ctx))
    for i, (emp, h, p, term, stop) in enumerate(rows):
        if not p:
            continue
        cap = caps.get(term)
        if cap is None:
            cap = caps[term] = calc.max_probation_months(term)
        if p <= cap:
            continue
        served = span(dt.date.fromordinal(h), dt.date.fromordinal(stop)).fraction
        excess = max(min(p, served) - cap, Decimal(0))
        wage = wages[i]
        amount = None if wage is None else round_fen(wage * excess)
        term_text = ("无固定期限", "open-ended") if term is None else (f"{term} 个月", f"{term} months")
        steps = [
            Text(
                f"合同期限 {term_text[0]} → 试用期最长 {cap} 个月（LCL 19）；约定 {p} 个月，超出 {p - cap} 个月。",
                f"Contract term {term_text[1]} → probation at most {cap} months (LCL 19); agreed {p}, {p - cap} too many.",
            ),
            Text(
                f"截至 {day(stop)} 已履行超出部分 {excess.quantize(Decimal('0.01'))} 个月"
                + (f"，按试用期满月工资 {fmt_money(wage)} 支付赔偿金 {fmt_money(amount)}（LCL 83）。" if wage is not None else "；未填月工资，无法计算赔偿金（LCL 83）。"),
                f"By {day(stop)} {excess.quantize(Decimal('0.01'))} excess months were served"
                + (f": compensation at the post-probation wage {fmt_money(wage)} = {fmt_money(amount)} (LCL 83)." if wage is not None else "; no monthly wage given, so no amount (LCL 83)."),
            ),
        ]
        facts = {"probation_months": p, "max_months": cap, "term": term_text[0], "term_en": term_text[1]}
        trace = Trace({"hire_date": day(h), "probation_months": p, "contract_term_months": term, "as_of": day(stop)}, (ctx.param("probation.max_months"),), tuple(steps))
        yield Finding("contracts.probation_too_long", emp, amount, trace, facts, r.line[i])


@employee_check("contracts.contract_expired", "contract_term_months", "contract_signed_date")
def contract_expired(r: Roster, ctx: Context) -> Iterator[Finding]:
    """A fixed-term contract whose term has run out while the employee still works (LCL 44; SPC-I 34).

    The term is taken to run from the later of the hire date and the signing date.
    """
    ends = column(r, "end_date")
    as_of = ctx.as_of_ord
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns["contract_signed_date"], r.columns["contract_term_months"], ends)
    for i, (emp, h, s, term, end) in enumerate(rows):
        if term is None or s is None or not term:
            continue
        start = max(h, s)
        expiry = ctx.plus_months(start, int(term)) - 1
        if expiry >= as_of or (end is not None and end <= expiry):
            continue
        steps = (
            Text(
                f"合同自 {day(start)} 起 {term} 个月，于 {day(expiry)} 期满；其后员工仍在岗，未见续订或终止记录。",
                f"The contract ran {term} months from {day(start)} and expired on {day(expiry)}; the employee "
                "still works and no renewal or ending is recorded.",
            ),
        )
        trace = Trace({"hire_date": day(h), "signed_date": day(s), "contract_term_months": term, "as_of": ctx.as_of.isoformat()}, (), steps)
        yield Finding("contracts.contract_expired", emp, None, trace, {"expiry_date": day(expiry)}, r.line[i])


@employee_check("contracts.open_ended_eligible", "contract_term_months")
def open_ended_eligible(r: Roster, ctx: Context) -> Iterator[Finding]:
    """Ten years' continuous service on a fixed-term contract: an open-ended contract on request (LCL 14)."""
    years = ctx.param("deadlines.open_ended_service_years")
    months = int(years.value) * 12
    as_of = ctx.as_of_ord
    ends = column(r, "end_date")
    rows = zip(r.columns["employee_id"], r.columns["hire_date"], r.columns["contract_term_months"], ends)
    for i, (emp, h, term, end) in enumerate(rows):
        if term is None or (end is not None and end <= as_of):
            continue
        since = ctx.plus_months(h, months)
        if since > as_of:
            continue
        steps = (
            Text(
                f"入职 {day(h)}，于 {day(since)} 连续工作满 {years.value} 年，现为固定期限合同（{term} 个月）。",
                f"Hired {day(h)}; {years.value} years of continuous service on {day(since)}; now on a fixed term ({term} months).",
            ),
        )
        trace = Trace({"hire_date": day(h), "contract_term_months": term, "as_of": ctx.as_of.isoformat()}, (years,), steps)
        yield Finding("contracts.open_ended_eligible", emp, None, trace, {"since": day(since)}, r.line[i])
