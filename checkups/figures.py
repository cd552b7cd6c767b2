"""Figures in force on a day: for one region, for the whole country, and their national bounds.

``in_force(on)`` lists every stored value in force on ``on`` (the national table);
``in_force(on, region="chengdu")`` the value each parameter takes for Chengdu, from
whichever level it comes (city, tier, province, nation).  ``bounds`` gives the lowest and
highest value in force anywhere (or within a province), derived from the data, so a
calculation can tell when a missing local figure cannot change its result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import regions
from .registry import catalog
from .timeline import MissingFigureError, ParamValue, value_at

__all__ = ["Figure", "bounds", "in_force"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in force: where it is set, what it is, and where it comes from."""

    region: str
    name: dict[str, str]
    level: str
    parameter: str
    value: Any
    unit: str
    effective: str
    verified: bool
    source: str
    basis: str | None = None
    data_year: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``figures --format json``)."""
        out = {k: getattr(self, k) for k in ("region", "name", "level", "parameter", "value", "unit", "effective", "verified")}
        out["source"] = self.source
        if self.basis:
            out["basis"], out["data_year"] = self.basis, self.data_year
        return out


def _figure(region: str, parameter: str, entry: dict[str, Any], effective: dt.date) -> Figure:
    info = catalog()["regions"][region]
    return Figure(
        region=region,
        name=info["name"],
        level=info["level"],
        parameter=parameter,
        value=entry["value"],
        unit=catalog()["parameters"][parameter]["unit"],
        effective=effective.isoformat(),
        verified=bool(entry["verified"]),
        source=entry["source"],
        basis=entry.get("basis"),
        data_year=entry.get("data_year"),
    )


def _from_value(p: ParamValue) -> Figure:
    entry = {"value": p.value, "verified": p.verified, "source": p.source, "basis": p.basis, "data_year": p.data_year}
    return _figure(p.region, p.name, entry, p.effective)


@lru_cache(maxsize=64)
def _stored(on: dt.date, parameter: str) -> tuple[Figure, ...]:
    """Each region's own value of ``parameter`` in force on ``on`` (nulls included)."""
    out = []
    for region, entries in catalog()["parameters"][parameter]["values"].items():
        current = None
        for entry in entries:
            if dt.date.fromisoformat(entry["effective"]) <= on:
                current = entry
        if current is not None:
            out.append(_figure(region, parameter, current, dt.date.fromisoformat(current["effective"])))
    order = {r: i for i, r in enumerate(catalog()["regions"])}
    return tuple(sorted(out, key=lambda f: order.get(f.region, 1 << 30)))


def in_force(on: dt.date, region: str | None = None, parameter: str | None = None) -> list[Figure]:
    """Figures in force on ``on``: everywhere (no region) or as they apply to one region.

    For a region, each parameter's value is the one :func:`checkups.timeline.value_at`
    finds; a parameter with no figure there is listed with value ``None``.
    """
    names = [parameter] if parameter else sorted(catalog()["parameters"])
    if parameter and parameter not in catalog()["parameters"]:
        value_at(parameter, on)  # raises UnknownNameError naming the parameters
    if region is None:
        return [f for name in names for f in _stored(on, name)]
    rid = regions.resolve(region)
    out = []
    for name in names:
        try:
            out.append(_from_value(value_at(name, on, rid)))
        except MissingFigureError:
            unit = catalog()["parameters"][name]["unit"]
            info = catalog()["regions"][rid]
            out.append(Figure(rid, info["name"], info["level"], name, None, unit, on.isoformat(), False, "no figure"))
    return out


@lru_cache(maxsize=256)
def bounds(parameter: str, on: dt.date, within: str | None = None) -> tuple[Figure, Figure] | None:
    """The lowest and highest value of ``parameter`` in force on ``on`` anywhere, or within a province.

    ``within`` is a region id; its province's own, tier and city values count.  None when
    no number is in force there.
    """
    province = None
    if within and within != "national":
        info = catalog()["regions"][within]
        province = within if info["level"] == "province" else info.get("province") or info.get("parent")
    found = []
    for f in _stored(on, parameter):
        if not isinstance(f.value, (int, float)) or isinstance(f.value, bool):
            continue
        if province:
            info = catalog()["regions"][f.region]
            if province not in (f.region, info.get("province"), info.get("parent")):
                continue
        found.append(f)
    if not found:
        return None
    return min(found, key=lambda f: f.value), max(found, key=lambda f: f.value)
