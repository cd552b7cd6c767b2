"""Bureau view: the programme's totals from several agencies' portfolio audits (and scorecards).

Clients are matched across documents by ``client_id``; a client audited more than once is
compared between its first and last audit (by audit date): the findings fixed are the
(rule, employee) pairs found first and no longer found last, the new ones the reverse, and
the grade's move from first to last.  Scorecards (their results, ``checkups-scorecard-results/1``) give each
agency's subsidy tier; the view counts agencies (and any subsidy amounts given) by tier.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..report_page import page_end, page_start
from ..text import round_fen
from .bars import bar_chart
from .portfolio import FORMAT as PORTFOLIO
from .scorecard import FORMAT as SCORECARD_RESULTS

__all__ = ["FORMAT", "bureau", "load", "parse", "to_html", "to_text"]

FORMAT = "checkups-bureau/1"
SCORECARD = SCORECARD_RESULTS  # the scorecard's results (not its page's saved answers)
WITHHELD = "not_eligible"  # the tier of a scored agency that fails a legal requirement (no band)


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
    if kind != PORTFOLIO and not str(kind).startswith(SCORECARD):
        raise InputError(name, f"a {PORTFOLIO} or {SCORECARD}… document", kind or "a document without 'format'")
    return doc


def _tiers(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Agencies and subsidy amounts by tier, from every scorecard's list of rated agencies."""
    tiers: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for entry in doc.get("agencies") or doc.get("ranking") or []:
            tier = entry.get("tier")
            tier = tier.get("id") if isinstance(tier, dict) else tier
            if entry.get("tier_withheld"):
                tier = WITHHELD  # scored, but fails a legal requirement of the review
            slot = tiers.setdefault(str(tier), {"agencies": 0, "names": [], "subsidy": Decimal(0)})
            slot["agencies"] += 1
            slot["names"].append(entry.get("agency") or entry.get("name") or "")
            if entry.get("subsidy") not in (None, ""):
                slot["subsidy"] += Decimal(str(entry["subsidy"]))
    return {k: {**v, "subsidy": str(round_fen(v["subsidy"]))} for k, v in sorted(tiers.items())}


def bureau(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The programme's totals (see the module) from loaded documents."""
    audits: dict[str, list[tuple[str, int, dict[str, Any], str]]] = {}
    agencies: set[str] = set()
    for n, doc in enumerate(d for d in docs if d.get("format") == PORTFOLIO):
        agencies.add(doc["agency"])
        for c in doc["clients"]:
            if c["status"] == "audited":
                audits.setdefault(c["client_id"], []).append((doc["as_of"], n, c, doc["agency"]))
    moves: Counter[str] = Counter()
    fixed = new = compared = 0
    clients = []
    latest_money, latest_employees = Decimal(0), 0
    for client_id, seen in sorted(audits.items()):
        seen.sort(key=lambda s: (s[0], s[1]))
        first, last = seen[0][2], seen[-1][2]
        latest_money += Decimal(last["amount_at_risk"])
        latest_employees += last["employees"]
        row = {"client_id": client_id, "agency": seen[-1][3], "audits": len(seen), "first": seen[0][0], "last": seen[-1][0],
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
    scorecards = [d for d in docs if str(d.get("format", "")).startswith(SCORECARD)]
    return {"format": FORMAT, "totals": totals, "subsidy_tiers": _tiers(scorecards), "clients": clients}


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
}


def _lab(key: str, lang: str) -> str:
    return _L[key][0 if lang == "zh" else 1]


def _pairs(doc: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    t = doc["totals"]
    keys = ("agencies", "enterprises", "employees", "amount_at_risk", "compared", "findings_fixed", "findings_new", "improved", "worsened", "unchanged")  # fmt: skip
    pairs = [(_lab(k, lang), str(t[k])) for k in keys]
    pairs += [
        (f"{_lab('tiers', lang)}: {tier}", f"{v['agencies']} ({_lab('subsidy', lang)} {v['subsidy']})")
        for tier, v in doc["subsidy_tiers"].items()
    ]
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
            f"<figure>{bar_chart(title, moves)}</figure>",
            *page_end([], lang),
        ]
    )
