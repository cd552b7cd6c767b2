"""The instant forms of the early warning (one roster) and the portfolio audit (several
rosters chosen at once), made from the package at build time."""

from __future__ import annotations

from checkups.text import Text
from sitegen.instant_html import field, ident, settings, submit, text_input

LABELS = {
    "file": Text("名册文件（CSV 或 Excel .xlsx）", "Roster file (CSV or Excel .xlsx)"),
    "files": Text("各托管企业的名册文件（可一次选择多个）", "The client enterprises' roster files (choose several at once)"),
    "drop": Text(
        "也可以把文件拖放到这里。文件只在本浏览器中读取，不会上传。",
        "Or drop the files here. They are read in this browser only, never uploaded.",
    ),
    "warn": Text("查看预警和期限", "Show warnings and deadlines"),
    "portfolio": Text("检查全部名册", "Audit all the rosters"),
    "results": Text("各托管机构的结果文件（JSON，可一次选择多个）", "The agencies' result files (JSON; choose several at once)"),
    "results_help": Text(
        "托管机构用批量检查导出的结果，以及评分结果。文件只在本浏览器中读取，不会上传。",
        "The agencies' exported portfolio audits, and their scorecards. Read in this browser only, never uploaded.",
    ),
    "bureau": Text("汇总", "Total them"),
    "agency": Text("托管机构名称", "The agency's name"),
    "agency_help": Text(
        "写入导出的结果，人社部门汇总时按机构和客户编号区分各企业",
        "Written into the exported results: the bureau tells enterprises apart by agency and client number",
    ),
}


def _upload(kind: str, lang: str, *, multiple: bool) -> str:
    cid = ident(kind, "file")
    control = (
        f'<input type="file" id="{cid}" name="file" accept=".csv,.xlsx,.txt,text/csv"{" multiple" if multiple else ""} '
        f'aria-describedby="{cid}-error {cid}-help">'
    )
    label = LABELS["files" if multiple else "file"].get(lang)
    return f'<div class="checkup-drop">{field(kind, "file", label, control, help_=LABELS["drop"].get(lang))}</div>'


def early_warning(lang: str) -> tuple[str, str]:
    """Region, audit date and one roster file."""
    return settings("early-warning", lang) + _upload("early-warning", lang, multiple=False), submit(LABELS["warn"].get(lang))


def portfolio(lang: str) -> tuple[str, str]:
    """Region, audit date and several roster files, one per client enterprise."""
    name = field(
        "portfolio",
        "agency",
        LABELS["agency"].get(lang),
        text_input("portfolio", "agency", numeric=False, help_=True),
        help_=LABELS["agency_help"].get(lang),
    )
    return settings("portfolio", lang, name) + _upload("portfolio", lang, multiple=True), submit(LABELS["portfolio"].get(lang))


def bureau(lang: str) -> tuple[str, str]:
    """Several result files (JSON); the region and date of the page's settings do not apply, so they are not shown."""
    cid = ident("bureau", "file")
    control = f'<input type="file" id="{cid}" name="file" accept=".json,application/json" multiple aria-describedby="{cid}-error {cid}-help">'
    upload = field("bureau", "file", LABELS["results"].get(lang), control, help_=LABELS["results_help"].get(lang))
    return f'<div hidden>{settings("bureau", lang)}</div><div class="checkup-drop">{upload}</div>', submit(
        LABELS["bureau"].get(lang)
    )
