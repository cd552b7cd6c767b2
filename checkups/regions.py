"""Regions: provinces, cities and counties, their minimum-wage tiers on a date, and names.

``resolve("成都")``, ``resolve("510100")`` and ``resolve("chengdu")`` all give
``"chengdu"``.  ``chain("chengdu", on)`` is the lookup order on that day: the city, its
minimum-wage tier under the standard then in force (when confirmed), the province, the
nation.  Pure standard library, so it runs in Pyodide as in CPython.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .errors import shown
from .registry import UnknownNameError, catalog

__all__ = ["RegionError", "TierStatus", "chain", "children", "provinces", "resolve", "tier_status"]

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "特别行政区", "省", "市", "地区", "盟", "县", "区")


class RegionError(UnknownNameError):
    """A region the user named that is unknown or ambiguous; the message names candidates."""

    def __init__(self, text: str, candidates: list[str]):
        super().__init__("region", text, message=_message(text, candidates))
        self.candidates = candidates


def _label(region: str) -> str:
    entry = catalog()["regions"][region]
    parent = entry.get("parent")
    where = f", {catalog()['regions'][parent]['name']['zh']}" if parent and parent != "national" else ""
    return f"{region} ({entry['name']['zh']}{where}, {entry.get('code', entry['level'])})"


def _message(text: str, candidates: list[str]) -> str:
    if candidates:
        labels = "; ".join(_label(c) for c in candidates[:8])
        more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
        return f"region {shown(text)} is ambiguous: it may be {labels}{more}; give the id or the 6-digit code"
    return f"unknown region {shown(text)}: give a province or city by name (成都, 成都市), id (chengdu) or 6-digit code (510100)"


def _stem(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


_ETHNIC = re.compile(r"(?:蒙古|维吾尔|哈萨克|柯尔克孜|朝鲜|土家|布依|哈尼|傈僳|景颇|仡佬|回|藏|苗|彝|壮|侗|瑶|白|傣|黎|羌)族?")


@cache
def _index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Accepted spellings (lower-cased) → regions: the names themselves, then short forms of
    autonomous prefectures and counties (凉山 for 凉山彝族自治州), used only when no name matches."""
    primary: dict[str, list[str]] = {}
    secondary: dict[str, list[str]] = {}

    def add(index: dict[str, list[str]], key: str, region: str) -> None:
        found = index.setdefault(key.strip().lower(), [])
        if region not in found:
            found.append(region)

    for region, entry in catalog()["regions"].items():
        add(primary, region, region)
        if entry.get("code"):
            add(primary, entry["code"], region)
        if entry["level"] == "tier":
            continue
        zh, en = entry["name"]["zh"], entry["name"]["en"]
        for key in (zh, _stem(zh), en):
            add(primary, key, region)
        if zh.endswith(("自治州", "自治县")):
            add(secondary, _ETHNIC.sub("", zh[:-3]), region)
            add(secondary, re.sub(r"\s+\S+(\s+and\s+\S+)?\s+Autonomous\s+(Prefecture|County)$", "", en), region)
        for suffix in (" Prefecture", " League", " County", " District", " Forestry District"):
            if en.endswith(suffix):
                add(secondary, en[: -len(suffix)], region)
    return primary, secondary


@lru_cache(maxsize=1024)
def resolve(text: str | None) -> str:
    """The region id for an id, a Chinese name with or without 省/市/自治区/地区, an English name or a code.

    An exact full name or id wins over a shortened one (吉林市 is the city, 吉林省 the
    province, 吉林 is ambiguous).  Raises :class:`RegionError` naming the candidates.
    """
    if text is None or not str(text).strip():
        return "national"
    key = str(text).strip()
    regions = catalog()["regions"]
    if key in regions:
        return key
    primary, secondary = _index()
    found = primary.get(key.lower()) or secondary.get(key.lower(), [])
    exact = [r for r in found if key in (regions[r]["name"]["zh"], regions[r].get("code"))]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    raise RegionError(key, found)


@dataclass(frozen=True, slots=True)
class TierStatus:
    """A unit's minimum-wage tier under the standard in force on a day."""

    region: str
    tier: str | None  # the tier region (``sichuan.t1``), None when not tiered or not confirmed
    confirmed: bool  # False: the province sets tiers but this unit's is not known
    notice: str | None
    effective: dt.date | None
    note: dict[str, str] | None = None  # evidence for this unit's tier, e.g. counties in a lower tier


@cache
def _memberships(province: str) -> tuple[tuple[dt.date, dict[str, Any]], ...]:
    entries = catalog().get("tiers", {}).get(province, [])
    return tuple(sorted(((dt.date.fromisoformat(e["effective"]), e) for e in entries), key=lambda x: x[0]))


def _province(region: str) -> str | None:
    entry = catalog()["regions"][region]
    if entry["level"] == "province":
        return region
    return entry.get("province")


@lru_cache(maxsize=8192)
def tier_status(region: str, on: dt.date) -> TierStatus:
    """The tier of a city or county on a day (see :class:`TierStatus`)."""
    regions = catalog()["regions"]
    if region not in regions:
        raise UnknownNameError("region", region)
    province = _province(region)
    if regions[region]["level"] not in ("city", "county") or province is None:
        return TierStatus(region, None, True, None, None)
    current = None
    for effective, entry in _memberships(province):
        if effective <= on:
            current = (effective, entry)
    if current is None:
        return TierStatus(region, None, True, None, None)
    effective, entry = current
    if entry["whole"]:
        return TierStatus(region, None, True, entry["notice"], effective)
    tier = entry["members"].get(region)
    note = (entry.get("unit_notes") or {}).get(region)
    return TierStatus(region, tier, tier is not None, entry["notice"], effective, note)


@lru_cache(maxsize=8192)
def chain(region: str | None, on: dt.date) -> tuple[str, ...]:
    """The lookup order on ``on``: the region, its tier then (if confirmed), its ancestors."""
    regions = catalog()["regions"]
    code = region or "national"
    if code not in regions:
        raise UnknownNameError("region", code, sorted(k for k, v in regions.items() if v["level"] == "province"))
    out = [code]
    status = tier_status(code, on)
    if status.tier:
        out.append(status.tier)
    parent = regions[code].get("parent")
    while parent:
        out.append(parent)
        parent = regions[parent].get("parent")
    return tuple(out)


def provinces() -> list[str]:
    """The 31 provincial-level regions, by code."""
    regions = catalog()["regions"]
    return sorted((k for k, v in regions.items() if v["level"] == "province"), key=lambda k: regions[k]["code"])


def children(province: str) -> list[str]:
    """A province's cities and counties, by code."""
    regions = catalog()["regions"]
    found = [k for k, v in regions.items() if v.get("province") == province and v["level"] in ("city", "county")]
    return sorted(found, key=lambda k: regions[k]["code"])
