"""Compile and check ``checkups/data/rules/<area>/<name>.yaml`` (see ``checkups/data/README.md``).

Beyond the shape of each field this checks what a wrong rule would otherwise show a
user: every citation, ``{cite: …}`` placeholder and dated basis names an article in the
registry; every condition, amount and range names a question of the questionnaire and
an existing parameter; every ``applies_in`` names a region.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from compile_regions import DataError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from checkups.registry import parse_cites  # pure: reads no catalog

SEVERITIES = ("high", "medium", "low", "info")
SCOPES = ("company", "employee")
BASES = ("law", "advice")
OPERATORS = ("equals", "not_equals", "greater_than", "at_least", "less_than", "at_most")
TEXTS = ("title", "message", "consequence", "remediation")


class _Checker:
    def __init__(self, path: Path, root: Path):
        self.path, self.root = path, root

    def require(self, cond: bool, what: str) -> None:
        if not cond:
            raise DataError(f"{self.path.relative_to(self.root)}: {what}")

    def bilingual(self, obj: Any, field: str) -> None:
        self.require(
            isinstance(obj, dict) and bool(obj.get("zh")) and bool(obj.get("en")),
            f"'{field}' must have non-empty 'zh' and 'en' (got {obj!r:.80})",
        )


def _texts(rule: dict) -> Iterator[tuple[str, str]]:
    """Every user-facing string of a rule, with where it is."""
    for key in TEXTS:
        for lang, text in (rule.get(key) or {}).items():
            yield f"{key}.{lang}", text
    for q in rule.get("questions") or []:
        for key in ("text", "help"):
            for lang, text in (q.get(key) or {}).items():
                yield f"question {q.get('id')} {key}.{lang}", text
    for key in ("from", "before"):
        for lang, text in ((rule.get("dated_basis") or {}).get(key) or {}).items():
            yield f"dated_basis.{key}.{lang}", text
    for lang, text in ((rule.get("amount_range") or {}).get("label") or {}).items():
        yield f"amount_range.label.{lang}", text


def _article(check: _Checker, laws: dict, code: str, number: str, where: str) -> None:
    check.require(code in laws, f"{where}: unknown law {code!r}")
    check.require(number in (laws[code].get("articles") or {}), f"{where}: {code} {number} is not in laws/{code}.yaml")


def _value(check: _Checker, spec: Any, params: dict, where: str) -> None:
    if isinstance(spec, dict):
        check.require(set(spec) == {"param"} and spec["param"] in params, f"{where}: unknown parameter {spec!r}")
    else:
        check.require(isinstance(spec, (int, float, bool)), f"{where}: a number, yes/no or {{param: …}} (got {spec!r})")


def _percent_limit(check: _Checker, cond: dict, op: str, questions: dict, params: dict) -> None:
    """A percent answer (typed 5, held as 0.05) is compared with a ratio: a ``ratio`` parameter or a literal ≤ 1."""
    if questions.get(cond.get("question"), {}).get("type") != "percent":
        return
    limit = cond[op]
    if isinstance(limit, dict):
        unit = (params.get(limit.get("param")) or {}).get("unit")
        check.require(unit == "ratio", f"condition {cond}: a percent question needs a ratio parameter (got {unit!r})")
    else:
        check.require(
            isinstance(limit, (int, float)) and 0 <= limit <= 1, f"condition {cond}: a percent limit is a ratio (0.05 = 5%)"
        )


def _company(check: _Checker, rule: dict, questions: dict[str, dict], params: dict) -> None:
    own = {q["id"] for q in rule.get("questions") or []}
    check.require(bool(own), "company rules need 'questions'")
    for q in rule["questions"]:
        check.bilingual(q.get("text"), f"question {q['id']} text")
        check.require(q.get("type") in ("bool", "number", "money", "percent"), f"question {q['id']} type")
    check.require(bool(rule.get("fails_when")), "company rules need 'fails_when'")

    def known(qid: Any, types: tuple[str, ...], where: str) -> None:
        check.require(qid in questions, f"{where}: no question {qid!r} in the questionnaire")
        check.require(questions[qid]["type"] in types, f"{where}: question {qid} must be {' or '.join(types)}")

    for cond in rule["fails_when"]:
        ops = [k for k in cond if k not in ("question", "share")]
        check.require(len(ops) == 1 and ops[0] in OPERATORS, f"bad condition {cond}")
        check.require(("question" in cond) != ("share" in cond), f"condition needs 'question' or 'share': {cond}")
        if "share" in cond:
            share = cond["share"]
            check.require(isinstance(share, dict) and isinstance(share.get("of"), list), f"share needs part and of: {cond}")
            for qid in [share.get("part"), *share["of"]]:
                known(qid, ("number",), "share")
        else:
            known(cond["question"], ("bool", "number", "money", "percent"), "condition")
        _value(check, cond[ops[0]], params, f"condition {cond}")
        _percent_limit(check, cond, ops[0], questions, params)
    terms = rule.get("amount") or []
    for term in terms if isinstance(terms, list) else [terms]:
        known(term.get("question"), ("money",), "amount")
        if "times" in term:
            known(term["times"], ("number",), "amount times")
        _value(check, term.get("factor", 1), params, "amount factor")
        if "label" in term:
            check.bilingual(term["label"], "amount label")
    if rule.get("amount_range"):
        rng = rule["amount_range"]
        known(rng.get("question"), ("money", "number"), "amount_range")
        for end in ("low", "high"):
            check.require(end in rng, f"amount_range needs {end!r}")
            _value(check, rng[end], params, f"amount_range {end}")
        check.bilingual(rng.get("label"), "amount_range label")


def compile_rules(root: Path, load: Callable[[Path], Any], laws: dict, regions: dict, screening: list, params: dict) -> dict:
    """Every rule file under ``root`` by id, checked against the laws, regions and parameters."""
    raw = {}
    for path in sorted(root.rglob("*.yaml")):
        area, name = path.relative_to(root).with_suffix("").parts
        raw[f"{area}.{name}"] = (path, load(path))
    questions = {q["id"]: q for q in screening}
    for _, (_, rule) in raw.items():
        for q in rule.get("questions") or []:
            questions.setdefault(q["id"], q)
    out = {}
    for rule_id, (path, rule) in raw.items():
        check = _Checker(path, root.parent)
        for field in TEXTS:
            check.bilingual(rule.get(field), field)
        check.require(rule.get("severity") in SEVERITIES, f"'severity' must be one of {SEVERITIES}")
        check.require(rule.get("scope") in SCOPES, f"'scope' must be one of {SCOPES}")
        check.require(rule.get("basis", "law") in BASES, f"'basis' must be one of {BASES}")
        check.require(bool(rule.get("citations")), "at least one citation is required")
        for cite in rule["citations"]:
            check.require(
                isinstance(cite.get("article"), str) and bool(cite.get("law")),
                f"citation needs 'law' and a string 'article' (got {cite!r})",
            )
        for where, text in _texts(rule):
            try:
                found = parse_cites(text)
            except ValueError as exc:
                raise DataError(f"{path.relative_to(root.parent)}: {where}: {exc}") from None
            for group in found:
                for c in group:
                    _article(check, laws, c.law, c.article, f"{where} {{cite: {c}}}")
        check.require(
            not any(parse_cites(rule["title"][lang]) for lang in ("zh", "en") if isinstance(rule.get("title"), dict)),
            "a title holds no {cite: …} (it becomes a heading and an anchor)",
        )
        for region in rule.get("applies_in") or []:
            check.require(region in regions, f"applies_in: unknown region {region!r}")
        if rule.get("dated_basis"):
            basis = rule["dated_basis"]
            check.require(
                basis.get("law") in laws and bool(laws[basis["law"]].get("effective")), "dated_basis: a law with 'effective'"
            )
            check.bilingual(basis.get("from"), "dated_basis from")
            if "before" in basis:
                check.bilingual(basis["before"], "dated_basis before")
        if rule["scope"] == "company":
            _company(check, rule, questions, params)
        rule["id"], rule["area"] = rule_id, rule_id.split(".")[0]
        out[rule_id] = rule
    return out
