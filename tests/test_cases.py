"""Run the lawyer-readable scenario cases in ``tests/cases/*.yaml`` through the package."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checkups import calc
from checkups.audit import audit_records
from checkups.evaluate import evaluate
from checkups.retirement import statutory_retirement

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_AS_OF = dt.date(2025, 6, 30)


def load_cases() -> list[tuple[str, dict]]:
    """Every case of every file, as (file: name, case)."""
    found = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append((f"{path.stem}: {case['name']}", case))
    return found


CASES = load_cases()


def expected(case: dict) -> dict[str, str | None]:
    """rule id → expected amount (None when the case names only the rule)."""
    out = {}
    for item in case.get("findings") or []:
        if isinstance(item, str):
            out[item] = None
        else:
            out[item["rule"]] = item.get("amount", "any")
    return out


def check_findings(findings, case: dict) -> None:
    want = expected(case)
    got = {f.rule: f.amount for f in findings}
    assert sorted(got) == sorted(want), f"rules fired: {sorted(got)}; expected {sorted(want)}"
    for rule, amount in want.items():
        if amount not in (None, "any"):
            assert got[rule] == Decimal(amount), f"{rule}: amount {got[rule]} != {amount}"
    ranges = {f.rule: f.amount_range for f in findings}
    for item in case.get("findings") or []:
        if isinstance(item, dict) and "range" in item:
            rng, (low, high) = ranges[item["rule"]], item["range"]
            assert rng is not None, f"{item['rule']}: no range"
            assert (rng.low, rng.high) == (Decimal(low), Decimal(high)), f"{item['rule']}: range {rng.low}–{rng.high}"


def _date(value):
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(case: dict) -> None:
    """The package gives exactly what the case says the law requires."""
    if "evaluate" in case:
        spec = case["evaluate"]
        result = evaluate(spec.get("answers") or {}, as_of=spec.get("as_of", DEFAULT_AS_OF), region=spec.get("region"))
        assert not result.errors, result.errors
        assert not result.unknown, f"unknown question ids: {result.unknown}"
        check_findings(result.findings, case)
    elif "audit" in case:
        spec = case["audit"]
        options = {k: spec[k] for k in ("region", "min_wage") if k in spec}
        employees = spec.get("employees") or [spec["employee"]]
        result = audit_records(employees, as_of=spec.get("as_of", DEFAULT_AS_OF), **options)
        rejected = case.get("rejected") or []
        assert [{"column": e.column, "expected": e.expected} for e in result.errors] == rejected, result.errors
        assert result.audited == len(employees) - len({e.row for e in result.errors})
        check_findings(result.findings, case)
        for wanted in case.get("notices") or []:
            assert any(wanted in n.en for n in result.notices), f"no notice containing {wanted!r}: {result.notices}"
    elif "calc" in case:
        func = getattr(calc, case["calc"])
        out = func(*case.get("args", []), **case.get("kwargs", {}))
        if "amount" in case:
            assert out.amount == Decimal(case["amount"])
        else:
            assert out == case["result"]
    elif "retirement" in case:
        spec = case["retirement"]
        out = statutory_retirement(spec["birth_date"], spec["group"], on=spec.get("on"))
        assert (out.date, [out.age_years, out.age_months], out.delay_months) == (
            _date(case["date"]),
            case["age"],
            case["delay_months"],
        )
    else:
        pytest.fail(f"case has no evaluate/audit/calc/retirement section: {case['name']}")


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    """Every rule in the catalog fires in at least one case and stays silent in another of its kind."""
    from checkups.registry import rules

    fired: set[str] = set()
    silent: set[str] = set()
    for _, case in CASES:
        if "calc" in case or "retirement" in case:
            continue
        want = set(expected(case))
        fired |= want
        kind = "company" if "evaluate" in case else "employee"
        answered = set((case.get("evaluate") or {}).get("answers") or {})
        for r in rules(scope=kind):
            if r.id in want:
                continue
            if kind == "employee" or answered & {q["id"] for q in r.questions}:
                silent.add(r.id)
    ids = {r.id for r in rules()}
    assert ids - fired == set(), f"rules that no case makes fire: {sorted(ids - fired)}"
    assert ids - silent == set(), f"rules with no passing case: {sorted(ids - silent)}"


_ = _date
