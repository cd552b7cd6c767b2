"""The agency scorecard as text, a printable HTML page (the ranking, the example bands, one
agency's points item by item) and a CSV of the ranking."""

from __future__ import annotations

from ..exports import safe_cell
from ..report_page import _e, cite_links, page_start
from ..text import Text
from .labels import Labels
from .scorecard import AgencyScore, RowError, Scorecard
from .scorecard_items import Band, column_title, indicators, requirements

__all__ = ["to_csv", "to_html", "to_text"]

L = Labels(
    {
        "title": Text("托管机构评分结果", "Agency scorecard"),
        "rank": Text("名次", "Rank"),
        "agency": Text("机构", "Agency"),
        "score": Text("得分", "Score"),
        "tier": Text("补贴分档", "Subsidy band"),
        "qualified": Text("资质审核", "Qualification review"),
        "yes": Text("法定要求均符合", "every legal requirement met"),
        "no": Text("有法定要求不符合，按清单说明不宜入选", "a legal requirement is not met: the checklist says not to select it"),
        "not_reviewed": Text("未审核", "not reviewed"),
        "withheld": Text("不能获得补贴：有法定资质要求不符合", "not eligible: fails a required qualification item"),
        "withheld_list": Text(
            "不能获得补贴的机构（得分照常计算）", "Agencies not eligible for a subsidy band (the score is still worked out)"
        ),
        "bands": Text("补贴分档", "Subsidy bands"),
        "own": Text("（本次使用的分档不是示例分档，是您填写的）", " (the bands used are your own, not the example)"),
        "errors": Text("未能评分的行", "Rows not scored"),
        "row": Text("行", "Line"),
        "column": Text("列", "Column"),
        "problem": Text("问题", "Problem"),
        "at": Text("第{row}行 ", "Line {row}, "),
        "colon": Text("：", ": "),
        "item": Text("项目", "Item"),
        "weight": Text("分值", "Points"),
        "given": Text("得分", "Given"),
        "evidence": Text("证明材料", "Evidence"),
        "failed": Text("不符合的法定要求", "Legal requirements not met"),
        "scored": Text("已评分 {n} 家，共 {total} 家", "{n} of {total} agencies scored"),
        "ignored": Text("以下列未使用：{columns}", "Columns not used: {columns}"),
        "disclaimer": Text(
            "评分按所填分数和评分表自动计算；补贴分档由主管部门在项目规则中确定，不是法律规定。",
            "The score is worked out from the points entered and the scorecard; the subsidy bands are set by the "
            "bureau in the programme rules, not by law.",
        ),
    }
)
_t = L


def _span(bands: list[Band], band: Band) -> str:
    above = bands.index(band)
    return f"≥ {band.min}" if above == 0 else f"{band.min} – < {bands[above - 1].min}"


def _qualified(value: bool | None, lang: str) -> str:
    return _t({True: "yes", False: "no", None: "not_reviewed"}[value], lang)


def _ranking(card: Scorecard, lang: str) -> list[list[str]]:
    return [
        [
            "—" if a.rank is None else str(a.rank),
            a.agency,
            "—" if a.score is None else f"{a.score.normalize():f}",
            _t("withheld", lang) if a.withheld else "—" if a.band is None else a.band.label.get(lang),
            _qualified(a.qualified, lang),
        ]
        for a in card.agencies
    ]


def _failed(a: AgencyScore, lang: str) -> list[str]:
    """The texts of the legal requirements ``a`` does not meet, in the checklist's order."""
    texts = {r.id: r.text.get(lang) for r in requirements()}
    return [texts[k] for k in a.failed]


def _withheld(card: Scorecard, lang: str) -> list[tuple[str, list[str]]]:
    return [(a.agency, _failed(a, lang)) for a in card.agencies if a.withheld]


def _problem(e: RowError, lang: str) -> str:
    """A bad cell in ``lang``: where (line and column's title) and what it should hold."""
    where = _t("at", lang).format(row=e.row) if e.row is not None else ""
    return f"{where}{column_title(e.column, lang)}{_t('colon', lang)}{e.text(lang)}"


def _errors(card: Scorecard, lang: str) -> list[tuple[str, str, str]]:
    return [(str(e.row or ""), column_title(e.column, lang), e.text(lang)) for a in card.agencies for e in a.errors]


def to_text(card: Scorecard, lang: str = "zh") -> str:
    """The ranking, one agency a line, then the bands and every bad cell."""
    heads = [_t(k, lang) for k in ("rank", "agency", "score", "tier", "qualified")]
    lines = [_t("title", lang), "\t".join(heads)] + ["\t".join(r) for r in _ranking(card, lang)]
    example = card.as_dict()["tiers"]["example"]
    lines += ["", _t("bands", lang) + ("" if example else _t("own", lang))]
    lines += [f"  {_span(card.bands, b)}: {b.label.get(lang)}" for b in card.bands]
    withheld = _withheld(card, lang)
    if withheld:
        lines += ["", _t("withheld_list", lang)]
        lines += [f"- {name}: {'; '.join(items)}" for name, items in withheld]
    errors = [_problem(e, lang) for a in card.agencies for e in a.errors]
    if errors:
        lines += ["", _t("errors", lang)] + [f"! {msg}" for msg in errors]
    if card.ignored_columns:
        lines.append(_t("ignored", lang).format(columns=", ".join(card.ignored_columns)))
    return "\n".join(lines) + "\n"


def _table(headers: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td{' class=num' if i in numeric else ''}>{_e(c)}</td>" for i, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _detail(card: Scorecard, lang: str) -> list[str]:
    """One agency's points item by item, with the evidence to keep, and its unmet legal requirements."""
    a = card.agencies[0]
    rows, html_rows = [], []
    for ind in indicators():
        given = a.points.get(ind.id)
        rows.append([ind.text.get(lang), f"{ind.weight}", "—" if given is None else f"{given.normalize():f}"])
        html_rows.append(
            f"<tr><td>{_e(ind.text.get(lang))}"
            + (f"<br><small>{cite_links(ind.citations, lang)}</small>" if ind.citations else "")
            + f'</td><td class="num">{_e(rows[-1][1])}</td><td class="num">{_e(rows[-1][2])}</td>'
            f"<td>{_e(ind.evidence.get(lang))}</td></tr>"
        )
    head = "".join(f"<th>{_e(_t(k, lang))}</th>" for k in ("item", "weight", "given", "evidence"))
    parts = [f"<h2>{_e(a.agency)}</h2><table><thead><tr>{head}</tr></thead><tbody>{''.join(html_rows)}</tbody></table>"]
    if a.failed:
        items = "".join(f"<li>{_e(t)}</li>" for t in _failed(a, lang))
        note = f"<p>{_e(_t('withheld', lang))}</p>" if a.withheld else ""
        parts.append(f"<h3>{_e(_t('failed', lang))}</h3>{note}<ul>{items}</ul>")
    return parts


def to_html(card: Scorecard, lang: str = "zh") -> str:
    """A standalone page that prints on A4: the ranking, the bands (marked as the example they are), bad cells."""
    data = card.as_dict()
    meta = [(_t("score", lang), _t("scored", lang).format(n=data["scored"], total=len(card.agencies)))]
    parts = page_start(_t("title", lang), lang, meta)
    heads = [_t(k, lang) for k in ("rank", "agency", "score", "tier", "qualified")]
    parts.append(_table(heads, _ranking(card, lang), numeric=(0, 2)))
    note = data["tiers"]["note"][lang] + ("" if data["tiers"]["example"] else _t("own", lang))
    parts.append(f"<h2>{_e(_t('bands', lang))}</h2><p>{_e(note)}</p>")
    parts.append(_table([_t("score", lang), _t("tier", lang)], [[_span(card.bands, b), b.label.get(lang)] for b in card.bands]))
    withheld = _withheld(card, lang)
    if withheld and len(card.agencies) > 1:
        items = "".join(
            f"<li>{_e(name)}<ul>{''.join(f'<li>{_e(t)}</li>' for t in failed)}</ul></li>" for name, failed in withheld
        )
        parts.append(f"<h2>{_e(_t('withheld_list', lang))}</h2><ul>{items}</ul>")
    errors = _errors(card, lang)
    if errors:
        parts.append(f"<h2>{_e(_t('errors', lang))}</h2>")
        parts.append(_table([_t("row", lang), _t("column", lang), _t("problem", lang)], [list(e) for e in errors]))
    if len(card.agencies) == 1:
        parts += _detail(card, lang)
    parts.append(f'<p class="disclaimer">{_e(_t("disclaimer", lang))}</p></body></html>')
    return "\n".join(parts)


def to_csv(card: Scorecard, lang: str = "zh") -> str:
    """The ranking as CSV (UTF-8 with BOM): rank, agency, score, band, review, problems (a band
    withheld lists the legal requirements not met)."""
    heads = [_t(k, lang) for k in ("rank", "agency", "score", "tier", "qualified")] + [_t("problem", lang)]
    out = ["\ufeff" + ",".join(heads)]
    for a, row in zip(card.agencies, _ranking(card, lang), strict=True):
        problems = _failed(a, lang) if a.withheld else [_problem(e, lang) for e in a.errors]
        cells = [*row, "; ".join(problems)]
        out.append(",".join('"' + safe_cell(c).replace('"', '""') + '"' for c in cells))
    return "\r\n".join(out) + "\r\n"
