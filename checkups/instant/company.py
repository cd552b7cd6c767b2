"""The company questionnaire on the instant page: answers → findings, summary and the
report as HTML; and which rules the region and audit date leave out (the page hides them)."""

from __future__ import annotations

from typing import Any

from ..audit import summarize
from ..evaluate import evaluate as evaluate_answers
from ..evaluate import questions, why_not
from ..registry import rules
from ..report import to_html
from ..text import Text
from .common import answer, compact, failure, settings
from .fragment import fragment
from .messages import check_value, expected

__all__ = ["REPORT", "evaluate", "hidden"]

REPORT = "checkup-report.html"


def evaluate(
    answers: dict[str, Any], region: Any = None, as_of: Any = None, lang: str = "zh", site_root: str | None = None
) -> dict[str, Any]:
    """Evaluate the questionnaire as the page sends it (question id → text, ``"true"``/``"false"``).

    Empty answers are unanswered; an answer that cannot be used stops the evaluation with
    a message next to its question.  Unknown ids are ignored (an older saved form).
    """
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    known = questions()
    given = {k: v for k, v in answers.items() if k in known and v not in (None, "")}
    for qid, value in given.items():
        problem = check_value(known[qid]["type"], value)
        if problem is not None:
            errors[qid] = problem
    if errors or day is None:
        return failure(errors, lang)
    result = evaluate_answers(given, as_of=day, region=region_id)
    if result.errors:  # the package refused an answer the check above let through
        return failure({e.question: expected(known[e.question]["type"]) for e in result.errors}, lang)
    report = to_html(result, lang)
    return answer(
        "company",
        region_id,
        day,
        findings=compact(result.findings),
        summary=summarize(result.findings),
        unanswered=len(result.unanswered),
        html=fragment(report, site_root, lang),
        report=report,
        filename=REPORT,
    )


def hidden(region: Any = None, as_of: Any = None, lang: str = "zh") -> dict[str, Any]:
    """The company rules not evaluated for this region and day, each with the reason (the
    page hides their questions and says why)."""
    errors: dict[str, Text] = {}
    region_id, day = settings(region, as_of, errors)
    if errors or day is None:
        return failure(errors, lang)
    out = {}
    for r in rules(scope="company"):
        why = why_not(r, region_id, day)
        if why is not None:
            out[r.id] = why.get(lang)
    return answer("hidden", region_id, day, hidden=out)
