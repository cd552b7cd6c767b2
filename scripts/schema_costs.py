"""The JSON Schemas of the cost-benefit estimate and the agency scorecard: what
``costs --format json`` and ``scorecard --format json`` write, and one agency's row as the
scorecard reads it (the CSV's columns as JSON).  Built from the package's data: the
assumptions of ``programme/cost_benefit.yaml``, the indicators and review items and bands
of ``quality/evaluation_scorecard.yaml`` and ``quality/qualification_review.yaml``."""

from __future__ import annotations

from schema_parts import Schema, array, closed, mapping, nullable, number, ref

from checkups.programme.costs import SCENARIOS, spec
from checkups.programme.scorecard import AGENCY, FORMAT
from checkups.programme.scorecard_items import QUALIFICATION, bands, indicators, requirements

SIGNED = {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$", "description": "Yuan to the fen; negative: a loss."}
COUNT = {"type": "integer", "minimum": 0}


def costs() -> tuple[Schema, dict[str, Schema]]:
    scenario = closed({"risk": ref("decimal"), "cost": ref("signed"), "balance": ref("signed")})
    keys = [a["key"] for a in spec()["assumptions"]]
    assumption = closed(
        {
            "key": {"enum": keys},
            "unit": {"enum": ["yuan", "share", "count"]},
            "label": ref("text"),
            "source": ref("text"),
            "values": closed({s: nullable(ref("decimal")) for s in SCENARIOS}, description="Per case; null: not given."),
            "entered": array({"enum": list(SCENARIOS)}, description="The cases whose value the user entered."),
        }
    )
    found = closed(
        {
            "kind": {"enum": ["audit", "evaluation", "answers", "entered"]},
            "as_of": nullable(ref("date")),
            "region": nullable({"type": "string"}),
            "findings": COUNT,
            "amount": ref("decimal"),
            "amount_range": closed({"low": ref("decimal"), "high": ref("decimal")}),
        }
    )
    root = closed(
        {
            "title": ref("text"),
            "method": ref("text"),
            "input": found,
            "assumptions": array(assumption, minItems=len(keys), maxItems=len(keys)),
            "scenarios": closed({s: nullable(scenario) for s in SCENARIOS}, description="null: a figure is missing."),
            "missing": array(ref("text")),
        }
    )
    return root, {"signed": SIGNED}


def _points(weight) -> Schema:
    return {"anyOf": [{"type": "number", "minimum": 0, "maximum": number(weight)}, {"type": "string"}]}


def scorecard_row() -> tuple[Schema, dict[str, Schema]]:
    props: dict[str, Schema] = {AGENCY: {"type": "string", "minLength": 1, "description": "The agency's name."}}
    for i in indicators():
        props[i.id] = {**_points(i.weight), "description": f"Points 0 to {i.weight}: {i.text.en}", "x-zh": i.text.zh}
    answers = ["yes", "no", "是", "否", True, False]
    for r in requirements():
        allowed = answers + (["n/a", "不适用"] if r.may_not_apply else [])
        law = " (a requirement of law)" if r.legal else ""
        props[QUALIFICATION + r.id] = {"enum": allowed, "description": f"Qualification review{law}: {r.text.en}"}
    review = [QUALIFICATION + r.id for r in requirements()]
    root = {
        "type": "object",
        "required": [AGENCY] + [i.id for i in indicators()],
        "anyOf": [{"required": review}, {"not": {"anyOf": [{"required": [c]} for c in review]}}],
        "description": "The qualification review's columns come all together or not at all.",
        "properties": props,
        "additionalProperties": False,
    }
    return root, {}


def scorecard() -> tuple[Schema, dict[str, Schema]]:
    band_ids = [b.id for b in bands()]
    error = closed(
        {
            "row": nullable({"type": "integer", "minimum": 2}),
            "column": {"type": "string"},
            "expected": {"type": "string"},
            "got": nullable({"type": "string"}),
            "message": {"type": "string"},
        }
    )
    agency = closed(
        {
            "agency": {"type": "string"},
            "row": nullable({"type": "integer", "minimum": 2}),
            "rank": nullable({"type": "integer", "minimum": 1}),
            "score": nullable(ref("decimal")),
            "tier": {**nullable({"enum": band_ids}), "description": "null: not scored, or withheld (see tier_withheld)."},
            "tier_withheld": {
                "type": "boolean",
                "description": "Scored but not eligible for a band: a legal requirement of the review is not met.",
            },
            "points": mapping({"enum": [i.id for i in indicators()]}, ref("decimal")),
            "qualification": nullable(mapping({"enum": [r.id for r in requirements()]}, {"enum": ["yes", "no", "n/a"]})),
            "qualified": {"type": ["boolean", "null"], "description": "null: not reviewed, or a bad cell."},
            "failed_requirements": array({"enum": [r.id for r in requirements() if r.legal]}),
            "errors": array(error, description="Bad cells: the agency is listed, not scored."),
        }
    )
    band = closed({"id": {"enum": band_ids}, "min": ref("decimal"), "label": ref("text")})
    root = closed(
        {
            "format": {"const": FORMAT},
            "maximum": ref("decimal"),
            "tiers": closed({"example": {"type": "boolean"}, "note": ref("text"), "bands": array(band, minItems=1)}),
            "agencies": array(
                agency,
                description="Every agency read: the eligible ones by rank, then those withheld (scored, no rank), then the unscored.",
            ),
            "scored": COUNT,
            "ignored_columns": array({"type": "string"}),
        }
    )
    return root, {}


def saved_tool_kinds(region: Schema, as_of: Schema) -> dict[str, tuple[Schema, Schema]]:
    """What the two tool pages save and export (``checkups-costs/1``, ``checkups-scorecard/1``):
    each field as typed (empty ones left out), and the page's settings."""
    typed = {"type": "string", "description": "As typed."}
    keys = [a["key"] for a in spec()["assumptions"]]
    cost_fields = ["owed", "fine_low", "fine_high"] + [k + s for k in keys for s in ("", *(f".{x}" for x in SCENARIOS))]
    review = {QUALIFICATION + r.id: {"enum": ["yes", "no"] + (["n/a"] if r.may_not_apply else [])} for r in requirements()}
    score_fields = {AGENCY: typed, **{i.id: typed for i in indicators()}, **review}
    score_fields |= {f"tier.{b.id}": typed for b in bands()}
    settings = closed({"region": region, "as_of": as_of})
    return {
        "costs": (closed(dict.fromkeys(cost_fields, typed), [], description="Field → as typed."), settings),
        "scorecard": (closed(score_fields, [], description="One agency's fields, as typed or chosen."), settings),
    }
