"""The cost-benefit estimate as text for the terminal and as a standalone printable HTML
page with its SVG chart of cost against risk."""

from __future__ import annotations

from decimal import Decimal

from ..report_page import _e, page_start
from ..text import Text, fmt_money
from .chart import bar_chart
from .costs import SCENARIOS, Assumption, Estimate, spec
from .labels import Labels

__all__ = ["chart", "to_html", "to_text"]

L = Labels(
    {
        "found": Text("体检发现", "What the check-up found"),
        "kind": {
            "audit": Text("员工名册体检", "roster audit"),
            "evaluation": Text("企业问卷体检", "company questionnaire"),
            "answers": Text("企业问卷体检（本次计算）", "company questionnaire (evaluated here)"),
            "entered": Text("您填写的金额", "amounts you entered"),
        },
        "as_of": Text("检查日", "Audit date"),
        "findings": Text("发现问题", "Findings"),
        "owed": Text("确定涉及金额（元）", "Money certainly at risk (yuan)"),
        "fines": Text("可能另加的罚款或赔偿（元）", "Fines or compensation that may be added (yuan)"),
        "assumptions": Text("假设（都可以修改）", "Assumptions (all can be changed)"),
        "item": Text("假设", "Assumption"),
        "source": Text("来源", "Where it comes from"),
        "entered": Text("（您填写的）", " (entered by you)"),
        "result": Text("每年收支估算（元）", "Yearly balance (yuan)"),
        "case": Text("情形", "Case"),
        "risk": Text("可避免的风险", "Risk avoided"),
        "cost": Text("净费用（服务费 − 补贴）", "Net cost (fee − subsidy)"),
        "balance": Text("收支差额", "Balance"),
        "missing": Text("缺少的数字", "Figures missing"),
        "method": Text("计算方法", "How it is worked out"),
        "not_worked": Text("缺少数字，未计算", "not worked out: a figure is missing"),
        "chart": Text("费用与风险对比", "Cost against risk"),
        "disclaimer": Text(
            "本估算依据所填数字和所列假设自动生成，只供决策参考，不是预测，也不构成法律意见。",
            "This estimate is made from the figures entered and the assumptions listed, for deciding; it is not a "
            "forecast and not legal advice.",
        ),
    }
)
_t = L


def _shown(a: Assumption, scenario: str, lang: str) -> str:
    v = a.values[scenario]
    if v is None:
        return "—"
    if a.unit == "yuan":
        return fmt_money(v)
    if a.unit == "share":
        return f"{(v * 100).normalize():f}%"
    return f"{v.normalize():f}"


def _names(lang: str) -> dict[str, str]:
    return {s: spec()["scenarios"][s][lang] for s in SCENARIOS}


def _rows(est: Estimate, lang: str) -> list[tuple[str, str, str, str]]:
    """Per scenario: its name, risk, cost and balance as shown (dashes when not worked out)."""
    names = _names(lang)
    rows = []
    for s in SCENARIOS:
        c = est.scenarios[s]
        rows.append((names[s], *(("—",) * 3 if c is None else (fmt_money(c.risk), fmt_money(c.cost), fmt_money(c.balance)))))
    return rows


def to_text(est: Estimate, lang: str = "zh") -> str:
    """The estimate for the terminal: what was found, the balance per case, the assumptions, what is missing."""
    r, names = est.risk, _names(lang)
    lines = [spec()["title"][lang], ""]
    lines.append(f"{_t('found', lang)}: {L['kind'][r.kind].get(lang)}" + (f", {_t('as_of', lang)} {r.as_of}" if r.as_of else ""))
    lines.append(f"{_t('findings', lang)}: {r.findings}; {_t('owed', lang)}: {fmt_money(r.owed)}")
    lines.append(f"{_t('fines', lang)}: {fmt_money(r.fine_low)} – {fmt_money(r.fine_high)}")
    lines += ["", _t("result", lang), "\t".join([_t("case", lang), _t("risk", lang), _t("cost", lang), _t("balance", lang)])]
    lines += ["\t".join(row) for row in _rows(est, lang)]
    lines += ["", _t("assumptions", lang)]
    for a in est.assumptions:
        values = " / ".join(f"{names[s]} {_shown(a, s, lang)}" for s in SCENARIOS)
        mark = _t("entered", lang) if a.entered else ""
        lines.append(f"- {a.label.get(lang)}: {values}{mark}")
        lines.append(f"  {a.source.get(lang)}")
    if est.missing:
        lines += ["", _t("missing", lang)] + [f"! {m.get(lang)}" for m in est.missing]
    lines += ["", f"{_t('method', lang)}: {spec()['method'][lang]}"]
    return "\n".join(lines) + "\n"


def chart(est: Estimate, lang: str = "zh") -> str:
    """The SVG chart: per case, the net cost against the risk avoided."""
    names = _names(lang)
    groups: list[tuple[str, list[Decimal | None]]] = []
    for s in SCENARIOS:
        c = est.scenarios[s]
        groups.append((names[s], [None, None] if c is None else [c.cost, c.risk]))
    return bar_chart(_t("chart", lang), [_t("cost", lang), _t("risk", lang)], groups)


def to_html(est: Estimate, lang: str = "zh") -> str:
    """A standalone page that prints on A4: found, balance table, chart, assumptions, missing, method."""
    r, names = est.risk, _names(lang)
    meta = [(_t("found", lang), L["kind"][r.kind].get(lang)), (_t("findings", lang), str(r.findings))]
    if r.as_of:
        meta.append((_t("as_of", lang), r.as_of))
    meta += [(_t("owed", lang), fmt_money(r.owed)), (_t("fines", lang), f"{fmt_money(r.fine_low)} – {fmt_money(r.fine_high)}")]
    parts = page_start(spec()["title"][lang], lang, meta)
    parts.append(f"<p>{_e(spec()['purpose'][lang])}</p>")
    head = "".join(f"<th>{_e(_t(k, lang))}</th>" for k in ("case", "risk", "cost", "balance"))
    body = "".join(
        f'<tr><th scope="row">{_e(row[0])}</th>' + "".join(f'<td class="num">{_e(v)}</td>' for v in row[1:]) + "</tr>"
        for row in _rows(est, lang)
    )
    parts.append(f"<h2>{_e(_t('result', lang))}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append(f'<figure class="chart">{chart(est, lang)}</figure>')
    head = f"<th>{_e(_t('item', lang))}</th>" + "".join(f"<th>{_e(names[s])}</th>" for s in SCENARIOS)
    head += f"<th>{_e(_t('source', lang))}</th>"
    body = "".join(
        f"<tr><td>{_e(a.label.get(lang))}{_e(_t('entered', lang)) if a.entered else ''}</td>"
        + "".join(f'<td class="num">{_e(_shown(a, s, lang))}</td>' for s in SCENARIOS)
        + f"<td>{_e(a.source.get(lang))}</td></tr>"
        for a in est.assumptions
    )
    parts.append(f"<h2>{_e(_t('assumptions', lang))}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if est.missing:
        items = "".join(f"<li>{_e(m.get(lang))}</li>" for m in est.missing)
        parts.append(f'<h2>{_e(_t("missing", lang))}</h2><ul class="notes">{items}</ul>')
    parts.append(f"<h2>{_e(_t('method', lang))}</h2><p>{_e(spec()['method'][lang])}</p>")
    parts.append(f'<p class="disclaimer">{_e(_t("disclaimer", lang))}</p></body></html>')
    return "\n".join(parts)
