"""The company questionnaire: answers → findings, with skip logic and money at risk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .findings import Detail, Finding, Trace
from .regions import resolve
from .registry import Rule, catalog, rules
from .text import InputError, Text, fmt_money, round_fen, to_number
from .timeline import ParamValue, parse_date, value_at

__all__ = ["AnswerError", "Evaluation", "evaluate", "questions"]

_TRUE = {"true", "yes", "y", "1", "是", "有", "对"}
_FALSE = {"false", "no", "n", "0", "否", "无", "没有", "不是"}
_OPS = {
    "equals": lambda a, b: a == b,
    "not_equals": lambda a, b: a != b,
    "greater_than": lambda a, b: a > b,
    "at_least": lambda a, b: a >= b,
    "less_than": lambda a, b: a < b,
    "at_most": lambda a, b: a <= b,
}
_OP_TEXT = {"equals": "=", "not_equals": "≠", "greater_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}


@dataclass(frozen=True, slots=True)
class AnswerError:
    """An answer that could not be used: the question, what was expected and what was given."""

    question: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"question": self.question, "message": self.message}


@dataclass
class Evaluation:
    """The result of a questionnaire: findings and what was not evaluated, and why."""

    as_of: dt.date
    region: str | None
    findings: list[Finding]
    passed: list[str] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    errors: list[AnswerError] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        from .audit import summarize

        return {
            "as_of": self.as_of.isoformat(),
            "region": self.region,
            "findings": [f.as_dict() for f in self.findings],
            "summary": summarize(self.findings),
            "passed": self.passed,
            "not_applicable": self.not_applicable,
            "unanswered": self.unanswered,
            "errors": [e.as_dict() for e in self.errors],
            "unknown": self.unknown,
        }


def questions() -> dict[str, dict[str, Any]]:
    """Every question of the questionnaire by id: the screening ones, then each rule's."""
    found = {q["id"]: {**q, "rule": None} for q in catalog()["questionnaire"]["screening"]}
    for r in rules(scope="company"):
        for q in r.questions:
            found[q["id"]] = {**q, "rule": r.id}
    return found


def _convert(question: dict[str, Any], value: Any) -> Any:
    if question["type"] == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InputError(question["id"], "yes or no (true/false, 是/否)", value)
    return to_number(value, question["id"])


def _value(spec: Any, as_of: dt.date, region: str | None, used: list[ParamValue]) -> Any:
    if isinstance(spec, dict) and "param" in spec:
        param = value_at(spec["param"], as_of, region)
        used.append(param)
        return param.decimal
    if isinstance(spec, bool) or spec is None:
        return spec
    if isinstance(spec, (int, float, str)):
        return Decimal(str(spec))
    return spec


def _check(r: Rule, given: dict[str, Any], as_of: dt.date, region: str | None) -> tuple[str, Finding | None]:
    for key, wanted in (r.applies_if or {}).items():
        if key in given and given[key] != wanted:
            return "not_applicable", None
    if any(cond["question"] not in given for cond in r.fails_when):
        return "unanswered", None
    used: list[ParamValue] = []
    steps = []
    for cond in r.fails_when:
        op = next(k for k in cond if k != "question")
        answer = given[cond["question"]]
        target = _value(cond[op], as_of, region, used)
        if not _OPS[op](answer, target):
            return "passed", None
        steps.append(
            Text(
                f"{cond['question']} = {answer}（{_OP_TEXT[op]} {target}）",
                f"{cond['question']} = {answer} ({_OP_TEXT[op]} {target})",
            )
        )
    amount = None
    if r.amount and r.amount.get("question") in given:
        factor = _value(r.amount.get("factor", 1), as_of, region, used)
        base = given[r.amount["question"]]
        amount = round_fen(base * factor)
        steps.append(
            Text(
                f"涉及金额 {fmt_money(base)} × {factor} = {fmt_money(amount)}",
                f"Money at risk {fmt_money(base)} × {factor} = {fmt_money(amount)}",
            )
        )
    inputs = {q["id"]: given[q["id"]] for q in r.questions if q["id"] in given}
    return "failed", Finding(r.id, None, amount, None, Detail({}, Trace(inputs, tuple(used), tuple(steps))))


def evaluate(answers: dict[str, Any], *, as_of: Any = None, region: str | None = None) -> Evaluation:
    """Evaluate questionnaire answers (question id → answer) as of a day (default today).

    Rules whose screening answers say they do not apply are skipped; rules with an
    unanswered question are listed as unanswered, never guessed.  Bad answers are
    listed in ``errors`` and treated as unanswered.
    """
    day = dt.date.today() if as_of is None else parse_date(as_of)
    region = None if region is None else resolve(region)
    known = questions()
    given: dict[str, Any] = {}
    result = Evaluation(day, region, [])
    for key, value in answers.items():
        if key not in known:
            result.unknown.append(key)
            continue
        if value is None or value == "":
            continue
        try:
            given[key] = _convert(known[key], value)
        except InputError as exc:
            result.errors.append(AnswerError(key, str(exc)))
    for r in rules(scope="company"):
        status, finding = _check(r, given, day, region)
        if finding is not None:
            result.findings.append(finding)
        else:
            getattr(result, status).append(r.id)
    return result
