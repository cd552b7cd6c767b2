"""Checks of ``checkups/data/programme/*.yaml`` made when the catalog is compiled: every
area is a service area of ``services.yaml``, every citation an article of ``laws/``,
every text bilingual, every option id unique within its question."""

from __future__ import annotations

from compile_regions import DataError


def _bilingual(obj, where: str) -> None:
    if not (isinstance(obj, dict) and obj.get("zh") and obj.get("en")):
        raise DataError(f"{where}: needs non-empty 'zh' and 'en' (got {obj!r:.80})")


def _cites(cites, laws: dict, where: str) -> None:
    for c in cites or []:
        law, article = c.get("law"), str(c.get("article"))
        if article not in (laws.get(law, {}).get("articles") or {}):
            raise DataError(f"{where}: cites {law} {article}, which is not in laws/{law}.yaml")


def check_needs(needs: dict, laws: dict, services: dict) -> None:
    """Raise DataError on anything in ``programme/needs.yaml`` the survey could not use."""
    areas = {a["id"] for a in services["core"] + services.get("value_added", [])}
    for key in ("title", "intro", "note", "nothing"):
        _bilingual(needs.get(key), f"programme/needs.yaml {key}")
    seen = set()
    for q in needs.get("questions") or []:
        where = f"programme/needs.yaml question {q.get('id')!r}"
        if q.get("id") in seen or q.get("kind") not in ("one", "many"):
            raise DataError(f"{where}: needs a unique id and kind one|many")
        seen.add(q["id"])
        _bilingual(q.get("text"), where)
        _bilingual(q.get("label"), where)
        ids = [o.get("id") for o in q.get("options") or []]
        if not ids or len(ids) != len(set(ids)):
            raise DataError(f"{where}: options need unique ids")
        for o in q["options"]:
            _bilingual(o.get("text"), f"{where} option {o['id']!r}")
            for rec in o.get("recommends") or []:
                if rec.get("area") not in areas:
                    raise DataError(f"{where} option {o['id']!r}: {rec.get('area')!r} is not a service area")
                _bilingual(rec.get("reason"), f"{where} option {o['id']!r} reason")
                _cites(rec.get("citations"), laws, f"{where} option {o['id']!r}")


def check_agreement(doc: dict, laws: dict, services: dict) -> None:
    """Raise DataError on an ``areas`` or ``option`` in ``agreement/trusteeship.yaml`` the builder could not use."""
    areas = {a["id"] for a in services["core"] + services.get("value_added", [])}
    options = {o["id"] for o in doc.get("options") or []}
    for o in doc.get("options") or []:
        _bilingual(o.get("label"), f"agreement option {o.get('id')!r}")

    def check(item: dict, where: str) -> None:
        bad = set(item.get("areas") or []) - areas
        if bad:
            raise DataError(f"agreement/trusteeship.yaml {where}: {sorted(bad)} are not service areas")
        if "option" in item and item["option"] not in options:
            raise DataError(f"agreement/trusteeship.yaml {where}: option {item['option']!r} is not under 'options'")

    for clause in doc.get("clauses") or []:
        for n, p in enumerate(clause.get("paragraphs") or [], 1):
            check(p, f"clause {clause['id']} paragraph {n}")
        for c in clause.get("citations") or []:
            check(c, f"clause {clause['id']} citation {c}")
        _cites(clause.get("citations"), laws, f"agreement clause {clause['id']}")
    for row in doc.get("responsibility_matrix") or []:
        check({"areas": [row.get("area")]}, f"matrix row {row['task']['en']!r}")
    for level in doc.get("service_levels") or []:
        check(level, f"service level {level['service']['en']!r}")
