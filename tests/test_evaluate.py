"""The company questionnaire: skip logic, unanswered questions, bad answers, money at risk."""

from __future__ import annotations

from decimal import Decimal

from checkups.evaluate import evaluate, questions
from checkups.registry import rules
from checkups.timeline import law_in_force, parse_date

AS_OF = "2025-06-30"


def fired(result) -> set[str]:
    return {f.rule for f in result.findings}


class TestEvaluate:
    def test_nothing_answered_nothing_found(self) -> None:
        """With no answers nothing is found, and each company rule is unanswered or not applicable, never guessed.

        Not applicable are the region-limited rules (no region given) and those resting on a text not yet in force."""
        result = evaluate({}, as_of=AS_OF)
        assert result.findings == []
        limited = {r.id for r in rules(scope="company") if r.applies_in}
        assert limited == {
            "consultation.trustee_agency_filed",
            "workplace_rules.guangdong_maternity_extra_leave",
            "workplace_rules.guangdong_paternity_childcare_leave",
        }
        later = {
            r.id
            for r in rules(scope="company")
            if r.dated_basis and "before" not in r.dated_basis and not law_in_force(r.dated_basis["law"], parse_date(AS_OF))
        }
        assert later == {"contracts.consecutive_fixed_terms_counted"}  # SPC-II 10, in force from 2025-09-01
        assert set(result.unanswered) == {r.id for r in rules(scope="company")} - limited - later
        assert limited | later <= set(result.not_applicable)

    def test_all_compliant_answers(self) -> None:
        """Answering every question the compliant way gives no findings."""
        answers = {}
        for r in rules(scope="company"):
            for cond in r.fails_when:
                if "share" in cond:  # a share below every cap: 0 of the part, 1 of the rest
                    answers.update({q: 1 for q in cond["share"]["of"]} | {cond["share"]["part"]: 0})
                    continue
                q = cond["question"]
                op, value = next((k, v) for k, v in cond.items() if k != "question")
                if isinstance(value, bool):
                    answers[q] = not value if op == "equals" else value
                elif isinstance(value, dict):
                    answers[q] = 0 if op in ("greater_than", "at_least") else 10_000
                else:
                    answers[q] = 0 if op in ("greater_than", "at_least") else float(value) + 1
        result = evaluate(answers, as_of=AS_OF, region="guangzhou")
        assert result.findings == [], [f.rule for f in result.findings]
        assert result.unanswered == []

    def test_skip_logic(self) -> None:
        """A 'no' to a screening question skips the rules that depend on it."""
        probation_rules = {r.id for r in rules(scope="company") if (r.applies_if or {}).get("uses_probation")}
        result = evaluate({"uses_probation": False}, as_of=AS_OF)
        assert probation_rules and probation_rules <= set(result.not_applicable)

    def test_yes_no_in_both_languages(self) -> None:
        """Answers such as 是/否, yes/no and true/false are understood."""
        a = evaluate({"insurance_all_staff_registered": "否"}, as_of=AS_OF)
        b = evaluate({"insurance_all_staff_registered": "no"}, as_of=AS_OF)
        c = evaluate({"insurance_all_staff_registered": False}, as_of=AS_OF)
        assert fired(a) == fired(b) == fired(c) == {"social_insurance.all_staff_insured"}

    def test_bad_answers_are_reported_not_raised(self) -> None:
        """A bad answer is listed with its question and what was expected; the rest is evaluated."""
        result = evaluate({"uses_probation": "maybe", "insurance_all_staff_registered": False, "nonsense": 1}, as_of=AS_OF)
        assert [e.question for e in result.errors] == ["uses_probation"]
        assert "yes or no" in result.errors[0].message
        assert result.unknown == ["nonsense"]
        assert fired(result) == {"social_insurance.all_staff_insured"}

    def test_money_at_risk(self) -> None:
        """The arrears are the money certainly at risk; the 1-3x fine is a range beside it, never added."""
        result = evaluate({"insurance_all_staff_registered": False, "insurance_unpaid_contributions": "12,000"}, as_of=AS_OF)
        finding = result.findings[0]
        assert finding.amount == Decimal("12000.00")
        assert (finding.amount_range.low, finding.amount_range.high) == (Decimal("12000.00"), Decimal("36000.00"))
        assert finding.employee_id is None and finding.law == "SIL" and finding.article == "58"
        assert any("12,000.00" in s.en and "36,000.00" in s.en for s in finding.trace.steps)

    def test_percent_answer_against_a_ratio(self) -> None:
        """A percent question is typed as 5 (or 5%) and compared with a ratio parameter (0.05)."""
        below = evaluate({"housing_fund_employer_rate_percent": "4.5%"}, as_of=AS_OF)
        at = evaluate({"housing_fund_employer_rate_percent": 5}, as_of=AS_OF)
        assert fired(below) == {"social_insurance.housing_fund_rate_at_least_minimum"} and fired(at) == set()
        assert any("4.5%" in s.en and "< 5%" in s.en for s in below.findings[0].trace.steps)

    def test_questions_table(self) -> None:
        """Every question has a type and bilingual text; screening ones have no rule."""
        table = questions()
        assert table["uses_probation"]["rule"] is None
        assert all(
            q["type"] in ("bool", "number", "money", "percent") and q["text"]["zh"] and q["text"]["en"] for q in table.values()
        )
