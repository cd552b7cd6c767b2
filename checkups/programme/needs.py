"""The needs survey: six short answers → the service areas and value-added services worth
entrusting, each with the answers that point to it and why.

The questions, the options and every pointer (area, reason, citations) are data
(``checkups/data/programme/needs.yaml``); this module only reads the answers, gathers the
pointers and orders the areas: most reasons first, then the order of ``services.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import InputError
from ..registry import Citation, catalog
from ..text import Text

__all__ = ["FORMAT", "NeedsResult", "Pick", "Reason", "questions", "recommend", "survey"]

FORMAT = "checkups-needs/1"  # the saved answers' format (export/import on the page)


@dataclass(frozen=True, slots=True)
class Reason:
    """One answer that points to an area: the question, the option chosen, why."""

    question: str
    option: str
    answer: Text  # "question: option", as the user saw it
    text: Text
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Pick:
    """A service area worth entrusting, with its reasons."""

    area: str
    name: Text
    value_added: bool
    reasons: tuple[Reason, ...]

    @property
    def page(self) -> str:
        """The area's service page from the site root, without language (``services/social-insurance/``)."""
        return f"services/{self.area.replace('_', '-')}/"


@dataclass(frozen=True)
class NeedsResult:
    """What the survey recommends for one set of answers."""

    answers: dict[str, Any]
    core: tuple[Pick, ...]
    value_added: tuple[Pick, ...]
    not_indicated: tuple[str, ...]  # area ids no answer points to, in services.yaml order
    unanswered: tuple[str, ...] = field(default=())

    @property
    def areas(self) -> list[str]:
        """The recommended area ids (core, then value-added): what the agreement builder takes."""
        return [p.area for p in self.core + self.value_added]

    def as_dict(self) -> dict[str, Any]:
        def pick(p: Pick) -> dict[str, Any]:
            return {
                "area": p.area,
                "name": p.name.as_dict(),
                "page": p.page,
                "reasons": [
                    {
                        "question": r.question,
                        "option": r.option,
                        "answer": r.answer.as_dict(),
                        "text": r.text.as_dict(),
                        "citations": [str(c) for c in r.citations],
                    }
                    for r in p.reasons
                ],
            }

        return {
            "format": "checkups-needs-result/1",
            "answers": self.answers,
            "core": [pick(p) for p in self.core],
            "value_added": [pick(p) for p in self.value_added],
            "areas": self.areas,
            "not_indicated": list(self.not_indicated),
            "unanswered": list(self.unanswered),
        }


def _text(obj: Mapping[str, str]) -> Text:
    return Text(obj["zh"], obj["en"])


@cache
def survey() -> dict[str, Any]:
    """The survey's data (title, intro, note, questions) from the catalog."""
    return catalog()["programme"]["needs"]


def questions() -> list[dict[str, Any]]:
    """The survey's questions in order: ``id``, ``label``, ``kind`` (one|many), ``text``, ``options``."""
    return survey()["questions"]


def _areas() -> list[tuple[str, Text, bool]]:
    services = catalog()["services"]
    return [(a["id"], _text(a["name"]), False) for a in services["core"]] + [
        (a["id"], _text(a["name"]), True) for a in services.get("value_added", [])
    ]


def _chosen(question: dict[str, Any], value: Any) -> list[str]:
    """The option ids answered for ``question``, checked against its options."""
    qid, options = question["id"], {o["id"]: o for o in question["options"]}
    allowed = ", ".join(options)
    if question["kind"] == "one":
        if isinstance(value, list):
            if len(value) != 1:
                raise InputError(qid, f"one of {allowed}", value)
            value = value[0]
        chosen = [value]
    else:
        if not isinstance(value, list):
            value = [value]
        for option in value:  # before de-duplicating: a list or an object in the list cannot be hashed
            if not isinstance(option, str):
                raise InputError(qid, f"option ids among {allowed}", option)
        chosen = list(dict.fromkeys(value))
    for option in chosen:
        if not isinstance(option, str) or option not in options:
            raise InputError(qid, f"one of {allowed}", option)
    exclusive = [o for o in chosen if options[o].get("exclusive")]
    if exclusive and len(chosen) > 1:
        raise InputError(qid, f"{exclusive[0]!r} alone (it excludes the other answers)", chosen)
    return chosen


def recommend(answers: Mapping[str, Any]) -> NeedsResult:
    """The areas and value-added services to entrust for ``answers`` (question id → option id,
    or a list of option ids for a many-choice question; a saved ``checkups-needs/1`` file too).

    Raises :class:`~checkups.errors.InputError` for an unknown question or option."""
    if isinstance(answers, Mapping) and answers.get("format") == FORMAT and isinstance(answers.get("answers"), Mapping):
        answers = answers["answers"]
    if not isinstance(answers, Mapping):
        raise InputError("answers", "an object of question id → answer", answers)
    by_id = {q["id"]: q for q in questions()}
    unknown = [k for k in answers if k not in by_id]
    if unknown:
        raise InputError("answers", f"question ids among {', '.join(by_id)}", unknown[0])
    reasons: dict[str, list[Reason]] = {}
    used: dict[str, Any] = {}
    unanswered = []
    for q in questions():
        value = answers.get(q["id"])
        if value in (None, "", []):
            unanswered.append(q["id"])
            continue
        chosen = _chosen(q, value)
        used[q["id"]] = chosen[0] if q["kind"] == "one" else chosen
        options = {o["id"]: o for o in q["options"]}
        for option in chosen:
            label, text = q["label"], options[option]["text"]
            answer = Text(f"{label['zh']}：{text['zh']}", f"{label['en']}: {text['en']}")
            for rec in options[option].get("recommends") or []:
                found = reasons.setdefault(rec["area"], [])
                text = _text(rec["reason"])
                if any(r.text == text for r in found):
                    continue  # the same reason from another answer is said once
                cites = tuple(Citation(c["law"], str(c["article"])) for c in rec.get("citations") or [])
                found.append(Reason(q["id"], option, answer, text, cites))
    order = {a: i for i, (a, _, _) in enumerate(_areas())}
    picks = sorted(
        (Pick(a, name, va, tuple(reasons[a])) for a, name, va in _areas() if a in reasons),
        key=lambda p: (-len(p.reasons), order[p.area]),
    )
    return NeedsResult(
        answers=used,
        core=tuple(p for p in picks if not p.value_added),
        value_added=tuple(p for p in picks if p.value_added),
        not_indicated=tuple(a for a, _, _ in _areas() if a not in reasons),
        unanswered=tuple(unanswered),
    )
