"""Cost-benefit estimate of trusteeship: the money a check-up found at risk, and the fines
that may be added, plus the expected cost of disputes, against the fee and any subsidy.

Every assumption (``checkups/data/programme/cost_benefit.yaml``) has a value per scenario
(low / central / high) that is either the user's or a default the data explains; a
scenario that lacks a value it needs is not computed and the missing figure is named.
For scenario *s*::

    risk_s    = share_s × (owed + fine_low + fine_point_s × (fine_high − fine_low))
                + disputes_avoided_s × dispute_cost_s
    cost_s    = fee_s − subsidy_s
    balance_s = risk_s − cost_s
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InputError
from ..findings import Finding
from ..registry import catalog
from ..text import Text, round_fen, to_money, to_number

__all__ = ["SCENARIOS", "Assumption", "Estimate", "Risk", "Scenario", "assumptions", "entered", "estimate", "read_input", "spec"]

SCENARIOS = ("low", "central", "high")
_DISPUTES = ("disputes_avoided", "dispute_cost")


def spec() -> dict[str, Any]:
    """The estimate's data: texts, scenarios and assumptions."""
    return catalog()["programme"]["cost_benefit"]


@dataclass(frozen=True, slots=True)
class Risk:
    """What the check-up found: money certainly at risk and the range of fines that may be added."""

    owed: Decimal
    fine_low: Decimal
    fine_high: Decimal
    findings: int
    kind: str  # audit, evaluation (a findings JSON) or answers (evaluated here)
    as_of: str | None = None
    region: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "as_of": self.as_of,
            "region": self.region,
            "findings": self.findings,
            "amount": str(round_fen(self.owed)),
            "amount_range": {"low": str(round_fen(self.fine_low)), "high": str(round_fen(self.fine_high))},
        }


def risk_of(findings: Iterable[Finding], kind: str, as_of: dt.date | None = None, region: str | None = None) -> Risk:
    """The :class:`Risk` of findings the package made (an audit's or an evaluation's)."""
    owed = low = high = Decimal(0)
    count = 0
    for f in findings:
        count += 1
        owed += f.amount or 0
        if f.amount_range is not None:
            low, high = low + f.amount_range.low, high + f.amount_range.high
    return Risk(owed, low, high, count, kind, None if as_of is None else as_of.isoformat(), region)


def entered(owed: Any = 0, fine_low: Any = 0, fine_high: Any = 0) -> Risk:
    """The :class:`Risk` of amounts typed in (a check-up report's totals)."""
    low, high = to_money(fine_low, "fine_low"), to_money(fine_high, "fine_high")
    if high < low:
        raise InputError("fine_high", f"at least the lowest fine ({low})", fine_high)
    return Risk(to_money(owed, "owed"), low, high, 0, "entered")


def _money_field(value: Any, where: str) -> Decimal:
    if value is None:
        return Decimal(0)
    if not isinstance(value, str):
        raise InputError(where, 'a decimal string such as "1200.00" or null', value)
    try:
        return to_money(value, where)
    except InputError:
        raise InputError(where, 'a decimal string such as "1200.00" or null', value) from None


def _risk_of_document(doc: dict[str, Any]) -> Risk:
    """The :class:`Risk` of an ``audit`` or ``evaluate --format json`` document."""
    findings = doc["findings"]
    if not isinstance(findings, list):
        raise InputError("findings", "a list of findings", findings)
    owed = low = high = Decimal(0)
    for n, f in enumerate(findings, 1):
        if not isinstance(f, dict):
            raise InputError(f"findings[{n}]", "an object with amount and amount_range", f)
        owed += _money_field(f.get("amount"), f"findings[{n}].amount")
        rng = f.get("amount_range")
        if rng is not None:
            if not isinstance(rng, dict):
                raise InputError(f"findings[{n}].amount_range", "an object with low and high, or null", rng)
            low += _money_field(rng.get("low"), f"findings[{n}].amount_range.low")
            high += _money_field(rng.get("high"), f"findings[{n}].amount_range.high")
    kind = "audit" if "rows" in doc else "evaluation"
    return Risk(owed, low, high, len(findings), kind, doc.get("as_of"), doc.get("region"))


def read_input(data: Any, *, as_of: Any = None, region: str | None = None) -> Risk:
    """The risk from a findings JSON (audit or evaluation), or from questionnaire answers
    (a question id → answer object, or a saved ``checkups-answers/1`` file), evaluated on ``as_of``."""
    if isinstance(data, dict) and "findings" in data:
        return _risk_of_document(data)
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]
    if not isinstance(data, dict):
        raise InputError("input", "a findings JSON (audit or evaluate --format json) or an object of answers", data)
    from ..evaluate import evaluate

    result = evaluate(data, as_of=as_of, region=region)
    return risk_of(result.findings, "answers", result.as_of, result.region)


@dataclass(frozen=True, slots=True)
class Assumption:
    """One assumption: its value in each scenario (None: missing), which were entered, and its source."""

    key: str
    unit: str
    label: Text
    source: Text
    values: dict[str, Decimal | None]
    entered: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "unit": self.unit,
            "label": self.label.as_dict(),
            "source": self.source.as_dict(),
            "values": {s: None if v is None else str(v) for s, v in self.values.items()},
            "entered": list(self.entered),
        }


def _value(raw: Any, unit: str, field: str) -> Decimal:
    """A figure as the user typed it: money, a count, or a share (0 to 1, or ``30%``)."""
    if unit == "yuan":
        return to_money(raw, field)
    if unit == "count":
        return to_number(raw, field)
    text = str(raw).strip()
    percent = text.endswith(("%", "％"))
    try:
        share = Decimal(text.rstrip("%％").strip()) / (100 if percent else 1)
    except InvalidOperation:
        share = Decimal(-1)
    if isinstance(raw, bool) or not share.is_finite() or not 0 <= share <= 1:
        raise InputError(field, "a share from 0 to 1, or a percentage such as 30%", raw)
    return share


def assumptions(given: Mapping[str, Any] | None = None) -> list[Assumption]:
    """Every assumption with the user's figures in ``given`` applied: ``key`` sets all three
    scenarios, ``key.low`` (``.central``, ``.high``) one of them."""
    given = dict(given or {})
    specs = spec()["assumptions"]
    keys = {a["key"] for a in specs}
    for name in given:
        key, _, scenario = name.partition(".")
        if key not in keys or (scenario and scenario not in SCENARIOS):
            expected = "one of " + ", ".join(sorted(keys)) + " (optionally .low, .central or .high)"
            raise InputError("assume", expected, name)
    found = []
    for a in specs:
        key, default = a["key"], a.get("default") or {}
        values: dict[str, Decimal | None] = {}
        entered = []
        for s in SCENARIOS:
            raw = given.get(f"{key}.{s}", given.get(key))
            if raw is not None and str(raw).strip() != "":
                values[s] = _value(raw, a["unit"], f"{key}.{s}" if f"{key}.{s}" in given else key)
                entered.append(s)
            else:
                values[s] = None if default.get(s) is None else Decimal(str(default[s]))
        if a.get("ordered"):
            known = [values[s] for s in SCENARIOS if values[s] is not None]
            if known != sorted(known):
                raise InputError(key, "low <= central <= high", "/".join("—" if v is None else str(v) for v in values.values()))
        found.append(Assumption(key, a["unit"], Text(**a["label"]), Text(**a["source"]), values, tuple(entered)))
    return found


@dataclass(frozen=True, slots=True)
class Scenario:
    """One case of the estimate, in yuan rounded to the fen."""

    risk: Decimal
    cost: Decimal
    balance: Decimal

    def as_dict(self) -> dict[str, str]:
        return {"risk": str(self.risk), "cost": str(self.cost), "balance": str(self.balance)}


@dataclass(frozen=True, slots=True)
class Estimate:
    """The estimate: what was found, the assumptions used, each scenario (None: a figure is
    missing) and what is missing or not counted."""

    risk: Risk
    assumptions: list[Assumption]
    scenarios: dict[str, Scenario | None]
    missing: list[Text]

    def value(self, key: str, scenario: str) -> Decimal | None:
        return next(a.values[scenario] for a in self.assumptions if a.key == key)

    def as_dict(self) -> dict[str, Any]:
        """The JSON output of ``python -m checkups costs --format json`` (``costs.schema.json``)."""
        data = spec()
        return {
            "title": data["title"],
            "method": data["method"],
            "input": self.risk.as_dict(),
            "assumptions": [a.as_dict() for a in self.assumptions],
            "scenarios": {s: None if c is None else c.as_dict() for s, c in self.scenarios.items()},
            "missing": [m.as_dict() for m in self.missing],
        }


def _scenario(risk: Risk, v: dict[str, Decimal | None]) -> Scenario | None:
    if any(v[k] is None for k in ("fee", "subsidy", "share", "fine_point")):
        return None
    fines = risk.fine_low + v["fine_point"] * (risk.fine_high - risk.fine_low)
    disputes = Decimal(0) if None in (v["disputes_avoided"], v["dispute_cost"]) else v["disputes_avoided"] * v["dispute_cost"]
    avoided = round_fen(v["share"] * (risk.owed + fines) + disputes)
    cost = round_fen(v["fee"] - v["subsidy"])
    return Scenario(avoided, cost, avoided - cost)


def estimate(risk: Risk, given: Mapping[str, Any] | None = None) -> Estimate:
    """The estimate for ``risk`` with the user's figures ``given`` (see :func:`assumptions`)."""
    found = assumptions(given)
    by_key = {a.key: a for a in found}
    scenarios = {s: _scenario(risk, {k: a.values[s] for k, a in by_key.items()}) for s in SCENARIOS}
    names = spec()["scenarios"]
    missing = []
    for a in found:
        gaps = [s for s in SCENARIOS if a.values[s] is None]
        if not gaps:
            continue
        cases = Text("、".join(names[s]["zh"] for s in gaps), ", ".join(names[s]["en"].lower() for s in gaps))
        counted = Text("，该情形无法计算", ": that case cannot be worked out")
        if a.key in _DISPUTES:
            counted = Text("，争议费用未计入", ": dispute costs are not counted")
        missing.append(
            Text(
                f"未填写“{a.label.zh}”（{cases.zh}情形）{counted.zh}", f"“{a.label.en}” not entered ({cases.en} case){counted.en}"
            )
        )
    return Estimate(risk, found, scenarios, missing)
