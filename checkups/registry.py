"""The compiled catalog: laws and articles, parameters, rules, regions, services.

Reads ``data/catalog.json`` (compiled from the YAML by ``scripts/compile_data.py``)
once, lazily.  Pure standard library, so it runs in Pyodide as in CPython.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .errors import UnknownNameError

__all__ = ["ADVICE", "Article", "Citation", "Rule", "UnknownNameError", "area_name", "article", "catalog", "law",
    "parameter_description", "parse_cites", "region_name", "render_cites", "render_text", "rule", "rules"]  # fmt: skip

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@cache
def catalog() -> dict[str, Any]:
    """The whole compiled catalog (parsed once)."""
    text = resources.files("checkups").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return json.loads(text)


_POINT = re.compile(r"^¶(\d+)(?:\((\d+)\))?$")
_SECONDARY = {"zh": "（二手来源）", "en": " (secondary source)"}


@dataclass(frozen=True, slots=True)
class Citation:
    """A law code and article number, e.g. ``Citation("LCL", "82")``, optionally a point in it.

    This class makes every label, anchor and link of an article that reports, the
    notebook UI and the site show: :meth:`label`, :attr:`anchor`, :attr:`page`,
    :meth:`href`.  ``point`` is a paragraph and item (``"¶1(2)"``), shown in labels only.
    """

    law: str
    article: str
    point: str = ""

    def __str__(self) -> str:
        return f"{self.law} {self.article}" + (f" {self.point}" if self.point else "")

    @classmethod
    def parse(cls, text: str) -> Citation:
        """``"LCL 82"``, ``"LCL 26 ¶1(2)"`` → a citation (raises ``ValueError`` on anything else)."""
        parts = text.split()
        if len(parts) not in (2, 3) or (len(parts) == 3 and not _POINT.match(parts[2])):
            raise ValueError(f"not a citation: {text!r} (expected e.g. 'LCL 82' or 'LCL 26 ¶1(2)')")
        return cls(*parts)

    @property
    def anchor(self) -> str:
        """The fragment id used for this article on the site and in reports (``lcl-82``)."""
        return f"{self.law.lower()}-{self.article}"

    @property
    def page(self) -> str:
        """The site page of the instrument, from the site root, without suffix (``law/lcl``)."""
        return f"law/{self.law.lower()}"

    def label(self, lang: str, *, long: bool = False, mark_secondary: bool = False) -> str:
        """``《劳动合同法》第82条`` / ``LCL 82``; ``long``: ``Labour Contract Law, art. 82 (LCL 82)``."""
        entry = catalog()["laws"].get(self.law, {})
        short = (entry.get("short") or entry.get("name") or {}).get(lang) or self.law
        m = _POINT.match(self.point)
        if lang == "zh":
            point = "" if not m else f"第{m.group(1)}款" + (f"第{m.group(2)}项" if m.group(2) else "")
            text = f"《{short}》第{self.article}条{point}"
        else:
            text = f"{short}, art. {self.article} ({self})" if long else str(self)
        return text + (_SECONDARY[lang] if mark_secondary and not entry.get("text_verified") else "")

    def href(self, base: str | None = None, *, lang: str = "en", markdown: bool = False) -> str:
        """A link to the article: ``#lcl-82`` within a report (no ``base``); on the built site
        ``{base}law/lcl/#lcl-82`` (Chinese, at the site's root) or ``{base}en/law/lcl/#lcl-82``; between
        the site's Markdown sources ``{base}law/lcl.md#lcl-82``."""
        if base is None:
            return f"#{self.anchor}"
        if markdown:
            return f"{base}{self.page}.md#{self.anchor}"
        return f"{base}{'' if lang == 'zh' else lang + '/'}{self.page}/#{self.anchor}"


#: ``{cite: LCL 82}``, ``{cite: LCL 38, 46}``, ``{cite: LCL 26 ¶1(2)}`` inside a YAML text
CITE = re.compile(r"\{cite:\s*([A-Za-z][A-Za-z0-9-]*)\s+([^{}]+?)\s*\}")


def _group(m: re.Match) -> list[Citation]:
    return [Citation.parse(f"{m.group(1)} {a.strip()}") for a in m.group(2).split(",")]


def parse_cites(text: str) -> list[list[Citation]]:
    """The citations of every ``{cite: …}`` placeholder in ``text`` (``ValueError`` if malformed)."""
    return [_group(m) for m in CITE.finditer(text)]


def render_cites(text: str, lang: str, link: Callable[[Citation, str], str] | None = None) -> str:
    """``text`` with each ``{cite: …}`` as its label (``link(citation, label)`` makes each a link).

    ``{cite: LCL 38, 46}`` reads ``《劳动合同法》第38条、第46条`` / ``LCL 38, 46``.
    """

    def one(m: re.Match) -> str:
        cites, out = _group(m), []
        for i, c in enumerate(cites):
            label = c.label(lang, mark_secondary=i == len(cites) - 1)
            if i:  # later articles of the same instrument: the number alone
                label = label.split("》", 1)[1] if lang == "zh" else label.removeprefix(f"{c.law} ")
            out.append(link(c, label) if link else label)
        return ("、" if lang == "zh" else ", ").join(out)

    return CITE.sub(one, text)


def render_text(obj: dict[str, str], link: Callable[[Citation, str], str] | None = None) -> dict[str, str]:
    """A ``{zh, en}`` text with its ``{cite: …}`` placeholders rendered in each language."""
    return {lang: render_cites(value, lang, link) for lang, value in obj.items()}


ADVICE = {"zh": "建议做法，非法定义务", "en": "Good practice, not a legal duty"}


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
    """One check of the catalog (see ``data/README.md``). Texts have their ``{cite: …}``
    rendered as labels; ``source`` keeps message, consequence and remediation as written."""

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
    amount: tuple[dict[str, Any], ...] = ()
    amount_range: dict[str, Any] | None = None
    applies_in: tuple[str, ...] = ()
    basis: str = "law"
    dated_basis: dict[str, Any] | None = None
    source: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def citation(self) -> Citation:
        """The primary citation (the first listed)."""
        return self.citations[0]

    @property
    def advice(self) -> bool:
        """True for good practice that no law requires (``basis: advice``)."""
        return self.basis == "advice"

    def where(self, lang: str) -> str | None:
        """The region condition as the user reads it (``仅适用于：广东省``), or None."""
        if not self.applies_in:
            return None
        names = [region_name(r)[lang] for r in self.applies_in]
        return f"仅适用于：{'、'.join(names)}" if lang == "zh" else f"Applies only in: {', '.join(names)}"


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


def _amount(spec: Any) -> tuple[dict[str, Any], ...]:
    """``amount:`` as a tuple of terms (one mapping or a list of them in the YAML)."""
    if not spec:
        return ()
    return tuple(spec) if isinstance(spec, list) else (spec,)


@cache
def _rules() -> dict[str, Rule]:
    out = {}
    for rule_id, raw in catalog()["rules"].items():
        texts = {k: raw[k] for k in ("message", "consequence", "remediation")}
        out[rule_id] = Rule(
            id=rule_id,
            area=raw["area"],
            severity=raw["severity"],
            scope=raw["scope"],
            title=raw["title"],
            citations=tuple(Citation(c["law"], c["article"]) for c in raw["citations"]),
            questions=tuple(
                {**q, **{k: render_text(q[k]) for k in ("text", "help") if k in q}} for q in raw.get("questions") or ()
            ),
            fails_when=tuple(raw.get("fails_when") or ()),
            applies_if=raw.get("applies_if"),
            amount=_amount(raw.get("amount")),
            amount_range=raw.get("amount_range"),
            applies_in=tuple(raw.get("applies_in") or ()),
            basis=raw.get("basis", "law"),
            dated_basis=raw.get("dated_basis"),
            source=texts,
            **{k: render_text(v) for k, v in texts.items()},
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
