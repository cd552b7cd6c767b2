"""The compiled catalog: laws and articles, parameters, rules, regions, services.

Reads ``data/catalog.json`` (compiled from the YAML by ``scripts/compile_data.py``)
once, lazily.  Pure standard library, so it runs in Pyodide as in CPython.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "Article",
    "Citation",
    "Rule",
    "UnknownNameError",
    "article",
    "catalog",
    "law",
    "rule",
    "rules",
]

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


class UnknownNameError(LookupError):
    """A law, article, rule, parameter or region that is not in the catalog."""

    def __init__(self, kind: str, name: str, known: list[str] | None = None):
        hint = f"; known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}" if known else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")
        self.kind, self.name = kind, name


@cache
def catalog() -> dict[str, Any]:
    """The whole compiled catalog (parsed once)."""
    text = resources.files("checkups").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class Citation:
    """A law code and article number, e.g. ``Citation("LCL", "82")``."""

    law: str
    article: str

    def __str__(self) -> str:
        return f"{self.law} {self.article}"

    @property
    def anchor(self) -> str:
        """The fragment id used for this article on the site (``lcl-82``)."""
        return f"{self.law.lower()}-{self.article}"


@dataclass(frozen=True, slots=True)
class Article:
    """One cited article: its text in Chinese and an English summary."""

    law: str
    number: str
    zh: str | None
    en: str
    law_name: dict[str, str]
    verified: bool


@dataclass(frozen=True, slots=True)
class Rule:
    """One check of the catalog (see ``data/README.md`` for the fields)."""

    id: str
    area: str
    severity: str
    scope: str
    title: dict[str, str]
    message: dict[str, str]
    consequence: dict[str, str]
    remediation: dict[str, str]
    citations: tuple[Citation, ...]
    questions: tuple[dict[str, Any], ...] = ()
    fails_when: tuple[dict[str, Any], ...] = ()
    applies_if: dict[str, Any] | None = None
    amount: dict[str, Any] | None = None

    @property
    def citation(self) -> Citation:
        """The primary citation (the first listed)."""
        return self.citations[0]


def law(code: str) -> dict[str, Any]:
    """The registry entry of one instrument, by code (``LCL``)."""
    laws = catalog()["laws"]
    if code not in laws:
        raise UnknownNameError("law", code, sorted(laws))
    return laws[code]


def article(code: str, number: str | int) -> Article:
    """One article of the registry (``article("LCL", 82)``)."""
    entry = law(code)
    art = (entry.get("articles") or {}).get(str(number))
    if art is None:
        raise UnknownNameError("article", f"{code} {number}")
    return Article(
        law=code,
        number=str(number),
        zh=art.get("zh"),
        en=art["en"],
        law_name=entry["name"],
        verified=bool(entry.get("text_verified")),
    )


@cache
def _rules() -> dict[str, Rule]:
    out = {}
    for rule_id, raw in catalog()["rules"].items():
        out[rule_id] = Rule(
            id=rule_id,
            area=raw["area"],
            severity=raw["severity"],
            scope=raw["scope"],
            title=raw["title"],
            message=raw["message"],
            consequence=raw["consequence"],
            remediation=raw["remediation"],
            citations=tuple(Citation(c["law"], c["article"]) for c in raw["citations"]),
            questions=tuple(raw.get("questions") or ()),
            fails_when=tuple(raw.get("fails_when") or ()),
            applies_if=raw.get("applies_if"),
            amount=raw.get("amount"),
        )
    return out


def rule(rule_id: str) -> Rule:
    """One rule by id (``contracts.written_within_one_month``)."""
    table = _rules()
    if rule_id not in table:
        raise UnknownNameError("rule", rule_id, sorted(table))
    return table[rule_id]


def rules(*, scope: str | None = None, area: str | None = None) -> list[Rule]:
    """All rules, in service-area order then id, optionally filtered."""
    order = {a["id"]: i for i, a in enumerate(catalog()["services"]["core"])}
    found = [r for r in _rules().values() if (scope is None or r.scope == scope) and (area is None or r.area == area)]
    return sorted(found, key=lambda r: (order.get(r.area, 99), r.id))


def area_name(area: str) -> dict[str, str]:
    """The bilingual name of a service area."""
    services = catalog()["services"]
    for entry in services["core"] + services.get("value_added", []):
        if entry["id"] == area:
            return entry["name"]
    raise UnknownNameError("service area", area)


def region_name(code: str | None) -> dict[str, str]:
    """The bilingual name of a region code (``guangzhou`` → 广州市 / Guangzhou)."""
    if code is None:
        return {"zh": "—", "en": "—"}
    regions = catalog()["regions"]
    if code not in regions:
        raise UnknownNameError("region", code, sorted(regions))
    return regions[code]["name"]


def parameter_description(name: str) -> dict[str, str]:
    """The bilingual description of a parameter (``minimum_wage.monthly`` → 月最低工资标准 …)."""
    params = catalog()["parameters"]
    if name not in params:
        raise UnknownNameError("parameter", name, sorted(params))
    return params[name]["description"]
