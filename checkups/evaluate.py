"""The company questionnaire: answers → findings, with skip logic, regions and money at risk.

A rule is evaluated only where it applies: its screening answers (``applies_if``), its
regions (``applies_in``: any region of the lookup chain on the evaluation day; with no
region given, a region-limited rule is not evaluated and says why) and, for a rule that
rests on an instrument taking effect later (``dated_basis`` without ``before``), the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import regions as reg
from .findings import Detail, Figures, Finding, Trace, explain_all, rules_as_dict
from .money import amounts, figure_missing, show_answer, value
from .registry import Rule, catalog, law, region_name, render_text, rules
from .text import InputError, Text, to_number
from .timeline import MissingFigureError, ParamValue, law_in_force, parse_date

__all__ = ["AnswerError", "Evaluation", "evaluate", "questions", "why_not"]

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
    """The result of a questionnaire: findings and what was not evaluated, and why.

    ``reasons`` says, for each rule in ``not_applicable`` because of its region or date,
    why it was not evaluated (the report and the UI show it).
    """

    as_of: dt.date
    region: str | None
    findings: list[Finding]
    passed: list[str] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    errors: list[AnswerError] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    reasons: dict[str, Text] = field(default_factory=dict)

    def as_dict(self, *, stream: bool = False) -> dict[str, Any]:
        """The JSON output of ``python -m checkups evaluate --format json`` (the same shape of
        ``rules`` and ``findings`` as the audit's)."""
        from .audit import summarize

        figures = Figures()
        findings = (f.as_dict(figures) for f in explain_all(self.findings))
        return {
            "as_of": self.as_of.isoformat(),
            "region": self.region,
            "rules": rules_as_dict(self.findings),
            "findings": findings if stream else list(findings),
            "figures": (lambda: figures.table) if stream else figures.table,
            "summary": summarize(self.findings),
            "passed": self.passed,
            "not_applicable": self.not_applicable,
            "unanswered": self.unanswered,
            "errors": [e.as_dict() for e in self.errors],
            "unknown": self.unknown,
            "reasons": {k: v.as_dict() for k, v in self.reasons.items()},
        }


def questions() -> dict[str, dict[str, Any]]:
    """Every question of the questionnaire by id: the screening ones, then each rule's."""
    found = {q["id"]: {**q, "rule": None} for q in catalog()["questionnaire"]["screening"]}
    for r in rules(scope="company"):
        for q in r.questions:
            found[q["id"]] = {**q, "rule": r.id}
    return found


def _convert(question: dict[str, Any], answer: Any) -> Any:
    if question["type"] == "bool":
        if isinstance(answer, bool):
            return answer
        text = str(answer).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InputError(question["id"], "yes or no (true/false, 是/否)", answer)
    if question["type"] == "percent":
        text = answer if not isinstance(answer, str) else answer.strip().removesuffix("%").removesuffix("％")
        return to_number(text, question["id"]) / 100
    return to_number(answer, question["id"])


def _shown(q: dict[str, Any], number: Any, lang: str) -> str:
    """An answer or a limit as the user reads it: a percent question's ratio as ``5%``."""
    if q["type"] == "percent" and not isinstance(number, bool):
        return f"{(number * 100).normalize():f}%"
    return show_answer(number, lang)


def _region_reason(r: Rule, region: str | None, as_of: dt.date) -> Text | None:
    """Why a region-limited rule is not evaluated for ``region`` (None: it applies there)."""
    if not r.applies_in:
        return None
    if region in (None, "national"):
        return Text(
            f"{r.where('zh')}；未选择地区，未检查（请选择员工工作所在的省市）。",
            f"{r.where('en')}; no region was chosen, so it was not checked (choose the province or city where the employees work).",
        )
    if set(r.applies_in) & set(reg.chain(region, as_of)):
        return None
    where = region_name(region)
    return Text(f"{r.where('zh')}；不适用于{where['zh']}。", f"{r.where('en')}; does not apply in {where['en']}.")


def _date_reason(r: Rule, as_of: dt.date) -> Text | None:
    basis = r.dated_basis
    if not basis or "before" in basis or law_in_force(basis["law"], as_of):
        return None
    entry = law(basis["law"])
    return Text(
        f"依据《{entry['short']['zh']}》（{entry['effective']}起施行），检查日 {as_of} 尚未施行，未检查。",
        f"Rests on the {entry['short']['en']} (in force from {entry['effective']}), not yet in force on {as_of}; not checked.",
    )


def why_not(r: Rule, region: str | None, as_of: dt.date) -> Text | None:
    """Why a rule is not evaluated for this region and day (None: it may apply)."""
    return _region_reason(r, region, as_of) or _date_reason(r, as_of)


def _condition(cond: dict, given: dict, known: dict, as_of: dt.date, region: str | None, used: list) -> Text | None:
    """The step that shows a condition holding, or None when it does not hold."""
    op = next(k for k in cond if k not in ("question", "share"))
    target = value(cond[op], as_of, region, used)
    if "share" in cond:
        part, total = given[cond["share"]["part"]], sum(given[q] for q in cond["share"]["of"])
        share = part / total if total else part * 0
        if not _OPS[op](share, target):
            return None
        names = [known[q]["text"] for q in cond["share"]["of"]]
        return Text(
            f"{known[cond['share']['part']]['text']['zh']} {part} ÷（{'＋'.join(n['zh'] for n in names)}）{total} = {share:.1%}（{_OP_TEXT[op]} {target:.0%}）",
            f"{known[cond['share']['part']]['text']['en']} {part} ÷ ({' + '.join(n['en'] for n in names)}) {total} = {share:.1%} ({_OP_TEXT[op]} {target:.0%})",
        )
    answer = given[cond["question"]]
    if not _OPS[op](answer, target):
        return None
    q = known[cond["question"]]
    shown = Text(*(_shown(q, answer, lang) for lang in ("zh", "en")))
    limit = "" if isinstance(target, bool) else f"{_OP_TEXT[op]} {_shown(q, target, 'en')}"
    return Text(
        f"{q['text']['zh']} 回答：{shown.zh}" + (f"（{limit}）" if limit else ""),
        f"{q['text']['en']} Answer: {shown.en}" + (f" ({limit})" if limit else ""),
    )


def _conditions_of(r: Rule) -> set[str]:
    out = set()
    for cond in r.fails_when:
        out |= {cond["question"]} if "question" in cond else {cond["share"]["part"], *cond["share"]["of"]}
    return out


def _check(r: Rule, given: dict, known: dict, as_of: dt.date, region: str | None) -> tuple[str, Finding | Text | None]:
    why = why_not(r, region, as_of)
    if why is not None:
        return "not_applicable", why
    for key, wanted in (r.applies_if or {}).items():
        if key in given and given[key] != wanted:
            return "not_applicable", None
    if any(q not in given for q in _conditions_of(r)):
        return "unanswered", None
    used: list[ParamValue] = []
    steps = []
    for cond in r.fails_when:
        try:
            step = _condition(cond, given, known, as_of, region, used)
        except MissingFigureError as exc:
            why = figure_missing(exc)
            return "not_applicable", Text(f"{why.zh}，未检查。", f"Not checked: {why.en}.")
        if step is None:
            return "passed", None
        steps.append(step)
    if r.dated_basis:
        in_force = law_in_force(r.dated_basis["law"], as_of)
        text = render_text(r.dated_basis["from" if in_force else "before"])
        steps.append(Text(f"检查日 {as_of}：{text['zh']}", f"On {as_of}: {text['en']}"))
    amount, amount_range, money_steps = amounts(r, given, as_of, region, used)
    inputs = {q: given[q] for q in sorted(_conditions_of(r) | {q["id"] for q in r.questions}) if q in given}
    detail = Detail({}, Trace(inputs, tuple(used), tuple(steps + money_steps)))
    return "failed", Finding(r.id, None, amount, None, detail, amount_range=amount_range)


def evaluate(answers: dict[str, Any], *, as_of: Any = None, region: str | None = None) -> Evaluation:
    """Evaluate questionnaire answers (question id → answer) as of a day (default today).

    Rules whose screening answers, region or date say they do not apply are skipped
    (the region and date ones with a reason); rules with an unanswered question are
    listed as unanswered, never guessed.  Bad answers are listed in ``errors`` and
    treated as unanswered.
    """
    day = dt.date.today() if as_of is None else parse_date(as_of)
    region = None if region is None else reg.resolve(region)
    known = questions()
    given: dict[str, Any] = {}
    result = Evaluation(day, region, [])
    for key, answer in answers.items():
        if key not in known:
            result.unknown.append(key)
            continue
        if answer is None or answer == "":
            continue
        try:
            given[key] = _convert(known[key], answer)
        except InputError as exc:
            result.errors.append(AnswerError(key, str(exc)))
    for r in rules(scope="company"):
        status, outcome = _check(r, given, known, day, region)
        if isinstance(outcome, Finding):
            result.findings.append(outcome)
            continue
        getattr(result, status).append(r.id)
        if outcome is not None:
            result.reasons[r.id] = outcome
    return result
