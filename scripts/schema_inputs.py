"""The schemas of what the package reads: the roster (from ``checkups/columns.py``) and the
saved answers of the check-ups, ``checkups-<kind>/1`` (from the questionnaire catalog and
the calculator registry)."""

from __future__ import annotations

from schema_costs import saved_tool_kinds
from schema_parts import Schema, array, closed, number, ref

from checkups import calc
from checkups.columns import CHOICES, COLUMNS, MEASURES, NO, REQUIRED, YES, Column
from checkups.evaluate import questions
from checkups.text import LARGEST


def _cell(name: str, column: Column) -> Schema:
    """One column's value in its plain JSON form, with the headers and texts a file may use."""
    if column.kind == "text":
        value: Schema = {"type": "string", "pattern": "\\S"} if name in REQUIRED else {"type": "string"}
    elif column.kind == "date":
        value = ref("date")
    elif column.kind == "bool":
        value = {"type": "boolean", "x-accepted": {"true": list(YES), "false": list(NO)}}
    elif column.kind == "choice":
        value = {"enum": sorted(set(CHOICES[name].values())), "x-accepted": CHOICES[name]}
    else:
        measure = MEASURES[column.measure]
        value = {
            "type": "integer" if measure.whole else "number",
            "minimum": 0,
            "maximum": number(measure.maximum),
            "x-expected": measure.expected,
        }
        if not measure.whole:
            value["x-rounding"] = "read rounded half up to two decimals (money to the fen), then checked against the maximum"
    schema = value if name in REQUIRED else {"anyOf": [value, {"type": "null"}]}
    note = column.note.en or (MEASURES[column.measure].expected if column.measure else column.kind)
    return {
        **schema,
        "description": note,
        "x-header-zh": column.zh,
        "x-note-zh": column.note.zh,
        "x-aliases": list(column.aliases),
    }


def roster() -> tuple[Schema, dict[str, Schema]]:
    """An array of rows, one object per employee keyed by the English column names."""
    row = {
        "type": "object",
        "description": "One employee: each cell in its plain form (null or absent: an empty cell). "
        "Columns the package does not know are ignored (the report lists them).",
        "required": list(REQUIRED),
        "properties": {name: _cell(name, c) for name, c in COLUMNS.items()},
    }
    return array(ref("row"), minItems=1), {"row": row}


def _answer(q: dict) -> Schema:
    if q["type"] == "bool":
        value: Schema = {"type": "boolean"}
    else:  # what was typed in the form (read as a number when evaluated), or a number
        value = {"anyOf": [{"type": "number", "minimum": 0, "maximum": number(LARGEST)}, {"type": "string"}]}
    return {**value, "description": q["text"]["en"], "x-type": q["type"]}


def _field(f: calc.Field) -> Schema:
    if f.kind == "bool":
        value: Schema = {"type": "boolean"}
    elif f.kind == "choice":
        value = {"enum": [v for v, _ in f.choices]}
    else:  # money, number, date or term: the text typed in the form
        value = {"type": "string"}
    return {**value, "description": f.label.en, "x-kind": f.kind}


def saved_kinds() -> dict[str, tuple[Schema, Schema]]:
    """Each kind of saved document: the schema of its ``answers`` and of its ``settings``."""
    region = ref("region")
    as_of = {"anyOf": [ref("date"), {"type": "null"}]}
    return {
        "answers": (
            closed(
                {qid: _answer(q) for qid, q in questions().items()},
                [],
                description="Question id → answer (unanswered ones left out).",
            ),
            closed({"region": region, "as_of": as_of}),
        ),
        "roster": (
            closed(
                {
                    "roster": closed(
                        {
                            "name": {"type": "string", "description": "The file name of the last roster audited."},
                            "content": {"type": "string", "contentEncoding": "base64", "pattern": "^[A-Za-z0-9+/]*={0,2}$"},
                        }
                    )
                },
                [],
            ),
            closed(
                {
                    "region": region,
                    "as_of": as_of,
                    "min_wage": {"type": "string", "description": "As typed (empty: the region's)."},
                }
            ),
        ),
        "calculators": (
            closed(
                {
                    spec.name: closed({f.name: _field(f) for f in spec.fields}, [], description=spec.title.en)
                    for spec in calc.CALCULATORS
                    if spec.ui
                },
                [],
                description="Calculator → what was entered (empty fields left out).",
            ),
            closed({"region": region}),
        ),
        **saved_tool_kinds(region, as_of),
        **{  # the early warning and the portfolio audit keep only their settings: the rosters stay on the computer
            kind: (closed({}, [], description="Nothing: only the settings are kept."), closed({"region": region, "as_of": as_of}))
            for kind in ("early-warning", "portfolio", "bureau")
        },
    }


def saved() -> tuple[Schema, dict[str, Schema]]:
    """``{"format": "checkups-<kind>/1", "answers": …, "settings": …}``, one shape per kind."""
    from checkups.ui.saved import FORMAT

    kinds = saved_kinds()
    defs: dict[str, Schema] = {}
    cases = []
    for kind, (answers, settings) in kinds.items():
        defs[f"{kind}_answers"], defs[f"{kind}_settings"] = answers, settings
        cases.append(
            {
                "if": {"properties": {"format": {"const": FORMAT.format(kind=kind)}}},
                "then": {"properties": {"answers": ref(f"{kind}_answers"), "settings": ref(f"{kind}_settings")}},
            }
        )
    root = closed(
        {
            "format": {"enum": [FORMAT.format(kind=kind) for kind in kinds]},
            "answers": {"type": "object"},
            "settings": {"type": "object"},
        },
        allOf=cases,
    )
    return root, defs
