"""The portfolio audit as text (terminal) and as a standalone, printable HTML page with charts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..registry import SEVERITY_ORDER
from ..report_page import _e, _sev, page_end, page_start
from ..text import fmt_money
from .chart import list_chart

__all__ = ["LABELS", "to_html", "to_text"]

LABELS = {
    "title": ("托管企业名册检查汇总", "Portfolio audit of client rosters"),
    "file": ("文件", "File"),
    "client": ("企业", "Client"),
    "employees": ("员工", "Employees"),
    "grade": ("风险等级", "Grade"),
    "money": ("涉及金额（元）", "Money at risk (CNY)"),
    "nearest": ("最近的期限", "Nearest deadline"),
    "failed": ("未能检查的文件", "Files not audited"),
    "reason": ("原因", "Reason"),
    "totals": ("合计", "Totals"),
    "as_of": ("检查日", "Audit date"),
    "agency": ("托管机构", "Agency"),
    "files": ("文件数", "Files"),
    "audited": ("已检查", "Audited"),
    "grades_chart": ("各风险等级的企业数", "Clients by grade"),
    "money_chart": ("涉及金额最多的企业", "Clients with the most money at risk"),
    "rejected": ("未检查的行", "Rows not audited"),
    "scroll": ("各企业一览（表格可左右滚动）", "One row per client (the table scrolls sideways)"),
}


def _l(key: str, lang: str) -> str:
    return LABELS[key][0 if lang == "zh" else 1]


def _name(c: dict[str, Any]) -> str:
    return c.get("client_name") or c.get("client_id") or c["file"]


def _nearest(c: dict[str, Any], lang: str) -> str:
    n = c.get("nearest_deadline")
    return "—" if not n else f"{n['date']} {n['summary'][lang]}"


def to_text(doc: dict[str, Any], lang: str) -> str:
    """One line per client (audited or failed, with the reason), then the totals."""
    lines = [f"{_l('title', lang)} · {doc['agency']} · {_l('as_of', lang)} {doc['as_of']}", ""]
    sev = "/".join(_sev(s, lang) for s in SEVERITY_ORDER)
    lines.append(
        "\t".join(
            [
                _l("file", lang),
                _l("client", lang),
                _l("grade", lang),
                _l("employees", lang),
                sev,
                _l("money", lang),
                _l("nearest", lang),
            ]
        )
    )
    for c in doc["clients"]:
        if c["status"] != "audited":
            lines.append(f"{c['file']}\t{_name(c)}\t—\t{_l('failed', lang)}: {c['reason']}")
            continue
        counts = "/".join(str(c["by_severity"][s]) for s in SEVERITY_ORDER)
        money = fmt_money(Decimal(c["amount_at_risk"]))
        lines.append(f"{c['file']}\t{_name(c)}\t{c['grade'] or '—'}\t{c['employees']}\t{counts}\t{money}\t{_nearest(c, lang)}")
    t = doc["totals"]
    counts = "/".join(str(t["by_severity"][s]) for s in SEVERITY_ORDER)
    grades = " ".join(f"{g}:{n}" for g, n in t["grades"].items())
    lines += [
        "",
        f"{_l('totals', lang)}: {_l('files', lang)} {t['files']}, {_l('audited', lang)} {t['audited']}, "
        f"{_l('failed', lang)} {t['failed'] + t['skipped']}; {_l('employees', lang)} {t['employees']}; {sev} {counts}; "
        f"{_l('money', lang)} {fmt_money(Decimal(t['amount_at_risk']))}; {_l('grade', lang)} {grades}; "
        f"{_l('nearest', lang)} {t['nearest_deadline'] or '—'}",
    ]
    return "\n".join(lines) + "\n"


def charts(doc: dict[str, Any], lang: str, top: int = 15) -> list[str]:
    """The SVG charts: clients by grade, and the clients with the most money at risk."""
    grades = [(g, n, str(n)) for g, n in doc["totals"]["grades"].items()]
    done = [c for c in doc["clients"] if c["status"] == "audited" and Decimal(c["amount_at_risk"]) > 0]
    done.sort(key=lambda c: Decimal(c["amount_at_risk"]), reverse=True)
    money = [(_name(c), Decimal(c["amount_at_risk"]), fmt_money(Decimal(c["amount_at_risk"]))) for c in done[:top]]
    return [list_chart(_l("grades_chart", lang), grades), list_chart(_l("money_chart", lang), money)]


def to_html(doc: dict[str, Any], lang: str) -> str:
    """The printable page: the totals, the charts, one row per client, the files not audited."""
    t = doc["totals"]
    meta = [
        (_l("agency", lang), doc["agency"]),
        (_l("as_of", lang), doc["as_of"]),
        (
            _l("files", lang),
            f"{t['files']} ({_l('audited', lang)} {t['audited']}, {_l('failed', lang)} {t['failed'] + t['skipped']})",
        ),
        (_l("employees", lang), str(t["employees"])),
        (_l("money", lang), fmt_money(Decimal(t["amount_at_risk"]))),
    ]
    parts = page_start(_l("title", lang), lang, meta)
    parts.append('<div class="charts">' + "".join(f"<figure>{svg}</figure>" for svg in charts(doc, lang)) + "</div>")
    heads = [_l(k, lang) for k in ("file", "client", "grade", "employees")] + [_sev(s, lang) for s in SEVERITY_ORDER]
    heads += [_l("money", lang), _l("rejected", lang), _l("nearest", lang)]
    rows = []
    for c in doc["clients"]:
        if c["status"] != "audited":
            continue
        cells = [c["file"], _name(c), c["grade"] or "—", c["employees"], *(c["by_severity"][s] for s in SEVERITY_ORDER)]
        cells += [fmt_money(Decimal(c["amount_at_risk"])), c["rejected"], _nearest(c, lang)]
        rows.append("<tr>" + "".join(f"<td>{_e(x)}</td>" for x in cells) + "</tr>")
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    table = f"<table class='portfolio'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    # a wide table scrolls sideways in its own box, which the keyboard can reach (a named region)
    parts.append(f'<div class="checkup-scroll" tabindex="0" role="region" aria-label="{_e(_l("scroll", lang))}">{table}</div>')
    failed = [c for c in doc["clients"] if c["status"] != "audited"]
    if failed:
        body = "".join(f"<tr><td>{_e(c['file'])}</td><td>{_e(c['reason'])}</td></tr>" for c in failed)
        parts.append(
            f"<h2>{_e(_l('failed', lang))}</h2><table class='failed'><thead><tr><th>{_e(_l('file', lang))}</th><th>{_e(_l('reason', lang))}</th></tr></thead><tbody>{body}</tbody></table>"
        )
    parts += page_end([], lang)
    return "".join(parts)
