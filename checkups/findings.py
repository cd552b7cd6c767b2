"""Findings: what a check found, with its citation, money at risk and explanation."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .registry import Rule
from .registry import rule as get_rule
from .text import Text, fmt_money
from .timeline import ParamValue

__all__ = ["Detail", "Figures", "Finding", "MoneyRange", "Trace", "explain_all", "gc_paused", "rule_as_dict", "rules_as_dict"]


@dataclass(frozen=True, slots=True)
class Trace:
    """How a finding was reached: the inputs, the dated figures used, the computation."""

    inputs: dict[str, Any]
    parameters: tuple[ParamValue, ...] = ()
    steps: tuple[Text, ...] = ()

    def as_dict(self, figures: Figures | None = None) -> dict[str, Any]:
        """A JSON-ready view; with ``figures`` each figure is named by its key and stated
        there once (a document's traces share a few figures), else given in full."""
        return {
            "inputs": {k: v if type(v) in _SCALARS else _plain(v) for k, v in self.inputs.items()},
            "parameters": [figure_as_dict(p) for p in self.parameters]
            if figures is None
            else list(map(figures.key, self.parameters)),
            "steps": [{"zh": s.zh, "en": s.en} for s in self.steps],
        }


def figure_as_dict(p: ParamValue) -> dict[str, Any]:
    """A dated figure as the JSON outputs give it: name, value, region, start, source, whether verified."""
    return {
        "name": p.name,
        "value": _plain(p.value),
        "region": p.region,
        "effective": p.effective.isoformat(),
        "source": p.source,
        "verified": p.verified,
    }


class Figures:
    """The figures that a document's traces use, each stated once in ``table`` under its key
    ``name@region@effective`` (``minimum_wage.monthly@guangdong.t1@2025-03-01``)."""

    def __init__(self) -> None:
        self.table: dict[str, dict[str, Any]] = {}
        self._seen: dict[int, tuple[ParamValue, str]] = {}  # by identity, the figure kept alive with its key

    def key(self, p: ParamValue) -> str:
        """The figure's key, adding the figure to the table the first time it is seen."""
        found = self._seen.get(id(p))
        if found is None:
            key = f"{p.name}@{p.region}@{p.effective.isoformat()}"
            self.table.setdefault(key, figure_as_dict(p))
            found = self._seen[id(p)] = (p, key)
        return found[1]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return str(value)


@dataclass(frozen=True, slots=True)
class MoneyRange:
    """Money that may become due on top of what is certainly owed, from ``low`` to ``high``
    (e.g. a fine of 1–3 times the arrears if an order is ignored); ``label`` says what it is."""

    low: Decimal
    high: Decimal
    label: Text

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} > high {self.high}")

    def show(self, lang: str) -> str:
        """``3,000.00–9,000.00`` (one figure when both ends are equal)."""
        low, high = fmt_money(self.low), fmt_money(self.high)
        return low if low == high else f"{low}–{high}"

    def as_dict(self) -> dict[str, Any]:
        return {"low": str(self.low), "high": str(self.high), "label": self.label.as_dict()}


@dataclass(frozen=True, slots=True)
class Detail:
    """The facts that fill a rule's message placeholders, and the explanation trace."""

    facts: dict[str, Any]
    trace: Trace


@dataclass(slots=True)  # not frozen: a large roster makes tens of thousands; treat as read-only
class Finding:
    """One finding of a check-up.

    ``severity``, ``area``, ``law``, ``article`` and ``message`` come from the rule;
    ``detail`` is a :class:`Detail`, or a callable that makes one when it is first
    needed (a large roster yields many findings); once made it is kept, so every report,
    table and export of the finding shares one explanation.
    ``amount`` is money certainly owed; ``amount_range`` money that may be added
    (a fine or compensation that depends on what the authority or a court decides).
    """

    rule: str
    employee_id: str | None
    amount: Decimal | None
    row: int | None = None
    detail: Detail | Callable[[], Detail] = field(default_factory=lambda: Detail({}, Trace({})), repr=False, compare=False)
    amount_range: MoneyRange | None = None

    def explain(self) -> Detail:
        """The finding's facts and trace, built on first use and kept."""
        detail = self.detail
        if callable(detail):
            detail = self.detail = detail()
        return detail

    @property
    def trace(self) -> Trace:
        """How the finding was reached: inputs, dated figures, computation."""
        return self.explain().trace

    @property
    def facts(self) -> dict[str, Any]:
        return self.explain().facts

    @property
    def spec(self) -> Rule:
        """The catalog entry of this finding's rule."""
        return get_rule(self.rule)

    @property
    def severity(self) -> str:
        return self.spec.severity

    @property
    def area(self) -> str:
        return self.spec.area

    @property
    def law(self) -> str:
        return self.spec.citation.law

    @property
    def article(self) -> str:
        return self.spec.citation.article

    @property
    def message(self) -> Text:
        """The rule's message with this finding's facts filled in."""
        return self._message(self.explain())

    def message_in(self, lang: str) -> str:
        """:attr:`message` in one language (what a report in that language needs)."""
        return self.spec.message[lang].format_map(self._values(self.explain()))

    def _values(self, detail: Detail) -> dict[str, Any]:
        return {"employee_id": self.employee_id or "", "amount": fmt_money(self.amount), **detail.facts}

    def _message(self, detail: Detail) -> Text:
        spec, values = self.spec, self._values(detail)
        return Text(spec.message["zh"].format_map(values), spec.message["en"].format_map(values))

    def as_dict(self, figures: Figures | None = None) -> dict[str, Any]:
        """A JSON-ready view of what is particular to this finding; the rule's own texts
        (title, consequence, fix, citations) are in :func:`rule_as_dict`, under ``rule``,
        and with ``figures`` the dated figures are named by key (:meth:`Trace.as_dict`)."""
        detail = self.explain()
        return {
            "rule": self.rule,
            "employee_id": self.employee_id,
            "row": self.row,
            "message": self._message(detail).as_dict(),
            "amount": None if self.amount is None else str(self.amount),
            "amount_range": None if self.amount_range is None else self.amount_range.as_dict(),
            "trace": detail.trace.as_dict(figures),
        }


def rule_as_dict(spec: Rule) -> dict[str, Any]:
    """What every finding of a rule shares, stated once in the JSON outputs: its title, area,
    severity, citations, basis (``law`` or ``advice``), regions, consequence and fix."""
    return {
        "title": spec.title,
        "area": spec.area,
        "severity": spec.severity,
        "law": spec.citation.law,
        "article": spec.citation.article,
        "citations": [str(c) for c in spec.citations],
        "basis": spec.basis,
        "applies_in": list(spec.applies_in),
        "consequence": spec.consequence,
        "remediation": spec.remediation,
    }


def rules_as_dict(findings: list[Finding]) -> dict[str, dict[str, Any]]:
    """:func:`rule_as_dict` of each rule that has a finding, by rule id, in order of first finding."""
    return {rule_id: rule_as_dict(get_rule(rule_id)) for rule_id in dict.fromkeys(f.rule for f in findings)}


#: objects left alive by a pause of the collector above which they are frozen (:func:`gc_paused`)
FREEZE_AFTER = 200_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, as the audit does: explaining and rendering findings
    makes many small objects and no reference cycles, and a large roster would otherwise pay
    for repeated scans of everything alive (reference counting still frees what is dropped).

    When the pause leaves many new objects alive (a large roster's findings), they are moved
    out of the collector's view (``gc.freeze``) before it resumes: its first pass would scan
    every one of them for cycles they do not have (0.4 s for 100,000 employees).  Reference
    counting still frees them when they are dropped.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if gc.get_count()[0] > FREEZE_AFTER:
                gc.freeze()
            gc.enable()


def explain_all(findings: Sequence[Finding]) -> Sequence[Finding]:
    """Build every finding's explanation in one pass (each is then kept) and return the findings."""
    with gc_paused():
        for f in findings:
            if callable(f.detail):
                f.detail = f.detail()
    return findings
