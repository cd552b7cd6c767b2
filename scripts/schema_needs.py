"""The schemas of the needs survey and the agreement builder: the survey's answers, its
JSON result (``needs --format json``) and the builder's choices, built from the catalog
(question and option ids, service areas, the agreement's options)."""

from __future__ import annotations

from typing import Any

from schema_parts import Schema, array, closed, ref

from checkups.registry import catalog

SAVED = ("checkups-needs/1", "checkups-agreement/1")


def _areas() -> Schema:
    services = catalog()["services"]
    ids = [a["id"] for a in services["core"] + services.get("value_added", [])]
    return {"enum": ids, "description": "A service area: one of the seven core areas or a value-added service."}


def _saved(fmt: str, answers: Schema) -> Schema:
    """Either the plain object or the page's saved file around it."""
    wrapped = closed({"format": {"const": fmt}, "answers": answers, "settings": {"type": "object"}}, ["format", "answers"])
    return {"oneOf": [answers, wrapped]}


def needs_answers() -> tuple[Schema, dict[str, Schema]]:
    props: dict[str, Any] = {}
    for q in catalog()["programme"]["needs"]["questions"]:
        ids = {"enum": [o["id"] for o in q["options"]]}
        text = f"{q['text']['en']} ({q['text']['zh']})"
        props[q["id"]] = {**ids, "description": text} if q["kind"] == "one" else array(ids, uniqueItems=True, description=text)
    answers = closed(props, [], description="Question id → option id (a list for a many-choice question); any may be left out.")
    return _saved(SAVED[0], ref("answers")), {"answers": answers}


def needs_result() -> tuple[Schema, dict[str, Schema]]:
    reason = closed(
        {
            "question": {"type": "string"},
            "option": {"type": "string"},
            "answer": ref("text"),
            "text": ref("text"),
            "citations": array(ref("citation")),
        }
    )
    pick = closed(
        {
            "area": ref("service_area"),
            "name": ref("text"),
            "page": {"type": "string", "pattern": "^services/[a-z-]+/$", "description": "The area's page from the site root."},
            "reasons": array(reason, minItems=1),
        }
    )
    questions = {"enum": [q["id"] for q in catalog()["programme"]["needs"]["questions"]]}
    root = closed(
        {
            "format": {"const": "checkups-needs-result/1"},
            "answers": {"type": "object", "description": "The answers used (as in needs-answers)."},
            "core": array(ref("pick")),
            "value_added": array(ref("pick")),
            "areas": array(ref("service_area"), description="The recommended areas, as the agreement builder takes them."),
            "not_indicated": array(ref("service_area")),
            "unanswered": array(questions),
        }
    )
    return root, {"pick": pick, "service_area": _areas()}


def agreement_choices() -> tuple[Schema, dict[str, Schema]]:
    options = {"enum": [o["id"] for o in catalog()["agreement"]["trusteeship"].get("options") or []]}
    choices = closed(
        {
            "areas": array(ref("service_area"), minItems=1, uniqueItems=True, description="At least one core area."),
            "options": array(options, uniqueItems=True),
        },
        ["areas"],
    )
    return _saved(SAVED[1], ref("choices")), {"choices": choices, "service_area": _areas()}
