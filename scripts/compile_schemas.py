"""Write the JSON Schemas (draft 2020-12) of the package's open formats into
``checkups/schemas/<name>.schema.json``, built from the package's own definitions.

    python scripts/compile_schemas.py [--check]

``scripts/compile_data.py`` runs this too (the schemas name the catalog's rules, questions,
laws and figures); ``tests/test_schemas.py`` fails when a committed schema is stale, and
validates every JSON the command line and the check-ups write against its schema.
``--check`` exits 1 instead of writing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import schema_programme_warn as programme_warn
from schema_costs import costs, scorecard, scorecard_row
from schema_inputs import roster, saved
from schema_needs import agreement_choices, needs_answers, needs_result
from schema_parts import DRAFT, Schema, array, closed, mapping, ref, row_error, rule_ids, shared

SCHEMAS = Path(__file__).resolve().parents[1] / "checkups" / "schemas"
COUNT = {"type": "integer", "minimum": 0}


def _results() -> dict[str, Schema]:
    """What the audit's and the evaluation's JSON share: each rule's texts, findings, figures, summary."""
    return {
        "as_of": ref("date"),
        "region": {"anyOf": [ref("region"), {"type": "null"}]},
        "rules": mapping(ref("rule_id"), ref("rule"), description="Rule id → its texts, once per rule with a finding."),
        "findings": array(ref("finding")),
        "figures": mapping(ref("figure_key"), ref("figure"), description="Each dated figure the traces use, once."),
        "summary": ref("summary"),
    }


def audit() -> tuple[Schema, dict[str, Schema]]:
    common = _results()
    error = row_error()
    root = closed(
        {
            "as_of": common["as_of"],
            "region": common["region"],
            "rows": {**COUNT, "minimum": 1, "description": "Data rows read: audited + rows in errors."},
            "audited": COUNT,
            "errors": array(error, description="The cells of rows not audited."),
            **{k: common[k] for k in ("rules", "findings", "figures", "summary")},
            "notices": array(ref("text")),
            "ignored_columns": array({"type": "string"}),
        }
    )
    return root, {"rule_id": rule_ids("employee")}


def evaluation() -> tuple[Schema, dict[str, Schema]]:
    from checkups.evaluate import questions

    company = array(ref("rule_id"))
    root = closed(
        {
            **_results(),
            "passed": company,
            "not_applicable": company,
            "unanswered": company,
            "errors": array(closed({"question": {"enum": list(questions())}, "message": {"type": "string"}})),
            "unknown": array({"type": "string"}, description="Answers to no known question (not used)."),
            "reasons": mapping(ref("rule_id"), ref("text"), description="Why a rule was not evaluated (region, date)."),
        }
    )
    return root, {"rule_id": rule_ids("company")}


def calculators() -> tuple[Schema, dict[str, Schema]]:
    explained = {
        "steps": array(ref("text")),
        "citations": array(ref("citation")),
        "parameters": array(ref("figure")),
    }
    extra = {"warnings": array(ref("text")), "details": {"type": "object", "description": "Figures worked out on the way."}}
    result = closed({"amount": ref("decimal"), **explained, "inputs": {"type": "object"}, **extra}, description="Money owed.")
    limit = closed(
        {"label": ref("text"), "value": ref("text"), **explained, **extra},
        description="A statutory limit (days of leave, months of probation, a wage floor).",
    )
    plain = closed({"result": ref("decimal")}, description="The calculators that answer a plain number.")
    either = {"oneOf": [ref("result"), ref("limit")]}
    root = {"oneOf": [ref("result"), ref("limit"), array(either, minItems=2), ref("plain")]}
    return root, {"result": result, "limit": limit, "plain": plain}


def figures() -> tuple[Schema, dict[str, Schema]]:
    from checkups.registry import catalog

    levels = sorted({r["level"] for r in catalog()["regions"].values()})
    units = sorted({p["unit"] for p in catalog()["parameters"].values()})
    entry = closed(
        {
            "region": ref("region"),
            "name": ref("text"),
            "level": {"enum": levels},
            "parameter": ref("parameter"),
            "value": {"description": "The figure (null: none in force there)."},
            "unit": {"enum": units},
            "effective": ref("date"),
            "verified": {"type": "boolean"},
            "source": {"type": "string"},
            "basis": {"type": "string", "description": "Of an average wage: what it counts."},
            "data_year": {"type": "integer", "description": "Of an average wage: the year it counts."},
        },
        ["region", "name", "level", "parameter", "value", "unit", "effective", "verified", "source"],
        dependentRequired={"basis": ["data_year"]},
    )
    return array(entry), {}


def rule_list() -> tuple[Schema, dict[str, Schema]]:
    entry = closed(
        {
            "id": ref("rule_id"),
            "area": ref("area"),
            "scope": ref("scope"),
            "severity": ref("severity"),
            "title": ref("text"),
            "citations": array(ref("citation"), minItems=1),
        }
    )
    return array(entry), {}


class Document(NamedTuple):
    """One schema file: its titles (plain words, shown on the site) and what it describes."""

    title: str
    title_zh: str
    description: str
    build: Callable[[], tuple[Schema, dict[str, Schema]]]


#: file name (without .schema.json) → the document
DOCUMENTS: dict[str, Document] = {
    "roster": Document(
        "Employee roster",
        "员工名册",
        "A roster as JSON: one object per employee, keyed by the English column names, each value in its plain form. "
        "The CSV and XLSX rosters the audit reads have the same columns, headed in English, in Chinese (x-header-zh) "
        "or by another accepted header (x-aliases); there a yes/no or choice cell may also hold the texts listed in "
        "x-accepted, and a date 2025/3/1 or 2025年3月1日. Dates must also be consistent with the audit date "
        "(README: the roster contract).",
        roster,
    ),
    "saved": Document(
        "Saved check-up answers (checkups-<kind>/1)",
        "保存和导出的体检答案（checkups-<kind>/1）",
        "What a check-up in the browser saves and exports: answers (the company questionnaire), roster (the roster "
        "audit: its settings and last roster) or calculators (what was entered in each calculator). "
        "python -m checkups evaluate also reads a checkups-answers/1 file.",
        saved,
    ),
    "audit": Document(
        "Roster audit results",
        "员工名册体检结果",
        "python -m checkups audit --format json: what was read, rejected and found. Each rule's texts are stated once "
        "under rules and each dated figure once under figures; a finding names its rule by id and its figures by key.",
        audit,
    ),
    "evaluation": Document(
        "Company questionnaire results",
        "企业问卷体检结果",
        "python -m checkups evaluate --format json: the findings of the company questionnaire, shaped as the audit's, "
        "and which rules passed, did not apply or were unanswered.",
        evaluation,
    ),
    "calc": Document(
        "Calculator results",
        "计算器结果",
        "python -m checkups calc NAME --format json: a Result (money owed), a Limit, a list of Limits, or "
        '{"result": …} for the calculators that answer a plain number.',
        calculators,
    ),
    "figures": Document(
        "Figures in force (minimum wages, average wages, …)",
        "现行数字（最低工资、平均工资等）",
        "python -m checkups figures --format json: one entry per figure.",
        figures,
    ),
    "rules": Document("Rule catalog", "规则目录", "python -m checkups rules --format json: one entry per rule.", rule_list),
    "needs-answers": Document(
        "Needs survey answers",
        "托管需求自测的回答",
        "What python -m checkups needs reads: question id → option id, or the survey page's saved checkups-needs/1 file.",
        needs_answers,
    ),
    "needs": Document(
        "Needs survey result",
        "托管需求自测结果",
        "python -m checkups needs --format json: the areas to entrust with their reasons; python -m checkups agreement "
        "reads it too (its areas).",
        needs_result,
    ),
    "agreement-choices": Document(
        "Agreement builder choices",
        "托管协议生成的选择",
        "What python -m checkups agreement reads: the service areas and options, or the builder page's saved "
        "checkups-agreement/1 file.",
        agreement_choices,
    ),
    "costs": Document(
        "Cost-benefit estimate",
        "托管成本收益估算",
        "python -m checkups costs --format json: what the check-up found, every assumption per case (low, central, "
        "high) with its source, and each case's risk avoided, net cost and balance (null when a figure is missing).",
        costs,
    ),
    "scorecard-row": Document(
        "Agency scores (one agency)",
        "托管机构评分（一家机构）",
        "One agency's row of the scorecard CSV as JSON: its name, the points of each indicator (0 to its weight) and, "
        "optionally, every qualification-review answer. The CSV template (scorecard --template) has the same columns.",
        scorecard_row,
    ),
    "scorecard": Document(
        "Agency scorecard results",
        "托管机构评分结果",
        "python -m checkups scorecard --format json: every agency read (the eligible ones by rank, then those withheld for a failed legal requirement, unranked, then those with bad cells), "
        "its score, subsidy band and qualification review, and the bands used (the bureau's example unless replaced).",
        scorecard,
    ),
}
DOCUMENTS |= programme_warn.documents(Document)


def _refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("$ref"), str):
            yield value["$ref"].removeprefix("#/$defs/")
        for item in value.values():
            yield from _refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)


def document(name: str) -> Schema:
    """One schema file: its root, and the pieces it refers to (directly or not), by name."""
    entry = DOCUMENTS[name]
    root, own = entry.build()
    pieces = {**shared(), **own}
    used: dict[str, Schema] = {}
    todo = list(_refs(root))
    while todo:
        key = todo.pop()
        if key not in used:
            if key not in pieces:
                raise SystemExit(f"compile_schemas: {name} refers to an unknown piece {key!r}")
            used[key] = pieces[key]
            todo += _refs(used[key])
    head = {"$schema": DRAFT, "$id": f"{name}.schema.json", "title": entry.title, "x-title-zh": entry.title_zh}
    head["description"] = entry.description
    return {**head, **root, "$defs": dict(sorted(used.items()))}


def render() -> dict[str, str]:
    """Every schema file's exact text (deterministic), by file name."""
    return {f"{n}.schema.json": json.dumps(document(n), ensure_ascii=False, indent=1) + "\n" for n in DOCUMENTS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a schema is stale")
    args = parser.parse_args(argv)
    files = render()
    stale = [n for n, text in files.items() if not (SCHEMAS / n).exists() or (SCHEMAS / n).read_text(encoding="utf-8") != text]
    extra = [p for p in SCHEMAS.glob("*.schema.json") if p.name not in files]
    if not stale and not extra:
        print(f"{len(files)} schemas are up to date")
        return 0
    if args.check:
        names = stale + [f"{p.name} (no longer made)" for p in extra]
        print("stale schemas (run python scripts/compile_schemas.py): " + ", ".join(names), file=sys.stderr)
        return 1
    for n in stale:
        (SCHEMAS / n).write_text(files[n], encoding="utf-8")
    for p in extra:
        p.unlink()
    print(f"{len(files)} schemas: {len(stale)} written, {len(extra)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
