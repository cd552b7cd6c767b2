"""The printable HTML report (A4, standalone): findings grouped by rule, a compact table of
the employees under each rule, and — for a large roster — the full list in a CSV file
written next to the page (:func:`write_html`; ``--format xlsx`` gives it as XLSX)."""

from __future__ import annotations

from pathlib import Path

from .audit import AuditResult
from .evaluate import Evaluation
from .exports import errors_csv, findings_csv
from .findings import Finding, explain_all, gc_paused
from .report_page import CUT_MARK, _e, _sev, _t, cite_links, page_end, page_start
from .report_parts import (
    Group,
    cited,
    errors_note,
    errors_shown,
    groups,
    headers,
    heading,
    meta,
    money_cell,
    not_run,
    notices,
    rule_items,
    summary_rows,
    title,
)

__all__ = ["to_html", "write_html"]


def _summary(result: AuditResult | Evaluation, lang: str) -> str:
    rows, total = summary_rows(result.findings, lang)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers(lang))
    body = "".join(
        f'<tr><th scope="row">{_e(r[0])}</th>' + "".join(f'<td class="num">{_e(c)}</td>' for c in r[1:]) + "</tr>" for r in rows
    )
    foot = f'<tr><th scope="row">{_e(total[0])}</th>' + "".join(
        f'<td class="num"><strong>{_e(c)}</strong></td>' for c in total[1:]
    )
    return f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody><tfoot>{foot}</tr></tfoot></table>'


def _errors(result: AuditResult, lang: str, full_list: str | None) -> str:
    """The rows not audited: each problem's line, column and reason (the first LIMIT, with a
    note and a link to the file of all of them when there are more)."""
    cols = "".join(f'<th scope="col">{_e(_t(k, lang))}</th>' for k in ("row", "column", "problem"))
    shown = errors_shown(result.errors)
    rows = "".join(f'<tr><td class="num">{e.row}</td><td>{_e(e.column)}</td><td>{_e(e.message)}</td></tr>' for e in shown)
    note = errors_note(result.errors, lang, CUT_MARK if full_list else None)
    cut = ""
    if note:
        link = f'<a href="{_e(full_list)}">{_e(full_list)}</a>' if full_list else ""
        cut = f'<p class="cut">{_e(note).replace(CUT_MARK, link)}</p>'
    return (
        f'<h2>{_e(_t("errors", lang))}</h2>{cut}<table class="errors"><thead><tr>{cols}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _steps(f: Finding, lang: str) -> str:
    steps = "".join(f"<li>{_e(s.get(lang))}</li>" for s in f.trace.steps)
    return f'<ol class="steps">{steps}</ol>' if steps else ""


def _employee_row(f: Finding, lang: str) -> str:
    amount, rng = money_cell(f, lang)
    money = _e(amount) + (f"<br><small>{_e(rng)}</small>" if rng else "")
    return (
        f'<tr><td class="num">{"" if f.row is None else f.row}</td><td>{_e(f.employee_id or "")}</td>'
        f'<td>{_e(f.message_in(lang))}</td><td class="num">{money}</td><td>{_steps(f, lang)}</td></tr>'
    )


def _cut(group: Group, lang: str, files: tuple[str, ...]) -> str:
    """The note above a cut list, with links to the files of the full list."""
    if not files:
        return f'<p class="cut">{_e(group.cut_note(lang, None))}</p>'
    links = " / ".join(f'<a href="{_e(name)}">{_e(name)}</a>' for name in files)
    return f'<p class="cut">{_e(group.cut_note(lang, CUT_MARK)).replace(CUT_MARK, links)}</p>'


def _group(number: int, group: Group, lang: str, files: tuple[str, ...]) -> str:
    sev = group.spec.severity
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rule_items(group, lang))
    items += f"<dt>{_e(_t('basis', lang))}</dt><dd>{cite_links(group.spec.citations, lang)}</dd>"
    parts = [
        f'<section class="rule {sev}"><h3><span class="sev {sev}">{_e(_sev(sev, lang))}</span> {_e(heading(number, group, lang))}</h3>',
        f"<dl>{items}</dl>",
    ]
    if group.cut:
        parts.append(_cut(group, lang, files))
    if group.per_employee:
        cols = [("num", "row"), ("", "employee"), ("", "found"), ("num", "amount"), ("", "how")]
        head = "".join(f'<th scope="col" class="{c}">{_e(_t(k, lang))}</th>' for c, k in cols)
        body = "".join(_employee_row(f, lang) for f in group.shown)
        parts.append(f'<table class="employees"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
    else:
        for f in group.findings:
            how = f"<dt>{_e(_t('how', lang))}</dt><dd>{_steps(f, lang)}</dd>" if f.trace.steps else ""
            parts.append(f'<p class="found">{_e(f.message_in(lang))}</p>' + (f"<dl>{how}</dl>" if how else ""))
    parts.append("</section>")
    return "".join(parts)


@gc_paused()
def to_html(
    result: AuditResult | Evaluation, lang: str = "zh", *, full_list: tuple[str, ...] = (), errors_list: str | None = None
) -> str:
    """A standalone HTML report with A4 print styles (no external resources).

    ``full_list`` names the files that hold every finding (relative to the page), linked
    above each list that is cut; without it the page says to export the findings.
    ``errors_list`` names the file of every problem of the rows not audited, likewise.
    """
    explain_all(result.findings)
    parts = page_start(title(result, lang), lang, meta(result, lang))
    parts.append(f"<h2>{_e(_t('summary', lang))}</h2>" + _summary(result, lang))
    for key, notes in (("notices", notices(result, lang)), ("not_run", not_run(result, lang))):
        if notes:
            parts.append(
                f'<h2>{_e(_t(key, lang))}</h2><ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"
            )
    if isinstance(result, AuditResult) and result.errors:
        parts.append(_errors(result, lang, errors_list))
    parts.append(f"<h2>{_e(_t('findings', lang))}</h2>")
    if not result.findings:
        parts.append(f"<p>{_e(_t('none', lang))}</p>")
    parts += [_group(n, g, lang, full_list) for n, g in enumerate(groups(result.findings), start=1)]
    parts += page_end(cited(result.findings), lang)
    return "\n".join(parts) + "\n"


def write_html(result: AuditResult | Evaluation, path: str | Path, lang: str = "zh") -> list[Path]:
    """Write the HTML report to ``path`` and, when a rule's list is cut, the full list next to
    it (``<name>-findings.csv``, which Excel and WPS open), and when the rows not audited are
    too many to list, all their problems (``<name>-rows-not-audited.csv``); returns the files written."""
    path = Path(path)
    cut = any(g.cut for g in groups(result.findings))
    lists = [path.with_name(f"{path.stem}-findings.csv")] if cut else []
    errors = result.errors if isinstance(result, AuditResult) else []
    rejected = path.with_name(f"{path.stem}-rows-not-audited.csv") if errors_note(errors, lang, None) else None
    page = to_html(result, lang, full_list=tuple(p.name for p in lists), errors_list=rejected.name if rejected else None)
    path.write_text(page, encoding="utf-8")
    if lists:
        with lists[0].open("w", encoding="utf-8", newline="") as out:
            out.writelines(findings_csv(result.findings, lang))
    if rejected:
        with rejected.open("w", encoding="utf-8", newline="") as out:
            out.writelines(errors_csv(errors, lang))
    return [path, *lists] + ([rejected] if rejected else [])
