"""The pieces of the package's JSON Schemas (draft 2020-12), each built from the package's
own definitions: the bounds of dates and numbers, the law codes, regions, parameters,
service areas, severities and rules of the catalog.  ``scripts/compile_schemas.py`` puts
them together into the documents.

A piece is a plain dict; a document refers to a shared piece as ``{"$ref": "#/$defs/name"}``
and carries (only) the pieces it uses, so that every schema file stands alone.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from compile_rules import BASES, SCOPES

from checkups.errors import ECHO
from checkups.registry import SEVERITY_ORDER, catalog, rules
from checkups.timeline import FIRST_DAY, LAST_DAY

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
REGION_ID = r"[a-z][a-z0-9-]*(\.[a-z0-9]+)?"  # chengdu, suzhou-anhui, guangdong.t1 (a tier of a province)
POINT = r"( ¶[0-9]+(\([0-9]+\))?)?"  # a paragraph and item of an article, as Citation writes it


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def nullable(schema: Schema) -> Schema:
    """``schema`` or null (an empty cell, a value that does not apply)."""
    return {"anyOf": [schema, {"type": "null"}]}


def closed(properties: dict[str, Schema], required: list[str] | None = None, **extra: Any) -> Schema:
    """An object with exactly these properties, all required unless ``required`` says otherwise."""
    return {
        "type": "object",
        **extra,
        "required": list(properties) if required is None else required,
        "properties": properties,
        "additionalProperties": False,
    }


def array(items: Schema, **extra: Any) -> Schema:
    return {"type": "array", **extra, "items": items}


def mapping(keys: Schema, values: Schema, **extra: Any) -> Schema:
    """An object used as a table: keys as ``keys`` says, each value a ``values``."""
    return {"type": "object", **extra, "propertyNames": keys, "additionalProperties": values}


def number(value: Decimal) -> int | float:
    """A bound as a JSON number (an integer when it is whole)."""
    return int(value) if value == value.to_integral_value() else float(value)


def year_pattern(first: int, last: int) -> str:
    """A regular expression of the years ``first`` to ``last``: ``19[0-9]{2}|20[0-9]{2}|2100``."""
    parts, year = [], first
    while year <= last:
        for width, digits in ((100, "[0-9]{2}"), (10, "[0-9]")):
            if year % width == 0 and year + width - 1 <= last:
                parts.append(f"{year // width}{digits}")
                year += width
                break
        else:
            parts.append(str(year))
            year += 1
    return "|".join(parts)


def date() -> Schema:
    """An ISO date within the package's bounds (timeline.FIRST_DAY to LAST_DAY)."""
    if (FIRST_DAY.month, FIRST_DAY.day, LAST_DAY.month, LAST_DAY.day) != (1, 1, 12, 31):
        raise SystemExit("compile_schemas: the date bounds no longer start on 1 January and end on 31 December")
    return {
        "type": "string",
        "format": "date",
        "pattern": f"^({year_pattern(FIRST_DAY.year, LAST_DAY.year)})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "description": f"A real day written YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}.",
    }


def shared() -> dict[str, Schema]:
    """The pieces several documents use, by name."""
    regions = list(catalog()["regions"])
    if any(not re.fullmatch(REGION_ID, r) for r in regions):
        raise SystemExit(f"compile_schemas: a region id does not match {REGION_ID}")
    codes = "|".join(re.escape(code) for code in catalog()["laws"])
    areas = [a["id"] for a in catalog()["services"]["core"]]
    if any(r.area not in areas for r in rules()):
        raise SystemExit("compile_schemas: a rule's area is not a core service area")
    count = {"type": "integer", "minimum": 0}
    low_high = closed({"low": ref("decimal"), "high": ref("decimal")})
    return {
        "text": closed(
            {"zh": {"type": "string"}, "en": {"type": "string"}}, description="A text in Simplified Chinese and English."
        ),
        "date": date(),
        "decimal": {
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)?$",
            "description": "A number of at least 0 written out in decimal digits (money in yuan, exact: not a float).",
        },
        "region": {
            "type": "string",
            "pattern": f"^{REGION_ID}$",
            "description": "A region id of the catalog: national, a province (sichuan), a city (chengdu) or a minimum-wage tier (guangdong.t1).",
        },
        "citation": {
            "type": "string",
            "pattern": f"^({codes}) [0-9]+{POINT}$",
            "description": "A law code and article, optionally a paragraph and item: LCL 82, LCL 26 ¶1(2).",
        },
        "law": {"enum": list(catalog()["laws"]), "description": "The code of a law or regulation in the library."},
        "area": {"enum": areas, "description": "A service area."},
        "severity": {"enum": list(SEVERITY_ORDER)},
        "parameter": {"enum": sorted(catalog()["parameters"]), "description": "The name of a dated figure."},
        "figure": closed(
            {
                "name": ref("parameter"),
                "value": {
                    "description": "The figure as the catalog holds it: a number, a flag, a date, an object (a rule) or "
                    "null where none is set; a figure entered by the user is a decimal string."
                },
                "region": ref("region") | {"description": "Where the figure is set, or given: entered by the user."},
                "effective": ref("date"),
                "source": {"type": "string"},
                "verified": {"type": "boolean", "description": "false: from a secondary source, to be checked."},
            },
            description="A dated figure as used: its value where and from when it applies, its source.",
        ),
        "figure_key": {
            "type": "string",
            "pattern": f"^[a-z0-9_.]+@{REGION_ID}@[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$",
            "description": "A figure's key in the document's figures table: name@region@effective.",
        },
        "rule": closed(
            {
                "title": ref("text"),
                "area": ref("area"),
                "severity": ref("severity"),
                "law": ref("law"),
                "article": {"type": "string", "pattern": "^[0-9]+$"},
                "citations": array(ref("citation"), minItems=1),
                "basis": {"enum": list(BASES), "description": "law: a legal duty; advice: good practice."},
                "applies_in": array(ref("region"), description="The regions it is limited to (empty: everywhere)."),
                "consequence": ref("text"),
                "remediation": ref("text"),
            },
            description="What every finding of a rule shares, stated once.",
        ),
        "finding": closed(
            {
                "rule": ref("rule_id"),
                "employee_id": {"type": ["string", "null"]},
                "row": {"type": ["integer", "null"], "minimum": 2, "description": "The roster line (header = line 1)."},
                "message": ref("text"),
                "amount": nullable(ref("decimal") | {"description": "Money certainly owed, in yuan."}),
                "amount_range": nullable(ref("money_range")),
                "trace": closed(
                    {
                        "inputs": {"type": "object", "description": "The values the check used, by name."},
                        "parameters": array(ref("figure_key"), description="The dated figures used, by key."),
                        "steps": array(ref("text")),
                    }
                ),
            },
            description="One finding; its rule's texts are under rules, its figures under figures.",
        ),
        "money_range": closed(
            {"low": ref("decimal"), "high": ref("decimal"), "label": ref("text")},
            description="Money that may be added to what is owed (a fine, compensation), from low to high.",
        ),
        "summary": closed(
            {
                "findings": count,
                "employees_with_findings": count,
                "by_severity": closed(dict.fromkeys(SEVERITY_ORDER, count)),
                "by_area": mapping(
                    ref("area"),
                    closed(
                        {
                            "findings": count,
                            "amount": ref("decimal"),
                            "amount_range": low_high,
                            **dict.fromkeys(SEVERITY_ORDER, count),
                        }
                    ),
                ),
                "amount_at_risk": ref("decimal"),
                "amount_range": low_high,
            }
        ),
        "rule_id": {"enum": [r.id for r in rules()]},
        "scope": {"enum": list(SCOPES)},
    }


def rule_ids(scope: str) -> Schema:
    """The ids of the rules of one scope (company: the questionnaire; employee: the roster)."""
    return {"enum": [r.id for r in rules(scope=scope)], "description": f"The id of a {scope} rule."}


def row_error() -> Schema:
    """A rejected roster row's problem (``checkups.roster.RowError.as_dict``)."""
    return closed(
        {
            "row": {"type": "integer", "minimum": 2, "description": "The line as a spreadsheet numbers it (header = line 1)."},
            "column": {"type": "string", "minLength": 1},
            "expected": {"type": "string"},
            "got": {
                "type": ["string", "null"],
                "description": f"The cell (cut to {ECHO} characters plus its length); null: empty.",
            },
            "message": {"type": "string"},
        }
    )
