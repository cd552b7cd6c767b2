"""What a calculator answers: a :class:`Result` (money owed) or a :class:`Limit` (a statutory
limit such as days of leave), with the steps, citations and dated figures behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..findings import figure_as_dict
from ..registry import Citation
from ..text import Text
from ..timeline import ParamValue

__all__ = ["Limit", "Result", "cite"]


@lru_cache(maxsize=512)  # a few dozen combinations, asked for in every step of every explanation
def cite(*citations: Citation) -> Text:
    """The citations as a step shows them, generated from the citations: ``（LCL 47；LCL-IR 27）``."""
    labels = [str(c) for c in citations]
    return Text("（" + "；".join(labels) + "）", "(" + "; ".join(labels) + ")")


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, Decimal)):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Result:
    """A calculator's answer: the amount owed and how it was reached.

    ``details`` holds figures worked out on the way (years counted, the base, a fine shown
    as a range that is not part of the amount, …).
    """

    amount: Decimal
    steps: tuple[Text, ...]
    citations: tuple[Citation, ...]
    parameters: tuple[ParamValue, ...] = ()
    inputs: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[Text, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (amount as a string, dates ISO)."""
        return {
            "amount": str(self.amount),
            "steps": [s.as_dict() for s in self.steps],
            "citations": [str(c) for c in self.citations],
            "parameters": [figure_as_dict(p) for p in self.parameters],
            "inputs": {k: _plain(v) for k, v in self.inputs.items()},
            "warnings": [w.as_dict() for w in self.warnings],
            "details": {k: _plain(v) for k, v in self.details.items()},
        }


@dataclass(frozen=True)
class Limit:
    """A statutory limit worked out from the inputs (days of leave, months of probation, a
    wage floor): not money owed, so it has a value in words rather than an amount."""

    label: Text
    value: Text
    steps: tuple[Text, ...]
    citations: tuple[Citation, ...]
    parameters: tuple[ParamValue, ...] = ()
    warnings: tuple[Text, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label.as_dict(),
            "value": self.value.as_dict(),
            "steps": [s.as_dict() for s in self.steps],
            "citations": [str(c) for c in self.citations],
            "parameters": [figure_as_dict(p) for p in self.parameters],
            "warnings": [w.as_dict() for w in self.warnings],
            "details": {k: _plain(v) for k, v in self.details.items()},
        }
