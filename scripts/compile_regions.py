"""Compile ``checkups/data/regions/*.yaml``: the region tree, minimum-wage tiers and standards.

Each province file holds its cities (and county-level units where figures are set by
county), and its minimum-wage standards by notice: every standard lists its tiers with
the monthly and hourly figures and the units in each tier.  The compiler turns that into

- ``regions``: a flat map id → name, level, parent, code (tiers are regions of level
  ``tier`` whose parent is the province);
- ``tiers``: per province, the dated tier membership of each standard;
- the values of ``minimum_wage.monthly`` and ``minimum_wage.hourly``, region by region,
  so that :func:`checkups.timeline.value_at` finds them like any other figure.

A province with tiers gets a ``null`` value from each tiered standard's date, so a city
whose tier is not confirmed asks for the figure instead of taking a stale one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

LEVELS = ("national", "province", "tier", "city", "county")
TIER_NAMES = "一二三四五六七八"
_CODE = re.compile(r"^[1-9]\d{5}$")
_PARAMS = {"monthly": "minimum_wage.monthly", "hourly": "minimum_wage.hourly"}


def tier_id(province: str, tier: int) -> str:
    """The region id of a province's minimum-wage tier (``sichuan.t1``)."""
    return f"{province}.t{tier}"


class DataError(Exception):
    """A data file breaks the schema in checkups/data/README.md."""


def _check(cond: bool, path: Path, what: str) -> None:
    if not cond:
        raise DataError(f"regions/{path.name}: {what}")


def _unit(uid: str, raw: dict, province: str, path: Path) -> dict:
    _check(bool(re.fullmatch(r"[a-z]+(-[a-z]+)?", uid)), path, f"unit id {uid!r} must be lowercase pinyin")
    _check(bool(_CODE.match(str(raw.get("code", "")))), path, f"{uid}: 'code' must be 6 digits (GB/T 2260)")
    name = raw.get("name") or {}
    _check(bool(name.get("zh") and name.get("en")), path, f"{uid}: 'name' needs zh and en")
    level = raw.get("level", "city")
    _check(level in ("city", "county"), path, f"{uid}: level must be city or county")
    return {"name": name, "level": level, "parent": province, "code": str(raw["code"]), "province": province}


def _standard_values(std: dict, province: str, path: Path, values: dict, seen_tiers: set[int]) -> dict | None:
    """Add one standard's figures to ``values``; return its tier membership (None for a city's own)."""
    for key in ("effective", "source", "verified", "notice", "tiers"):
        _check(key in std, path, f"standard {std.get('effective')} needs {key!r}")
    base = {k: std[k] for k in ("effective", "source", "verified")}
    base["notice"] = std["notice"]
    note = dict(std.get("note") or {"zh": "", "en": ""})
    if std.get("effective_confirmed") is False:  # the day it started is not known, only that it was in force by then
        base["effective_confirmed"] = False
        note = {
            "zh": f"生效日期未查到：仅能确认该标准最迟自 {std['effective']} 起执行，此前的查询不使用它。{note['zh']}",
            "en": f"Start date not found: the standard is known to be in force by {std['effective']}; "
            f"earlier dates do not use it. {note['en']}",
        }
    if note["zh"] or note["en"]:
        base["note"] = note
    tiers = std["tiers"]
    own = std.get("region")
    whole = own is None and len(tiers) == 1 and "units" not in tiers[0]
    members: dict[str, str] = {}
    numbers = [t["tier"] for t in tiers]
    _check(numbers == list(range(1, len(tiers) + 1)), path, f"standard {std['effective']}: tiers must be 1, 2, … in order")
    for t in tiers:
        target = own or (province if whole else tier_id(province, t["tier"]))
        for field, param in _PARAMS.items():
            _check(field in t, path, f"standard {std['effective']} tier {t['tier']} needs {field!r} (null if not found)")
            entry = {**base, "value": t[field]}
            if t.get("note"):
                entry["note"] = t["note"]
            if t[field] is None:
                _check(bool(t.get("note")), path, f"standard {std['effective']} tier {t['tier']}: a null {field} needs a note")
            values[param].setdefault(target, []).append(entry)
        if not (own or whole):
            for unit in t.get("units") or []:
                _check(unit not in members, path, f"standard {std['effective']}: {unit} is in two tiers")
                members[unit] = tier_id(province, t["tier"])
    if own:
        return None
    if whole:
        return {"effective": std["effective"], "notice": std["notice"], "whole": True, "members": {}}
    for number in seen_tiers - set(numbers):  # a tier the new standard dropped has no figure from then on
        for param in _PARAMS.values():
            note = {"zh": "本次标准不再设此档。", "en": "The new standard no longer has this tier."}
            values[param].setdefault(tier_id(province, number), []).append({**base, "value": None, "note": note})
    seen_tiers.update(numbers)
    for param in _PARAMS.values():
        note = {
            "zh": "该省按地区分档：请选择城市（或区县），或填写所在地的标准。",
            "en": "The province sets tiers by area: pick the city (or county), or enter the local figure.",
        }
        values[param].setdefault(province, []).append({**base, "value": None, "note": note})
    out = {"effective": std["effective"], "notice": std["notice"], "whole": False, "members": members}
    for uid in std.get("unit_notes") or {}:
        _check(uid in members, path, f"standard {std['effective']}: a note on {uid}, which is in no tier")
    if std.get("unit_notes"):
        out["unit_notes"] = std["unit_notes"]
    return out


def build(data: Path, load) -> tuple[dict, dict, dict]:
    """``(regions, tiers, values)`` from ``data/regions``; ``load`` reads one YAML file."""
    root = data / "regions"
    national = load(root / "national.yaml")
    regions: dict[str, dict[str, Any]] = {"national": {"name": national["name"], "level": "national", "parent": None}}
    tiers: dict[str, list[dict]] = {}
    values: dict[str, dict[str, list]] = {p: {} for p in _PARAMS.values()}
    codes: dict[str, str] = {}
    for path in sorted(root.glob("*.yaml")):
        if path.stem == "national":
            continue
        province = path.stem
        raw = load(path)
        _check(bool(_CODE.match(str(raw.get("code", "")))) and str(raw["code"]).endswith("0000"), path, "'code' must be NN0000")
        regions[province] = {"name": raw["name"], "level": "province", "parent": "national", "code": str(raw["code"])}
        for uid, unit in (raw.get("units") or {}).items():
            _check(uid not in regions, path, f"unit id {uid!r} is used twice")
            regions[uid] = _unit(uid, unit, province, path)
        for region_id, region in list(regions.items()):
            code = region.get("code")
            if code and region.get("province", region_id) == province:
                _check(code not in codes, path, f"code {code} is used by {codes.get(code)} and {region_id}")
                codes[code] = region_id
        seen: set[int] = set()
        standards = sorted(raw.get("minimum_wage") or [], key=lambda s: s["effective"])
        _check(bool(standards), path, "at least one minimum-wage standard is required")
        for std in standards:
            if std.get("region"):
                _check(regions.get(std["region"], {}).get("province") == province, path, f"{std['region']} is not a unit here")
            members = _standard_values(std, province, path, values, seen)
            if members is None:
                continue
            for unit in members["members"]:
                _check(unit in regions and regions[unit].get("province") == province, path, f"unknown unit {unit!r}")
            tiers.setdefault(province, []).append(members)
        for number in sorted(seen):
            name = {
                "zh": f"{raw['name']['zh']}{TIER_NAMES[number - 1]}类地区",
                "en": f"{raw['name']['en']} tier {number}",
            }
            regions[tier_id(province, number)] = {"name": name, "level": "tier", "parent": province, "tier": number}
    return regions, tiers, values
