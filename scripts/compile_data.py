"""Compile ``checkups/data/**/*.yaml`` into ``checkups/data/catalog.json``.

The browser runtime has no YAML parser, so the package reads only the compiled JSON.
Run after editing any YAML file; ``tests/test_data_integrity.py`` fails when the
committed catalog is stale.  It then writes the JSON Schemas (``scripts/compile_schemas.py``),
which name the catalog's rules, questions and figures.  ``--check`` exits 1 instead of writing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml
from compile_programme import check_agreement, check_needs
from compile_regions import DataError
from compile_regions import build as build_regions
from compile_rules import compile_rules

DATA = Path(__file__).resolve().parents[1] / "checkups" / "data"
CATALOG = DATA / "catalog.json"


def _plain(value):
    """Dates to ISO strings, recursively, so the result is JSON."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load(path: Path):
    try:
        return _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from None


def _require(cond: bool, path: Path, what: str) -> None:
    if not cond:
        raise DataError(f"{path.relative_to(DATA)}: {what}")


def _bilingual(obj, path: Path, field: str) -> None:
    _require(
        isinstance(obj, dict) and obj.get("zh") and obj.get("en"),
        path,
        f"'{field}' must have non-empty 'zh' and 'en' (got {obj!r:.80})",
    )


def _laws() -> dict:
    laws = {}
    for path in sorted((DATA / "laws").glob("*.yaml")):
        law = _load(path)
        _require(law.get("code") == path.stem, path, f"'code' must be {path.stem!r}")
        _bilingual(law.get("name"), path, "name")
        for number, art in (law.get("articles") or {}).items():
            _require(isinstance(art, dict) and art.get("en"), path, f"article {number} needs 'en'")
        laws[path.stem] = law
    return laws


def _parameters(regional: dict) -> dict:
    """Every parameter file, with the minimum-wage figures of the region files merged in."""
    params = {}
    root = DATA / "parameters"
    for path in sorted(root.rglob("*.yaml")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        param = _load(path)
        _bilingual(param.get("description"), path, "description")
        _require(bool(param.get("unit")), path, "'unit' is required")
        values = param.get("values")
        _require(isinstance(values, dict) and values, path, "'values' must map regions to lists")
        for region, entries in regional.get(name, {}).items():
            _require(region not in values, path, f"{region}: figures come from regions/, not from here")
            values[region] = list(entries)
        for region, entries in values.items():
            for entry in entries:
                for key in ("effective", "source", "verified"):
                    _require(key in entry, path, f"{region} value needs {key!r} (got {entry!r:.80})")
                _require("value" in entry, path, f"{region} {entry['effective']} needs 'value'")
            entries.sort(key=lambda e: e["effective"])
        params[name] = param
    return params


def _folder(name: str) -> dict:
    """Every YAML file of a folder, by file name (``quality/needs_survey.yaml`` → ``needs_survey``)."""
    found = {}
    for path in sorted((DATA / name).glob("*.yaml")):
        item = _load(path)
        _bilingual(item.get("title"), path, "title")
        found[path.stem] = item
    return found


def _notices() -> dict:
    """The roster audit's notices: bilingual texts with their citations and placeholders."""
    path = DATA / "notices.yaml"
    notices = _load(path)
    for key, notice in notices.items():
        _bilingual(notice.get("text"), path, f"{key} text")
        for cite in notice.get("citations") or []:
            _require(isinstance(cite.get("article"), str) and cite.get("law"), path, f"{key}: bad citation {cite!r}")
        for lang in ("zh", "en"):
            used = set(re.findall(r"{(\w+)}", notice["text"][lang]))
            _require(used <= set(notice.get("placeholders") or []), path, f"{key}: undeclared placeholders {used}")
    return notices


def _programme(laws: dict) -> dict:
    """The programme tools' data, checked against the service areas and the laws."""
    found = {path.stem: _load(path) for path in sorted((DATA / "programme").glob("*.yaml"))}
    services = _load(DATA / "services.yaml")
    if "needs" in found:
        check_needs(found["needs"], laws, services)
    check_agreement(_load(DATA / "agreement" / "trusteeship.yaml"), laws, services)
    return found


def _quality() -> dict:
    """The quality tools; the scorecard's ids, weights and bands checked as the scorecard reads them."""
    from checkups.programme.scorecard_items import check_data

    found = _folder("quality")
    try:
        check_data(found["evaluation_scorecard"], found["qualification_review"])
    except ValueError as exc:
        raise DataError(f"quality/evaluation_scorecard.yaml: {exc}") from None
    return found


def build() -> dict:
    """The whole catalog as a JSON-ready dict."""
    updates = _load(DATA / "updates.yaml") if (DATA / "updates.yaml").exists() else []
    regions, tiers, regional = build_regions(DATA, _load)
    laws, params, questionnaire = _laws(), _parameters(regional), _load(DATA / "questionnaire.yaml")
    return {
        "laws": laws,
        "parameters": params,
        "rules": compile_rules(DATA / "rules", _load, laws, regions, questionnaire["screening"], params),
        "notices": _notices(),
        "regions": regions,
        "tiers": tiers,
        "services": _load(DATA / "services.yaml"),
        "questionnaire": questionnaire,
        "quality": _quality(),
        "agreement": _folder("agreement"),
        "documents": _folder("documents"),
        "programme": _programme(laws),
        "updates": sorted(updates, key=lambda u: u["date"], reverse=True),
    }


def render() -> str:
    """The catalog file's exact text (deterministic)."""
    return json.dumps(build(), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if catalog.json is stale")
    args = parser.parse_args(argv)
    try:
        text = render()
    except DataError as exc:
        print(f"compile_data: {exc}", file=sys.stderr)
        return 2
    current = CATALOG.read_text(encoding="utf-8") if CATALOG.exists() else ""
    if text == current:
        print("catalog.json is up to date")
    elif args.check:
        print("catalog.json is stale: run python scripts/compile_data.py", file=sys.stderr)
        return 1
    else:
        CATALOG.write_text(text, encoding="utf-8")
        print(f"wrote {CATALOG.relative_to(Path.cwd()) if CATALOG.is_relative_to(Path.cwd()) else CATALOG}")
    import compile_schemas  # imported once the catalog is written: the schemas name its rules, questions and figures

    return compile_schemas.main(["--check"] if args.check else [])


if __name__ == "__main__":
    sys.exit(main())
