"""The scorecard's data as the package reads it: the service evaluation's indicators
(``quality/evaluation_scorecard.yaml``), the qualification review's items
(``quality/qualification_review.yaml``) and the subsidy bands (the bureau's example, or the
user's own), with the checks the data must pass."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..registry import Citation, catalog
from ..text import Text, to_number

__all__ = [
    "AGENCY",
    "QUALIFICATION",
    "Band",
    "Indicator",
    "Requirement",
    "bands",
    "check_data",
    "column_title",
    "columns",
    "header_ids",
    "indicators",
    "requirements",
]

AGENCY = "agency"
QUALIFICATION = "q_"  # prefix of a qualification-review column
REVIEW = Text("资质审核：", "Review: ")  # before a review item's title in a header
_AGENCY = Text("机构", "Agency")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One item of the service evaluation: its column id, section, text, points and evidence."""

    id: str
    section: Text
    text: Text
    title: Text  # short: the Chinese template's header, and messages
    weight: Decimal
    evidence: Text
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Requirement:
    """One item of the qualification review; ``legal``: it cites the law that requires it."""

    id: str
    section: Text
    text: Text
    title: Text
    legal: bool
    may_not_apply: bool


@dataclass(frozen=True, slots=True)
class Band:
    """A subsidy band: a score at or above ``min`` (and below the band above) falls in it."""

    id: str
    min: Decimal
    label: Text


def _items(tool: dict) -> list[tuple[Text, dict]]:
    return [(Text(**s["heading"]), item) for s in tool["sections"] for item in s["items"]]


def indicators() -> list[Indicator]:
    """The service evaluation's indicators, in the scorecard's order."""
    return [
        Indicator(
            i["id"],
            head,
            Text(**i["text"]),
            Text(**i["title"]),
            Decimal(str(i["weight"])),
            Text(**i["evidence"]),
            tuple(Citation(c["law"], str(c["article"])) for c in i.get("citations", [])),
        )
        for head, i in _items(catalog()["quality"]["evaluation_scorecard"])
    ]


def requirements() -> list[Requirement]:
    """The qualification review's items, in the checklist's order."""
    return [
        Requirement(i["id"], head, Text(**i["text"]), Text(**i["title"]), bool(i.get("citations")), bool(i.get("may_not_apply")))
        for head, i in _items(catalog()["quality"]["qualification_review"])
    ]


def columns(review: bool = True) -> list[tuple[str, Text]]:
    """Every column of the scorecard in the template's order: id and its header in each language."""
    out = [(AGENCY, _AGENCY)] + [(i.id, i.title) for i in indicators()]
    if review:
        out += [(QUALIFICATION + r.id, Text(REVIEW.zh + r.title.zh, REVIEW.en + r.title.en)) for r in requirements()]
    return out


def column_title(column: str, lang: str) -> str:
    """A column as a person reads it: its title in ``lang`` and its id (``column`` if unknown)."""
    title = dict(columns()).get(column)
    if title is None or column == AGENCY:
        return column if title is None else title.get(lang)
    return f"{title.zh}（{column}）" if lang == "zh" else f"{title.en} ({column})"


def header_ids() -> dict[str, str]:
    """Header text → column id: the ids, and each column's title in either language."""
    found = {c: c for c, _ in columns()}
    for c, title in columns():
        found |= {title.zh: c, title.en: c}
    return found


def _checked_bands(found: list[Band]) -> list[Band]:
    mins = [b.min for b in found]
    if not found or mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins) or mins[-1] != 0:
        raise InputError("tiers", "bands from the highest down, each lower than the one above, the last at 0", mins)
    return found


def bands(overrides: Mapping[str, Any] | None = None) -> list[Band]:
    """The subsidy bands (the bureau's example unless ``overrides`` gives band id → lowest score)."""
    data = catalog()["quality"]["evaluation_scorecard"]["subsidy_tiers"]["bands"]
    overrides = dict(overrides or {})
    unknown = set(overrides) - {b["id"] for b in data}
    if unknown:
        raise InputError("tiers", "one of " + ", ".join(b["id"] for b in data), sorted(unknown)[0])
    found = [Band(b["id"], to_number(overrides.get(b["id"], b["min"]), f"tiers.{b['id']}"), Text(**b["label"])) for b in data]
    return _checked_bands(found)


def check_data(card: dict, review: dict) -> None:
    """What the data must hold (``scripts/compile_data.py`` runs it): unique ids and titles, weights that add
    up to 100, bands from the highest down to 0.  Raises ``ValueError`` naming the fault."""
    items = [i for s in card["sections"] for i in s["items"]]
    ids = [i.get("id") for i in items] + [QUALIFICATION + str(i.get("id")) for s in review["sections"] for i in s["items"]]
    if None in ids or len(set(ids)) != len(ids):
        raise ValueError(f"scorecard and review items need unique ids (got {ids})")
    every = items + [i for s in review["sections"] for i in s["items"]]
    untitled = [
        i["id"] for i in every if not (isinstance(i.get("title"), dict) and i["title"].get("zh") and i["title"].get("en"))
    ]
    if untitled:
        raise ValueError(f"scorecard and review items need a title {{zh, en}} (missing: {', '.join(untitled)})")
    titles = [i["title"][lang] for i in every for lang in ("zh", "en")]
    if len(set(titles)) != len(titles):
        raise ValueError("scorecard and review items need titles used only once")
    total = sum(Decimal(str(i["weight"])) for i in items)
    if total != 100:
        raise ValueError(f"the scorecard's weights must add up to 100 (got {total})")
    mins = [Decimal(str(b["min"])) for b in card["subsidy_tiers"]["bands"]]
    if mins != sorted(set(mins), reverse=True) or mins[-1] != 0:
        raise ValueError(f"subsidy bands must go from the highest down to 0 (got {mins})")
