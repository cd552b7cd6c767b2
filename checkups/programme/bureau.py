"""Bureau view: the programme's totals from several agencies' portfolio audits (and scorecards).

Clients are matched across documents by (agency, ``client_id``): two agencies' clients never
merge even when their numbers (by default the file names) are the same; a client audited more than once is
compared between its first and last audit (by audit date): the findings fixed are the
(rule, employee) pairs found first and no longer found last, the new ones the reverse, and
the grade's move from first to last.  Scorecards (their results, ``checkups-scorecard-results/1``) give each
agency's subsidy tier; the view counts agencies by tier (with the band's label; a subsidy total only where amounts
were given: the scorecard's results carry none) and the agencies not scored apart.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..registry import catalog
from ..report_page import page_end, page_start
from ..text import fmt_money, round_fen
from .chart import list_chart
from .portfolio import FORMAT as PORTFOLIO
from .scorecard import FORMAT as SCORECARD_RESULTS
from .scorecard_report import L as SCORECARD_WORDS

__all__ = ["FORMAT", "bureau", "load", "parse", "to_html", "to_text"]

FORMAT = "checkups-bureau-results/1"  # the results; the tool page saves its form as checkups-bureau/1
SCORECARD = SCORECARD_RESULTS  # the scorecard's results (not its page's saved answers)
PORTFOLIO_BEFORE = "checkups-portfolio/1"  # the portfolio results' first name, now its tool page's saved form
WITHHELD = "not_eligible"  # the tier of a scored agency that fails a legal requirement (no band)
WITHHELD_LABEL = SCORECARD_WORDS["withheld"].as_dict()


def load(path: str | Path) -> dict[str, Any]:
    """One portfolio or scorecard JSON document; anything else is an InputError naming the file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), "a readable JSON file", exc.strerror or str(exc)) from None
    return parse(data, str(path))


def parse(data: bytes, name: str) -> dict[str, Any]:
    """A document's bytes (``name`` says which file, in messages) → the document, checked for its format."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(name, "a JSON document", f"not JSON ({exc})") from None
    kind = doc.get("format", "") if isinstance(doc, dict) else ""
    if kind == PORTFOLIO_BEFORE and "clients" in doc and "answers" not in doc:
        doc["format"] = kind = PORTFOLIO  # results exported before they were renamed (a saved form has answers)
    if kind != PORTFOLIO and not str(kind).startswith(SCORECARD):
        raise InputError(name, f"a {PORTFOLIO} or {SCORECARD}… document", kind or "a document without 'format'")
    problem = _portfolio_problem(doc) if kind == PORTFOLIO else _scorecard_problem(doc)
    if problem:
        raise InputError(name, f"a {kind} document as the kit writes it", problem)
    return doc


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _decimal(value: Any) -> bool:
    try:
        return isinstance(value, (str, int)) and not isinstance(value, bool) and Decimal(str(value)).is_finite()
    except ArithmeticError:
        return False


def _portfolio_problem(doc: dict[str, Any]) -> str | None:
    """What keeps a portfolio document from being totalled (the keys this view reads), or None.

    By hand, as ``portfolio.schema.json`` has them: the package has no run-time dependency."""
    if not _text(doc.get("agency")):
        return "no agency name ('agency')"
    try:
        date.fromisoformat(doc["as_of"] if isinstance(doc.get("as_of"), str) and len(doc["as_of"]) == 10 else "")
    except ValueError:
        return f"no audit date ('as_of': {doc.get('as_of')!r})"
    clients = doc.get("clients")
    if not isinstance(clients, list) or not all(isinstance(c, dict) for c in clients):
        return "no list of clients ('clients')"
    for n, c in enumerate(clients, 1):
        if c.get("status") != "audited":
            continue
        if not _text(c.get("client_id")) or not (c.get("grade") is None or _text(c.get("grade"))):
            return f"client {n}: no 'client_id' or a bad 'grade'"
        if not _decimal(c.get("amount_at_risk")) or not isinstance(c.get("employees"), int):
            return f"client {n}: a bad 'amount_at_risk' or 'employees'"
        keys = c.get("keys")
        if not isinstance(keys, list) or not all(
            isinstance(k, list) and len(k) == 2 and all(isinstance(x, str) for x in k) for k in keys
        ):
            return f"client {n}: bad finding keys ('keys')"
    return None


def _scorecard_problem(doc: dict[str, Any]) -> str | None:
    """What keeps a scorecard's results from being counted by tier (see ``scorecard.schema.json``), or None."""
    agencies = doc.get("agencies", doc.get("ranking"))
    if not isinstance(agencies, list) or not all(isinstance(a, dict) for a in agencies):
        return "no list of agencies ('agencies')"
    for n, a in enumerate(agencies, 1):
        tier = a.get("tier")
        if not (tier is None or isinstance(tier, str) or (isinstance(tier, dict) and isinstance(tier.get("id"), str))):
            return f"agency {n}: a bad 'tier'"
        if a.get("subsidy") not in (None, "") and not _decimal(a["subsidy"]):
            return f"agency {n}: a bad 'subsidy'"
    tiers = doc.get("tiers") or {}
    bands = tiers.get("bands") if isinstance(tiers, dict) else None
    if not isinstance(tiers, dict) or not (
        bands is None or (isinstance(bands, list) and all(isinstance(b, dict) for b in bands))
    ):
        return "bad bands ('tiers')"
    return None


def _labels(doc: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each band's bilingual label: the scorecard's own bands (they may be the bureau's), else the data's example."""
    example = catalog()["quality"]["evaluation_scorecard"]["subsidy_tiers"]["bands"]
    bands = (doc.get("tiers") or {}).get("bands") or []
    return {str(b["id"]): dict(b["label"]) for b in [*example, *bands] if "id" in b and isinstance(b.get("label"), dict)}


def _tiers(docs: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Scored agencies by tier (with its label, and a subsidy total only if some amount was given),
    and the agencies left unscored (tier null), from every scorecard's list of rated agencies."""
    tiers: dict[str, dict[str, Any]] = {}
    unscored: dict[str, Any] = {"agencies": 0, "names": []}
    for doc in docs:
        labels = _labels(doc)
        for entry in doc.get("agencies") or doc.get("ranking") or []:
            tier = entry.get("tier")
            tier = tier.get("id") if isinstance(tier, dict) else tier
            name = entry.get("agency") or entry.get("name") or ""
            if entry.get("tier_withheld"):
                tier = WITHHELD  # scored, but fails a legal requirement of the review
            if tier is None:
                unscored["agencies"] += 1
                unscored["names"].append(name)
                continue
            label = labels.get(str(tier), WITHHELD_LABEL if tier == WITHHELD else {"zh": str(tier), "en": str(tier)})
            slot = tiers.setdefault(str(tier), {"agencies": 0, "names": [], "label": label, "subsidy": None})
            slot["agencies"] += 1
            slot["names"].append(name)
            if entry.get("subsidy") not in (None, ""):
                slot["subsidy"] = (slot["subsidy"] or Decimal(0)) + Decimal(str(entry["subsidy"]))
    done = {k: {**v, "subsidy": None if v["subsidy"] is None else str(round_fen(v["subsidy"]))} for k, v in sorted(tiers.items())}
    return done, unscored


def bureau(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The programme's totals (see the module) from loaded documents."""
    audits: dict[tuple[str, str], list[tuple[str, int, dict[str, Any]]]] = {}
    agencies: set[str] = set()
    for n, doc in enumerate(d for d in docs if d.get("format") == PORTFOLIO):
        agencies.add(doc["agency"])
        for c in doc["clients"]:
            if c["status"] == "audited" and c["grade"] is not None:  # no grade: no row could be audited
                audits.setdefault((doc["agency"], c["client_id"]), []).append((doc["as_of"], n, c))
    moves: Counter[str] = Counter()
    fixed = new = compared = 0
    clients = []
    latest_money, latest_employees = Decimal(0), 0
    for (agency, client_id), seen in sorted(audits.items()):
        seen.sort(key=lambda s: (s[0], s[1]))
        first, last = seen[0][2], seen[-1][2]
        latest_money += Decimal(last["amount_at_risk"])
        latest_employees += last["employees"]
        row = {"client_id": client_id, "agency": agency, "audits": len(seen), "first": seen[0][0], "last": seen[-1][0],
               "grade_first": first["grade"], "grade_last": last["grade"], "fixed": 0, "new": 0}  # fmt: skip
        if seen[0][0] < seen[-1][0]:  # audited on two different days: compare the first with the last
            before, after = {tuple(k) for k in first["keys"]}, {tuple(k) for k in last["keys"]}
            row["fixed"], row["new"] = len(before - after), len(after - before)
            fixed, new, compared = fixed + row["fixed"], new + row["new"], compared + 1
            moves[f"{first['grade']}→{last['grade']}"] += 1
        clients.append(row)
    improved = sum(n for m, n in moves.items() if m[-1] < m[0])
    worsened = sum(n for m, n in moves.items() if m[-1] > m[0])
    totals = {
        "agencies": len(agencies),
        "enterprises": len(audits),
        "employees": latest_employees,
        "amount_at_risk": str(round_fen(latest_money)),
        "compared": compared,
        "findings_fixed": fixed,
        "findings_new": new,
        "grades_moved": dict(sorted(moves.items())),
        "improved": improved,
        "worsened": worsened,
        "unchanged": compared - improved - worsened,
    }
    tiers, unscored = _tiers([d for d in docs if str(d.get("format", "")).startswith(SCORECARD)])
    return {"format": FORMAT, "totals": totals, "subsidy_tiers": tiers, "not_scored": unscored, "clients": clients}


_L = {
    "title": ("托管项目汇总（人社部门）", "Programme totals (labour bureau)"),
    "agencies": ("托管机构", "Agencies"),
    "enterprises": ("覆盖企业", "Enterprises covered"),
    "employees": ("员工（最近一次检查）", "Employees (latest audit)"),
    "amount_at_risk": ("涉及金额（最近一次检查，元）", "Money at risk (latest audit, CNY)"),
    "compared": ("检查过两次以上的企业", "Enterprises audited twice or more"),
    "findings_fixed": ("已整改的问题", "Findings fixed"),
    "findings_new": ("新出现的问题", "New findings"),
    "improved": ("风险等级好转", "Grade improved"),
    "worsened": ("风险等级变差", "Grade worsened"),
    "unchanged": ("风险等级不变", "Grade unchanged"),
    "tiers": ("按补贴档次的机构", "Agencies by subsidy tier"),
    "subsidy": ("补贴金额", "Subsidy"),
    "not_scored": ("未评分的机构（评分表有无法使用的内容）", "Agencies not scored (a cell of the scorecard could not be used)"),
}


def _lab(key: str, lang: str) -> str:
    return _L[key][0 if lang == "zh" else 1]


def _pairs(doc: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    t = doc["totals"]
    keys = ("agencies", "enterprises", "employees", "amount_at_risk", "compared", "findings_fixed", "findings_new", "improved", "worsened", "unchanged")  # fmt: skip
    pairs = [(_lab(k, lang), str(t[k])) for k in keys]
    for v in doc["subsidy_tiers"].values():
        money = "" if v["subsidy"] is None else f" ({_lab('subsidy', lang)} {fmt_money(Decimal(v['subsidy']))})"
        pairs.append((f"{_lab('tiers', lang)}: {v['label'][lang]}", f"{v['agencies']}{money}"))
    if doc["not_scored"]["agencies"]:
        pairs.append((_lab("not_scored", lang), str(doc["not_scored"]["agencies"])))
    return pairs


def to_text(doc: dict[str, Any], lang: str) -> str:
    """The totals, one a line, then the grade moves."""
    lines = [_lab("title", lang), ""] + [f"{k}: {v}" for k, v in _pairs(doc, lang)]
    lines += [f"  {move}: {n}" for move, n in doc["totals"]["grades_moved"].items()]
    return "\n".join(lines) + "\n"


def to_html(doc: dict[str, Any], lang: str) -> str:
    """The totals as a printable page, with the grade moves as a chart."""
    moves = [(m, n, str(n)) for m, n in doc["totals"]["grades_moved"].items()]
    title = ("风险等级变化（企业数）", "Grade moves (enterprises)")[0 if lang == "zh" else 1]
    return "".join(
        [
            *page_start(_lab("title", lang), lang, _pairs(doc, lang)),
            f"<figure>{list_chart(title, moves)}</figure>",
            *page_end([], lang),
        ]
    )
